"""Role strings as the extraction writes them, taken apart for position nodes.

>>> parse_role("former President (South Korea)")
Role(title='President', former=True, country='South Korea', organization=None)
>>> parse_role("Acting Director of the Presidential Archives")
Role(title='Acting Director', former=False, country=None, organization='Presidential Archives')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COUNTRY = re.compile(r"\s*\((?P<country>[^()]+)\)\s*$")
_FORMER = re.compile(r"^(?:former|then-?|the then)\s+", re.I)
_OF_ORGANIZATION = re.compile(r"^(?P<title>.+?)\s+(?:of|at|to)\s+(?:the\s+)?(?P<org>[A-Z].+)$")


@dataclass(frozen=True)
class Role:
    title: str
    former: bool = False
    country: str | None = None
    organization: str | None = None  # as written; the graph links it when the document names it


def parse_role(role: str) -> Role:
    """Split "former", a "(Country)" suffix and an "of the Organization" tail off a role."""
    text = role.strip()
    former = bool(re.match(r"^former\s", text, re.I))
    text = _FORMER.sub("", text)
    country = None
    if match := _COUNTRY.search(text):
        country, text = match.group("country"), text[:match.start()]
    organization = None
    if match := _OF_ORGANIZATION.match(text):
        text, organization = match.group("title"), match.group("org").rstrip(" ,.")
    return Role(text.strip() or role, former, country, organization)
