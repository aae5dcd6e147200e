"""Finding the article files of a batch: walk folders in a stable order, never loop, never die.

Every path the user named ends up either as a file to read or as a ``Problem`` (path, reason),
so that the batch can account for each of them. Directories are walked depth-first with their
entries sorted by name, which makes the order of a batch (and so of its output) reproducible.
"""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

#: File names a folder walk picks up when no ``--glob`` is given: saved articles.
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.html", "*.htm")


@dataclass(frozen=True)
class Problem:
    """A path that cannot become an article, and why (one line for the errors file)."""

    path: str
    reason: str


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    globs: Iterable[str] = DEFAULT_GLOBS,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Path | Problem]:
    """Yield the article files under ``paths`` in a stable order, and a ``Problem`` per failure.

    A file named directly is always taken; inside folders only names matching one of ``globs``
    are (a pattern with a ``/`` is matched against the path relative to the folder). Symlinked
    folders are followed once; a link back to one of its own ancestors is a symlink loop.

    Args:
        paths: files and folders, as the user gave them.
        globs: ``fnmatch`` patterns for files inside folders.
        exclude: paths never to yield (the batch's own output files).

    Returns:
        An iterator of ``Path`` (a regular file to read) or ``Problem``.
    """
    patterns = tuple(globs) or DEFAULT_GLOBS
    excluded = {os.path.realpath(p) for p in exclude}
    walked: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as e:
            yield Problem(str(path), _reason(e, path))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, path, patterns, excluded, walked, ancestors=())
        elif os.path.realpath(path) in excluded:
            continue
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield Problem(str(path), "not a regular file (a device, pipe or socket)")


def _walk(
    folder: Path,
    root: Path,
    patterns: tuple[str, ...],
    excluded: set[str],
    walked: set[tuple[int, int]],
    ancestors: tuple[tuple[int, int], ...],
) -> Iterator[Path | Problem]:
    """Depth-first walk of one folder; ``ancestors`` are the (device, inode) pairs above it."""
    try:
        info = folder.stat()
    except OSError as e:  # vanished since its parent was listed
        yield Problem(str(folder), _reason(e, folder))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield Problem(str(folder), "symlink loop: the link points back to a folder above it")
        return
    if key in walked:
        # Reached again through another symlink: its files are already in the batch.
        logger.debug("skipping %s: folder already walked", folder)
        return
    walked.add(key)
    if os.path.realpath(folder) in excluded:
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as e:
        yield Problem(str(folder), _reason(e, folder))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            info = path.stat()  # follows symlinks
        except OSError as e:
            if entry.is_symlink() or _matches(path, root, patterns):
                yield Problem(str(path), _reason(e, path))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, root, patterns, excluded, walked, (*ancestors, key))
        elif not _matches(path, root, patterns) or os.path.realpath(path) in excluded:
            continue
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield Problem(str(path), "not a regular file (a device, pipe or socket)")


def _matches(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(
        fnmatch.fnmatch(relative if "/" in pattern else path.name, pattern) for pattern in patterns
    )


def _reason(error: OSError, path: Path) -> str:
    """A short reason for the errors file, naming the usual cases in plain words."""
    if error.errno == errno.ELOOP:
        return "symlink loop: the link resolves to itself"
    if error.errno == errno.ENOENT:
        return "broken symlink: its target does not exist" if path.is_symlink() else "not found"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot access: {error.strerror or error}"
