"""The pydantic gate: YAML data in, validated :mod:`backex.catalogue.exercise` records out.

Imported only when a file must really be validated (a cache miss, a plan check):
pydantic costs more to import than the rest of a cached start-up.
"""

import re
from dataclasses import fields
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from backex.catalogue.exercise import (
    Dose,
    Equipment,
    Exercise,
    Focus,
    Limb,
    Movement,
    MoveUp,
    Pattern,
    Position,
    Tempo,
    pattern_fits,
)
from backex.catalogue.figures import (
    MAX_ALT,
    MAX_COLUMNS,
    MAX_ROWS,
    Frame,
    FrameLabel,
    unknown_characters,
)
from backex.catalogue.yamlfile import YamlDocument, format_loc
from backex.errors import CatalogueError
from backex.text import control_characters, describe_character, one_line_problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def single_line(value: str) -> str:
    """Pydantic check for one-line author text: no line breaks (U+2028 included), no
    control characters, no text-direction controls that could reorder what it shows."""
    problem = one_line_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _prose(value: str) -> str:
    return _no_controls(value, multiline=True)


def _no_controls(value: str, *, multiline: bool) -> str:
    found = control_characters(value, multiline=multiline)
    if found:
        raise ValueError(
            f"must not contain control characters (found {describe_character(found[0])})"
        )
    return value


# Every string an author writes is one of these: checked for control characters (a file is
# data, never terminal commands) and bounded in length.
Name = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(single_line)]
Prose = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(_prose)]
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_prose)]

# Numbers and flags are strict (``strict=True``): "level: '2'", "level: 1.5" or "sets: true"
# is a mistake in the file, not something to coerce. Enums and lists stay lax because YAML
# gives strings and lists.


