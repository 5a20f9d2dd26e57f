"""One plan document for --dry-run --json and the history; a stored plan comes back whole."""

import json
from pathlib import Path

import pytest

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.errors import BackexError
from backex.history.store import History, SessionRecorder
from backex.planning.plan_doc import plan_from_dict, plan_to_dict
from backex.planning.planner import make_plan
from backex.prescription.loader import load_prescription
from backex.prescription.model import prescription_to_plan


@pytest.mark.parametrize(
    "focus", [[Focus.CORE], [Focus.MCKENZIE], [Focus.CORE, Focus.STRETCH, Focus.MOBILITY]]
)
def test_a_stored_plan_comes_back_with_the_same_exercises_doses_and_estimates(
    tmp_path: Path, focus: list[Focus]
) -> None:
    catalogue = load_catalogue()
    plan = make_plan(catalogue, focus, max_level=3, minutes=10)
    with History.open(tmp_path / "h.sqlite3") as store:
        SessionRecorder(store).start(plan_to_dict(plan), [str(f) for f in plan.focus], None)
        point = store.last_incomplete()
    assert point is not None
    again = plan_from_dict(point.plan, catalogue, point.plan_name, point.focus)
    assert again.items == plan.items
    assert again.focus == plan.focus


def test_a_prescribed_plan_keeps_its_name_and_tempo() -> None:
    catalogue = load_catalogue()
    plan = prescription_to_plan(
        load_prescription(Path("examples/mckenzie-extension-early.yaml"), catalogue)
    )
    doc = json.loads(json.dumps(plan_to_dict(plan)))
    assert doc["plan"] == "Early McKenzie extension"
    again = plan_from_dict(doc, catalogue, doc["plan"], doc["focus"])
    assert again.name == plan.name
    assert [(i.exercise.id, i.dose, i.est_s) for i in again.items] == [
        (i.exercise.id, i.dose, i.est_s) for i in plan.items
    ]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            {"items": [{"exercise": "no-such-thing", "sets": 1, "est_s": 5}]},
            "the unfinished session uses the exercise 'no-such-thing', which is not in the "
            "catalogue; give the --catalogue it was planned with",
        ),
        (
            {"items": [{"exercise": "bridge"}]},
            "the unfinished session's stored plan cannot be read (KeyError: 'sets'); "
            "start a new session instead",
        ),
        ({"items": []}, "the unfinished session's stored plan has no exercises"),
        (
            [1, 2],
            "the unfinished session's stored plan cannot be read (TypeError: list indices "
            "must be integers or slices, not str); start a new session instead",
        ),
    ],
)
def test_an_unusable_stored_plan_is_a_clear_error(doc: object, message: str) -> None:
    with pytest.raises(BackexError) as caught:
        plan_from_dict(doc, load_catalogue(), None, ["core"])
    assert str(caught.value) == message
