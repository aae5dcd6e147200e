"""Parquet output: a dataset folder ``OUT.parquet/`` of part files with nested records.

Records are buffered and written as one part file per ``ROWS_PER_PART`` articles (and at the
end): to a hidden temporary name first, then ``os.replace``d into place, so a part is either
complete or absent. A crash loses only the buffered articles, which resume extracts again.
Read it with ``pyarrow.parquet.read_table("OUT.parquet")`` (or pandas, DuckDB, Spark).

The Arrow schema is derived from the pydantic models, so every part has the same schema and
the dataset stays readable as one table when fields are added to the output contract.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor.errors import ConfigError
from extractor.models import ArticleRecord
from extractor.runners.writers import Writer

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as e:  # pragma: no cover - depends on the installation
    raise ConfigError("Parquet output needs pyarrow: pip install 'extractor[parquet]'") from e

logger = logging.getLogger(__name__)

#: Articles per part file: big enough for efficient row groups, small enough that a crash
#: loses little work (a few seconds of extraction).
ROWS_PER_PART = 256


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a pydantic field annotation (``X | None`` is a nullable ``X``)."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        if len(args) == 1:
            return arrow_type(args[0])
        if set(args) <= {int, float}:
            # A whole or fractional amount ("450p" is 4.5 GBP): exact up to 2**53 units.
            return pa.float64()
        if set(args) == {str, list[str]}:
            # "a name or a list of names" (a quote's speaker): stored as a list of strings.
            return pa.list_(pa.string())
        raise TypeError(f"no Arrow type for the union {annotation!r}")
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if origin is typing.Literal:
        return pa.string()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [
                pa.field(name, arrow_type(f.annotation))
                for name, f in annotation.model_fields.items()
            ]
        )
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in simple:
        return simple[annotation]
    if annotation is dt.date:
        return pa.date32()
    raise TypeError(f"no Arrow type for {annotation!r}")


def record_schema() -> pa.Schema:
    """The schema of one output row: the article record plus its content hash."""
    fields = [pa.field(n, arrow_type(f.annotation)) for n, f in ArticleRecord.model_fields.items()]
    return pa.schema([*fields, pa.field("sha256", pa.string(), nullable=False)])


def _coerce(value: Any, kind: pa.DataType) -> Any:
    """Turn JSON-mode values into what Arrow takes for ``kind`` (dates, a name as a list)."""
    if value is None:
        return None
    if pa.types.is_date32(kind):
        return dt.date.fromisoformat(value)
    if pa.types.is_list(kind):
        items = value if isinstance(value, list) else [value]
        return [_coerce(v, kind.value_type) for v in items]
    if pa.types.is_struct(kind):
        return {f.name: _coerce(value.get(f.name), f.type) for f in kind}
    return value


class ParquetWriter(Writer):
    """Buffers records and writes them as atomic part files in a dataset folder."""

    def __init__(self, path: Path, *, rows_per_part: int = ROWS_PER_PART) -> None:
        self.path = path
        self.rows_per_part = rows_per_part
        self.schema = record_schema()
        path.mkdir(parents=True, exist_ok=True)
        self.done = {}
        self._next = 0
        for part in sorted(path.iterdir()):
            if part.name.startswith(".part-"):
                part.unlink()  # a temporary file of a run that died while writing it
            elif part.name.startswith("part-") and part.suffix == ".parquet":
                self._next = max(self._next, int(part.stem.split("-")[1]) + 1)
                table = pq.read_table(part, columns=["sha256", "source"])
                self.done.update(
                    zip(table["sha256"].to_pylist(), table["source"].to_pylist(), strict=True)
                )
        self._buffer: list[pa.Table] = []
        self._rows = 0

    def write(self, record: dict[str, Any]) -> None:
        row = {f.name: _coerce(record.get(f.name), f.type) for f in self.schema}
        # One small table per record: a value Arrow cannot hold fails here, for this article
        # only, instead of failing the whole part later.
        self._buffer.append(pa.Table.from_pylist([row], schema=self.schema))
        self._rows += 1
        if self._rows >= self.rows_per_part:
            self._write_part()

    def close(self) -> None:
        self._write_part()

    def _write_part(self) -> None:
        if not self._buffer:
            return
        table = pa.concat_tables(self._buffer)
        name = f"part-{self._next:06d}.parquet"
        tmp = self.path / f".{name}.tmp"
        pq.write_table(table, tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.path / name)
        _fsync_dir(self.path)
        self._next += 1
        self._buffer.clear()
        self._rows = 0


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
