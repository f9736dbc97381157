"""SPARQL for users: named queries with bound parameters, and result formatting."""

from kgraph.query.named import (
    NamedQuery,
    QueryError,
    load_query,
    named_queries,
    parse_params,
)
from kgraph.query.results import format_rows

__all__ = ["NamedQuery", "QueryError", "format_rows", "load_query", "named_queries",
           "parse_params"]
