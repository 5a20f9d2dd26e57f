"""Small valid catalogue files for tests that need one on disk."""

from pathlib import Path

# One valid exercise; tests derive bad files from it with str.replace, so line and
# column numbers in expected messages are easy to read off this text.
WALL_SIT = """\
exercises:
  - id: wall-sit
    name: Wall sit
    aliases: [wall squat]
    summary: Leaning on a wall with bent knees trains the legs and trunk.
    focus: [core]
    position: standing
    level: 2
    dose: {reps: 5, hold_s: 10}
    steps: [Lean your back on a wall., Slide down a little and hold.]
    cues: [Breathe out as you slide down.]
    stop_if: [Pain rises above 5 out of 10.]
    easier: [bridge]
    sources: [Made up for tests]
"""


def write(folder: Path, text: str, name: str = "mine.yaml") -> Path:
    """Write ``text`` to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def exercise_yaml(exercise_id: str, name: str, **fields: str) -> str:
    """One exercise list item (indented for ``exercises:``) with optional field overrides."""
    values = {
        "aliases": "[]",
        "summary": "A test exercise.",
        "focus": "[core]",
        "position": "supine",
        "level": "1",
        "dose": "{reps: 5}",
        "steps": "[Do it.]",
        "cues": "[Breathe.]",
        "stop_if": "[Pain rises above 5 out of 10.]",
        "sources": "[Made up for tests]",
    }
    values.update(fields)
    lines = [f"  - id: {exercise_id}", f"    name: {name}"]
    lines += [f"    {key}: {value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"
