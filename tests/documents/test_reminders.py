"""Reminders: the .ics parsed back (recurrence, alarms), its octets, and crontab lines."""

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from helpers.prescription import small_catalogue
from typer.testing import CliRunner

from backex.cli import app
from backex.documents.reminders import (
    ReminderSchedule,
    default_times,
    escape_text,
    fold,
    parse_times,
    render_crontab,
    render_ics,
    schedule_for_prescription,
)
from backex.errors import UsageError
from backex.prescription.loader import load_prescription
from backex.prescription.model import Frequency, FrequencyKind, Weekday

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
WEDNESDAY = date(2025, 3, 5)


def events(ics: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return list(calendar.walk("VEVENT"))


def plan_file(tmp_path: Path, frequency: str, name: str = "Back; care, daily") -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(
        f"name: {name!r}\nfrequency: {frequency}\nexercises:\n  - id: bridge\n"
        "  - id: prone-lying\n",
        encoding="utf-8",
    )
    return path


def schedule(tmp_path: Path, frequency: str) -> ReminderSchedule:
    path = plan_file(tmp_path, frequency)
    return schedule_for_prescription(load_prescription(path, small_catalogue()), "/p/plan.yaml")


RULES = [
    # (frequency, times, RRULE as parsed, first DTSTART date)
    ("daily", ["08:00"], {"FREQ": ["DAILY"]}, WEDNESDAY),
    ("3x-daily", ["08:00", "13:00", "19:00"], {"FREQ": ["DAILY"]}, WEDNESDAY),
    (
        "every-2h",
        ["08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"],
        {"FREQ": ["DAILY"]},
        WEDNESDAY,
    ),
    (
        "[mon, fri]",
        ["08:00"],
        {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "FR"]},
        date(2025, 3, 7),  # the first Friday on or after Wednesday 5 March
    ),
    ("2x-daily", ["08:00", "18:00"], {"FREQ": ["DAILY"]}, WEDNESDAY),
    ("twice daily", ["08:00", "18:00"], {"FREQ": ["DAILY"]}, WEDNESDAY),
    (
        "weekdays",
        ["08:00"],
        {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
        WEDNESDAY,
    ),
    (
        "3x-weekly",
        ["08:00"],
        {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "WE", "FR"]},
        WEDNESDAY,
    ),
    ("2 times a week", ["08:00"], {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "TH"]}, date(2025, 3, 6)),
    ('["18:30", "07:15"]', ["07:15", "18:30"], {"FREQ": ["DAILY"]}, WEDNESDAY),
    (
        '{times: ["09:00", "17:00"], days: [sat, sun]}',
        ["09:00", "17:00"],
        {"FREQ": ["WEEKLY"], "BYDAY": ["SA", "SU"]},
        date(2025, 3, 8),
    ),
]


@pytest.mark.parametrize(("frequency", "times", "rule", "first"), RULES)
def test_ics_recurrence_matches_frequency(
    tmp_path: Path, frequency: str, times: list[str], rule: dict[str, list[str]], first: date
) -> None:
    ics = render_ics(schedule(tmp_path, frequency), start=WEDNESDAY, now=NOW)
    found = events(ics)
    assert [e.decoded("DTSTART").strftime("%H:%M") for e in found] == times
    for event in found:
        assert event.decoded("DTSTART").date() == first
        assert event.decoded("DTSTART").tzinfo is None  # floating local time
        assert {k: [str(v) for v in vals] for k, vals in event["RRULE"].items()} == rule
        assert event.decoded("DURATION") == timedelta(minutes=4)  # 60 s + 135 s, rounded up
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["SUMMARY"]) == "Back; care, daily"
    assert len({str(e["UID"]) for e in found}) == len(found)


@pytest.mark.parametrize(("minutes", "trigger"), [(0, timedelta(0)), (5, timedelta(minutes=-5))])
def test_every_event_has_a_display_alarm(tmp_path: Path, minutes: int, trigger: timedelta) -> None:
    ics = render_ics(
        schedule(tmp_path, "3x-daily"), start=WEDNESDAY, now=NOW, alarm_minutes=minutes
    )
    for event in events(ics):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == trigger
        assert str(alarms[0]["DESCRIPTION"]) == "Time for your exercises: Back; care, daily"


def test_description_is_escaped_and_round_trips(tmp_path: Path) -> None:
    ics = render_ics(schedule(tmp_path, "daily"), start=WEDNESDAY, now=NOW)
    assert "SUMMARY:Back\\; care\\, daily\r\n" in ics
    (event,) = events(ics)
    assert str(event["DESCRIPTION"]) == (
        "Back; care, daily, once a day: Bridge 5 x 5 s hold; Prone lying 120 s hold.\n"
        "Start it with: backex routine --plan /p/plan.yaml"
    )


def test_ics_octets_crlf_and_folding(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "daily", name="Rückenübungen " * 8)
    sched = schedule_for_prescription(load_prescription(path, small_catalogue()), "/p/x.yaml")
    raw = render_ics(sched, start=WEDNESDAY, now=NOW).encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no character split across a fold
    assert any(line.startswith(b" ") for line in lines)
    (event,) = events(raw.decode("utf-8"))
    assert str(event["SUMMARY"]) == ("Rückenübungen " * 8).strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne"),
        ("plain", "plain"),
    ],
)
def test_escape_text(text: str, expected: str) -> None:
    assert escape_text(text) == expected


