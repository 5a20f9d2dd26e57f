"""Every door that shows a person an automatic plan applies their care answers, as
``routine --dry-run`` does: next, export breaks and export handout with --focus."""

import json

import pytest
from helpers.care import screened
from typer.testing import CliRunner

from backex.cli import app

SCREEN_FIRST = (
    "backex: the McKenzie series asks four questions first: run `backex routine -f mckenzie` "
    "in a terminal\n"
)
DOORS = [
    ["next", "--json"],
    ["export", "breaks", "--to", "safeeyes"],
    ["export", "handout", "--format", "md"],
]


def run(*args: str) -> "object":
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("door", DOORS, ids=lambda d: " ".join(d[:2]))
def test_no_mckenzie_plan_without_the_screen(door: list[str]) -> None:
    result = run(*door, "--focus", "mckenzie")
    assert result.exit_code == 1
    assert result.stderr == SCREEN_FIRST
    assert result.stdout == ""


@pytest.mark.parametrize("door", DOORS, ids=lambda d: " ".join(d[:2]))
def test_no_automatic_plan_after_recent_back_surgery(door: list[str]) -> None:
    screened(yes=("back-surgery",))
    result = run(*door, "--focus", "core")
    assert result.exit_code == 1
    assert "surgeon" in result.stderr or "surgery" in result.stderr
    assert result.stdout == ""


def test_pregnancy_leaves_out_lying_face_down_in_next_as_in_the_dry_run() -> None:
    screened(yes=("pregnant",))
    dry = run("routine", "--dry-run", "--json", "--focus", "core")
    planned = [item["exercise"] for item in json.loads(dry.stdout)["items"]]
    assert "prone-opposite-arm-leg-lift" not in planned
    breaks = run("export", "breaks", "--to", "safeeyes", "--focus", "core")
    assert breaks.exit_code == 0, breaks.output
    assert "Prone opposite arm and leg lift" not in breaks.stdout
    first = json.loads(run("next", "--json", "--focus", "core").stdout)
    assert (first["id"], first["of"]) == (planned[0], len(planned))
