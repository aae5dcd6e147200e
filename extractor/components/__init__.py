"""spaCy components, one per module. Importing this package registers their factories."""

from extractor.components import (  # noqa: F401
    companies,
    dates,
    deals,
    money,
    people,
    percents,
    quotes,
    sentences,
)
