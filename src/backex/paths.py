"""Where backex keeps its own files (``BACKEX_HOME`` or the platform's user folders),
and how this run of backex was reached, for the hints it prints."""

import os
import sys
from pathlib import Path

HOME_ENV = "BACKEX_HOME"
APP_NAME = "backex"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def _linux_xdg(env_var: str, default: str) -> Path | None:
    """The XDG folder platformdirs would give on plain Linux, or None when unsure.

    Every ``show`` and ``list`` looks up the cache folder; importing platformdirs for
    it costs about 5 ms of a 100 ms start-up. The common case (an absolute XDG
    variable or an absolute ``HOME``) is answered here; anything else (Android, a
    relative or missing ``HOME``) is left to platformdirs, and a test keeps the two
    in agreement.
    """
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    xdg = os.environ.get(env_var, "")
    if Path(xdg).is_absolute():
        return Path(xdg) / APP_NAME
    home = os.environ.get("HOME", "")
    if Path(home).is_absolute():
        return Path(home.rstrip("/") + "/" + default) / APP_NAME
    return None


# folder kind -> (XDG variable, its default under $HOME, the platformdirs function)
_FOLDERS = {
    "data": ("XDG_DATA_HOME", ".local/share", "user_data_dir"),
    "cache": ("XDG_CACHE_HOME", ".cache", "user_cache_dir"),
    "config": ("XDG_CONFIG_HOME", ".config", "user_config_dir"),
}


def _user_dir(kind: str) -> Path:
    home = _home_override()
    if home is not None:
        return home / kind
    variable, default, function = _FOLDERS[kind]
    found = _linux_xdg(variable, default)
    if found is not None:
        return found
    import platformdirs  # only paid for where the rule above does not answer

    folder: str = getattr(platformdirs, function)(APP_NAME, appauthor=False)
    return Path(folder)


def data_dir() -> Path:
    """Folder for the history database and remembered answers."""
    return _user_dir("data")


def cache_dir() -> Path:
    """Folder for disposable caches (the validated catalogue)."""
    return _user_dir("cache")


def config_dir() -> Path:
    """Folder for user configuration."""
    return _user_dir("config")


def command_name() -> str:
    """The command as the person typed it, for hints: "backex", "python -m backex",
    or ".venv/bin/backex" when that is not the ``backex`` the PATH finds."""
    import shlex
    import shutil

    argv0 = sys.argv[0] if sys.argv else ""
    name = Path(argv0).name
    # ``python -m pytest`` also runs a __main__.py: only backex's own is "-m backex".
    if name == "__main__.py" and Path(argv0).parent.name == APP_NAME:
        return f"{Path(sys.executable).name or 'python'} -m backex"
    if name == APP_NAME and os.sep in argv0:
        found = shutil.which(APP_NAME)
        if found is None or Path(found).resolve() != Path(argv0).resolve():
            return shlex.quote(argv0)
    return APP_NAME
