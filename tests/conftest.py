"""Every test gets its own BACKEX_HOME and no user catalogue from the environment."""

from collections.abc import Iterator
from pathlib import Path

import pytest


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
