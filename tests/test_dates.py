import pytest

from kgraph.normalize.dates import normalize_date


@pytest.mark.parametrize(
    ("expression", "reference", "expected"),
    [
        ("March 19, 1997", None, "1997-03-19"),
        ("24 March 1962", None, "1962-03-24"),
        ("September 2018", None, "2018-09"),
        ("1997", None, "1997"),
        ("on the 27th", "2026-01-27", "2026-01-27"),
        ("September 19", "2018-10-02", "2018-09-19"),
        ("the following year", "2018", "2019"),
        ("between 2018 and 2019", None, None),
        ("February 30, 1997", None, None),
        ("the 27th", None, None),
        ("1964-01-21T20:00:00", None, "1964-01-21"),
        ("Twenty years ago", "2005-11-19", "1985-11"),
        ("three days ago", "2018-05-31", "2018-05-28"),
        ("two weeks ago", "2018-05-31", "2018-05"),
        ("a year ago", "2005", "2004"),
        ("many years ago", "2005", None),
        ("8 October of this year", "1956-10-15", "1956-10-08"),
        ("this day in 1985", "2016-11-19", "1985-11-19"),
        ("in May of last year", "1956-10-15", "1955-05"),
    ],
)
def test_normalize_date(expression, reference, expected):
    assert normalize_date(expression, reference) == expected


def test_dates_written_loosely_in_reports():
    from kgraph.normalize.dates import normalize_date

    assert normalize_date("February", "1997-03-19") == "1997-02"
    assert normalize_date("the end of 2018") == "2018"
    assert normalize_date("New Year's Day 2019") == "2019-01-01"
    assert normalize_date("July 2–3", "1964-07-05") == "1964-07-02"
    # Two days or a span of days: the event began on the first.
    assert normalize_date("9 and 10 March 1966") == "1966-03-09"
    assert normalize_date("March 9 and 10, 1966") == "1966-03-09"
    assert normalize_date("the 9th and 10th of March", "1966-04-01") == "1966-03-09"
    assert normalize_date("9-10 March 1966") == "1966-03-09"
    assert normalize_date("between 1964 and 1966") is None  # a span of years: no one date
    assert normalize_date("yesterday", "1964-01-22") == "1964-01-21"
    assert normalize_date("2043", "1964-05") is None  # a telegram number, not a year
    assert normalize_date("February") is None  # no year to put it in: never invented
