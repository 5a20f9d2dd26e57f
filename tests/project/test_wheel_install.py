"""The built wheel, installed into a fresh virtual environment, finds its catalogue.

Slow (about 10 s: pip builds the wheel with hatchling in an isolated environment), but
it runs in CI: it is the only test that proves an installed copy works away from the
source checkout. The fresh environment gets backex from the wheel and nothing else;
its dependencies (typer, rich, ...) are borrowed from the test environment through a
``.pth`` line, so the test needs no network beyond what building the wheel needs.
"""

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(
    args: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns the venv folder."""
    work = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", ROOT],
        cwd=work,
        env=env,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("backex-*.whl")
    assert "backex/data/exercises.yaml" in zipfile.ZipFile(wheel).namelist()

    venv = work / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=work, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=work,
        env=env,
    )
    site_packages = Path(purelib.stdout.strip())
    # Dependencies from the test environment; a path in a .pth line is only appended to
    # sys.path, so the test environment's own editable backex is not picked up.
    (site_packages / "borrowed-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    install = _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel],
        cwd=work,
        env=env,
    )
    assert install.returncode == 0, install.stderr
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path, isolated_home: Path) -> tuple[Path, dict[str, str]]:
    """An unrelated working folder and an environment without the source checkout."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "BACKEX_CATALOGUE")
    }
    env.update(BACKEX_HOME=str(isolated_home), NO_COLOR="1", COLUMNS="80")
    return tmp_path, env


def test_installed_package_carries_the_catalogue(installed: Path) -> None:
    (data,) = installed.glob("lib/python*/site-packages/backex/data/exercises.yaml")
    assert data.read_bytes() == (ROOT / "data" / "exercises.yaml").read_bytes()


def test_installed_code_reads_its_own_copy(
    installed: Path, elsewhere: tuple[Path, dict[str, str]]
) -> None:
    folder, env = elsewhere
    script = (
        "import backex; from backex.catalogue.loader import builtin_catalogue_path; "
        "print(backex.__file__); print(builtin_catalogue_path())"
    )
    result = _run([installed / "bin" / "python", "-c", script], cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    package_file, catalogue_file = result.stdout.splitlines()
    assert Path(package_file).is_relative_to(installed)
    assert Path(catalogue_file).is_relative_to(installed)


def test_backex_list_from_an_unrelated_folder(
    installed: Path, elsewhere: tuple[Path, dict[str, str]]
) -> None:
    folder, env = elsewhere
    # On the PATH, as after activating the venv: the hint then says plain "backex".
    env = {**env, "PATH": f"{installed / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
    result = _run([installed / "bin" / "backex", "list"], cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    for name in ("Bridge", "Modified plank", "Prone lying", "Double knee to chest"):
        assert name in result.stdout
    assert result.stdout.splitlines()[-1] == "20 exercises. Details: backex show <id>"


def test_backex_show_bridge_from_an_unrelated_folder(
    installed: Path, elsewhere: tuple[Path, dict[str, str]]
) -> None:
    folder, env = elsewhere
    result = _run([installed / "bin" / "backex", "show", "bridge"], cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("╭─ Bridge (bridge) ─")
    assert "5 x 5 s hold" in result.stdout
    assert "\x1b" not in result.stdout


def test_installed_version_matches_the_source(
    installed: Path, elsewhere: tuple[Path, dict[str, str]]
) -> None:
    from backex import __version__

    folder, env = elsewhere
    result = _run([installed / "bin" / "backex", "--version"], cwd=folder, env=env)
    assert result.stdout == f"backex {__version__}\n"
