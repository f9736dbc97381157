"""The Office of the Historian's travels and visits as sources: read from the XML or the
archive, their meetings carry that provenance and merge with the documents' own."""

from __future__ import annotations

import io
import tarfile

import pytest

from kgraph.api import KnowledgeGraph
from kgraph.extract.records import met_names, record_extraction
from kgraph.pipeline import build_graph
from kgraph.readers import ReaderError, read_paths

from .conftest import CORPUS, SHARED, need

# Project-written records in the repositories' shapes (not copied from them).
TRIPS = """<?xml version="1.0" encoding="UTF-8"?>
<trips>
  <trip role="secretary" who="pompeo-michael-r">
    <id>9001</id><role>secretary</role><name>Michael R. Pompeo</name>
    <start-date>2018-10-07</start-date><end-date>2018-10-07</end-date>
    <country id="korea-north">Korea, Democratic People's Republic of</country>
    <locale>Pyongyang</locale>
    <remarks>Met with Chairman Kim Jong-un and senior officials.</remarks>
  </trip>
</trips>"""
VISITS = """<?xml version="1.0" encoding="UTF-8"?>
<visits>
  <visit>
    <id>9002</id><start-date>1997-04-02</start-date><end-date>1997-04-04</end-date>
    <visitor>President Kim Young-sam</visitor><from id="korea-south">Korea</from>
    <description>Official visit. Met with President Clinton.</description>
  </visit>
</visits>"""


def _archive(path, name: str, xml: str) -> None:
    with tarfile.open(path, "w:gz") as archive:
        data = xml.encode("utf-8")
        info = tarfile.TarInfo(f"{name}/data/records.xml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


def test_records_read_from_xml_and_archives(tmp_path):
    (tmp_path / "trips.xml").write_text(TRIPS, encoding="utf-8")
    _archive(tmp_path / "visits.tar.gz", "visits", VISITS)
    documents = {d.id: d for d in read_paths([tmp_path])}
    assert set(documents) == {"travels-9001", "visits-9002"}
    trip = record_extraction(documents["travels-9001"])
    assert [(e.name, e.roles) for e in trip.entities] == [
        ("Michael R. Pompeo", ["Secretary of State"]), ("Kim Jong-un", ["Chairman"])]
    (meeting,) = trip.relations
    assert meeting.date == "2018-10-07" and meeting.evidence.text.startswith("Met with")
    visit = record_extraction(documents["visits-9002"])
    assert [r.date for r in visit.relations] == ["1997-04"]  # three days: the month
    assert met_names("Met with President Schaerf and held talks with Soviet Premier "
                     "Khrushchev.") == ["President Schaerf", "Soviet Premier Khrushchev"]
    (tmp_path / "broken.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(ReaderError, match="broken.tar.gz: not a readable .tar.gz archive"):
        list(read_paths([tmp_path / "broken.tar.gz"]))


def test_a_trip_and_a_news_story_of_one_meeting_are_one_event(tmp_path):
    (tmp_path / "trips.xml").write_text(TRIPS, encoding="utf-8")
    build = build_graph([CORPUS / "news" / "pompeo-pyongyang.txt", tmp_path / "trips.xml"],
                        tmp_path / "build")
    assert build.linked == 1  # "Michael R. Pompeo" is the documents' Mike Pompeo
    kg = KnowledgeGraph.open(build.out)
    rows = kg.select("meetings-in-period", **{"from": "2018-10-07", "to": "2018-10-07"})
    assert [(r["one"], r["other"]) for r in rows] == [("Kim Jong-un", "Mike Pompeo")]
    assert sorted(rows[0]["sources"].split()) == ["pompeo-pyongyang", "travels-9001"]
    archive = kg.select("SELECT ?a WHERE { ?d kg:documentId 'travels-9001' ; kg:archive ?a }")
    assert archive == [{"a": "Office of the Historian (HistoryAtState), travels"}]


def test_the_real_travels_merge_with_the_news_summits(tmp_path):
    """../shared: Trump and Kim at Singapore (June 2018), told by the news and by the
    President's travels (10-13 June: dated to the month), are one meeting."""
    reference = need(SHARED / "reference" / "travels.tar.gz")
    build = build_graph([need(SHARED / "corpora" / "news-dev" / "docs"), reference],
                        tmp_path / "build")
    kg = KnowledgeGraph.open(build.out)
    singapore = [r for r in kg.select("timeline", person="Kim Jong-un")
                 if r["other"] == "Donald Trump" and r["modality"] == "asserted"
                 and r["date"] == "2018-06"]
    assert len(singapore) == 1
    assert set(singapore[0]["sources"].split()) == {"news_kim-letter-trump-very-nice-note",
                                                    "travels-3814"}


def test_a_frus_meeting_and_the_secretarys_trip_are_one_event(tmp_path):
    """../shared: FRUS 1964-68 v29 d3 (a telegram of 5 February 1964) reports what
    President Park raised with Secretary Rusk, undated; Rusk's travels record him in
    Seoul on 29 January 1964, "Met with President Park.": one meeting, both sources."""
    build = build_graph([need(SHARED / "corpora" / "frus-dev" / "tei"),
                         need(SHARED / "reference" / "travels.tar.gz")], tmp_path / "build")
    kg = KnowledgeGraph.open(build.out)
    met = [r for r in kg.select("timeline", person="Dean Rusk")
           if r["what"] == "met" and r["date"] == "1964-01-29"]
    assert len(met) == 1 and kg.name_key(met[0]["other"]) == kg.name_key("Park Chung-hee")
    assert set(met[0]["sources"].split()) == {"travels-1847", "frus1964-68v29p1_d3"}


@pytest.mark.parametrize(("remarks", "people"), [
    # where and when after the names are no people
    ("Met with President Hartley at Lakeview Lodge, Vermont, and Secretary Osei.",
     [("President", "Hartley"), ("Secretary", "Osei")]),
    ("Met with Chancellor Brandt October 12 during a private visit.",
     [("Chancellor", "Brandt")]),
    # a plural title's list of countries names offices; "of <country>" says whose leader
    ("Met with the Foreign Ministers of France, Italy, and Japan.", []),
    ("Met with President Lindqvist and with President Tanaka Hiroshi of Japan.",
     [("President", "Lindqvist"), ("President", "Tanaka Hiroshi")]),
    # titles the table of titles does not open, a portfolio past "and", particles
    ("Met with Foreign Affairs Secretary Novak and Minister of Foreign Affairs and Energy "
     "Ole Brandvold.", [("Foreign Affairs Secretary", "Novak"), ("", "Ole Brandvold")]),
    ("Met with UN Special Envoy for Syria Maria de Souza.",
     [("UN Special Envoy for Syria", "Maria de Souza")]),
    # a ruler goes by title and given name; a title alone or a body is no one
    ("Met with Queen Astrid II, Crown Prince Harald, the Vice President and the Commission.",
     [("Queen", "Queen Astrid II"), ("Crown Prince", "Crown Prince Harald")]),
])
def test_who_a_record_says_was_met(remarks, people):
    from kgraph.extract.records import met_people

    assert met_people(remarks) == people


def test_a_visitor_field_gives_the_first_visitor_and_the_title():
    from kgraph.extract.records import _visitor

    assert _visitor("Chief of State Lon Dara") == ("Lon Dara", "Chief of State")
    assert _visitor("President Anna Kowal and Prime Minister Jan Nowak") == \
        ("Anna Kowal", "President")
    assert _visitor("Michael R. Pompeo") == ("Michael R. Pompeo", "")
