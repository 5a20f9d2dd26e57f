"""Read a YAML file safely and remember where each value came from.

Every file backex reads goes through here: size, node-count and alias-expansion limits,
strict UTF-8, the C safe loader when present, duplicate keys refused, and a map from field
path to line:column so validation errors can say ``my.yaml:14:7: exercises[2].dose.hold_s``.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backex.errors import CatalogueError

# The built-in catalogue is about 32 KiB and 1,200 YAML nodes. The limits sit far above
# any real catalogue (3,000 exercises: 4.4 MB, about 130,000 values) and below what hurts:
# PyYAML keeps about 300 bytes per composed node, so node counts are checked on the cheap
# event stream before any node is built.
MAX_BYTES = 8 * 1024 * 1024
MAX_NODES = 250_000
# Aliases let a node be reached many times; the walk over the document (and later the
# validation) is capped at this many values, which stops an alias bomb early.
MAX_VISITS = 4 * MAX_NODES

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its data and the line:column of each field path."""

    label: str
    data: object
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Sequence[str | int]) -> str:
        """``label:line:col`` for the deepest known part of ``loc``, else ``label``."""
        path = tuple(loc)
        while True:
            if path in self.marks:
                line, col = self.marks[path]
                return f"{self.label}:{line}:{col}"
            if not path:
                return self.label
            path = path[:-1]


def format_loc(loc: Sequence[str | int]) -> str:
    """``("exercises", 2, "dose")`` -> ``exercises[2].dose``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_yaml(path: Path, label: str | None = None) -> YamlDocument:
    """Read and parse ``path``; raise :class:`CatalogueError` with a located message."""
    name = label or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CatalogueError([f"{name}: file not found"]) from None
    except IsADirectoryError:
        raise CatalogueError([f"{name}: is a folder, not a file"]) from None
    except OSError as exc:
        raise CatalogueError([f"{name}: cannot read: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_BYTES:
        raise CatalogueError([f"{name}: refused: larger than {MAX_BYTES // (1024 * 1024)} MiB"])
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, label: str) -> YamlDocument:
    """Parse YAML bytes named ``label`` (see :func:`read_yaml`)."""
    import yaml

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CatalogueError([f"{label}:{line}:{col}: not valid UTF-8 text"]) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CatalogueError([f"{label}: file is empty"])

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _check_node_count(text, label, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise CatalogueError([f"{label}: file is empty"])
            try:
                data, marks = _build(node, label, loader)
            except _Fallback:  # aliased collections, other tags: PyYAML's own constructor
                marks = _collect_marks(node, label)
                data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
        raise CatalogueError([f"{where}: invalid YAML: {problem}"]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise CatalogueError([f"{label}:{line}:{col}: invalid YAML: {exc.reason}"]) from None
    except yaml.YAMLError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else "cannot parse"
        raise CatalogueError([f"{label}: invalid YAML: {first_line}"]) from None
    except RecursionError:
        raise CatalogueError([f"{label}: refused: YAML nested too deeply"]) from None
    return YamlDocument(label, data, marks)


def _check_node_count(text: str, label: str, loader_class: Any) -> None:
    """Refuse a document with too many nodes while only events exist, not nodes."""
    import yaml

    count = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.NodeEvent):  # scalars, aliases, sequence/mapping starts
            if count == 0 and not isinstance(event, yaml.MappingStartEvent):
                # Every file backex reads is a mapping; say so before building the rest.
                mark = event.start_mark
                where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
                raise CatalogueError([f"{where}: expected a mapping at the top level"])
            count += 1
            if count > MAX_NODES:
                mark = event.start_mark
                where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
                raise CatalogueError([f"{where}: refused: more than {MAX_NODES:,} YAML values"])


# Scalar tags the safe constructor builds from a scalar alone; anything else (merge keys,
# sets, ordered maps, unknown or Python tags) takes PyYAML's own constructor.
_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML + t for t in ("null", "bool", "int", "float", "binary", "timestamp"))
_MAX_FAST_DEPTH = 64  # deeper documents take the old path, which owns its depth errors


class _Fallback(Exception):
    """The document needs PyYAML's full constructor (see :func:`_build`)."""


def _build(root: Any, label: str, loader: Any) -> tuple[object, dict[Loc, tuple[int, int]]]:
    """The data and the line:column map in one walk over the composed nodes.

    Builds what PyYAML's safe constructor would for plain trees of mappings, sequences
    and scalars (about twice as fast as constructing and walking separately). Raises
    _Fallback for an alias to a collection, a tag it does not build itself, or deep
    nesting; the caller then takes the old path, whose results and errors stay the
    reference. Duplicate keys are refused as in :func:`_collect_marks`.
    """
    import yaml

    marks: dict[Loc, tuple[int, int]] = {}
    duplicates: list[tuple[int, int, str]] = []
    seen_collections: set[int] = set()
    constructors = loader.yaml_constructors
    scalar_node, mapping_node = yaml.ScalarNode, yaml.MappingNode

    def scalar(node: Any) -> object:
        if node.tag == _YAML + "str":
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise _Fallback
        return constructors[node.tag](loader, node)

    def build(loc: Loc, node: Any, depth: int) -> object:
        mark = node.start_mark
        marks.setdefault(loc, (mark.line + 1, mark.column + 1))
        if isinstance(node, scalar_node):
            return scalar(node)
        if id(node) in seen_collections or depth > _MAX_FAST_DEPTH:
            raise _Fallback
        seen_collections.add(id(node))
        if isinstance(node, mapping_node):
            if node.tag != _YAML + "map":
                raise _Fallback
            data: dict[object, object] = {}
            keys: set[str] = set()
            children = []
            for key_node, value_node in node.value:
                if not isinstance(key_node, scalar_node):
                    raise _Fallback
                key = key_node.value
                child = (*loc, key)
                at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in keys and key != "<<":
                    duplicates.append((*at, format_loc(child)))
                keys.add(key)
                marks.setdefault(child, at)
                children.append((scalar(key_node), child, value_node))
            for key_value, child, value_node in children:
                data[key_value] = build(child, value_node, depth + 1)
            return data
        if node.tag != _YAML + "seq":
            raise _Fallback
        return [build((*loc, index), item, depth + 1) for index, item in enumerate(node.value)]

    data = build((), root, 0)
    if duplicates:
        raise CatalogueError(
            [
                f"{label}:{line}:{col}: {path}: duplicate key"
                for line, col, path in sorted(duplicates)
            ]
        )
    return data, marks


def _collect_marks(root: object, label: str) -> dict[Loc, tuple[int, int]]:
    """Map each field path to its line:column; refuse duplicate keys and alias bombs."""
    import yaml

    marks: dict[Loc, tuple[int, int]] = {}
    duplicates: list[tuple[int, int, str]] = []
    stack: list[tuple[Loc, yaml.Node]] = [((), root)]  # type: ignore[list-item]
    visits = 0
    while stack:
        loc, node = stack.pop()
        visits += 1
        if visits > MAX_VISITS:
            raise CatalogueError(
                [f"{label}: refused: aliases expand to more than {MAX_VISITS:,} YAML values"]
            )
        marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                child = (*loc, key)
                at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in seen and key != "<<":
                    duplicates.append((*at, format_loc(child)))
                seen.add(key)
                marks.setdefault(child, at)
                stack.append((child, value_node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append(((*loc, index), item))
    if duplicates:
        raise CatalogueError(
            [
                f"{label}:{line}:{col}: {path}: duplicate key"
                for line, col, path in sorted(duplicates)
            ]
        )
    return marks
