"""Command-line interface: ``extractor extract|batch|evaluate``. The only module that prints.

Exit codes: 0 success, 1 some input failed, 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from extractor import __version__
from extractor.api import extract, extract_file
from extractor.errors import ExtractorError

logger = logging.getLogger("extractor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Read business news and turn it into structured, checked deal records.",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "extract",
        help="print one JSON record per article file",
        description="Extract each FILE (text or HTML, any encoding; '-' reads stdin) and print "
        "its record as one line of JSON.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article file, or - for stdin")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument(
        "--model", help="an installed spaCy pipeline (name or path) whose NER feeds ours"
    )
    p.set_defaults(handler=_run_extract)

    # NOTE: batch and evaluate register their sub-commands here.

    p = commands.add_parser(
        "evaluate",
        help="score the extractor against a gold corpus",
        description="Extract every article of CORPUS_DIR (articles/ and gold/ sub-folders) and "
        "print precision, recall, F1 and field accuracies against the gold annotations.",
    )
    p.add_argument("corpus", metavar="CORPUS_DIR", help="folder with articles/ and gold/")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--report", action="store_true", help="also print each article's differences")
    p.add_argument(
        "--model", help="an installed spaCy pipeline (name or path) whose NER feeds ours"
    )
    p.set_defaults(handler=_run_evaluate)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            if name == "-":
                record = extract(sys.stdin.buffer.read(), source="<stdin>", model=args.model)
            else:
                record = extract_file(name, model=args.model)
        except ExtractorError as e:
            print(f"extractor: {name}: {e}", file=sys.stderr)
            failed += 1
            continue
        payload = record.model_dump(mode="json")
        print(json.dumps(payload, ensure_ascii=False, indent=2 if args.pretty else None))
    return 1 if failed else 0


def _run_evaluate(args: argparse.Namespace) -> int:
    # Imported here: the evaluation package is a runner, not needed to extract.
    from extractor.evaluation import evaluate_corpus
    from extractor.evaluation.report import format_report, to_json

    score = evaluate_corpus(args.corpus, model=args.model)
    if args.json:
        print(json.dumps(to_json(score, corpus=args.corpus), ensure_ascii=False, indent=2))
    else:
        print(format_report(score, title=f"corpus: {args.corpus}", articles=args.report))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args))
    except ExtractorError as e:
        print(f"extractor: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
