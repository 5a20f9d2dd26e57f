"""``backex goal add/list/remove``: up to three goals, scored 0-10 as sessions end."""

from typing import Annotated

import typer

from backex.cli.app import app, guarded

goal_app = typer.Typer(
    help="Your goals: everyday things your back makes hard, scored 0-10 each week.",
    no_args_is_help=True,
)
app.add_typer(goal_app, name="goal")


@goal_app.command("add")
@guarded
def add(
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="GOAL",
            help='What you want to do again, in your words: "put my socks on standing".',
            show_default=False,
        ),
    ],
) -> None:
    """Add a goal (up to 3); its score is asked when your next session ends."""
    from backex.habits import store as habits
    from backex.habits.goals import checked_text
    from backex.history.store import History, local_now
    from backex.ui import output
    from backex.ui.habits_view import goal_added

    text = checked_text(" ".join(words))
    with History.open() as store:
        habits.add_goal(store, text, local_now())
        number = len(habits.goals(store, retired=False))
    output.stdout().print(goal_added(number, text))


@goal_app.command("list")
@guarded
def list_goals() -> None:
    """Your goals, each with its scores; retired goals last."""
    from backex.habits import store as habits
    from backex.history.export import stored_history
    from backex.ui import output
    from backex.ui.habits_view import goal_list

    with stored_history() as store:
        goals = habits.goals(store) if store is not None else []
    output.stdout().print(goal_list(goals))


@goal_app.command("remove")
@guarded
def remove(
    number: Annotated[
        int,
        typer.Argument(
            min=1, metavar="N", help="The goal's number in `backex goal list`.", show_default=False
        ),
    ],
) -> None:
    """Retire a goal: it is no longer asked about; its scores are kept."""
    from backex.habits import store as habits
    from backex.habits.goals import active_goal
    from backex.history.export import stored_history
    from backex.history.store import local_now
    from backex.ui import output
    from backex.ui.habits_view import goal_retired

    with stored_history() as store:
        goal = active_goal(habits.goals(store) if store is not None else [], number)
        assert store is not None  # a goal was found, so there is a history
        habits.retire_goal(store, goal.id, local_now())
    output.stdout().print(goal_retired(number, goal))
