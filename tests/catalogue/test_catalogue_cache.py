"""The validated-catalogue cache: a hit gives what a full load gives; any doubt reloads."""

import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from backex.catalogue import cache as catalogue_cache
from backex.catalogue import loader as catalogue
from backex.catalogue.exercise import Exercise
from backex.catalogue.loader import builtin_catalogue_path, load_catalogue

USER_CATALOGUE = """\
exercises:
  - id: wall-sit
    name: {name}
    summary: Sitting against a wall works the thighs.
    focus: [core]
    position: standing
    level: 2
    equipment: [wall]
    dose: {{sets: 1, hold_s: 20}}
    steps: [Lean your back on a wall and slide down a little.]
    cues: [Keep your knees over your ankles.]
    stop_if: [Pain rises above 5 out of 10.]
    easier: [bridge]
    sources: [My physiotherapist]
"""


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """Records the user path of every full (YAML + pydantic) load."""
    calls: list[Path | None] = []
    real = catalogue._load_and_validate

    def counting(builtin: Path, user_path: Path | None) -> tuple[Exercise, ...]:
        calls.append(user_path)
        return real(builtin, user_path)

    monkeypatch.setattr(catalogue, "_load_and_validate", counting)
    return calls


def write_user_catalogue(path: Path, name: str = "Wall sit") -> Path:
    path.write_text(USER_CATALOGUE.format(name=name), encoding="utf-8")
    return path


def builtin_cache_file() -> Path:
    return catalogue_cache.cache_file([builtin_catalogue_path()])


def test_second_load_comes_from_the_cache_and_equals_the_full_load(
    full_loads: list[Path | None],
) -> None:
    first = load_catalogue()
    second = load_catalogue()
    assert full_loads == [None]
    assert builtin_cache_file().is_file()
    assert second.exercises == first.exercises
    assert second.get("glute bridge").id == "bridge"


def test_user_catalogue_is_cached_apart_from_the_builtin_one(
    tmp_path: Path, full_loads: list[Path | None]
) -> None:
    user = write_user_catalogue(tmp_path / "mine.yaml")
    load_catalogue()
    with_user = load_catalogue(user)
    assert load_catalogue(user).exercises == with_user.exercises
    assert load_catalogue().find("wall-sit") is None
    assert full_loads == [None, user]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: write_user_catalogue(p, "Wall squat hold"), id="new size"),
        pytest.param(lambda p: write_user_catalogue(p, "Wall sat"), id="same size"),
    ],
)
def test_stale_cache_is_reloaded_when_the_file_changes(
    tmp_path: Path, full_loads: list[Path | None], change: Callable[[Path], Path]
) -> None:
    user = write_user_catalogue(tmp_path / "mine.yaml")
    assert load_catalogue(user).get("wall-sit").name == "Wall sit"
    before = user.stat()
    change(user)
    # Same-second edits must still count: move the mtime on by one second.
    os.utime(user, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    changed = load_catalogue(user).get("wall-sit").name
    assert changed != "Wall sit"
    assert load_catalogue(user).get("wall-sit").name == changed
    assert full_loads == [user, user]


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param(b"\x00\xffnot a pickle at all", id="garbage bytes"),
        pytest.param(b"", id="empty file"),
        pytest.param(None, id="truncated"),
        pytest.param(pickle.dumps(("key", [1, 2])), id="wrong shape"),
    ],
)
def test_corrupt_cache_means_a_full_load_and_is_rewritten(
    full_loads: list[Path | None], garbage: bytes | None
) -> None:
    expected = load_catalogue().exercises
    cache = builtin_cache_file()
    good = cache.read_bytes()
    cache.write_bytes(good[: len(good) // 2] if garbage is None else garbage)
    assert load_catalogue().exercises == expected
    assert full_loads == [None, None]
    assert cache.read_bytes() == good  # rewritten whole
    assert load_catalogue().exercises == expected
    assert full_loads == [None, None]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("__version__", "0.0.1-other"), ("SCHEMA_VERSION", 999), ("_RECORD_SHAPE", "Exercise(id)")],
)
def test_cache_written_by_another_program_version_is_ignored(
    monkeypatch: pytest.MonkeyPatch, full_loads: list[Path | None], setting: str, value: object
) -> None:
    with monkeypatch.context() as other_program:
        other_program.setattr(catalogue_cache, setting, value)
        load_catalogue()
    load_catalogue()
    assert full_loads == [None, None]
    load_catalogue()
    assert full_loads == [None, None]


def test_unwritable_cache_folder_still_loads(
    isolated_home: Path, full_loads: list[Path | None]
) -> None:
    (isolated_home / "cache").write_text("a file where the cache folder should be")
    first = load_catalogue()
    second = load_catalogue()
    assert second.exercises == first.exercises
    assert full_loads == [None, None]
    assert not any(isolated_home.glob("**/*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_read_only_cache_folder_still_loads(
    isolated_home: Path, full_loads: list[Path | None]
) -> None:
    (isolated_home / "cache").mkdir(mode=0o500)
    try:
        assert load_catalogue().exercises == load_catalogue().exercises
        assert full_loads == [None, None]
    finally:
        (isolated_home / "cache").chmod(0o700)


def test_unreadable_home_still_loads(
    monkeypatch: pytest.MonkeyPatch, full_loads: list[Path | None]
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(catalogue_cache.paths, "cache_dir", no_home)
    assert load_catalogue().get("bridge").name == "Bridge"
    assert full_loads == [None]


def test_missing_user_file_is_reported_not_cached(tmp_path: Path) -> None:
    from backex.errors import CatalogueError

    with pytest.raises(CatalogueError, match=r"mine\.yaml: file not found"):
        load_catalogue(tmp_path / "mine.yaml")
