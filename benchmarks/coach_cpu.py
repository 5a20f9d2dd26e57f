"""Coaching benchmark: CPU time and peak memory of the live screen over a minute.

Starts the real ``backex routine`` (the live screen, a throwaway BACKEX_HOME and
TERM=xterm-256color) in an 80x24 pseudo-terminal, lets it coach for ``--seconds`` of
real time (default 60; the clock starts when space is pressed on the start screen),
presses ``q`` and reads the child's resource usage (``wait4``):
user+sys CPU time and peak RSS. At the same time, in a second pseudo-terminal, the same
program runs with the screen redrawn by Rich ``Live`` at 10 Hz (``auto_refresh``), the
way the issue's 1.8%-of-a-core figure was measured; and ``reference_show.py bridge``
runs ``--runs`` times for the memory floor.

Columns: CPU is the child's user+sys time over its whole life; "to screen" is the part
spent before the first screen was on the terminal (start-up); "whole run" is CPU over wall
time, start-up and exit included; "coaching" is the share from the first screen to the
``q`` alone (read from /proc, 10 ms resolution), the steady cost of a longer session.

    python benchmarks/coach_cpu.py [--seconds N] [--runs N]

A third pseudo-terminal coaches ``routine --plan P`` (the reminders' daily command, its
plan cache warm). Targets: CPU at most 0.5% of one core averaged over the run (checked
both ways: whole run, and first screen to ``q``); peak RSS, with and without a plan, at
most 1.3x the reference script's. Exits 1 if one fails.
"""

import argparse
import contextlib
import fcntl
import os
import pty
import resource
import selectors
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import _bench
from _bench import Target

ROWS, COLUMNS = 24, 80
SCREEN_UP = b"q quit"  # the key help at the bottom of the live screen
START_SCREEN = b"Press space to start"  # the overview before the clock starts
FINISHED = b"time taken"  # the summary after the session
START_TIMEOUT_S = 30.0
CLOCK_TICK_S = 1 / os.sysconf("SC_CLK_TCK")
# The program as ``backex routine``, but with the live screen refreshing at 10 Hz.
TEN_HZ = """
import sys
from rich.live import Live
from backex.ui import coach_view

def open_10hz(self):
    self._live = Live(console=self.console, auto_refresh=True, refresh_per_second=10,
                      screen=True, redirect_stdout=False, redirect_stderr=False)
    self._live.start()

coach_view.LiveScreen.open = open_10hz
sys.argv = ["backex", "routine", "--pain", "0"]
from backex.__main__ import main
main()
"""


ROUTINE_ARGS = ["routine", "--pain", "0"]
EXAMPLE_PLAN = _bench.HERE.parent / "examples" / "core-stability-week1.yaml"
PLAN_ARGS = ["routine", "--plan", str(EXAMPLE_PLAN), "--pain", "0"]
RED_FLAGS_ANSWERED = (
    "from datetime import datetime\n"
    "from backex.care import screening\n"
    "from backex.care.profile import Profile, save_profile\n"
    "from backex.care.safety import record_check\n"
    "record_check(False, datetime.now().astimezone())\n"
    "save_profile(Profile(emergency_number='999',"
    " screening={q.key: False for q in screening.QUESTIONS}))\n"
)


@dataclass
class Coached:
    """One program coaching in a pseudo-terminal."""

    label: str
    argv: list[str]
    env: dict[str, str]
    pid: int = 0
    fd: int = -1
    started: float = 0.0
    screen_at: float | None = None
    cpu_at_screen: float = 0.0
    cpu_at_quit: float = 0.0
    quit_at: float = 0.0
    tail: bytes = b""
    started_coaching: bool = False
    closed: bool = False
    usage: resource.struct_rusage | None = None
    status: int = 0
    wall: float = 0.0
    output: bytearray = field(default_factory=bytearray)

    def spawn(self) -> None:
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(self.argv[0], self.argv, self.env)
        self.pid, self.fd = pid, fd

    def read(self) -> None:
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            self.closed = True
            return
        self.tail = (self.tail + data)[-4096:]
        if not self.started_coaching and self.tail.rstrip().endswith(b"(y/n)"):
            os.write(self.fd, b"n\r")  # today's warning-sign question: none
            self.tail += b"\n"
        if not self.started_coaching and START_SCREEN in self.tail:
            os.write(self.fd, b" ")  # a person ready on the mat
            self.started_coaching = True
        if self.screen_at is None and SCREEN_UP in self.tail:
            self.screen_at = time.monotonic()
            self.cpu_at_screen = proc_cpu(self.pid)

    def quit(self) -> None:
        self.cpu_at_quit = proc_cpu(self.pid)
        self.quit_at = time.monotonic()
        os.write(self.fd, b"q")

    def reap(self) -> None:
        _, self.status, self.usage = os.wait4(self.pid, 0)
        self.wall = time.monotonic() - self.started
        os.close(self.fd)

    @property
    def cpu(self) -> float:
        assert self.usage is not None
        return self.usage.ru_utime + self.usage.ru_stime

    @property
    def peak_rss_kib(self) -> int:
        assert self.usage is not None
        return self.usage.ru_maxrss

    @property
    def coaching_share(self) -> float:
        assert self.screen_at is not None
        return (self.cpu_at_quit - self.cpu_at_screen) / (self.quit_at - self.screen_at)


