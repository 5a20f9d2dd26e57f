"""Content sanity on the real catalogue: what the issue asks for and what the sources allow.

The tables below are copied from the project's content references (REFERENCES.md,
"Typical starting doses" and "Rules of practice"); a change to a dose in
data/exercises.yaml that leaves those ranges fails here.
"""

import pytest

from backex.catalogue.exercise import Exercise, Focus
from backex.catalogue.loader import Catalogue, load_catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_about_twenty_to_twenty_five_exercises(catalogue: Catalogue) -> None:
    assert 20 <= len(catalogue) <= 25


# The seed article's seven strengthening exercises: (name in the seed, id, our name).
SEED = [
    ("Double Knee to Chest", "double-knee-to-chest", "Double knee to chest"),
    ("Lower Trunk Rotation", "lower-trunk-rotation", "Lower trunk rotation"),
    ("Supine Marches", "supine-marches", "Supine marches"),
    ("Bridge", "bridge", "Bridge"),
    (
        "Prone Opposite Arm/Leg Lift",
        "prone-opposite-arm-leg-lift",
        "Prone opposite arm and leg lift",
    ),
    (
        "Quadruped Opposite Arm/Leg Lift",
        "quadruped-opposite-arm-leg-lift",
        "Quadruped opposite arm and leg lift",
    ),
    ("Modified Plank", "modified-plank", "Modified plank"),
]


@pytest.mark.parametrize(("seed_name", "exercise_id", "name"), SEED)
def test_seed_exercise_present(
    catalogue: Catalogue, seed_name: str, exercise_id: str, name: str
) -> None:
    exercise = catalogue.get(exercise_id)
    assert exercise.name == name
    assert catalogue.get(seed_name.replace("/", " and ")) == exercise


MCKENZIE_SERIES = [
    "prone-lying",
    "prone-on-elbows",
    "prone-press-up",
    "standing-extension",
    "flexion-in-lying",
]


def test_mckenzie_series_present_in_order(catalogue: Catalogue) -> None:
    series = [e.id for e in catalogue.filter(focus=[Focus.MCKENZIE])]
    assert series == MCKENZIE_SERIES
    # The extension progression: lying -> on elbows -> press-up.
    assert catalogue.get("prone-lying").harder == ("prone-on-elbows",)
    assert catalogue.get("prone-on-elbows").harder == ("prone-press-up",)


def test_at_least_four_stretches(catalogue: Catalogue) -> None:
    assert len(catalogue.filter(focus=[Focus.STRETCH])) >= 4


@pytest.mark.parametrize(
    "exercise_id",
    [
        "single-knee-to-chest",
        "bird-dog-one-limb",
        "full-plank",
        "side-plank-on-knees",
        "mcgill-curl-up",
    ],
)
def test_variants_the_references_name_are_present(catalogue: Catalogue, exercise_id: str) -> None:
    assert catalogue.find(exercise_id) is not None


# Source names exactly as REFERENCES.md gives them (the seed article under its own name).
KNOWN_SOURCES = {
    'JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)',
    'Phenomenal Rehab, "Top 3 stretches for back pain"',
    'ossicare.com, "Stretching"',
    'NHS, "Lower back pain exercises"',
    'NHS inform, "Exercises for back pain"',
    '517transformed.com, "Ab marching" (progression only)',
    'Mount Nittany Health, "Back Exercises: Bridge"',
    'protectyourback101.com, "Basic Bird Dog"',
    'mauriecofman.com, "Bird Dog"',
    'Life in Motion, "Plank and Modified Plank"',
    "McKenzie extension protocol (ccofutah.com)",
    'Whole Health, "McKenzie Extension Exercise"',
    "McKenzie III (corestationpt.com)",
    'Harrison Clinic, "Side plank with bent knees"',
    # revision 2, "Sources to prefer"
    'McKenzie R., "Treat Your Own Back"',
    'McGill S., "Back Mechanic"',
}
SEED_ARTICLE = 'JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)'
# Revision 2, "Sources to prefer, and ones to replace": never cited for steps or doses.
REPLACED = ("Axial Spine", "McGill Big 3", "PopSugar", "sanctum.works", "ohse.in")
EXTENSION_SERIES = ["prone-lying", "prone-on-elbows", "prone-press-up", "standing-extension"]


def _every(catalogue: Catalogue) -> list[Exercise]:
    return list(catalogue)


