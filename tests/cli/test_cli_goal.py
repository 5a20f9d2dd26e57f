"""``backex goal add/list/remove`` through CliRunner: exit codes and exact messages."""

from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from backex.cli import app
from backex.habits import store as habits
from backex.history.store import History, db_path

TZ = timezone(timedelta(hours=1))
NOW = "2026-03-09T10:00:00+01:00"


def goal(*args: str) -> "object":
    return CliRunner().invoke(app, ["goal", *args], env={"BACKEX_NOW": NOW, "COLUMNS": "80"})


def stored() -> list[tuple[str, bool]]:
    with History.open() as store:
        return [(g.text, g.active) for g in habits.goals(store)]


def test_add_list_and_remove() -> None:
    added = goal("add", "put my socks on standing")
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("Added goal 1: put my socks on standing\n")
    assert goal("add", "walk", "to", "the", "shop").exit_code == 0  # words without quotes
    listed = goal("list")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout == (
        "Your goals\n"
        "Scores: 0 = cannot do it at all, 10 = as well as before the problem.\n"
        "1. put my socks on standing\n"
        "   not scored yet: asked when your next session ends\n"
        "2. walk to the shop\n"
        "   not scored yet: asked when your next session ends\n"
    )
    removed = goal("remove", "1")
    assert removed.exit_code == 0, removed.output
    assert removed.stdout == (
        "Retired goal 1: put my socks on standing. Its scores are kept in your history.\n"
    )
    assert stored() == [("put my socks on standing", False), ("walk to the shop", True)]
    assert goal("list").stdout.splitlines()[2:] == [
        "1. walk to the shop",
        "   not scored yet: asked when your next session ends",
        "",
        "Retired (their scores are kept)",
        "   put my socks on standing: not scored yet",
    ]


def test_the_list_shows_every_score_with_its_day() -> None:
    with History.open() as store:
        socks = habits.add_goal(store, "put my socks on standing", datetime(2026, 3, 2, tzinfo=TZ))
        habits.record_score(store, socks, 3, datetime(2026, 3, 2, 9, tzinfo=TZ))
        habits.record_score(store, socks, 5, datetime(2026, 3, 9, 9, tzinfo=TZ))
    assert goal("list").stdout.splitlines()[2:] == [
        "1. put my socks on standing",
        "   3 on 2 Mar, 5 on 9 Mar",
    ]


def test_no_goals_and_no_history_file() -> None:
    listed = goal("list")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.startswith("No goals yet. Name up to 3 everyday things")
    assert not db_path().exists()  # listing creates nothing


def test_a_fourth_goal_is_refused_with_one_line() -> None:
    for text in ("one", "two", "three"):
        assert goal("add", text).exit_code == 0
    fourth = goal("add", "four")
    assert fourth.exit_code == 1
    assert fourth.stdout == ""
    assert fourth.stderr == (
        "backex: you already have 3 goals, the most backex keeps at once; retire one first "
        "with: backex goal remove N\n"
    )
    assert [text for text, _ in stored()] == ["one", "two", "three"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("walk\nrm -rf ~", "backex: a goal must be one line\n"),
        (
            "walk\x1b]0;pwned\x07",
            "backex: a goal must not contain control characters (found U+001B)\n",
        ),
        ("x" * 500, "backex: a goal must be at most 120 characters (this one has 500)\n"),
        (
            "walk \u202eop",
            "backex: a goal must not contain text-direction controls (found U+202E)\n",
        ),
        (
            "",
            'backex: a goal must not be empty; for example: backex goal add "put my socks on '
            'standing"\n',
        ),
        (
            "   ",
            'backex: a goal must not be empty; for example: backex goal add "put my socks '
            'on standing"\n',
        ),
    ],
    ids=["newline", "escape", "500 characters", "bidi override", "empty", "spaces"],
)
def test_hostile_or_empty_goals_are_usage_errors(text: str, message: str) -> None:
    result = goal("add", text)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message
    assert not db_path().exists()  # refused before the history is opened


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["remove", "1"], "backex: there is no goal 1: no goals are set\n"),
        (["remove", "4"], "backex: there is no goal 4; backex goal list shows 1 to 2\n"),
    ],
)
def test_removing_a_goal_that_is_not_there_exits_2(args: list[str], message: str) -> None:
    if args[1] == "4":
        goal("add", "one")
        goal("add", "two")
    result = goal(*args)
    assert result.exit_code == 2
    assert result.stderr == message


@pytest.mark.parametrize("number", ["0", "x"])
def test_a_goal_number_must_be_a_positive_whole_number(number: str) -> None:
    result = goal("remove", number)
    assert result.exit_code == 2
    assert "Invalid value for 'N'" in result.output


def test_a_retired_goal_makes_room_for_a_new_one() -> None:
    for text in ("one", "two", "three"):
        goal("add", text)
    assert goal("remove", "2").exit_code == 0
    assert goal("add", "four").exit_code == 0
    assert stored() == [("one", True), ("two", False), ("three", True), ("four", True)]
