"""Train the reader of who met whom (``loaders.pairs``) on annotated articles.

Each article is a ``NAME.txt`` with a ``NAME.gold.json`` (the format of
``../shared/corpus/GOLD_FORMAT.md``); ``tests/corpus`` holds ours. The trainer reads every
article with the rules, takes every two actors named in one sentence as a candidate, labels
it by whether the gold annotation has the two in one meeting or call, fits a logistic
regression and writes ``loaders/data/pair_model.json``.

``--cv`` first measures, holding out one batch of articles at a time (the prefix of their
names: ``h18a-03`` is of batch ``h18``), the who-met-whom pair precision, recall and F1 of
the rules alone and of the rules with the reader, as the scorer counts them: pairs of
annotated entities per article.

Run ``python -m kg.tools.train_pairs [CORPUS ...] [--cv] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc
from tqdm import tqdm

from loaders.actors import ActorBase
from loaders.clean import blank_boilerplate
from loaders.events import CONTACT, EventDraft
from loaders.mentions import fold
from loaders.pairs import MODEL_PATH, Candidate, PairModel, candidates, read_pairs
from loaders.pipeline import MentionComponent, _actor, build_pipeline, dateline_day

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
ADD, STRENGTH = 0.4, 1.0  # the probability a pair is added at; the inverse of the L2 penalty
TITLE_WORDS = {"president", "prime", "minister", "foreign", "king", "sheikh", "emir", "crown",
               "prince", "general", "secretary", "chancellor", "premier", "vice", "dr", "mr",
               "mrs", "ms", "sir", "his", "her", "majesty", "highness", "the"}


class GoldNames:
    """The annotated entities of one article, found by any of their names."""

    def __init__(self, entities: Iterable[dict]) -> None:
        self.ids: dict[str, str] = {}
        for entity in entities:
            for name in (entity.get("name", ""), *entity.get("aliases", ())):
                self.ids.setdefault(_words(name), entity["id"])

    def resolve(self, *names: str) -> str | None:
        """The entity one of ``names`` is, tried in order: the whole name, the name
        without titles, then the longest name of two or more words inside it."""
        for name in names:
            words = _words(name)
            untitled = " ".join(w for w in words.split() if w not in TITLE_WORDS)
            for key in (words, untitled):
                if key in self.ids:
                    return self.ids[key]
            inside = [(len(k.split()), i) for k, i in self.ids.items()
                      if len(k.split()) >= 2 and set(k.split()) <= set(words.split())]
            if inside:
                return max(inside)[1]
        return None


def _words(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


@dataclass
class Article:
    """One annotated article, read by the rules, with its candidates labelled."""

    name: str
    batch: str
    gold_pairs: set[frozenset[str]]
    names: GoldNames
    doc: Doc
    base: ActorBase
    drafts: list[EventDraft]
    published: date | None
    candidates: list[Candidate]
    labels: list[int]

    def pairs(self, drafts: list[EventDraft]) -> set[frozenset[str]]:
        """The annotated entity pairs that ``drafts``' meetings and calls tell."""
        found = set()
        for d in drafts:
            if d.type not in CONTACT:
                continue
            ids = {self.entity(p.mention) or f"?{p.mention.text}" for p in d.parties
                   if p.role in ("participant", "mediator", "host")}
            found |= {frozenset(p) for p in itertools.combinations(sorted(ids), 2)}
        return found

    def entity(self, mention) -> str | None:
        return self.names.resolve(_actor(mention, self.base).label, mention.text)


def batch_of(name: str) -> str:
    """``h18a-03`` -> ``h18``; ``asia-02`` -> ``asia``."""
    stem = name.rsplit("-", 1)[0]
    match = re.fullmatch(r"(h\d+)[a-z]?", stem)
    return match.group(1) if match else stem


