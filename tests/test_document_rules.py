"""Rules that need the whole document (its title, author, date), by example.

Each case is a short document written for this test: a title line, a blank line and the
body, read by the plain-text reader like any user's file.
"""

from __future__ import annotations

import pytest

from kgraph.extract import extract_documents
from kgraph.readers import read_paths

CASES = [
    # (id, text, expected (subject name, type, object name, modality, date or None))
    ("report-back",
     "Telegram, Molotov to Yudin\n\nPass the attached note to Zhou Enlai. Telegraph the fulfillment.",
     [("Pavel Yudin", "sentLetterTo", "Vyacheslav Molotov", "planned", None)]),
    ("present-at",
     "Record of a Conversation between Pavel Yudin and Zhou Enlai\n\n"
     "On 3 June 1955 we talked for two hours. Chen Yi was present at the conversation.",
     [("Chen Yi", "metWith", "Pavel Yudin", "asserted", "1955-06-03")]),
    ("received-your",
     "Letter From President Johnson to Chairman Kosygin\n\n"
     "Received your letter of congratulations with gratitude.",
     [("Alexei Kosygin", "sentLetterTo", "Lyndon B. Johnson", "asserted", None)]),
    ("hand-over",
     "Telegram From the Embassy in Japan to the Department of State\n\n"
     "Ambassador Reischauer handed Prime Minister Sato a letter from President Johnson.",
     [("Lyndon B. Johnson", "sentLetterTo", "Eisaku Sato", "asserted", None),
      ("Edwin O. Reischauer", "metWith", "Eisaku Sato", "asserted", None)]),
    ("refused",
     "Talks stall\n\nKim Jong-un refused to meet Mike Pompeo in August 2018.",
     [("Kim Jong-un", "metWith", "Mike Pompeo", "negated", "2018-08")]),
    ("defected-to",
     "Diplomat defects\nSeoul Herald | August 17, 2016\n\n"
     "A senior North Korean diplomat, Ri Chol-min, has defected to South Korea.",
     [("Ri Chol-min", "defectedFrom", "North Korea", "asserted", "2016-08-17")]),
    ("weekday-and-future",
     "Leaders to meet\nDaily Courier | Tuesday, September 18, 2018\n\n"
     "Moon Jae-in met Kim Jong-un on Monday. Moon Jae-in will meet Kim Jong-un again Thursday.",
     [("Moon Jae-in", "metWith", "Kim Jong-un", "asserted", "2018-09-17"),
      ("Moon Jae-in", "metWith", "Kim Jong-un", "planned", "2018-09-20")]),
    ("the-president-of-the-dateline",
     "Telegram From the Embassy in Korea to the Department of State\n\n"
     "Seoul, June 3, 1964, 5 p.m.\n\nThe President received Ambassador Berger this morning.",
     [("Park Chung-hee", "metWith", "Samuel D. Berger", "asserted", "1964-06")]),
    ("the-ambassador-of-the-dateline",
     "Telegram From the Commander in Chief, United Nations Command (Bonesteel) to the Joint "
     "Chiefs of Staff\n\nSeoul, May 4, 1967.\n\nI have consulted with the Ambassador on the "
     "matter.",
     [("Charles H. Bonesteel III", "metWith", "Winthrop G. Brown", "asserted", "1967-05")]),
    ("news-present-perfect",
     "Envoys meet\nDaily Courier | June 4, 2019\n\nMike Pompeo has met Kim Yong-chol in New York. "
     "The cancelled summit planned with Kim Jong-un was not mentioned by Donald Trump.",
     [("Mike Pompeo", "metWith", "Kim Yong-chol", "asserted", "2019-06-04")]),
    ("news-narrative-date",
     "Envoy visits\nDaily Courier | Monday, March 4, 2019\n\nKim Yo-jong arrived in Seoul on "
     "Saturday with a letter from her brother. Moon Jae-in met Kim Yo-jong at the Blue House.",
     [("Moon Jae-in", "metWith", "Kim Yo-jong", "asserted", "2019-03-02")]),
    ("news-narrative-not-old",
     "Looking back\nDaily Courier | Monday, March 4, 2019\n\nJimmy Carter flew to Pyongyang "
     "in June 1994. Jimmy Carter met Kim Il-sung there.",
     [("Jimmy Carter", "metWith", "Kim Il-sung", "asserted", None)]),
    ("editorial-note-citation",
     "Editorial Note\n\nTalks began on March 2, 1965. The Embassy in Tokyo reported that the "
     "Cabinet would meet. (Telegram 880 from Tokyo, March 9; ibid.)",
     [("Embassy in Japan", "sentLetterTo", "Department of State", "asserted", "1965-03-09")]),
    ("a-nation-s-leader",
     "Envoy in Pyongyang\nDaily Courier | May 10, 2018\n\nMike Pompeo met the North Korean "
     "leader in Pyongyang on Wednesday.",
     [("Mike Pompeo", "metWith", "Kim Jong-un", "asserted", "2018-05-09")]),
    ("the-country-s-leader",
     "Envoy in Pyongyang\nDaily Courier | Wednesday, May 9, 2018\n\nMike Pompeo met in "
     "Pyongyang on Wednesday with the country's young leader, who freed three prisoners.",
     [("Mike Pompeo", "metWith", "Kim Jong-un", "asserted", "2018-05-09")]),
    ("pronoun-not-its-clause-subject",
     "Envoy\nDaily Courier | May 31, 2018\n\nKim Yong-chol will travel to Washington to meet "
     "Donald Trump and to hand him a letter from Kim Jong-un.",
     [("Kim Jong-un", "sentLetterTo", "Donald Trump", "planned", None)]),
    ("editorial-note-narrative",
     "Editorial Note\n\nSecretary of State Dean Rusk visited Tokyo March 4–6, 1965. During "
     "his visit he met Prime Minister Eisaku Sato.",
     [("Dean Rusk", "metWith", "Eisaku Sato", "asserted", "1965-03-04")]),
    ("date-of-the-report",
     "Visit confirmed\nDaily Courier | Saturday, June 10, 2017\n\nSouth Korea's new "
     "president, Moon Jae-in, made a surprise trip to Tokyo, meeting with Prime Minister Shinzo "
     "Abe days before planned talks with Chinese and Russian leaders, Japanese and Korean state "
     "media reported on Friday.",
     [("Moon Jae-in", "metWith", "Shinzo Abe", "asserted", None)]),
    ("the-meeting-being-planned",
     "Letter From Chairman Khrushchev to President Kennedy\n\nMoscow, May 12, 1961.\n\n"
     "I accept your proposal for a meeting in Vienna in June. I hope that our meeting will be "
     "useful.",
     [("Nikita Khrushchev", "metWith", "John F. Kennedy", "planned", "1961-06")]),
    ("a-longer-title",
     "Editorial Note\n\nWashington, March 10, 1965.\n\nAssistant Secretary of State for Far "
     "Eastern Affairs Bundy visited Tokyo "
     "March 4–6, 1965. During his visit he met Prime Minister Eisaku Sato.",
     [("William P. Bundy", "metWith", "Eisaku Sato", "asserted", "1965-03")]),
    ("undated-note-office-holders",  # no date of its own: the office holders of its story
     "Editorial Note\n\nAssistant Secretary of State Bundy visited Tokyo May 4–6, 1965. "
     "During the visit he held talks with Minister of Foreign Affairs Yi.",
     [("William P. Bundy", "metWith", "Lee Tong-won", "asserted", "1965-05-04")]),
    ("american-title-abroad",  # Korea has no Secretary; its Prime Minister stays Korea's
     "Telegram From the Embassy in Korea to the Department of State\n\nSeoul, March 9, "
     "1965.\n\nThe Secretary met President Pak on March 2. The Prime Minister saw "
     "Ambassador Brown on March 4.\n\nBrown",
     [("Dean Rusk", "metWith", "Park Chung-hee", "asserted", "1965-03-02"),
      ("Chung Il-kwon", "metWith", "Winthrop G. Brown", "asserted", "1965-03-04")]),
    ("each-other",
     "Archive opens\nMorning Post | January 3, 1992\n\n"
     "Archivists will publish the letters Ronald Reagan and Mikhail Gorbachev sent to each "
     "other in 1986.",
     [("Ronald Reagan", "sentLetterTo", "Mikhail Gorbachev", "asserted", "1986"),
      ("Mikhail Gorbachev", "sentLetterTo", "Ronald Reagan", "asserted", "1986")]),
    ("between-and-wire-dateline",
     "Summit talk\nDaily Courier | March 3, 2019\n\nHANOI, Vietnam (AP) — Officials "
     "discussed a planned meeting between Kim and US President Donald Trump. Kim Jong-un "
     "arrived on Sunday.",
     [("Kim Jong-un", "metWith", "Donald Trump", "planned", None)]),
]


