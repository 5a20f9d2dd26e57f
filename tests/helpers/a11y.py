"""A structural accessibility check without a browser: the axe-core rules our pages broke.

- ``region``: everything in <body> sits inside a landmark (header, main, footer, nav,
  aside, or a section/form with an accessible name);
- ``aria-prohibited-attr``: no aria-label/aria-labelledby on elements whose role may not
  be named (div, span, p, dd, strong...);
- ``image-alt`` / ``svg-img-alt``: every img has alt, every svg with role=img a title or label;
- ``document-title``, ``html-has-lang``, and table header cells have a scope.
"""

from html.parser import HTMLParser

LANDMARKS = {"header", "main", "footer", "nav", "aside"}
NAMED_LANDMARKS = {"section", "form"}
NO_NAME = {"div", "span", "p", "dd", "dt", "strong", "em", "b", "i", "code", "pre", "sub",
           "sup", "del", "ins", "caption", "br", "small"}  # fmt: skip
VOID = {"br", "img", "meta", "link", "hr", "input", "col", "wbr", "source", "path", "rect",
        "circle", "line", "polyline", "ellipse", "use"}  # fmt: skip


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, inside a landmark)
        self.lang = False
        self.title = ""
        self._in_title = False
        self._svg_named: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = bool(a.get("lang"))
        if tag == "title":
            self._in_title = True
        named = "aria-label" in a or "aria-labelledby" in a
        if named and tag in NO_NAME and "role" not in a:
            self.problems.append(f"aria-prohibited-attr: <{tag}> may not have an accessible name")
        if tag == "img" and not a.get("alt") and a.get("alt") != "" and not a.get("title"):
            self.problems.append("image-alt: <img> without alt")
        if tag == "svg" and a.get("role") == "img" and not named:
            self._svg_named.append(False)
        if tag == "title" and self.stack and self.stack[-1][0] == "svg" and self._svg_named:
            self._svg_named[-1] = True
        if tag == "th" and "scope" not in a:
            self.problems.append("th-has-scope: <th> without scope")
        inside = bool(self.stack) and self.stack[-1][1]
        landmark = tag in LANDMARKS or (tag in NAMED_LANDMARKS and named)
        if tag not in VOID:
            self.stack.append((tag, inside or landmark))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "svg" and self._svg_named and not self._svg_named.pop():
            self.problems.append("svg-img-alt: <svg role=img> without a title or label")
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not data.strip() or not self.stack:
            return
        tags = [tag for tag, _ in self.stack]
        if "body" in tags and not self.stack[-1][1] and tags[-1] not in ("style", "script"):
            self.problems.append(f"region: text outside a landmark: {data.strip()[:40]!r}")


def accessibility_problems(html: str) -> list[str]:
    """What the structural rules find in ``html`` (empty when it passes)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    if not checker.lang:
        checker.problems.append("html-has-lang: <html> without lang")
    if not checker.title.strip():
        checker.problems.append("document-title: no <title>")
    return checker.problems
