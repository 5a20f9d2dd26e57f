"""What the common commands import: the cache path must skip YAML and pydantic.

These are correctness checks of the fast paths (a cache hit really is a hit,
``--version`` really is answered early), not timing tests.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE_PLAN = Path(__file__).resolve().parents[2] / "examples" / "core-stability-week1.yaml"

# Runs the console-script entry point in a fresh interpreter and records sys.modules.
PROBE = """
import sys
sys.argv = ["backex", *sys.argv[2:]]
from backex.__main__ import main
try:
    main()
except SystemExit as exc:
    if exc.code not in (0, None):
        raise
with open(MODULES_FILE, "w") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""


def run_backex(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None, unset: tuple[str, ...] = ()
) -> set[str]:
    """Run ``backex args`` in a new interpreter; the modules (and packages) it imported."""
    modules_file = tmp_path / "modules.txt"
    code = PROBE.replace("MODULES_FILE", repr(str(modules_file)))
    full_env = {k: v for k, v in os.environ.items() if k not in unset}
    result = subprocess.run(
        [sys.executable, "-c", code, "backex", *args],
        env={**full_env, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = set(modules_file.read_text().split())
    return modules | {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("show", "bridge"), {}),
        (("list",), {}),
        (
            (),
            {
                "_BACKEX_COMPLETE": "complete_bash",
                "COMP_WORDS": "backex show br",
                "COMP_CWORD": "2",
            },
        ),
        (("routine", "--plan", str(EXAMPLE_PLAN), "--dry-run"), {}),
    ],
    ids=["show", "list", "completion", "routine --plan"],
)
def test_warm_cache_imports_neither_pydantic_nor_yaml(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    cold = run_backex(tmp_path, *args, env=env)
    assert {"pydantic", "yaml"} <= cold  # the first run validates and writes the cache
    warm = run_backex(tmp_path, *args, env=env)
    assert "backex.catalogue.cache" in warm
    assert (
        not {
            "pydantic",
            "yaml",
            "pydantic_core",
            "backex.catalogue.schema",
            "backex.catalogue.yamlfile",
        }
        & warm
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is Linux-only")
def test_show_finds_the_cache_folder_without_platformdirs(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": ""}
    run_backex(tmp_path, "show", "bridge", env=env, unset=("BACKEX_HOME",))
    warm = run_backex(tmp_path, "show", "bridge", env=env, unset=("BACKEX_HOME",))
    assert any((tmp_path / ".cache" / "backex").glob("catalogue-*.pickle"))
    assert not {"platformdirs", "yaml", "pydantic"} & warm
