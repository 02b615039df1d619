"""Pure functions on typed models: no printing, prompting, exiting or file reading."""
