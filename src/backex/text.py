"""Text from an author (a catalogue, a plan, the history) made safe for each output.

Names, steps and notes come from files other people write. They are data: never a
terminal command, a spreadsheet formula or a crontab line. The schema gates reject
control characters in new files; these functions are the defence in depth at each
output, for records already stored or read from older files.
"""

import re

# C0 controls, DEL and the C1 controls (ESC starts terminal sequences; C1 CSI does too).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Bidirectional marks, embeddings, overrides and isolates reorder what a terminal shows
# ("Trojan Source"): a one-line name typed by a person may not hold them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAME_MAX = 120  # characters in a one-line name: a plan's name, a goal
# A spreadsheet runs a cell starting with these as a formula (the OWASP CSV-injection rule).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def control_characters(text: str, *, multiline: bool) -> list[str]:
    """The control characters ``text`` may not hold (tab and newline allowed in prose)."""
    allowed = {"\t", "\n"} if multiline else set()
    return [c for c in _CONTROL.findall(text) if c not in allowed]


def name_problem(text: str, max_length: int = NAME_MAX) -> str | None:
    """Why ``text`` cannot be a one-line name, or None: the gate for what a person types
    (a goal). Empty, too long, a line break, a control character or a bidi control."""
    if not text.strip():
        return "must not be empty"
    if len(text) > max_length:
        return f"must be at most {max_length} characters (this one has {len(text)})"
    return one_line_problem(text)


def one_line_problem(text: str) -> str | None:
    """Why ``text`` cannot be a one-line name as far as its characters go (a line break,
    a control character, a text-direction control), or None; the schema gates and
    :func:`name_problem` share it."""
    if _LINE_BREAK.search(text):
        return "must be one line"
    found = control_characters(text, multiline=False)
    if found:
        return f"must not contain control characters (found {describe_character(found[0])})"
    bidi = _BIDI.search(text)
    if bidi:
        return (
            f"must not contain text-direction controls (found {describe_character(bidi.group())})"
        )
    return None


def describe_character(char: str) -> str:
    """``U+001B`` for an error message (the character itself would act, not show)."""
    return f"U+{ord(char):04X}"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␇ for BEL
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character except newline shown as a symbol (ESC: ␛)."""
    if "\t" in text:
        text = text.replace("\t", " ")
    return _CONTROL.sub(lambda m: "\n" if m.group() == "\n" else _picture(m), text)


def one_line(text: str) -> str:
    """``text`` for a single-line place (a table cell, a comment): breaks become spaces."""
    return visible(_LINE_BREAK.sub(" ", text))


def csv_cell(value: object) -> object:
    """A CSV value a spreadsheet shows as text, never runs: a leading ' before a formula.

    A carriage return becomes a newline: a writer ending rows with "\n" does not quote a
    field for it, and readers take it for the end of the row.
    """
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value.startswith(_FORMULA_START) else value
