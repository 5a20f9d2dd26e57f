"""A cache of validated plan files, so ``routine --plan`` starts like ``routine``.

The reminders tell people to run ``backex routine --plan FILE`` every day; validating the
file each time costs YAML and pydantic (about 90 ms and 16 MiB). A plan is cached under
its path, size and modification time, the catalogue it was checked against (its own
cache key), the record shapes and the program and Python versions. Any problem reading
the cache is a miss; any problem writing it is ignored.
"""

import sys
import zlib
from dataclasses import fields
from pathlib import Path

from backex import __version__, cachefile, paths
from backex.catalogue.loader import Catalogue
from backex.prescription.model import Frequency, PrescribedExercise, Prescription

# Bump when the meaning of a plan changes without its record fields changing.
SCHEMA_VERSION = 2  # 2: entries resolve names and aliases; plan files v2

_RECORD_SHAPE = ",".join(
    f"{record.__name__}({'|'.join(f.name for f in fields(record))})"
    for record in (Prescription, PrescribedExercise, Frequency)
)


def cache_key(path: Path, catalogue: Catalogue) -> str | None:
    """A key that changes whenever the plan file, its catalogue or the program changes."""
    if catalogue.source_key is None:
        return None  # a catalogue made in code: nothing stable to key on
    try:
        stat = path.stat()
    except OSError:
        return None  # let the full load report the missing file
    return "\n".join(
        [
            f"schema={SCHEMA_VERSION}",
            f"records={_RECORD_SHAPE}",
            f"backex={__version__}",
            f"python={sys.version_info[0]}.{sys.version_info[1]}",
            f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}",
            f"catalogue={zlib.crc32(catalogue.source_key.encode()):08x}",
            catalogue.source_key,
        ]
    )


def cache_file(path: Path) -> Path:
    """One cache file per plan file (by its resolved path)."""
    return paths.cache_dir() / f"plan-{zlib.crc32(str(path.resolve()).encode()):08x}.pickle"


def read(path: Path, key: str) -> Prescription | None:
    """The cached plan for ``key``, or None on a miss or any read problem."""
    prescription = cachefile.read(lambda: cache_file(path), key)
    return prescription if isinstance(prescription, Prescription) else None


def write(path: Path, key: str, prescription: Prescription) -> None:
    """Store ``prescription`` under ``key``; silently skip if that is not possible."""
    cachefile.write(lambda: cache_file(path), key, prescription)
