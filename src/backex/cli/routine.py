"""``backex routine``: plan a session and coach it live, recording it as it happens.

Before coaching: the plan (adapted to the history), the red-flag gate, the stop rule and
"pain now". While coaching: every exercise result goes to the history as it ends. After:
the summary, "pain now" again and the traffic-light advice. A history file that cannot be
used stops the routine before anything starts (exit 1, nothing lost).
"""

import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from backex.catalogue.loader import load_catalogue
from backex.cli import checkins
from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.cli.options import (
    FocusOption,
    LevelOption,
    MinutesOption,
    PlanFileOption,
    SeedOption,
    chosen_focus,
)
from backex.errors import BackexError, Interrupted, UsageError
from backex.paths import command_name
from backex.planning.plan import Plan
from backex.planning.plan_doc import plan_to_dict

if TYPE_CHECKING:
    from pathlib import Path

    from backex.care.rules import Symptoms
    from backex.catalogue.exercise import Focus
    from backex.catalogue.loader import Catalogue
    from backex.cli.care_gate import CareInput
    from backex.history.records import ExerciseEntry
    from backex.history.store import History, SessionRecord
    from backex.planning.dosing import DoseHistory
    from backex.session.types import ExerciseResult


PainOption = Annotated[
    int | None,
    typer.Option(
        "--pain",
        min=0,
        max=10,
        help="Your pain now, 0-10: recorded without asking.",
        show_default=False,
    ),
]
GetReadyOption = Annotated[
    int,
    typer.Option(
        "--get-ready",
        min=0,
        max=300,
        help="Seconds to get into position after you press space, before the first exercise.",
    ),
]
ResumeOption = Annotated[
    bool,
    typer.Option("--resume", help="Continue the last unfinished session where it stopped."),
]


@app.command("routine")
@guarded
def routine(
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    plan_path: PlanFileOption = None,
    pain: PainOption = None,
    resume: ResumeOption = False,
    get_ready: GetReadyOption = 15,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the plan and exit without coaching.")
    ] = False,
    as_json: JsonOption = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="One line per phase instead of the live screen; no keys."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bells and no voice.")] = False,
    voice: Annotated[
        bool, typer.Option("--voice", help="Speak the cues (needs espeak-ng, or say on macOS).")
    ] = False,
    ascii_art: Annotated[
        bool, typer.Option("--ascii", help="Draw the exercise pictures with ASCII only.")
    ] = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Plan a session and coach it live: what to do, how long is left, what comes next.

    Keys: space pause/resume, n/Right next, b/Left back, q quit, 1-4 answer the McKenzie question.
    """
    from backex.coaching.clock import clock_scale_from_env

    if as_json and not dry_run:
        raise UsageError("--json works with --dry-run only")
    if resume and (focus or plan_path is not None):
        raise UsageError("--resume continues the last session's own plan; leave out --focus/--plan")
    if resume and dry_run:
        raise UsageError("--resume starts coaching; it does not go with --dry-run")
    if resume and pain is not None:
        raise UsageError("--resume keeps the pain score the session started with; leave out --pain")
    if focus and plan_path is not None:
        raise UsageError("give either --plan FILE or --focus, not both")
    scale = 1.0 if dry_run else clock_scale_from_env()
    catalogue = load_catalogue(catalogue_path)
    from backex.history import store as history

    wanted = chosen_focus(focus)
    care: CareInput | None
    if dry_run:
        if plan_path is None:
            from backex.cli.care_gate import automatic_plan

            plan = automatic_plan(catalogue, wanted, level, minutes, seed)
        else:
            plan = _plan(catalogue, wanted, level, minutes, seed, plan_path, None, None)
        plan = _gentle(plan, pain, say=not as_json)
        _print_plan(plan, as_json, {e.id: e.name for e in catalogue.exercises})
        return
    with history.History.open() as store:  # unusable: a clear message, exit 1, nothing lost
        if resume:
            _resume(store, catalogue, plain, quiet, voice, scale, get_ready, ascii_art)
            return
        _red_flags(_reviewed_note(plan_path, catalogue))
        care = None  # a clinician's plan overrides the first-run and McKenzie screens
        if plan_path is None:
            care = _care(store, catalogue, wanted, ask=checkins.is_interactive(), dry_run=False)
        from backex.cli.care_gate import dose_history

        doses = dose_history(store, care.not_settled if care else False)
        plan = _plan(catalogue, wanted, level, minutes, seed, plan_path, doses, care)
        if checkins.is_interactive():
            _weekly_checkin(store, plan, plan_path, catalogue)
        _stop_rule(plan)
        pain_before = pain if pain is not None else _ask_pain()
        plan = _gentle(plan, pain_before)
        if not plan.items:
            from backex.planning.gentle import NOTHING_GENTLE
            from backex.ui import output

            output.print_text(NOTHING_GENTLE)
            return
        session = _Session(store, plan, catalogue, scale)
        session.recorder.start(
            plan_to_dict(plan), [str(f) for f in plan.focus], pain_before, plan.name or None
        )
        session.coach(plain, quiet, voice, pain_before, get_ready, ascii_art=ascii_art)


def _plan(
    catalogue: "Catalogue",
    focus: "tuple[Focus, ...]",
    level: int,
    minutes: int,
    seed: int | None,
    plan_path: "Path | None",
    dose_history: "DoseHistory | None",
    care: "CareInput | None",
) -> Plan:
    if plan_path is not None:  # a clinician's doses: kept, never adapted
        from dataclasses import replace

        from backex.care import screening
        from backex.care.profile import load_profile
        from backex.prescription.loader import load_prescription
        from backex.prescription.model import prescription_to_plan

        plan = prescription_to_plan(load_prescription(plan_path, catalogue), dose_history)
        answers = load_profile().screening or {}
        accepted = screening.accepted_by_clinician(answers, [i.exercise for i in plan.items])
        return replace(plan, care_notes=tuple(dict.fromkeys(accepted)))
    from backex.planning.planner import make_plan

    restrictions = care.restrictions if care is not None else None
    return make_plan(catalogue, focus, level, minutes, seed, dose_history, restrictions)


def _care(
    store: "History | None",
    catalogue: "Catalogue",
    focus: "tuple[Focus, ...]",
    ask: bool,
    dry_run: bool,
) -> "CareInput":
    from backex.cli.care_gate import prepare
    from backex.history.store import local_now

    return prepare(store, catalogue, focus, ask, dry_run, local_now())


def _print_plan(plan: Plan, as_json: bool, names: dict[str, str]) -> None:
    from backex.ui import output

    if as_json:
        output.print_text(json.dumps(plan_to_dict(plan), indent=2))
        return
    from backex.ui.coach_view import plan_view

    console = output.stdout()
    console.print(plan_view(plan, console.width, names))


def _red_flags(note: str | None = None) -> None:
    """The red-flag gate (exit 3 on a "yes")."""
    from backex.cli.safety import run_red_flag_gate

    run_red_flag_gate(interactive=checkins.is_interactive(), note=note)


def _reviewed_note(plan_path: "Path | None", catalogue: "Catalogue") -> str | None:
    """What the plan file says about a clinician's review of the warning signs, if anything."""
    if plan_path is None:
        return None
    from backex.care.safety import REVIEWED_NOTE
    from backex.prescription.loader import load_prescription

    review = load_prescription(plan_path, catalogue).red_flags_reviewed
    if review is None:
        return None
    return REVIEWED_NOTE.format(by=review.by, on=f"{review.on.day} {review.on:%B %Y}")


