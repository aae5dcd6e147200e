"""Recompute the evaluation scores and raise the quality gate's floors to them.

Floors only go up. A score below its floor is refused (nothing is written) unless
``--allow-lower --reason "..."`` is given; the reason is recorded in the floors file and must
be repeated in the commit message. The gold data's fingerprint is refreshed on every write,
which is what a changed corpus needs.

Usage:
    python scripts/update_floors.py [--corpus NAME ...] [--dry-run] [--markdown]
    python scripts/update_floors.py --allow-lower --reason "harder articles added"
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from extractor.errors import ExtractorError
from extractor.evaluation import evaluate_corpus, fingerprint_corpus
from extractor.evaluation.gate import as_floor, headline
from extractor.nlp import build_nlp

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "scripts" / "eval_floors.json"
#: The corpora the gate knows, by name, with their paths relative to the repository.
CORPORA = {
    "corpus": "corpus",
    "heldout": "corpus/heldout",  # scored only: never tuned on
    "dev-corpus": "../shared/dev-corpus",
}


def load_floors(path: Path | None = None) -> dict[str, Any]:
    path = path or FLOORS
    if not path.is_file():
        return {"about": "quality gate floors; see scripts/update_floors.py", "corpora": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_atomically(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".floors-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, sort_keys=False)
        f.write("\n")
    os.replace(tmp, path)


def markdown_table(table: dict[str, dict[str, float]]) -> str:
    """The current scores of each corpus as a Markdown table, for the README."""
    names = list(table)
    lines = [
        "| metric | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for metric in next(iter(table.values())):
        cells = " | ".join(f"{table[n][metric]:.3f}" for n in names)
        lines.append(f"| {metric.replace('_', ' ')} | {cells} |")
    return "\n".join(lines)


def update(args: argparse.Namespace) -> int:
    data = load_floors()
    data.setdefault("corpora", {})
    data.setdefault("lowered", [])
    nlp = build_nlp()
    refused: list[str] = []
    table: dict[str, dict[str, float]] = {}
    today = dt.date.today().isoformat()
    for name in args.corpus or list(CORPORA):
        root = REPO / CORPORA[name]
        if not any((root / "gold").glob("*.json")):
            print(f"{name}: {root} has no gold files, its floors are kept")
            continue
        scores = headline(evaluate_corpus(root, nlp=nlp).metrics())
        table[name] = scores
        entry = data["corpora"].setdefault(name, {"path": CORPORA[name], "floors": {}})
        old_print = entry.get("fingerprint")
        entry["fingerprint"] = fingerprint_corpus(root)
        if old_print and old_print != entry["fingerprint"]:
            print(f"{name}: gold data changed, fingerprint updated")
        floors: dict[str, float] = entry.setdefault("floors", {})
        for retired in sorted(set(floors) - set(scores)):
            print(f"{name}: {retired} is no longer gated, its floor is removed")
            del floors[retired]
        for metric, value in scores.items():
            new, old = as_floor(value), floors.get(metric)
            if old is None or new >= old:
                if old is not None and new > old:
                    print(f"{name}: {metric} floor raised {old:.4f} -> {new:.4f}")
                floors[metric] = max(new, old or 0.0)
            elif args.allow_lower:
                print(f"{name}: {metric} floor LOWERED {old:.4f} -> {new:.4f}")
                floors[metric] = new
                data["lowered"].append(
                    {
                        "date": today,
                        "corpus": name,
                        "metric": metric,
                        "from": old,
                        "to": new,
                        "reason": args.reason,
                    }
                )
            else:
                refused.append(f"{name}: {metric} is {value:.4f}, below its floor {old:.4f}")
    if args.markdown and table:
        print(markdown_table(table))
    if refused:
        print("Refusing to lower floors (use --allow-lower --reason '...'):", file=sys.stderr)
        for line in refused:
            print(f"  {line}", file=sys.stderr)
        return 1
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    write_atomically(FLOORS, data)
    print(f"wrote {FLOORS.relative_to(REPO)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    parser.add_argument("--allow-lower", action="store_true", help="let floors go down")
    parser.add_argument("--reason", help="why floors go down (required with --allow-lower)")
    parser.add_argument("--markdown", action="store_true", help="print the scores as a table")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    if args.allow_lower and not (args.reason and args.reason.strip()):
        parser.error("--allow-lower needs --reason '...'")
    try:
        return update(args)
    except ExtractorError as e:
        print(f"update_floors: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
