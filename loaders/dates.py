"""Normalise date expressions to ISO dates at the precision the text gives.

Relative expressions ("on Thursday", "earlier this month", "yesterday") resolve
against the article's publication date; news reports the past, so a weekday is the
latest such day on or before publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_YEAR = r"(1[89]\d\d|20\d\d)"
YEAR = re.compile(rf"\b{_YEAR}\b")  # a year named in a date expression
RELATIVE_YEAR = re.compile(r"\b(this|last) year\b", re.I)  # a year told: "last year"
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS = [
    # a range gives its first day: "from October 30 to November 1, 2022"
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\s*(?:to|until|till|through|-|–|and)\s*"
                rf"(?:{_MONTH}\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"), "mdy-range"),
    (re.compile(rf"\b{_DAY}\s*(?:to|until|till|-|–|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+"
                rf"{_MONTH},?\s+{_YEAR}\b"), "ddmy-range"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}\s*(?:to|until|till|-|–|and)\s*\d{{1,2}}(?:st|nd|rd|th)?"
                rf"\s+{_MONTH},?\s+{_YEAR}\b"), "dmy-range"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "mdy"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"), "dmy"),
    (re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b"), "iso"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"), "md"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}(?!\s*,?\s*\d)"), "dm"),
    (re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"), "my"),
    (re.compile(rf"\b(last|past|this)\s+{_MONTH}(?!\s*,?\s*\d)"), "lm"),
    (re.compile(rf"\b(?:in|of)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b"), "y"),
    (re.compile(rf"^\s*(?:early\s+|late\s+|mid-?)?{_YEAR}\s*$"), "y"),
    (re.compile(rf"^\s*(?:in\s+)?(?:early\s+|late\s+|mid-?\s*)?{_MONTH}\s*$"), "m"),
    (re.compile(rf"\b(?:early\s+|late\s+|mid-?\s*|end\s+of\s+|beginning\s+of\s+){_MONTH}"
                rf"(?:\s+(this|last)\s+year)?"), "m"),
    (re.compile(rf"\b{_MONTH}\s+(this|last)\s+year\b"), "m"),
]


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else
                  word.lower().rstrip(".")[:3]]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _before(candidate: date | None, published: date | None) -> date | None:
    """A year-less date lies in the publication year, or the year before if that is later."""
    if candidate and published and candidate > published + timedelta(days=7):
        return _safe(candidate.year - 1, candidate.month, candidate.day)
    return candidate


def _month_shift(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


TODAY = re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b")
YESTERDAY = re.compile(r"\b(?:yesterday|last night|last evening|overnight)\b")
# Times of day that say the day too ("last night", "Saturday afternoon", which an NER tags a
# time).
DAY_TIMES = re.compile(f"{TODAY.pattern}|{YESTERDAY.pattern}|"
                       r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def _relative(text: str, published: date) -> str | None:
    low = text.lower()
    if TODAY.search(low):
        return published.isoformat()
    if YESTERDAY.search(low):
        return (published - timedelta(days=1)).isoformat()  # a wire's "last night"
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (published.weekday() - index) % 7
            if re.search(r"\blast\b", low) and back in (0, 1):
                back += 7  # the day before is "yesterday": "last Thursday" on a Friday is 8 back
            if re.search(r"\b(?:last|previous) week\b", low):
                # "Wednesday last week": that weekday in the calendar week before this one
                back = published.weekday() + 7 - index
            return (published - timedelta(days=back)).isoformat()
    if re.search(r"\b(last|past|previous) (week|weekend)\b", low):
        return (published - timedelta(days=7)).isoformat()[:7]  # within that month, at best
    if re.search(r"\b(this|earlier this) (week|weekend)\b", low):
        return published.isoformat()[:7]
    if re.search(r"\b(this|earlier this|later this|since the start of this) month\b", low):
        return published.isoformat()[:7]
    if re.search(r"\blast month\b", low):
        return _month_shift(published, -1)
    if re.search(r"\b(this|earlier this) year\b", low):
        return str(published.year)
    if re.search(r"\blast year\b", low):
        return str(published.year - 1)
    ago = AGO.search(low)
    if ago:  # "four months ago": as precise as its unit
        word, unit = ago.groups()
        count = int(word) if word.isdigit() else COUNTS[word]
        if unit.startswith("day"):
            return (published - timedelta(days=count)).isoformat()
        if unit.startswith("week"):
            return (published - timedelta(days=7 * count)).isoformat()[:7]
        if unit.startswith("month"):
            return _month_shift(published, -count)
        return str(published.year - count)
    return None


COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"\d{1,2})\s+(days?|weeks?|months?|years?)\s+ago\b")


# A day of the month alone, as Korean and Japanese readouts date: "on the 13th".
DAY_OF_MONTH = re.compile(r"^(?:on )?the (\d{1,2})(?:st|nd|rd|th)$")


# A span of time after a comma, which the tagger joins to the date before it: "in October,
# days after the attack".
TRAILING_SPAN = re.compile(r",\s*(?:\w+\s+)?(?:hours|days|weeks|months|years)\s*$", re.I)


def normalize_date(text: str, published: date | None = None, year: int | None = None
                   ) -> str | None:
    """ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a date expression, or None.

    A date without a year ("on October 31") lies in ``year`` when the narrative has
    just named one ("During that 2022 trip …"), else in the year up to publication.

    Examples
    --------
    >>> normalize_date("on December 29, 2022")
    '2022-12-29'
    >>> normalize_date("on Thursday", date(2022, 3, 10))
    '2022-03-10'
    >>> normalize_date("Earlier this month", date(2022, 12, 29))
    '2022-12'
    >>> normalize_date("in November 2020")
    '2020-11'
    >>> normalize_date("two weeks") is None
    True
    >>> normalize_date("from October 30 to November 1, 2022")
    '2022-10-30'
    >>> normalize_date("on October 31", date(2023, 12, 12), year=2022)
    '2022-10-31'
    >>> normalize_date("in late June this year", date(2023, 12, 12))
    '2023-06'
    >>> normalize_date("last August", date(2021, 6, 29))
    '2020-08'
    >>> normalize_date("Four months ago", date(2023, 9, 20))
    '2023-05'
    >>> normalize_date("October, days", date(2023, 11, 12))  # "in October, days after …"
    '2023-10'
    """
    text = TRAILING_SPAN.sub("", text)  # the tagger ran the date into the span after it
    for pattern, kind in _PATTERNS:
        match = pattern.search(text.lower())
        if not match:
            continue
        g = match.groups()
        if kind == "mdy-range":
            found = _safe(int(g[-1]), _month(g[0]), int(g[1]))
        elif kind == "ddmy-range":
            found = _safe(int(g[-1]), _month(g[1]), int(g[0]))
        elif kind == "dmy-range":
            found = _safe(int(g[-1]), _month(g[1]), int(g[0]))
        elif kind == "mdy":
            found = _safe(int(g[2]), _month(g[0]), int(g[1]))
        elif kind == "dmy":
            found = _safe(int(g[2]), _month(g[1]), int(g[0]))
        elif kind == "iso":
            found = _safe(int(g[0]), int(g[1]), int(g[2]))
        elif kind in ("md", "dm"):
            if published is None and year is None:
                continue
            month, day = (_month(g[0]), int(g[1])) if kind == "md" else (_month(g[1]), int(g[0]))
            told = RELATIVE_YEAR.search(text)
            if told and published is not None:  # "October 31 last year": that year, whatever
                year = published.year - (told.group(1).lower() == "last")  # the narrative said
            found = _safe(year, month, day) if year else \
                _before(_safe(published.year, month, day), published)  # type: ignore[union-attr]
        elif kind == "my":
            return f"{int(g[1]):04d}-{_month(g[0]):02d}"
        elif kind == "lm":  # "last August": the latest August before this month
            if published is None:
                continue
            month = _month(g[1])
            in_year = published.year if g[0] == "this" or month < published.month else \
                published.year - 1
            return f"{in_year:04d}-{month:02d}"
        elif kind == "m":  # "in early July": the last July before publication
            month = _month(g[0])
            relative = g[1] if len(g) > 1 else None
            if relative and published:
                return f"{published.year - (relative == 'last'):04d}-{month:02d}"
            if year:
                return f"{year:04d}-{month:02d}"
            if published is None:
                continue
            in_year = published.year if month <= published.month else published.year - 1
            return f"{in_year:04d}-{month:02d}"
        else:
            return g[0]
        if found:
            return found.isoformat()
    day = DAY_OF_MONTH.search(text.lower())
    if day and published is not None:  # "on the 13th (local time)": of the month published,
        found = _safe(published.year, published.month, int(day.group(1)))  # or the one before
        if found is None or found > published:
            earlier = published.replace(day=1) - timedelta(days=1)
            found = _safe(earlier.year, earlier.month, int(day.group(1)))
        return found.isoformat() if found else None
    return _relative(text, published) if published else None