def _weekly_checkin(
    store: "History", plan: Plan, plan_path: "Path | None", catalogue: "Catalogue"
) -> None:
    """The week's sessions against the plan file's frequency (else one a day), if due."""
    from backex.cli.habits import weekly_checkin

    frequency = None
    if plan_path is not None:
        from backex.prescription.loader import load_prescription

        frequency = load_prescription(plan_path, catalogue).frequency
    weekly_checkin(store, frequency, plan.max_pain)


def _stop_rule(plan: Plan) -> None:
    """The stop rule with the plan's pain limit, and any review date."""
    from backex.ui import output
    from backex.ui.checkin_view import stop_rule

    output.stdout().print(stop_rule(plan.max_pain))
    if plan.review_on is not None:
        from backex.prescription.model import review_sentence

        output.print_text(review_sentence(plan.review_on, date.today()))


def _before_coaching(plan: Plan) -> None:
    """The red-flag gate (exit 3 on a "yes"), then the stop rule and any review date."""
    _red_flags()
    _stop_rule(plan)


def _gentle(plan: Plan, pain_before: int | None, say: bool = True) -> Plan:
    """Pain before of 7 or more: the gentle part of the plan only, and when to call."""
    from backex.care.pain import GENTLE_ADVICE, needs_gentle_session

    if not needs_gentle_session(pain_before):
        return plan
    from backex.planning.gentle import gentle_session
    from backex.ui import output

    if say:
        output.stdout().print(GENTLE_ADVICE, style="bold yellow")
    return gentle_session(plan)


def _ask_pain() -> int | None:
    return checkins.ask_pain() if checkins.is_interactive() else None