def read_articles(corpora: list[Path], show_progress: bool = True) -> list[Article]:
    nlp = build_pipeline()
    nlp.get_pipe("kg_events").pair_model = None  # the rules alone: what the reader adds to
    base = next(c.base for _, c in nlp.pipeline if isinstance(c, MentionComponent))
    golds = sorted(p for corpus in corpora for p in corpus.glob("*.gold.json"))
    articles = []
    for path in tqdm(golds, desc="read", unit="article", disable=not show_progress):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = path.name.removesuffix(".gold.json")
        text = path.with_name(f"{name}.txt").read_text(encoding="utf-8")
        published = date.fromisoformat(gold["published"][:10]) if gold.get("published") \
            else None
        doc = nlp.make_doc(blank_boilerplate(text))
        doc._.published, doc._.article_id = published, name
        for _, component in nlp.pipeline:
            doc = component(doc)
        today = dateline_day(doc, published)
        drafts = doc._.events or []
        names = GoldNames(gold.get("entities", ()))
        gold_pairs = {frozenset(p) for e in gold.get("events", ()) if e["type"] in CONTACT
                      for p in itertools.combinations(sorted(set(
                          e.get("participants", []) + e.get("mediators", []))), 2)}
        article = Article(name, batch_of(name), gold_pairs, names, doc, base, drafts, today,
                          candidates(doc, doc._.mentions or [], drafts), [])
        for c in article.candidates:
            ids = {article.entity(c.first), article.entity(c.second)}
            article.labels.append(int(None not in ids and frozenset(ids) in gold_pairs))
        articles.append(article)
    return articles


def fit(articles: list[Article], add: float = ADD, new_events: bool = False,
        strength: float = STRENGTH) -> PairModel:
    """A model fitted on every candidate of ``articles``."""
    vectorizer = DictVectorizer()
    features = vectorizer.fit_transform([c.features for a in articles for c in a.candidates])
    labels = [y for a in articles for y in a.labels]
    classifier = LogisticRegression(C=strength, max_iter=5000).fit(features, labels)
    about = f"trained on {len(articles)} articles, {len(labels)} candidate pairs " \
            f"({sum(labels)} annotated as meeting or talking)"
    return PairModel.from_estimator(vectorizer, classifier, add, new_events, about)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _figures(counts: tuple[int, int, int]) -> str:
    return " / ".join(f"{x:.3f}" for x in _f1(*counts))


def cross_validate(articles: list[Article], add: float = ADD, new_events: bool = False,
                   strength: float = STRENGTH) -> Iterator[tuple[str, tuple, tuple]]:
    """Per held-out batch, then for all: (name, rules' counts, rules and reader's counts),
    each count a (tp, fp, fn) of annotated pairs."""
    total_rules, total_both = [0, 0, 0], [0, 0, 0]
    for batch in sorted({a.batch for a in articles}):
        held = [a for a in articles if a.batch == batch]
        model = fit([a for a in articles if a.batch != batch], add, new_events, strength)
        rules, both = [0, 0, 0], [0, 0, 0]
        for a in held:
            for counts, drafts in ((rules, a.drafts), (both, read_pairs(
                    a.doc, a.doc._.mentions or [], _copies(a.drafts), a.published, model))):
                found = a.pairs(drafts)
                for i, n in enumerate((len(found & a.gold_pairs), len(found - a.gold_pairs),
                                       len(a.gold_pairs - found))):
                    counts[i] += n
        for total, counts in ((total_rules, rules), (total_both, both)):
            for i in range(3):
                total[i] += counts[i]
        yield batch, tuple(rules), tuple(both)
    yield "all", tuple(total_rules), tuple(total_both)


def _copies(drafts: list[EventDraft]) -> list[EventDraft]:
    return [replace(d, parties=list(d.parties)) for d in drafts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.tools.train_pairs",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[CORPUS])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv", action="store_true",
                        help="first measure pair F1 holding out one batch at a time")
    parser.add_argument("--add", type=float, default=ADD,
                        help="the probability at which a pair is added")
    parser.add_argument("--new-events", action="store_true",
                        help="a sure pair no rule read becomes a meeting of its own")
    args = parser.parse_args(argv)
    articles = read_articles(args.corpora, show_progress=sys.stderr.isatty())
    if args.cv:
        print(f"{'held out':10} {'rules P / R / F1':>22} {'with reader P / R / F1':>26}")
        for batch, rules, both in cross_validate(articles, args.add, args.new_events):
            print(f"{batch:10} {_figures(rules):>22} {_figures(both):>26}")
    model = fit(articles, args.add, args.new_events)
    model.save(args.out)
    print(f"{args.out}: {model.about}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
