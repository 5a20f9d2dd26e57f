"""Exercise figures: the schema gate for frames, and the built-in drawings' coverage."""

import pytest

from backex.catalogue.figures import SHAPES, STROKES, FrameLabel, to_ascii
from backex.catalogue.loader import load_catalogue
from backex.catalogue.schema import CatalogueModel, ExerciseModel, validate_document
from backex.catalogue.yamlfile import YamlDocument
from backex.errors import CatalogueError

START = {"label": "start", "art": [" ○───", "▔▔▔▔▔"], "alt": "Lie on your back."}
END = {"label": "end", "art": [" ○━━━", "▔▔▔▔▔"], "alt": "Lift."}
NOT_THIS = {"label": "not-this", "art": [" ○╱", "▔▔▔"], "alt": "Not this: arched."}


def exercise(figures: object) -> dict[str, object]:
    return {
        "id": "lift",
        "name": "Lift",
        "summary": "Lift.",
        "focus": ["core"],
        "position": "supine",
        "level": 1,
        "dose": {"reps": 5},
        "steps": ["Lift."],
        "cues": ["Breathe."],
        "stop_if": ["Pain."],
        "sources": ["Mine"],
        "figures": figures,
    }


def problems(figures: object) -> list[str]:
    document = YamlDocument(label="mine.yaml", data={"exercises": [exercise(figures)]})
    with pytest.raises(CatalogueError) as caught:
        validate_document(document, CatalogueModel)
    return [p.split(": ", 1)[1] for p in caught.value.problems]


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([END, START], "exercises[0].figures: the first frame must be the start"),
        ([START, START], "exercises[0].figures: give an end frame after the start"),
        ([START, END, START], "exercises[0].figures: only one start frame"),
        ([START, NOT_THIS, END], "exercises[0].figures: not-this frames come last"),
        (
            [START, {**END, "art": ["─"] * 6}],
            "exercises[0].figures[1].art: must have at most 5 items",
        ),
        (
            [START, {**END, "art": ["─" * 37]}],
            "exercises[0].figures[1].art[0]: must be at most 36 characters wide (is 37)",
        ),
        (
            [START, {**END, "art": [" o-"]}],
            "exercises[0].figures[1].art[0]: 'o' (U+006F) is not in the drawing vocabulary "
            "(see backex/catalogue/figures.py)",
        ),
        ([START, {**END, "art": ["   "]}], "exercises[0].figures[1]: art must draw something"),
        ([START, {**END, "art": []}], "exercises[0].figures[1].art: must not be empty"),
        (
            [START, {**END, "alt": "x" * 161}],
            "exercises[0].figures[1].alt: must be at most 160 characters",
        ),
        ([START, {**END, "alt": "two\nlines"}], "exercises[0].figures[1].alt: must be one line"),
        (
            [START, {**END, "label": "middle"}],
            "exercises[0].figures[1].label: must be one of: start, end, other side or not-this",
        ),
        ([START, {**END, "colour": "red"}], "exercises[0].figures[1].colour: unknown field"),
        ([START, {**END, "art": "─"}], "exercises[0].figures[1].art: must be a list"),
    ],
)
def test_bad_figures_are_refused_with_a_located_message(figures: object, expected: str) -> None:
    assert problems(figures) == [expected]


@pytest.mark.parametrize(
    "figures",
    [[START], [START, END], [START, END, NOT_THIS], [START, END, {**END, "label": "other side"}]],
)
def test_good_figures_pass(figures: object) -> None:
    record = ExerciseModel.model_validate(exercise(figures)).to_record()
    assert [f.label for f in record.figures] == [FrameLabel(f["label"]) for f in figures]  # type: ignore[index]


def test_an_exercise_without_figures_still_loads() -> None:
    data = exercise(None)
    del data["figures"]
    assert ExerciseModel.model_validate(data).to_record().figures == ()


# What the issue's table asks of each built-in exercise: frame labels in order.
S, E, OS, N = FrameLabel.START, FrameLabel.END, FrameLabel.OTHER_SIDE, FrameLabel.NOT_THIS
EXPECTED = {
    "prone-lying": [S],
    "prone-on-elbows": [S, E],
    "prone-press-up": [S, E],
    "standing-extension": [S, E],
    "double-knee-to-chest": [S, E],
    "single-knee-to-chest": [S, E],
    "flexion-in-lying": [S, E],
    "lower-trunk-rotation": [S, E, OS],
    "pelvic-tilt": [S, E],
    "bridge": [S, E, N],
    "supine-marches": [S, E],
    "heel-tap-marches": [S, E, E],
    "prone-opposite-arm-leg-lift": [S, E],
    "bird-dog-one-limb": [S, E, E],
    "quadruped-opposite-arm-leg-lift": [S, E, N],
    "childs-pose": [S, E],
    "modified-plank": [S, E, N],
    "full-plank": [S, E, N],
    "side-plank-on-knees": [S, E],
    "mcgill-curl-up": [S, E],
}


def test_every_builtin_exercise_has_the_frames_the_issue_lists() -> None:
    found = {e.id: [f.label for f in e.figures] for e in load_catalogue().exercises}
    assert found == EXPECTED


def test_builtin_alt_texts_are_distinct_within_an_exercise() -> None:
    for exercise_record in load_catalogue().exercises:
        alts = [f.alt for f in exercise_record.figures]
        assert len(set(alts)) == len(alts), exercise_record.id


def test_every_vocabulary_character_has_one_ascii_stand_in_and_a_drawing() -> None:
    for char, (ascii_char, strokes) in STROKES.items():
        assert len(ascii_char) == 1 and ascii_char.isascii() and ascii_char.isprintable()
        assert char == " " or strokes or char in SHAPES, char


def test_to_ascii_keeps_the_picture_s_shape() -> None:
    assert to_ascii(" ○─┳━━┓ ╱╲") == " O-===# /\\"
