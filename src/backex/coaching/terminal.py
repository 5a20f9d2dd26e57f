"""The terminal side of the live loop: which keys mean what, cbreak mode, resize wake-ups."""

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType
from typing import TextIO

from backex.session.types import Back, Next, Quit, TogglePause

KEYS: dict[bytes, type[Next | Back | Quit | TogglePause]] = {
    b" ": TogglePause,
    b"p": TogglePause,
    b"n": Next,
    b"\x1b[C": Next,  # Right arrow
    b"\x1bOC": Next,
    b"b": Back,
    b"\x1b[D": Back,  # Left arrow
    b"\x1bOD": Back,
    b"q": Quit,
}


def use_live_screen(plain: bool, stdin: TextIO | None, stdout: TextIO) -> bool:
    """Live screen only with keys and a capable terminal on both ends."""
    if plain or stdin is None or os.environ.get("TERM", "") == "dumb":
        return False
    try:
        return stdin.isatty() and stdout.isatty()
    except (ValueError, OSError):  # closed streams
        return False


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False


@contextlib.contextmanager
def cbreak(fd: int) -> Iterator[None]:
    """Keys without Enter and without echo; the old settings come back whatever happens."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def wakeup_on_resize() -> Iterator[int]:
    """A pipe that becomes readable on SIGWINCH (and any other signal)."""
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    old_fd = signal.set_wakeup_fd(write_fd)

    def on_resize(signum: int, frame: FrameType | None) -> None:
        pass  # the wake-up byte is all that is needed

    old_handler = signal.signal(signal.SIGWINCH, on_resize)
    try:
        yield read_fd
    finally:
        signal.signal(signal.SIGWINCH, old_handler)
        signal.set_wakeup_fd(old_fd)
        os.close(read_fd)
        os.close(write_fd)


def parse_keys(data: bytes) -> list[bytes]:
    """Split a read into keys: escape sequences stay whole, everything else one byte each."""
    keys: list[bytes] = []
    i = 0
    while i < len(data):
        if data[i : i + 1] == b"\x1b" and data[i + 1 : i + 2] in (b"[", b"O"):
            keys.append(data[i : i + 3])
            i += 3
        else:
            keys.append(data[i : i + 1].lower())
            i += 1
    return keys


@contextlib.contextmanager
def ending_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP end the routine the way Ctrl-C does: settings restored, work kept.

    Their default is to kill the process on the spot, leaving the terminal in cbreak mode
    and the session's end unrecorded; as KeyboardInterrupt they take Ctrl-C's path.
    """

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    saved: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)  # no SIGHUP on Windows
        if number is None:
            continue
        try:
            saved[number] = signal.signal(number, interrupt)
        except ValueError:  # not the main thread: leave the defaults
            continue
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
