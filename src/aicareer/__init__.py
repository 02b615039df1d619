"""aicareer: an offline AI-career advisor for the terminal."""

__version__ = "0.1.0"
