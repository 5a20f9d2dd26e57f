"""backex: a command-line coach for home back-care exercises."""

__version__ = "0.1.0"
