"""``backex export handout`` and the safe output file writer it shares."""

import os
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import Catalogue
from backex.cli import app
from backex.errors import BackexError
from backex.outfile import write_new_file
from backex.planning.plan import Block, Plan, PlannedItem

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "mckenzie-extension-early.yaml")


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_markdown_to_stdout() -> None:
    result = invoke("export", "handout", "--plan", EXAMPLE, "--date", "2025-03-03")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Early McKenzie extension\n")
    assert "### 4. Prone lying\n" in result.stdout
    assert "| Mon 10 Mar | [ ] | [ ] | [ ] |  |" in result.stdout


def test_html_to_file(tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    result = invoke("export", "handout", "--plan", EXAMPLE, "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert html.count('<article class="exercise"') == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give either --plan FILE or --focus (not both)"),
        (["--plan", EXAMPLE, "--focus", "core"], "give either --plan FILE or --focus (not both)"),
        (
            ["--plan", EXAMPLE, "--date", "31/03/2025"],
            "--date '31/03/2025' is not a date; write it like 2025-03-31",
        ),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = invoke("export", "handout", *args)
    assert result.exit_code == 2
    assert result.stderr == f"backex: {message}\n"


def test_bad_format_is_refused_by_the_option_parser() -> None:
    result = invoke("export", "handout", "--plan", EXAMPLE, "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of 'md', 'html'" in result.stderr


def test_invalid_plan_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text("name: X\nfrequency: daily\nexercises:\n  - id: brigde\n", encoding="utf-8")
    out = tmp_path / "sheet.md"
    result = invoke("export", "handout", "--plan", str(plan), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"backex: {plan}:4:5: exercises[0].id: no exercise called")
    assert not out.exists()


def test_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "sheet.md"
    out.write_text("mine", encoding="utf-8")
    result = invoke("export", "handout", "--plan", EXAMPLE, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"backex: {out} already exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "mine"
    result = invoke("export", "handout", "--plan", EXAMPLE, "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Early McKenzie extension")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/sheet.md", "cannot write {out}: folder {parent} does not exist"),
        ("", "cannot write {out}: it is a folder"),
    ],
)
def test_unwritable_output_is_reported(tmp_path: Path, name: str, message: str) -> None:
    out = tmp_path / name if name else tmp_path
    result = invoke("export", "handout", "--plan", EXAMPLE, "-o", str(out), "--force")
    assert result.exit_code == 1
    assert result.stderr == f"backex: {message.format(out=out, parent=out.parent)}\n"


def test_focus_uses_the_planner(monkeypatch: pytest.MonkeyPatch) -> None:
    def make_plan(
        catalogue: Catalogue,
        focus: object,
        max_level: int,
        minutes: int,
        seed: int | None,
        history: object = None,
        restrictions: object = None,
    ) -> Plan:
        bridge = catalogue.get("bridge")
        item = PlannedItem(bridge, bridge.dose, Block.MAIN, 60, "catalogue dose")
        return Plan(items=(item,), focus=(Focus.CORE,), max_level=max_level, minutes=minutes)

    module = types.ModuleType("backex.planning.planner")
    module.make_plan = make_plan  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "backex.planning.planner", module)
    result = invoke("export", "handout", "--focus", "core", "--date", "2025-03-03")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Home exercises: core strength\n")
    assert "- How often: once a day\n" in result.stdout
    assert "### 1. Bridge\n" in result.stdout


# --- write_new_file ---------------------------------------------------------------------


def test_write_new_file_leaves_no_partial_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    target = tmp_path / "out.txt"
    with pytest.raises(BackexError) as caught:
        write_new_file(target, b"data")
    assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_write_new_file_replaces_whole_file_when_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old and longer")
    write_new_file(target, b"new\r\n", force=True)
    assert target.read_bytes() == b"new\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_new_file_makes_an_ordinary_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_new_file(target, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
