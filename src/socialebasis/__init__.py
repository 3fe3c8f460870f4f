"""Sociale Basis: de sociale basis van een buurt in kaart en verbonden."""

__version__ = "0.1.0"
API_VERSION = "1.0.0"
