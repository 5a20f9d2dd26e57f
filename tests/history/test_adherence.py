"""Adherence to a plan's frequency: the counts as tables, then ``history --plan`` end to end."""

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from helpers.history_week import TZ, FixedClock
from typer.testing import CliRunner

from backex.catalogue.loader import load_catalogue
from backex.cli import app
from backex.history import store as history
from backex.history.adherence import Adherence, Period, adherence, adherence_to_dict
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecord, SessionRecorder
from backex.prescription.model import Frequency, FrequencyKind, Weekday, parse_frequency

EXAMPLE = Path(__file__).parents[2] / "examples" / "core-stability-week1.yaml"
PLAN = "Core stability, week 1"  # the name in EXAMPLE; its frequency is daily
SATURDAY = date(2025, 3, 15)

# (date, plan name, counts as done): the plan starts on Wednesday 5 March.
SESSIONS = [
    (date(2025, 3, 4), "Another plan", True),
    (date(2025, 3, 5), PLAN, True),
    (date(2025, 3, 6), PLAN, True),
    (date(2025, 3, 8), PLAN, True),
    (date(2025, 3, 10), PLAN, True),
    (date(2025, 3, 11), PLAN, True),
    (date(2025, 3, 12), PLAN, True),
    (date(2025, 3, 12), PLAN, True),  # twice that day
    (date(2025, 3, 13), None, True),  # a planner session: not this plan
    (date(2025, 3, 14), PLAN, True),
    (date(2025, 3, 15), PLAN, False),  # stopped before any exercise: not done
]

DAILY = Frequency(FrequencyKind.DAILY)
MON_WED_FRI = Frequency(FrequencyKind.WEEKDAYS, (Weekday.MON, Weekday.WED, Weekday.FRI))
THREE_TIMES = Frequency(FrequencyKind.THREE_TIMES_DAILY)


def records() -> list[SessionRecord]:
    started = [datetime.combine(day, time(8), TZ) for day, _, _ in SESSIONS]
    return [
        SessionRecord(n, at, None, ("core",), None, name, done, None, None, ())
        for n, (at, (_, name, done)) in enumerate(zip(started, SESSIONS, strict=True), start=1)
    ]


@pytest.mark.parametrize(
    ("frequency", "recent", "weeks"),
    [
        # since Wed 5 Mar: 11 days; week of 3 Mar from Wed 5; this week Mon 10 to Sat 15
        (DAILY, (8, 11), [(3, 5), (5, 6)]),
        (MON_WED_FRI, (8, 5), [(3, 2), (5, 3)]),
        (THREE_TIMES, (8, 33), [(3, 15), (5, 18)]),
        (Frequency(FrequencyKind.TWICE_DAILY), (8, 22), [(3, 10), (5, 12)]),
        (Frequency(FrequencyKind.EVERY_2H), (8, 77), [(3, 35), (5, 42)]),
        (parse_frequency("weekdays"), (8, 8), [(3, 3), (5, 5)]),
        # 3 a week, any days: a part week plans its share, rounded down (11 days: 4)
        (parse_frequency("3x-weekly"), (8, 4), [(3, 2), (5, 2)]),
        # twice a day at weekends: Sat 8, Sun 9 and Sat 15
        (
            parse_frequency({"times": ["07:00", "18:00"], "days": ["sat", "sun"]}),
            (8, 6),
            [(3, 4), (5, 2)],
        ),
    ],
)
def test_counts_sessions_with_the_plan_name_from_its_first_day(
    frequency: Frequency, recent: tuple[int, int], weeks: list[tuple[int, int]]
) -> None:
    result = adherence(records(), PLAN, frequency, SATURDAY)
    assert result.started == date(2025, 3, 5)
    assert result.recent == Period(date(2025, 3, 5), SATURDAY, *recent)
    assert result.weeks == (
        Period(date(2025, 3, 5), date(2025, 3, 9), *weeks[0]),
        Period(date(2025, 3, 10), SATURDAY, *weeks[1]),
    )


@pytest.mark.parametrize(
    ("today", "recent", "weeks"),
    [
        # The last 14 days to Sunday 30 March start on Monday 17: every session is older.
        # Weeks without a session are still planned.
        (date(2025, 3, 30), Period(date(2025, 3, 17), date(2025, 3, 30), 0, 14),
         [(date(2025, 3, 5), date(2025, 3, 9), 3, 5),
          (date(2025, 3, 10), date(2025, 3, 16), 5, 7),
          (date(2025, 3, 17), date(2025, 3, 23), 0, 7),
          (date(2025, 3, 24), date(2025, 3, 30), 0, 7)]),
        # Four weeks back from 7 April start on 17 March: earlier weeks are left out.
        (date(2025, 4, 7), Period(date(2025, 3, 25), date(2025, 4, 7), 0, 14),
         [(date(2025, 3, 17), date(2025, 3, 23), 0, 7),
          (date(2025, 3, 24), date(2025, 3, 30), 0, 7),
          (date(2025, 3, 31), date(2025, 4, 6), 0, 7),
          (date(2025, 4, 7), date(2025, 4, 7), 0, 1)]),
    ],
)  # fmt: skip
def test_windows_move_with_today(
    today: date, recent: Period, weeks: list[tuple[date, date, int, int]]
) -> None:
    result = adherence(records(), PLAN, DAILY, today)
    assert result.recent == recent
    assert result.weeks == tuple(Period(*week) for week in weeks)