def _resume(
    store: "History",
    catalogue: "Catalogue",
    plain: bool,
    quiet: bool,
    voice: bool,
    scale: float,
    get_ready: int,
    ascii_art: bool = False,
) -> None:
    from backex.planning.plan_doc import plan_from_dict
    from backex.ui import output

    point = store.last_incomplete()
    if point is None:
        raise BackexError(
            "nothing to resume: the last session was completed (or there is none yet); "
            f"start one with `{command_name()} routine`"
        )
    record = store.sessions(limit=1)[0]
    _refuse_after_spreading(record)
    plan = plan_from_dict(point.plan, catalogue, point.plan_name, point.focus)
    session = _Session(store, plan, catalogue, scale)
    session.recorder.resume(point.session_id)
    if point.next_position >= len(plan.items):
        session.recorder.finish(completed=True)
        output.stdout().print("Every exercise of the last session is recorded; marked it complete.")
        return
    _before_coaching(plan)
    item = plan.items[point.next_position]
    output.stdout().print(
        f"Resuming the session of {point.started_at:%d %b %H:%M} at exercise "
        f"{point.next_position + 1} of {len(plan.items)}: {item.exercise.name}."
    )
    done_before = [e for e in record.exercises if e.position < point.next_position]
    earlier = tuple(_result_of(entry) for entry in done_before)
    ends = [e.ended_at for e in done_before if e.ended_at is not None]
    # the time taken counts the sitting before the break too: its start to its last end
    earlier_s = max(0.0, (max(ends) - record.started_at).total_seconds()) if ends else 0.0
    session.coach(
        plain,
        quiet,
        voice,
        record.pain_before,
        get_ready,
        first_item=point.next_position,
        earlier=earlier,
        ascii_art=ascii_art,
        earlier_s=earlier_s,
    )


def _result_of(entry: "ExerciseEntry") -> "ExerciseResult":
    """A stored result as the session reports one, for the whole session's summary."""
    from backex.session.types import ExerciseResult

    return ExerciseResult(
        exercise_id=entry.exercise_id,
        sets_done=entry.sets_done,
        reps_done=entry.reps_done or 0,
        seconds_done=float(entry.seconds_done or 0),
        skipped=entry.skipped,
        skip_reason=entry.skip_reason,
        started_at=0.0,
        ended_at=0.0,
        index=entry.position,
        symptoms=entry.symptoms,
    )


def _spreading_now() -> None:
    """The spreading advice, shown at once; the full red-flag check is due next time."""
    from backex.care.rules import Symptoms, symptom_rule
    from backex.cli.care_gate import emergency_number
    from backex.ui import output
    from backex.ui.checkin_view import symptom_stop_view

    advice = symptom_rule(Symptoms.PERIPHERALISING, emergency_number()).advice
    output.stdout().print(symptom_stop_view(advice))
    _recheck_red_flags()


def _recheck_red_flags() -> None:
    from backex.care.profile import update_profile
    from backex.ui import output

    try:
        update_profile(recheck_red_flags=True)
    except (OSError, BackexError) as exc:
        output.error(f"could not remember to re-check the warning signs ({exc})")


def _refuse_after_spreading(record: "SessionRecord") -> None:
    from backex.care.rules import Symptoms, symptom_rule

    if any(e.symptoms is Symptoms.PERIPHERALISING for e in record.exercises):
        advice = symptom_rule(Symptoms.PERIPHERALISING).advice
        raise BackexError(
            f"the last session stopped because symptoms spread down the leg, so backex does "
            f"not resume it. {advice}"
        )


