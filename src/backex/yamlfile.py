"""Read a YAML file safely and remember where each value came from.

Every file backex reads goes through here: size and alias-expansion limits, strict
UTF-8, the C safe loader when present, and a map from field path to line:column so
validation errors can say ``my.yaml:14:7: exercises[2].dose.hold_s: ...``.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from backex.errors import CatalogueError

# Far above any real catalogue (3,000 exercises is about 4 MiB), far below trouble.
MAX_BYTES = 8 * 1024 * 1024

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
        while path:
            if path in self.marks:
                line, col = self.marks[path]
                return f"{self.label}:{line}:{col}"
            path = path[:-1]
        if () in self.marks:
            line, col = self.marks[()]
            return f"{self.label}:{line}:{col}"
        return self.label


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
        raise CatalogueError([f"{name}: file is larger than {MAX_BYTES // (1024 * 1024)} MiB"])
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
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise CatalogueError([f"{label}: file is empty"])
        # Without aliases a document has fewer nodes than characters; an alias bomb
        # revisits shared nodes exponentially often, so cap the walk by the text size.
        marks = _collect_marks(node, label, max_visits=4 * len(text) + 10_000)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        where = f"{label}:{mark.line + 1}:{mark.column + 1}" if mark else label
        raise CatalogueError([f"{where}: invalid YAML: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise CatalogueError([f"{label}: invalid YAML: {exc}"]) from None
    except RecursionError:
        raise CatalogueError([f"{label}: YAML nested too deeply"]) from None
    finally:
        loader.dispose()
    return YamlDocument(label, data, marks)


def _collect_marks(root: object, label: str, max_visits: int) -> dict[Loc, tuple[int, int]]:
    import yaml

    marks: dict[Loc, tuple[int, int]] = {}
    stack: list[tuple[Loc, yaml.Node]] = [((), root)]  # type: ignore[list-item]
    visits = 0
    while stack:
        loc, node = stack.pop()
        visits += 1
        if visits > max_visits:
            raise CatalogueError(
                [f"{label}: refused: too many YAML nodes (an alias expansion bomb?)"]
            )
        marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                child = (*loc, key)
                marks.setdefault(
                    child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                )
                stack.append((child, value_node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append(((*loc, index), item))
    return marks
