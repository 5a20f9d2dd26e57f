"""The exercise catalogue: records, the YAML reader, the schema gate, the loader and its cache.

Owns what an exercise is and how the built-in and user catalogue files become records.
May import only ``backex.errors`` and ``backex.paths``.
"""
