"""The exported session log's fields, each with its unit: the one list that the JSON and
CSV writers, ``backex export history --help`` and the guide all follow (tests compare them).

Every time is UTC, ISO 8601 ending in ``Z`` (``datetime.fromisoformat`` reads it);
``utc_offset`` is the local clock's offset when the session started, so the patient's
own time is the UTC time plus that offset. Imports nothing: the help text is built from
it whenever the command line loads.
"""

# (JSON name, CSV name, meaning). JSON nests a session's exercises under "exercises";
# CSV has one row per exercise (a session without any gets one row, exercise cells
# empty), so the session's number and the exercise's times carry a prefix there.
SESSION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("id", "session_id", "The session's number in this history."),
    ("started_at", "started_at", "When the session started: UTC, ending in Z."),
    (
        "ended_at",
        "ended_at",
        "When it was completed or stopped early: UTC, ending in Z; empty if the program "
        "was killed before it could record the end.",
    ),
    (
        "utc_offset",
        "utc_offset",
        "The local clock's offset from UTC when the session started, like +01:00: local "
        "time is the UTC time plus this.",
    ),
    (
        "focus",
        "focus",
        "The areas the session was planned for: core, stretch, mckenzie, mobility (CSV: "
        "comma-separated; JSON: a list).",
    ),
    ("plan_name", "plan_name", "The plan file's name (routine --plan); empty otherwise."),
    (
        "completed",
        "completed",
        "Whether the session went to the end (CSV 1 or 0; JSON true or false).",
    ),
    (
        "pain_before",
        "pain_before",
        "Pain before the session, 0 (none) to 10 (worst imaginable); empty if not given.",
    ),
    ("pain_after", "pain_after", "Pain after the session, 0 to 10; empty if not given."),
    (
        "self_reported",
        "self_reported",
        "Whether it was logged with backex done, away from the screen, rather than coached "
        "(CSV 1 or 0; JSON true or false); its exercises are counted as done at the doses "
        "listed, and it started and ended at the time given.",
    ),
)
EXERCISE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("position", "position", "The exercise's place in the session, from 0."),
    ("exercise", "exercise", "The exercise's id (backex show ID)."),
    ("exercise_name", "exercise_name", "Its name when the session was planned."),
    ("sides", "sides", "2: done on each side, reps and holds counted per side; 1: not sided."),
    ("planned_sets", "planned_sets", "Sets planned."),
    (
        "planned_reps_per_set_per_side",
        "planned_reps_per_set_per_side",
        "Reps planned in each set, on each side; empty for a timed hold.",
    ),
    (
        "planned_hold_seconds",
        "planned_hold_seconds",
        "Seconds each rep is held (for a timed hold: the hold); empty for none.",
    ),
    ("planned_rest_seconds", "planned_rest_seconds", "Seconds of rest planned between sets."),
    (
        "prescribed_sets",
        "prescribed_sets",
        "Sets before the session was trimmed to fit its minutes (as planned_sets if not).",
    ),
    (
        "prescribed_reps_per_set_per_side",
        "prescribed_reps_per_set_per_side",
        "Reps in each set, on each side, before trimming; empty for a timed hold.",
    ),
    ("sets_done", "sets_done", "Sets finished."),
    (
        "total_reps",
        "total_reps",
        "Reps done, all sets and sides together; empty for a timed hold.",
    ),
    (
        "work_seconds",
        "work_seconds",
        "Seconds spent holding or moving, all sets and sides together (not get-ready, "
        "rest or pauses).",
    ),
    ("skipped", "skipped", "Whether it was skipped (CSV 1 or 0; JSON true or false)."),
    (
        "skip_reason",
        "skip_reason",
        "Why it was not done in full: next (moved on with n), quit (q), interrupted "
        "(Ctrl-C, or the terminal closed), symptoms (the McKenzie answer: symptoms "
        "spread down the leg) or time (out of time); empty if done.",
    ),
    (
        "symptom_response",
        "symptom_response",
        "The McKenzie answer after it: centralising (better: less pain, or moving toward "
        "the middle of the back), same (no change), worse (worse in the back, not "
        "spreading) or peripheralising (spreading down the leg, or new numbness, tingling "
        "or weakness); empty if not asked.",
    ),
    ("started_at", "exercise_started_at", "When the exercise started: UTC, ending in Z."),
    ("ended_at", "exercise_ended_at", "When it ended (done or skipped): UTC, ending in Z."),
)

CSV_COLUMNS = tuple(csv for _, csv, _ in SESSION_FIELDS + EXERCISE_FIELDS)


def help_text() -> str:
    """The column list as ``backex export history --help`` shows it (one per line)."""
    lines = [f"{csv}: {meaning}" for _, csv, meaning in SESSION_FIELDS + EXERCISE_FIELDS]
    return "\n".join(lines)
