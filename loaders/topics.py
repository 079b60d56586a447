"""Topics: what an event was about, from the sentences that tell of it.

News reports rarely put all of an event's subjects in the sentence that reports it.
"They discussed X" or "Y was also raised during the conversation" follow it; a
participant's statement ("Putin stated that the agreements reached in November are
implemented") says what he brought to the table. This step reads the sentences after
each event, up to the next event of other parties, and keeps the noun phrases that the
event's own parties (or no one named) discussed, stated, demanded or proposed.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from loaders.events import (
    CONTACT,
    NOUN_TRIGGERS,
    PLURAL_ANAPHOR,
    TOPIC_PREPS,
    TOPIC_VERBS,
    EventDraft,
    Support,
    _split_topics,
    mention_id,
)
from loaders.mentions import Mention

FOLLOWING = 5  # sentences after an event's own that may still be about it
MOST_TOPICS = 24
HARVESTED_TYPES = CONTACT | {"Visit", "Agreement", "Mediation"}
# What someone says of the event they took part in, and what they ask of the others.
STATEMENT_VERBS = TOPIC_VERBS | {
    "say", "state", "tell", "add", "write", "urge", "demand", "insist", "call", "express",
    "welcome", "hope", "affirm", "confirm", "voice", "praise", "commend", "agree", "propose",
    "talk", "concern", "point", "assure", "pledge", "seek", "want", "ask", "describe",
    "reiterate", "underline", "stress", "note", "mention", "brief", "inform", "outline",
    "present", "share", "exchange", "include", "cover", "span", "range", "centre", "center"}
# Vague heads that are topics once qualified: "matters of bilateral and regional interest"
QUALIFIED_HEADS = {"issue", "issues", "matter", "matters", "question", "questions", "area",
                   "areas", "interest", "interests"}
# Heads of noun phrases that are no topic: the event itself, the people and papers that
# report it, and words of measure or time.
NOT_TOPIC_HEADS = {t for t, kind in NOUN_TRIGGERS.items() if kind in CONTACT | {"Visit"}} | {
    "statement", "statements", "source", "sources", "account", "press", "service",
    "spokesman", "spokesperson", "spokeswoman", "ministry", "office", "website", "agency",
    "side", "sides", "party", "parties", "part", "number", "time", "times", "way", "ways",
    "thing", "things", "lot", "level", "levels", "year", "years", "day", "days", "month",
    "months", "week", "weeks", "hour", "hours", "today", "tonight", "colleague", "colleagues",
    "counterpart", "counterparts", "leader", "leaders", "head", "heads", "minister",
    "ministers", "president", "presidents", "delegation", "delegations", "presence",
    "occasion", "sidelines", "margins", "fringes", "start", "end", "beginning", "outcome",
    "results", "document", "documents", "text", "texts", "signature", "signatures",
    "view", "views", "opinion", "opinions", "satisfaction", "importance", "need", "hope",
    "readiness", "willingness", "interest", "issue", "issues", "matter", "matters", "course",
    "words", "remarks", "comments", "reporters", "journalists", "media", "instagram",
    "twitter", "facebook", "telegram", "x", "place"}  # "the talks took place"
# People and places are no topics: "the Greek premier", "the resort town of Sochi".
PEOPLE_AND_PLACES = {
    "premier", "prince", "king", "queen", "emir", "sheikh", "sultan", "chancellor", "envoy",
    "envoys", "ambassador", "diplomat", "diplomats", "official", "officials", "partner",
    "partners", "secretary", "chief", "chiefs", "commander", "spokesman", "adviser",
    "advisor", "chairman", "director", "mediator", "mediators", "facilitator", "intermediary",
    "host", "guest", "guests",
    "town", "city", "capital", "resort", "village", "palace", "venue", "hotel", "building",
    "headquarters", "residence", "photo", "picture", "video", "happiness", "pleasure",
    "tone", "atmosphere", "spirit", "reference", "attention", "press", "conference",
    "reporters", "newspaper", "interview", "account", "post", "father", "mother", "son",
    "daughter", "wife", "husband", "brother", "sister", "predecessor", "successor", "leader",
    "leaders", "president", "minister", "counterpart", "colleague", "colleagues"}
LEADING = re.compile(
    r"^(?:including|such as|topics such as|issues such as|with satisfaction that|that|when|"
    r"while|as well as|also|then)\s+", re.IGNORECASE)
PRONOUN_SUBJECTS = {"he", "she", "they", "it", "we", "i", "both", "the two"}


def harvest_topics(doc: Doc, drafts: list[EventDraft], mentions: list[Mention]
                   ) -> list[EventDraft]:
    """Add to each event the topics its following sentences give it (in place)."""
    sentences = [s for s in doc.sents if s.text.strip()]
    # a state may be a topic ("focusing on North Korea"); people, bodies and cities never
    names = mentions_text(doc, [m for m in mentions if m.kind != "state"
                                or m.source in ("kb:capital", "kb:seat")])
    people = mentions_text(doc, [m for m in mentions if m.kind == "person"
                                 and not m.source.startswith("rule:role")])  # names, not roles
    states = {mention_id(m): m.affiliation for m in mentions if m.affiliation}  # anywhere
    position = {s.start: i for i, s in enumerate(sentences)}
    named_in: list[list[Mention]] = [[] for _ in sentences]  # the mentions of each sentence
    ends = [s.end for s in sentences]
    for m in mentions:
        index = bisect_right(ends, m.start)
        if index < len(sentences) and sentences[index].start <= m.start:
            named_in[index].append(m)
    said: dict[int, list[str]] = {}  # what a following sentence says, read once for all events
    by_sentence: dict[int, list[EventDraft]] = {}
    for draft in drafts:
        for start in {draft.sentence.start, *(s.sentence.start for s in draft.support)}:
            by_sentence.setdefault(start, []).append(draft)
    for draft in drafts:
        if draft.type not in HARVESTED_TYPES or draft.sentence.start not in position:
            continue
        parties = draft.keys() | {p.mention.affiliation for p in draft.parties
                                  if p.mention.affiliation} | {
            states[k] for k in draft.keys() if k in states}
        first = position[draft.sentence.start]
        own = sorted({first, *(position[s.sentence.start] for s in draft.support
                               if s.sentence.start in position)})
        for index in own:  # what the event's own sentences say it was about
            sentence = sentences[index]
            found = statement_topics(sentence, named_in[index],
                                     {draft.trigger.root.lemma_.lower()})
            trigger = draft.trigger if draft.trigger.start >= sentence.start and \
                draft.trigger.end <= sentence.end else sentence[:1]
            _add(draft, found, sentence, trigger, "topics of its sentence", names, people)
        for index in range(first + 1, min(own[-1] + 1 + FOLLOWING, len(sentences))):
            if index in own:
                continue
            sentence = sentences[index]
            others = [d for d in by_sentence.get(sentence.start, []) if d is not draft]
            if any(not (d.keys() & parties) for d in others):
                break  # another story begins
            for other in others:  # "X proposed …" right after X's call: part of the call
                if other.type in ("Proposal", "Agreement") and other.keys() & parties:
                    _add(draft, other.topics, sentence, other.trigger, "topics it brought up",
                         names, people)
            if _someone_else_speaks(sentence, named_in[index], parties):
                continue
            if index not in said:
                said[index] = statement_topics(sentence, named_in[index])
            _add(draft, said[index], sentence, sentence[:1], "topics of the event above", names,
                 people)
    for draft in drafts:
        draft.topics = clean_topics(draft.topics, names, people)
    return drafts


def mentions_text(doc: Doc, mentions: list[Mention]) -> set[str]:
    """The lower-case surface forms of the actors named in the text."""
    return {doc[m.start:m.end].text.lower() for m in mentions} | {
        m.label.lower() for m in mentions}


def clean_topics(topics: list[str], names: set[str] = frozenset(),
                 people: set[str] = frozenset()) -> list[str]:
    """Topics without leading connectives, and without people, places or event words.

    >>> clean_topics(["including the Sochi memorandum", "Greek premier", "resort town of Sochi",
    ...               "trade", "meet with Putin"])
    ['Sochi memorandum', 'trade']
    """
    out: list[str] = []
    for topic in topics:
        text = topic
        while LEADING.match(text):
            text = LEADING.sub("", text)
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip(" ,;:“”\"'")
        text = re.sub(r"\s+(?:of|on|in|for|to|with|between|and|or)$", "", text)
        head = re.split(r"\s+(?:of|between|with|on|in|for|from|to|at|over|about|among)\s+",
                        text)[0].split()
        if len(text) < 3 or not head or text.lower() in names or " of " not in text and any(
                text.lower().endswith(" " + name) for name in people):
            continue  # an actor, or a title and an actor: "the late leader Kim Jong Il"
            # (not an occasion: "the state funeral of Dr Magufuli")
        last = head[-1].lower().strip("’'")
        if last in PEOPLE_AND_PLACES or head[0].lower() in {"meet", "visit", "attend", "join"}:
            continue
        if text not in out:
            out.append(text)
    return out


def statement_topics(sentence: Span, mentions: list[Mention], verbs: set[str] = frozenset()
                     ) -> list[str]:
    """The noun phrases a sentence discusses, states or asks for, in text order.

    Only the complements of discussing and saying verbs (and of ``verbs``) count, or of
    any verb whose subject is the event itself ("The talks indicate the normalization of
    relations"); never their subjects, and no phrase that names an actor, a place or a date.
    """
    named = {i for m in mentions for i in range(m.start, m.end)}
    found: list[str] = []
    taken: set[int] = set()
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        event_subject = any(c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NOUN_TRIGGERS or c.lower_ in {"documents", "document", "sides"})
            for c in verb.children)
        if verb.lemma_.lower() not in STATEMENT_VERBS | verbs and not event_subject:
            continue
        for token in _complements(verb):
            if token.i in taken or not _topic_head(token, named):
                continue
            taken.update(t.i for t in token.subtree)
            found += [t for t in _split_topics(token) if t not in found]
    return found


def _complements(verb: Token) -> list[Token]:
    """Noun heads in a verb's objects and clauses, its subject's phrase left out."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "csubj") or (
        c.dep_ == "nsubjpass" and c.lower_ in NOT_TOPIC_HEADS) for t in c.subtree}
    out = []
    for token in verb.subtree:
        if token.i in subject or token == verb:
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in (
                "dobj", "pobj", "nsubjpass", "attr", "nsubj", "appos", "oprd"):
            out.append(token)
    return sorted(out, key=lambda t: t.i)


