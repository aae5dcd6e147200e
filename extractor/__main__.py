"""``python -m extractor``: the command-line interface."""

import sys

from extractor.cli import main

sys.exit(main())
