"""The clinician's plan file: its model, its schema gate and its YAML writer.

Turns a plan file into a session ``Plan``; knows frequencies and prescribed doses.
May import ``backex.planning``, ``backex.care`` and ``backex.catalogue``.
"""
