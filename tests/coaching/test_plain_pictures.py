"""Plain mode says each exercise's pictures in words, once per exercise."""

import io

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.coaching.plain import PlainReporter, picture_line
from backex.planning.planner import make_plan
from backex.session.engine import Session


def test_the_alt_text_is_printed_once_per_exercise() -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE], minutes=5)
    session = Session(plan)
    state = session.start(0.0)
    while not state.done and state.next_deadline is not None:
        state = session.tick(state.next_deadline)
    out = io.StringIO()
    reporter = PlainReporter(out, plan, 0.0)
    reporter.report(session.phase_log, [])
    reporter.close()
    pictures = [line for line in out.getvalue().splitlines() if " Picture. " in line]
    assert len(pictures) == len(plan.items)
    first = plan.items[0].exercise
    # the first exercise (lower trunk rotation) also has an "other side" frame after these
    start_end = f"[00:00] Picture. Start: {first.figures[0].alt} End: {first.figures[1].alt}"
    assert pictures[0].startswith(start_end)


def test_an_exercise_without_figures_gets_no_picture_line() -> None:
    assert picture_line(()) == ""
