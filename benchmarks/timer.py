"""Timer benchmark: how late each phase starts, and how far the session drifts, in real time.

Builds a plan in this process whose phases add up to exactly ``--seconds`` (default 60:
counted reps with a rest between two sets, then a hold on each side), and coaches it with
the real loop, ``backex.coaching.live.run_routine`` in plain mode, its lines going to a temporary
file. The only thing added is a recording subclass of ``backex.session.engine.Session`` put in
``backex.coaching.live``'s place: it notes the real monotonic time at which the loop's tick
entered each phase. At the same time, in a second process, the same plan runs under a
naive loop that sleeps a fixed second per tick after 5 ms of simulated drawing (sleep)
and counts the session clock in ticks: the way of keeping time the issue warns about.

For each loop it prints the lateness of every phase start (real time seen minus ideal
start time; max, median, p95) and the final drift (real elapsed at DONE minus the
planned total), then the ratio of the two drifts and PASS/FAIL for the targets: final
drift at most 5 ms, every phase start at most 20 ms late.

    python benchmarks/timer.py [--seconds N]

Exits 1 if a target fails.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import _bench
from _bench import Target

from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.coaching import live as coach
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.timing import TRANSITION_S, estimate_item_seconds
from backex.session.engine import Session
from backex.session.phases import build_segments
from backex.session.types import Event, PhaseStart, SessionOptions, SessionState

NAIVE_INTERVAL_S = 1.0  # the countdown shows whole seconds
NAIVE_DRAW_S = 0.005  # the "5 ms of drawing" per tick
REPS_ITEM = Dose(sets=2, reps=2, hold_s=1, rest_s=3)  # 5 s ready + 2 x 10 s + 3 s rest = 28 s


def timed_plan(seconds: int) -> Plan:
    """Counted reps, then holds, whose phases add up to exactly ``seconds``."""
    catalogue = load_catalogue()
    first, second = catalogue.get("bridge"), catalogue.get("single-knee-to-chest")
    doses = [REPS_ITEM]
    rest = seconds - estimate_item_seconds(REPS_ITEM)
    lead_in = estimate_item_seconds(Dose(hold_s=0), transition_s=TRANSITION_S)
    if rest >= lead_in + 7 and (rest - lead_in - 5) % 2 == 0:
        doses.append(Dose(hold_s=(rest - lead_in - 5) // 2, per_side=True))
    elif rest >= lead_in + 1:
        doses.append(Dose(hold_s=rest - lead_in))
    else:
        doses = [Dose(hold_s=seconds - estimate_item_seconds(Dose(hold_s=0)))]
    estimates = [
        estimate_item_seconds(dose, transition_s=TRANSITION_S if i else 0)
        for i, dose in enumerate(doses)
    ]
    items = tuple(
        PlannedItem(replace(exercise, dose=dose), dose, Block.MAIN, est)
        for exercise, dose, est in zip((first, second), doses, estimates, strict=False)
    )
    plan = Plan(items=items, name="timer benchmark")
    options = SessionOptions()
    phases = sum(
        s.duration for i, item in enumerate(items) for s in build_segments(item, i == 0, options)
    )
    if plan.total_s != seconds or phases != seconds:
        sys.exit(f"benchmark: the plan lasts {phases} s, not {seconds} s")
    return plan


@dataclass
class Record:
    """What one loop did: when it started, when it saw each phase start, when it ended."""

    start: float = 0.0
    phases: list[tuple[PhaseStart, float]] = field(default_factory=list)
    done_at: float | None = None

    def note(self, session: Session) -> None:
        seen = time.monotonic()
        log = session.phase_log
        self.phases += [(phase, seen) for phase in log[len(self.phases) :]]
        if session.done and self.done_at is None:
            self.done_at = seen

    @property
    def lateness(self) -> list[float]:
        return [seen - phase.at for phase, seen in self.phases]

    def drift(self, planned_s: float) -> float:
        assert self.done_at is not None
        return (self.done_at - self.start) - planned_s

    def to_json(self) -> str:
        rows = [[p.at - self.start, seen - p.at] for p, seen in self.phases]
        return json.dumps({"done": (self.done_at or 0) - self.start, "phases": rows})


RECORD = Record()


class RecordingSession(Session):
    """The real engine; notes the real time whenever the loop hands it time."""

    def start(self, now: float, first_item: int = 0) -> SessionState:
        RECORD.start = now
        state = super().start(now, first_item)
        RECORD.note(self)
        return state

    def handle(self, event: Event) -> SessionState:
        state = super().handle(event)
        RECORD.note(self)
        return state


def no_screen() -> coach.Screen:
    raise AssertionError("plain mode never opens the live screen")


def run_coach(plan: Plan) -> None:
    """The real coach loop, plain mode, Session swapped for the recording one."""
    coach.Session = RecordingSession  # type: ignore[attr-defined]
    with tempfile.TemporaryFile("w+") as out:
        outcome = coach.run_routine(
            plan,
            coach.CoachOptions(plain=True, quiet=True),
            screen_factory=no_screen,
            warn=lambda message: print(f"warning: {message}", file=sys.stderr),
            stdout=out,
        )
        out.seek(0)
        lines = out.read().splitlines()
    if outcome.summary.stop_reason is not None or not lines[-1].endswith("Done, well done."):
        sys.exit(f"benchmark: the coached session did not finish: {lines[-3:]}")


def run_naive(plan: Plan) -> None:
    """Sleep a fixed interval per tick after drawing; the session clock counts ticks."""
    session = Session(plan)
    believed = RECORD.start = time.monotonic()
    state = session.start(believed)
    RECORD.note(session)
    while not state.done:
        time.sleep(NAIVE_DRAW_S)  # drawing the screen
        time.sleep(NAIVE_INTERVAL_S)
        believed += NAIVE_INTERVAL_S
        state = session.tick(believed)
        RECORD.note(session)


def summary_line(label: str, lateness: list[float], drift: float) -> str:
    p95 = statistics.quantiles(lateness, n=20, method="inclusive")[18]
    return (
        f"{label:<30} {len(lateness):>3} phases  late: max {lateness_ms(max(lateness))}, "
        f"median {lateness_ms(statistics.median(lateness))}, p95 {lateness_ms(p95)}; "
        f"final drift {drift * 1000:+.1f} ms"
    )


def lateness_ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="session length (default 60)")
    parser.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seconds < 6:
        parser.error("--seconds must be at least 6")

    with tempfile.TemporaryDirectory(prefix="backex-timer-") as home:
        os.environ["BACKEX_HOME"] = home
        os.environ.pop("BACKEX_CATALOGUE", None)
        plan = timed_plan(args.seconds)
        if args.naive:
            print("ready", flush=True)
            sys.stdin.readline()
            run_naive(plan)
            print(RECORD.to_json())
            return 0
        naive = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "--naive", f"--seconds={args.seconds}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert naive.stdin is not None and naive.stdout is not None
        if naive.stdout.readline().strip() != "ready":
            sys.exit("benchmark: the naive loop did not start")
        print(f"backex timer benchmark: {_bench.machine_line()}")
        print(f"a {args.seconds} s plan, {len(plan.items)} exercises; both loops run at once\n")
        naive.stdin.write("go\n")
        naive.stdin.flush()
        run_coach(plan)
        naive_out, _ = naive.communicate()
    naive_result = json.loads(naive_out)

    print(f"{'phase':<34} {'ideal start':>11}  {'coach late':>10}  {'naive late':>10}")
    for (phase, seen), (_, naive_late) in zip(RECORD.phases, naive_result["phases"], strict=True):
        what = "/".join(str(x) for x in (phase.kind, phase.side, phase.step) if x is not None)
        where = f"{phase.item + 1}: {what}" + (f" rep {phase.rep_no}" if phase.rep_no else "")
        print(
            f"{where:<34} {phase.at - RECORD.start:>9.1f} s  "
            f"{lateness_ms(seen - phase.at):>10}  {lateness_ms(naive_late):>10}"
        )
    planned = float(plan.total_s)
    coach_drift = RECORD.drift(planned)
    naive_drift = naive_result["done"] - planned
    naive_lateness = [late for _, late in naive_result["phases"]]
    print()
    print(summary_line("coach.run_routine (plain)", RECORD.lateness, coach_drift))
    print(summary_line("naive: sleep 1 s + 5 ms draw", naive_lateness, naive_drift))
    ratio = naive_drift / coach_drift if coach_drift > 0 else float("inf")
    print(f"naive drift / coach drift: {ratio:.0f}x")
    return _bench.print_targets(
        [
            Target("final drift", abs(coach_drift), 0.005, unit="s"),
            Target("latest phase start", max(RECORD.lateness), 0.020, unit="s"),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
