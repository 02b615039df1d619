"""Rich renderables and text writers. Render functions return; they never print or exit."""
