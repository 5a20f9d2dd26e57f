"""The handout's figures: inline SVG with an accessible name, and alt text in Markdown.

The accessibility check here is the browser-free equivalent of axe-core's ``svg-img-alt``
and ``image-alt`` rules (``scripts/axe_check.py`` runs axe itself): every image has a
non-empty accessible name, and nothing is fetched from outside the page.
"""

import re
from datetime import date
from html.parser import HTMLParser

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.documents.handout import Handout, build_handout
from backex.documents.handout_render import render_html, render_markdown
from backex.planning.plan import Block, Plan, PlannedItem
from backex.prescription.model import Frequency, FrequencyKind


def every_exercise_handout() -> Handout:
    catalogue = load_catalogue()
    items = tuple(
        PlannedItem(exercise=e, dose=e.dose, block=Block.MAIN, est_s=60)
        for e in catalogue.exercises
    )
    plan = Plan(items=items, focus=(Focus.CORE,))
    return build_handout(
        plan, Frequency(FrequencyKind.DAILY), title="All", issued=date(2026, 12, 3)
    )


class Images(HTMLParser):
    """Collects each image's accessible name the way axe's rules compute it, roughly."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.images: list[dict[str, str | None]] = []
        self.external: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("img", "svg") or values.get("role") == "img":
            self.images.append(values)
        for name in ("src", "href", "xlink:href"):
            if values.get(name):
                self.external.append(str(values[name]))
        self._open = values.get("id")
        if self._open:
            self.ids[self._open] = ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self.ids[self._open] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def accessible_name(image: dict[str, str | None], ids: dict[str, str]) -> str:
    labelled = image.get("aria-labelledby") or ""
    named = " ".join(ids.get(i, "") for i in labelled.split())
    return (named or image.get("aria-label") or image.get("alt") or "").strip()


def test_every_frame_is_an_svg_image_with_a_title_and_a_description() -> None:
    handout = every_exercise_handout()
    page = render_html(handout)
    parser = Images()
    parser.feed(page)
    frames = sum(len(e.figures) for e in handout.exercises)
    svgs = [i for i in parser.images if i.get("role") == "img"]
    assert len(svgs) == frames == 46
    for svg in svgs:
        assert accessible_name(svg, parser.ids), svg
        width = re.fullmatch(r"([\d.]+)mm", svg["width"] or "")
        assert width and float(width.group(1)) >= 45
    assert parser.external == []
    assert page.count("<title id=") == page.count("<desc id=") == frames


def test_the_svg_says_the_alt_text_and_the_exercise() -> None:
    page = render_html(every_exercise_handout())
    assert '<title id="figure-3-2-title">Supine marches: end</title>' in page
    assert (
        '<desc id="figure-3-2-desc">One foot lifted a few centimetres, knee still bent; '
        "the back stays on the floor.</desc>"
    ) in page


def test_markdown_gives_the_alt_text() -> None:
    text = render_markdown(every_exercise_handout())
    assert (
        "Pictures:\n\n- *Start:* On all fours: hands under the shoulders, knees under the "
        "hips, back flat.\n- *End:* One arm and the opposite leg lifted level with a flat "
        "back; hips stay square to the floor.\n- *Not this:* Not this: the leg lifted too "
        "high so the low back sags and the hips twist.\n"
    ) in text
    assert "<svg" not in text
