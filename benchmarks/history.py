"""History benchmark: do the history commands stay instant as the log grows for decades?

Builds histories of 100, 1,000, 10,000 and 100,000 sessions with the program's own
schema and record codec (an every-2-hours plan: six sessions a day, one day off a week,
one exercise each), then times each command and reads its peak RSS (``wait4``) in a
throwaway BACKEX_HOME, the runs of all sizes interleaved:

- ``history``, ``history --plan P``, ``report --plan P --since`` (the last fortnight) and
  ``routine --dry-run``: reads proportional to what they show;
- ``history --json`` and ``export history --format csv``: stream every row;
- ``routine --plan P --dry-run`` warm, against ``routine --dry-run``.

Every session is recorded under the example plan's name, so ``history --plan P`` and
``report --plan P`` count all of them.

    python benchmarks/history.py [--runs N] [--sizes 100,1000,10000,100000]

Prints medians, ratios to the 100-session case and PASS/FAIL per target; exits 1 if a
target fails. Numbers are ratios measured in one run: absolute times drift.
"""

import argparse
import csv
import io
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import _bench
from _bench import Target

EXAMPLE_PLAN = _bench.HERE.parent / "examples" / "core-stability-week1.yaml"
PLAN_NAME = "Core stability, week 1"  # EXAMPLE_PLAN's name


def build_history(home: Path, sessions: int) -> None:
    """``sessions`` sessions ending now, written the way the store writes them.

    Run in a child process (``--build``): a child's peak RSS as ``wait4`` reports it
    includes its parent's at the fork, so the timing parent must stay small.
    """
    from backex.catalogue.exercise import Dose
    from backex.history.records import ENTRY_COLUMNS, ExerciseEntry, entry_to_row
    from backex.history.schema import DAY_OF, UTC_OF
    from backex.history.store import History

    path = home / "data" / "history.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    History.open(path).close()  # the program's schema and migrations
    now = datetime.now().astimezone().replace(microsecond=0)
    starts: list[str] = []
    day = 0
    while len(starts) < sessions:
        day += 1
        if day % 7 == 3:
            continue  # a day off each week
        for hour in (20, 18, 16, 14, 12, 10):
            starts.append((now - timedelta(days=day, hours=now.hour - hour)).isoformat())
    starts = starts[:sessions][::-1]
    plan = json.dumps({"total_s": 60, "items": [{"exercise": "bridge"}]})
    entry = ExerciseEntry(0, "bridge", Dose(reps=5, hold_s=5), sets_done=1, reps_done=5)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO session (id, started_at, started_utc, local_day, ended_at, focus, plan,"
            f" plan_name, completed, pain_before, pain_after) VALUES (?, ?, {UTC_OF.format('?')},"
            f" {DAY_OF.format('?')}, ?, '[\"core\"]', ?, ?, 1, 3, 2)",
            [(n, at, at, at, at, plan, PLAN_NAME) for n, at in enumerate(starts, start=1)],
        )
        columns, marks = ", ".join(ENTRY_COLUMNS), ", ".join("?" * len(ENTRY_COLUMNS))
        db.executemany(
            f"INSERT INTO exercise_result (session_id, {columns}) VALUES (?, {marks})",
            [(n, *entry_to_row(entry)) for n in range(1, sessions + 1)],
        )


@dataclass
class Run:
    """One command on one history size: wall times and peak RSS of each run."""

    label: str
    size: int
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    def once(self) -> None:
        start = time.perf_counter()
        process = subprocess.Popen(
            self.argv, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
        self.times.append(time.perf_counter() - start)
        self.rss_kib.append(usage.ru_maxrss)
        assert process.stderr is not None
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"benchmark: {self.label} ({self.size}) failed: {process.stderr.read()!r}")
        process.stderr.close()

    @property
    def time(self) -> float:
        return statistics.median(self.times)

    @property
    def rss(self) -> float:
        return statistics.median(self.rss_kib)


