"""The README's promises: two set-up commands, CI runs the test one, real output."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from backex.catalogue.loader import load_catalogue
from backex.errors import ExitCode

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The README and the pages it links to: output shown anywhere in them is checked.
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCS = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)

INSTALL_AND_RUN = (
    "python3 -m venv ~/.backex && ~/.backex/bin/pip install . && mkdir -p ~/.local/bin"
    " && ln -sf ~/.backex/bin/backex ~/.local/bin/backex && ~/.local/bin/backex routine"
    " --focus core"
)
INSTALL_AND_TEST = (
    "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest"
)


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOCS, flags=re.DOTALL)


def test_opens_with_a_tagline_and_the_two_set_up_commands() -> None:
    lines = README.splitlines()
    assert lines[0] == "# backex"
    assert lines[2].startswith("A command-line coach for home back-care exercises")
    set_up = README.split("## ", 1)[0]
    assert re.findall(r"```sh\n(.*?)\n```", set_up, flags=re.DOTALL) == [
        INSTALL_AND_RUN,
        INSTALL_AND_TEST,
    ]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert INSTALL_AND_TEST in ci
    assert "set -euo pipefail" in ci


NEXT_PLAN = "examples/mckenzie-extension-early.yaml"


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "bridge"],
        ["show", "brige"],
        ["next", "--plan", NEXT_PLAN],
        ["next", "--plan", NEXT_PLAN, "--json"],
    ],
)
def test_output_shown_is_what_backex_prints(command: list[str], isolated_home: Path) -> None:
    shown = next(
        block for block in _blocks("console") if block.startswith(f"$ backex {' '.join(command)}\n")
    )
    env = {**os.environ, "BACKEX_HOME": str(isolated_home), "NO_COLOR": "1", "COLUMNS": "80"}
    # Typed as the README shows it: `backex` found on the PATH (hints name it so).
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        [str(Path(bin_dir) / "backex"), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    printed = "".join(line.rstrip() + "\n" for line in (result.stdout + result.stderr).splitlines())
    assert shown.split("\n", 1)[1] == printed, (
        "README output is stale; regenerate it with "
        f"NO_COLOR=1 COLUMNS=80 backex {' '.join(command)} | sed 's/ *$//'"
    )


def test_the_user_catalogue_example_is_valid(tmp_path: Path) -> None:
    (example,) = [block for block in _blocks("yaml") if "wall-sit" in block]
    path = tmp_path / "mine.yaml"
    path.write_text(example, encoding="utf-8")
    assert load_catalogue(path).get("wall squat").id == "wall-sit"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_lead_to_files_and_headings(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]*)(?:#([^)]*))?\)", text):
        path, anchor = target
        linked = (page.parent / path) if path else page
        assert linked.is_file(), f"{page.name} links to missing {path}"
        if anchor:
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), flags=re.M)
            slugs = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{page.name} links to missing heading #{anchor}"


def test_the_exit_code_table_is_the_enum() -> None:
    table = re.search(r"\| Exit code \| Meaning \|\n\|---\|---\|\n((?:\|.*\|\n)+)", README)
    assert table is not None, "README.md has no exit-code table"
    expected = "".join(f"| {code.value} | {code.meaning} |\n" for code in ExitCode)
    assert table.group(1) == expected
