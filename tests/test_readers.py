from __future__ import annotations

import json
from datetime import date

from kg.errors import LoadError
from loaders.clean import blank_boilerplate
from loaders.dates import normalize_date
from loaders.readers import iter_articles, read_html, read_text

from .conftest import EXAMPLES


def test_text_article_takes_headline_and_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Leaders meet\n\nANKARA, March 3, 2021 - Two leaders met.\n", "utf-8")
    article = read_text(path)
    assert article.title == "Leaders meet"
    assert article.published == date(2021, 3, 3)
    assert article.source_id == "a"


def test_html_article_strips_boilerplate_and_reads_metadata():
    article = read_html(EXAMPLES / "sochi-visit.html")
    assert article.title == "Erdogan visits Sochi for talks with Putin"
    assert article.url == "https://example.org/news/sochi-visit"
    assert article.published == date(2023, 9, 4)
    assert "Subscribe" not in article.text and "Privacy" not in article.text
    assert "Black Sea grain deal" in article.text


def test_jsonl_lines_carry_metadata_and_bad_lines_report_and_go_on(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Two ministers met.", "published": "2020-01-02",
                    "url": None, "title": None}),
        "{not json",
        json.dumps({"id": "x2", "text": ""}),
        json.dumps({"id": "x3", "text": "Another report.", "published": "02/01/2020"}),
        json.dumps({"text": "No id here.", "url": "https://example.org/n"}),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == [
        "Article", "LoadError", "LoadError", "LoadError", "Article"]
    assert items[0].published == date(2020, 1, 2) and items[0].source_id == "x1"
    assert items[4].source_id == "https://example.org/n"
    messages = [str(i) for i in items if isinstance(i, LoadError)]
    assert messages[0].startswith("[E103]") and "line 2" in messages[0]
    assert "line 3" in messages[1] and "'text'" in messages[1]
    assert messages[2].startswith("[E105]") and "02/01/2020" in messages[2]


def test_folders_missing_and_unsupported_inputs(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(iter_articles([EXAMPLES, tmp_path / "nope.txt", tmp_path / "notes.pdf"]))
    articles = [i for i in items if not isinstance(i, LoadError)]
    errors = [str(i) for i in items if isinstance(i, LoadError)]
    assert len(articles) == 4
    assert errors[0].startswith("[E101]") and "nope.txt" in errors[0]
    assert errors[1].startswith("[E102]") and "notes.pdf" in errors[1]


def test_boilerplate_is_blanked_without_moving_offsets():
    text = ("Talks in Doha\nThe two sides met on Monday.\n"
            "A minister arrives for talks\nA minister arrives for talks (Photo: Agency)\n"
            "Copyright 2024 Example\nAbout us: we write news.\n")
    cleaned = blank_boilerplate(text)
    assert len(cleaned) == len(text)
    kept = [line.strip() for line in cleaned.splitlines() if line.strip()]
    assert kept == ["Talks in Doha", "The two sides met on Monday."]


def test_bylines_are_blanked_but_not_sentences_opening_with_by():
    text = ("Truce signed in Pretoria\nBy Staff Reporter, Horn Desk\n"
            "By Wednesday evening the two sides had agreed.\n"
            "By Tuesday, Kiir and Machar had signed.\n"
            "(Reporting by Staff; Editing by Desk)\n")
    kept = [line.strip() for line in blank_boilerplate(text).splitlines() if line.strip()]
    assert kept == ["Truce signed in Pretoria", "By Wednesday evening the two sides had agreed.",
                    "By Tuesday, Kiir and Machar had signed."]


def test_a_dateline_on_a_line_of_its_own_is_kept():
    text = ("Leaders meet in Astana\nBy Our Correspondent\nASTANA, July 4\n"
            "The two presidents met on Thursday.\nHome | World\n")
    kept = [line.strip() for line in blank_boilerplate(text).splitlines() if line.strip()]
    assert kept == ["Leaders meet in Astana", "ASTANA, July 4",
                    "The two presidents met on Thursday."]


def test_dates_relative_and_absolute():
    published = date(2022, 3, 10)  # a Thursday
    assert normalize_date("on Thursday", published) == "2022-03-10"
    assert normalize_date("on Monday", published) == "2022-03-07"
    assert normalize_date("yesterday", published) == "2022-03-09"
    assert normalize_date("last night", published) == "2022-03-09"
    assert normalize_date("overnight", published) == "2022-03-09"
    assert normalize_date("earlier this month", published) == "2022-03"
    assert normalize_date("last month", published) == "2022-02"
    assert normalize_date("December 30", date(2023, 1, 2)) == "2022-12-30"
    assert normalize_date("on 9 November 2020") == "2020-11-09"
    assert normalize_date("in 2019") == "2019"
    assert normalize_date("two weeks", published) is None
    # a weekday "last week" lies in the calendar week before, not in this one
    assert normalize_date("Wednesday last week", date(2023, 12, 15)) == "2023-12-06"
    assert normalize_date("last Wednesday", date(2023, 12, 15)) == "2023-12-13"
    # the day before is "yesterday": "last Thursday" on a Friday is eight days back
    assert normalize_date("last Thursday", date(2024, 3, 8)) == "2024-02-29"
