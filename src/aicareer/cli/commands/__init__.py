"""The CLI commands, one module per area; each registers on aicareer.cli.app."""
