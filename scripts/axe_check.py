"""Run axe-core over an HTML file in headless Chromium; print violations, exit 1 if any.

Usage: python scripts/axe_check.py PAGE.html path/to/axe.min.js
(``npm install axe-core`` in a scratch folder gives ``node_modules/axe-core/axe.min.js``.)
The CI test without a browser is tests/documents/test_handout_figures.py.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

RUNNER = """<script>{axe}</script><script>
axe.run(document).then(r => {{
  const out = document.createElement('pre'); out.id = 'axe-result';
  out.textContent = JSON.stringify(r.violations.map(v => ({{id: v.id, impact: v.impact,
    nodes: v.nodes.map(n => n.target.join(' '))}})));
  document.body.appendChild(out);
}});
</script>"""


def main(argv: list[str]) -> int:
    """Check ``argv[0]`` with the axe script at ``argv[1]``."""
    if len(argv) != 2:
        sys.stderr.write("usage: axe_check.py PAGE.html axe.min.js\n")
        return 2
    page = Path(argv[0]).read_text(encoding="utf-8")
    runner = RUNNER.format(axe=Path(argv[1]).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        wrapped = Path(folder) / "page.html"
        wrapped.write_text(page.replace("</body>", runner + "</body>"), encoding="utf-8")
        dom = subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--virtual-time-budget=10000",
                "--dump-dom",
                wrapped.as_uri(),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    if found is None:
        sys.stderr.write("axe did not report\n")
        return 2
    import html

    violations = json.loads(html.unescape(found.group(1)))
    for violation in violations:
        print(f"{violation['id']} ({violation['impact']}): {', '.join(violation['nodes'])}")
    print(f"{len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