def proc_cpu(pid: int) -> float:
    """User+sys CPU seconds of a running process so far (/proc, clock-tick resolution)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) * CLOCK_TICK_S


def pump(children: list[Coached], until: float, done: Callable[[], bool]) -> None:
    """Read every child's output (a terminal must be drained) until ``done()`` or ``until``."""
    selector = selectors.DefaultSelector()
    for child in children:
        if not child.closed:
            selector.register(child.fd, selectors.EVENT_READ, child)
    try:
        while not done() and time.monotonic() < until:
            for key, _ in selector.select(timeout=max(0.0, min(0.5, until - time.monotonic()))):
                child = key.data
                child.read()
                if child.closed:
                    selector.unregister(child.fd)
    finally:
        selector.close()


def run_reference(python: str, env: dict[str, str]) -> resource.struct_rusage:
    reference = str(_bench.HERE / "reference_show.py")
    process = subprocess.Popen(
        [python, reference, "bridge"], env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"benchmark: reference_show.py exited {process.returncode}")
    return usage


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="coaching time (default 60)")
    _bench.runs_argument(parser, default=20)
    args = parser.parse_args()
    backex = _bench.find_backex(args.backex)
    python = sys.executable

    with tempfile.TemporaryDirectory(prefix="backex-cpu-") as tmp:
        env = _bench.clean_env(Path(tmp) / "home")
        for name in ("NO_COLOR", "COLUMNS", "LINES"):
            env.pop(name)
        env["TERM"] = "xterm-256color"
        # A person who answered the red-flag and first-run questions already; today's
        # combined warning-sign question gets "n" above, --pain skips the first check-in,
        # and the one after the session is skipped with Enter below.
        subprocess.run([python, "-c", RED_FLAGS_ANSWERED], env=env, check=True)
        # Warm the catalogue cache and the bytecode, as for every other benchmark.
        subprocess.run([backex, "list"], env=env, stdout=subprocess.DEVNULL, check=True)
        subprocess.run(
            [python, "-c", "import rich.live"], env=env, stdout=subprocess.DEVNULL, check=True
        )
        subprocess.run(  # and the plan cache, as the reminders' daily command finds it
            [backex, *PLAN_ARGS[:3], "--dry-run"], env=env, stdout=subprocess.DEVNULL, check=True
        )
        children = [
            Coached("backex routine (live, on change)", [backex, *ROUTINE_ARGS], env),
            Coached("same, Rich Live at 10 Hz", [python, "-c", TEN_HZ], env),
            Coached("backex routine --plan P (live)", [backex, *PLAN_ARGS], env),
        ]
        print(f"backex coaching benchmark: {_bench.machine_line()}")
        print(f"program: {backex}; {COLUMNS}x{ROWS} pseudo-terminal, {args.seconds:.0f} s\n")
        for child in children:
            child.spawn()
        pump(
            children,
            time.monotonic() + START_TIMEOUT_S,
            lambda: all(c.screen_at is not None or c.closed for c in children),
        )
        for child in children:
            if child.screen_at is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child.pid, 9)
                sys.exit(
                    f"benchmark: {child.label!r} showed no live screen; it printed:\n"
                    f"{child.tail.decode(errors='replace')[-1000:]}"
                )
        # The reference runs while the routines coach, spread over the minute.
        references: list[resource.struct_rusage] = []
        coach_end = max(c.screen_at or 0 for c in children) + args.seconds
        gap = args.seconds / (args.runs + 1)
        while time.monotonic() < coach_end:
            pump(children, min(coach_end, time.monotonic() + gap), lambda: False)
            if len(references) < args.runs and time.monotonic() < coach_end:
                references.append(run_reference(python, env))
        for child in children:
            child.quit()
        pump(children, time.monotonic() + 10, lambda: all(FINISHED in c.tail for c in children))
        for child in children:
            if FINISHED not in child.tail:
                sys.exit(f"benchmark: {child.label!r} did not print its summary after q")
            os.write(child.fd, b"\r")  # "Pain now, 0-10 (Enter skips)"
        pump(children, time.monotonic() + 10, lambda: all(c.closed for c in children))
        for child in children:
            child.reap()

    ref_rss = statistics.median(u.ru_maxrss for u in references)
    ref_cpu = statistics.median(u.ru_utime + u.ru_stime for u in references)
    width = max(len(c.label) for c in children)
    print(
        f"{'program':<{width}}  {'wall':>6}  {'CPU':>7}  {'to screen':>9}  {'whole run':>9}  "
        f"{'coaching':>8}  {'peak RSS':>9}"
    )
    for child in children:
        print(
            f"{child.label:<{width}}  {child.wall:>5.1f}s  {child.cpu * 1000:>5.0f}ms  "
            f"{child.cpu_at_screen * 1000:>7.0f}ms  {child.cpu / child.wall:>9.2%}  "
            f"{child.coaching_share:>8.2%}  {child.peak_rss_kib / 1024:>6.1f}MiB"
        )
    print(
        f"{'reference_show.py bridge':<{width}}  {'':>6}  {ref_cpu * 1000:>5.0f}ms  {'':>9}  "
        f"{'':>9}  {'':>8}  {ref_rss / 1024:>6.1f}MiB  (median of {len(references)} runs)"
    )
    live, ten_hz, with_plan = children
    ratio = ten_hz.coaching_share / max(live.coaching_share, 1e-9)
    print(f"\n10 Hz / on-change CPU while coaching: {ratio:.1f}x")
    return _bench.print_targets(
        [
            Target(
                "CPU, % of a core, whole run (start-up too)", live.cpu / live.wall * 100, 0.5, "%"
            ),
            Target("CPU, % of a core, first screen to q", live.coaching_share * 100, 0.5, "%"),
            Target("peak RSS / reference", live.peak_rss_kib / ref_rss, 1.3),
            Target("peak RSS with a plan / reference", with_plan.peak_rss_kib / ref_rss, 1.3),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
