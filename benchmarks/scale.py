"""Scale benchmark: a generated 3,000-exercise user catalogue.

Generates a valid, varied catalogue in a temp folder (every focus, position, level, dose
shape; variants pointing within the file and at built-in exercises), then measures,
interleaved round-robin:

- the first ``backex list --catalogue F`` (cold cache: the cache folder is removed
  before every run, so each run reads, validates and caches the 3,000 exercises),
- the cached ``backex list --catalogue F``,
- the cached ``backex list`` of the built-in catalogue,

and, in this process, ``backex.planning.planner.make_plan`` on the merged catalogue (stopped
after ``--plan-limit`` seconds, default 30, and then reported as at least that long).

    python benchmarks/scale.py [--runs N] [--size N] [--plan-limit S]

The exercises are synthetic benchmark data, not advice.
"""

import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _bench
from _bench import Case, Target

FOCUS = ["core", "stretch", "mckenzie", "mobility"]
POSITIONS = ["supine", "side-lying", "prone", "quadruped", "kneeling", "sitting", "standing"]
EQUIPMENT = ["mat", "towel", "pillow", "chair", "wall", "table"]
BUILTIN_VARIANTS = ["bridge", "pelvic-tilt", "double-knee-to-chest"]
SENTENCE = (
    "Move slowly and smoothly through a range that feels comfortable today, "
    "keeping your breathing easy"
)


def generated_exercise(i: int, size: int) -> dict[str, Any]:
    """Exercise number ``i`` of ``size``: valid against the schema, and not all alike."""
    dose: dict[str, Any] = {"sets": 1 + i % 3, "rest_s": (i % 4) * 15}
    shape = i % 4
    if shape in (0, 1):
        dose["reps"] = 5 + i % 10
    if shape in (1, 2, 3):
        dose["hold_s"] = 5 + (i * 7) % 40
    dose["per_side"] = i % 5 == 0
    if i % 6 == 0:
        dose["tempo"] = {"lift_s": 1 + i % 3, "lower_s": 2 + i % 3}
    focus = [FOCUS[i % 4]] + ([FOCUS[(i + 1) % 4]] if i % 7 == 0 else [])
    entry: dict[str, Any] = {
        "id": f"gen-{i:04d}",
        "name": f"Generated exercise {i}",
        "aliases": [f"synthetic move {i}"] if i % 3 == 0 else [],
        "summary": f"Synthetic exercise {i} for the scale benchmark. {SENTENCE}.",
        "focus": focus,
        "position": POSITIONS[i % len(POSITIONS)],
        "level": 1 + i % 3,
        "equipment": [EQUIPMENT[i % len(EQUIPMENT)]] if i % 2 else [],
        "dose": dose,
        "steps": [f"Step {n} of exercise {i}: {SENTENCE} ({n})." for n in range(1, 4 + i % 4)],
        "cues": [f"Cue {n}: {SENTENCE}." for n in range(1, 2 + i % 3)],
        "cautions": [f"Caution for exercise {i}: {SENTENCE}."] if i % 4 == 0 else [],
        "stop_if": ["Pain rises above 5 out of 10.", "Your symptoms get worse."],
        "easier": [f"gen-{i - 1:04d}"] if i > 0 else [BUILTIN_VARIANTS[0]],
        "harder": [f"gen-{i + 1:04d}"] if i + 1 < size else [],
        "sources": [f"Synthetic source {i % 11}"],
    }
    if i % 50 == 0:
        entry["easier"].append(BUILTIN_VARIANTS[i % len(BUILTIN_VARIANTS)])
    return entry


def write_catalogue(path: Path, size: int) -> None:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    document = {"exercises": [generated_exercise(i, size) for i in range(size)]}
    path.write_text(yaml.dump(document, Dumper=dumper, sort_keys=False, width=100))


class PlanningTooSlow(Exception):
    pass


