"""catalogue: look-ups, suggestions, filters, the user catalogue and the cache."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers.catalogue import WALL_SIT, exercise_yaml, write

from backex.catalogue import cache as catalogue_cache
from backex.catalogue import loader as catalogue_module
from backex.catalogue.exercise import Exercise, Focus, Position
from backex.catalogue.loader import Catalogue, builtin_catalogue_path, load_catalogue
from backex.errors import CatalogueError, NotFoundError


@pytest.fixture(scope="module")
def builtin() -> Catalogue:
    return load_catalogue()


def test_builtin_catalogue_file_exists() -> None:
    path = builtin_catalogue_path()
    assert path.is_file()
    assert path.name == "exercises.yaml"


@pytest.mark.parametrize(
    ("query", "expected_id"),
    [
        ("bridge", "bridge"),
        ("BRIDGE", "bridge"),
        ("Glute Bridge", "bridge"),
        ("  glute   bridge ", "bridge"),
        ("bird dog", "quadruped-opposite-arm-leg-lift"),
        ("Double knee to chest", "double-knee-to-chest"),
        ("double-knee-to-chest", "double-knee-to-chest"),
        ("extension in lying", "prone-press-up"),
        ("child's pose", "childs-pose"),
        ("McKenzie flexion", "flexion-in-lying"),
        # "plank" is the full plank's alias; the modified plank has its own name.
        ("plank", "full-plank"),
        ("Modified Plank", "modified-plank"),
    ],
)
def test_find_by_id_name_or_alias_in_any_case(
    builtin: Catalogue, query: str, expected_id: str
) -> None:
    found = builtin.find(query)
    assert found is not None
    assert found.id == expected_id


@pytest.mark.parametrize("query", ["", "   ", "squat", "bridges", "bird"])
def test_find_returns_none_for_no_exact_match(builtin: Catalogue, query: str) -> None:
    assert builtin.find(query) is None


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [
        ("brige", ["bridge"]),
        ("Bridg", ["bridge"]),
        ("bird dgo", ["quadruped-opposite-arm-leg-lift"]),
        ("bird", ["quadruped-opposite-arm-leg-lift", "bird-dog-one-limb"]),
        ("prone", ["prone-opposite-arm-leg-lift", "prone-lying", "prone-on-elbows"]),
        ("knee", ["double-knee-to-chest", "lower-trunk-rotation", "modified-plank"]),
        ("side plank", ["side-plank-on-knees"]),
        ("xyzzy", []),
        ("", []),
    ],
)
def test_get_suggests_close_ids(builtin: Catalogue, query: str, suggestions: list[str]) -> None:
    with pytest.raises(NotFoundError) as caught:
        builtin.get(query)
    assert str(caught.value) == f"no exercise called {query!r}"
    assert caught.value.suggestions == suggestions


def _ids(exercises: list[Exercise]) -> list[str]:
    return [e.id for e in exercises]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {"focus": [Focus.MCKENZIE]},
            [
                "prone-lying",
                "prone-on-elbows",
                "prone-press-up",
                "standing-extension",
                "flexion-in-lying",
            ],
        ),
        ({"level": 3}, ["full-plank"]),
        ({"position": Position.STANDING}, ["standing-extension"]),
        ({"position": Position.SIDE_LYING}, ["side-plank-on-knees"]),
        ({"focus": [Focus.MCKENZIE], "level": 2}, ["prone-press-up"]),
        (
            {"focus": [Focus.MOBILITY]},
            ["lower-trunk-rotation", "childs-pose", "pelvic-tilt"],
        ),
        (
            {"focus": [Focus.CORE], "position": Position.QUADRUPED},
            ["quadruped-opposite-arm-leg-lift", "bird-dog-one-limb"],
        ),
        ({"focus": [Focus.MCKENZIE], "level": 3}, []),
    ],
)
def test_filter(builtin: Catalogue, filters: dict[str, object], expected: list[str]) -> None:
    assert _ids(builtin.filter(**filters)) == expected  # type: ignore[arg-type]


def test_filter_max_level(builtin: Catalogue) -> None:
    chosen = builtin.filter(max_level=1)
    assert chosen
    assert all(e.level == 1 for e in chosen)
    assert len(builtin.filter(max_level=3)) == len(builtin)


def test_filter_several_focuses_keeps_catalogue_order(builtin: Catalogue) -> None:
    chosen = _ids(builtin.filter(focus=[Focus.MCKENZIE, Focus.STRETCH]))
    assert chosen == [e.id for e in builtin if {Focus.MCKENZIE, Focus.STRETCH} & set(e.focus)]
    assert "double-knee-to-chest" in chosen
    assert "prone-lying" in chosen


# ---------------------------------------------------------------- the user catalogue


def test_user_catalogue_extends_the_builtin(tmp_path: Path, builtin: Catalogue) -> None:
    merged = load_catalogue(write(tmp_path, WALL_SIT))
    assert len(merged) == len(builtin) + 1
    assert merged.exercises[-1].id == "wall-sit"
    assert merged.get("Wall Squat").id == "wall-sit"
    assert merged.get("bridge") == builtin.get("bridge")


def test_same_id_replaces_in_place(tmp_path: Path, builtin: Catalogue) -> None:
    mine = "exercises:\n" + exercise_yaml("bridge", "My bridge", summary="Mine.")
    merged = load_catalogue(write(tmp_path, mine))
    assert len(merged) == len(builtin)
    assert _ids(list(merged)) == _ids(list(builtin))
    assert merged.get("bridge").summary == "Mine."
    # The built-in's aliases went with it; built-ins still point at the id.
    assert merged.find("glute bridge") is None
    assert merged.get("pelvic-tilt").harder == ("bridge",)


def test_user_exercise_may_point_at_builtin_ones(tmp_path: Path) -> None:
    mine = "exercises:\n" + exercise_yaml("wall-sit", "Wall sit", easier="[bridge, mine-2]")
    mine += exercise_yaml("mine-2", "Mine 2", harder="[wall-sit]")
    merged = load_catalogue(write(tmp_path, mine))
    assert merged.get("wall-sit").easier == ("bridge", "mine-2")


def test_user_file_with_dangling_reference(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT.replace("easier: [bridge]", "easier: [bridge, brige]"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.problems == [
        f"{path}:13:22: exercises[0].easier[1]: no exercise called 'brige'",
    ]


def test_user_alias_may_not_take_a_builtin_name(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT.replace("[wall squat]", "[wall squat, Bird Dog]"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.problems == [
        f"{path}:4:27: exercises[0].aliases[1]: 'Bird Dog' already names "
        "'quadruped-opposite-arm-leg-lift'",
    ]


def test_user_file_problems_name_the_user_file(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT.replace("level: 2", "level: 0"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.problems == [f"{path}:8:5: exercises[0].level: must be at least 1"]


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path / "nope.yaml")
    assert caught.value.problems == [f"{tmp_path / 'nope.yaml'}: file not found"]


# ---------------------------------------------------------------- the cache


def _forbid_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("full load on what should be a cache hit")

    monkeypatch.setattr(catalogue_module, "_load_and_validate", fail)


def _cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("catalogue-*.pickle"))


def test_second_load_is_a_cache_hit(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalogue()
    assert len(_cache_files(isolated_home)) == 1
    _forbid_full_load(monkeypatch)
    assert load_catalogue().exercises == first.exercises


def test_user_catalogue_has_its_own_cache_entry(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, WALL_SIT)
    load_catalogue()
    merged = load_catalogue(path)
    assert len(_cache_files(isolated_home)) == 2
    _forbid_full_load(monkeypatch)
    assert load_catalogue(path).exercises == merged.exercises
    assert load_catalogue().find("wall-sit") is None


def test_cache_is_stale_when_the_file_size_changes(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT)
    assert load_catalogue(path).get("wall-sit").level == 2
    write(tmp_path, WALL_SIT.replace("name: Wall sit", "name: Wall sit, longer"))
    assert load_catalogue(path).get("wall-sit").name == "Wall sit, longer"


def test_cache_is_stale_when_only_the_mtime_changes(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT)
    before = path.stat()
    assert load_catalogue(path).get("wall-sit").level == 2
    write(tmp_path, WALL_SIT.replace("level: 2", "level: 3"))  # same size
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert load_catalogue(path).get("wall-sit").level == 3


def test_cache_is_stale_after_an_upgrade(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalogue()
    calls: list[object] = []
    real = catalogue_module._load_and_validate

    def counting(*args: Any) -> tuple[Exercise, ...]:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(catalogue_module, "_load_and_validate", counting)
    monkeypatch.setattr(catalogue_cache, "__version__", "99.0")
    load_catalogue()
    assert len(calls) == 1


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05]\x94."],
    ids=["empty", "garbage", "an-int", "a-list"],
)
def test_corrupt_cache_falls_back_to_a_full_load(isolated_home: Path, content: bytes) -> None:
    expected = load_catalogue().exercises
    (cache_file,) = _cache_files(isolated_home)
    cache_file.write_bytes(content)
    assert load_catalogue().exercises == expected
    # ... and the full load wrote a good cache again.
    assert catalogue_cache.read([builtin_catalogue_path()], _key()) == expected


def _key() -> str:
    key = catalogue_cache.cache_key([builtin_catalogue_path()])
    assert key is not None
    return key


def test_cache_from_another_key_is_a_miss(isolated_home: Path) -> None:
    load_catalogue()
    assert catalogue_cache.read([builtin_catalogue_path()], _key() + "x") is None


def test_unwritable_cache_folder_still_loads(isolated_home: Path) -> None:
    (isolated_home / "cache").write_text("a file where the cache folder should be")
    assert len(load_catalogue()) == len(load_catalogue())
    assert (isolated_home / "cache").is_file()


def test_cached_start_up_imports_neither_pydantic_nor_yaml(isolated_home: Path) -> None:
    script = (
        "import sys\n"
        "from backex.cli import main\n"
        "sys.argv = ['backex', 'show', 'bridge']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml')))\n"
    )
    env = {**os.environ, "BACKEX_HOME": str(isolated_home)}
    cold = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert "'pydantic'" in cold.stdout.splitlines()[-1]
    warm = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert "Bridge (bridge)" in warm.stdout
    assert warm.stdout.splitlines()[-1] == "[]"
