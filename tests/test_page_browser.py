"""The graph page in real headless Chromium (Debian's, driven by Playwright): one browser
for the module, a fresh page per test."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from benchmarks.browser import chromium_page, chromium_path, wait_for
from kgraph.api import KnowledgeGraph
from kgraph.viz import write_page

from .conftest import FRUS_DEV, ROOT, need
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


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the whole module; each test opens its own tab."""
    with chromium_page() as first:
        yield first.context.browser


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


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


def _labels(page) -> list[float]:
    """On-screen font size of every label vis-network draws now."""
    return page.evaluate("""() => {
        const net = window.kgraphNetwork, scale = net.getScale();
        return window.kgraphNodes.getIds().map((id) => net.body.nodes[id].labelModule)
            .filter((label) => label.visible()).map((label) => label.fontOptions.size * scale);
    }""")


def _discs(page) -> list[tuple[float, float, float]]:
    """(x, y, radius) of every drawn actor, in canvas units."""
    return page.evaluate("""() => {
        const net = window.kgraphNetwork, at = net.getPositions();
        return window.kgraphNodes.getIds().map((id) => [at[id].x, at[id].y,
                                                         net.body.nodes[id].options.size]);
    }""")


def _assert_no_overlap(discs) -> None:
    for i, (x1, y1, r1) in enumerate(discs):
        for x2, y2, r2 in discs[i + 1:]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= r1 + r2, ((x1, y1), (x2, y2))


def _screen_xy(page, node_id: str) -> tuple[float, float]:
    return tuple(page.evaluate("""(id) => {
        const net = window.kgraphNetwork;
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById("network").getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top];
    }""", node_id))


@pytest.fixture(scope="module")
def demo_graph(corpus_build):
    return KnowledgeGraph.open(corpus_build.out).to_networkx()


def test_demo_page_offline_readable_and_screenshot(tab, corpus_build, demo_graph):
    watch = _open(tab, corpus_build.page_path)
    connected = [n for n in demo_graph if demo_graph.degree(n) > 0]  # isolates are left out
    counts = tab.evaluate("() => [window.kgraphNodes.length, window.kgraphEdges.length]")
    assert counts == [len(connected), demo_graph.number_of_edges()]
    assert tab.text_content("#counts") == (f"{len(connected)} of {len(connected)} actors, "
                                           f"{counts[1]} of {counts[1]} relations")
    sizes = _labels(tab)
    assert sizes and min(sizes) >= 12  # every label drawn at the first view is legible
    assert len(sizes) >= 0.75 * len(connected)  # and most actors have theirs
    _assert_no_overlap(_discs(tab))
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "demo-page.png"))
    tooltip = _hover_edge(tab, "Thae Yong-ho, a North Korean diplomat")  # a lone edge
    assert "Thae Yong-ho, a North Korean diplomat in London, defected" in tooltip
    assert "Date: 2016-08" in tooltip and "Diplomat in London defects" in tooltip
    assert watch.errors == []
    assert watch.requests == [corpus_build.page_path.as_uri()]  # nothing from the network


def test_two_loads_give_the_same_positions(tab, corpus_build):
    _open(tab, corpus_build.page_path)
    first = tab.evaluate("() => window.kgraphNetwork.getPositions()")
    _open(tab, corpus_build.page_path)
    assert tab.evaluate("() => window.kgraphNetwork.getPositions()") == first


def test_filters_hide_orphaned_actors_and_update_the_counts(tab, corpus_build, demo_graph):
    _open(tab, corpus_build.page_path)
    thae = next(n for n, d in demo_graph.nodes(data=True) if d["label"] == "Thae Yong-ho")
    assert tab.evaluate("(id) => window.kgraphNodes.get(id) !== null", thae)
    before = tab.text_content("#counts")
    tab.uncheck("#relations input[value=defectedFrom]")
    relations = tab.evaluate("() => window.kgraphEdges.get().map((e) => e.relation)")
    assert relations and "defectedFrom" not in relations
    assert tab.evaluate("(id) => window.kgraphNodes.get(id)", thae) is None  # no edge left
    shown = tab.evaluate("() => window.kgraphNodes.length")
    assert tab.text_content("#counts") != before
    assert tab.text_content("#counts").startswith(f"{shown} of ")
    ends = tab.evaluate("() => window.kgraphEdges.get().flatMap((e) => [e.from, e.to])")
    assert set(ends) == set(tab.evaluate("() => window.kgraphNodes.getIds()"))
    tab.check("#relations input[value=defectedFrom]")
    tab.click("#histogram div[data-year='2018']")  # the year strip filters
    years = tab.evaluate("() => window.kgraphEdges.get().map((e) => e.year)")
    assert years and set(years) <= {2018, None}
    tab.uncheck("#undated")
    assert set(tab.evaluate("() => window.kgraphEdges.get().map((e) => e.year)")) == {2018}
    tab.click("#all-years")
    assert tab.evaluate("() => window.kgraphEdges.length") > len(years)


