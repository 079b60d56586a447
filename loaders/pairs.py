"""A trained reader of who met whom: scores every two actors named in one sentence.

The rules of ``loaders.events`` read the constructions they know. This reader, a
logistic regression trained on annotated articles (``python -m kg.tools.train_pairs``),
reads the rest: for each two actors named together in a sentence it gives the
probability that the article tells of the two meeting or talking. A confident pair of
which the rules read one in a meeting or call of that sentence joins that event, the
newcomer sure with each of its parties ("Khan received him and the rest of the group,
which included A and B"). With ``new_events`` a confident pair no rule read becomes a
meeting of its own (a call when the sentence speaks of a phone): on held-out batches that
finds more pairs at some cost in precision, so the bundled model leaves it off. It adds
nothing to a sentence that denies or hedges, nor to two the rules read there in other
parts, nor a state to a meeting its people held, nor a meeting of two of one state. Every
event it changes or adds says so in its rule and confidence.

The features are words and paths of the parse: the word that joins the two names (their
lowest common ancestor), the dependency path between them, the sentence's verbs and
nouns, the words between them, the kinds of actor, whether one belongs to the other, and
what the rules read in the sentence.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import numpy
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, Span, Token

from loaders.events import (
    CONTACT,
    PHONE_WORDS,
    EventDraft,
    Party,
    _date,
    _location,
    mention_id,
)
from loaders.mentions import Mention

MODEL_PATH = Path(__file__).parent / "data" / "pair_model.json"
RULE = "kg.pairs.v1"
ACTOR_KINDS = {"person", "state", "organization"}
# words between two names that tell how they stand to each other
LINK_WORDS = {"and", "with", "between", "of", "to", "by", "counterpart", "'s", "who", "said",
              "told", ","}
PRONOUNS = {"he", "she", "him", "her", "they", "them", "his", "their", "who", "i", "we"}
CALLS = {"call", "calls", "link", "conference", "conversation", "talks", "meeting", "summit"}
PLANS = {"plan", "expect", "hope", "aim", "intend"}  # verbs that put an event ahead


@dataclass(frozen=True)
class Candidate:
    """Two actors named in one sentence, as the reader sees them."""

    sentence: Span
    first: Mention
    second: Mention
    features: dict[str, float]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset((mention_id(self.first), mention_id(self.second)))


class PairModel:
    """A logistic regression over candidate features, with the probability it adds a pair
    at, and whether a pair no rule's meeting holds becomes a meeting of its own."""

    def __init__(self, weights: dict[str, float], intercept: float, add: float,
                 new_events: bool = False, about: str = "") -> None:
        self.vectorizer = DictVectorizer()
        self.vectorizer.feature_names_ = sorted(weights)
        self.vectorizer.vocabulary_ = {f: i for i, f in enumerate(self.vectorizer.feature_names_)}
        self.classifier = LogisticRegression()
        self.classifier.classes_ = numpy.array([0, 1])
        self.classifier.coef_ = numpy.array([[weights[f] for f in self.vectorizer.feature_names_]])
        self.classifier.intercept_ = numpy.array([intercept])
        self.add, self.new_events, self.about = add, new_events, about

    @classmethod
    def from_estimator(cls, vectorizer: DictVectorizer, classifier: LogisticRegression,
                       add: float, new_events: bool = False, about: str = "") -> PairModel:
        named = zip(vectorizer.feature_names_, classifier.coef_[0], strict=True)
        weights = {f: float(w) for f, w in named if abs(w) >= 1e-3}  # the rest weigh nothing
        return cls(weights, float(classifier.intercept_[0]), add, new_events, about)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PairModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["add"],
                   data.get("new_events", False), data.get("about", ""))

    def save(self, path: Path = MODEL_PATH) -> None:
        weights = dict(zip(self.vectorizer.feature_names_, self.classifier.coef_[0], strict=True))
        data = {"about": self.about, "add": self.add, "new_events": self.new_events,
                "intercept": round(float(self.classifier.intercept_[0]), 6),
                "weights": {f: round(float(w), 4) for f, w in sorted(weights.items())}}
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    def probabilities(self, candidates: list[Candidate]) -> list[float]:
        if not candidates:
            return []
        features = self.vectorizer.transform([c.features for c in candidates])
        return [float(p) for p in self.classifier.predict_proba(features)[:, 1]]


@cache
def bundled_model() -> PairModel | None:
    """The model shipped with the package, or None when there is none."""
    return PairModel.load() if MODEL_PATH.exists() else None


