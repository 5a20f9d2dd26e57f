"""``backex export breaks``: the command, its output files and its errors."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backex.cli import app

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "core-stability-week1.yaml")


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["export", "breaks", *args])


@pytest.mark.parametrize(
    ("tool", "key"), [("stretchly", "breakIdeas"), ("safeeyes", "long_breaks")]
)
def test_json_tools_to_stdout(tool: str, key: str) -> None:
    result = invoke("--to", tool, "--plan", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)[key]) == 6
    assert result.stderr == ""


def test_focus_instead_of_a_plan_uses_the_planner() -> None:
    result = invoke("--to", "safeeyes", "--focus", "stretch", "--minutes", "5")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["long_breaks"]


def test_workrave_to_a_file_writes_the_pictures_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "workrave").mkdir()
    result = invoke("--to", "workrave", "--plan", EXAMPLE, "-o", "workrave/exercises.xml")
    assert result.exit_code == 0, result.output
    pictures = sorted(p.name for p in (tmp_path / "workrave").glob("backex-*.svg"))
    assert len(pictures) == 11
    assert result.stderr == (
        "wrote workrave/exercises.xml\nwrote 11 pictures beside it (workrave/backex-*.svg)\n"
    )
    named = {i.get("src") for i in ET.parse("workrave/exercises.xml").getroot().iter("image")}
    assert named == set(pictures)


def test_workrave_to_stdout_says_the_pictures_need_a_file() -> None:
    result = invoke("--to", "workrave", "--plan", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert ET.fromstring(result.stdout.encode("utf-8")).tag == "exercises"
    assert result.stderr == (
        "note: Workrave also needs the pictures; give -o FILE to write them beside it\n"
    )


def test_an_existing_picture_is_not_replaced_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backex-bridge-1.svg").write_text("mine", encoding="utf-8")
    out = Path("exercises.xml")
    result = invoke("--to", "workrave", "--plan", EXAMPLE, "-o", str(out))
    assert result.exit_code == 1
    assert (
        result.stderr == "backex: backex-bridge-1.svg already exists; use --force to replace it\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["backex-bridge-1.svg"]
    again = invoke("--to", "workrave", "--plan", EXAMPLE, "-o", str(out), "--force")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "backex-bridge-1.svg").read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize("tool", ["stretchly", "safeeyes"])
def test_an_existing_output_file_is_refused_as_for_handouts(
    tool: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = Path("breaks.json")
    out.write_text("keep", encoding="utf-8")
    result = invoke("--to", tool, "--plan", EXAMPLE, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"backex: {out} already exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep"


def test_an_unknown_tool_is_refused_by_the_choice() -> None:
    result = invoke("--to", "timeout", "--plan", EXAMPLE)
    assert result.exit_code == 2
    assert "Invalid value for '--to'" in result.stderr


def test_the_tool_is_required() -> None:
    result = invoke("--plan", EXAMPLE)
    assert result.exit_code == 2
    assert "Missing option '--to'" in result.stderr


def test_plan_and_focus_together_is_a_usage_error() -> None:
    result = invoke("--to", "stretchly", "--plan", EXAMPLE, "--focus", "core")
    assert result.exit_code == 2
    assert result.stderr == "backex: give either --plan FILE or --focus, not both\n"


def test_a_missing_plan_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = invoke("--to", "stretchly", "--plan", str(missing))
    assert result.exit_code == 1
    assert result.stderr.startswith("backex: ") and result.stderr.count("\n") == 1
    assert str(missing) in result.stderr
    assert result.stdout == ""


def test_a_malformed_plan_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\nfrequency: daily\n", encoding="utf-8")
    result = invoke("--to", "workrave", "--plan", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"backex: {bad}:")
    assert "Traceback" not in result.output
