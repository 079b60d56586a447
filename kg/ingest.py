"""Ingest articles: load -> extract -> resolve -> store, one transaction per article.

A bad input is reported and skipped; the batch goes on and nothing already stored
is lost.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import KGError
from kg.resolve import build_index, resolve
from kg.store import AddResult, Store
from kg.types import Article
from queries import get_query


@dataclass
class IngestReport:
    """What an ingest did, article by article."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0

    @property
    def ok(self) -> bool:
        """True when every input was read and stored."""
        return not self.failed

    def summary(self) -> str:
        """One line for the terminal."""
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} failed; "
                f"{self.events} events")


def _progress(items: list, enabled: bool | None) -> Iterable:
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="ingest", unit="article", file=sys.stderr)


def ingest(paths: Iterable[str | Path], store: Store, *, published: date | None = None,
           model: str | None = None, progress: bool | None = None,
           on_error: Callable[[str, str], None] | None = None) -> IngestReport:
    """Read, extract and store every article under ``paths``.

    Parameters
    ----------
    paths
        Files (``.txt``, ``.html``, ``.jsonl``) and folders of them.
    store
        Where the triples go, one named graph per article.
    published
        Publication date for articles that do not give one.
    model
        spaCy pipeline to use (default: ``pipeline.cfg``, or ``KG_SPACY_MODEL``).
    progress
        Show a progress bar (default: when standard error is a terminal).
    on_error
        Called with (input, message) for each input that fails.
    """
    from kg.errors import LoadError
    from loaders.pipeline import build_pipeline, extract
    from loaders.readers import iter_articles

    report = IngestReport()

    def fail(source: str, message: str) -> None:
        report.failed.append((source, message))
        if on_error is not None:
            on_error(source, message)

    items = list(iter_articles(paths, published))
    articles: list[Article] = []
    for item in items:
        if isinstance(item, LoadError):
            fail(str(item).split(":")[0], str(item))
        else:
            articles.append(item)
    if not articles:
        return report
    nlp = build_pipeline(model)
    index_query = get_query("_actor_index")
    index = build_index(store.select(index_query.sparql)) if index_query else {}
    for article in _progress(articles, progress):
        try:
            if store.contains(article.source_id, article.content_hash):
                report.unchanged.append(article.source_id)
                continue
            extraction = resolve(extract(article, nlp), index)
            result = store.add(extraction)
        except KGError as exc:
            fail(article.source_id, str(exc))
            continue
        report.events += len(extraction.events)
        {AddResult.ADDED: report.added, AddResult.REPLACED: report.replaced,
         AddResult.UNCHANGED: report.unchanged}[result].append(article.source_id)
    return report
