"""The automatic planner: which exercises today, in which order, at which dose, how long.

Owns the ``Plan`` record, dosing from history, timing estimates and the plan's JSON form.
May import ``backex.care`` and ``backex.catalogue``.
"""
