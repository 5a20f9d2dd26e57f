"""yamlfile: safe parsing, located messages, and refusal of hostile files."""

from pathlib import Path

import pytest

from backex.catalogue import yamlfile
from backex.catalogue.yamlfile import YamlDocument, format_loc, parse_yaml, read_yaml
from backex.errors import CatalogueError


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        ((), ""),
        (("exercises",), "exercises"),
        (("exercises", 2), "exercises[2]"),
        (("exercises", 2, "dose", "hold_s"), "exercises[2].dose.hold_s"),
        (("exercises", 0, "steps", 3), "exercises[0].steps[3]"),
    ],
)
def test_format_loc(loc: tuple[str | int, ...], expected: str) -> None:
    assert format_loc(loc) == expected


BAD_YAML = [
    pytest.param(
        b"exercises: [\n",
        "t.yaml:2:1: invalid YAML: did not find expected node content",
        id="unclosed-list",
    ),
    pytest.param(
        b"a: b: c\n",
        "t.yaml:1:5: invalid YAML: mapping values are not allowed in this context",
        id="bad-mapping",
    ),
    pytest.param(
        b"a:\n\t- b\n",
        "t.yaml:2:1: invalid YAML: found character that cannot start any token",
        id="tab-indent",
    ),
    pytest.param(b"", "t.yaml: file is empty", id="empty"),
    pytest.param(b"  \n\n", "t.yaml: file is empty", id="blank"),
    pytest.param(b"# only a comment\n", "t.yaml: file is empty", id="comment-only"),
    pytest.param(b"\xef\xbb\xbf", "t.yaml: file is empty", id="bom-only"),
    pytest.param(b"a: caf\xe9\n", "t.yaml:1:7: not valid UTF-8 text", id="latin-1"),
    pytest.param(b"\xff\xfea\x00", "t.yaml:1:1: not valid UTF-8 text", id="utf-16"),
    pytest.param(
        b"a: 1\nb: x\x01y\n",
        "t.yaml:2:5: invalid YAML: control characters are not allowed",
        id="control-character",
    ),
    pytest.param(b"a: 1\nb: 2\na: 3\n", "t.yaml:3:1: a: duplicate key", id="duplicate-key"),
    pytest.param(
        b"x:\n  - {id: a, id: b}\n",
        "t.yaml:2:13: x[0].id: duplicate key",
        id="duplicate-nested-key",
    ),
    pytest.param(
        b"a: !!python/object/apply:os.system [ls]\n",
        "t.yaml:1:4: invalid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
        id="python-tag",
    ),
    pytest.param(b"a: *nope\n", "t.yaml:1:4: invalid YAML: found undefined alias", id="alias"),
    pytest.param(
        b"---\na: 1\n---\nb: 2\n",
        "t.yaml:3:1: invalid YAML: but found another document",
        id="two-documents",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), BAD_YAML)
def test_bad_yaml_gives_one_located_line(raw: bytes, expected: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_yaml(raw, "t.yaml")
    assert caught.value.problems == [expected]


def _alias_bomb(levels: int = 9) -> bytes:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        refs = ",".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_alias_bomb_is_refused() -> None:
    bomb = _alias_bomb()
    assert len(bomb) < 1000  # a tiny file that would expand to 9**9 strings
    with pytest.raises(CatalogueError) as caught:
        parse_yaml(bomb, "bomb.yaml")
    assert caught.value.problems == [
        "bomb.yaml: refused: aliases expand to more than 1,000,000 YAML values"
    ]


def test_too_many_nodes_is_refused_before_nodes_are_built() -> None:
    raw = ("a: [" + ",".join(["1"] * (yamlfile.MAX_NODES + 10)) + "]\n").encode()
    assert len(raw) < yamlfile.MAX_BYTES
    with pytest.raises(CatalogueError) as caught:
        parse_yaml(raw, "flat.yaml")
    # The first value past the cap: the mapping, its key "a", the list, then the items.
    column = 5 + 2 * (yamlfile.MAX_NODES - 3)
    assert caught.value.problems == [
        f"flat.yaml:1:{column}: refused: more than 250,000 YAML values"
    ]


def test_deep_nesting_is_refused() -> None:
    raw = ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode()
    with pytest.raises(CatalogueError) as caught:
        parse_yaml(raw, "deep.yaml")
    assert caught.value.problems == [
        "deep.yaml:1:1003: invalid YAML: exceeded maximum nesting depth"
    ]


def test_shared_anchors_are_fine() -> None:
    document = parse_yaml(b"stop: &stop [Pain.]\na: {stop_if: *stop}\n", "t.yaml")
    assert document.data == {"stop": ["Pain."], "a": {"stop_if": ["Pain."]}}


def test_byte_order_mark_is_ignored() -> None:
    assert parse_yaml(b"\xef\xbb\xbfa: 1\n", "t.yaml").data == {"a": 1}


def test_marks_point_at_keys_and_items() -> None:
    raw = b"exercises:\n  - id: a\n    dose:\n      hold_s: 0\n    steps: [x, y]\n"
    document = parse_yaml(raw, "t.yaml")
    assert document.marks[("exercises",)] == (1, 1)
    assert document.marks[("exercises", 0)] == (2, 5)
    assert document.marks[("exercises", 0, "dose", "hold_s")] == (4, 7)
    assert document.marks[("exercises", 0, "steps", 1)] == (5, 16)


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("exercises", 0, "dose", "hold_s"), "t.yaml:4:7"),
        # A missing field is reported where its parent is.
        (("exercises", 0, "dose", "reps"), "t.yaml:3:5"),
        (("exercises", 0, "name"), "t.yaml:2:5"),
        (("nothing", "here"), "t.yaml:1:1"),
        ((), "t.yaml:1:1"),
    ],
)
def test_where_uses_the_deepest_known_part(loc: tuple[str | int, ...], expected: str) -> None:
    document = parse_yaml(b"exercises:\n  - id: a\n    dose:\n      hold_s: 0\n", "t.yaml")
    assert document.where(loc) == expected


