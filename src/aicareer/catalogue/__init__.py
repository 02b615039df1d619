"""The bundled and custom data: typed models, loading, validation, name resolution, the skill matcher."""
