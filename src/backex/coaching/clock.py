"""The session's clock: monotonic time, optionally sped up for tests and demos."""

import math
import os
import time
from collections.abc import Callable

from backex.errors import UsageError

CLOCK_SCALE_ENV = "BACKEX_CLOCK_SCALE"


def clock_scale_from_env(environ: dict[str, str] | None = None) -> float:
    """``BACKEX_CLOCK_SCALE`` as a positive number (1 when unset)."""
    env = os.environ if environ is None else environ
    raw = env.get(CLOCK_SCALE_ENV, "").strip()
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"{CLOCK_SCALE_ENV} must be a positive number (like 1 or 20), not {raw!r}")
    return value


class ScaledClock:
    """Monotonic time, running ``scale`` times faster from the moment it is made."""

    def __init__(self, scale: float = 1.0, real: Callable[[], float] = time.monotonic) -> None:
        self.scale = scale
        self._real = real
        self._origin = real()

    def __call__(self) -> float:
        return self._origin + (self._real() - self._origin) * self.scale

    def real_seconds(self, session_seconds: float) -> float:
        return max(0.0, session_seconds / self.scale)
