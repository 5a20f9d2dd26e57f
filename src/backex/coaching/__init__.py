"""The terminal loop around the session engine: real clock, keys, sounds, the plain reporter.

Drives ``backex.session`` with real time; drawing is handed to ``backex.ui``'s callbacks.
May import ``backex.history`` and every package below it, never Rich or Typer.
"""
