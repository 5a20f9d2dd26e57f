from typer.testing import CliRunner

from backex.cli import app


def test_version_prints_package_version() -> None:
    from backex import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"backex {__version__}"
