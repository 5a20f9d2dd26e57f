"""Documents for people and other programs: the printable handout and reminder files.

May import ``backex.history`` and every package below it, never Rich or Typer.
"""
