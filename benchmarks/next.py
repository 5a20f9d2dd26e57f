"""``backex next`` benchmark: how long a status bar or script waits, against ``--version``.

Times, interleaved round-robin, in a throwaway BACKEX_HOME with a warm catalogue and
plan cache and a history holding today's session, stdout to /dev/null:

- ``backex --version`` (the floor: the entry point alone),
- ``backex next --plan examples/mckenzie-extension-early.yaml`` and ``... --json``
  (answered by the start-up fast path, without Typer or Rich),
- ``backex next --focus core`` (through Typer, for comparison).

    python benchmarks/next.py [--runs N]

Prints medians and the ratios to ``--version``; exits 1 if a target fails.
"""

import argparse
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import _bench
from _bench import Case, Target

PLAN = str(_bench.HERE.parent / "examples" / "mckenzie-extension-early.yaml")


def record_today(home: Path) -> None:
    """Today's session with the first two exercises of the plan done."""
    import os

    os.environ["BACKEX_HOME"] = str(home)
    from backex.catalogue.exercise import Dose
    from backex.history.records import ExerciseEntry
    from backex.history.store import History, SessionRecorder

    with History.open() as history:
        recorder = SessionRecorder(history, lambda: datetime.now().astimezone())
        recorder.start({"items": []}, ["mckenzie"], 2)
        for position, exercise_id in enumerate(["prone-lying", "prone-on-elbows"]):
            entry = ExerciseEntry(position, exercise_id, Dose(hold_s=60), 1, seconds_done=60)
            recorder.record_exercise(entry)
        recorder.finish(completed=True)


def third_exercise(output: str) -> str | None:
    if not output.startswith("Prone press-up"):
        return f"expected the press-up (two done today), got {output[:120]!r}"
    return None


def third_as_json(output: str) -> str | None:
    if json.loads(output).get("position") != 3:
        return f"expected position 3, got {output[:120]!r}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    _bench.runs_argument(parser)
    args = parser.parse_args()
    backex = _bench.find_backex(args.backex)

    with tempfile.TemporaryDirectory(prefix="backex-bench-") as home:
        env = _bench.clean_env(Path(home))
        record_today(Path(home))
        cases = [
            Case("backex --version", [backex, "--version"], env),
            Case("backex next --plan", [backex, "next", "--plan", PLAN], env, third_exercise),
            Case(
                "backex next --plan --json",
                [backex, "next", "--plan", PLAN, "--json"],
                env,
                third_as_json,
            ),
            Case("backex next --focus core (Typer)", [backex, "next", "--focus", "core"], env),
        ]
        print(f"backex next benchmark: {_bench.machine_line()}")
        print(f"program: {backex}\n")
        _bench.time_interleaved(cases, args.runs)

    _bench.print_medians(cases, args.runs)
    version, plain, as_json, typer_path = (c.median for c in cases)
    print(f"\nnext --focus core (Typer) / --version: {typer_path / version:.2f}x (no target)")
    return _bench.print_targets(
        [
            Target("next --plan / --version", plain / version, 6.0),
            Target("next --plan --json / --version", as_json / version, 6.0),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
