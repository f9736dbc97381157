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
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

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
RELATION_COLOUR = {"sentLetterTo": "#1f77b4", "metWith": "#2ca02c", "defectedFrom": "#d62728"}
DIRECTED = {"sentLetterTo", "defectedFrom"}
LARGE = 300  # above this many nodes the page starts from a computed layout

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


def _edge_title(source: str, target: str, data: dict[str, Any], labels: dict[str, str]) -> str:
    parts = [f"{labels.get(source, source)} {data.get('relation')} {labels.get(target, target)}",
             f"Date: {data.get('date') or 'unknown'} · {data.get('modality')}"]
    if data.get("medium"):
        parts[-1] += f" · {data['medium']}"
    parts.append(f"“{data.get('evidence', '')}”")
    parts.append(f"Source: {data.get('document_title') or data.get('document')}")
    return "\n".join(parts)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """A starting layout for big graphs, so the browser only has to settle it."""
    simple = nx.Graph(graph)
    layout = nx.spring_layout(simple, iterations=15, seed=1, scale=40 * len(simple) ** 0.5)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


def build_network(graph: nx.MultiDiGraph, size_by: str = "degree") -> Network:
    """A PyVis network for an actor graph (nodes and edges filled directly: fast)."""
    net = Network(height="100%", width="100%", directed=True, notebook=False,
                  cdn_resources="in_line")
    labels = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    size = scores(graph, size_by)
    top = max(size.values(), default=0) or 1
    positions = _positions(graph) if graph.number_of_nodes() > LARGE else {}
    for node, data in graph.nodes(data=True):
        colour, shape = TYPE_STYLE.get(data.get("type", ""), TYPE_STYLE["Organization"])
        item = {
            "id": node, "label": data.get("label", node), "title": _node_title(data),
            "color": colour, "shape": shape, "size": 8 + 30 * (size.get(node, 0) / top) ** 0.5,
            "group": data.get("type", "Organization"),
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        net.nodes.append(item)
        net.node_ids.append(node)
    for i, (source, target, data) in enumerate(graph.edges(data=True)):
        relation = data.get("relation", "")
        net.edges.append({
            "id": i, "from": source, "to": target,
            "title": _edge_title(source, target, data, labels),
            "color": RELATION_COLOUR.get(relation, "#888"),
            "arrows": "to" if relation in DIRECTED else "",
            "dashes": data.get("modality") != "asserted",
            "relation": relation, "modality": data.get("modality"),
            "year": _year(data.get("date")),
        })
    large = graph.number_of_nodes() > LARGE
    net.set_options(json.dumps({
        "layout": {"improvedLayout": False},
        "physics": {"solver": "barnesHut",
                    "stabilization": {"enabled": True, "iterations": 120 if large else 300,
                                      "updateInterval": 25},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 160,
                                  "damping": 0.4 if large else 0.09}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "nodes": {"font": {"size": 14}, "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {"smooth": False if large else {"type": "dynamic"}},
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


def render_page(net: Network, title: str, note: str = "") -> str:
    """The complete HTML text of the page."""
    template = resources.files("kgraph.viz").joinpath("assets/page.html").read_text("utf-8")
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    data = {
        "title": title, "note": note, "nodes": net.nodes, "edges": net.edges, "options": options,
        "types": [[kind, colour] for kind, (colour, _) in TYPE_STYLE.items()],
        "relations": [[rel, colour] for rel, colour in RELATION_COLOUR.items()],
    }
    values = {
        "title": _escape(title),
        "vis_css": _asset("vis-9.1.2", "vis-network.css"),
        "vis_js": _asset("vis-9.1.2", "vis-network.min.js"),
        "data_json": _safe_json(data),
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)


def page_html(graph: nx.MultiDiGraph, title: str = "kgraph", size_by: str = "degree",
              max_nodes: int = 1500) -> str:
    """The page for `graph` as text; over `max_nodes` actors, the top ones by `size_by`."""
    connected = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    shown = keep_top(connected, size_by, max_nodes)
    note = f"{shown.number_of_nodes()} actors, {shown.number_of_edges()} relations"
    if shown.number_of_nodes() < connected.number_of_nodes():
        note += (f"; the top {max_nodes} actors by {size_by} — left out "
                 f"{connected.number_of_nodes() - shown.number_of_nodes()} actors and "
                 f"{connected.number_of_edges() - shown.number_of_edges()} relations")
    if isolated := graph.number_of_nodes() - connected.number_of_nodes():
        note += f"; {isolated} actors with no relation not drawn"
    return render_page(build_network(shown, size_by), title, note)


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
