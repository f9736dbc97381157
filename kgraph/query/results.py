"""Query results as text: ``table`` (for people), ``csv`` and ``json`` (for tools).

>>> print(format_rows([{"a": "x", "n": 2}], "csv").strip())
a,n
x,2
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("table", "csv", "json")


def _short(value: Any) -> str:
    """IRIs under kgraph's id namespace shortened for the table view."""
    text = "" if value is None else str(value)
    for prefix, short in (("https://w3id.org/kgraph/id/", "kgr:"),
                          ("https://w3id.org/kgraph/ontology#", "kg:")):
        if text.startswith(prefix):
            return short + text[len(prefix):]
    return text


def _table(rows: list[dict[str, Any]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    columns = list(rows[0]) if rows else []
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_short(row[c]) for c in columns))
    console = Console(file=io.StringIO(), width=160, record=True)
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    text = console.export_text()
    return text if text.endswith("\n") else text + "\n"


def format_rows(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Rows of a SELECT as text in `fmt` (``table``, ``csv`` or ``json``)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
        return out.getvalue()
    if fmt == "table":
        return _table(rows)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