class _Session:
    """One coached session and its recording."""

    def __init__(self, store: "History", plan: Plan, catalogue: "Catalogue", scale: float) -> None:
        from backex.history.recording import ResultWriter
        from backex.history.store import SessionRecorder

        self.plan = plan
        self.names = {e.id: e.name for e in catalogue.exercises}
        self.scale = scale
        self.recorder = SessionRecorder(store)
        self.writer = ResultWriter(self.recorder, plan, scale)

    def coach(
        self,
        plain: bool,
        quiet: bool,
        voice: bool,
        pain_before: int | None,
        get_ready: int,
        first_item: int = 0,
        earlier: "tuple[ExerciseResult, ...]" = (),
        ascii_art: bool = False,
        earlier_s: float = 0.0,
    ) -> None:
        """Coach the plan from ``first_item``; ``earlier``: results of a resumed session,
        ``earlier_s`` the time its first sitting took."""
        from functools import partial

        from backex.care import safety
        from backex.care.rules import Symptoms, symptom_rule
        from backex.coaching.live import CoachOptions, run_routine
        from backex.session.types import SkipReason
        from backex.ui import output
        from backex.ui.coach_view import LiveScreen
        from backex.ui.start_view import start_view
        from backex.ui.summary_view import summary_view

        answers: list[Symptoms] = []

        def on_answer(symptoms: Symptoms) -> SkipReason | None:
            answers.append(symptoms)
            return SkipReason.SYMPTOMS if symptom_rule(symptoms).stop_series else None

        console = output.stdout()
        options = CoachOptions(
            plain=plain,
            quiet=quiet,
            voice=voice,
            clock_scale=self.scale,
            first_get_ready_s=get_ready,
            ask_symptoms=checkins.is_interactive(),
        )
        overview = partial(
            start_view, self.plan, get_ready_s=get_ready, first_item=first_item, names=self.names
        )

        def screen() -> LiveScreen:
            start = partial(overview, live=True)
            notice = safety.stop_rule_text(self.plan.max_pain)
            return LiveScreen(
                console, notice=notice, ascii_art=ascii_art, start=start, plan=self.plan
            )

        completed = False
        try:
            outcome = run_routine(
                self.plan,
                options,
                screen_factory=screen,
                warn=output.error,
                on_exercise_end=self.writer,
                first_item=first_item,
                on_answer=on_answer,
                show_overview=lambda: console.print(overview(console.width, live=False)),
            )
            completed = outcome.summary.stop_reason is None and not outcome.interrupted
        finally:
            self._finish(completed)
        if (
            SkipReason.SYMPTOMS is outcome.summary.stop_reason
            or Symptoms.PERIPHERALISING in answers
        ):
            _spreading_now()  # before the summary or any prompt
        summary = replace(
            outcome.summary,
            results=earlier + outcome.summary.results,
            started_at=outcome.summary.started_at - earlier_s,
        )
        console.print(summary_view(summary, self.plan, console.width))
        if not completed and outcome.summary.stop_reason is not SkipReason.SYMPTOMS:
            console.print(f"Continue where you stopped with: {command_name()} routine --resume")
        if outcome.interrupted:
            raise Interrupted()
        pain_after = _ask_pain()
        self._after(pain_before, pain_after, answers)
        spreading = outcome.summary.stop_reason is SkipReason.SYMPTOMS or (
            Symptoms.PERIPHERALISING in answers
        )
        did_something = any(r.reps_done or r.seconds_done for r in outcome.summary.results)
        # not after the advice to stop, nor after leaving before doing anything
        if checkins.is_interactive() and not spreading and did_something:
            from backex.cli.habits import score_goals

            score_goals(self.recorder.history)

    def _no_change_advice(self) -> None:
        """ "No change" on the last 3 McKenzie days, today's included: say so at once."""
        from backex.care import mckenzie
        from backex.cli.care_gate import no_change_lately
        from backex.errors import HistoryError
        from backex.history.store import local_now
        from backex.ui import output

        try:
            lately = no_change_lately(self.recorder.history, local_now())
        except HistoryError:
            return
        if lately:
            output.stdout().print(mckenzie.NO_CHANGE_ADVICE, style="bold yellow")

    def _finish(self, completed: bool) -> None:
        from backex.errors import HistoryError
        from backex.ui import output

        if self.writer.failure is not None:
            output.error(f"{self.writer.failure}; this session is recorded only up to there")
            return
        try:
            self.recorder.finish(completed)
        except HistoryError as exc:
            output.error(str(exc))

    def _after(
        self, pain_before: int | None, pain_after: int | None, answers: "list[Symptoms]"
    ) -> None:
        from backex.care.rules import Light, Symptoms, symptom_rule, traffic_light
        from backex.errors import HistoryError
        from backex.ui import output
        from backex.ui.checkin_view import symptom_good_sign, traffic_light_view

        console = output.stdout()
        if pain_after is not None and self.writer.failure is None:
            try:
                self.recorder.set_pain_after(pain_after)
            except HistoryError as exc:
                output.error(str(exc))
        centralised = Symptoms.CENTRALISING in answers and Symptoms.PERIPHERALISING not in answers
        if centralised:
            console.print(symptom_good_sign(symptom_rule(Symptoms.CENTRALISING).advice))
        advice = traffic_light(pain_before, pain_after, self.plan.max_pain, centralised=centralised)
        if advice is not None:
            console.print(traffic_light_view(pain_before, pain_after, advice))
        if advice is not None and advice.light is Light.RED:
            _recheck_red_flags()
        if Symptoms.SAME in answers:
            self._no_change_advice()
        self._fortnight()

    def _fortnight(self) -> None:
        """Progress toward the first fortnight's target, while in it (never a scold)."""
        from backex.errors import HistoryError
        from backex.history import queries
        from backex.history.store import local_now
        from backex.ui import output
        from backex.ui.consistency_view import fortnight_after_session

        if self.writer.failure is not None or self.recorder.session_id is None:
            return
        try:
            news = queries.fortnight_after(
                self.recorder.history, self.recorder.session_id, local_now().date()
            )
        except HistoryError as exc:
            output.error(str(exc))
            return
        line = fortnight_after_session(news)
        if line is not None:
            output.stdout().print(line)
