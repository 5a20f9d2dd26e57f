"""Write every exercise figure as one HTML page of inline SVG, for review in a browser.

Usage: python scripts/figure_gallery.py OUT.html  (the terminal gallery is
``backex show --all-figures``).
"""

import sys
from html import escape
from pathlib import Path

from backex.catalogue.figures import CAPTIONS
from backex.catalogue.loader import load_catalogue
from backex.documents.figure_svg import frame_svg

STYLE = (
    "body{font:11pt system-ui,sans-serif;margin:1rem}"
    "section{display:flex;flex-wrap:wrap;align-items:flex-end;gap:4mm 8mm;"
    "border-top:1px solid #bbb}"
    "h2{width:100%;font-size:12pt}figure{margin:0}figcaption{font-size:9pt}"
    "svg{display:block}"
)


def main(argv: list[str]) -> int:
    """Write the gallery to ``argv[0]``."""
    if len(argv) != 1:
        sys.stderr.write("usage: figure_gallery.py OUT.html\n")
        return 2
    parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">']
    parts.append(f"<title>backex figures</title><style>{STYLE}</style></head><body><main>")
    for exercise in load_catalogue().exercises:
        parts.append(f"<section><h2>{escape(exercise.name)} ({exercise.id})</h2>")
        for index, frame in enumerate(exercise.figures, start=1):
            svg = frame_svg(frame, exercise.name, f"{exercise.id}-{index}")
            caption = f"{CAPTIONS[frame.label]}: {escape(frame.alt)}"
            parts.append(f"<figure>{svg}<figcaption>{caption}</figcaption></figure>")
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    Path(argv[0]).write_text("".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
