"""Shared building blocks every layer may use: errors, suggestions, money, months."""
