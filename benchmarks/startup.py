"""Start-up benchmark: how long the everyday commands take, against two floors.

Times, interleaved round-robin, with a warm catalogue cache in a throwaway BACKEX_HOME
and stdout to /dev/null:

- ``python -c pass`` (the floor for any Python program),
- ``benchmarks/reference_show.py bridge`` (the floor for argparse + Rich drawing the
  same panel as ``backex show bridge``),
- ``backex show bridge``, ``backex list``, ``backex --version``,
- bash completion of ``backex show br<TAB>`` (the program run the way the completion
  script runs it; its output must offer ``bridge``).

    python benchmarks/startup.py [--runs N]

Prints medians and the issue's targets with PASS/FAIL; exits 1 if any target fails.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import _bench
from _bench import Case, Target


def completion_check(output: str) -> str | None:
    if "bridge" not in output.split():
        return f"completion did not offer 'bridge'; it printed {output!r}"
    return None


def show_check(output: str) -> str | None:
    if "Bridge (bridge)" not in output:
        return f"expected the bridge panel, got {output[:200]!r}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    _bench.runs_argument(parser)
    args = parser.parse_args()
    backex = _bench.find_backex(args.backex)
    python = sys.executable

    with tempfile.TemporaryDirectory(prefix="backex-bench-") as home:
        env = _bench.clean_env(Path(home))
        completion_env = {
            **env,
            "_BACKEX_COMPLETE": "complete_bash",
            "COMP_WORDS": "backex show br",
            "COMP_CWORD": "2",
        }
        reference = str(_bench.HERE / "reference_show.py")
        cases = [
            Case("python -c pass", [python, "-c", "pass"], env),
            Case("reference_show.py bridge", [python, reference, "bridge"], env, show_check),
            Case("backex show bridge", [backex, "show", "bridge"], env, show_check),
            Case("backex list", [backex, "list"], env),
            Case("backex --version", [backex, "--version"], env),
            Case("complete: backex show br<TAB>", [backex], completion_env, completion_check),
        ]
        print(f"backex start-up benchmark: {_bench.machine_line()}")
        print(f"program: {backex}\n")
        _bench.time_interleaved(cases, args.runs)

    _bench.print_medians(cases, args.runs)
    floor, ref, show, listing, version, complete = (c.median for c in cases)
    return _bench.print_targets(
        [
            Target("show bridge / reference", show / ref, 1.3),
            Target("list / reference", listing / ref, 1.3),
            Target("--version / python -c pass", version / floor, 2.0),
            Target("completion / reference", complete / ref, 1.3),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
