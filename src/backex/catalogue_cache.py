"""A cache of the validated catalogue, so ordinary start-ups skip YAML and pydantic.

Keyed by schema version, program version and each source file's path, mtime and
size. Written atomically; any problem reading it means a full load instead.
"""

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from backex import __version__, paths
from backex.exercise import Exercise

# Bump when the exercise records change shape.
SCHEMA_VERSION = 1


def cache_key(sources: list[Path]) -> str | None:
    """A key that changes whenever any source file or the program changes."""
    parts = [f"schema={SCHEMA_VERSION}", f"backex={__version__}"]
    for source in sources:
        try:
            stat = source.stat()
        except OSError:
            return None  # let the full load report the missing file
        parts.append(f"{source.resolve()}|{stat.st_mtime_ns}|{stat.st_size}")
    return "\n".join(parts)


def _cache_file(sources: list[Path]) -> Path:
    name = hashlib.sha256("\n".join(str(s.resolve()) for s in sources).encode()).hexdigest()
    return paths.cache_dir() / f"catalogue-{name[:16]}.pickle"


def read(sources: list[Path], key: str) -> tuple[Exercise, ...] | None:
    """The cached exercises for ``key``, or None on a miss or any read problem."""
    try:
        # Our own file in the user's own cache folder, written by write() below.
        stored_key, exercises = pickle.loads(_cache_file(sources).read_bytes())
    except Exception:  # a corrupt or foreign cache is just a miss
        return None
    if stored_key != key or not isinstance(exercises, tuple):
        return None
    if not all(isinstance(e, Exercise) for e in exercises):
        return None
    return exercises


def write(sources: list[Path], key: str, exercises: tuple[Exercise, ...]) -> None:
    """Store ``exercises`` under ``key``; silently skip if the folder is not writable."""
    target = _cache_file(sources)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".catalogue-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((key, exercises), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
