"""Turn date expressions into ISO 8601 strings at day, month or year precision.

>>> normalize_date("March 19, 1997")
'1997-03-19'
>>> normalize_date("24 March 1962")
'1962-03-24'
>>> normalize_date("September 2018")
'2018-09'
>>> normalize_date("on the 27th", reference="2026-01-27")
'2026-01-27'
>>> normalize_date("September 19", reference="2018-10-02")
'2018-09-19'
>>> normalize_date("the following year", reference="2018")
'2019'
>>> normalize_date("between 2018 and 2019") is None
True
>>> normalize_date("on Saturday", "2018-02-12"), normalize_date("last month", "2018-07-12")
('2018-02-10', '2018-06')
>>> normalize_date("Wednesday morning", reference="2018-09-18", forward=True)
'2018-09-19'
>>> normalize_date("dated 13.10.50", reference="1950-10-14")
'1950-10-13'

A date that cannot be pinned down gives ``None``: never an invented one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"),  # ISO, maybe with time
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # March 19, 1997
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 24 March 1962
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),  # September 2018
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)", re.I),  # September 19
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I),  # 6 March
    re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b", re.I),  # the 27th
    re.compile(rf"^\s*(?:in\s+|of\s+)?{_YEAR}\s*$", re.I),  # 1997
    re.compile(rf"^\s*(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH}\s*$", re.I),  # February
    re.compile(rf"\b(?:the\s+)?(?:end|beginning|start|middle|spring|summer|autumn|fall|winter)"
               rf"\s+of\s+{_YEAR}\b", re.I),  # the end of 2018
]
# Two days or a span of days: "July 2–3", "June 17 and 18, 1964", "17 and 18 June 1964".
_NEXT_DAY = r"\s*(?:[–—-]|and|&)\s*\d{1,2}(?:st|nd|rd|th)?\b"
_DAY_RANGE = re.compile(rf"\b{_MONTH}\s+{_DAY}{_NEXT_DAY}(?:,?\s+{_YEAR})?", re.I)
_DAYS_MONTH = re.compile(rf"\b{_DAY}{_NEXT_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.I)
_RANGE = re.compile(r"\b(between|from)\b.*\b(and|to|until)\b|–|—", re.I)
_RELATIVE_DAY = {"yesterday": -1, "today": 0, "tomorrow": 1}
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAY = re.compile(r"^(?:on\s+|this\s+|last\s+|next\s+)?(?P<weekday>" + "|".join(_WEEKDAYS)
                      + r")(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_RELATIVE_MONTH = {"last month": -1, "this month": 0, "earlier this month": 0,
                   "later this month": 0, "next month": 1, "the previous month": -1,
                   "the following month": 1}
_ANNIVERSARY = re.compile(r"^(?:on\s+)?this\s+(?:day|date)\s+in\s+(?P<year>1[5-9]\d\d|20\d\d)$")
_THIS_DAY = re.compile(r"^(?:this|tonight|today)\b|^(?:this\s+)?(?:morning|afternoon|evening)$",
                       re.I)
_RELATIVE_YEAR = {"the following year": 1, "the next year": 1, "the previous year": -1,
                  "the year before": -1, "last year": -1, "next year": 1, "this year": 0}


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _format(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _reference_parts(reference: str | None) -> tuple[int | None, int | None]:
    if not reference:
        return None, None
    parts = reference.split("-")
    year = int(parts[0]) if parts[0].isdigit() else None
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return year, month


def _resolve(match: re.Match[str], reference: str | None) -> str | None:
    groups = match.groupdict()
    ref_year, ref_month = _reference_parts(reference)
    year = int(groups["year"]) if groups.get("year") else ref_year
    month = _month_number(groups["month"]) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if year is None:
        return None
    if ref_year is not None and year > ref_year + 30 and month is None:
        return None  # "telegram 2043": a number, not a year decades ahead of the document
    if month is None and day is not None:  # "the 27th": the reference month
        if ref_month is None:
            return None
        month = ref_month
    return _format(year, month, day)


_NEW_YEAR = re.compile(r"New Year['’]s Day,?\s+(\d{4})")


_NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_NUMBER_WORDS |= {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_AGO = re.compile(r"^(?:some |about |nearly |almost )?(?P<n>\d{1,3}|[a-z]+) "
                  r"(?P<unit>day|week|month|year)s? ago$")


def _ago(lowered: str, reference: str | None) -> str | None:
    """ "twenty years ago", "three days ago": counted back from the writing date, to the
    precision the unit allows (a year back keeps the reference's month)."""
    match = _AGO.match(lowered)
    if match is None or not reference:
        return None
    word = match.group("n")
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if n is None:
        return None
    year, month = _reference_parts(reference)
    if year is None:
        return None
    unit = match.group("unit")
    if unit == "year":
        return f"{year - n:04d}" + (f"-{month:02d}" if month else "")
    if unit == "month" and month:
        index = year * 12 + month - 1 - n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if len(reference) != 10 or unit == "month":
        return None
    then = date.fromisoformat(reference) - timedelta(days=n * (7 if unit == "week" else 1))
    return then.isoformat() if unit == "day" else then.isoformat()[:7]


def _relative(lowered: str, reference: str | None, forward: bool) -> str | None:
    """Days, weekdays and months said relative to the writing date ("on Saturday")."""
    if (back := _ago(lowered, reference)) is not None:
        return back
    if not reference or len(reference) < 7:
        return None
    for phrase, delta in _RELATIVE_MONTH.items():
        if lowered == phrase or lowered.endswith(" " + phrase):
            year, month = _reference_parts(reference)
            index = (year or 0) * 12 + (month or 1) - 1 + delta
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if len(reference) != 10:
        return None
    today = date.fromisoformat(reference)
    if lowered in _RELATIVE_DAY:
        return (today + timedelta(days=_RELATIVE_DAY[lowered])).isoformat()
    if match := _ANNIVERSARY.match(lowered):  # "this day in 1985": the same day, that year
        return f"{match.group('year')}{reference[4:]}"
    if _THIS_DAY.match(lowered) and not _WEEKDAY.match(lowered):
        return today.isoformat()
    if match := _WEEKDAY.match(lowered):
        # Past events fall on the last such day, planned ones on the next (either: today).
        gap = (_WEEKDAYS[match.group("weekday").lower()] - today.weekday()) % 7
        if lowered.startswith("next "):
            forward, gap = True, gap or 7
        elif lowered.startswith("last "):
            forward = False
        return (today + timedelta(days=gap if forward else gap - 7 if gap else 0)).isoformat()
    return None


# "13.10.50", "13.10.1950": day, month, year as Soviet and European documents write them.
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")


def _dotted(text: str, reference: str | None) -> str | None:
    match = _DOTTED.search(text)
    if match is None:
        return None
    year = int(match.group("year"))
    if year < 100:  # the century of the document, else the twentieth
        century = int(reference[:2]) * 100 if reference and reference[:2].isdigit() else 1900
        year += century
    return _format(year, int(match.group("month")), int(match.group("day")))


def normalize_date(expression: str, reference: str | None = None,
                   forward: bool = False) -> str | None:
    """ISO date for `expression`, resolved against `reference` (an ISO date) when partial.

    A weekday ("on Saturday") is the last one up to the reference, or with `forward`
    (a planned event) the next one from it.
    """
    text = " ".join(expression.split())
    if not text:
        return None
    lowered = text.lower()
    if (relative := _relative(lowered, reference, forward)) is not None:
        return relative
    if dotted := _dotted(text, reference):
        return dotted
    if match := _NEW_YEAR.search(text):
        return f"{match.group(1)}-01-01"
    for phrase, delta in _RELATIVE_YEAR.items():
        if phrase in lowered:
            ref_year, _ = _reference_parts(reference)
            if ref_year is None:
                return None
            # "8 October of this year": the day and month, in the year the phrase says.
            day_month = lowered.replace(phrase, "").strip(" ,").removesuffix(" of").strip(" ,")
            if day_month and (iso := normalize_date(day_month, f"{ref_year + delta:04d}-01-01")):
                return iso
            return f"{ref_year + delta:04d}"
    if match := _DAY_RANGE.search(text) or _DAYS_MONTH.search(text):  # the day it began
        return _resolve(match, reference)
    if _RANGE.search(text) and not _PATTERNS[0].match(text):
        return None
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            return _resolve(match, reference)
    return None


def dates_with_year(text: str) -> list[str]:
    """ISO dates written in `text` with their year and month, in text order.

    >>> dates_with_year("sent on March 19, 1997, after 24 March 1962 and May 5")
    ['1997-03-19', '1962-03-24']
    """
    return _written_dates(text, _PATTERNS[1:4], None)  # month-day-year, day-month-year, month-year


def dates_in(text: str, reference: str | None) -> list[str]:
    """Days written in `text`, with or without their year (completed from `reference`).

    >>> dates_in("Report on 8 October Conversation", "1956-10-15")
    ['1956-10-08']
    """
    return [iso for iso in _written_dates(text, _PATTERNS[1:6], reference) if len(iso) == 10]


def _written_dates(text: str, patterns: list[re.Pattern[str]], reference: str | None
                   ) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if iso := _resolve(match, reference):
                found.append((match.start(), iso))
                taken.append((match.start(), match.end()))
    return [iso for _, iso in sorted(found)]