def time_planning(
    catalogue_file: Path, runs: int, limit_s: float
) -> tuple[str, list[float] | None]:
    """Plan ``runs`` sessions in this process; (note, times) or (reason, None).

    A plan that takes longer than ``limit_s`` is stopped (SIGALRM) and reported as
    taking at least that long, so the benchmark always finishes.
    """
    try:
        from backex.planning.planner import make_plan  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as exc:
        return f"planner not available ({exc})", None
    from backex.catalogue.exercise import Focus
    from backex.catalogue.loader import load_catalogue

    catalogue = load_catalogue(catalogue_file)
    # every focus but McKenzie: the extension series is a session of its own
    focus = tuple(f for f in Focus if f is not Focus.MCKENZIE)

    def stop(signum: int, frame: object) -> None:
        raise PlanningTooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, limit_s)
        start = time.perf_counter()
        make_plan(catalogue, focus, 3, 20, 0)
        first = time.perf_counter() - start
        times = []
        for seed in range(1, runs + 1):
            start = time.perf_counter()
            make_plan(catalogue, focus, 3, 20, seed)
            times.append(time.perf_counter() - start)
    except PlanningTooSlow:
        return f"stopped: the first plan took longer than {limit_s:.0f} s", [limit_s]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return f"first call {first * 1000:.1f} ms (all focus areas, level <= 3, 20 min)", times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    _bench.runs_argument(parser, default=20)
    parser.add_argument("--size", type=int, default=3000, help="exercises to generate")
    parser.add_argument(
        "--plan-limit",
        type=float,
        default=30.0,
        help="stop planning after this many seconds (default 30)",
    )
    args = parser.parse_args()
    backex = _bench.find_backex(args.backex)

    with tempfile.TemporaryDirectory(prefix="backex-scale-") as tmp:
        root = Path(tmp)
        catalogue_file = root / "exercises.yaml"
        write_catalogue(catalogue_file, args.size)
        cold_home, warm_home = root / "cold-home", root / "warm-home"
        cold_env, warm_env = _bench.clean_env(cold_home), _bench.clean_env(warm_home)
        user_list = [backex, "list", "--catalogue", str(catalogue_file)]

        def count_check(output: str) -> str | None:
            last = f"gen-{args.size - 1:04d}"
            if "exercises. Details" not in output or last not in output:
                return f"the list did not show the generated exercises: {output[-200:]!r}"
            return None

        cases = [
            Case(
                f"first list, {args.size} (cold cache)",
                user_list,
                cold_env,
                count_check,
                prepare=lambda: shutil.rmtree(cold_home / "cache", ignore_errors=True),
            ),
            Case(f"cached list, {args.size}", user_list, warm_env, count_check),
            Case("cached list, built-in", [backex, "list"], warm_env),
        ]
        size_kib = catalogue_file.stat().st_size // 1024
        print(f"backex scale benchmark: {_bench.machine_line()}")
        print(f"program: {backex}")
        print(f"catalogue: {args.size} generated exercises, {size_kib} KiB of YAML\n")
        _bench.time_interleaved(cases, args.runs, warmup=1)

        os.environ.update(BACKEX_HOME=str(warm_home))
        os.environ.pop("BACKEX_CATALOGUE", None)
        plan_note, plan_times = time_planning(catalogue_file, max(args.runs, 50), args.plan_limit)

    _bench.print_medians(cases, args.runs)
    cold, cached, builtin = cases
    targets = [
        Target(f"first list, {args.size} exercises", cold.median, 1.5, unit="s"),
        Target(f"cached list, {args.size} / built-in", cached.median / builtin.median, 1.3),
    ]
    if plan_times is None:
        print(f"\nplanning: {plan_note}")
    else:
        print(
            f"\nplanning, in process: median {statistics.median(plan_times) * 1000:.1f} ms, "
            f"max {max(plan_times) * 1000:.1f} ms over {len(plan_times)} seeds; {plan_note}"
        )
        targets.append(
            Target(f"planning, {args.size} exercises", statistics.median(plan_times), 0.05, "s")
        )
    return _bench.print_targets(targets)


if __name__ == "__main__":
    sys.exit(main())
