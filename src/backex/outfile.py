"""Write an output file whole or not at all, and never replace one unless asked."""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from backex.errors import BackexError


def write_new_file(path: Path, data: bytes | Iterable[bytes], *, force: bool = False) -> None:
    """Write ``data`` (or its pieces, as they come) to ``path`` via a temporary file in the
    same folder, then rename.

    Refuses an existing ``path`` unless ``force``; a failure leaves no partial file and
    raises :class:`~backex.errors.BackexError` naming the path and the reason.
    """
    if path.is_dir():
        raise BackexError(f"cannot write {path}: it is a folder")
    if path.exists() and not force:
        raise BackexError(f"{path} already exists; use --force to replace it")
    folder = path.parent
    if not folder.is_dir():
        raise BackexError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise BackexError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o666 & ~_umask())  # mkstemp makes it 0600; outputs are ordinary files
        if force:
            tmp.replace(path)
        else:
            _link_without_replacing(tmp, path)
    except OSError as exc:
        raise BackexError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _link_without_replacing(tmp: Path, path: Path) -> None:
    # A hard link fails if the name appeared since the check above; a rename would not.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise BackexError(f"{path} already exists; use --force to replace it") from None
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links.
        if path.exists():
            raise BackexError(f"{path} already exists; use --force to replace it") from None
        tmp.replace(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
