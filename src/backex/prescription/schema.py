"""The pydantic gate for plan files: YAML in, :class:`backex.prescription.model.Prescription` out.

Three passes, every problem reported as ``file:line:col: field.path: message`` through
:func:`backex.catalogue.schema.validate_document`:

1. the file's shape (fields, types, frequency, custom exercises with the catalogue schema);
2. references: each entry's id must name a catalogue or custom exercise ("did you mean");
3. each entry's catalogue dose with its overrides applied must still be a valid dose
   (the catalogue's :class:`~backex.catalogue.schema.DoseModel`: ranges, reps or hold_s or both).
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PlainValidator, field_validator, model_validator

from backex.catalogue.exercise import Dose, Exercise, Movement
from backex.catalogue.loader import Catalogue
from backex.catalogue.schema import (
    DoseModel,
    ExerciseModel,
    Name,
    Strict,
    TempoModel,
    Text,
    single_line,
    validate_document,
)
from backex.catalogue.yamlfile import YamlDocument, format_loc
from backex.errors import CatalogueError
from backex.paths import command_name
from backex.prescription.model import (
    DEFAULT_MAX_PAIN,
    Clinic,
    Frequency,
    PrescribedExercise,
    Prescription,
    Progression,
    RedFlagsReview,
    parse_frequency,
)


class DoseOverrideModel(Strict):
    """Fields to replace in the catalogue dose; null removes reps, hold_s or tempo.

    Only types are checked here; ranges are checked on the merged dose (pass 3).
    """

    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    rest_s: int | None = None
    per_side: bool | None = None
    tempo: TempoModel | None = None


class EntryModel(Strict):
    id: Annotated[str, Field(min_length=1, max_length=64), AfterValidator(single_line)]
    dose: DoseOverrideModel | None = None
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: object) -> object:
        if isinstance(data, str):  # "- bridge" is short for "- id: bridge"
            return {"id": data}
        if not isinstance(data, dict):
            raise ValueError("write an exercise as its id, or as {id: ..., dose: ..., note: ...}")
        return data


class ClinicModel(Strict):
    name: Name
    phone: Name | None = None


class RedFlagsReviewModel(Strict):
    on: date
    by: Name

    @model_validator(mode="before")
    @classmethod
    def _yaml_on(cls, data: object) -> object:
        # YAML 1.1 reads a bare `on:` key as the boolean true.
        if isinstance(data, dict) and True in data:
            data = {("on" if key is True else key): value for key, value in data.items()}
        return data


class PrescriptionModel(Strict):
    version: Literal[1, 2] = 1
    name: Name
    prescribed_by: Name | None = None
    patient: Name | None = None
    clinic: ClinicModel | None = None
    review_on: date | None = None
    notes: Text | None = None
    frequency: Annotated[Frequency, PlainValidator(parse_frequency)]
    max_pain: int = Field(default=DEFAULT_MAX_PAIN, ge=1, le=9, strict=True)
    progression: Progression = Progression.OFF
    avoid: tuple[Movement, ...] = ()
    red_flags_reviewed: RedFlagsReviewModel | None = None
    # Not Field(min_length=1): pydantic then also reports "too short" when an entry
    # fails, counting only the valid ones; the validator runs only when all are valid.
    exercises: tuple[EntryModel, ...]
    custom_exercises: tuple[ExerciseModel, ...] = ()

    @field_validator("progression", mode="before")
    @classmethod
    def _yaml_off(cls, value: object) -> object:
        return "off" if value is False else value  # YAML 1.1 reads a bare `off` as false

    @field_validator("exercises")
    @classmethod
    def _not_empty(cls, value: tuple[EntryModel, ...]) -> tuple[EntryModel, ...]:
        if not value:
            raise ValueError("list at least one exercise")
        return value


class _ResolvedEntry(Strict):
    dose: DoseModel


class _ResolvedModel(Strict):
    # None stands for an entry whose id is unknown (already reported by pass 2).
    exercises: tuple[_ResolvedEntry | None, ...]


def parse_prescription(document: YamlDocument, catalogue: Catalogue) -> Prescription:
    """Validate a parsed plan file against ``catalogue`` (see the module docstring)."""
    model = validate_document(document, PrescriptionModel)
    custom = tuple(m.to_record() for m in model.custom_exercises)
    problems = _check_custom(custom, catalogue, document)
    known = {e.id: e for e in (*catalogue.exercises, *custom)}
    lookup = Catalogue(tuple(known.values()))
    avoid = set(model.avoid)

    found: list[Exercise | None] = []
    merged: list[dict[str, object] | None] = []
    for index, entry in enumerate(model.exercises):
        exercise = lookup.find(entry.id)  # an id, a name or an alias, as `show` finds them
        found.append(exercise)
        if exercise is None:
            problems.append(_unknown_id(document, index, entry.id, lookup))
            merged.append(None)
        else:
            clash = [tag for tag in exercise.tags if tag in avoid]
            if clash:
                problems.append(_avoided(document, index, exercise, clash))
            merged.append({"dose": _merge(exercise.dose, entry.dose)})

    resolved: _ResolvedModel | None = None
    try:
        resolved = validate_document(
            YamlDocument(document.label, {"exercises": merged}, document.marks), _ResolvedModel
        )
    except CatalogueError as exc:
        problems.extend(exc.problems)
    if problems or resolved is None:
        raise CatalogueError(problems)

    entries = []
    for entry, exercise, result in zip(model.exercises, found, resolved.exercises, strict=True):
        assert exercise is not None and result is not None  # no problems were found
        entries.append(
            PrescribedExercise(
                exercise=exercise,
                dose=result.dose.to_record(),
                overrides=_overrides(entry.dose),
                note=entry.note or "",
                written_as=entry.id if entry.id != exercise.id else "",
            )
        )
    review = model.red_flags_reviewed
    clinic = model.clinic
    return Prescription(
        name=model.name,
        frequency=model.frequency,
        entries=tuple(entries),
        prescribed_by=model.prescribed_by or "",
        notes=model.notes or "",
        source=document.label,
        version=model.version,
        patient=model.patient or "",
        clinic=Clinic(clinic.name, clinic.phone or "") if clinic else None,
        review_on=model.review_on,
        max_pain=model.max_pain,
        progression=model.progression,
        avoid=model.avoid,
        red_flags_reviewed=RedFlagsReview(review.on, review.by) if review else None,
    )


def _avoided(document: YamlDocument, index: int, exercise: Exercise, clash: list[Movement]) -> str:
    loc = ("exercises", index, "id")
    movements = " and ".join(clash)
    return (
        f"{document.where(loc)}: {format_loc(loc)}: {exercise.id} is "
        f"{'an' if movements[0] in 'aeiou' else 'a'} {movements} exercise, "
        f"and the plan says avoid: [{', '.join(clash)}]; remove the exercise or the avoid entry"
    )


def _merge(dose: Dose, override: DoseOverrideModel | None) -> dict[str, object]:
    merged: dict[str, object] = {
        "sets": dose.sets,
        "reps": dose.reps,
        "hold_s": dose.hold_s,
        "rest_s": dose.rest_s,
        "per_side": dose.per_side,
        "tempo": {"lift_s": dose.tempo.lift_s, "lower_s": dose.tempo.lower_s}
        if dose.tempo
        else None,
    }
    if override is not None:
        for name in override.model_fields_set:
            value = getattr(override, name)
            merged[name] = value.model_dump() if isinstance(value, TempoModel) else value
    return merged


def _overrides(override: DoseOverrideModel | None) -> tuple[tuple[str, str], ...]:
    if override is None:
        return ()
    written = override.model_fields_set
    return tuple(
        (name, _say(getattr(override, name)))
        for name in DoseOverrideModel.model_fields
        if name in written
    )


def _say(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, TempoModel):
        return f"{value.lift_s}/{value.lower_s} s"
    return str(value)


def _unknown_id(document: YamlDocument, index: int, wanted: str, lookup: Catalogue) -> str:
    loc = ("exercises", index, "id")
    suggestions = lookup.suggest(wanted)
    hint = (
        f"; did you mean: {', '.join(suggestions)}?"
        if suggestions
        else f"; `{command_name()} list` shows the ids"
    )
    return f"{document.where(loc)}: {format_loc(loc)}: no exercise called {wanted!r}{hint}"


def _check_custom(
    custom: tuple[Exercise, ...], catalogue: Catalogue, document: YamlDocument
) -> list[str]:
    """Custom ids are new and unique; their easier/harder name known exercises."""
    problems: list[str] = []
    builtin = {e.id for e in catalogue.exercises}
    known = builtin | {e.id for e in custom}
    seen: set[str] = set()
    for index, exercise in enumerate(custom):
        loc: tuple[str | int, ...] = ("custom_exercises", index, "id")
        where = f"{document.where(loc)}: {format_loc(loc)}"
        if exercise.id in builtin:
            problems.append(
                f"{where}: {exercise.id!r} is already a catalogue exercise; "
                "give yours a different id"
            )
        elif exercise.id in seen:
            problems.append(f"{where}: duplicate id {exercise.id!r}")
        seen.add(exercise.id)
        for kind in ("easier", "harder"):
            for ref_index, ref in enumerate(getattr(exercise, kind)):
                loc = ("custom_exercises", index, kind, ref_index)
                if ref not in known or ref == exercise.id:
                    problems.append(
                        f"{document.where(loc)}: {format_loc(loc)}: "
                        f"no other exercise with id {ref!r}"
                    )
    return problems
