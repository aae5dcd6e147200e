"""Instructions per article of the pipeline, the floor and quantulum3 (valgrind's callgrind).

Timings on a shared machine drift by 20-50% within minutes, so small speed-ups drown in the
noise of ``scripts/benchmark.py``. Instruction counts are repeatable to well under 1%, which
makes them the way to compare two versions of the code. They are not time: Python code that
allocates many small objects runs fewer instructions per cycle than quantulum3's or spaCy's
tight loops, so the time ratios of ``benchmark.py`` remain the figures the targets are judged
by.

Each contender runs in its own process under ``valgrind --tool=callgrind`` with counting off;
it is built and warmed up (as in ``benchmark.py``), then counting is switched on for exactly one
pass over the timed articles:

- ``seen``: corpus/articles + the dev corpus, after one pass over the same articles;
- ``first0`` / ``first1``: one half of all 61 articles, after a pass over the other half.

Usage (needs valgrind, e.g. ``apt-get install valgrind``)::

    python scripts/count_instructions.py [--who full floor quantulum] [--modes seen first0 first1]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import FIRST_SIGHT_CORPORA, floor_pipeline, load_corpus, quantulum_parse

CONTENDERS = ("full", "floor", "quantulum")
MODES = ("seen", "first0", "first1")


def child(who: str, mode: str, ready: Path, go: Path) -> None:
    """Warm up, signal ``ready``, wait for ``go`` (counting is on by then), run one pass."""
    warnings.simplefilter("ignore")
    from extractor import extract
    from extractor.checks import fx
    from extractor.parsing.lazy_regex import compile_pending
    from extractor.reading import read_article

    if mode == "seen":
        warm = timed = [p.read_bytes() for p in load_corpus()]
    else:
        every = [p.read_bytes() for p in load_corpus(FIRST_SIGHT_CORPORA)]
        half = int(mode[-1])
        warm, timed = every[half::2], every[1 - half :: 2]
    run = extract
    if who != "full":  # the floor and quantulum3 get the clean text, as in benchmark.py
        warm = [read_article(d).text for d in warm]  # type: ignore[misc]
        timed = [read_article(d).text for d in timed]  # type: ignore[misc]
        run = floor_pipeline() if who == "floor" else quantulum_parse()
    for item in warm:
        run(item)
    fx.load_all_rates()
    compile_pending()
    ready.touch()
    while not go.exists():
        time.sleep(0.05)
    for item in timed:
        run(item)
    print(f"articles {len(timed)}", flush=True)
    os._exit(0)  # no interpreter teardown inside the count


def count(who: str, mode: str, workdir: Path) -> tuple[int, int]:
    """Instructions of one pass, and the number of articles in it."""
    ready, go, out = (workdir / f"{name}.{who}.{mode}" for name in ("ready", "go", "out"))
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--child",
        who,
        mode,
        str(ready),
        str(go),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    while not ready.exists():
        if process.poll() is not None:
            sys.exit(f"count_instructions: {who} {mode} exited before it was ready")
        time.sleep(0.2)
    switch_on = ["callgrind_control", "-i", "on", str(process.pid)]
    subprocess.run(switch_on, check=True, capture_output=True)
    go.touch()
    stdout, _ = process.communicate()
    articles = int(re.search(rb"articles (\d+)", stdout).group(1))  # type: ignore[union-attr]
    summary = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    assert summary is not None, f"no totals in {out}"
    return int(summary.group(1)), articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--who", nargs="+", choices=CONTENDERS, default=list(CONTENDERS))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        who, mode, ready, go = args.child
        child(who, mode, Path(ready), Path(go))
    with tempfile.TemporaryDirectory() as tmp:
        per_article: dict[tuple[str, str], float] = {}
        for mode in args.modes:
            for who in args.who:
                instructions, articles = count(who, mode, Path(tmp))
                per_article[who, mode] = instructions / articles
                print(f"{mode:7s} {who:10s} {instructions / articles / 1e6:9.1f} M per article")
        for mode in args.modes:
            full = per_article.get(("full", mode))
            floor = per_article.get(("floor", mode))
            quantulum = per_article.get(("quantulum", mode))
            if full and floor:
                print(f"{mode:7s} full vs floor:      {full / floor:6.2f}x")
            if full and quantulum:
                print(f"{mode:7s} quantulum3 vs full: {quantulum / full:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
