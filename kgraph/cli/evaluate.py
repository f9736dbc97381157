"""``kgraph eval``: the extraction scored against gold relations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgraph.cli.common import ModelOption, TableFormat, app, fail, warn
from kgraph.schema import relation_schema


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="Gold relations (JSON Lines), or an annotated corpus folder (documents.jsonl "
             "with tei/ or docs/), or a folder of such corpora.", show_default=False)],
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Documents a gold file describes (default: the gold file itself).",
        show_default=False)] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    model: ModelOption = None,
    misses: Annotated[int, typer.Option(help="How many misses to list (table format).")] = 20,
    by_rule: Annotated[bool, typer.Option(
        "--by-rule", help="Also each rule's true and false positives and precision.")] = False,
) -> None:
    """Precision, recall and F1 of the extraction against hand-annotated gold.

    Given a folder of corpora (e.g. ../shared/corpora), prints one row per corpus and
    their micro total.
    """
    from kgraph.errors import ModelNotFound
    from kgraph.evaluation import Report, load_gold, score
    from kgraph.evaluation.corpus import find_corpora, score_corpus
    from kgraph.extract import extract_documents, load_pipeline
    from kgraph.readers import ReaderError, read_paths

    try:
        nlp = load_pipeline(model)
        if gold.is_dir():
            reports = {c.name: score_corpus(c, nlp, on_error=warn) for c in find_corpora(gold)}
        else:
            documents = read_paths(paths or [gold], None if paths else "jsonl", on_error=warn)
            reports = {gold.stem: score(load_gold(gold), extract_documents(documents, nlp))}
    except (ModelNotFound, ReaderError, OSError) as error:
        fail(str(error))
    if len(reports) > 1:
        total = Report()
        for report in reports.values():
            total.add(report)
        reports["total (micro)"] = total
    if fmt is TableFormat.json:
        payload = next(iter(reports.values())).to_json() if len(reports) == 1 else \
            {name: r.to_json() for name, r in reports.items()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    _print(reports, fmt, misses, by_rule)


def _row(name: str, report) -> dict:
    row = {"corpus": name, "docs": report.documents,
           **{k: v for k, v in report.overall.to_json().items()}}
    for kind in relation_schema().names:
        counts = report.by_type.get(kind)
        row[f"{kind} F1"] = round(counts.f1, 3) if counts else ""
    for source in ("header", "body"):
        counts = report.by_source.get(source)
        row[f"{source} R"] = round(counts.recall, 3) if counts else ""
    row["dates"] = round(report.date_accuracy, 3)
    row["modality"] = round(report.modality_accuracy, 3)
    return row


def _print(reports: dict, fmt: TableFormat, misses: int, by_rule: bool) -> None:
    from kgraph.query import format_rows

    last = list(reports.values())[-1]
    if len(reports) == 1:
        rows = [{"scope": name, **counts.to_json()} for name, counts in
                [("overall", last.overall), *sorted(last.by_type.items()),
                 *((f"source:{k}", v) for k, v in sorted(last.by_source.items()))]]
    else:
        rows = [_row(name, report) for name, report in reports.items()]
    sys.stdout.write(format_rows(rows, fmt.value))
    if by_rule:
        sys.stdout.write(format_rows([{"rule": rule, **counts.to_json()} for rule, counts in
                                      sorted(last.by_rule.items())], fmt.value))
    if fmt is TableFormat.csv:
        return
    print(f"documents {last.documents}; date accuracy {last.date_accuracy:.3f} "
          f"({last.dates_matched} compared); modality accuracy {last.modality_accuracy:.3f}")
    if last.unmatched_gold_documents:
        print("gold documents not found: " + ", ".join(last.unmatched_gold_documents))
    if last.misses and misses:
        print(format_rows([vars(m) for m in last.misses[:misses]], "table"))
