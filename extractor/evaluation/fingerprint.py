"""A SHA-256 fingerprint of a gold corpus, so the quality gate knows when its data changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.evaluation.gold import ARTICLES_DIR, GOLD_DIR


def fingerprint_corpus(corpus_dir: str | Path) -> str:
    """Hash every gold JSON and article file, in sorted order of their relative paths.

    Both the name and the bytes of each file go in, so renaming, adding, removing or editing
    any file changes the fingerprint.
    """
    root = Path(corpus_dir)
    digest = hashlib.sha256()
    files = sorted(
        p for sub in (ARTICLES_DIR, GOLD_DIR) for p in (root / sub).glob("*") if p.is_file()
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