def test_fold_keeps_short_lines_and_splits_long_ones() -> None:
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    assert fold("é" * 40) == "é" * 37 + "\r\n " + "é" * 3  # 74 octets, then 1 + 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00,13:00,19:00", (time(8), time(13), time(19))),
        (" 19:30 , 7:05", (time(7, 5), time(19, 30))),
    ],
)
def test_parse_times(text: str, expected: tuple[time, ...]) -> None:
    assert parse_times(text) == expected


@pytest.mark.parametrize(
    ("text", "bad"), [("8am", "8am"), ("08:00,25:00", "25:00"), ("08:0", "08:0"), ("", "")]
)
def test_parse_times_rejects_with_an_example(text: str, bad: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_times(text)
    assert str(caught.value) == (
        f"invalid time {bad!r} in --times; give 24-hour times separated by commas, "
        "e.g. --times 08:00,13:00,19:00"
    )


def test_default_times_for_every_2h_state_the_window() -> None:
    times = default_times(Frequency(FrequencyKind.EVERY_2H))
    assert (times[0], times[-1], len(times)) == (time(8), time(20), 7)


def test_crontab_lines(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "[mon, wed, sun]", name="50% effort")
    sched = schedule_for_prescription(
        load_prescription(path, small_catalogue()), "/p/my 5% plan.yaml", (time(7, 30),)
    )
    lines = render_crontab(sched, uid=1000).splitlines()
    assert lines[-1] == (
        "30 7 * * 1,3,0 notify-send backex "
        "'Time for your back exercises: backex routine --plan '\"'\"'/p/my 5\\% plan.yaml'\"'\"''"
    )
    assert lines[0] == "# backex reminders: 50% effort"  # the name only in a comment
    assert "#   DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus" in lines
    assert all(line.startswith("#") for line in lines[:-1])


def test_times_must_match_the_plans_sessions(tmp_path: Path) -> None:
    prescription = load_prescription(plan_file(tmp_path, "3x-daily"), small_catalogue())
    with pytest.raises(UsageError) as caught:
        schedule_for_prescription(prescription, "/p", (time(8),))
    assert str(caught.value) == "the plan says 3 times a day, but --times gives 1 time a day"


# --- the command ------------------------------------------------------------------------

EXAMPLE = Path(__file__).parents[2] / "examples" / "mckenzie-extension-early.yaml"


def test_remind_times_writes_an_ics_file(tmp_path: Path) -> None:
    out = tmp_path / "r.ics"
    result = CliRunner().invoke(app, ["remind", "--times", "19:00,08:00", "-o", str(out)])
    assert result.exit_code == 0, result.output
    found = events(out.read_bytes().decode("utf-8"))
    assert [e.decoded("DTSTART").strftime("%H:%M") for e in found] == ["08:00", "19:00"]
    assert all(str(e["RRULE"]["FREQ"][0]) == "DAILY" for e in found)
    assert b"\r\n" in out.read_bytes()


def test_remind_plan_to_stdout_uses_the_plan() -> None:
    result = CliRunner().invoke(app, ["remind", "--plan", str(EXAMPLE), "--alarm-before", "5"])
    assert result.exit_code == 0, result.output
    found = events(result.stdout)
    assert [e.decoded("DTSTART").strftime("%H:%M") for e in found] == ["08:00", "13:00", "19:00"]
    assert str(found[0]["SUMMARY"]) == "Early McKenzie extension"
    assert found[0].walk("VALARM")[0].decoded("TRIGGER") == timedelta(minutes=-5)


def test_remind_cron_prints_crontab_lines() -> None:
    result = CliRunner().invoke(app, ["remind", "--times", "08:00", "--cron"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "0 8 * * * notify-send backex 'Time for your back exercises: backex routine'"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --plan FILE, --times 08:00,13:00,19:00, or both"),
        (
            ["--times", "noon"],
            "invalid time 'noon' in --times; give 24-hour times separated by commas, "
            "e.g. --times 08:00,13:00,19:00",
        ),
        (
            ["--plan", str(EXAMPLE), "--times", "08:00"],
            "the plan says 3 times a day, but --times gives 1 time a day",
        ),
    ],
)
def test_remind_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["remind", *args])
    assert result.exit_code == 2
    assert result.stderr == f"backex: {message}\n"


def test_remind_refuses_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "r.ics"
    out.write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(app, ["remind", "--times", "08:00", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"backex: {out} already exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep"


def test_weekday_frequency_uses_weekly_rule() -> None:
    sched = ReminderSchedule(times=(time(8),), weekdays=(Weekday.TUE,))
    (event,) = events(render_ics(sched, start=WEDNESDAY, now=NOW))
    assert event.decoded("DTSTART") == datetime(2025, 3, 11, 8, 0)
    assert [str(d) for d in event["RRULE"]["BYDAY"]] == ["TU"]


@pytest.mark.parametrize(
    ("extra", "written"),
    [
        ([], "plan.yaml"),
        (["--plan-path", "Documents/back plan.yaml"], "'Documents/back plan.yaml'"),
    ],
)
def test_reminders_name_the_plan_by_a_path_the_patient_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: list[str], written: str
) -> None:
    monkeypatch.chdir(tmp_path)
    plan_file(tmp_path, "daily")
    args = ["remind", "--plan", str(tmp_path / "plan.yaml"), *extra]
    for cron in ([], ["--cron"]):
        result = CliRunner().invoke(app, [*args, *cron])
        assert result.exit_code == 0, result.output
        text = re.sub(r"\r?\n ", "", result.stdout)  # unfold .ics lines
        assert str(tmp_path) not in text
        assert f"backex routine --plan {written}" in text


def test_plan_path_needs_a_plan() -> None:
    result = CliRunner().invoke(app, ["remind", "--times", "08:00", "--plan-path", "p.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "backex: --plan-path needs --plan FILE\n"
