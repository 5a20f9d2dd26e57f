"""``backex export history``: the same log as ``history --json/--csv``, to stdout or a file."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.history_week import TZ, fill_week
from typer.testing import CliRunner

from backex.cli import app
from backex.history import store as history

SUNDAY = date(2025, 3, 9)


@pytest.fixture
def week(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    monkeypatch.setattr(history, "local_now", lambda: datetime(2025, 3, 9, 20, 0, tzinfo=TZ))
    return fill_week(history.db_path(), SUNDAY)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(("log_format", "history_flag"), [("json", "--json"), ("csv", "--csv")])
def test_stdout_is_what_history_prints(week: list[int], log_format: str, history_flag: str) -> None:
    exported = invoke("export", "history", "--format", log_format)
    printed = invoke("history", history_flag)
    assert exported.exit_code == 0, exported.output
    assert printed.exit_code == 0, printed.output
    assert exported.stdout == printed.stdout
    assert exported.stderr == ""


def test_json_holds_every_session_oldest_first(week: list[int]) -> None:
    result = invoke("export", "history", "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["sessions"]
    assert [s["id"] for s in data["sessions"]] == week


def test_csv_has_one_row_per_exercise_plus_header(week: list[int]) -> None:
    result = invoke("export", "history", "--format", "csv")
    # fill_week: 4 core sessions of 3 exercises, 1 McKenzie of 4, 1 stopped after 3 rows.
    assert len(result.stdout.splitlines()) == 1 + 4 * 3 + 4 + 3


def test_to_a_file(week: list[int], tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    result = invoke("export", "history", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8") == invoke("history", "--csv").stdout


def test_existing_file_is_kept_unless_forced(week: list[int], tmp_path: Path) -> None:
    out = tmp_path / "log.json"
    out.write_text("keep me\n", encoding="utf-8")
    result = invoke("export", "history", "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"backex: {out} already exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    result = invoke("export", "history", "--format", "json", "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["sessions"][0]["id"] == week[0]


def test_missing_folder_leaves_nothing(week: list[int], tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "log.csv"
    result = invoke("export", "history", "--format", "csv", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"backex: cannot write {out}: folder {out.parent} does not exist\n"
    assert not out.parent.exists()


def test_empty_history_exports_an_empty_log_and_creates_no_database() -> None:
    result = invoke("export", "history", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stdout == '{\n  "sessions": []\n}\n'
    assert not history.db_path().exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Missing option '--format'"),
        (["--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_format_is_required_and_checked(args: list[str], message: str) -> None:
    result = invoke("export", "history", *args)
    assert result.exit_code == 2
    assert message in result.stderr
