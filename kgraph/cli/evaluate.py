"""``kgraph eval``: the extraction scored against gold relations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgraph.cli.common import ModelOption, TableFormat, app, fail, warn


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold relations, JSON Lines.", show_default=False)],
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Documents the gold describes (default: the gold file itself).",
        show_default=False)] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    model: ModelOption = None,
    misses: Annotated[int, typer.Option(help="How many misses to list (table format).")] = 20,
) -> None:
    """Precision, recall and F1 of the extraction against hand-annotated gold."""
    from kgraph.errors import ModelNotFound
    from kgraph.evaluation import load_gold, score
    from kgraph.extract import extract_documents, load_pipeline
    from kgraph.readers import ReaderError, read_paths

    try:
        gold_documents = load_gold(gold)
        documents = read_paths(paths or [gold], None if paths else "jsonl",
                               on_error=warn)
        report = score(gold_documents, extract_documents(documents, load_pipeline(model)))
    except (ModelNotFound, ReaderError, OSError) as error:
        fail(str(error))
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    _print_report(report, fmt, misses)


def _print_report(report, fmt: TableFormat, misses: int) -> None:
    from kgraph.query import format_rows

    rows = [{"scope": name, **counts.to_json()} for name, counts in
            [("overall", report.overall), *sorted(report.by_type.items()),
             *((f"source:{k}", v) for k, v in sorted(report.by_source.items()))]]
    sys.stdout.write(format_rows(rows, fmt.value))
    if fmt is TableFormat.csv:
        return
    print(f"documents {report.documents}; date accuracy {report.date_accuracy:.3f} "
          f"({report.dates_matched} compared); modality accuracy {report.modality_accuracy:.3f}")
    if report.unmatched_gold_documents:
        print("gold documents not found: " + ", ".join(report.unmatched_gold_documents))
    if report.misses and misses:
        print(format_rows([vars(m) for m in report.misses[:misses]], "table"))
