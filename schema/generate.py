"""Write the JSON Schema of the output record: ``python schema/generate.py``.

``tests/test_models.py`` fails when ``schema/article_record.schema.json`` is out of date with
``extractor.models.ArticleRecord``; run this script after changing the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from extractor.models import ArticleRecord

SCHEMA_PATH = Path(__file__).resolve().parent / "article_record.schema.json"


def render_schema() -> str:
    """The schema file's exact content."""
    return json.dumps(ArticleRecord.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")  # noqa: T201 (a script)


if __name__ == "__main__":
    main()