def test_a_plan_never_followed_has_no_periods() -> None:
    result = adherence(records(), "Not used", DAILY, SATURDAY)
    assert result == Adherence("Not used", DAILY, SATURDAY, None, None, ())
    assert adherence_to_dict(result) == {
        "plan_name": "Not used",
        "frequency": "once a day",
        "sessions_per_week": 7,
        "started": None,
        "recent": None,
        "weeks": [],
    }


# ------------------------------------------------------------------ history --plan


def fill(path: Path) -> None:
    """Record :data:`SESSIONS` in a real history database, at 08:00 on each date."""
    dose = load_catalogue().get("bridge").dose
    with History.open(path) as store:
        for day, name, done in SESSIONS:
            recorder = SessionRecorder(store, FixedClock(datetime.combine(day, time(8), TZ)))
            recorder.start({"total_s": 60, "items": [{"exercise": "bridge"}]}, ["core"], 2, name)
            if done:
                recorder.record_exercise(
                    ExerciseEntry(0, "bridge", dose, sets_done=1, reps_done=dose.reps)
                )
            recorder.set_pain_after(1)
            recorder.finish(completed=done)


@pytest.fixture
def filled(monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.combine(SATURDAY, time(20), TZ)
    monkeypatch.setattr(history, "local_now", lambda: now)
    fill(history.db_path())


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["history", *args], env={"COLUMNS": "80"})


def test_history_plan_table(filled: None) -> None:
    result = invoke("--plan", str(EXAMPLE), "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:15] == [
        "Recent sessions",
        "Started            Plan or focus            Exercises   Pain    Status",
        "─" * 77,
        "2025-03-15 08:01   Core stability, week 1   0/1 done    2 → 1   stopped early",
        "2025-03-14 08:01   Core stability, week 1   1/1 done    2 → 1   completed",
        "2025-03-13 08:01   core                     1/1 done    2 → 1   completed",
        'Plan followed: "Core stability, week 1".',
        "",
        'Plan "Core stability, week 1": once a day',
        "Counted from your first session with it, on 5 Mar 2025.",
        "  since 05 Mar    8 of 11 planned sessions",
        "  week of 03 Mar  3 of 5 planned sessions",
        "  this week       5 of 6 planned sessions so far",
        "",
        "Your run: 5 planned days in a row.",  # Mon 10 to Fri 14; today still going
    ]


def test_history_without_plan_names_the_plans_and_how_to_compare(filled: None) -> None:
    result = invoke("--limit", "3")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[6:9] == [
        'Plan followed: "Core stability, week 1".',
        "To compare with a plan's frequency: backex history --plan FILE",
        "",
    ]
    assert "Another plan" not in result.stdout  # not among the 3 listed sessions


def test_history_plan_json_adds_adherence(filled: None) -> None:
    result = invoke("--plan", str(EXAMPLE), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["sessions", "adherence"]
    assert len(data["sessions"]) == len(SESSIONS)
    assert data["adherence"] == {
        "plan_name": PLAN,
        "frequency": "once a day",
        "sessions_per_week": 7,
        "started": "2025-03-05",
        "recent": {"first_day": "2025-03-05", "last_day": "2025-03-15", "done": 8, "planned": 11},
        "weeks": [
            {"first_day": "2025-03-05", "last_day": "2025-03-09", "done": 3, "planned": 5},
            {"first_day": "2025-03-10", "last_day": "2025-03-15", "done": 5, "planned": 6},
        ],
    }
    plain = json.loads(invoke("--json").stdout)
    assert plain == {"sessions": data["sessions"]}


def test_history_plan_not_yet_followed(filled: None, tmp_path: Path) -> None:
    plan = tmp_path / "new.yaml"
    plan.write_text(
        "name: New plan\nfrequency: [mon, thu]\nexercises: [bridge]\n", encoding="utf-8"
    )
    result = invoke("--plan", str(plan), "--days", "1")
    assert result.exit_code == 0, result.output
    assert 'Plan "New plan": once a day on Mon and Thu\n' in result.stdout
    assert "No sessions recorded with this plan yet (2 sessions a week).\n" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--plan", "p.yaml", "--csv"], 2,
         "backex: --plan works with the table and --json, not with --csv\n"),
        (["--plan", "missing.yaml"], 1, "backex: missing.yaml: file not found\n"),
    ],
)  # fmt: skip
def test_history_plan_errors(
    args: list[str], code: int, message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("name: P\nfrequency: daily\nexercises: [bridge]\n")
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stderr == message
