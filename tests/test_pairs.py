"""The trained reader of who met whom: its candidates, what it adds, its training."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from kg.tools.train_pairs import GoldNames, batch_of, fit, read_articles
from loaders.events import CONTACT
from loaders.pairs import RULE, PairModel, bundled_model, candidates, read_pairs

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


def sure(probability: float, new_events: bool = True) -> PairModel:
    """A model that gives every pair the same probability."""
    import math

    return PairModel({"negated": 0.0}, math.log(probability / (1 - probability)), add=0.4,
                     new_events=new_events)


def read(nlp, text: str):
    """The doc with the rules' drafts, before the reader."""
    events = nlp.get_pipe("kg_events")
    kept, events.pair_model = events.pair_model, None
    try:
        doc = nlp.make_doc(text)
        doc._.published = date(2024, 5, 3)
        for _, component in nlp.pipeline:
            doc = component(doc)
    finally:
        events.pair_model = kept
    return doc


def contacts(drafts):
    return [(d.type, sorted(p.mention.label for p in d.parties), d.rule) for d in drafts
            if d.type in CONTACT]


def test_candidates_are_every_two_actors_of_a_sentence(nlp):
    doc = read(nlp, "Kagame, Museveni and Ruto attended the ceremony in Kigali on Friday.")
    found = candidates(doc, doc._.mentions, doc._.events)
    assert len(found) == 3
    first = found[0]
    assert {first.first.text, first.second.text} == {"Kagame", "Museveni"}
    assert first.features["between=,"] == 1 and first.features["kinds=person|person"] == 1
    assert any(name.startswith("joint=") for name in first.features)


def test_a_sure_pair_the_rules_missed_becomes_a_meeting(nlp):
    doc = read(nlp, "Kagame and Museveni shared the stage in Kigali on Friday.")
    before = contacts(doc._.events)
    drafts = read_pairs(doc, doc._.mentions, list(doc._.events), date(2024, 5, 3), sure(0.9))
    added = [d for d in drafts if d.rule == RULE]
    assert before == []
    assert len(added) == 1
    assert added[0].type == "Meeting" and added[0].confidence == 0.9
    assert sorted(p.mention.label for p in added[0].parties) == ["Paul Kagame", "Yoweri Museveni"]
    assert added[0].location is not None and added[0].location.text == "Kigali"
    assert added[0].date == "2024-05-03"
    alone = read_pairs(doc, doc._.mentions, list(doc._.events), None, sure(0.9, False))
    assert [d for d in alone if d.rule == RULE] == []  # without new events, only joins


def test_the_reader_adds_nothing_to_a_denial_or_to_two_read_otherwise(nlp):
    for text in ("Kishida did not meet Li Qiang in Jakarta.",
                 "Kagame and Museveni will share the stage in Kigali on Friday.",
                 "Mirzoyan and Bayramov initialled the peace treaty in Washington."):
        doc = read(nlp, text)
        drafts = read_pairs(doc, doc._.mentions, list(doc._.events), None, sure(0.9))
        assert [d for d in drafts if d.rule == RULE] == [], text


def test_a_sure_newcomer_joins_the_rules_meeting_of_the_sentence(nlp):
    doc = read(nlp, "Erdogan met Putin in Sochi on Monday as Fidan looked on.")
    drafts = read_pairs(doc, doc._.mentions, list(doc._.events), None, sure(0.9, False))
    met = [d for d in drafts if d.type == "Meeting"]
    assert len(met) == 1
    assert sorted(p.mention.label for p in met[0].parties) == [
        "Hakan Fidan", "Recep Tayyip Erdoğan", "Vladimir Putin"]
    assert met[0].rule.endswith("+" + RULE)


def test_states_that_met_through_their_people_are_no_further_pair(nlp):
    doc = read(nlp, "Turkey's defence minister Hulusi Akar met Syria's defence minister "
                    "Ali Mahmoud Abbas in Moscow on Thursday.")
    drafts = read_pairs(doc, doc._.mentions, list(doc._.events), None, sure(0.9))
    assert [d for d in drafts if d.rule == RULE] == []


def test_the_bundled_model_was_trained_on_every_article_of_the_corpus():
    model = bundled_model()
    assert model is not None
    articles = len(list(CORPUS.glob("*.gold.json")))
    assert model.about.startswith(f"trained on {articles} articles"), \
        "retrain: python -m kg.tools.train_pairs"
    assert 0 < model.add < 1 and model.new_events is False


def test_gold_names_resolve_names_aliases_and_titled_names():
    names = GoldNames([{"id": "erdogan", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"]},
                       {"id": "turkey", "name": "Türkiye", "aliases": ["Turkey", "Ankara"]}])
    assert names.resolve("President Erdogan") == "erdogan"
    assert names.resolve("Recep Tayyip Erdogan, the president") == "erdogan"
    assert names.resolve("Ankara") == "turkey"
    assert names.resolve("Putin") is None
    assert [batch_of(n) for n in ("h18a-03", "h2b-01", "asia-02")] == ["h18", "h2", "asia"]


@pytest.mark.skipif(not CORPUS.exists(), reason="no corpus")
def test_a_model_trained_on_a_few_articles_ranks_annotated_pairs_higher(tmp_path):
    for path in sorted(CORPUS.glob("h1[5-6]?-0[1-3].*")):
        shutil.copy(path, tmp_path)
    articles = read_articles([tmp_path], show_progress=False)
    assert len(articles) == 18 and all(a.candidates for a in articles)
    model = fit(articles)
    scored = [(p, y) for a in articles
              for p, y in zip(model.probabilities(a.candidates), a.labels, strict=True)]
    met = [p for p, y in scored if y]
    other = [p for p, y in scored if not y]
    assert met and other
    assert sum(met) / len(met) > 2 * sum(other) / len(other)
    saved = tmp_path / "model.json"
    model.save(saved)
    again = PairModel.load(saved)
    assert json.loads(saved.read_text())["about"].startswith("trained on 18 articles")
    first = articles[0].candidates
    assert again.probabilities(first) == pytest.approx(model.probabilities(first), abs=1e-3)


def test_a_missing_pair_model_is_a_clear_error(nlp, tmp_path):
    from kg.errors import ExtractionError
    from loaders.pipeline import make_events

    with pytest.raises(ExtractionError, match=r"^\[E203\].*nowhere\.json"):
        make_events(nlp, "kg_events", str(tmp_path / "nowhere.json"))
    assert make_events(nlp, "kg_events", "none").pair_model is None
