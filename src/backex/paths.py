"""Where backex keeps its own files: ``BACKEX_HOME`` or the platform's user folders."""

import os
from pathlib import Path

HOME_ENV = "BACKEX_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Folder for the history database and remembered answers."""
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs  # only paid for on the paths that need it

    return Path(platformdirs.user_data_dir("backex", appauthor=False))


def cache_dir() -> Path:
    """Folder for disposable caches (the validated catalogue)."""
    home = _home_override()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("backex", appauthor=False))


def config_dir() -> Path:
    """Folder for user configuration."""
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("backex", appauthor=False))
