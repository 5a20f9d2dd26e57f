"""Each record shape is defined once: the pydantic gate and the record must not drift.

The program works with the dataclasses in ``backex.catalogue.exercise``; files are read
through the models in ``backex.catalogue.schema``, whose ``to_record`` and the JSON form
(``exercise_to_dict``) are derived from the records' fields. A field added to one side
only fails here.
"""

from dataclasses import fields

import pytest
from pydantic import BaseModel

from backex.catalogue.exercise import Dose, Exercise, MoveUp, Tempo, exercise_to_dict
from backex.catalogue.loader import load_catalogue
from backex.catalogue.schema import DoseModel, ExerciseModel, MoveUpModel, TempoModel

PAIRS = [
    (ExerciseModel, Exercise),
    (DoseModel, Dose),
    (TempoModel, Tempo),
    (MoveUpModel, MoveUp),
]


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=lambda t: t.__name__)
def test_the_model_and_the_record_have_the_same_fields(
    model: type[BaseModel], record: type[object]
) -> None:
    record_fields = {field.name for field in fields(record)}  # type: ignore[arg-type]
    assert set(model.model_fields) == record_fields


def test_every_builtin_exercise_survives_json_and_back() -> None:
    for exercise in load_catalogue().exercises:
        as_json = exercise_to_dict(exercise)
        assert ExerciseModel.model_validate(as_json).to_record() == exercise


def test_the_json_form_uses_the_catalogue_field_names() -> None:
    bridge = load_catalogue().get("bridge")
    as_json = exercise_to_dict(bridge)
    assert set(as_json) == set(ExerciseModel.model_fields)
    assert as_json["dose"] == {
        "sets": 1,
        "reps": 5,
        "hold_s": 5,
        "rest_s": 0,
        "per_side": False,
        "tempo": None,
    }
    assert as_json["focus"] == ["core"]
