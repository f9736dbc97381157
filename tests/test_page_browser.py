"""The graph page in real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from benchmarks.browser import chromium_page, chromium_path, wait_for
from kgraph.api import KnowledgeGraph
from kgraph.viz import write_page

from .conftest import ROOT
from .reliability.helpers import hostile_build

pytestmark = pytest.mark.skipif(chromium_path() is None,
                                reason="chromium not installed (apt-get install chromium)")
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = "<img src=x onerror=window.pwned=1>"


class Watch:
    """Console errors, page errors, dialogs and every request the page makes."""

    def __init__(self, page):
        self.errors, self.requests, self.dialogs = [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def _open(page, path: Path) -> Watch:
    watch = Watch(page)
    page.goto(path.as_uri())
    wait_for(page, "window.kgraphStabilized === true", timeout=60)
    return watch


def _hover_edge(page, match: str) -> str:
    """Move the mouse onto the middle of the first edge whose tooltip contains `match`."""
    point = page.evaluate("""(match) => {
        const net = window.kgraphNetwork;
        const edge = window.kgraphEdges.get().find((e) => e.title.includes(match));
        const middle = net.body.edges[edge.id].edgeType.getPoint(0.5);
        const dom = net.canvasToDOM(middle);
        const box = document.getElementById("network").getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top];
    }""", match)
    page.mouse.move(point[0] - 40, point[1] - 40)
    page.mouse.move(*point, steps=5)
    wait_for(page, "document.querySelector('div.vis-tooltip') && "
                   "document.querySelector('div.vis-tooltip').style.visibility === 'visible'",
             timeout=10)
    return page.evaluate("() => document.querySelector('div.vis-tooltip').textContent")


def test_demo_page_offline_counts_tooltip_and_screenshot(corpus_build):
    graph = KnowledgeGraph.open(corpus_build.out).to_networkx()
    with chromium_page() as page:
        watch = _open(page, corpus_build.page_path)
        counts = page.evaluate("() => [window.kgraphNetwork.body.data.nodes.length, "
                               "window.kgraphNetwork.body.data.edges.length]")
        connected = [n for n in graph if graph.degree(n) > 0]  # the page leaves out isolates
        assert counts == [len(connected), graph.number_of_edges()]
        tooltip = _hover_edge(page, "Thae Yong-ho, a North Korean diplomat")  # a lone edge
        assert "Thae Yong-ho, a North Korean diplomat in London, defected" in tooltip
        assert "Date: 2016-08" in tooltip and "Source: Diplomat in London defects" in tooltip
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "graph.png"))
        assert watch.errors == []
        assert watch.requests == [corpus_build.page_path.as_uri()]  # nothing from the network


def test_filters_hide_edges_by_year_and_relation(corpus_build):
    with chromium_page() as page:
        _open(page, corpus_build.page_path)
        total = page.evaluate("() => window.kgraphEdges.length")
        page.fill("#year-from", "2018")
        page.dispatch_event("#year-from", "change")
        after_2018 = page.evaluate("() => window.kgraphEdges.get().map((e) => e.year)")
        assert 0 < len(after_2018) < total
        assert all(year is None or year >= 2018 for year in after_2018)
        page.uncheck("#relations input[value=metWith]")
        relations = page.evaluate("() => window.kgraphEdges.get().map((e) => e.relation)")
        assert "metWith" not in relations


def test_hostile_names_titles_and_evidence_stay_text(tmp_path):
    build = hostile_build(tmp_path)
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=HOSTILE, type="Person", aliases=["<b>bold</b>"], roles=[])
    graph.add_node("b", label="Kim Jong-un", type="Person", aliases=[], roles=[])
    graph.add_edge("a", "b", relation="metWith", modality="asserted", date="2018",
                   evidence=f"{HOSTILE} met Kim.", document="doc", document_title=HOSTILE)
    hostile_page = write_page(graph, tmp_path / "hostile.html", title=HOSTILE)
    for path in (build.page_path, hostile_page):
        with chromium_page() as page:
            watch = _open(page, path)
            page.wait_for_timeout(300)
            assert page.evaluate("() => window.pwned") is None
            assert page.evaluate("() => document.querySelectorAll('img, b').length") == 0
            assert watch.dialogs == [] and watch.errors == []
    with chromium_page() as page:
        _open(page, hostile_page)
        assert page.evaluate("() => document.getElementById('page-title').textContent") == HOSTILE
        assert HOSTILE in _hover_edge(page, "met Kim")
