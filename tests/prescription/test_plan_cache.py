"""The validated-plan cache: a hit skips YAML and pydantic; any change means a full load."""

import os
import pickle
from pathlib import Path

import pytest

from backex.catalogue.loader import load_catalogue
from backex.errors import CatalogueError
from backex.prescription import cache as plan_cache
from backex.prescription.loader import load_prescription

PLAN = "name: Core week 1\nfrequency: daily\nexercises:\n  - bridge\n  - id: pelvic-tilt\n"


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each full validation of a plan file, by its name."""
    from backex.prescription import schema

    seen: list[str] = []
    real = schema.parse_prescription

    def counting(document, catalogue):  # type: ignore[no-untyped-def]
        seen.append(Path(document.label).name)
        return real(document, catalogue)

    monkeypatch.setattr(schema, "parse_prescription", counting)
    return seen


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_the_second_load_is_a_hit_and_equal(plan: Path, full_loads: list[str]) -> None:
    first = load_prescription(plan, load_catalogue())
    second = load_prescription(plan, load_catalogue())
    assert second == first
    assert full_loads == ["plan.yaml"]


def test_an_edited_plan_is_read_again(plan: Path, full_loads: list[str]) -> None:
    load_prescription(plan, load_catalogue())
    plan.write_text(PLAN.replace("Core week 1", "Core week 2"), encoding="utf-8")
    stat = plan.stat()
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_prescription(plan, load_catalogue()).name == "Core week 2"
    assert full_loads == ["plan.yaml", "plan.yaml"]


def test_a_changed_catalogue_means_a_new_check(
    plan: Path, tmp_path: Path, full_loads: list[str]
) -> None:
    load_prescription(plan, load_catalogue())
    mine = tmp_path / "mine.yaml"
    mine.write_text("exercises: []\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - an empty user catalogue is refused
        load_catalogue(mine)
    other = load_catalogue()
    other = type(other)(other.exercises, "another catalogue")
    load_prescription(plan, other)
    assert full_loads == ["plan.yaml", "plan.yaml"]


def test_a_catalogue_made_in_code_is_never_cached(plan: Path, full_loads: list[str]) -> None:
    made = type(load_catalogue())(load_catalogue().exercises)
    load_prescription(plan, made)
    load_prescription(plan, made)
    assert full_loads == ["plan.yaml", "plan.yaml"]


@pytest.mark.parametrize(
    "garbage",
    [b"\x00\xffnot a pickle", b"", pickle.dumps(("key", [1, 2])), None],
    ids=["garbage", "empty", "wrong shape", "truncated"],
)
def test_a_corrupt_cache_is_a_miss_and_is_rewritten(
    plan: Path, full_loads: list[str], garbage: bytes | None
) -> None:
    expected = load_prescription(plan, load_catalogue())
    cached = plan_cache.cache_file(plan)
    good = cached.read_bytes()
    cached.write_bytes(good[: len(good) // 2] if garbage is None else garbage)
    assert load_prescription(plan, load_catalogue()) == expected
    assert full_loads == ["plan.yaml", "plan.yaml"]
    assert load_prescription(plan, load_catalogue()) == expected
    assert full_loads == ["plan.yaml", "plan.yaml"]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("__version__", "0.0.1-other"), ("SCHEMA_VERSION", 999), ("_RECORD_SHAPE", "Plan(x)")],
)
def test_a_cache_from_another_program_version_is_ignored(
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    full_loads: list[str],
    setting: str,
    value: object,
) -> None:
    with monkeypatch.context() as other_program:
        other_program.setattr(plan_cache, setting, value)
        load_prescription(plan, load_catalogue())
    load_prescription(plan, load_catalogue())
    assert full_loads == ["plan.yaml", "plan.yaml"]


def test_an_invalid_plan_is_never_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nfrequency: daily\nexercises: [no-such-exercise]\n", "utf-8")
    for _ in range(2):
        with pytest.raises(Exception, match="no-such-exercise"):
            load_prescription(bad, load_catalogue())
    assert not plan_cache.cache_file(bad).exists()


def test_the_source_is_the_path_as_given(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_prescription(plan, load_catalogue())
    monkeypatch.chdir(plan.parent)
    assert load_prescription(Path("plan.yaml"), load_catalogue()).source == "plan.yaml"


def test_a_new_size_at_the_same_mtime_is_read_again(plan: Path, full_loads: list[str]) -> None:
    load_prescription(plan, load_catalogue())
    before = plan.stat()
    plan.write_text(PLAN.replace("Core week 1", "Core week 12"), encoding="utf-8")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))  # an edit within one tick
    assert load_prescription(plan, load_catalogue()).name == "Core week 12"
    assert full_loads == ["plan.yaml", "plan.yaml"]


def test_each_plan_file_is_cached_apart(plan: Path, tmp_path: Path, full_loads: list[str]) -> None:
    other = tmp_path / "other" / "plan.yaml"
    other.parent.mkdir()
    other.write_text(PLAN.replace("Core week 1", "Core week 9"), encoding="utf-8")
    stat = plan.stat()
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same name, size and mtime
    for _ in range(2):
        assert load_prescription(plan, load_catalogue()).name == "Core week 1"
        assert load_prescription(other, load_catalogue()).name == "Core week 9"
    assert full_loads == ["plan.yaml", "plan.yaml"]
    assert plan_cache.cache_file(plan) != plan_cache.cache_file(other)


USER_CATALOGUE = """\
exercises:
  - id: {id}
    name: Wall sit
    summary: Sitting against a wall works the thighs.
    focus: [core]
    position: standing
    level: 2
    equipment: [wall]
    dose: {{sets: 1, hold_s: 20}}
    steps: [Lean your back on a wall and slide down a little.]
    cues: [Keep your knees over your ankles.]
    stop_if: [Pain rises above 5 out of 10.]
    sources: [My physiotherapist]
"""


def test_an_edited_user_catalogue_checks_the_plan_again(tmp_path: Path) -> None:
    """A plan checked against a user catalogue is not trusted once that file changes: the
    exercise it names may be gone."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(USER_CATALOGUE.format(id="wall-sit"), encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Walls\nfrequency: daily\nexercises: [wall-sit]\n", "utf-8")
    assert load_prescription(plan, load_catalogue(mine)).name == "Walls"
    assert load_prescription(plan, load_catalogue(mine)).name == "Walls"  # cached
    before = mine.stat()
    mine.write_text(USER_CATALOGUE.format(id="wall-squat"), encoding="utf-8")
    os.utime(mine, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    with pytest.raises(CatalogueError, match="wall-sit"):
        load_prescription(plan, load_catalogue(mine))


def test_an_unwritable_cache_folder_still_loads(
    plan: Path, isolated_home: Path, full_loads: list[str]
) -> None:
    # The catalogue's own cache cannot be written either.
    (isolated_home / "cache").write_text("a file where the cache folder should be")
    assert load_prescription(plan, load_catalogue()) == load_prescription(plan, load_catalogue())
    assert full_loads == ["plan.yaml", "plan.yaml"]
    assert not any(isolated_home.glob("**/*.tmp"))


def test_no_home_folder_still_loads(
    plan: Path, monkeypatch: pytest.MonkeyPatch, full_loads: list[str]
) -> None:
    catalogue = load_catalogue()

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(plan_cache.paths, "cache_dir", no_home)
    assert load_prescription(plan, catalogue).name == "Core week 1"
    assert full_loads == ["plan.yaml"]
