"""Read articles from ``.txt``, ``.html`` and ``.jsonl`` files, and folders of them.

Each reader yields :class:`kg.types.Article`; a bad input yields a
:class:`kg.errors.LoadError` in its place so that a batch goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import Errors, LoadError
from kg.types import Article

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
_DATELINE_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
    r",?\s+\d{4}\b"
)


def parse_published(value: object, source: str) -> date | None:
    """An ISO date (or datetime) string as a date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise LoadError(Errors.E105.format(value=value, path=source)) from None


def dateline_date(text: str) -> date | None:
    """The date of a dateline ("BEIJING, June 19, 2023 -") near the top of a text, if any."""
    from dateutil import parser

    from loaders.clean import blank_boilerplate

    match = _DATELINE_DATE.search(blank_boilerplate(text[:600])[:400])  # not a photo's date
    if not match:
        return None
    try:
        text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", match.group(0)).replace("Sept", "Sep")
        return parser.parse(text).date()
    except (ValueError, OverflowError):
        return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(Errors.E101.format(path=path, reason=exc)) from None


def _title_of(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    return first if first and len(first) <= 200 else None


def read_text(path: Path, published: date | None = None) -> Article:
    """A plain-text article; its first line is taken as the headline."""
    text = _read(path)
    if not text.strip():
        raise LoadError(Errors.E104.format(path=path))
    return Article(text=text, id=path.stem, title=_title_of(text),
                   published=published or dateline_date(text), path=str(path))


def read_html(path: Path, published: date | None = None) -> Article:
    """An HTML page: boilerplate stripped by trafilatura, metadata from the page."""
    import trafilatura

    html = _read(path)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise LoadError(Errors.E104.format(path=path))
    title = (doc.title or "").strip() or None
    body = doc.text.strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    when = published or parse_published(doc.date, str(path)) if doc.date else published
    return Article(text=text, id=path.stem, title=title, url=doc.url or None,
                   published=when, path=str(path))


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article | LoadError]:
    """One article a line: ``text`` and optional ``id``, ``title``, ``url``, ``published``."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        yield LoadError(Errors.E101.format(path=path, reason=exc))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield _article_from_record(json.loads(line), path, number, published)
            except json.JSONDecodeError as exc:
                yield LoadError(Errors.E103.format(path=path, line=number, reason=exc.msg))
            except LoadError as exc:
                yield exc


def _article_from_record(record: object, path: Path, number: int,
                         published: date | None) -> Article:
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        raise LoadError(Errors.E103.format(path=path, line=number, reason="not a JSON object"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(Errors.E103.format(path=path, line=number, reason="no 'text'"))
    for key in ("id", "title", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise LoadError(Errors.E103.format(path=path, line=number,
                                               reason=f"'{key}' is not a string"))
    return Article(
        text=text,
        id=record.get("id") or None,
        title=record.get("title") or _title_of(text),
        url=record.get("url") or None,
        published=published or parse_published(record.get("published"), where),
        path=where,
    )


def expand(paths: Iterable[str | Path]) -> Iterator[Path | LoadError]:
    """Files to read: each path, or the supported files of a folder, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not p.name.endswith(".gold.json"))
        elif not path.exists():
            yield LoadError(Errors.E101.format(path=path, reason="no such file or folder"))
        elif path.suffix.lower() not in SUFFIXES:
            yield LoadError(Errors.E102.format(path=path))
        else:
            yield path


def iter_articles(paths: Iterable[str | Path],
                  published: date | None = None) -> Iterator[Article | LoadError]:
    """Every article under ``paths``; a bad input yields its error and the batch goes on."""
    for item in expand(paths):
        if isinstance(item, LoadError):
            yield item
            continue
        suffix = item.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(item, published)
            continue
        reader = read_text if suffix == ".txt" else read_html
        try:
            yield reader(item, published)
        except LoadError as exc:
            yield exc
