"""Pure string -> value parsers. No spaCy import here: these are usable and testable alone."""