def test_every_exercise_names_known_sources(catalogue: Catalogue) -> None:
    for exercise in _every(catalogue):
        assert exercise.sources, exercise.id
        unknown = set(exercise.sources) - KNOWN_SOURCES
        assert not unknown, (exercise.id, unknown)


def test_every_exercise_is_complete(catalogue: Catalogue) -> None:
    for exercise in _every(catalogue):
        assert len(exercise.steps) >= 2, exercise.id
        assert exercise.cues, exercise.id
        assert exercise.summary.endswith("."), exercise.id


def test_every_exercise_stops_at_the_pain_traffic_light(catalogue: Catalogue) -> None:
    # 6 or more out of 10 is too much (Provide Physiotherapy; Fusion Physio).
    for exercise in _every(catalogue):
        assert "Pain rises above 5 out of 10." in exercise.stop_if, exercise.id


def test_every_mckenzie_exercise_stops_when_pain_moves_down_the_leg(catalogue: Catalogue) -> None:
    for exercise in catalogue.filter(focus=[Focus.MCKENZIE]):
        rule = exercise.stop_if[0].lower()
        assert "further down your leg" in rule, exercise.id


def test_flexion_in_lying_says_when_to_use_it(catalogue: Catalogue) -> None:
    cautions = " ".join(catalogue.get("flexion-in-lying").cautions).lower()
    assert "only when bending forward" in cautions


def test_variants_point_both_ways_and_levels_agree(catalogue: Catalogue) -> None:
    for exercise in _every(catalogue):
        for harder_id in exercise.harder:
            harder = catalogue.get(harder_id)
            assert exercise.id in harder.easier, (exercise.id, harder_id)
            assert harder.level >= exercise.level, (exercise.id, harder_id)
        for easier_id in exercise.easier:
            easier = catalogue.get(easier_id)
            assert exercise.id in easier.harder, (exercise.id, easier_id)
            assert easier.level <= exercise.level, (exercise.id, easier_id)


def test_no_dose_has_a_tempo(catalogue: Catalogue) -> None:
    # No source states movement speed in seconds, only "move slowly".
    assert all(e.dose.tempo is None for e in _every(catalogue))


# (id, dose field, lowest allowed, highest allowed, what REFERENCES.md says)
DOSE_RANGES = [
    ("double-knee-to-chest", "hold_s", 30, 30, "Phenomenal Rehab: hold 30 s"),
    ("single-knee-to-chest", "hold_s", 10, 10, "ossicare.com: hold 10 s"),
    ("lower-trunk-rotation", "reps", 5, 10, "NHS inform: start 5; NHS: 8-10"),
    ("lower-trunk-rotation", "hold_s", 2, 2, "NHS inform: hold 2 s each side"),
    ("bridge", "reps", 5, 10, "Mount Nittany: 5-10 reps"),
    ("bridge", "hold_s", 5, 15, "Mount Nittany: hold 5-15 s"),
    ("prone-opposite-arm-leg-lift", "reps", 1, 5, "ohse.in analogue: 5 reps"),
    ("prone-opposite-arm-leg-lift", "hold_s", 1, 10, "ohse.in: 5 s at first, at most 10 s"),
    ("quadruped-opposite-arm-leg-lift", "reps", 1, 10, "protectyourback101: 10 each side"),
    ("quadruped-opposite-arm-leg-lift", "hold_s", 1, 10, "never hold over 10 s"),
    ("bird-dog-one-limb", "hold_s", 5, 7, "mauriecofman.com: hold 5-7 s"),
    ("modified-plank", "hold_s", 1, 29, "Life in Motion: holds under 30 s are repeated"),
    ("modified-plank", "rest_s", 10, 15, "Life in Motion: rest 10-15 s"),
    ("prone-lying", "hold_s", 60, 300, "ccofutah.com: a few minutes"),
    ("prone-on-elbows", "hold_s", 60, 300, "sanctum.works: a few minutes, about 5 min"),
    ("prone-press-up", "reps", 1, 10, "Whole Health / Axial Spine: 10 reps"),
    ("prone-press-up", "hold_s", 1, 2, "hold the top 1-2 s"),
    ("standing-extension", "reps", 5, 5, "NHS inform: 5 reps"),
    ("standing-extension", "hold_s", 3, 3, "NHS inform: hold 3 s"),
    ("mcgill-curl-up", "reps", 1, 5, "McGill: 5, then 3, then 1 reps"),
    ("mcgill-curl-up", "hold_s", 8, 10, "McGill: 8-10 s holds"),
]


