"""Blank out site boilerplate (captions, bylines, footers) without moving any character.

Boilerplate lines are replaced by spaces of the same length, so the character offsets
of everything else still point into the article as published.
"""

from __future__ import annotations

import re

from loaders.mentions import big_cities, fold

BOILERPLATE = re.compile(
    r"copyright|©|all rights reserved|\bsubscribe\b|newsletter|leave a (comment|reply)"
    r"|related (articles|posts|news)|back to top|no comments|image credit|photo credit"
    r"|\(photo\b|\bphoto:|\(ap photo|click here|follow us|share this|read more|sign up"
    r"|enter your email|cookies?\b.*\b(accept|policy)|all photos|getty images"
    r"|/ ?(afp|reuters|ap|anadolu)\)|\((afp|reuters|ap|anadolu|xinhua|tass|spa|wam|irna)\)\s*$"
    r"|^file\s*[-–—]|^\W*updated\b",
    re.IGNORECASE,
)
FOOTER = re.compile(r"copyright|©|all rights reserved", re.IGNORECASE)
# "By Staff Reporter, Gulf Desk", "By Lamin K. Jobe in Banjul", "(Reporting by …; Editing by …)"
BYLINE = re.compile(r"^(?:[Bb]y\s+(?:[A-Z][\w.'’-]*|and|in|of|&)(?:(?:,|\s\|)?\s+(?:[A-Z][\w.'’-]*|"
                    r"and|in|of|&)){0,8},?|\(?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by\b.*)$")
# The place a byline ends with ("By Our Correspondent, Kigali", "By A. Kamel | CAIRO",
# "By Lamin K. Jobe in Banjul"): kept when the rest of the byline is blanked, as a dateline.
BYLINE_PLACE = re.compile(r"(?:,|\s\||\sin)\s+([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2})$")
_WORD = re.compile(r"[A-Za-z]+")
# A dateline on a line of its own ("NAIROBI, May 16", "SAMARKAND, 16 September 2022:"):
# short, but the story's place and day, not a menu.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_LINE = re.compile(rf"^[A-Z][A-Z.'’ -]+,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
                           r"(?:,?\s+\d{4})?\s*[:–—-]?$")


def _opening(line: str, words: int = 5) -> tuple[str, ...]:
    return tuple(_WORD.findall(line)[:words])


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the lines that are boilerplate.

    A line is boilerplate when it matches a site pattern (copyright, captions with a
    photo credit, subscribe prompts, comment counters), repeats an earlier line or is
    a prefix of the next one (a caption printed twice), or is a short fragment of at
    most three words (menus, bylines) after the headline; everything after a copyright
    line is footer.
    """
    spans: list[tuple[int, int]] = []
    lines = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, offset + len(line.rstrip("\r\n")), line.strip()))
        offset += len(line)
    seen: set[str] = set()
    in_footer = False
    first_content = next((i for i, (_, _, s) in enumerate(lines) if s), 0)
    for index, (start, end, stripped) in enumerate(lines):
        if not stripped:
            continue
        following = next((s for _, _, s in lines[index + 1:] if s), "")
        words = _WORD.findall(stripped)
        in_footer = in_footer or bool(FOOTER.search(stripped))
        if (
            in_footer
            or BOILERPLATE.search(stripped)
            or BYLINE.match(stripped) and not re.search(r"\w\w\.$", stripped)
            or (BOILERPLATE.search(following) and _opening(following) == _opening(stripped))
            or stripped in seen
            or (following and following != stripped and following.startswith(stripped))
            or (index != first_content and len(words) <= 3 and not stripped.endswith(".")
                and not DATELINE_LINE.match(stripped))
        ):
            spans.append((start, end))
        seen.add(stripped)
    return spans


# News-agency credits inside a dateline: "ISTANBUL (AP) —", "MOSCOW, January 11. /TASS/."
_AGENCIES = r"AP|AFP|Reuters|dpa(?:/\w+)?|Xinhua|SPA|WAM|IRNA|ANI|PTI|UPI"
AGENCY = re.compile(rf"\((?:{_AGENCIES}|[A-Z]{{2,8}}|[A-Z][a-z]+)\)(?=\s*[-–—:])"
                    rf"|\((?:{_AGENCIES})\)"
                    r"|/(?:TASS|AFP|Xinhua)/\.?"
                    r"|(?m:^[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?[.,] ?[A-Z]{3,12}(?= [-–—]))"
                    r"|(?m:^[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?, [A-Za-z0-9 .,]{3,25}, "
                    r"[A-Z]{2,12}(?= ?[-–—]))")
# (the last two: "NUR-SULTAN. KAZINFORM –", "Tehran, IRNA –", the agency after a dateline
# city; "Riyadh, October 11, 2023, SPA --", after the city and the date)


# A blessing set off after a sovereign's name: "King Mohammed VI, may God assist Him, received
# …", "(may Allah protect him)": a formula of court style, no clause of the story.
BLESSING = re.compile(r"[,(]\s*may (?:God|Allah) (?:\w+ ){0,2}?(?:assist|preserve|protect|bless|"
                      r"keep|glorify|help|guide|grant|have mercy on|rest)\w* (?:him|Him|his|His|"
                      r"them|Them)(?: soul)?(?: in peace)?\s*[,)]")


# "It will be recalled that X was received …": a reminder of readouts, no future of its own.
RECALLED = re.compile(r"\b[Ii]t (?:will|should|may|is|must) be (?:recalled|remembered|noted) "
                      r"that\s")


def blank_boilerplate(text: str) -> str:
    """``text`` with every boilerplate line replaced by spaces (offsets unchanged).

    >>> blank_boilerplate("Talks held\\nCopyright 2024 Example").split("\\n")[1].strip()
    ''
    """
    chars = list(text)
    for start, end in boilerplate_lines(text):
        line = text[start:end]
        place = BYLINE_PLACE.search(line) if BYLINE.match(line.strip()) else None
        if place and fold(place.group(1)) not in big_cities(15_000):
            place = None  # "By Staff Reporter, Horn Desk": no place
        keep = (start + place.start(1), start + place.end(1)) if place else (end, end)
        chars[start:keep[0]] = " " * (keep[0] - start)
        chars[keep[1]:end] = " " * (end - keep[1])
    for match in AGENCY.finditer(text):
        found = match.group(0)
        if found[0].isupper():  # "NUR-SULTAN. KAZINFORM": keep the city, blank the agency
            start = match.start() + max(found.rfind(" "), found.rfind("."), found.rfind(",")) + 1
            chars[start:match.end()] = " " * (match.end() - start)
            continue
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    for match in [*BLESSING.finditer(text), *RECALLED.finditer(text)]:
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars)
