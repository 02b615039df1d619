"""The command line: the Typer app, shared options, the commands, the questionnaire adapter."""
