"""Command-line interface: ``extractor extract|batch|evaluate``. The only module that prints.

Exit codes: 0 success, 1 some input failed, 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from extractor import __version__
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
    _add_batch_parser(commands)

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
    # Imported here: spaCy takes a second to import, and --help or bad usage need none of it.
    from extractor.api import extract, extract_file

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


def _add_batch_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "batch",
        help="extract every article under folders into one output, resumably",
        description="Walk each PATH (files and folders), extract every article and write one "
        "record per article to OUT, with its source path and content hash. Rerunning with the "
        "same OUT skips what is already there. Files that fail are listed, with the reason, in "
        "OUT.errors.jsonl next to OUT. Exit code 0: all files done; 1: some failed; 2: bad usage.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    p.add_argument("--out", required=True, help="output file (Parquet: a folder)")
    p.add_argument(
        "--format",
        choices=("jsonl", "parquet", "csv", "sqlite"),
        help="output format (default: from the extension of OUT; .jsonl .parquet .csv .sqlite)",
    )
    p.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file names to take inside folders (repeatable; default: *.txt *.html *.htm)",
    )
    p.add_argument(
        "--workers", type=_positive_int, help="extraction processes (default: the CPU cores)"
    )
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where to run")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.1:8786 (default: a local cluster)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument(
        "--model", help="an installed spaCy pipeline (name or path) whose NER feeds ours"
    )
    p.set_defaults(handler=_run_batch)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _run_batch(args: argparse.Namespace) -> int:
    # Imported here: tqdm and the runners (and through them pyarrow or Dask) are not needed
    # by the other commands, whose start-up time matters.
    from tqdm import tqdm

    from extractor.errors import ConfigError
    from extractor.runners import run_batch

    if args.scheduler and args.engine != "dask":
        print("extractor: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.engine == "dask" and not args.verbose:
        # Dask logs every cluster start and stop at INFO; read by Dask when it is imported.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    bar: list[tqdm] = []

    def start(total: int) -> None:
        bar.append(tqdm(total=total, unit="file", file=sys.stderr, disable=args.quiet))

    try:
        report = run_batch(
            args.paths,
            args.out,
            fmt=args.format,
            globs=args.glob or (),
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            model=args.model,
            on_start=start,
            on_file=lambda _outcome: bar[0].update(1),
        )
    except ConfigError as e:
        print(f"extractor: {e}", file=sys.stderr)
        return 2
    finally:
        if bar:
            bar[0].close()
    if not args.quiet:
        skipped = f", {report.skipped} already in the output" if report.skipped else ""
        duplicates = f", {report.duplicates} duplicates" if report.duplicates else ""
        errors = f" (see {report.errors_path})" if report.errors else ""
        print(
            f"extractor: {report.written} articles written{skipped}{duplicates}, "
            f"{report.deals} deals, {report.failed_checks} failed valuation checks, "
            f"{report.errors} errors{errors}, {report.seconds:.1f} s -> {report.out}",
            file=sys.stderr,
        )
    return 0 if report.ok else 1


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
    # Every command needs spaCy; the command-line app spaCy imports with it is not needed.
    from extractor.spacy_import import import_spacy_without_cli

    import_spacy_without_cli()
    try:
        return int(args.handler(args))
    except ExtractorError as e:
        print(f"extractor: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away ("extractor extract f.txt | head"): stop quietly, as Unix tools
        # do, and keep Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
