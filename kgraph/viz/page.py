"""The interactive graph page: a PyVis network in one self-contained HTML file.

PyVis holds the nodes, edges and options; the page template inlines
vis-network's code and styles from PyVis's own package data, so the file opens
offline with no network request. Text from documents reaches the page only as
JSON data (with ``<``, ``>`` and ``&`` escaped) and is shown with
``textContent`` (vis-network 9 also puts string tooltips in as text), so a name
like ``<img src=x onerror=alert(1)>`` stays text.

>>> write_page(graph, "build/graph.html", title="Sample corpus")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
from pyvis.network import Network

from kgraph.schema import relation_schema
from kgraph.types import MODALITIES
from kgraph.viz.layout import place
from kgraph.viz.size import MEASURES, keep_top, scores

TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#59a14f", "diamond"),
    "Ministry": ("#f28e2b", "square"),
    "Embassy": ("#edc948", "square"),
    "Party": ("#e15759", "triangle"),
    "Government": ("#b07aa1", "square"),
    "Institution": ("#9c755f", "square"),
    "Organization": ("#bab0ac", "square"),
}
LARGE = 300  # above this many nodes edges are drawn straight and hidden while dragging

__all__ = ["MEASURES", "PageView", "build_network", "page_html", "render_page", "write_page"]


def _node_title(data: dict[str, Any]) -> str:
    lines = [f"{data.get('label')} ({data.get('type')})"]
    if data.get("country") and data.get("type") != "Country":
        lines.append(f"Country: {data['country']}")
    if data.get("aliases"):
        lines.append("Also: " + "; ".join(data["aliases"]))
    if data.get("roles"):
        lines.append("Roles: " + "; ".join(data["roles"]))
    return "\n".join(lines)


def source_line(data: dict[str, Any]) -> str:
    """Which document says so: ``id · no. 12 · 1966-11-02 · title``."""
    parts = [data.get("document_id") or str(data.get("document") or "").rsplit("/", 1)[-1]]
    if data.get("document_number"):
        parts.append(f"no. {data['document_number']}")
    if data.get("document_date"):
        parts.append(data["document_date"])
    if data.get("document_title"):
        parts.append(data["document_title"])
    return " · ".join(p for p in parts if p)


def _edge_title(source: str, target: str, data: dict[str, Any], labels: dict[str, str]) -> str:
    parts = [f"{labels.get(source, source)} {data.get('relation')} {labels.get(target, target)}",
             f"Date: {data.get('date') or 'unknown'} · {data.get('modality')}"]
    if data.get("medium"):
        parts[-1] += f" · {data['medium']}"
    parts.append(f"“{data.get('evidence', '')}”")
    parts.append(f"Source: {source_line(data)}")
    if len(data.get("sources") or []) > 1:  # one event, told by several documents
        parts[-1] = f"Sources ({len(data['sources'])}): " + "; ".join(
            unquote(source.rsplit("/", 1)[-1]) for source in data["sources"])
    return "\n".join(parts)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _node_item(node: str, data: dict[str, Any], size: float, rank: int,
               position: tuple[float, float]) -> dict[str, Any]:
    colour, shape = TYPE_STYLE.get(data.get("type", ""), TYPE_STYLE["Organization"])
    return {
        "id": node, "label": data.get("label", node), "title": _node_title(data),
        "color": colour, "shape": shape, "size": size,
        "x": position[0], "y": position[1], "rank": rank,
        "kind": data.get("type", "Organization"), "country": data.get("country"),
        "aliases": data.get("aliases") or [], "roles": data.get("roles") or [],
    }


def _edge_item(i: int, source: str, target: str, data: dict[str, Any],
               labels: dict[str, str], parallel: int, large: bool) -> dict[str, Any]:
    relation = data.get("relation", "")
    kind = relation_schema().get(relation)
    colour = kind.colour if kind else "#888"
    item = {
        "id": i, "from": source, "to": target,
        "title": _edge_title(source, target, data, labels),
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.6},
        "arrows": "to" if kind and not kind.symmetric else "",
        "dashes": data.get("modality") != "asserted",
        "relation": relation, "modality": data.get("modality"),
        "year": _year(data.get("date")), "date": data.get("date"),
        "evidence": data.get("evidence") or "", "source": source_line(data),
    }
    if not large:  # parallel edges fan out instead of drawing over each other
        item["smooth"] = {"enabled": parallel > 0, "type": "curvedCW",
                          "roundness": 0.12 * parallel}
    return item


def build_network(graph: nx.MultiDiGraph, size_by: str = "degree") -> Network:
    """A PyVis network for an actor graph, every actor at its stored position
    (`kgraph.viz.layout.place`), nodes and edges filled directly (fast)."""
    net = Network(height="100%", width="100%", directed=True, notebook=False,
                  cdn_resources="in_line")
    labels = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    score = scores(graph, size_by)
    top = max(score.values(), default=0) or 1
    size = {n: 7 + 17 * (score.get(n, 0) / top) ** 0.5 for n in graph}
    positions = place(graph, size, labels)
    ranked = sorted(graph, key=lambda n: (-score.get(n, 0.0), str(labels[n])))
    rank = {n: i for i, n in enumerate(ranked)}
    for node, data in graph.nodes(data=True):
        net.nodes.append(_node_item(node, data, size[node], rank[node], positions[node]))
        net.node_ids.append(node)
    large = graph.number_of_nodes() > LARGE
    seen: Counter = Counter()
    for i, (source, target, data) in enumerate(graph.edges(data=True)):
        pair = tuple(sorted((str(source), str(target))))
        net.edges.append(_edge_item(i, source, target, data, labels, seen[pair], large))
        seen[pair] += 1
    net.set_options(json.dumps({
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "nodes": {"font": {"size": 14, "face": "arial", "color": "#1a1a1a", "strokeWidth": 4,
                           "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 12, "maxVisible": 28}}},
        "edges": {"smooth": False, "width": 1.5, "selectionWidth": 2,
                  "arrows": {"to": {"scaleFactor": 0.6}}},
    }))
    return net


def _safe_json(value: Any) -> str:
    """JSON that cannot close the surrounding <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", *parts).read_text("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _present(values: list[str | None], order: list[str]) -> list[str]:
    """The values of `order` that occur, in that order (then any others)."""
    found = {v for v in values if v}
    return [v for v in order if v in found] + sorted(found - set(order))


