"""The layering contract: each package imports only from its own layer or the layers below.

    cli -> ui -> documents, coaching -> habits -> history -> session -> prescription
        -> planning -> care -> catalogue -> errors, paths, outfile, text (the top-level modules)

Rich only in ``ui`` and Typer only in ``cli`` are ruff's banned-api rule (pyproject.toml).
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "backex"

# Lowest first. Packages on one line share a layer and must not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("",),  # backex/__init__, errors, paths, outfile, text
    ("catalogue",),
    ("care",),
    ("planning",),
    ("prescription",),
    ("session",),
    ("history",),
    ("habits",),
    ("coaching", "documents"),
    ("ui",),
    ("cli",),
    ("__main__",),
)
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
TOP_LEVEL = {"errors", "paths", "outfile", "text", "cachefile", "__init__", "__version__"}


def package_of(dotted: str) -> str:
    """``backex.history.store`` -> ``history``; top-level modules -> ``""``."""
    parts = dotted.split(".")
    if len(parts) < 2 or parts[1] in TOP_LEVEL:
        return ""
    return parts[1]


def module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    return ".".join(relative.parts)


def backex_imports(path: Path) -> list[tuple[int, str]]:
    """Every ``backex...`` module that ``path`` imports, with its line, lazy imports too."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("backex")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "backex":  # from backex import paths, history...
                found += [(node.lineno, f"backex.{a.name}") for a in node.names]
            elif node.module.startswith("backex."):
                found.append((node.lineno, node.module))
    return found


def violations() -> list[str]:
    problems: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        importer = package_of(module_name(path))
        if importer not in RANK:
            problems.append(f"{path.relative_to(SRC)}: package {importer!r} has no layer")
            continue
        for line, imported in backex_imports(path):
            target = package_of(imported)
            if target == importer:
                continue
            if target not in RANK:
                problems.append(f"{path.relative_to(SRC)}:{line}: {imported} has no layer")
            elif RANK[target] >= RANK[importer]:
                problems.append(
                    f"{path.relative_to(SRC)}:{line}: {importer or 'backex'} may not import "
                    f"{imported} ({target} is not below it)"
                )
    return problems


def test_every_import_points_down_the_layers() -> None:
    assert violations() == []


def test_every_package_has_a_layer_and_says_what_it_owns() -> None:
    packages = {p.parent.name for p in SRC.glob("*/__init__.py")}
    assert packages <= set(RANK)
    for package in packages:
        doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text()))
        assert doc, f"{package}/__init__.py needs a docstring saying what it owns"


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("backex.history.store", "backex.session.types", True),
        ("backex.session.engine", "backex.history.store", False),
        ("backex.coaching.live", "backex.documents.handout", False),
        ("backex.habits.store", "backex.history.store", True),
        ("backex.history.store", "backex.habits.goals", False),
        ("backex.catalogue.loader", "backex.errors", True),
        ("backex.errors", "backex.catalogue.loader", False),
    ],
)
def test_the_rule_itself(importer: str, imported: str, allowed: bool) -> None:
    source, target = package_of(importer), package_of(imported)
    assert (source == target or RANK[target] < RANK[source]) is allowed
