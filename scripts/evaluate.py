"""Score the extractor against a gold corpus: the same as ``extractor evaluate``.

Usage: python scripts/evaluate.py CORPUS_DIR [--json] [--report] [--model M]
"""

from __future__ import annotations

import sys

from extractor.cli import main

if __name__ == "__main__":
    sys.exit(main(["evaluate", *sys.argv[1:]]))
