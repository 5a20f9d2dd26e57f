"""Every test gets its own BACKEX_HOME and no user catalogue from the environment."""

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def no_real_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module-scoped fixtures run before ``isolated_home``: keep them out of the real home too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BACKEX_HOME", str(tmp_path_factory.mktemp("session-home")))
        patch.delenv("BACKEX_CATALOGUE", raising=False)
        yield


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("backex-home")
    monkeypatch.setenv("BACKEX_HOME", str(home))
    monkeypatch.delenv("BACKEX_CATALOGUE", raising=False)
    monkeypatch.delenv("BACKEX_CLOCK_SCALE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    yield home


@pytest.fixture(autouse=True)
def fresh_consoles() -> Iterator[None]:
    """Consoles are cached per process; each test gets ones that see its settings."""
    from backex.ui import output

    output.stdout.cache_clear()
    output.stderr.cache_clear()
    yield
    output.stdout.cache_clear()
    output.stderr.cache_clear()
