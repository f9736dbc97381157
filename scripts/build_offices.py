"""Build kgraph/extract/data/offices_us.tsv: U.S. office holders with dates.

Source: the Office of the Historian's public-domain (CC0) data in ../shared/reference/:
POCOM (HistoryAtState/pocom @ 44d2226) for the Department of State's principal officers
(Secretaries, Deputy, Under and Assistant Secretaries, Counselors …) and the ambassadors to
Korea, Russia/the Soviet Union, China and Japan, 1945 on; the travels archive's
presidents.xml (HistoryAtState/travels @ 3170c77) for the Presidents.
Run: python scripts/build_offices.py [../shared/reference]
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

from lxml import etree

OUT = Path(__file__).resolve().parent.parent / "kgraph" / "extract" / "data" / "offices_us.tsv"
MISSIONS = {"korea": "Ambassador to Korea", "russia": "Ambassador to the Soviet Union",
            "china": "Ambassador to China", "japan": "Ambassador to Japan"}
SINCE = "1945"


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()
                if m.isfile() and m.name.endswith(".xml")}


def _person_names(pocom: dict[str, bytes]) -> dict[str, str]:
    names = {}
    for path, data in pocom.items():
        if "/people/" not in path:
            continue
        root = etree.fromstring(data)
        pid = root.findtext("id")
        forename = (root.findtext("persName/forename") or "").strip()
        surname = (root.findtext("persName/surname") or "").strip()
        suffix = (root.findtext("persName/genName") or "").strip()
        names[pid] = " ".join(p for p in (forename, surname) if p) + (f", {suffix}" if suffix
                                                                     else "")
    return names


def _date(element, tag: str) -> str:
    return (element.findtext(f"{tag}/date") or "").strip()


def rows(reference: Path) -> list[tuple[str, ...]]:
    pocom = _members(reference / "pocom.tar.gz")
    names = _person_names(pocom)
    found = []
    for path, data in pocom.items():
        if "/positions-principals/" in path:
            root = etree.fromstring(data)
            office = " ".join((root.findtext("names/singular") or "").split())
            for p in root.iter("principal"):
                start, end = _date(p, "started") or _date(p, "appointed"), _date(p, "ended")
                if office and start and (end or "9999") >= SINCE:
                    found.append((names[p.findtext("person-id")], office, "United States",
                                  start, end))
        for key, office in MISSIONS.items():
            if path.endswith(f"missions-countries/{key}.xml"):
                for chief in etree.fromstring(data).iter("chief"):
                    role = chief.findtext("role-title-id") or ""
                    start = _date(chief, "started") or _date(chief, "appointed")
                    end = _date(chief, "ended")
                    if "ambassador" in role and (end or "9999") >= SINCE and start:
                        found.append((names[chief.findtext("person-id")], office,
                                      "United States", start, end))
    travels = _members(reference / "travels.tar.gz")
    for path, data in travels.items():
        if path.endswith("presidents/presidents.xml"):
            for p in etree.fromstring(data).iter("president"):
                end = (p.findtext("left-office-date") or "").strip()
                if (end or "9999") >= SINCE:
                    found.append((p.findtext("name").strip(), "President", "United States",
                                  (p.findtext("took-office-date") or "").strip(), end))
    return sorted(set(found), key=lambda r: (r[1], r[3]))


def main() -> None:
    reference = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
    header = ("# U.S. office holders since 1945, built by scripts/build_offices.py from the Office"
              " of the Historian's POCOM and travels data (public domain, CC0).\n"
              "name\toffice\tcountry\tstart\tend\n")
    found = rows(reference)
    OUT.write_text(header + "".join("\t".join(" ".join(c.split()) for c in r) + "\n"
                                    for r in found), "utf-8")
    print(f"wrote {OUT} ({len(found)} terms)")


if __name__ == "__main__":
    main()
