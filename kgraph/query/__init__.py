"""Running SPARQL and printing results as a table, CSV or JSON."""

from kgraph.query.results import format_rows

__all__ = ["format_rows"]
