"""backex's own answer for the user folders agrees with platformdirs where it answers."""

import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from backex import paths

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is Linux-only")

FOLDERS: list[tuple[Callable[[], Path], Callable[..., str], str]] = [
    (paths.cache_dir, platformdirs.user_cache_dir, "XDG_CACHE_HOME"),
    (paths.data_dir, platformdirs.user_data_dir, "XDG_DATA_HOME"),
    (paths.config_dir, platformdirs.user_config_dir, "XDG_CONFIG_HOME"),
]


@pytest.mark.parametrize(("ours", "theirs", "xdg_var"), FOLDERS, ids=["cache", "data", "config"])
@pytest.mark.parametrize(
    ("home", "xdg"),
    [
        ("/home/ana", None),
        ("/home/ana/", None),
        ("/", None),
        ("/home/ana", "/srv/xdg"),
        ("/home/ana", "/srv/xdg/"),
        ("/home/ana", ""),
        ("/home/ana", "relative/xdg"),
    ],
)
def test_folders_match_platformdirs(
    monkeypatch: pytest.MonkeyPatch,
    ours: Callable[[], Path],
    theirs: Callable[..., str],
    xdg_var: str,
    home: str,
    xdg: str | None,
) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv(xdg_var, raising=False)
    else:
        monkeypatch.setenv(xdg_var, xdg)
    assert ours() == Path(theirs("backex", appauthor=False))


def test_backex_home_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/xdg")
    assert paths.cache_dir() == tmp_path / "cache"