def candidates(doc: Doc, mentions: list[Mention], drafts: list[EventDraft],
               sentences: set[int] | None = None) -> list[Candidate]:
    """Every two actors named in one sentence, the first naming of each, with features.
    Actors are people, and states and bodies the actor base knows: the names of others the
    statistical NER finds are as often places, sites or companies. A title alone that only
    the actor base's holder on the day resolves ("the American president") is left to the
    rules: in a paragraph of background that holder is often the wrong one. ``sentences``,
    when given, are the starts of the only sentences to read."""
    found = []
    contact_keys = [d.keys() for d in drafts if d.type in CONTACT]
    for index, sentence in enumerate(doc.sents):
        if sentences is not None and sentence.start not in sentences:
            continue
        first_named: dict[str, Mention] = {}
        for m in mentions:
            if sentence.start <= m.start < sentence.end and m.kind in ACTOR_KINDS and \
                    not m.as_place and not m.source.startswith("rule:role+kb") and (
                    m.key or (m.kind == "person" and m.text.lower() not in PRONOUNS)):
                first_named.setdefault(mention_id(m), m)
        if len(first_named) < 2:
            continue
        told = [d for d in drafts if d.sentence.start == sentence.start]
        for a, b in itertools.combinations(sorted(first_named.values(), key=lambda m: m.start), 2):
            features = _features(doc, sentence, a, b, told, contact_keys)
            features["headline"] = float(index == 0)
            features["sentence_index"] = min(index, 30) / 30
            features["actors"] = min(len(first_named), 8) / 8
            found.append(Candidate(sentence, a, b, features))
    return found


def _features(doc: Doc, sentence: Span, a: Mention, b: Mention, told: list[EventDraft],
              contact_keys: list[set[str]]) -> dict[str, float]:
    root_a, root_b = doc[a.start:a.end].root, doc[b.start:b.end].root
    up, down, joint = _path(root_a, root_b)
    f: dict[str, float] = {
        f"kinds={a.kind}|{b.kind}": 1, f"source_a={a.source.split(':')[0]}": 1,
        f"source_b={b.source.split(':')[0]}": 1, f"dep_a={root_a.dep_}": 1,
        f"dep_b={root_b.dep_}": 1, f"head_a={root_a.head.lemma_.lower()}": 1,
        f"head_b={root_b.head.lemma_.lower()}": 1,
    }
    if joint is not None:
        f[f"joint={joint.lemma_.lower()}"] = 1
        f[f"joint_pos={joint.pos_}"] = 1
        f[f"joint_dep={joint.dep_}"] = 1
        f["joint_is_a"] = float(joint.i == root_a.i)
        f["joint_is_b"] = float(joint.i == root_b.i)
    deps = [t.dep_ for t in up[:-1]] + ["^"] + [t.dep_ for t in down]
    f["path=" + "/".join(deps[:8])] = 1
    f["path_length"] = min(len(deps), 10) / 10
    for t in up[1:-1] + down[:-1]:
        if t.pos_ in ("VERB", "NOUN", "ADP"):
            f[f"on_path={t.lemma_.lower()}"] = 1
    between = doc[a.end:b.start]
    for t in between:
        if t.lower_ in LINK_WORDS:
            f[f"between={t.lower_}"] = 1
    f["between_length"] = min(len(between), 30) / 30
    for t in sentence:
        if t.pos_ == "VERB":
            f[f"verb={t.lemma_.lower()}"] = 1
        elif t.pos_ == "NOUN":
            f[f"noun={t.lemma_.lower()}"] = 1
    f["negated"] = float(any(t.dep_ == "neg" for t in sentence))
    f["hedged"] = float(any(_hedges(t) for t in sentence))
    for side, m in (("a", a), ("b", b)):
        f[f"modifier_{side}"] = float(m.modifier)
        f[f"known_{side}"] = float(m.key is not None)
        f[f"plural_{side}"] = float(m.plural)
    key_a, key_b = mention_id(a), mention_id(b)
    f["affiliated"] = float(a.affiliation == b.key or b.affiliation == a.key or (
        a.affiliation is not None and a.affiliation == b.affiliation))
    f["same_state"] = float(a.affiliation is not None and a.affiliation == b.affiliation)
    for d in told:
        shared = len({key_a, key_b} & d.keys())
        if shared == 2:
            f[f"rules_both={d.type}"] = 1
        elif shared == 1:
            f[f"rules_one={d.type}"] = 1
        f[f"rules_type={d.type}"] = 1
    if not told:
        f["rules_none"] = 1
    f["rules_pair"] = float(any({key_a, key_b} <= keys for keys in contact_keys))
    return f


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token], Token | None]:
    """The tokens from ``a`` up to the lowest common ancestor, and from there down to ``b``."""
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    depth_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in depth_b:
            return up_a[:k + 1], up_b[:depth_b[t.i]][::-1], t
    return up_a, up_b[::-1], None