def csv_module_seconds(sessions: int) -> float:
    """Writing as many rows, of as many columns, with the csv module alone (a floor)."""
    row = ["x" * 12] * 22
    start = time.perf_counter()
    writer = csv.writer(io.StringIO())
    for _ in range(sessions):
        writer.writerow(row)
    return time.perf_counter() - start


def main() -> int:
    if sys.argv[1:2] == ["--build"]:
        build_history(Path(sys.argv[2]), int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (default 5)")
    parser.add_argument("--sizes", default="100,1000,10000,100000", help="history sizes")
    parser.add_argument(
        "--backex", type=Path, default=None, help="the backex program (default: next to python)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    backex = _bench.find_backex(args.backex)
    fortnight = (date.today() - timedelta(days=13)).isoformat()
    commands = {
        "history": ["history"],
        "history --plan P": ["history", "--plan", str(EXAMPLE_PLAN)],
        "report --plan P": ["report", "--plan", str(EXAMPLE_PLAN), "--since", fortnight],
        "history --json": ["history", "--json"],
        "export history --format csv": ["export", "history", "--format", "csv"],
        "routine --dry-run": ["routine", "--dry-run"],
        "routine --plan P --dry-run": ["routine", "--plan", str(EXAMPLE_PLAN), "--dry-run"],
    }
    with tempfile.TemporaryDirectory() as scratch:
        runs: list[Run] = []
        for size in sizes:
            home = Path(scratch) / f"h{size}"
            started = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--build", str(home), str(size)], check=True)
            print(f"built {size:>7,} sessions in {time.perf_counter() - started:5.1f} s")
            env = _bench.clean_env(home)
            runs += [Run(label, size, [backex, *argv], env) for label, argv in commands.items()]
        for run in runs:
            run.once()  # warm the caches (catalogue, plan, bytecode); untimed
            run.times.clear()
            run.rss_kib.clear()
        for round_index in range(args.runs):
            shift = round_index % len(runs)
            for run in [*runs[shift:], *runs[:shift]]:
                run.once()
    print(f"\n{_bench.machine_line()}; program: {backex}\n")
    by = {(r.label, r.size): r for r in runs}
    base = sizes[0]
    head = f"{'command':<28} {'sessions':>9} {'median':>11} {'x base':>7}"
    print(f"{head} {'peak RSS':>10} {'x base':>7}")
    for run in runs:
        first = by[(run.label, base)]
        print(
            f"{run.label:<28} {run.size:>9,} {_bench.ms(run.time):>11} "
            f"{run.time / first.time:>6.2f}x {run.rss / 1024:>8.1f}Mi {run.rss / first.rss:>6.2f}x"
        )
    top = sizes[-1]
    targets: list[Target] = []
    for label in ("history", "history --plan P", "report --plan P", "routine --dry-run"):
        targets.append(
            Target(
                f"{label}: time at {top:,} / {base:,}",
                by[(label, top)].time / by[(label, base)].time,
                1.3,
            )
        )
        targets.append(
            Target(
                f"{label}: peak RSS at {top:,} / {base:,}",
                by[(label, top)].rss / by[(label, base)].rss,
                1.2,
            )
        )
    floor = csv_module_seconds(top)
    for label in ("history --json", "export history --format csv"):
        rss = by[(label, top)].rss / by[(label, base)].rss
        targets.append(Target(f"{label}: peak RSS at {top:,} / {base:,}", rss, 1.2))
        # The time target: at most 15 s here, or at most 3x the csv module alone.
        targets.append(Target(f"{label}: time at {top:,}", by[(label, top)].time, 15.0, unit="s"))
        extra = by[(label, top)].time - by[(label, base)].time
        print(f"{label}: {top:,} rows take {extra / floor:.1f}x the csv module writing them")
    targets.append(
        Target(
            "routine --plan --dry-run / routine --dry-run",
            by[("routine --plan P --dry-run", base)].time / by[("routine --dry-run", base)].time,
            1.15,
        )
    )
    return _bench.print_targets(targets)


if __name__ == "__main__":
    sys.exit(main())
