"""A keyed cache file of our own: read whole or treated as a miss, written atomically.

Shared by the catalogue and plan-file caches. The file lives in the user's own cache
folder and is written only by :func:`write`, so unpickling it is as safe as the folder.
"""

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Where the file is, asked for inside the error handling: finding the user's cache folder
# can fail too (no home folder), and that is a miss, not an error.
Locate = Callable[[], Path]


def read(locate: Locate, key: str) -> object | None:
    """The value stored under ``key`` in the file, or None on a miss or any read problem."""
    try:
        stored_key, value = pickle.loads(locate().read_bytes())
    except Exception:  # a missing, corrupt or foreign cache is just a miss
        return None
    return value if stored_key == key else None


def write(
    locate: Locate, key: str, value: object, dispatch_table: dict[type, Any] | None = None
) -> None:
    """Store ``value`` under ``key`` in the file atomically; silently skip if not possible.

    ``dispatch_table``: pickle reducers for record types (see the catalogue cache).
    """
    import tempfile  # only a cache miss writes

    try:
        path = locate()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                if dispatch_table is not None:
                    pickler.dispatch_table = dispatch_table
                pickler.dump((key, value))
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, RuntimeError, pickle.PicklingError):  # unwritable folder, full disk
        pass
