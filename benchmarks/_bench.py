"""What the benchmark scripts share: finding the program, timing runs, printing results."""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MIN_RUNS = 20
HERE = Path(__file__).resolve().parent


def runs_argument(parser: argparse.ArgumentParser, default: int = 30) -> None:
    """Add ``--runs N`` (at least MIN_RUNS: the targets are medians of 20 runs or more)."""

    def at_least_min(text: str) -> int:
        value = int(text)
        if value < MIN_RUNS:
            raise argparse.ArgumentTypeError(f"must be at least {MIN_RUNS}")
        return value

    parser.add_argument(
        "--runs", type=at_least_min, default=default, help=f"runs per case (default {default})"
    )
    parser.add_argument(
        "--backex", type=Path, default=None, help="the backex program (default: next to python)"
    )


def find_backex(given: Path | None) -> str:
    """The ``backex`` console script of the Python running this benchmark, or on PATH."""
    if given is not None:
        return str(given)
    beside = Path(sys.executable).parent / "backex"
    if beside.is_file():
        return str(beside)
    found = shutil.which("backex")
    if found is None:
        sys.exit("benchmark: no backex program found; install it or pass --backex PATH")
    return found


def clean_env(home: Path) -> dict[str, str]:
    """The environment every timed run gets: a throwaway home, fixed width, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BACKEX_", "_BACKEX_"))}
    env.pop("COMP_WORDS", None)
    env.pop("COMP_CWORD", None)
    # Measure what users run: Python's default bytecode cache. With this set (some CI
    # and sandboxes do), an editable install recompiles backex on every start, which
    # no installed wheel does (pip compiles it at install time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(BACKEX_HOME=str(home), COLUMNS="80", LINES="25", NO_COLOR="1")
    return env


@dataclass
class Case:
    """One command to time; ``check`` sees its stdout once before timing starts."""

    label: str
    argv: list[str]
    env: dict[str, str]
    check: Callable[[str], str | None] = lambda _out: None
    prepare: Callable[[], None] = lambda: None  # runs before each timed run, untimed
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run_once(case: Case, capture: bool = False) -> str:
    """Run ``case`` once (stdout to /dev/null unless ``capture``); fail loudly on error."""
    result = subprocess.run(
        case.argv,
        env=case.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"benchmark: {case.label!r} exited {result.returncode}:\n{result.stderr.strip()}")
    return result.stdout or ""


def time_interleaved(cases: Sequence[Case], runs: int, warmup: int = 2) -> None:
    """Round-robin over ``cases`` ``runs`` times, recording wall time per run.

    Interleaving spreads any slow moment of the machine over every case alike; the
    starting case rotates each round so no case always runs first.
    """
    for case in cases:
        for _ in range(warmup):
            case.prepare()
            run_once(case)
        case.prepare()
        problem = case.check(run_once(case, capture=True))
        if problem:
            sys.exit(f"benchmark: {case.label!r}: {problem}")
    for round_index in range(runs):
        shift = round_index % len(cases)
        for case in [*cases[shift:], *cases[:shift]]:
            case.prepare()
            start = time.perf_counter()
            run_once(case)
            case.times.append(time.perf_counter() - start)


def machine_line() -> str:
    """One line naming what the numbers were measured on."""
    return (
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; "
        "bytecode cache on"
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def print_medians(cases: Sequence[Case], runs: int) -> None:
    """A table of median, fastest and slowest wall time per case."""
    width = max(len(c.label) for c in cases)
    print(f"{'command':<{width}}  {'median':>11}  {'min':>11}  {'max':>11}   ({runs} runs each)")
    for case in cases:
        print(
            f"{case.label:<{width}}  {ms(case.median):>11}  {ms(min(case.times)):>11}  "
            f"{ms(max(case.times)):>11}"
        )


@dataclass(frozen=True)
class Target:
    """``measured`` (a ratio, a time or a percentage) against ``limit``; lower is better."""

    name: str
    measured: float
    limit: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.measured <= self.limit

    def line(self) -> str:
        if self.unit == "x":
            got, want = f"{self.measured:.2f}x", f"<= {self.limit:.2f}x"
        elif self.unit == "%":
            got, want = f"{self.measured:.2f}%", f"<= {self.limit:.2f}%"
        else:
            got, want = f"{self.measured * 1000:.1f} ms", f"<= {self.limit * 1000:.0f} ms"
        return f"{'PASS' if self.met else 'FAIL'}  {self.name:<48} {got:>10}  (target {want})"


def print_targets(targets: Sequence[Target]) -> int:
    """Print PASS/FAIL per target; the exit status: 0 when all are met."""
    print()
    for target in targets:
        print(target.line())
    return 0 if all(t.met for t in targets) else 1
