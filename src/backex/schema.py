"""The pydantic gate: YAML data in, validated :mod:`backex.exercise` records out.

Imported only when a file must really be validated (a cache miss, a plan check):
pydantic costs more to import than the rest of a cached start-up.
"""

import re
from typing import Annotated, Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from backex.errors import CatalogueError
from backex.exercise import Dose, Equipment, Exercise, Focus, Position, Tempo
from backex.yamlfile import YamlDocument, format_loc

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Text = Annotated[str, Field(min_length=1, max_length=2000)]


class Strict(BaseModel):
    """Frozen, and unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class TempoModel(Strict):
    lift_s: int = Field(ge=1, le=10)
    lower_s: int = Field(ge=1, le=10)


class DoseModel(Strict):
    sets: int = Field(default=1, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=50)
    hold_s: int | None = Field(default=None, ge=1, le=600)
    rest_s: int = Field(default=0, ge=0, le=300)
    per_side: bool = False
    tempo: TempoModel | None = None

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        if self.reps is None and self.hold_s is None:
            raise ValueError("give reps, hold_s or both")
        return self

    def to_record(self) -> Dose:
        tempo = Tempo(self.tempo.lift_s, self.tempo.lower_s) if self.tempo else None
        return Dose(self.sets, self.reps, self.hold_s, self.rest_s, self.per_side, tempo)


class ExerciseModel(Strict):
    id: str = Field(min_length=1, max_length=64)
    name: Text
    aliases: tuple[Text, ...] = ()
    summary: Text
    focus: tuple[Focus, ...] = Field(min_length=1)
    position: Position
    level: int = Field(ge=1, le=3)
    equipment: tuple[Equipment, ...] = ()
    dose: DoseModel
    steps: tuple[Text, ...] = Field(min_length=1)
    cues: tuple[Text, ...] = Field(min_length=1)
    cautions: tuple[Text, ...] = ()
    stop_if: tuple[Text, ...] = Field(min_length=1)
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    sources: tuple[Text, ...] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a slug: lowercase letters, digits and single hyphens")
        return value

    def to_record(self) -> Exercise:
        return Exercise(
            id=self.id,
            name=self.name,
            summary=self.summary,
            focus=self.focus,
            position=self.position,
            level=self.level,
            dose=self.dose.to_record(),
            steps=self.steps,
            cues=self.cues,
            stop_if=self.stop_if,
            sources=self.sources,
            aliases=self.aliases,
            equipment=self.equipment,
            cautions=self.cautions,
            easier=self.easier,
            harder=self.harder,
        )


class CatalogueModel(Strict):
    exercises: tuple[ExerciseModel, ...] = Field(min_length=1)


ModelT = TypeVar("ModelT", bound=BaseModel)


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind == "too_short":
        return "must not be empty"
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    message: str = error["msg"]
    return message[0].lower() + message[1:]


def validate_document(document: YamlDocument, model: type[ModelT]) -> ModelT:
    """Validate parsed YAML against ``model``; one located line per problem on failure."""
    if not isinstance(document.data, dict):
        raise CatalogueError([f"{document.where(())}: expected a mapping at the top level"])
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            # Tagged unions and "after" validators add non-field parts; keep real fields.
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


def check_unique(exercises: tuple[Exercise, ...], document: YamlDocument) -> list[str]:
    """Ids unique; names and aliases unique and not shadowing another exercise's id."""
    problems: list[str] = []
    loc: tuple[str | int, ...]
    ids: dict[str, int] = {}
    for index, exercise in enumerate(exercises):
        if exercise.id in ids:
            loc = ("exercises", index, "id")
            problems.append(
                f"{document.where(loc)}: {format_loc(loc)}: duplicate id {exercise.id!r} "
                f"(also exercises[{ids[exercise.id]}])"
            )
        ids.setdefault(exercise.id, index)
    owners: dict[str, str] = {}
    for index, exercise in enumerate(exercises):
        for alias_index, alias in enumerate(exercise.aliases):
            key = alias.casefold()
            owner = owners.get(key)
            clash = key in ids and key != exercise.id
            if (owner is not None and owner != exercise.id) or clash:
                loc = ("exercises", index, "aliases", alias_index)
                problems.append(
                    f"{document.where(loc)}: {format_loc(loc)}: alias {alias!r} "
                    f"is already used by {owner or alias.casefold()!r}"
                )
            owners[key] = exercise.id
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
                        f"{document.where(loc)}: {format_loc(loc)}: no exercise with id {ref!r}"
                    )
                elif ref == exercise.id:
                    problems.append(
                        f"{document.where(loc)}: {format_loc(loc)}: an exercise cannot be its "
                        "own variant"
                    )
    return problems