def test_typing_part_of_a_name_or_alias_suggests_actors(tab, corpus_build, demo_graph):
    _open(tab, corpus_build.page_path)
    tab.click("#search")
    tab.keyboard.type("jong")
    suggestions = tab.eval_on_selector_all("#suggestions li", "items => items.map(i => i.textContent)")
    assert any(s.startswith("Kim Jong-un") for s in suggestions)
    assert any(s.startswith("Kim Jong-il") for s in suggestions)
    tab.fill("#search", "")
    tab.keyboard.type("chou en")  # an alias only: Chou En-lai
    actor, alias = "Zhou Enlai", "Chou En-lai"
    first = tab.text_content("#suggestions li")
    assert first.startswith(actor) and alias in first  # found by its alias, shown by its name
    tab.keyboard.press("Enter")
    assert tab.text_content("#details h2") == actor
    assert min(_labels(tab)) >= 12  # focusing on the actor zoomed in: labels stay legible


def test_clicking_an_actor_lists_its_relations_with_dates_and_sources(tab, corpus_build,
                                                                      demo_graph):
    _open(tab, corpus_build.page_path)
    kim = next(n for n, d in demo_graph.nodes(data=True) if d["label"] == "Kim Jong-un")
    tab.mouse.click(*_screen_xy(tab, kim))
    assert tab.text_content("#details h2") == "Kim Jong-un"
    items = tab.eval_on_selector_all("#actor-relations li", "items => items.map(i => i.innerText)")
    assert len(items) == demo_graph.degree(kim)
    dates = [item.split(" ")[0] for item in items]
    assert dates == sorted(dates, key=lambda d: d if d[0].isdigit() else "9999")
    assert "2018-06-12" in dates
    for item in items:
        assert "“" in item and "Source: " in item
    assert any("wrote to Donald Trump" in item for item in items)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "demo-actor-panel.png"))


def test_a_letters_only_page_shows_one_relation_box(tab, demo_graph, tmp_path):
    letters = write_page(nx.MultiDiGraph(demo_graph.edge_subgraph(
        [(s, t, k) for s, t, k, d in demo_graph.edges(keys=True, data=True)
         if d["relation"] == "sentLetterTo"])), tmp_path / "letters.html", title="Letters")
    _open(tab, letters)
    boxes = tab.eval_on_selector_all("#relations input", "boxes => boxes.map(b => b.value)")
    assert boxes == ["sentLetterTo"]
    assert tab.title() == "Letters" and tab.text_content("#page-title") == "Letters"


def test_frus_dev_page_readable_and_screenshot(tab, tmp_path):
    from kgraph.pipeline import build_graph

    build = build_graph([need(FRUS_DEV) / "tei"], tmp_path / "frus", page_title="FRUS dev")
    watch = _open(tab, build.page_path)
    sizes = _labels(tab)
    assert sizes and min(sizes) >= 12
    _assert_no_overlap(_discs(tab))
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "frus-dev-page.png"))
    assert watch.errors == []


def test_hostile_names_titles_and_evidence_stay_text(tab, browser, tmp_path):
    build = hostile_build(tmp_path)
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=HOSTILE, type="Person", aliases=["<b>bold</b>"], roles=[])
    graph.add_node("b", label="Kim Jong-un", type="Person", aliases=[], roles=[])
    graph.add_edge("a", "b", relation="metWith", modality="asserted", date="2018",
                   evidence=f"{HOSTILE} met Kim.", document="doc", document_title=HOSTILE)
    hostile_page = write_page(graph, tmp_path / "hostile.html", title=HOSTILE)
    for path in (build.page_path, hostile_page):
        watch = _open(tab, path)
        tab.wait_for_timeout(300)
        assert tab.evaluate("() => window.pwned") is None
        assert tab.evaluate("() => document.querySelectorAll('img, b').length") == 0
        assert watch.dialogs == [] and watch.errors == []
    _open(tab, hostile_page)
    assert tab.evaluate("() => document.getElementById('page-title').textContent") == HOSTILE
    assert HOSTILE in _hover_edge(tab, "met Kim")
    tab.mouse.click(*_screen_xy(tab, "a"))  # the panel shows it as text too
    assert tab.text_content("#details h2") == HOSTILE
    assert tab.evaluate("() => window.pwned") is None
