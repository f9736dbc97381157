"""Named queries: the SPARQL files in ``kgraph/queries/``, with bound parameters.

Each file starts with comment lines: the first says what it answers, and each
``# @param name: description`` line declares a parameter, used as ``?name`` in
the query. Values are bound as RDF literals in a ``VALUES`` block, serialised by
rdflib, so quotes, braces or ``#`` in a value stay inside the literal. A query
that uses ``?nameKey`` for a parameter ``name`` also gets the value's spelling-
insensitive key (`name_key`), matched against actors' indexed ``kg:nameKey``;
a query that uses ``?periodYear`` with parameters ``from`` and ``to`` also gets
every year of the period, to join with the events' indexed ``kg:year`` (a range
FILTER alone makes Oxigraph read every event); a query that uses ``?relationEdge`` for
a parameter ``relation`` also gets that type's direct-edge property and its role
predicates, ``?relationSubjectRole`` and ``?relationObjectRole``, from the relation schema
(`kgraph.schema`), so that it serves every declared type. ``{{relation_roles}}`` in a
query's text stands for the rows ``(kg:sender kg:recipient "wrote to")`` … of every type:
each role, the other end's role and the phrase (``phrases`` in the schema):

>>> q = load_query("correspondents")
>>> list(q.params)
['person']
>>> 'VALUES (?person ?personKey) { ("Kim \\\\"} #" "kim") }' in q.bind(person='Kim "} #')
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kgraph.graph.namespaces import KG
from kgraph.normalize.names import name_key
from kgraph.schema import extension_setting, relation_schema

_PARAM = re.compile(r"^#\s*@param\s+(?P<name>\w+)\s*:\s*(?P<description>.*)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


class QueryError(ValueError):
    """A named query that does not exist, or parameters that do not fit it."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]
    text: str

    def bindings(self, **values: str) -> dict[str, str]:
        """Variable name → value for every parameter (and ``…Key`` lookup keys)."""
        missing = [p for p in self.params if p not in values]
        unknown = [v for v in values if v not in self.params]
        if missing or unknown:
            wanted = ", ".join(f"{p}=…" for p in self.params) or "no parameters"
            problem = f"missing {', '.join(missing)}" if missing else \
                f"unknown {', '.join(unknown)}"
            raise QueryError(f"query '{self.name}': {problem} (it takes {wanted})")
        bound = {p: str(values[p]) for p in self.params}
        for p in self.params:  # ?personKey: the spelling-insensitive key of ?person
            if f"?{p}Key" in self.text:
                bound[f"{p}Key"] = name_key(bound[p])
        if "?periodYear" in self.text:
            bound["periodYear"] = period_years(bound["from"], bound["to"], self.name)
        for p in self.params:
            if f"?{p}Edge" in self.text:
                bound |= _relation_terms(p, bound[p], self.name)
        return bound

    def bind(self, **values: str) -> str:
        """The query text with every parameter bound to a literal in a VALUES block."""
        return with_values(self.text, self.bindings(**values), self.name)


MAX_YEARS = 1000


def _relation_terms(param: str, value: str, name: str) -> dict[str, URIRef]:
    """``?relationEdge``, ``?relationSubjectRole``, ``?relationObjectRole`` for a type."""
    kind = relation_schema().get(value)
    if kind is None:
        raise QueryError(f"query '{name}': {param} {value!r} is not a relation type; use "
                         f"{relation_schema().choices()}")
    return {f"{param}Edge": KG[kind.name], f"{param}SubjectRole": KG[kind.roles[0]],
            f"{param}ObjectRole": KG[kind.roles[1]]}


def period_years(start: str, end: str, name: str = "query") -> list[Literal]:
    """Every year from `start` to `end` (ISO dates of any precision), as xsd:gYear.

    >>> [str(y) for y in period_years("1964-06", "1966")]
    ['1964', '1965', '1966']
    """
    years = []
    for value in (start, end):
        if not re.match(r"^\d{4}(-|$)", value):
            raise QueryError(f"query '{name}': {value!r} is not a date like 1964, 1964-06 "
                             "or 1964-06-03")
        years.append(int(value[:4]))
    if years[1] - years[0] > MAX_YEARS:
        raise QueryError(f"query '{name}': a period of more than {MAX_YEARS} years")
    return [Literal(f"{y:04d}", datatype=XSD.gYear) for y in range(years[0], years[1] + 1)]


def with_values(text: str, bindings: dict[str, str | URIRef | list[Literal]],
                name: str = "query") -> str:
    """`text` with VALUES blocks binding `bindings` right after WHERE {: the single
    values in one row (strings as literals, IRIs as IRIs), each list as the values of its
    own variable."""
    if not bindings:
        return text
    single = {k: v for k, v in bindings.items() if not isinstance(v, list)}
    names = " ".join(f"?{p}" for p in single)
    terms = " ".join((value if isinstance(value, URIRef) else Literal(value)).n3()
                     for value in single.values())
    block = f"VALUES ({names}) {{ ({terms}) }}\n" if single else ""
    for variable, values in bindings.items():
        if isinstance(values, list):
            block += f"  VALUES ?{variable} {{ {' '.join(v.n3() for v in values)} }}\n"
    match = _WHERE.search(text)
    if match is None:
        raise QueryError(f"{name}: no WHERE clause to bind parameters in")
    return text[:match.end()] + "\n  " + block + text[match.end():]


def relation_roles() -> str:
    """VALUES rows (role, the other end's role, phrase) for every relation type, both ways
    for a directed one."""
    rows = []
    for kind in relation_schema().relations:
        first, second = (KG[role].n3() for role in kind.roles)
        rows.append(f"({first} {second} {Literal(kind.phrases[0]).n3()})")
        if not kind.symmetric:
            rows.append(f"({second} {first} {Literal(kind.phrases[1]).n3()})")
    return " ".join(rows)


def _parse(name: str, text: str) -> NamedQuery:
    text = text.replace("{{relation_roles}}", relation_roles())
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    description = header[0].lstrip("# ").strip() if header else ""
    params = {m.group("name"): m.group("description").strip()
              for line in header if (m := _PARAM.match(line))}
    return NamedQuery(name, description, params, text)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with kgraph, by name."""
    return _named_queries(extension_setting())


@lru_cache(maxsize=4)
def _named_queries(setting: str) -> dict[str, NamedQuery]:
    folder = resources.files("kgraph").joinpath("queries")
    return {item.name[:-3]: _parse(item.name[:-3], item.read_text("utf-8"))
            for item in sorted(folder.iterdir(), key=lambda i: i.name)
            if item.name.endswith(".rq")}


def load_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query '{name}'; there are: {', '.join(queries)}")
    return queries[name]


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["person=Kim Jong-un"]`` → ``{"person": "Kim Jong-un"}``."""
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: write it as key=value")
        params[key.strip()] = value
    return params
