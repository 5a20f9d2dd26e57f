"""The browser-free accessibility check finds what axe-core found on the old handout."""

from helpers.a11y import accessibility_problems


def test_the_checker_finds_what_axe_found() -> None:
    page = (
        '<html lang="en"><head><title>T</title></head><body><header><h1>T</h1>'
        '<dl><dt>By</dt><dd aria-label="to fill in"></dd></dl></header>'
        "<section><h2>Rules</h2></section>"
        '<main><img src="x.png"><table><tr><th>Day</th></tr></table></main></body></html>'
    )
    assert accessibility_problems(page) == [
        "aria-prohibited-attr: <dd> may not have an accessible name",
        "region: text outside a landmark: 'Rules'",
        "image-alt: <img> without alt",
        "th-has-scope: <th> without scope",
    ]


def test_a_clean_page_passes() -> None:
    page = (
        '<html lang="en"><head><title>T</title><style>p{}</style></head><body>'
        '<header><h1>T</h1></header><main><section aria-labelledby="s"><h2 id="s">S</h2>'
        '<img src="x" alt="A figure"><svg role="img"><title>Fig</title></svg></section></main>'
        "<footer><p>F</p></footer></body></html>"
    )
    assert accessibility_problems(page) == []