def read_pairs(doc: Doc, mentions: list[Mention], drafts: list[EventDraft],
               published: date | None, model: PairModel | None) -> list[EventDraft]:
    """The rules' drafts, with the pairs the model is sure of added."""
    if model is None:
        return drafts
    # joining alone, only a sentence with a meeting or call of the rules can change
    met_in = None if model.new_events else {d.sentence.start for d in drafts
                                            if d.type in CONTACT}
    found = candidates(doc, mentions, drafts, met_in)
    best: dict[frozenset[str], tuple[Candidate, float]] = {}
    for candidate, probability in zip(found, model.probabilities(found), strict=True):
        if candidate.keys not in best or probability > best[candidate.keys][1]:
            best[candidate.keys] = (candidate, probability)
    kept = list(drafts)
    paired = {frozenset(p) for d in kept if d.type in CONTACT
              for p in itertools.combinations(sorted(d.keys()), 2)}
    for keys, (candidate, probability) in best.items():
        if probability < model.add or keys in paired or _unreal(candidate.sentence) or \
                _read_otherwise(candidate, kept) or _through_their_people(candidate, kept):
            continue
        joined = _join(candidate, kept, probability, lambda pair: best.get(pair, (0, 0.0))[1]
                       >= model.add)
        if joined is None:
            if not model.new_events or _compatriots(candidate):
                continue  # two of one state meet in delegations, not as news on their own
            joined = _new_draft(doc, candidate, mentions, kept, published, probability)
            kept.append(joined)
        paired |= {frozenset(p) for p in itertools.combinations(sorted(joined.keys()), 2)}
    return kept


def _unreal(sentence: Span) -> bool:
    """A sentence that denies or hedges: "did not meet", "will meet", "plans to talk"."""
    return any(t.dep_ == "neg" or _hedges(t) for t in sentence)


def _hedges(token: Token) -> bool:
    """A modal ("will", "could", not the month May) or a verb of plans."""
    return token.tag_ == "MD" or (token.pos_ == "VERB" and token.lemma_.lower() in PLANS)


def _read_otherwise(candidate: Candidate, drafts: list[EventDraft]) -> bool:
    """Whether the rules gave both of the two a part in this sentence, but not in one
    meeting or call ("A and B initialled the treaty", "A and B arrived in Jeddah", "X meets
    A in Jerusalem, B in Ramallah"): the reader does not second-guess them."""
    told = [d.keys() for d in drafts if d.sentence.start == candidate.sentence.start]
    return all(any(key in keys for keys in told) for key in candidate.keys)


def _through_their_people(candidate: Candidate, drafts: list[EventDraft]) -> bool:
    """Whether a state or body of the pair already met the other through its people:
    "Turkey's defence minister met Syria's" tells no further meeting of Turkey and Syria."""
    a, b = candidate.first, candidate.second
    if a.kind == "person" and b.kind == "person":
        return False

    def stands_for(m: Mention, actor: Mention) -> bool:
        return mention_id(m) == mention_id(actor) or (
            actor.kind != "person" and m.affiliation is not None and m.affiliation == actor.key)

    return any(
        any(stands_for(p.mention, a) for p in d.parties) and any(
            stands_for(q.mention, b) for q in d.parties) and len(d.parties) > 1
        for d in drafts if d.type in CONTACT)


def _join(candidate: Candidate, drafts: list[EventDraft], probability: float,
          sure: Callable[[frozenset[str]], bool]) -> EventDraft | None:
    """The rules' contact event of the sentence that has one of the two, now with both,
    when the newcomer is a sure pair with each of its parties."""
    for d in drafts:
        if d.type not in CONTACT or d.sentence.start != candidate.sentence.start:
            continue
        keys = d.keys()
        missing = [m for m in (candidate.first, candidate.second) if mention_id(m) not in keys]
        if len(missing) == 1 and all(sure(frozenset((mention_id(missing[0]), k)))
                                     for k in keys):
            d.parties.append(Party(missing[0], "participant"))
            d.rule = f"{d.rule}+{RULE}"
            d.confidence = round(min(d.confidence, probability), 2)
            return d
    return None


def _compatriots(candidate: Candidate) -> bool:
    a, b = candidate.first.affiliation, candidate.second.affiliation
    return a is not None and a == b


def _trip_place(candidate: Candidate, drafts: list[EventDraft]) -> Mention | None:
    """Where one of the two travelled in the same sentence: "flew to Beijing to see Xi"."""
    return next((d.location for d in drafts if d.type == "Visit" and d.location is not None
                 and d.sentence.start == candidate.sentence.start
                 and d.keys() & candidate.keys), None)


def _new_draft(doc: Doc, candidate: Candidate, mentions: list[Mention],
               drafts: list[EventDraft], published: date | None, probability: float
               ) -> EventDraft:
    sentence = candidate.sentence
    root_a = doc[candidate.first.start:candidate.first.end].root
    root_b = doc[candidate.second.start:candidate.second.end].root
    joint = _path(root_a, root_b)[2] or sentence.root
    tokens = {t.i for t in sentence}
    phoned = any(t.lower_ in PHONE_WORDS and (t.lower_ != "video" or t.head.lower_ in CALLS)
                 for t in sentence)
    return EventDraft(
        type="PhoneCall" if phoned else "Meeting", trigger=doc[joint.i:joint.i + 1],
        sentence=sentence,
        parties=[Party(candidate.first, "participant"), Party(candidate.second, "participant")],
        date=_date(sentence, tokens, published, joint),
        location=_location(doc, mentions, tokens) or _trip_place(candidate, drafts), rule=RULE,
        confidence=round(probability, 2))
