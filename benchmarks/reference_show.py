"""The floor for a Python program drawing with Rich: ``backex show bridge`` without backex.

A minimal argparse + Rich script that prints the same bridge panel from a hard-coded
dict, with the same Rich components as ``backex.ui.catalogue_view.exercise_card``
(Panel, Text, Group). It imports nothing from backex, so its start-up time is what any
Python program pays to parse its arguments and draw this panel.

    python benchmarks/reference_show.py bridge
"""

import argparse
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

BRIDGE = {
    "id": "bridge",
    "name": "Bridge",
    "summary": (
        "Lifting the hips off the floor strengthens the buttock and back muscles that "
        "support the spine."
    ),
    "dose": "5 x 5 s hold",
    "position": "supine",
    "level": 1,
    "focus": ["core"],
    "equipment": ["mat"],
    "steps": [
        "Lie on your back with knees bent and feet flat, hip-width apart.",
        "Rest your arms by your sides.",
        "Tighten your stomach and buttock muscles.",
        "Lift your hips until your shoulders, hips and knees make a line, and hold.",
        "Lower your hips slowly back to the floor.",
    ],
    "cues": [
        "Breathe out as you lift, keep breathing while you hold.",
        "Push through your heels.",
        "Keep your hips level.",
    ],
    "cautions": ["Do not lift so high that your low back arches."],
    "stop_if": [
        "Pain rises above 5 out of 10.",
        "Pain spreads down a leg, or you get new numbness, tingling or leg weakness.",
        "A new pain starts that you did not have before.",
    ],
    "easier": "Pelvic tilt (pelvic-tilt)",
    "moves_up": (
        "holds to 15 s, 2 s at a time; then reps to 10 (Mount Nittany Health: hold 5-15 s, "
        "5-10 reps)"
    ),
    "sources": [
        'JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)',
        'Mount Nittany Health, "Back Exercises: Bridge"',
    ],
}


def bullets(items: list[str], marker: str = "•") -> Text:
    return Text("\n").join(Text(f"{marker} {item}") for item in items)


def card(e: dict[str, Any]) -> RenderableType:
    steps = Text("\n").join(Text(f"{i}. {step}") for i, step in enumerate(e["steps"], 1))
    body: list[RenderableType] = [
        Text(e["summary"], style="italic"),
        Text(""),
        Text.assemble(("Dose: ", "bold"), e["dose"]),
        Text.assemble(
            ("Position: ", "bold"),
            e["position"],
            ("   Level: ", "bold"),
            str(e["level"]),
            ("   Focus: ", "bold"),
            ", ".join(e["focus"]),
        ),
        Text.assemble(("You need: ", "bold"), ", ".join(e["equipment"])),
        Text(""),
        Text("Steps", style="bold underline"),
        steps,
        Text(""),
        Text("Cues", style="bold underline"),
        bullets(e["cues"]),
        Panel(bullets(e["cautions"]), title="Cautions", title_align="left", border_style="yellow"),
        Panel(
            bullets(e["stop_if"], "!"), title="Stop if", title_align="left", border_style="bold red"
        ),
        Text.assemble(("Easier: ", "bold"), e["easier"]),
        Text.assemble(("Moves up: ", "bold"), e["moves_up"]),
        Text(""),
        Text("Sources", style="bold underline"),
        bullets(e["sources"], "-"),
    ]
    return Panel(
        Group(*body),
        title=Text(f"{e['name']} ({e['id']})", style="bold"),
        title_align="left",
        border_style="cyan",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Show one exercise (reference script).")
    parser.add_argument("exercise")
    args = parser.parse_args()
    if args.exercise != BRIDGE["id"]:
        parser.error(f"no exercise called {args.exercise!r}")
    Console(highlight=False).print(card(BRIDGE))


if __name__ == "__main__":
    main()
