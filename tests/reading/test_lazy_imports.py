"""Cold start: lxml and ftfy load only when an HTML page or mojibake needs them."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import extractor
from extractor.reading import read_article
before = {m for m in ("bs4", "lxml", "ftfy") if m in sys.modules}
read_article("HEADLINE\\n\\nAcme’s “new” offer for Ipanú was accepted.\\n")
plain = {m for m in ("bs4", "lxml", "ftfy") if m in sys.modules}
read_article("<html><body><p>Acme bought Widget.</p></body></html>")
html = {m for m in ("bs4", "lxml", "ftfy") if m in sys.modules}
read_article("Acme said â€œyesâ€\\u009d to the deal.")
fixed = "ftfy" in sys.modules
print(sorted(before), sorted(plain), sorted(html), fixed)
"""


def test_heavy_readers_are_imported_on_first_use_only() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()
    assert out == "[] [] ['lxml'] True"