@pytest.mark.parametrize(("exercise_id", "field", "low", "high", "reference"), DOSE_RANGES)
def test_dose_within_the_referenced_range(
    catalogue: Catalogue, exercise_id: str, field: str, low: int, high: int, reference: str
) -> None:
    value = getattr(catalogue.get(exercise_id).dose, field)
    assert value is not None and low <= value <= high, reference


def test_modified_plank_totals_at_most_sixty_seconds(catalogue: Catalogue) -> None:
    # Life in Motion: repeat short holds to 60 s in total.
    dose = catalogue.get("modified-plank").dose
    assert dose.hold_s is not None
    assert dose.sets * dose.hold_s <= 60


def test_doses_without_a_source_start_at_about_five_reps(catalogue: Catalogue) -> None:
    # NHS inform: start with about 5 repetitions, add 1-2 every few days.
    referenced = {row[0] for row in DOSE_RANGES if row[1] == "reps"}
    for exercise in _every(catalogue):
        if exercise.dose.reps is not None and exercise.id not in referenced:
            assert exercise.dose.reps <= 5, exercise.id


def test_no_replaced_source_is_cited(catalogue: Catalogue) -> None:
    for exercise in _every(catalogue):
        cited = " ".join(exercise.sources)
        move_up = exercise.move_up.source if exercise.move_up else ""
        for weak in REPLACED:
            assert weak not in cited and weak not in move_up, (exercise.id, weak)


def test_the_seed_is_not_cited_for_mckenzie_steps(catalogue: Catalogue) -> None:
    # The seed names the McKenzie series but gives no steps.
    for exercise in catalogue.filter(focus=[Focus.MCKENZIE]):
        assert SEED_ARTICLE not in exercise.sources, exercise.id
        assert 'McKenzie R., "Treat Your Own Back"' in exercise.sources, exercise.id


def test_mckenzie_is_for_pain_that_eases_bending_backward_never_for_discs(
    catalogue: Catalogue,
) -> None:
    for exercise in catalogue.filter(focus=[Focus.MCKENZIE]):
        text = " ".join((exercise.summary, *exercise.steps, *exercise.cues, *exercise.cautions))
        assert "disc" not in text.lower(), exercise.id
    assert "bend backward" in catalogue.get("prone-lying").summary


@pytest.mark.parametrize("exercise_id", EXTENSION_SERIES)
def test_extension_exercises_caution_stenosis_and_spondylolisthesis(
    catalogue: Catalogue, exercise_id: str
) -> None:
    cautions = " ".join(catalogue.get(exercise_id).cautions)
    assert "spinal stenosis or spondylolisthesis" in cautions
    assert "physiotherapist's plan" in cautions


@pytest.mark.parametrize("exercise_id", ["modified-plank", "full-plank", "side-plank-on-knees"])
def test_planks_caution_the_shoulder(catalogue: Catalogue, exercise_id: str) -> None:
    assert any("shoulder" in caution for caution in catalogue.get(exercise_id).cautions)


def test_the_curl_up_swaps_the_bent_leg_halfway(catalogue: Catalogue) -> None:
    assert any("swap legs" in step for step in catalogue.get("mcgill-curl-up").steps)


def test_stop_lists_say_new_numbness_tingling_or_leg_weakness(catalogue: Catalogue) -> None:
    # Revision 2: "new" matters (sciatica may already tingle), leg weakness is included,
    # and "symptoms get worse" is gone (4-5 out of 10 is acceptable).
    for exercise in _every(catalogue):
        stops = " ".join(exercise.stop_if)
        assert "new numbness, tingling or leg weakness" in stops, exercise.id
        assert "get worse" not in stops, exercise.id


# Revision 2, "Progression and regression": the move-up criteria the references give.
MOVE_UP_TARGETS = [
    ("modified-plank", 45, None, "full-plank"),
    ("bridge", 15, 10, None),
    ("quadruped-opposite-arm-leg-lift", 10, 10, None),
]


@pytest.mark.parametrize(("exercise_id", "hold_s", "reps", "harder"), MOVE_UP_TARGETS)
def test_move_up_criteria_are_catalogue_data(
    catalogue: Catalogue, exercise_id: str, hold_s: int, reps: int | None, harder: str | None
) -> None:
    exercise = catalogue.get(exercise_id)
    assert exercise.move_up is not None
    assert (exercise.move_up.hold_s, exercise.move_up.reps) == (hold_s, reps)
    assert exercise.harder == ((harder,) if harder else ())