class Strict(BaseModel):
    """Frozen, and unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


RecordT = TypeVar("RecordT")


def record_from(model: BaseModel, record_type: type[RecordT]) -> RecordT:
    """The record of ``record_type`` with ``model``'s values, field by field.

    Nested models, alone or in a tuple, become their own records (their ``to_record``).
    The model and the record have the same field names;
    ``tests/catalogue/test_record_shapes.py`` holds them to it, so a field added to one
    side only fails there instead of vanishing here.
    """
    values: dict[str, object] = {}
    for field in fields(record_type):  # type: ignore[arg-type]
        value = getattr(model, field.name)
        to_record = getattr(value, "to_record", None)
        if callable(to_record):
            value = to_record()
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            value = tuple(item.to_record() for item in value)
        values[field.name] = value
    return record_type(**values)


class TempoModel(Strict):
    lift_s: int = Field(ge=1, le=10, strict=True)
    lower_s: int = Field(ge=1, le=10, strict=True)

    def to_record(self) -> Tempo:
        return record_from(self, Tempo)


class DoseModel(Strict):
    sets: int = Field(default=1, ge=1, le=10, strict=True)
    reps: int | None = Field(default=None, ge=1, le=50, strict=True)
    hold_s: int | None = Field(default=None, ge=1, le=600, strict=True)
    rest_s: int = Field(default=0, ge=0, le=300, strict=True)
    per_side: bool = Field(default=False, strict=True)
    tempo: TempoModel | None = None

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        if self.reps is None and self.hold_s is None:
            raise ValueError("give reps, hold_s or both")
        return self

    def to_record(self) -> Dose:
        return record_from(self, Dose)


class MoveUpModel(Strict):
    source: Text
    hold_s: int | None = Field(default=None, ge=1, le=600, strict=True)
    hold_step_s: int | None = Field(default=None, ge=1, le=60, strict=True)
    reps: int | None = Field(default=None, ge=1, le=50, strict=True)
    total_s: int | None = Field(default=None, ge=1, le=3600, strict=True)

    @model_validator(mode="after")
    def _paired(self) -> Self:
        if (self.hold_s is None) != (self.hold_step_s is None):
            raise ValueError("hold_s and hold_step_s go together: the target and the step")
        if self.total_s is not None and self.hold_s is None:
            raise ValueError("total_s needs hold_s: it shares the time out as holds lengthen")
        return self

    def check_against(self, dose: DoseModel) -> str | None:
        """None when the targets fit ``dose`` (a hold to lengthen, reps to add), else why."""
        if self.hold_s is not None:
            if dose.hold_s is None:
                return "move_up.hold_s needs a dose with hold_s"
            if self.hold_s < dose.hold_s:
                return f"move_up.hold_s must be at least the dose's hold_s ({dose.hold_s})"
        if self.reps is not None:
            if dose.reps is None:
                return "move_up.reps needs a dose with reps"
            if self.reps < dose.reps:
                return f"move_up.reps must be at least the dose's reps ({dose.reps})"
        return None

    def to_record(self) -> MoveUp:
        return record_from(self, MoveUp)


def _art_row(value: str) -> str:
    if len(value) > MAX_COLUMNS:
        raise ValueError(f"must be at most {MAX_COLUMNS} characters wide (is {len(value)})")
    unknown = unknown_characters(value)
    if unknown:
        raise ValueError(
            f"{unknown[0]!r} (U+{ord(unknown[0]):04X}) is not in the drawing vocabulary "
            "(see backex/catalogue/figures.py)"
        )
    return value


# Not stripped: leading spaces place the drawing.
ArtRow = Annotated[str, Field(max_length=200, strict=True), AfterValidator(_art_row)]


class FrameModel(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    label: FrameLabel
    art: tuple[ArtRow, ...] = Field(min_length=1, max_length=MAX_ROWS)
    alt: Annotated[str, Field(min_length=1, max_length=MAX_ALT), AfterValidator(single_line)]

    @model_validator(mode="after")
    def _drawn(self) -> Self:
        if not any(row.strip() for row in self.art):
            raise ValueError("art must draw something")
        if self.alt != self.alt.strip():
            raise ValueError("alt must not start or end with spaces")
        return self

    def to_record(self) -> Frame:
        return Frame(self.label, tuple(row.rstrip() for row in self.art), self.alt)


def _check_frames(frames: tuple[FrameModel, ...]) -> tuple[FrameModel, ...]:
    """A start frame first; an end frame unless the one frame is a still position."""
    if not frames:
        return frames
    labels = [frame.label for frame in frames]
    if labels[0] is not FrameLabel.START:
        raise ValueError("the first frame must be the start")
    if len(frames) > 1 and FrameLabel.END not in labels:
        raise ValueError("give an end frame after the start")
    if labels.count(FrameLabel.START) > 1:
        raise ValueError("only one start frame")
    if FrameLabel.NOT_THIS in labels and labels[-1] is not FrameLabel.NOT_THIS:
        raise ValueError("not-this frames come last")
    return frames


class ExerciseModel(Strict):
    id: str = Field(min_length=1, max_length=64)
    name: Name
    aliases: tuple[Name, ...] = ()
    summary: Text
    focus: tuple[Focus, ...] = Field(min_length=1)
    position: Position
    level: int = Field(ge=1, le=3, strict=True)
    equipment: tuple[Equipment, ...] = ()
    dose: DoseModel
    pattern: Pattern | None = None
    limb: Limb | None = None
    move_up: MoveUpModel | None = None
    steps: tuple[Prose, ...] = Field(min_length=1)
    cues: tuple[Prose, ...] = Field(min_length=1)
    cautions: tuple[Prose, ...] = ()
    stop_if: tuple[Prose, ...] = Field(min_length=1)
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    tags: tuple[Movement, ...] = ()
    sources: tuple[Text, ...] = Field(min_length=1)
    figures: Annotated[
        tuple[FrameModel, ...], Field(max_length=6), AfterValidator(_check_frames)
    ] = ()

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a slug: lowercase letters, digits and single hyphens")
        return value

    @model_validator(mode="after")
    def _pattern_fits_dose(self) -> Self:
        if self.pattern is not None:
            problem = pattern_fits(self.pattern, self.dose.to_record())
            if problem is not None:
                raise ValueError(problem)
        if self.move_up is not None:
            problem = self.move_up.check_against(self.dose)
            if problem is not None:
                raise ValueError(problem)
        return self

    def to_record(self) -> Exercise:
        return record_from(self, Exercise)


class CatalogueModel(Strict):
    exercises: tuple[ExerciseModel, ...] = Field(min_length=1)


ModelT = TypeVar("ModelT", bound=BaseModel)


# Plain words for pydantic's type errors; the rest are handled in _message.
TYPE_MESSAGES = {
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of field: value",
    "model_type": "must be a mapping of field: value",
    "model_attributes_type": "must be a mapping of field: value",
}


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in TYPE_MESSAGES:
        return TYPE_MESSAGES[kind]
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind in ("too_short", "string_too_short"):
        return "must not be empty"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} items"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    message: str = error["msg"]
    return message[0].lower() + message[1:]


def _real_errors(errors: list[Any]) -> list[Any]:
    """Drop a list's "must not be empty" when it only looks empty because its items failed."""
    locs = [tuple(e["loc"]) for e in errors]
    return [
        error
        for error, loc in zip(errors, locs, strict=True)
        if not (
            error["type"] == "too_short"
            and any(other[: len(loc)] == loc and len(other) > len(loc) for other in locs)
        )
    ]


