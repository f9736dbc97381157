"""One event per real letter, meeting or defection, however many documents tell it."""

from __future__ import annotations

import pytest

from kgraph.api import KnowledgeGraph
from kgraph.graph.events import merge_events
from kgraph.pipeline import build_graph

from .conftest import SHARED, need

# Project-written stories: the same summit told three times (once at month precision),
# the same letter told in its own text, the reply and a memorandum, and one other
# meeting of the same two leaders on another day.
STORIES = {
    "wire-a.txt": ("Thursday, February 28, 2019\n\nHanoi talks end\n\n[Sample Wire]\n\n"
                   "Donald Trump met Kim Jong-un in Hanoi on February 28, 2019, and the talks ended early.\n"),
    "wire-b.txt": ("Friday, March 1, 2019\n\nNo deal in Hanoi\n\n[Other Wire]\n\n"
                   "Donald Trump held talks with Kim Jong-un in Hanoi on February 28, 2019, "
                   "but the talks ended early.\n"),
    "review.txt": ("Monday, December 30, 2019\n\nThe year in review\n\n[Review Desk]\n\n"
                   "Donald Trump met Kim Jong-un in Hanoi in February 2019, and the talks ended early.\n\n"
                   "Donald Trump met Kim Jong-un in Singapore on June 12, 2018, for the first summit.\n"),
    "letter.txt": ("Friday, September 21, 2018\n\nA letter to Washington\n\n[Sample Wire]\n\n"
                   "Kim Jong-un sent a letter to Donald Trump on September 21, 2018, after the summit.\n"),
    "reply.txt": ("Monday, October 1, 2018\n\nA reply from Washington arrives\n\n[Other Wire]\n\n"
                  "Kim Jong-un sent a letter to Donald Trump on September 21, 2018, after the "
                  "summit in Pyongyang.\n"),
    "memo.txt": ("Tuesday, October 2, 2018\n\nA memorandum on the letters\n\n[Review Desk]\n\n"
                 "In September 2018 Kim Jong-un sent a letter to Donald Trump after the summit "
                 "in Pyongyang.\n"),
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("stories")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    build = build_graph([folder], folder / "build")
    return KnowledgeGraph.open(build.out)


def test_dates_merge_only_when_compatible():
    def row(event, date, modality="asserted"):
        return {"event": event, "relation": "sentLetterTo", "source": "a", "target": "b",
                "modality": modality, "date": date}

    groups = {tuple(e.reports) for e in merge_events([
        row("d1", "1964-06-03"), row("m1", "1964-06"), row("y1", "1964"),
        row("d2", "1964-07-01"), row("n1", "1964-06-03", "negated"), row("u1", None)])}
    # The month fits one day, the year fits two events: it stays apart; so does the
    # undated report (two dated letters could be the one it tells) and the denial.
    assert groups == {("d1", "m1"), ("y1",), ("d2",), ("n1",), ("u1",)}


def test_one_summit_told_three_times_is_one_meeting_with_three_sources(stories):
    rows = stories.select("meetings-in-period", **{"from": "2019", "to": "2019"})
    assert [(r["date"], r["one"], r["other"]) for r in rows] == [
        ("2019-02-28", "Donald Trump", "Kim Jong-un")]
    assert sorted(rows[0]["sources"].split()) == ["review", "wire-a", "wire-b"]
    met = [r for r in stories.select("timeline", person="Kim Jong-un")
           if r["what"] == "met" and r["date"]]
    assert [(r["date"], len(r["sources"].split())) for r in met] == [
        ("2018-06-12", 1), ("2019-02-28", 3)]


def test_letters_count_letters_not_mentions(stories):
    rows = stories.select("letters-between", a="Kim Jong-un", b="Donald Trump")
    assert [(r["date"], r["sender"]) for r in rows] == [("2018-09-21", "Kim Jong-un")]
    assert sorted(rows[0]["sources"].split()) == ["letter", "memo", "reply"]
    counts = stories.select("correspondents", person="Kim Jong-un")
    assert [(r["correspondent"].rsplit("/", 1)[-1], r["letters"]) for r in counts] == [
        ("donald-trump", 1)]


def test_network_and_summary_count_events(stories):
    graph = stories.to_networkx()
    edges = [(d["relation"], d["date"], sorted(s.rsplit("/", 1)[-1] for s in d["sources"]))
             for *_, d in graph.edges(data=True)]
    # "… met … in February 2019, and the talks ended early": the talks are that meeting,
    # told once per sentence.
    assert sorted(edges, key=str) == [
        ("metWith", "2018-06-12", ["review"]),
        ("metWith", "2019-02-28", ["review", "wire-a", "wire-b"]),
        ("sentLetterTo", "2018-09-21", ["letter", "memo", "reply"])]
    table = stories.analyze()["correspondents"].set_index("actor")
    assert table.loc["Kim Jong-un", "letters_sent"] == 1
    assert table.loc["Kim Jong-un", "meetings"] == 2  # Singapore, Hanoi


def test_news_dev_repeated_summit_is_one_meeting_with_its_sources(tmp_path):
    """../shared news: Kim Jong-un's visit to Xi Jinping in March 2018, told by two
    articles, is one meeting with both sources."""
    build = build_graph([need(SHARED / "corpora" / "news-dev" / "docs")], tmp_path / "news")
    kg = KnowledgeGraph.open(build.out)
    rows = [r for r in kg.select("timeline", person="Kim Jong-un")
            if r["what"] == "met" and r["other"] == "Xi Jinping" and r["modality"] == "asserted"
            and (r["date"] or "").startswith("2018-03")]
    assert len(rows) == 1
    assert set(rows[0]["sources"].split()) == {"news_kim-jong-un-xi-beijing",
                                               "news_xi-briefs-trump-kim-visit"}
    meetings = [d for *_, d in kg.to_networkx().edges(data=True) if d["relation"] == "metWith"]
    assert build.relations["metWith"] == len(meetings)  # the summary counts events too


def test_an_undated_report_joins_the_one_meeting_just_before_its_document():
    def row(event, date, written=None):
        return {"event": event, "relation": "metWith", "source": "a", "target": "b",
                "modality": "asserted", "date": date, "document_date": written}

    groups = {tuple(e.reports) for e in merge_events([
        row("jan29", "1964-01-29"), row("nov61", "1961-11-04"), row("jul66", "1966-07-08"),
        row("telegram", None, "1964-02-05"), row("memo", None, "1965-01-10")])}
    # The telegram of 5 February tells of the meeting a week before it; the memo of 1965
    # has no meeting within a month before it, so it stays an event of its own.
    assert groups == {("jan29", "telegram"), ("nov61",), ("jul66",), ("memo",)}
