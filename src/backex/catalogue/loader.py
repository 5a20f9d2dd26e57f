"""The exercise catalogue: the built-in file plus an optional user file, and look-ups."""

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from backex.catalogue import cache as catalogue_cache
from backex.catalogue.exercise import Exercise, Focus, Position
from backex.errors import CatalogueError, NotFoundError

BUILTIN_LABEL = "built-in catalogue"
CATALOGUE_ENV = "BACKEX_CATALOGUE"


def builtin_catalogue_path() -> Path:
    """The catalogue shipped in the package (or, in a source checkout, ``data/``)."""
    # The wheel puts it in the package folder (pyproject's force-include). Found from
    # __file__, not importlib.resources: the answer is the same for a package on
    # disk, and importing importlib.resources (and zipfile) costs ~4 ms a start-up.
    packaged = Path(__file__).parent.parent / "data" / "exercises.yaml"
    if packaged.is_file():
        return packaged
    # Editable installs and plain checkouts read the repository's copy.
    return Path(__file__).resolve().parents[3] / "data" / "exercises.yaml"


@dataclass(frozen=True)
class Catalogue:
    """All known exercises, in catalogue order, with look-up by id, name or alias."""

    exercises: tuple[Exercise, ...]
    # What the exercises were read from (the catalogue cache's key); None when built in code.
    # Anything validated against this catalogue may be cached under it (a plan file).
    source_key: str | None = field(default=None, compare=False)
    _index: dict[str, Exercise] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        index = self._index
        # Aliases first, then names, then ids: the more exact key wins a clash.
        for exercise in self.exercises:
            for alias in exercise.aliases:
                index[alias.casefold()] = exercise
        for exercise in self.exercises:
            index[exercise.name.casefold()] = exercise
        for exercise in self.exercises:
            index[exercise.id] = exercise

    def __iter__(self) -> "Iterable[Exercise]":
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def find(self, query: str) -> Exercise | None:
        """The exercise whose id, name or alias is ``query`` (any case), if any."""
        key = " ".join(query.split()).casefold()
        return self._index.get(key) or self._index.get(key.replace(" ", "-"))

    def get(self, query: str) -> Exercise:
        """Like :meth:`find`, but raise :class:`NotFoundError` with suggestions."""
        found = self.find(query)
        if found is not None:
            return found
        suggestions = self.suggest(query)
        raise NotFoundError(f"no exercise called {query!r}", suggestions)

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Ids of exercises whose id, name or alias contains ``query``, else is close to it."""
        key = " ".join(query.split()).casefold()
        if not key:
            return []
        dashed = key.replace(" ", "-")
        containing = [
            e.id for e in self.exercises if any(key in k or dashed in k for k in _keys(e))
        ]
        if containing:
            return containing[:limit]
        import difflib  # only a miss pays for it

        ids: list[str] = []
        for match in difflib.get_close_matches(key, list(self._index), n=limit * 3, cutoff=0.6):
            exercise_id = self._index[match].id
            if exercise_id not in ids:
                ids.append(exercise_id)
        return ids[:limit]

    def filter(
        self,
        focus: Iterable[Focus] | None = None,
        max_level: int | None = None,
        level: int | None = None,
        position: Position | None = None,
    ) -> list[Exercise]:
        """Exercises matching every given filter, in catalogue order."""
        wanted = set(focus) if focus else None
        return [
            e
            for e in self.exercises
            if (wanted is None or wanted.intersection(e.focus))
            and (max_level is None or e.level <= max_level)
            and (level is None or e.level == level)
            and (position is None or e.position == position)
        ]


def _keys(exercise: Exercise) -> tuple[str, ...]:
    """The casefolded id, name and aliases an exercise answers to."""
    return (exercise.id, exercise.name.casefold(), *(a.casefold() for a in exercise.aliases))


def load_catalogue(user_path: Path | None = None) -> Catalogue:
    """Built-in exercises extended by ``user_path`` (same id replaces), cached when valid."""
    builtin = builtin_catalogue_path()
    sources = [builtin] if user_path is None else [builtin, user_path]
    key = catalogue_cache.cache_key(sources)
    if key is not None:
        cached = catalogue_cache.read(sources, key)
        if cached is not None:
            return Catalogue(cached, key)
    with _gc_paused():
        exercises = _load_and_validate(builtin, user_path)
    if key is not None:
        catalogue_cache.write(sources, key, exercises)
    return Catalogue(exercises, key)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Parsing makes hundreds of thousands of objects that all live until the load
    # ends; the cyclic collector would rescan them over and over for nothing (a
    # 3,000-exercise file: 2.0-2.9 s to load with it, 0.8-1.2 s without).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_and_validate(builtin: Path, user_path: Path | None) -> tuple[Exercise, ...]:
    from backex.catalogue.schema import check_references, check_unique, parse_exercises
    from backex.catalogue.yamlfile import read_yaml

    builtin_doc = read_yaml(builtin, BUILTIN_LABEL)
    base = parse_exercises(builtin_doc)
    problems = check_references(base, {e.id for e in base}, builtin_doc)
    if problems:
        raise CatalogueError(problems)
    if user_path is None:
        return base
    user_doc = read_yaml(user_path)
    extra = parse_exercises(user_doc)
    replaced = {e.id: e for e in extra}
    kept = tuple(e for e in base if e.id not in replaced)
    merged = tuple(replaced.pop(e.id, e) for e in base) + tuple(replaced.values())
    # A user file may replace an exercise that built-in ones point at; that still holds.
    problems = check_unique(extra, user_doc, others=kept)
    problems += check_references(extra, {e.id for e in merged}, user_doc)
    if problems:
        raise CatalogueError(problems)
    return merged