def render_page(net: Network, title: str, note: str = "") -> str:
    """The complete HTML text of the page."""
    assets = resources.files("kgraph.viz").joinpath("assets")
    template = assets.joinpath("page.html").read_text("utf-8")
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    schema = relation_schema()
    relations = _present([e["relation"] for e in net.edges], list(schema.names))
    data = {
        "title": title, "note": note, "nodes": net.nodes, "edges": net.edges, "options": options,
        "types": [[kind, TYPE_STYLE[kind][0]] for kind in
                  _present([n["kind"] for n in net.nodes], list(TYPE_STYLE))
                  if kind in TYPE_STYLE],
        "relations": [[rel, kind.colour if (kind := schema.get(rel)) else "#888"]
                      for rel in relations],
        # How the actor panel says each type, and which have no direction.
        "phrases": {kind.name: list(kind.phrases) for kind in schema.relations},
        "symmetric": [kind.name for kind in schema.relations if kind.symmetric],
        "modalities": _present([e["modality"] for e in net.edges], list(MODALITIES)),
    }
    values = {
        "title": _escape(title),
        "vis_css": _asset("vis-9.1.2", "vis-network.css"),
        "vis_js": _asset("vis-9.1.2", "vis-network.min.js"),
        "page_js": assets.joinpath("page.js").read_text("utf-8"),
        "data_json": _safe_json(data),
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)


def page_html(graph: nx.MultiDiGraph, title: str = "kgraph", size_by: str = "degree",
              max_nodes: int = 1500) -> str:
    """The page for `graph` as text; over `max_nodes` actors, the top ones by `size_by`."""
    connected = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    shown = keep_top(connected, size_by, max_nodes)
    notes = []  # the page itself shows how many actors and relations are drawn
    if shown.number_of_nodes() < connected.number_of_nodes():
        notes.append(f"the top {max_nodes} actors by {size_by} — left out "
                     f"{connected.number_of_nodes() - shown.number_of_nodes()} actors and "
                     f"{connected.number_of_edges() - shown.number_of_edges()} relations")
    if isolated := graph.number_of_nodes() - connected.number_of_nodes():
        notes.append(f"{isolated} actors with no relation not drawn")
    return render_page(build_network(shown, size_by), title, "; ".join(notes))


def write_page(graph: nx.MultiDiGraph, path: str | Path, title: str = "kgraph",
               size_by: str = "degree", max_nodes: int = 1500) -> Path:
    """Write the page for `graph` to `path` (see `page_html`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(graph, title, size_by, max_nodes), encoding="utf-8")
    return path


class PageView:
    """The page inline in Jupyter: an iframe whose document is the whole page (offline).

    >>> PageView("<p>hi</p>")._repr_html_()[:7]
    '<iframe'
    """

    def __init__(self, html: str, height: str = "650px"):
        self.html = html
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{escape(self.html, quote=True)}" '
                f'style="width:100%;height:{escape(self.height)};border:0"></iframe>')
