"""The session history: the SQLite store and its migrations, records, recording, progress,
adherence and exports.

May import ``backex.session`` and every package below it.
"""