def _topic_head(token: Token, named: set[int]) -> bool:
    if token.lower_ in NOUN_TRIGGERS and any(
            c.dep_ == "prep" and c.lower_ in {"between", "with", "on", "over", "about"}
            for c in token.children) and not any(
            t.ent_type_ == "PERSON" or t.i in named and t.dep_ == "poss" for t in token.subtree):
        pass  # "negotiations between Ukraine and Russia" is what they asked for
    elif token.lower_ in QUALIFIED_HEADS and any(
            c.dep_ == "prep" and c.lower_ in {"of", "on", "related", "concerning"}
            for c in token.children):
        pass
    elif {token.lower_, token.lemma_.lower()} & (NOT_TOPIC_HEADS | PEOPLE_AND_PLACES):
        return False
    about = token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS
    if token.ent_type_ in ("GPE", "LOC") and not about:
        return False  # a place is a topic only as what the talks were on: "talks on Idlib"
    if token.i in named and not (about and token.ent_type_ in ("GPE", "LOC")):
        return False
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY",
                           "QUANTITY", "PERSON", "NORP"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in {"by", "from", "to", "at", "in", "near"}:
        return False  # the agent, the source or the place of a saying: "told reporters in X"
    return not token.is_stop


def _someone_else_speaks(sentence: Span, mentions: list[Mention], parties: set[str]) -> bool:
    """Whether the sentence's main subject names an actor who was not a party
    ("the Philippine coast guard said …" after a Malaysian-Indonesian meeting)."""
    root = sentence.root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or root.lemma_.lower() == "be":
            continue
        span = {t.i for t in child.subtree}
        named = [m for m in mentions if m.start in span]
        ids = {mention_id(m) for m in named} | {m.affiliation for m in named if m.affiliation}
        if named and not ids & parties:
            return True
        words = " ".join(t.lower_ for t in child.subtree if not t.is_punct)
        if not named and child.pos_ == "PROPN" and words not in PRONOUN_SUBJECTS and \
                not PLURAL_ANAPHOR.match(words):
            return True  # a named speaker the actor base does not know
    return False


def _add(draft: EventDraft, topics: list[str], sentence: Span, trigger: Span, note: str,
         names: set[str], people: set[str]) -> None:
    new = [t for t in clean_topics(topics, names, people) if t not in draft.topics
           and not any(t.lower() in have.lower() for have in draft.topics)]
    new = new[:max(0, MOST_TOPICS - len(draft.topics))]
    if not new:
        return
    draft.topics += new
    draft.support.append(Support(sentence, trigger, "kg.events.v1:topics",
                                 f"{note}: " + "; ".join(new)))
