"""``backex routine`` with the history: the red-flag gate, pain check-ins, recording,
--resume and the doses that adapt, through CliRunner."""

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.care import screened
from helpers.history_week import FixedClock
from typer.testing import CliRunner

from backex.care import mckenzie, safety
from backex.care.rules import Symptoms
from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.cli import app, checkins
from backex.history import store as history
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder, local_now
from backex.planning.plan_doc import plan_to_dict
from backex.planning.planner import make_plan
from backex.ui.checkin_view import PAIN_PROMPT

FAST = {"BACKEX_CLOCK_SCALE": "2000", "COLUMNS": "200"}
BST = timezone(timedelta(hours=1))
ALL_NO = "n\n" * len(safety.RED_FLAGS)
PAIN = PAIN_PROMPT
STOP_RULE = safety.STOP_RULE


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a person sat at a terminal (the answers come from CliRunner's input), who has
    answered the first-run and McKenzie questions."""
    monkeypatch.setattr(checkins, "is_interactive", lambda: True)
    screened()


def routine(*args: str, input: str | None = None) -> "object":
    return CliRunner().invoke(app, ["routine", "--quiet", *args], env=FAST, input=input)


def sessions() -> list[history.SessionRecord]:
    with History.open() as store:
        return store.sessions()


def test_pain_option_out_of_range_exits_2() -> None:
    result = CliRunner().invoke(app, ["routine", "--pain", "11"])
    assert result.exit_code == 2
    assert "11 is not in the range 0<=x<=10" in result.output


def test_a_plain_run_is_recorded_with_the_pain_given_and_asks_nothing() -> None:
    result = routine("-m", "1", "--pain", "3")
    assert result.exit_code == 0, result.output
    assert PAIN not in result.output
    assert result.stdout.startswith(STOP_RULE + "\n")
    assert "Pain 3 before" not in result.stdout  # no after score: no light
    (session,) = sessions()
    assert (session.completed, session.pain_before, session.pain_after) == (True, 3, None)
    assert session.ended_at is not None
    assert [(e.exercise_id, e.sets_done, e.reps_done, e.skipped) for e in session.exercises] == [
        ("supine-marches", 1, 10, False)
    ]
    expected = plan_to_dict(make_plan(load_catalogue(), [Focus.CORE], minutes=1))
    expected["care_notes"] = [
        "First-run questions not answered yet: backex safety --profile asks them."
    ]
    assert session.plan == expected


def test_not_interactive_prints_the_warning_signs_to_stderr_once() -> None:
    first = routine("-m", "1")
    assert first.exit_code == 0, first.output
    assert first.stderr.count(safety.EMERGENCY_INTRO) == 1
    assert safety.EMERGENCY_INTRO not in first.stdout
    second = routine("-m", "1")
    assert second.exit_code == 0, second.output
    assert second.stderr == ""


def test_the_gate_yes_exits_3_records_nothing_and_asks_again(interactive: None) -> None:
    result = routine("-m", "1", input="y\n")
    assert result.exit_code == 3
    assert "Get emergency care now" in result.stdout
    assert not history.db_path().exists() or sessions() == []
    again = routine("-m", "1", input="y\n")
    assert again.exit_code == 3
    assert again.stdout.startswith("Before exercising, a few questions about warning signs.\n")


def test_interactive_asks_the_gate_once_and_pain_before_and_after(interactive: None) -> None:
    result = routine("-m", "1", input=ALL_NO + "12\n4\n" + "2\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "backex will ask again in 30 days" in out
    retry = "Please give a whole number from 0 to 10, or press Enter to skip.\n"
    before = out.index(f"{STOP_RULE}\n{PAIN}12\n{retry}{PAIN}4\n")
    assert before < out.index("time taken") < out.index(f"{PAIN}2\n")
    assert out.endswith(
        "Pain 4 before, 2 after: green. Good: carry on as planned.\n"
        "First fortnight: 1 of 6 sessions — 5 to go, 13 days left.\n"
    )
    (session,) = sessions()
    assert (session.pain_before, session.pain_after, session.completed) == (4, 2, True)
    # the full check is not due: only the one combined question; Enter skips both pains
    second = routine("-m", "1", input="n\n\n\n")
    assert second.exit_code == 0, second.output
    assert "warning signs" not in second.stdout.split(STOP_RULE)[0]
    assert second.stdout.startswith("Today, any of these: numbness around your genitals")
    assert sessions()[0].pain_before is None


def test_closed_input_at_the_pain_prompt_skips_it(interactive: None) -> None:
    result = routine("-m", "1", input=ALL_NO)
    assert result.exit_code == 0, result.output
    assert (sessions()[0].pain_before, sessions()[0].pain_after) == (None, None)
    assert result.stdout.count(PAIN) == 2
    assert "Pain " not in result.stdout.split(PAIN)[-1]


def test_a_mckenzie_answer_spreading_stops_the_series_and_is_recorded(interactive: None) -> None:
    result = routine("-f", "mckenzie", "-m", "10", "--pain", "2", input=ALL_NO + "4\n6\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    flat = " ".join(out.replace("│", " ").split())
    assert "How is your pain since this exercise?\n  1 better: less pain" in out
    advice = " ".join(
        mckenzie.SPREADING_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER).split()
    )
    # the advice comes at once: before the summary and before the pain question
    assert flat.index(advice) < flat.index("Session ended early") < flat.index("Pain now")
    assert (
        "Pain 2 before, 6 after: red. Pain went up, to more than 5 out of 10. Keep moving gently"
        in out
    )
    (session,) = sessions()
    assert session.completed is False
    assert [(e.exercise_id, e.skipped, e.symptoms) for e in session.exercises] == [
        ("prone-lying", False, Symptoms.PERIPHERALISING),
        ("prone-on-elbows", True, None),
        ("standing-extension", True, None),
        ("prone-lying", True, None),
    ]
    resumed = routine("--resume")
    assert resumed.exit_code == 1
    assert resumed.output.startswith(
        "backex: the last session stopped because symptoms spread down the leg, so backex "
        "does not resume it."
    )


def test_after_spreading_the_next_extension_session_asks_about_the_leg(
    interactive: None,
) -> None:
    routine("-f", "mckenzie", "-m", "10", "--pain", "2", input=ALL_NO + "4\n\n")
    # the full check is due again after spreading; then the leg question: "no" refuses
    refused = routine("-f", "mckenzie", "-m", "10", "--pain", "2", input=ALL_NO + "n\n")
    assert refused.exit_code == 1
    assert f"{mckenzie.LEG_QUESTION} (y/n) n" in " ".join(refused.stdout.split())
    assert refused.stderr == f"backex: {mckenzie.LEG_NOT_SETTLED}\n"
    plan = CliRunner().invoke(app, ["routine", "--dry-run", "-f", "mckenzie"])
    assert plan.exit_code == 0, plan.output
    flat = " ".join(plan.output.split())
    assert "Standing extension: after spreading, prone lying and on elbows only" in flat
    assert f"A real run first asks: {mckenzie.LEG_QUESTION}" in flat


def start_core_session(done: int, minutes: int = 2, at: datetime | None = None) -> int:
    """A core session recorded up to ``done`` exercises, stopped by quitting (started
    ``at`` if given, now otherwise)."""
    plan = make_plan(load_catalogue(), [Focus.CORE], minutes=minutes)
    with History.open() as store:
        recorder = SessionRecorder(store, FixedClock(at) if at else history.local_now)
        session_id = recorder.start(plan_to_dict(plan), ["core"], 2)
        for item in plan.items[:done]:
            position = plan.items.index(item)
            recorder.record_exercise(
                ExerciseEntry(position, item.exercise.id, item.dose, sets_done=1)
            )
        for position in range(done, len(plan.items)):
            item = plan.items[position]
            recorder.record_exercise(
                ExerciseEntry(
                    position, item.exercise.id, item.dose, skipped=True, skip_reason="quit"
                )
            )
        recorder.finish(completed=False)
    return session_id


def test_resume_continues_at_the_next_exercise_in_the_same_session() -> None:
    session_id = start_core_session(done=1)
    result = routine("--resume", "--plain")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == STOP_RULE
    assert lines[1].startswith("Resuming the session of ")
    assert lines[1].endswith(" at exercise 2 of 2: Prone opposite arm and leg lift.")
    assert lines[2:5] == [
        "Today's session",
        "2. Prone opposite arm and leg lift 3 x 5 s hold each side",
        "About 1:09 · you need: mat",
    ]
    assert "[00:00] Next up: Prone opposite arm and leg lift (2 of 2)" in lines
    # The summary covers the whole session, the part done before the break too.
    summary = lines[lines.index("Session complete.") + 1 :]
    assert [line.split()[:3] for line in summary[1:3]] == [
        ["Supine", "marches", "done"],
        ["Prone", "opposite", "arm"],
    ]
    (session,) = sessions()
    assert (session.id, session.completed, session.pain_before) == (session_id, True, 2)
    assert [(e.exercise_id, e.skipped) for e in session.exercises] == [
        ("supine-marches", False),
        ("prone-opposite-arm-leg-lift", False),
    ]
    nothing = routine("--resume")
    assert nothing.exit_code == 1
    assert nothing.output == (
        "backex: nothing to resume: the last session was completed (or there is none yet); "
        "start one with `backex routine`\n"
    )


def test_resume_takes_the_newest_instant_across_the_clocks_going_back() -> None:
    # London, 25 Oct 2026: 01:40 BST, then after 02:00 BST became 01:00 GMT, 01:10 GMT
    # (30 minutes later, though its wall-clock text sorts first).
    earlier = start_core_session(done=1, at=datetime(2026, 10, 25, 1, 40, tzinfo=BST))
    newest = start_core_session(done=0, at=datetime(2026, 10, 25, 1, 10, tzinfo=UTC))
    result = routine("--resume", "--plain")
    assert result.exit_code == 0, result.output
    # FixedClock reads a minute on: 01:11.
    assert "Resuming the session of 25 Oct 01:11 at exercise 1 of 2: Supine marches." in (
        result.stdout
    )
    by_id = {s.id: s for s in sessions()}
    assert (by_id[newest].completed, by_id[earlier].completed) == (True, False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-f", "core"],
            "--resume continues the last session's own plan; leave out --focus/--plan",
        ),
        (
            ["--plan", "examples/core-stability-week1.yaml"],
            "--resume continues the last session's own plan; leave out --focus/--plan",
        ),
        (
            ["--pain", "2"],
            "--resume keeps the pain score the session started with; leave out --pain",
        ),
        (["--dry-run"], "--resume starts coaching; it does not go with --dry-run"),
    ],
)
def test_resume_with_planning_options_is_a_usage_error(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["routine", "--resume", *args])
    assert result.exit_code == 2
    assert result.output == f"backex: {message}\n"


def record_sessions(pains: list[tuple[int, int]], bridge_reps: int = 5) -> None:
    """Sessions on the days before today (one a day, oldest first) with the pelvic tilt done
    in full at ``bridge_reps`` reps, with these pains."""
    tilt = load_catalogue().get("pelvic-tilt")
    dose = replace(tilt.dose, reps=bridge_reps)
    with History.open() as store:
        for days_ago, (before, after) in zip(range(len(pains), 0, -1), pains, strict=True):
            at = local_now() - timedelta(days=days_ago)
            recorder = SessionRecorder(store, clock=lambda at=at: at)
            recorder.start({"items": []}, ["core"], before)
            recorder.record_exercise(
                ExerciseEntry(0, "pelvic-tilt", dose, sets_done=1, reps_done=bridge_reps)
            )
            recorder.set_pain_after(after)
            recorder.finish(completed=True)


def dry_run_items(*args: str) -> dict[str, dict[str, object]]:
    result = CliRunner().invoke(app, ["routine", "--dry-run", "--json", *args])
    assert result.exit_code == 0, result.output
    return {item["exercise"]: item for item in json.loads(result.output)["items"]}


def test_dry_run_reasons_after_three_good_days_and_after_a_rise_in_pain() -> None:
    assert dry_run_items()["pelvic-tilt"]["reason"] == "catalogue dose"
    assert not history.db_path().exists()  # a dry run creates no history file
    record_sessions([(2, 2), (6, 4), (2, 3)])  # 6 -> 4 is improving: a good session
    moved_up = dry_run_items()
    assert moved_up["pelvic-tilt"]["reps"] == 6  # one more rep, toward the NHS's 10
    assert moved_up["pelvic-tilt"]["reason"] == ("3 good days (green, full dose): +1 rep, up to 10")
    record_sessions([(3, 6)])
    eased = dry_run_items()
    assert eased["pelvic-tilt"]["reps"] == 3  # the 5 recorded last time, 2 fewer
    assert eased["pelvic-tilt"]["reason"] == "pain rose last session: 2 fewer reps"
    table = CliRunner().invoke(app, ["routine", "--dry-run"], env={"COLUMNS": "200"})
    assert "Why these doses:" in table.output
    assert "Pelvic tilt: pain rose last session: 2 fewer reps" in table.output


def test_a_high_start_that_eases_never_lowers_the_dose() -> None:
    record_sessions([(7, 7)])  # 7 after, no higher than before: amber, not red
    assert dry_run_items()["pelvic-tilt"]["reason"] == ("same dose: 0 of 3 good days at it so far")
    record_sessions([(7, 6)])  # lower than before: green, a good day
    assert dry_run_items()["pelvic-tilt"]["reason"] == ("same dose: 1 of 3 good days at it so far")


def test_prescribed_doses_are_kept_whatever_the_history() -> None:
    record_sessions([(3, 7)])
    items = dry_run_items("--plan", "examples/mckenzie-extension-early.yaml")
    assert items["prone-press-up"]["reps"] == 5
    assert items["prone-press-up"]["reason"] == (
        "prescribed (override: reps 5): kept as your clinician set it, not adapted"
    )


def test_an_unusable_history_stops_the_routine_before_it_starts() -> None:
    path = history.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    result = routine("-m", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"backex: cannot use the history database {path} (")
    assert result.stderr.endswith(
        f"It is left untouched; to start a new history, move it aside: mv {path} {path}.bak\n"
    )
    assert path.read_bytes() == before
    assert not Path(str(path) + ".bak").exists()


def test_a_plan_file_records_the_clinicians_review_of_the_warning_signs(
    interactive: None, tmp_path: Path
) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "version: 2\nname: P\nfrequency: daily\n"
        'red_flags_reviewed: {on: 2026-01-10, by: "Sam Lee, physiotherapist"}\n'
        "exercises:\n  - supine-marches\n",
        encoding="utf-8",
    )
    result = routine("--plan", str(plan), "--pain", "2", input=ALL_NO + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Before exercising, a few questions about warning signs.\n"
        "Your plan file records that Sam Lee, physiotherapist reviewed your warning signs on "
        "10 January 2026. If anything is new since then, answer for that; the daily question "
        "still applies.\n"
    )


def test_pain_of_7_or_more_coaches_only_the_gentle_part_and_says_when_to_call() -> None:
    from backex.care.pain import GENTLE_ADVICE

    result = routine("-f", "core", "-m", "10", "--pain", "8")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert " ".join(GENTLE_ADVICE.split()) in flat
    (session,) = sessions()
    done = [e.exercise_id for e in session.exercises]
    assert done == ["lower-trunk-rotation", "pelvic-tilt", "double-knee-to-chest"]
    assert session.pain_before == 8
    left_out = {entry["exercise"]: entry["reason"] for entry in session.plan["left_out"]}
    assert (
        left_out["supine-marches"] == "pain 7 or more before starting: only gentle movements today"
    )


def test_pain_of_7_with_nothing_gentle_in_the_plan_starts_no_session(tmp_path: Path) -> None:
    from backex.planning.gentle import NOTHING_GENTLE

    plan = tmp_path / "strong.yaml"
    plan.write_text(
        "name: Strong\nfrequency: daily\nexercises:\n  - bridge\n  - modified-plank\n",
        encoding="utf-8",
    )
    result = routine("--plan", str(plan), "--pain", "7")
    assert result.exit_code == 0, result.output
    assert " ".join(NOTHING_GENTLE.split()) in " ".join(result.stdout.split())
    assert sessions() == []
    dry = CliRunner().invoke(app, ["routine", "--dry-run", "--plan", str(plan), "--pain", "9"])
    assert dry.exit_code == 0, dry.output
    assert "Bridge; Modified plank: pain 7 or more before starting" in " ".join(dry.output.split())


def test_a_dry_run_says_the_real_run_asks_the_next_morning_question_first() -> None:
    from backex.care.pain import MORNING_QUESTION

    record_sessions([(3, 5)])  # yesterday, amber: a real run today asks if it settled
    dry = CliRunner().invoke(app, ["routine", "--dry-run"], env={"COLUMNS": "200"})
    assert dry.exit_code == 0, dry.output
    assert f"A real run first asks: {MORNING_QUESTION}" in dry.output
    record_sessions([(3, 2)])  # green after it: nothing to ask
    again = CliRunner().invoke(app, ["routine", "--dry-run"], env={"COLUMNS": "200"})
    assert MORNING_QUESTION not in again.output


def test_a_resumed_summarys_time_taken_counts_the_sitting_before_the_break() -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE], minutes=2)
    start = local_now() - timedelta(hours=2)
    with History.open() as store:
        recorder = SessionRecorder(store, FixedClock(start))
        recorder.start(plan_to_dict(plan), ["core"], 2)
        first = plan.items[0]
        ended = start + timedelta(minutes=10)  # the first sitting took 10 minutes
        recorder.record_exercise(
            ExerciseEntry(0, first.exercise.id, first.dose, sets_done=1, started_at=start,
                          ended_at=ended)
        )  # fmt: skip
        recorder.finish(completed=False)
    result = routine("--resume", "--plain")
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stdout.splitlines() if "time taken" in line]
    minutes, seconds = line.rsplit("time taken ", 1)[1].strip().split(":")
    taken = int(minutes) * 60 + int(seconds)
    assert 10 * 60 < taken < 10 * 60 + 3 * 60  # 10 minutes, then this sitting's minute or so
