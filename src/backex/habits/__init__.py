"""Keeping people exercising: personal goals scored 0-10 (the Patient-Specific Functional
Scale) and the weekly check-in. Pure decisions (when to ask, the week's numbers, which
tip for which answer) and their tables in the history file; no prompts, no printing.

May import ``backex.history`` and every package below it.
"""
