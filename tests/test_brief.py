"""Briefings: every factual line cites a source sentence, output is deterministic and escaped."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from kg.brief import Brief, build_brief, render_html, render_markdown, write_brief
from kg.errors import KGError, PresentError

FIXTURE = Path(__file__).parent / "fixtures" / "events.json"
ARTIFACTS = Path(__file__).parent / "artifacts"
ID = "https://w3id.org/geokg/id/"


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- a Türkiye corpus


def _actor(key: str, label: str, kind: str = "State", role: str | None = None,
           affiliation: tuple[str, str] | None = None) -> dict[str, Any]:
    return {
        "id": ID + "actor/" + key, "label": label, "type": kind, "role": role,
        "affiliation": {"id": ID + "actor/" + affiliation[0], "label": affiliation[1]}
        if affiliation else None,
    }


def _event(key: str, kind: str, day: str | None, place: str | None, sentence: str, *,
           article: str, participants: list[dict[str, Any]],
           mediators: list[dict[str, Any]] = (), hosts: list[dict[str, Any]] = (),  # type: ignore[assignment]
           topics: list[str] = (), url: str | None = None,  # type: ignore[assignment]
           start: int = 0) -> dict[str, Any]:
    return {
        "id": ID + "event/" + key, "type": kind, "date": day,
        "location": {"id": ID + "place/" + place.lower(), "label": place} if place else None,
        "participants": participants, "mediators": list(mediators), "hosts": list(hosts),
        "topics": list(topics), "confidence": 0.8, "extractor": "test",
        "sources": [{
            "article": article, "title": f"Report {article}", "url": url,
            "published": day, "evidence": sentence, "start": start,
            "end": start + len(sentence),
        }],
    }


TURKIYE = ("tr", "Türkiye")
AKAR = _actor("hulusi-akar", "Hulusi Akar", "Person", "Minister of National Defence", TURKIYE)
ABBAS = _actor("ali-mahmoud-abbas", "Ali Mahmoud Abbas", "Person", "Minister of Defence",
               ("sy", "Syria"))
SHOIGU = _actor("sergei-shoigu", "Sergei Shoigu", "Person", "Minister of Defence",
                ("ru", "Russia"))
MOSCOW_SENTENCE = (
    "Turkish Defence Minister Hulusi Akar and his Syrian counterpart Ali Mahmoud Abbas sat down "
    "together in Moscow on Thursday, with Russian Defence Minister Sergei Shoigu acting as "
    "go-between, for talks covering the Syrian crisis, refugees and counter-terrorism."
)


def turkiye_events() -> list[dict[str, Any]]:
    """Six events around Türkiye, with sentences written for this test."""
    return [
        _event(
            "grain-deal", "Agreement", "2022-07-22", "Istanbul",
            "At a ceremony in Istanbul on Friday, Russia and Ukraine each signed a deal to let "
            "grain ships leave Black Sea ports, with Türkiye and the United Nations as guarantors.",
            article="istanbul-grain", url="https://news.example.org/grain",
            participants=[_actor("ru", "Russia"), _actor("ua", "Ukraine")],
            mediators=[_actor("tr", "Türkiye"), _actor("un", "United Nations", "Organization")],
            topics=["Black Sea grain exports"],
        ),
        _event(
            "moscow-defence", "Meeting", "2022-12-29", "Moscow", MOSCOW_SENTENCE,
            article="moscow-talks", url="https://news.example.org/moscow",
            participants=[AKAR, ABBAS], mediators=[SHOIGU],
            topics=["Syrian crisis", "refugees", "counter-terrorism"], start=40,
        ),
        _event(
            "erdogan-putin", "PhoneCall", "2023-01-05", None,
            "President Recep Tayyip Erdoğan told Vladimir Putin by telephone on Thursday that "
            "the grain corridor should stay open.",
            article="ankara-call",
            participants=[
                _actor("erdogan", "Recep Tayyip Erdoğan", "Person", "President", TURKIYE),
                _actor("putin", "Vladimir Putin", "Person", "President", ("ru", "Russia")),
            ],
            topics=["grain corridor"],
        ),
        _event(
            "paris-treaty", "Meeting", "2023-01-22", "Paris",
            "Olaf Scholz and Emmanuel Macron marked the anniversary of their countries' "
            "friendship treaty in Paris on Sunday.",
            article="paris-anniversary",
            participants=[
                _actor("scholz", "Olaf Scholz", "Person", "Chancellor", ("de", "Germany")),
                _actor("macron", "Emmanuel Macron", "Person", "President", ("fr", "France")),
            ],
            topics=["Franco-German friendship treaty"],
        ),
        _event(
            "blinken-ankara", "Visit", "2023-02-20", "Ankara",
            "Antony Blinken arrived in Ankara on Monday, where Mevlüt Çavuşoğlu welcomed him "
            "for talks on earthquake relief and NATO enlargement.",
            article="ankara-visit", url="javascript:alert(document.domain)",
            participants=[
                _actor("blinken", "Antony Blinken", "Person", "Secretary of State",
                       ("us", "United States")),
                _actor("cavusoglu", "Mevlüt Çavuşoğlu", "Person", "Foreign Minister",
                       ("turkey-variant", "Turkey")),
            ],
            hosts=[_actor("cavusoglu", "Mevlüt Çavuşoğlu", "Person", "Foreign Minister",
                          ("turkey-variant", "Turkey"))],
            topics=["earthquake relief", "NATO enlargement"],
        ),
        _event(
            "quartet-moscow", "Meeting", "2023-05", "Moscow",
            "The foreign ministers of Türkiye, Syria, Russia and Iran met in Moscow in May to "
            "discuss restoring ties between Ankara and Damascus.",
            article="moscow-quartet",
            participants=[
                _actor("cavusoglu", "Mevlüt Çavuşoğlu", "Person", "Foreign Minister", TURKIYE),
                _actor("mekdad", "Faisal Mekdad", "Person", "Foreign Minister", ("sy", "Syria")),
                _actor("amir-abdollahian", "Hossein Amir-Abdollahian", "Person",
                       "Foreign Minister", ("ir", "Iran")),
            ],
            hosts=[_actor("lavrov", "Sergei Lavrov", "Person", "Foreign Minister",
                          ("ru", "Russia"))],
            topics=["normalisation of Turkish-Syrian relations"],
        ),
    ]


# --------------------------------------------------------------------------- helpers


def _event_ids(brief: Brief, events: list[dict[str, Any]]) -> set[str]:
    """Ids of the input events whose every source sentence the brief lists."""
    quoted = {(s.article, s.quote) for s in brief.sources}
    return {e["id"] for e in events
            if all((s["article"], s["evidence"]) in quoted for s in e["sources"])}


def _md_section(md: str, heading: str) -> str:
    return md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _factual_md_lines(md: str) -> list[str]:
    """Lines stating facts: the covered period and everything between the BLUF and Sources."""
    body = md.split("## Bottom line up front", 1)[1].split("## Sources", 1)[0]
    lines = [line for line in md.splitlines() if line.startswith("**Period covered:**")]
    raw = body.splitlines()
    for index, line in enumerate(raw):
        following = raw[index + 1] if index + 1 < len(raw) else ""
        if (not line.strip() or line.startswith("#") or line.startswith("|---")
                or following.startswith("|---") or line.startswith("![")
                or line == "_None in the selected events._"):
            continue
        lines.append(line)
    return lines


def _sources_md(md: str) -> dict[int, str]:
    section = md.split("## Sources", 1)[1]
    return {int(n): line for n, line in re.findall(r'^(\d+)\. (<a id="src-\1"></a>.*)$',
                                                    section, flags=re.M)}


def _inputs_by_article(events: list[dict[str, Any]]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for event in events:
        for source in event["sources"]:
            table.setdefault(source["article"], set()).add(source["evidence"])
    return table


def _md_unescape(text: str) -> str:
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


SCOPES = [
    {"actor": "United States"},
    {"pair": ("Israel", "Hamas")},
    {"topic": "Gaza"},
]


# --------------------------------------------------------------------------- citations


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: next(iter(s)))
def test_every_claim_of_the_brief_cites_existing_sources(events, scope):
    brief = build_brief(events, **scope)
    numbers = {s.number for s in brief.sources}
    assert sorted(numbers) == list(range(1, len(brief.sources) + 1))
    claims = [brief.period, *brief.bluf, *(t.claim for t in brief.timeline),
              *(c.caption for c in brief.charts)]
    for claim in claims:
        assert claim.cites, claim.text
        assert set(claim.cites) <= numbers
    for row in (*brief.meetings, *brief.actors, *brief.agreements):
        assert row.cites and set(row.cites) <= numbers, row
    # The opening count summarises every selected event, so it cites every source sentence.
    assert set(brief.bluf[0].cites) == numbers
    assert 3 <= len(brief.bluf) <= 5


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: next(iter(s)))
def test_every_factual_markdown_line_cites_a_quoted_sentence(events, scope):
    brief = build_brief(events, **scope)
    md = render_markdown(brief)
    factual = _factual_md_lines(md)
    assert len(factual) >= len(brief.timeline) + len(brief.meetings) + len(brief.actors)
    for line in factual:
        assert re.search(r"\[\[\d+\]\]\(#src-\d+\)", line), line
    bluf = _md_section(md, "Bottom line up front").strip()
    assert len(re.split(r"(?<=\)\.) ", bluf)) == len(brief.bluf)

    entries = _sources_md(md)
    evidence = _inputs_by_article(events)
    cited = {int(n) for n in re.findall(r"\(#src-(\d+)\)", md)}
    assert cited == set(entries) == {s.number for s in brief.sources}
    for number in cited:
        quote = re.search(r"“(.*?)” — .*; article (\S+?),", entries[number])
        assert quote, entries[number]
        article = _md_unescape(quote.group(2))
        assert _md_unescape(quote.group(1)) in evidence[article]


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: next(iter(s)))
def test_every_factual_html_element_links_to_a_quoted_sentence(events, scope):
    brief = build_brief(events, **scope)
    page = lxml_html.fromstring(render_html(brief))
    factual = page.xpath(
        "//section[@id='bluf']/p | //ol[@class='timeline']/li | //tbody/tr | //figcaption"
        " | //dt[.='Period covered']/following-sibling::dd[1]"
    )
    assert len(factual) == (1 + len(brief.timeline) + len(brief.meetings) + len(brief.actors)
                            + len(brief.agreements) + len(brief.charts) + 1)
    for element in factual:
        assert element.xpath(".//a[@class='cite']"), element.text_content()

    evidence = _inputs_by_article(events)
    hrefs = {a.get("href") for a in page.xpath("//a[@class='cite']")}
    assert hrefs == {f"#src-{s.number}" for s in brief.sources}
    for href in hrefs:
        (entry,) = page.xpath(f"//ol[@class='sources']/li[@id='{href[1:]}']")
        article = entry.xpath(".//span[@class='article']")[0].text_content()
        quote = entry.xpath(".//blockquote")[0].text_content().strip("“”")
        assert quote in evidence[article]


def test_long_aggregates_shorten_citations_but_keep_every_number_linked():
    many = [
        _event(f"call-{n}", "PhoneCall", f"2023-03-{n + 1:02d}", None,
               f"The two leaders spoke for the {n + 1}th time this month.", article=f"a{n}",
               participants=[_actor("x", "Xland"), _actor("y", "Yland")])
        for n in range(12)
    ]
    brief = build_brief(many, actor="Xland")
    assert len(brief.bluf[0].cites) == 12
    page = lxml_html.fromstring(render_html(brief))
    bluf_links = page.xpath("//section[@id='bluf']//a[@class='cite']")
    assert "[…]" in [a.text_content() for a in bluf_links]
    ids = set(page.xpath("//ol[@class='sources']/li/@id")) | {"sources"}
    assert {a.get("href")[1:] for a in page.xpath("//a[@class='cite']")} <= ids


# --------------------------------------------------------------------------- Türkiye


def test_turkiye_brief_names_the_moscow_meeting():
    events = turkiye_events()
    brief = build_brief(events, actor="Turkiye")
    assert brief.title == "Briefing: Türkiye"
    (entry,) = [t for t in brief.timeline if t.date == "2022-12-29"]
    for words in ("Moscow", "Hulusi Akar", "Minister of National Defence", "Ali Mahmoud Abbas",
                  "Syria", "Sergei Shoigu (Minister of Defence, Russia) mediating",
                  "Syrian crisis", "refugees", "counter-terrorism"):
        assert words in entry.claim.text
    (row,) = [m for m in brief.meetings if m.date == "2022-12-29"]
    assert (row.place, row.mediators_or_hosts) == (
        "Moscow", "mediator: Sergei Shoigu (Minister of Defence, Russia)")
    assert row.topics == "Syrian crisis; refugees; counter-terrorism"
    source = brief.sources[row.cites[0] - 1]
    assert (source.article, source.quote) == ("moscow-talks", MOSCOW_SENTENCE)

    md = render_markdown(brief)
    assert ("| 2022-12-29 | meeting | Moscow | Hulusi Akar (Minister of National Defence, "
            "Türkiye); Ali Mahmoud Abbas (Minister of Defence, Syria) | mediator: Sergei Shoigu "
            "(Minister of Defence, Russia) | Syrian crisis; refugees; counter-terrorism |") in md
    bluf = _md_section(md, "Bottom line up front")
    assert "Mediation came from Russia (1 event: Sergei Shoigu)" in bluf
    assert "Syria (2 events: Ali Mahmoud Abbas and Faisal Mekdad)" in bluf
    page = lxml_html.fromstring(render_html(brief))
    cells = [c.text_content() for c in page.xpath("//table[@class='meetings']//tr[td]")[0]]
    assert cells[:3] == ["2022-12-29", "meeting", "Moscow"]


def test_turkiye_brief_matches_affiliates_and_spelling_variants():
    events = turkiye_events()
    ids = _event_ids(build_brief(events, actor="Turkiye"), events)
    # Türkiye mediates the grain deal; its ministers and president act for it elsewhere.
    assert ids == {ID + "event/" + k for k in
                   ("grain-deal", "moscow-defence", "erdogan-putin", "quartet-moscow")}
    assert _event_ids(build_brief(events, actor="TÜRKİYE"), events) == ids
    assert _event_ids(build_brief(events, actor=ID + "actor/tr"), events) == ids
    with_alias = _event_ids(build_brief(events, actor="Turkiye", aliases=["Turkey"]), events)
    assert with_alias == ids | {ID + "event/blinken-ankara"}
    (grain,) = build_brief(events, actor="Turkiye").agreements
    assert grain.mediators == "Türkiye; United Nations"
    assert grain.topics == "Black Sea grain exports"


def test_person_brief_lists_roles_at_the_time():
    brief = build_brief(turkiye_events(), actor="Mevlut Cavusoglu")
    (row,) = [a for a in brief.actors if a.label == "Mevlüt Çavuşoğlu"]
    assert row.roles == "Foreign Minister (2023-02-20 – 2023-05)"
    assert row.capacities == "host ×1, participant ×2"
    assert row.events == 2


def test_unsafe_urls_are_not_linked():
    events = turkiye_events()
    brief = build_brief(events, actor="Turkey")
    page = lxml_html.fromstring(render_html(brief))
    hrefs = page.xpath("//a/@href")
    assert not [h for h in hrefs if not h.startswith(("#", "https://", "http://"))]
    assert " · javascript:alert(document.domain)</p>" in render_html(brief)
    assert "(javascript:" not in render_markdown(brief)
    assert "<javascript:" not in render_markdown(brief)


# --------------------------------------------------------------------------- scopes and dates


def test_pair_scope_needs_both_actors(events):
    brief = build_brief(events, pair=("United States", "China"))
    assert [t.date for t in brief.timeline] == ["2023-06-18", "2023-06-19"]
    assert brief.title == "Briefing: United States – China"
    brief = build_brief(events, pair=("hamas", "ISRAEL"))
    assert [(m.date, m.kind) for m in brief.meetings] == [("2023-11-21", "meeting")]
    assert [a.date for a in brief.agreements] == ["2023-11-22"]
    with pytest.raises(PresentError, match=r"\[E602\].*'Egypt' and 'Israel'"):
        build_brief(events, pair=("Egypt", "Israel"))


def test_pair_scope_counts_mediators():
    brief = build_brief(turkiye_events(), pair=("Russia", "Turkiye"))
    assert [t.date for t in brief.timeline] == ["2022-07-22", "2022-12-29", "2023-01-05",
                                                "2023-05"]


@pytest.mark.parametrize(("topic", "dates"), [
    ("Gaza", ["2023-11-21", "2023-11-21"]),
    ("truce", ["2023-11-21", "2023-11-22"]),
    ("gaza TRUCE", ["2023-11-21"]),
    ("Taiwan", ["2023-06-18"]),
])
def test_topic_scope_matches_all_words(events, topic, dates):
    assert [t.date for t in build_brief(events, topic=topic).timeline] == dates


@pytest.mark.parametrize(("since", "until", "dates"), [
    ("2023-07", None, ["2023-11-21"]),
    (None, "2023-06-18", ["2023-06-18"]),
    ("2023-06", "2023-06", ["2023-06-18", "2023-06-19"]),
    ("2023", "2023", ["2023-06-18", "2023-06-19", "2023-11-21"]),
])
def test_since_and_until_bound_the_events(events, since, until, dates):
    brief = build_brief(events, actor="United States", since=since, until=until)
    assert [t.date for t in brief.timeline] == dates
    assert brief.requested_period == " ".join(
        p for p in (since and f"since {since}", until and f"until {until}") if p) or "all dates"


def test_partial_dates_overlap_the_period():
    brief = build_brief(turkiye_events(), actor="Türkiye", since="2023-05-15")
    assert [t.date for t in brief.timeline] == ["2023-05"]


def test_empty_selection_says_what_was_asked(events):
    with pytest.raises(PresentError) as caught:
        build_brief(events, actor="Qatar", since="2024-01-01", until="2024-12-31")
    assert str(caught.value) == (
        "[E602] Nothing to show: no event involves 'Qatar' between 2024-01-01 and 2024-12-31")
    assert isinstance(caught.value, KGError)
    with pytest.raises(PresentError, match=r"\[E602\].*topic words 'elections'"):
        build_brief(events, topic="elections")


@pytest.mark.parametrize(("scope", "code"), [
    ({}, "E603"),
    ({"actor": "Israel", "topic": "Gaza"}, "E603"),
    ({"pair": ("Israel", "israel")}, "E603"),
    ({"topic": " ,; "}, "E603"),
    ({"actor": "Israel", "since": "2023-13"}, "E605"),
    ({"actor": "Israel", "since": "2024", "until": "2023"}, "E603"),
])
def test_bad_scopes_are_refused(events, scope, code):
    with pytest.raises(PresentError, match=rf"^\[{code}\]"):
        build_brief(events, **scope)


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: next(iter(s)))
def test_rendering_is_deterministic(events, scope):
    shuffled = list(events)
    random.Random(3).shuffle(shuffled)
    assert shuffled != events
    first, second = build_brief(events, **scope), build_brief(shuffled, **scope)
    assert render_markdown(first) == render_markdown(second)
    assert render_html(first) == render_html(second)


def test_html_escapes_article_text_and_stands_alone(events):
    text = render_html(build_brief(events, actor="Egypt"))
    assert "<script" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(&#39;topic&#39;)&lt;/script&gt;" in text
    assert "al-Sisi &lt;img src=x onerror=alert(1)&gt;" in text
    page = lxml_html.fromstring(text)
    assert not page.xpath("//script | //iframe | //object | //link | //*[@style]")
    assert not [a for e in page.iter() for a in e.attrib if a.lower().startswith("on")]
    images = page.xpath("//img/@src")
    assert len(images) == 2 and all(s.startswith("data:image/png;base64,") for s in images)


def test_markdown_escapes_angle_brackets(events):
    md = render_markdown(build_brief(events, actor="Egypt"))
    assert "<script" not in md and "<img" not in md
    assert "al-Sisi &lt;img src=x onerror=alert(1)&gt;" in md
    assert "Qatar hosts &lt;script&gt;alert('t')&lt;/script&gt; negotiators" in md
    tags = set(re.findall(r"<[^>\s]+", md))
    assert tags <= {"<a", "</a", "<https://example.org/news/doha-talks"}


def test_write_brief_writes_each_format(events, tmp_path):
    md = write_brief(events, tmp_path / "b.md", actor="China")
    assert md.read_text(encoding="utf-8").startswith("# Briefing: China\n")
    html = write_brief(events, tmp_path / "b.html", format="html", actor="China")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    pdf = write_brief(events, tmp_path / "b.pdf", format="pdf", actor="China")
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(PresentError, match=r"^\[E604\]"):
        write_brief(events, tmp_path / "b.docx", format="docx", actor="China")
    with pytest.raises(PresentError, match=r"^\[E601\]"):
        write_brief(events, tmp_path / "missing" / "b.md", actor="China")


def test_fixture_and_turkiye_briefs_render_for_inspection(events):
    """Writes the briefs to tests/artifacts (git-ignored) for a look; checks they are PDFs."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name, corpus, scope in (("fixture-us", events, {"actor": "United States"}),
                                ("turkiye", turkiye_events(), {"actor": "Turkiye",
                                                               "aliases": ["Turkey"]})):
        for fmt in ("md", "html", "pdf"):
            path = write_brief(corpus, ARTIFACTS / f"{name}.{fmt}", format=fmt, **scope)
            assert path.stat().st_size > 1000
        assert (ARTIFACTS / f"{name}.pdf").read_bytes().startswith(b"%PDF")
