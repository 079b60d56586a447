"""Loaders: articles in (text, HTML, JSON Lines), typed extractions out."""

from loaders.readers import iter_articles, read_html, read_jsonl, read_text

__all__ = ["iter_articles", "read_html", "read_jsonl", "read_text"]