@pytest.fixture(scope="module")
def extractions(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("document-rules")
    for name, text, _ in CASES:
        (folder / f"{name}.txt").write_text(text, "utf-8")
    found = {}
    for extraction in extract_documents(read_paths([folder]), nlp):
        names = {e.id: [e.name, *e.aliases] for e in extraction.entities}
        found[extraction.document.id] = {
            (subject, r.type, obj, r.modality, r.date) for r in extraction.relations
            for subject in names[r.subject] for obj in names[r.object]}
    return found


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_document_rule(extractions, name, text, expected):
    for relation in expected:
        subject, kind, obj, modality, date = relation
        assert relation in extractions[name] or (kind == "metWith" and (
            obj, kind, subject, modality, date) in extractions[name]), extractions[name]


def _extracted(folder, nlp, text: str, name: str = "story.txt"):
    """One document written for the test, read and extracted as a user's file would be."""
    (folder / name).write_text(text, "utf-8")
    return next(extract_documents(read_paths([folder]), nlp))


def _meetings(folder, nlp, text: str) -> list:
    return [r for r in _extracted(folder, nlp, text).relations if r.type == "metWith"]


def test_a_phone_call_is_not_a_meeting(tmp_path, nlp):
    assert not _meetings(tmp_path, nlp, (
        "Leaders talk\nDaily Courier | May 20, 2018\n\nMoon Jae-in spoke with Donald Trump by "
        "telephone on Sunday. The phone call lasted twenty minutes."))


def test_a_document_about_a_call_has_no_meetings_and_no_country_meets(tmp_path, nlp):
    assert not _meetings(tmp_path, nlp, (
        "Readout of the President's Call with Prime Minister Abe\nWhite House | May 2, 2017"
        "\n\nPresident Donald Trump spoke today with Prime Minister Shinzo Abe of Japan. "
        "Shinzo Abe also plans to meet U.S. officials."))


def test_persons_the_editors_marked_are_mentions(tmp_path, nlp):
    """A persName linked to the persons list is a mention even where the model sees none."""
    xml = """<TEI xmlns:frus="http://history.state.gov/frus/ns/1.0" xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><publicationStmt><idno type="frus">vol9</idno></publicationStmt></fileDesc></teiHeader>
<text><front><list type="persons"><item><persName xml:id="p_KN1">Khrushchev, Nikita S.</persName>,
Chairman of the Council of Ministers of the Soviet Union</item></list></front>
<body><div type="document" xml:id="d3" n="3" frus:doc-dateTime-min="1961-04-12T10:00:00"
frus:doc-dateTime-max="1961-04-12T10:00:00">
<head>3. Telegram From the Department of State to the Embassy in Moscow</head>
<dateline><placeName>Washington</placeName>, <date when="1961-04-12">April 12, 1961</date>.</dateline>
<p>Deliver following message to <persName corresp="#p_KN1">Khrushchev</persName> from the
President.</p></div></body></text></TEI>"""
    extraction = _extracted(tmp_path, nlp, xml, "vol9.xml")
    names = {e.id: e.name for e in extraction.entities}
    letters = {(names[r.subject], names[r.object]) for r in extraction.relations
               if r.type == "sentLetterTo"}
    assert ("John F. Kennedy", "Nikita S. Khrushchev") in letters, letters


def test_a_telegram_relaying_a_message_speaks_with_the_message_s_voice(tmp_path, nlp):
    """In "Please pass following Presidential message to X: … your kind message …", the
    message is sent now (asserted, dated by the telegram) and "your" is X."""
    extraction = _extracted(tmp_path, nlp, (
        "Telegram From the Department of State to the Embassy in Moscow\n\n"
        "Washington, January 21, 1961.\n\nPlease pass following Presidential message to "
        "Khrushchev. Please accept my thanks for your kind message of congratulations."),
        "relay.txt")
    names = {e.id: e.name for e in extraction.entities}
    found = {(names[r.subject], names[r.object], r.modality, r.date)
             for r in extraction.relations if r.type == "sentLetterTo"}
    assert ("John F. Kennedy", "Nikita Khrushchev", "asserted", "1961-01-21") in found, found
    assert ("Nikita Khrushchev", "John F. Kennedy", "asserted", None) in found, found


def test_fleeing_a_room_is_no_defection(tmp_path, nlp):
    extraction = _extracted(tmp_path, nlp, (
        "Plenum report\n\nThe plenum of the Workers' Party of Korea met in August. Pak "
        "Chang-ok, a North Korean official, fled the plenum before the vote."))
    assert [r for r in extraction.relations if r.type == "defectedFrom"] == []


NOTHING = [
    # (id, text, relation type that must not be found)
    ("a-cable-number-is-no-order",
     "Cable No. 12, from Filippov to Mao Zedong\n\nOUTGOING CIPHER TELEGRAM\n\nCopy Nº 3"
     "\n\nCABLE Nº 4417\n\nSENT IN CODE\n\nurgent\n\nPEKING, FOR OUR AMBASSADOR\n\n"
     "Pass the following to MAO ZEDONG:\n\nThe equipment will be shipped soon.", "sentLetterTo"),
    ("a-message-to-someone-else",
     "Letter From Chairman Khrushchev to President Kennedy\n\nMoscow, March 2, 1961.\n\n"
     "In your message to Congress of January 30 you spoke of peace.", "sentLetterTo"),
    ("one-side-named",
     "Talks in doubt\nDaily Courier | August 8, 2013\n\nHigh-level talks scheduled for next week "
     "between Defense Secretary Chuck Hagel, Secretary of State John Kerry and their Chinese "
     "counterparts are now in doubt.", "metWith"),
    ("issues-discussed-by-letter",
     "Letter From President Kennedy to Chairman Khrushchev\n\nWashington, February 22, 1961."
     "\n\nAmbassador Thompson can tell you my thinking on the issues which we have discussed.",
     "metWith"),
    ("a-flight-is-a-journey",
     "Telegram From the Department of State to the Embassy in Moscow\n\n"
     "Washington, June 21, 1961.\n\nPresident Kennedy thanked Chairman Khrushchev for the "
     "puppy. Her flight from the Soviet Union to the United States was long.", "defectedFrom"),
    ("one-persons-papers",
     "Archive news\nDaily Courier | May 3, 2009\n\nThe library opened the correspondence of "
     "President Eisenhower to readers on Monday.", "sentLetterTo"),
    ("their-correspondence-without-a-pair",
     "Archive news\nDaily Courier | May 3, 2009\n\nChancellor Adenauer spoke to President "
     "Eisenhower on Monday about Premier Bulganin. Their correspondence is kept in Bonn.",
     "sentLetterTo"),
]


@pytest.mark.parametrize(("name", "text", "kind"), NOTHING, ids=[c[0] for c in NOTHING])
def test_what_is_not_a_relation(name, text, kind, tmp_path, nlp):
    extraction = _extracted(tmp_path, nlp, text, f"{name}.txt")
    found = [r for r in extraction.relations if r.type == kind
             and not r.extractor.startswith("heading")]
    assert found == []


def test_a_planned_meeting_told_twice_in_a_letter_is_one(tmp_path, nlp):
    extraction = _extracted(tmp_path, nlp, (
        "Letter From Chairman Khrushchev to President Kennedy\n\nMoscow, May 12, 1961.\n\n"
        "I accept your proposal for a meeting in Vienna in June. I hope that our meeting will "
        "be useful."))
    planned = [r.date for r in extraction.relations
               if r.type == "metWith" and r.modality == "planned"]
    assert planned == ["1961-06"]

