"""The ``extractor`` command imports spaCy without spaCy's command-line app."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from extractor.spacy_import import import_spacy_without_cli


def run_python(code: str) -> None:
    """Run ``code`` in a fresh interpreter (the import state is per process); fail on error."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_spacy_works_without_its_cli_and_info_loads_it_on_demand() -> None:
    run_python(
        """
        import sys
        from extractor.spacy_import import import_spacy_without_cli

        import_spacy_without_cli()
        import spacy

        assert "spacy.cli" not in sys.modules and "typer" not in sys.modules
        assert "spacy.cli.info" not in sys.modules  # the stand-in is gone
        assert [t.text for t in spacy.blank("en")("Shares rose 5%.")] == [
            "Shares", "rose", "5", "%", "."
        ]
        assert spacy.info()["spacy_version"] == spacy.__version__  # the real info, loaded now
        assert "spacy.cli" in sys.modules
        import spacy.cli
        assert callable(spacy.cli.download)
        """
    )


def test_extract_command_does_not_import_spacy_cli(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Harlowmere Ltd bought 20% of Sarnet Mills for $40m.\n", encoding="utf-8")
    run_python(
        f"""
        import contextlib, io, sys
        from extractor.cli import main

        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["extract", {str(article)!r}]) == 0
        assert "40000000" in out.getvalue()  # the money figure, read
        assert "typer" not in sys.modules and "spacy.cli" not in sys.modules
        """
    )


def test_no_op_when_spacy_is_already_imported() -> None:
    import spacy

    before = dict(sys.modules)
    import_spacy_without_cli()
    assert sys.modules == before
    assert sys.modules["spacy"] is spacy