def validate_document(document: YamlDocument, model: type[ModelT]) -> ModelT:
    """Validate parsed YAML against ``model``; one located line per problem on failure."""
    if not isinstance(document.data, dict):
        raise CatalogueError([f"{document.where(())}: expected a mapping at the top level"])
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems = []
        for error in _real_errors(exc.errors()):
            loc = tuple(error["loc"])
            where = document.where(loc)
            field = format_loc(loc) or "(top level)"
            problems.append(f"{where}: {field}: {_message(error)}")
        raise CatalogueError(problems) from None


def parse_exercises(document: YamlDocument) -> tuple[Exercise, ...]:
    """Validate a catalogue document, including the checks within one file."""
    catalogue = validate_document(document, CatalogueModel)
    exercises = tuple(model.to_record() for model in catalogue.exercises)
    problems = check_unique(exercises, document)
    if problems:
        raise CatalogueError(problems)
    return exercises


def check_unique(
    exercises: tuple[Exercise, ...], document: YamlDocument, others: tuple[Exercise, ...] = ()
) -> list[str]:
    """Ids unique; each name or alias means one exercise only, here and among ``others``.

    ``others`` are exercises from another file (the built-in ones a user file extends).
    """
    problems: list[str] = []
    loc: tuple[str | int, ...]
    owners: dict[str, str] = {}  # casefolded id, name or alias -> the id it means
    for other in others:
        for key in (other.id, other.name, *other.aliases):
            owners.setdefault(key.casefold(), other.id)
    first_index: dict[str, int] = {}
    for index, exercise in enumerate(exercises):
        loc = ("exercises", index, "id")
        if exercise.id in first_index:
            problems.append(
                f"{document.where(loc)}: {format_loc(loc)}: duplicate id {exercise.id!r} "
                f"(also exercises[{first_index[exercise.id]}])"
            )
        elif exercise.id in owners:
            problems.append(
                f"{document.where(loc)}: {format_loc(loc)}: {exercise.id!r} already names "
                f"{owners[exercise.id]!r}"
            )
        first_index.setdefault(exercise.id, index)
        owners.setdefault(exercise.id, exercise.id)
    for index, exercise in enumerate(exercises):
        names: list[tuple[tuple[str | int, ...], str]] = [
            (("exercises", index, "name"), exercise.name)
        ]
        names += [(("exercises", index, "aliases", i), a) for i, a in enumerate(exercise.aliases)]
        for loc, name in names:
            owner = owners.setdefault(name.casefold(), exercise.id)
            if owner != exercise.id:
                problems.append(
                    f"{document.where(loc)}: {format_loc(loc)}: {name!r} already names {owner!r}"
                )
    return problems


def check_references(
    exercises: tuple[Exercise, ...], known_ids: set[str], document: YamlDocument
) -> list[str]:
    """``easier``/``harder`` of ``exercises`` must name ids in ``known_ids``."""
    problems: list[str] = []
    loc: tuple[str | int, ...]
    for index, exercise in enumerate(exercises):
        for kind in ("easier", "harder"):
            for ref_index, ref in enumerate(getattr(exercise, kind)):
                loc = ("exercises", index, kind, ref_index)
                if ref not in known_ids:
                    problems.append(
                        f"{document.where(loc)}: {format_loc(loc)}: no exercise called {ref!r}"
                    )
                elif ref == exercise.id:
                    problems.append(
                        f"{document.where(loc)}: {format_loc(loc)}: an exercise cannot be its "
                        "own variant"
                    )
    return problems
