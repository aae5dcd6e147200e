"""Walking folders: globs, stable order, symlink loops, unreadable folders, odd files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.runners import discover as discover_module
from extractor.runners.discover import Problem, discover


def _names(items: list[Path | Problem], root: Path) -> list[str]:
    return [
        (
            f"!{Path(i.path).relative_to(root).as_posix()}"
            if isinstance(i, Problem)
            else i.relative_to(root).as_posix()
        )
        for i in items
    ]


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some words.\n", encoding="utf-8")


def test_discover_default_globs_in_sorted_depth_first_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a.html", "sub/c.htm", "sub/d.md", "z.TXT.bak", "sub/deeper/e.txt"])
    items = list(discover([tmp_path]))
    assert _names(items, tmp_path) == ["a.html", "b.txt", "sub/c.htm", "sub/deeper/e.txt"]


def test_discover_custom_globs_and_relative_patterns(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "notes.md", "sub/x.md", "other/y.md"])
    assert _names(list(discover([tmp_path], globs=["*.md"])), tmp_path) == [
        "notes.md",
        "other/y.md",
        "sub/x.md",
    ]
    assert _names(list(discover([tmp_path], globs=["sub/*.md"])), tmp_path) == ["sub/x.md"]


def test_discover_takes_named_files_whatever_their_name(tmp_path: Path) -> None:
    _tree(tmp_path, ["story.md", "b.txt"])
    items = list(discover([tmp_path / "story.md", tmp_path / "b.txt"]))
    assert _names(items, tmp_path) == ["story.md", "b.txt"]


def test_discover_missing_path_is_a_problem(tmp_path: Path) -> None:
    (problem,) = discover([tmp_path / "nope"])
    assert isinstance(problem, Problem)
    assert problem.reason == "not found"


def test_discover_symlink_loop_is_reported_once_and_walk_ends(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "sub/b.txt"])
    os.symlink(tmp_path, tmp_path / "sub" / "back-to-top")
    items = list(discover([tmp_path]))
    assert _names(items, tmp_path) == ["a.txt", "sub/b.txt", "!sub/back-to-top"]
    assert "symlink loop" in items[-1].reason


def test_discover_self_referencing_symlink(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt"])
    os.symlink(tmp_path / "me.txt", tmp_path / "me.txt")
    items = list(discover([tmp_path]))
    assert _names(items, tmp_path) == ["a.txt", "!me.txt"]
    assert "symlink loop" in items[1].reason


def test_discover_broken_symlink(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    (problem,) = discover([tmp_path])
    assert problem.reason.startswith("broken symlink")


def test_discover_follows_a_symlinked_folder_once(tmp_path: Path) -> None:
    _tree(tmp_path, ["real/a.txt"])
    os.symlink(tmp_path / "real", tmp_path / "alias")
    items = list(discover([tmp_path]))
    assert _names(items, tmp_path) == ["alias/a.txt"]  # 'real' is the same folder, walked once


def test_discover_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    (problem,) = discover([tmp_path])
    assert "not a regular file" in problem.reason


def test_discover_excludes_the_batch_outputs(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "out.txt"])
    items = list(discover([tmp_path], exclude=[tmp_path / "out.txt"]))
    assert _names(items, tmp_path) == ["a.txt"]


def test_discover_unreadable_folder_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, for whom chmod 000 changes nothing: make scandir fail as it would.
    _tree(tmp_path, ["a.txt", "locked/b.txt", "z/c.txt"])
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(discover_module.os, "scandir", scandir)
    items = list(discover([tmp_path]))
    assert _names(items, tmp_path) == ["a.txt", "!locked", "z/c.txt"]
    assert items[1].reason == "permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_discover_unreadable_folder_for_real(tmp_path: Path) -> None:
    _tree(tmp_path, ["locked/b.txt"])
    (tmp_path / "locked").chmod(0)
    try:
        (problem,) = discover([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert problem.reason == "permission denied"
