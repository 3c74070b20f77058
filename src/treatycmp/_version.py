"""Version of the treatycmp package (the data carries its own version)."""

__version__ = "0.3.0"
