"""The package's own version (also the producer recorded in every document)."""

__version__ = "0.1.0"
