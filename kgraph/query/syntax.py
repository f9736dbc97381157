"""SPARQL syntax errors told in the user's terms: their line and column, a readable reason.

kgraph puts its PREFIX lines in front of every query, so Oxigraph's positions
are shifted by that many lines; and its parser reports what it expected at the
furthest point it reached ("expected CONSTRUCT" for ``SELEC``, a list of
character classes for an unknown prefix). `explain` finds the usual mistakes in
the user's own text first and falls back on Oxigraph's position, shifted back.

>>> explain("error at 13:10: expected CONSTRUCT", "SELEC ?a WHERE { ?a ?b ?c }", 12)
"line 1, column 1: 'SELEC' does not start a query; write SELECT, ASK, CONSTRUCT or DESCRIBE"
"""

from __future__ import annotations

import re

from kgraph.graph.namespaces import PREFIXES
from kgraph.query.named import QueryError

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_POSITION = re.compile(r"at (\d+):(\d+):?\s*(.*)", re.S)
_COMMENT = re.compile(r"#[^\n]*")
_LITERAL = re.compile(r"<[^<>\s\"{}|^`\\]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_WORD = re.compile(r"[A-Za-z_][\w:-]*|\S")


class SparqlSyntaxError(QueryError):
    """A query that does not parse; the message gives the user's line and column."""


def _blank(match: re.Match) -> str:
    """Text of the same length without its content, so positions stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _code(sparql: str) -> str:
    """The query with comments, IRIs and strings blanked out (positions unchanged)."""
    return _LITERAL.sub(_blank, _COMMENT.sub(_blank, sparql))


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _unknown_prefix(code: str) -> str | None:
    declared = {m.group(1) or "" for m in _DECLARED.finditer(code)}
    for match in _PREFIXED.finditer(code):
        name = match.group(1) or ""
        if name not in PREFIXES and name not in declared:
            line, column = _line_column(code, match.start())
            return (f"line {line}, column {column}: unknown prefix '{name}:'; the predefined "
                    f"ones are {', '.join(PREFIXES)}; declare others with "
                    f"PREFIX {name}: <…>")
    return None


def _wrong_form(code: str) -> str | None:
    body = re.sub(r"^\s*((PREFIX\s+[\w.-]*:\s*<?\s*>?|BASE\s*<?\s*>?)\s*)*", "", code,
                  flags=re.I)
    word = _WORD.search(body)
    if word is None:
        return "the query is empty"
    if word.group(0).upper() in FORMS:
        return None
    line, column = _line_column(code, len(code) - len(body) + word.start())
    return (f"line {line}, column {column}: '{word.group(0)}' does not start a query; "
            f"write {', '.join(FORMS[:-1])} or {FORMS[-1]}")


def _unclosed(code: str) -> str | None:
    for opening, closing in ("{}", "()", "[]"):
        if code.count(opening) > code.count(closing):
            return f"the query ends before every '{opening}' is closed with '{closing}'"
        if code.count(closing) > code.count(opening):
            at = _line_column(code, code.rfind(closing))
            return f"line {at[0]}, column {at[1]}: a '{closing}' with no '{opening}' to close"
    return None


def _expected(reason: str) -> str:
    """Oxigraph's list of expected tokens without its character classes."""
    wanted = re.sub(r"\[[^\]]*\]", "", reason.partition("expected")[2])
    tokens = [t.strip() for t in wanted.replace("one of", "").split(",")]
    tokens = [t for t in tokens if t and "not found" not in t and not t.startswith("'")]
    failed = [t for t in tokens if t.endswith("failed")]  # "IRI parsing failed"
    if failed:
        return f"; {failed[0]}"
    return f"; expected {', '.join(tokens[:8])}" if tokens else ""


def _near(sparql: str, line: int, column: int) -> str:
    lines = sparql.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text[max(column - 1, 0):].strip()[:30]


def _second_opinion(sparql: str) -> tuple[int, int] | None:
    """Where rdflib's parser stops: it names the first token it cannot take, where
    Oxigraph's often reports the end of the text."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except ParseException as error:
        return error.lineno, error.col
    except Exception:  # noqa: BLE001 (a second opinion only; Oxigraph's stands)
        return None
    return None


def explain(message: str, sparql: str, prefix_lines: int) -> str:
    """One line for a syntax error in `sparql`, which was run after `prefix_lines` lines."""
    code = _code(sparql)
    for check in (_wrong_form, _unknown_prefix, _unclosed):
        if found := check(code):
            return found
    match = _POSITION.search(message)
    if match is None:
        return message.splitlines()[0]
    line, column = int(match.group(1)) - prefix_lines, int(match.group(2))
    expected = _expected(match.group(3))
    if not _near(sparql, line, column) and (better := _second_opinion(sparql)):
        (line, column), expected = better, ""
    if near := _near(sparql, line, column):
        return f"line {line}, column {column}: unexpected '{near}'{expected}"
    return f"line {line}, column {column}: the query ends too early{expected}"
