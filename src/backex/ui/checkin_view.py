"""Renderables for the routine's check-ins: the stop rule, pain prompts and advice."""

from rich.console import RenderableType
from rich.panel import Panel
from rich.text import Text

from backex.care import pain, safety
from backex.care.rules import DEFAULT_MAX_PAIN, Light, PainAdvice

LIGHT_STYLES = {Light.GREEN: "bold green", Light.AMBER: "bold yellow", Light.RED: "bold red"}
PAIN_RETRY = "Please give a whole number from 0 to 10, or press Enter to skip."


def stop_rule(max_pain: int = DEFAULT_MAX_PAIN) -> Text:
    """The one-line reminder at the start of every routine (with the plan's pain limit)."""
    return Text(safety.stop_rule_text(max_pain), style="yellow")


# The stop rule (before) or the summary (after) just above says which moment it is.
PAIN_PROMPT = pain.PAIN_PROMPT + ", Enter skips: "


def _scores(pain_before: int | None, pain_after: int | None) -> str:
    parts = []
    if pain_before is not None:
        parts.append(f"{pain_before} before")
    if pain_after is not None:
        parts.append(f"{pain_after} after")
    return ", ".join(parts)


def traffic_light_view(
    pain_before: int | None, pain_after: int | None, advice: PainAdvice
) -> RenderableType:
    """ "Pain 2 before, 3 after: green. Pain of 0-3 is fine. ..." (the word, not only colour)."""
    return Text.assemble(
        ("Pain ", "bold"),
        (_scores(pain_before, pain_after), "bold"),
        ": ",
        (advice.light.value, LIGHT_STYLES[advice.light]),
        ". ",
        advice.advice,
    )


def symptom_stop_view(advice: str) -> RenderableType:
    """After symptoms spread down the leg: stop, prone lying, see a clinician."""
    return Panel(
        Text(advice, style="bold"),
        title="McKenzie series stopped",
        title_align="left",
        border_style="bold red",
    )


def symptom_good_sign(advice: str) -> Text:
    return Text(advice, style="green")
