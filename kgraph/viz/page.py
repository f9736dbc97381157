"""The interactive graph page: a PyVis network in one self-contained HTML file.

PyVis holds the nodes, edges and options; the page template inlines
vis-network's code and styles from PyVis's own package data, so the file opens
offline with no network request. Text from documents reaches the page only as
JSON data (with ``<``, ``>`` and ``&`` escaped) and is shown with
``textContent``, so a name like ``<img src=x onerror=alert(1)>`` stays text.

>>> write_page(graph, "build/graph.html", title="Sample corpus")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

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


def _node_title(data: dict[str, Any]) -> str:
    lines = [f"{data['label']} ({data['type']})"]
    if data.get("aliases"):
        lines.append("Also: " + "; ".join(data["aliases"]))
    if data.get("roles"):
        lines.append("Roles: " + "; ".join(data["roles"]))
    return "\n".join(lines)


def _edge_title(source: str, target: str, data: dict[str, Any], labels: dict[str, str]) -> str:
    parts = [f"{labels.get(source, source)} {data['relation']} {labels.get(target, target)}",
             f"Date: {data.get('date') or 'unknown'} · {data.get('modality')}"]
    if data.get("medium"):
        parts[-1] += f" · {data['medium']}"
    parts.append(f"“{data.get('evidence', '')}”")
    parts.append(f"Source: {data.get('document_title') or data.get('document')}")
    return "\n".join(parts)


def build_network(graph: nx.MultiDiGraph) -> Network:
    """A PyVis network for an actor graph (nodes and edges filled directly: fast)."""
    net = Network(height="100%", width="100%", directed=True, notebook=False,
                  cdn_resources="in_line")
    labels = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        colour, shape = TYPE_STYLE.get(data.get("type", ""), TYPE_STYLE["Organization"])
        net.nodes.append({
            "id": node, "label": data.get("label", node), "title": _node_title(data),
            "color": colour, "shape": shape, "size": 10 + 4 * min(degree.get(node, 0), 10),
            "group": data.get("type", "Organization"),
        })
        net.node_ids.append(node)
    for i, (source, target, data) in enumerate(graph.edges(data=True)):
        relation = data.get("relation", "")
        net.edges.append({
            "id": i, "from": source, "to": target,
            "title": _edge_title(source, target, data, labels),
            "color": RELATION_COLOUR.get(relation, "#888"),
            "arrows": "to" if relation in DIRECTED else "",
            "dashes": data.get("modality") != "asserted",
            "relation": relation, "date": data.get("date"), "modality": data.get("modality"),
        })
    net.set_options(json.dumps({
        "physics": {"stabilization": {"enabled": True, "iterations": 300},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 160}},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "edges": {"smooth": {"type": "dynamic"}},
    }))
    return net


def _safe_json(value: Any) -> str:
    """JSON that cannot close the surrounding <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", *parts).read_text("utf-8")


def render_page(net: Network, title: str, note: str = "") -> str:
    """The complete HTML text of the page."""
    template = resources.files("kgraph.viz").joinpath("assets/page.html").read_text("utf-8")
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    data = {
        "title": title, "note": note, "nodes": net.nodes, "edges": net.edges, "options": options,
        "legend": [(kind, colour) for kind, (colour, _) in TYPE_STYLE.items()]
        + [(f"edge: {rel}", colour) for rel, colour in RELATION_COLOUR.items()],
    }
    values = {
        "title": title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        "vis_css": _asset("vis-9.1.2", "vis-network.css"),
        "vis_js": _asset("vis-9.1.2", "vis-network.min.js"),
        "data_json": _safe_json(data),
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)


def write_page(graph: nx.MultiDiGraph, path: str | Path, title: str = "kgraph") -> Path:
    """Write the page for `graph` to `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    note = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relations"
    path.write_text(render_page(build_network(graph), title, note), encoding="utf-8")
    return path