def test_where_without_marks_is_the_label() -> None:
    assert YamlDocument("t.yaml", {}).where(("a",)) == "t.yaml"


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert caught.value.problems == ["nope.yaml: file not found"]


def test_read_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_yaml(tmp_path, "my-folder")
    assert caught.value.problems == ["my-folder: is a folder, not a file"]


def test_read_too_large_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# x\n" * (yamlfile.MAX_BYTES // 4 + 1))
    with pytest.raises(CatalogueError) as caught:
        read_yaml(path)
    assert caught.value.problems == [f"{path}: refused: larger than 8 MiB"]


def test_read_labels_with_the_path_by_default(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    document = read_yaml(path)
    assert document.label == str(path)
    assert document.data == {"a": [1, 2]}


SAME_AS_PYYAML = [
    b"a: 1\nb: [1, 2, {c: d}]\n",
    b"ints: [0, -3, +7, 0x1f, 0o17, 1_000, '12', 1:30]\nfloats: [1.5, -.5, .inf, 1e3, 6.02e+23]\n",
    b"bools: [yes, No, on, OFF, true, False, y, n]\nnulls: [~, null, '', ]\nempty: {}\nnone: []\n",
    b"when: 2024-03-01\nstamp: 2001-12-14t21:59:43.10-05:00\ndata: !!binary aGVsbG8=\n",
    b'1: one\n2.5: two\ntrue: three\n~: four\n"quoted: key": "x\\ty"\n',
    b"text: |\n  two\n  lines\nfolded: >\n  one\n  line\nexplicit: !!str 12\n",
    b"scalar: &x 5\nagain: *x\nnested:\n  - - - deep\n",
    b"base: &b {x: 1}\nuse: *b\n",  # an aliased mapping: PyYAML's own constructor
    b"base: &b {x: 1}\nmerged: {<<: *b, y: 2}\n",  # a merge key
    b"set: !!set {a, b}\nomap: !!omap [{a: 1}]\n",  # other tags
    b"a:\n" + b"".join(b"  " * i + b"- x:\n" for i in range(1, 80)) + b"  " * 80 + b"- 1\n",
]


@pytest.mark.parametrize("raw", SAME_AS_PYYAML)
def test_one_pass_build_gives_what_pyyaml_and_the_mark_walk_give(
    raw: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = parse_yaml(raw, "t.yaml")

    def always_fall_back(*args: object) -> None:
        raise yamlfile._Fallback

    monkeypatch.setattr(yamlfile, "_build", always_fall_back)
    reference = parse_yaml(raw, "t.yaml")
    assert fast == reference
    assert repr(fast.data) == repr(reference.data)  # same types too (1 vs True vs 1.0)


def test_the_builtin_catalogue_takes_the_one_pass_build(monkeypatch: pytest.MonkeyPatch) -> None:
    from backex.catalogue.loader import builtin_catalogue_path

    raw = builtin_catalogue_path().read_bytes()
    walked: list[object] = []
    monkeypatch.setattr(yamlfile, "_collect_marks", lambda *args: walked.append(args) or {})
    document = parse_yaml(raw, "built-in")
    assert walked == []
    assert document.where(("exercises", 0, "dose")).startswith("built-in:")
