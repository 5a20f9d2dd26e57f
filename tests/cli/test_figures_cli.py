"""``backex show`` with figures: side by side, stacked, left out, ASCII, the gallery."""

from typer.testing import CliRunner, Result

from backex.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env=env)


def test_show_puts_start_and_end_side_by_side_at_80_columns() -> None:
    result = run("show", "bridge", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip(" │") for line in result.stdout.splitlines()]
    assert "│ Start                                End" in lines
    assert "│                   ╱╲                              ┏━━━━━╲" in lines
    assert lines.index("│ Not this (x)") < lines.index("│ Steps")


def test_show_stacks_the_frames_at_40_columns() -> None:
    stacked = run("show", "bridge", env={"COLUMNS": "40"}).stdout
    lines = [line.rstrip(" │") for line in stacked.splitlines()]
    start = lines.index("│ Start")
    assert lines[start : start + 3] == [
        "│ Start",
        "│                   ╱╲",
        "│                  ╱  ╲",
    ]


def test_show_leaves_the_figures_out_below_40_columns() -> None:
    # One run per test: the stdout console is made once per process (conftest resets it).
    narrow = run("show", "bridge", env={"COLUMNS": "39"}).stdout
    assert "(Figures need a window at least 40 columns wide.)" in " ".join(
        narrow.replace("│", " ").split()
    )
    assert "╱╲" not in narrow


def test_show_ascii_draws_the_figures_with_ascii_only() -> None:
    result = run("show", "bridge", "--ascii", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "│  O---------------    \\-               O-----#             \\-" in result.stdout
    assert "┏" not in result.stdout and "○" not in result.stdout


def test_all_figures_shows_every_frame_with_its_alt_text() -> None:
    result = run("show", "--all-figures", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\nAlt: ") == 46
    assert result.stdout.startswith("Double knee to chest (double-knee-to-chest)\nStart\n")
