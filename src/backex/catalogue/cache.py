"""A cache of the validated catalogue, so ordinary start-ups skip YAML and pydantic.

Keyed by schema version, the shape of the exercise records, program and Python
version, and each source file's path, mtime and size. Written atomically; any problem
reading it means a full load instead, and any problem writing it is ignored.
"""

import sys
import zlib
from pathlib import Path

from backex import __version__, cachefile, paths
from backex.catalogue.exercise import Dose, Exercise, MoveUp, Tempo
from backex.catalogue.figures import Frame

# Bump when the meaning of a record changes without its fields changing.
SCHEMA_VERSION = 1

# A new or renamed field in a record changes the key by itself.
_RECORD_SHAPE = ",".join(
    f"{record.__name__}({'|'.join(record.__slots__)})"
    for record in (Exercise, Dose, Tempo, Frame, MoveUp)
)


def _by_fields(
    record: Exercise | Dose | Tempo | Frame | MoveUp,
) -> tuple[type, tuple[object, ...]]:
    return type(record), tuple([getattr(record, name) for name in record.__slots__])


# Records are stored as a call with their field values: loading runs the dataclass's
# own __init__, about three times faster than the generic slots __setstate__ (3,000
# exercises: 17 ms instead of 49 ms).
_BY_FIELDS: dict[type, object] = dict.fromkeys((Exercise, Dose, Tempo, Frame, MoveUp), _by_fields)


def cache_key(sources: list[Path]) -> str | None:
    """A key that changes whenever any source file or the program changes."""
    parts = [
        f"schema={SCHEMA_VERSION}",
        f"records={_RECORD_SHAPE}",
        f"backex={__version__}",
        f"python={sys.version_info[0]}.{sys.version_info[1]}",
    ]
    for source in sources:
        try:
            stat = source.stat()
        except OSError:
            return None  # let the full load report the missing file
        parts.append(f"{source.resolve()}|{stat.st_mtime_ns}|{stat.st_size}")
    return "\n".join(parts)


def cache_file(sources: list[Path]) -> Path:
    """Where the cache for ``sources`` lives: one file per combination of sources.

    The name only spreads combinations over files (zlib is already loaded, hashlib
    would cost 3 ms); two combinations sharing a name just miss each other's key.
    """
    joined = "\n".join(str(s.resolve()) for s in sources).encode()
    return paths.cache_dir() / f"catalogue-{zlib.crc32(joined):08x}.pickle"


def read(sources: list[Path], key: str) -> tuple[Exercise, ...] | None:
    """The cached exercises for ``key``, or None on a miss or any read problem."""
    exercises = cachefile.read(lambda: cache_file(sources), key)
    if not isinstance(exercises, tuple) or not all(isinstance(e, Exercise) for e in exercises):
        return None
    return exercises


def write(sources: list[Path], key: str, exercises: tuple[Exercise, ...]) -> None:
    """Store ``exercises`` under ``key``; silently skip if that is not possible."""
    cachefile.write(lambda: cache_file(sources), key, exercises, _BY_FIELDS)
