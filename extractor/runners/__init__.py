"""Batch runners: discover article files, extract them in parallel, write resumable outputs.

Modules, one job each: ``discover`` (walking folders), ``tasks`` (reading, hashing, one
article's extraction), ``engines`` (this process, a process pool, Dask), ``writers`` (formats,
JSON Lines, the errors file), ``csv_writer``, ``parquet_writer``, ``sqlite_writer``, and
``batch`` (``run_batch`` and ``extract_many``, which tie them together).
"""

from __future__ import annotations

from extractor.runners.batch import BatchReport, extract_many, run_batch

__all__ = ["BatchReport", "extract_many", "run_batch"]
