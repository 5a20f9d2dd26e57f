"""What ``backex next`` prints, callable with or without Typer (the start-up fast path).

Plain text only, through :mod:`backex.ui.plain`: no Rich, no colour, one line or one JSON
object, so a status bar or script can call it often.
"""

from backex.documents.due import done_counts, due_json, due_line, next_due
from backex.planning.plan import Plan
from backex.ui.plain import print_text


def print_next(plan: Plan, as_json: bool = False) -> None:
    """Print the first exercise of ``plan`` not yet done today, by the history."""
    from backex.history.export import stored_history
    from backex.history.store import local_now

    with stored_history() as store:
        done = done_counts(store.sessions(since_day=local_now().date()) if store else ())
    due = next_due(plan, done)
    print_text(due_json(due) if as_json else due_line(due))
