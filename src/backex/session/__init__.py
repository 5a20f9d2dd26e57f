"""The coached session as a pure state machine: time and keys in, snapshots and results out.

No clock, no terminal: the caller feeds events. May import ``backex.prescription``,
``backex.planning``, ``backex.care`` and ``backex.catalogue``.
"""
