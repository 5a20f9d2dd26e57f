"""The benchmark scripts still run against the current code (no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def run_benchmark(script: str, *args: str, timeout: int) -> "subprocess.CompletedProcess[str]":
    """Run a benchmark script; exit 0 or 1 is PASS or FAIL on this machine, which the suite
    must not judge, so anything else (a crash) fails here."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return result


@pytest.mark.slow
def test_timer_benchmark_runs_and_reports_its_targets() -> None:
    result = run_benchmark("timer.py", "--seconds", "6", timeout=60)
    assert "final drift" in result.stdout
    assert "latest phase start" in result.stdout


@pytest.mark.slow
def test_history_benchmark_builds_histories_and_reports_its_targets() -> None:
    result = run_benchmark("history.py", "--runs", "1", "--sizes", "100,300", timeout=120)
    assert "built     300 sessions" in result.stdout
    assert "history: peak RSS at 300 / 100" in result.stdout
    assert "routine --plan --dry-run / routine --dry-run" in result.stdout


@pytest.mark.slow
def test_next_benchmark_runs_and_reports_its_targets() -> None:
    result = run_benchmark("next.py", "--runs", "20", timeout=300)
    assert "next --plan / --version" in result.stdout


@pytest.mark.slow
def test_scale_benchmark_plans_and_reports_its_targets() -> None:
    result = run_benchmark("scale.py", "--runs", "20", "--size", "200", timeout=300)
    assert "Traceback" not in result.stderr
    assert "catalogue: 200 generated exercises" in result.stdout
