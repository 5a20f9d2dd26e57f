"""Sounds and speech for the cues: the terminal bell and an optional voice."""

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Callable

from backex.coaching.clock import ScaledClock
from backex.session.types import CueKind, SessionState

STALE_CUE_S = 1.0  # real seconds after which a missed cue is not sounded any more
BELL_CUES = {CueKind.WORK_START, CueKind.HOLD_END, CueKind.COUNTDOWN, CueKind.QUESTION}


class Voice:
    """Speaks cues through espeak-ng (or macOS ``say``) without waiting for it."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        found = shutil.which("espeak-ng")
        if found is None and sys.platform == "darwin":
            found = shutil.which("say")
        self._command = found
        self._process: subprocess.Popen[bytes] | None = None
        if found is None:
            warn(
                "--voice needs espeak-ng (or say on macOS), which is not installed; "
                "carrying on without a voice"
            )

    def say(self, text: str) -> None:
        if self._command is None or not text:
            return
        self.close()  # the newest cue matters; cut off the one still speaking
        with contextlib.suppress(OSError):
            self._process = subprocess.Popen(
                [self._command, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1)


def phase_key(state: SessionState) -> tuple[object, ...]:
    """Which phase (down to the rep step) the state is in."""
    return (state.kind, state.item_index, state.set_no, state.rep_no, state.side, state.step)


def sound_cues(
    state: SessionState,
    phase_changed: bool,
    clock: ScaledClock,
    bell: Callable[[], None] | None,
    voice: Voice | None,
) -> None:
    """Bell at work start, hold end and the last seconds; speak the new cue and counts."""
    fresh = [e for e in state.events if clock.real_seconds(state.now - e.at) <= STALE_CUE_S]
    if bell is not None and any(e.kind in BELL_CUES for e in fresh):
        bell()
    if voice is None:
        return
    words = [e.text for e in fresh if e.kind is CueKind.EXERCISE_START]
    if phase_changed and not state.done:
        words.append(state.cue)
    words += [e.text for e in fresh if e.kind in (CueKind.COUNTDOWN, CueKind.HALFWAY)]
    words += [e.text for e in fresh if e.kind is CueKind.DONE]
    if words:
        voice.say(". ".join(words))
