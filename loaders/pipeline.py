"""The extraction pipeline: spaCy components registered by name and composed by config.

``build_pipeline()`` loads the statistical pipeline named in ``pipeline.cfg`` (or
``KG_SPACY_MODEL``) and adds our components: ``kg_newline_sentences`` (line breaks end
sentences), ``kg_mentions`` (actors, titles, coreference; ``doc._.mentions``) and
``kg_events`` (``doc._.events``). ``extract(article, nlp)`` runs it on one article
and returns the typed :class:`~kg.types.Extraction`.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex
from thinc.api import Config

from kg.errors import Errors, ExtractionError, KGError
from kg.types import Actor, Article, Event, Extraction, Place, Provenance, Role
from loaders.actors import ActorBase, ActorEntry, slugify
from loaders.clean import blank_boilerplate
from loaders.dates import MONTHS, normalize_date
from loaders.events import (
    AT_A_DISTANCE,
    CONTACT,
    DASHES,
    ENVOY_NOUNS,
    SIDELINES,
    EventDraft,
    Party,
    Support,
    _another_deal,
    _set_apart,
    _unnamed_envoys_of,
    add_party,
    dates_agree,
    dating_a_thing,
    headline,
    in_dateline,
    in_turn,
    is_complete,
    mention_id,
    narrative_year,
    paragraph_dates_before,
    paragraph_start,
    read_events,
    side_of,
    state_of,
)
from loaders.mentions import (
    DATE_REFERENCES,
    NUMBER_WORDS,
    TITLE_WORDS,
    Mention,
    MentionFinder,
    country_of_city,
    fold,
    members_of,
    name_key,
)
from loaders.pairs import PairModel, bundled_model, read_pairs
from loaders.topics import harvest_topics

CONFIG_PATH = Path(__file__).resolve().parent / "pipeline.cfg"

for _name in ("mentions", "events", "published", "article_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("kg_newline_sentences", assigns=["token.is_sent_start"])
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines stand alone; never after a
    middle initial ("Donald J. Trump") or a title's abbreviation ("Mr.", "Dr."), and never
    straight after a word ("… Vanuatu Prime Minister Charlot Salwai, Cook Islands Prime
    Minister Henry Puna": one sentence), nor after a comma. A capitalised word that is no
    name starts one after "a.m." and "p.m."."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif previous.lower_ in {"a.m.", "p.m."} and token.is_title and \
                token.tag_ not in ("NNP", "NNPS"):
            token.is_sent_start = True  # "… shortly after 8 a.m. Around the table sat …"
        elif INITIAL.match(previous.text) and token.is_title or previous.is_alpha or \
                previous.text == ",":
            token.is_sent_start = False  # nor after a comma ("has today, Wednesday, 23
            # November 2022, held bilateral talks": one sentence)
    return doc


@Language.component("kg_date_edges", requires=["doc.ents"], assigns=["doc.ents"])
def date_edges(doc: Doc) -> Doc:
    """End a date the NER ran past a dash into the words after it: "WASHINGTON, April 16 -
    Joe Biden held talks" is the dateline "April 16" and a name, not one date. A dash
    between numbers ("3-5 March") stays a range."""
    ents = []
    for ent in doc.ents:
        dash = next((t for t in ent if t.text in DASHES and t.i + 1 < ent.end
                     and doc[t.i + 1].is_alpha and doc[t.i + 1].is_title
                     and doc[t.i + 1].lower_ not in MONTHS), None)
        if ent.label_ == "DATE" and dash is not None and dash.i > ent.start:
            ents.append(Span(doc, ent.start, dash.i, label="DATE"))
        else:
            ents.append(ent)
    doc.ents = ents
    return doc


INITIAL = re.compile(r"^(?:[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|Lt\.|Col\.|Sen\.|Rep\.|Gov\.|Sgt\.|"
                     r"Capt\.|Adm\.|Maj\.|Prof\.|St\.)$")


@Language.factory("kg_mentions", default_config={"actor_files": []},
                  requires=["doc.ents", "token.dep"], assigns=["doc._.mentions"])
def make_mentions(nlp: Language, name: str, actor_files: list[str]) -> MentionComponent:
    return MentionComponent(nlp, ActorBase.load([Path(p) for p in actor_files])
                            if actor_files else ActorBase.default())


class MentionComponent:
    """Finds actor mentions; reads ``doc._.published`` for dated posts."""

    def __init__(self, nlp: Language, base: ActorBase) -> None:
        self.base = base
        self.finder = MentionFinder(nlp, base)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = self.finder(doc, doc._.published)
        return doc


@Language.factory("kg_events", requires=["doc._.mentions", "token.dep"],
                  assigns=["doc._.events"])
def make_events(nlp: Language, name: str, pair_model: str = "bundled") -> EventComponent:
    base = next((c.base for _, c in nlp.pipeline if isinstance(c, MentionComponent)), None)
    # the actor base the mentions were found with (its groups' members)
    if pair_model == "none":
        return EventComponent(None, base)
    if pair_model == "bundled":
        return EventComponent(bundled_model(), base)
    try:
        return EventComponent(PairModel.load(Path(pair_model)), base)
    except (OSError, ValueError, KeyError) as exc:
        raise ExtractionError(Errors.E203.format(path=pair_model, reason=exc)) from exc


class EventComponent:
    """Reads events from the mentions and the parse: the rules, then the trained reader of
    pairs (``loaders.pairs``) when the config names one."""

    def __init__(self, pair_model: PairModel | None, base: ActorBase | None = None) -> None:
        self.pair_model = pair_model
        self.base = base or ActorBase.default()

    def __call__(self, doc: Doc) -> Doc:
        today = dateline_day(doc, doc._.published)  # what "today" and "on Tuesday" mean
        drafts = read_events(doc, doc._.mentions or [], today)
        drafts = date_paragraph_events(drafts, today)
        drafts = date_lead_events(doc, drafts, today)
        drafts = members_of_groups(drafts, self.base)
        drafts = merge_drafts(drafts, today)
        drafts = meetings_of_mediations(drafts)
        drafts = drop_headline_only(doc, drafts)
        drafts = place_story_events(place_lead_events(doc, date_story_events(drafts)))
        drafts = place_in_the_scene(doc, drafts)
        drafts = place_in_dateline_city(doc, drafts, today)
        drafts = one_visit_per_side(people_for_their_blocs(people_for_their_states(drafts)))
        drafts = drop_visits_without_visitors(drafts)
        drafts = read_pairs(doc, doc._.mentions or [], drafts, today, self.pair_model)
        doc._.events = harvest_topics(doc, drafts, doc._.mentions or [])
        return doc


def dateline_day(doc: Doc, published: date | None) -> date | None:
    """The day relative dates count from: the dateline's ("Riyadh, October 11, 2023, SPA --
    … received a call today"), when it gives one in the week before publication; else the
    publication date."""
    if published is None:
        return None
    for ent in doc.ents:
        if ent.start > 40:
            break
        if ent.label_ == "DATE" and in_dateline(ent):
            value = normalize_date(ent.text, published)
            day = date.fromisoformat(value) if value and len(value) == 10 else None
            if day is not None and 0 <= (published - day).days <= 7:
                return day
            break
    return published


def people_for_their_states(drafts: list[EventDraft]) -> list[EventDraft]:
    """A state or body is a side of a meeting or call only when none of its people is:
    "Misri held consultations with Foreign Secretary Jashim Uddin" in a story that also
    names Bangladesh is Misri and Jashim Uddin, not Bangladesh beside him (the annotators'
    rule: the State only when no person is named for it). So too for what they agreed."""
    for draft in drafts:
        if draft.type not in CONTACT | {"Agreement"}:
            continue
        staffed = _served_by([p for p in draft.parties if p.role != "mediator"])
        # and a body when one of its officers is: "African Union Commission chairperson
        # Moussa Faki" acts for the African Union
        go_betweens = [p for p in draft.parties if p.role == "mediator"]
        brokers = [p for p in go_betweens if p.mention.kind == "person"]
        states = {p.mention.key for p in go_betweens if p.mention.kind == "state"}
        if brokers and len(states) == 1 and not _served_by(brokers):
            # "convened by the Peruvian government and chaired by Foreign Minister Ricardo
            # Luna": the minister acts for the state beside him
            state = next(iter(states))
            draft.parties = [Party(replace(p.mention, affiliation=state), p.role)
                             if p in brokers else p for p in draft.parties]
            brokers = [p for p in draft.parties if p.role == "mediator"]
        brokered = _served_by(brokers)  # and so for go-betweens: Luna, not Peru beside him
        draft.parties = [p for p in draft.parties if not (
            p.mention.kind in ("state", "organization") and p.mention.key in (
                staffed if p.role == "participant" else brokered if p.role == "mediator"
                else set()))]
    return drafts


def _served_by(parties: list[Party]) -> set[str]:
    """The states and bodies the people among ``parties`` act for."""
    return {p.mention.affiliation for p in parties if p.mention.kind == "person"} - {None}


def people_for_their_blocs(drafts: list[EventDraft]) -> list[EventDraft]:
    """A meeting of three or more named people of three or more states has them as its
    sides, not the bodies named beside them that none of them acts for: "Pacific Alliance and
    Mercosur hold first joint summit", with the presidents at the table."""
    for draft in drafts:
        if draft.type != "Meeting":
            continue
        people = [p.mention for p in draft.parties
                  if p.mention.kind == "person" and p.role == "participant"]
        states = {state_of(p.mention) for p in draft.parties
                  if p.mention.kind == "person" and p.role != "mediator"} - {None}
        if len(people) < 3 or len(states) < 3:
            continue
        served = {m.affiliation for m in people}
        doc = draft.trigger.doc
        named = {i for m in people for i in range(m.start, m.end)}
        draft.parties = [p for p in draft.parties if not (
            p.role == "participant" and p.mention.kind == "organization"
            and mention_id(p.mention) not in served
            and not _listed_with(doc, p.mention, named))]
    return drafts


def _listed_with(doc: Doc, mention: Mention, people: set[int]) -> bool:
    """Whether a body is an item of a list of people: "along with European Council President
    Donald Tusk, … Jean-Claude Juncker and the Association of Southeast Asian Nations", or
    was there through its delegation."""
    token = doc[mention.start:mention.end].root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
        if token.i in people:
            return True
    if _unnamed_envoys_of(doc, mention):
        return True  # "The European Union … were also represented": its people came
    # "along with delegations from the European Union, ECOWAS and ECCAS": their people came
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "of") and \
        token.head.head.lower_ in ENVOY_NOUNS


def drop_visits_without_visitors(drafts: list[EventDraft]) -> list[EventDraft]:
    """A visit names who travelled: "U.S. officials travelling with the secretary" tells of
    hosts and no visitor, and is no visit to report."""
    return [d for d in drafts if d.type != "Visit" or d.keys("participant")]


def one_visit_per_side(drafts: list[EventDraft]) -> list[EventDraft]:
    """A visit is one side's journey: "Abiy and Isaias arrived in Jeddah" is Ethiopia's
    visit and Eritrea's, each with the hosts told."""
    out = []
    for draft in drafts:
        sides: dict[str | None, list] = {}
        for party in draft.parties if draft.type == "Visit" else []:
            if party.role == "participant":
                sides.setdefault(side_of(party.mention), []).append(party)
        if len(sides) < 2:
            out.append(draft)
            continue
        others = [p for p in draft.parties if p.role != "participant"]
        at_home = {side_of(p.mention) for p in others if p.role == "host"}
        if draft.location is not None:
            at_home.add(state_of(draft.location))
        away = [own for side, own in sides.items() if side not in at_home]
        people = [own for own in away if any(p.mention.kind == "person" for p in own)]
        for own in people or away or list(sides.values()):
            # not the hosts' own people ("… talks with Obama" in Washington), nor a body the
            # travellers went to talk with ("flew to Kabul for talks with the Taliban")
            out.append(replace(draft, parties=[*own, *others], support=list(draft.support),
                               topics=list(draft.topics)))
    return out


def _set_up_then(ent: Span) -> bool:
    """Whether a date tells when a thing named in the sentence was made, in a participle
    after it ("…, a forum launched in 2011 to bring …"): not when the story is."""
    return any(a.dep_ == "acl" and a.tag_ == "VBN" and a.head.pos_ in ("NOUN", "PROPN")
               and ent.root.sent.root.pos_ in ("VERB", "AUX")  # not a misparse
               for a in ent.root.ancestors)


def date_paragraph_events(drafts: list[EventDraft], published: date | None
                          ) -> list[EventDraft]:
    """An undated event told after a dated sentence of its paragraph happened then.

    "Efforts picked up in November 2022. On the sidelines of the Forum, Macron met …":
    the meeting is of November 2022 (an assumed date, as temporal taggers read narrative).
    Only dates that name their year.
    """
    for draft in drafts:
        if draft.date is not None or draft.when or draft.reference:
            continue
        earlier = [e for e in paragraph_dates_before(draft.sentence.doc, draft.sentence.start,
                                                     True)
                   if not _set_up_then(e) and not dating_a_thing(e)]
        value = next((v for e in reversed(earlier)  # not "weeks" or "two decades"
                      if (v := normalize_date(e.text, published, year=narrative_year(e)))), None)
        if value:
            draft.date, draft.soft_date, draft.assumed_from = value, True, "paragraph"
            draft.confidence -= 0.05
    return drafts


LEAD_SENTENCES = 4
LEAD_TYPES = {"Meeting", "PhoneCall", "Visit", "Agreement", "Mediation"}


def date_lead_events(doc: Doc, drafts: list[EventDraft], published: date | None
                     ) -> list[EventDraft]:
    """Undated events of the lead paragraph happened on the story's day (news style): the
    day the lead tells ("… agreed on Wednesday"), or else the publication date.

    Only the first sentences of the article, only events that happened (not proposals
    or threats), and only when the article has a publication date.
    """
    if published is None:
        return drafts
    content = [s for s in doc.sents if sum(t.is_alpha for t in s) >= 4]  # no dateline bits
    lead_end = content[min(LEAD_SENTENCES, len(content)) - 1].end if content else 0
    told = [d.date for d in sorted(drafts, key=lambda d: d.sentence.start)
            if d.date and not d.soft_date and len(d.date) == 10 and d.sentence.start < lead_end
            and 0 <= (published - date.fromisoformat(d.date)).days <= 7]
    if not told:  # "On Tuesday it happened. The Egyptian president flew into Doha …"
        told = [value for e in doc.ents if e.label_ == "DATE" and e.start < lead_end
                and not in_dateline(e)  # "JEDDAH, May 21 (Reuters) -": the report's day
                and (value := normalize_date(e.text, published)) and len(value) == 10
                and 0 <= (published - date.fromisoformat(value)).days <= 7]
    day = told[0] if told else published.isoformat()
    for draft in drafts:
        if draft.date is None and draft.type in LEAD_TYPES and \
                draft.sentence.start < lead_end and not draft.reference:
            own = _day_of_the_sentence(draft.sentence, published)
            draft.date = own or day
            draft.soft_date, draft.assumed_from = own is None, "lead"
            draft.confidence -= 0.1
    return drafts


def _day_of_the_sentence(sentence: Span, published: date) -> str | None:
    """The one day a lead sentence tells, in the week before publication ("… wrapped up a
    tour on Thursday with talks in Kigali"); none when it tells several dates or one after
    "since", "after", "following" …"""
    days = {value for e in sentence.ents if e.label_ == "DATE" and not in_dateline(e)
            and not _in_a_relative_clause(e) and (value := normalize_date(e.text, published))}
    if len(days) != 1 or any(t.lower_ in DATE_REFERENCES | {"following"}
                             for e in sentence.ents if e.label_ == "DATE"
                             for t in sentence.doc[max(0, e.start - 2):e.start]):
        return None
    day = next(iter(days))
    return day if len(day) == 10 and 0 <= (published - date.fromisoformat(day)).days <= 7 \
        else None


def _in_a_relative_clause(span: Span) -> bool:
    """Whether a date is told in a relative clause on a thing: "a declaration …, whose deal
    was agreed only last Friday" (not "…, where they met on Friday")."""
    clause = next((a for a in span.root.ancestors if a.dep_ == "relcl"), None)
    return clause is not None and (clause.head.pos_ == "NOUN" or _another_deal(clause)) and \
        not any(t.lower_ in ("where", "when") for t in clause.subtree if t.i < clause.i)


STORY_TYPES = LEAD_TYPES | {"Proposal"}


def date_story_events(drafts: list[EventDraft]) -> list[EventDraft]:
    """Undated events of the people of the lead event belong to the same day's story.

    The lead event is the first dated meeting, call, visit or agreement; an undated event
    later in the article that involves one of its people (not a state) gets its date,
    marked as assumed; not one its paragraph has dated ("On May 3, Steinmeier travelled to
    Niamey. The two ministers were received by Issoufou": in May, whoever Issoufou met later).
    """
    lead = next((d for d in drafts if d.date and d.type in LEAD_TYPES), None)
    if lead is None:
        return drafts
    people = lead.people()
    for draft in drafts:
        if (draft.date is None or draft.soft_date and draft.assumed_from != "paragraph") \
                and draft.type in STORY_TYPES and not draft.reference and \
                draft.sentence.start > lead.sentence.start and people & draft.keys():
            draft.date, draft.soft_date, draft.assumed_from = lead.date, True, "story"
    return drafts


PLACED_TYPES = {"Meeting", "Agreement", "Proposal", "Mediation"}


def place_story_events(drafts: list[EventDraft]) -> list[EventDraft]:
    """Events of the same day and sides as the lead event happened where it did.

    "Erdogan and Mitsotakis signed a declaration" in an article about their Athens
    meeting: no place is named, but the story's place is Athens. Only events with no
    date of their own, or the lead's date, that involve the lead's people or states.
    """
    lead = next((d for d in drafts if d.date and d.location and d.type in LEAD_TYPES), None)
    if lead is None:
        return drafts
    sides = lead.keys() | {state_of(p.mention) for p in lead.parties} - {None}
    for draft in drafts:
        if draft.location is None and draft.type in PLACED_TYPES and draft is not lead and \
                not draft.reference and (
                draft.date is None or draft.date.startswith(lead.date)
                or lead.date.startswith(draft.date)):  # not "the first since … in 2019"
            mine = draft.keys() | {state_of(p.mention) for p in draft.parties} - {None}
            if len(mine & sides) >= 2:
                draft.location = lead.location
    return drafts


def place_in_the_scene(doc: Doc, drafts: list[EventDraft]) -> list[EventDraft]:
    """Events with no place, told after their paragraph has taken the story to the capital
    of one side's country, happened there: "The tour began in Addis Ababa last Thursday.
    Tillerson held talks with Prime Minister Hailemariam" was in Addis Ababa. Only the last
    capital named before it in the paragraph, after "in", "at" or "to"."""
    capitals = [m for m in doc._.mentions or [] if m.key and not m.modifier
                and m.source.startswith(("kb:capital", "kb:seat")) and m.start > 0
                and doc[m.start - 1].lower_ in {"in", "at", "to", "into"}]
    for draft in drafts:
        if draft.location is not None or draft.type not in PLACED_TYPES or draft.reference:
            continue
        first = paragraph_start(doc, draft.sentence.start)
        told = [m for m in capitals if first <= m.start < draft.sentence.start]
        sides = {state_of(p.mention) for p in draft.parties} - {None}
        if told and told[-1].key in sides:
            draft.location = replace(told[-1], as_place=True)
    return drafts


def place_lead_events(doc: Doc, drafts: list[EventDraft]) -> list[EventDraft]:
    """Events of the first paragraph with no place happened at the dateline's place."""
    mentions = doc._.mentions or []
    dateline = next((m for m in mentions if m.source.endswith("+dateline")), None)
    if dateline is None:
        return drafts
    paragraph_end = next((t.i for t in doc[dateline.end:] if "\n" in t.text_with_ws),
                         len(doc))
    for draft in drafts:
        if draft.location is None and draft.type in LEAD_TYPES and \
                draft.sentence.start <= paragraph_end and not draft.reference:
            draft.location = dateline
    return drafts


def place_in_dateline_city(doc: Doc, drafts: list[EventDraft], published: date | None
                           ) -> list[EventDraft]:
    """Events of the story placed in the dateline's country happened in its city: "Xi
    arrived in Kazakhstan" under "NUR-SULTAN —" was in Nur-Sultan. So did a meeting told
    for the news day (three days either side) with no place of its own: "Putin and Xi met
    on Thursday" under "SAMARKAND, September 16". Background events (dated days before
    publication) keep their country."""
    dateline = next((m for m in doc._.mentions or [] if m.source.endswith("+dateline")), None)
    if dateline is None:
        return drafts
    country = dateline.key if dateline.kind == "state" else dateline.affiliation
    for draft in drafts:
        place = draft.location
        if place is None and draft.type in PLACED_TYPES and not draft.soft_date and \
                not draft.reference and _on_the_news_day(draft, published):
            draft.location = replace(dateline, as_place=True)
            continue
        if place is None and draft.type == "Visit" and country and not draft.reference and \
                _on_the_news_day(draft, published) and country not in {
                    state_of(p.mention) for p in draft.parties if p.role == "participant"}:
            draft.location = replace(dateline, as_place=True)  # "Abiy arrived on Saturday"
            continue  # under "CAIRO": he came to Cairo
        if place is None or country is None or place.kind != "state" or place.key != country \
                or place.source.startswith(("kb:capital", "kb:seat")) or place is dateline:
            continue
        recent = draft.date is None or draft.soft_date or _on_the_news_day(draft, published)
        if recent and draft.type in PLACED_TYPES:  # a visit "to Kazakhstan" stays there
            draft.location = replace(dateline, as_place=True)
    return drafts


def _on_the_news_day(draft: EventDraft, published: date | None) -> bool:
    """Whether an event is dated to the day, within three days of the report's."""
    return published is not None and draft.date is not None and len(draft.date) == 10 and \
        abs((date.fromisoformat(draft.date) - published).days) <= 3


def load_config(path: Path = CONFIG_PATH) -> Config:
    """The pipeline configuration."""
    return Config().from_disk(path)


# Shared acts written with "co-": one token each, read as the act ("co-chaired" -> chair);
# split at the hyphen, they break the parse of their clause.
SHARED_ACTS = {f"co-{verb}{ending}": verb for verb in ("chair", "host", "sign", "sponsor")
               for ending in ("", "s", "ed", "ing")}
# Hyphenated nouns of a meeting, one token each: split, "a tete-a-tete with X" parses as
# an adjective "tete-a" before a noun "tete".
WHOLE_WORDS = ("tete-a-tete", "tête-à-tête", "tete-a-tetes", "tête-à-têtes", "one-on-one",
               "one-on-ones", "sit-down", "sit-downs")
# Abbreviated forms of address, one token each, so that no sentence ends at their stop:
# "…, Eng. Waleed Elkhereiji".
ADDRESS_ABBREVIATIONS = ("Eng.", "Amb.", "Brig.", "Capt.", "Cmdr.", "Hon.")
# Trigger verbs the statistical lemmatiser gets wrong ("dined" -> "din").
LEMMA_EXCEPTIONS = {"dined": "dine", "dining": "dine", **SHARED_ACTS}
# "U.Khurelsukh", "V.Putin" (initials written close, as state agencies do): two tokens.
INITIAL_BEFORE_NAME = r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])"


@cache
def build_pipeline(model: str | None = None) -> Language:
    """The statistical pipeline with our components added, as the config says.

    ``model`` (or the ``KG_SPACY_MODEL`` environment variable) names a spaCy pipeline
    package or path; ``"blank"`` runs the rules alone on a blank English pipeline.
    """
    config = load_config()
    wanted = model or os.environ.get("KG_SPACY_MODEL") or config["nlp"]["model"]
    names = [wanted] if model or os.environ.get("KG_SPACY_MODEL") else \
        [wanted, *config["nlp"].get("fallbacks", [])]
    nlp = None
    reason = ""
    for name in names:
        if name == "blank":
            break
        try:
            nlp = spacy.load(name)
            break
        except OSError as exc:
            reason = str(exc).splitlines()[0]
    if nlp is None:
        if wanted != "blank" and (model or os.environ.get("KG_SPACY_MODEL")):
            raise ExtractionError(Errors.E201.format(name=wanted, reason=reason))
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, INITIAL_BEFORE_NAME]).finditer
    for form in (*SHARED_ACTS, *WHOLE_WORDS, *ADDRESS_ABBREVIATIONS):
        for written in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    if "attribute_ruler" in nlp.pipe_names:  # the lemmatiser keeps lemmas already set
        ruler = nlp.get_pipe("attribute_ruler")
        for form, lemma in LEMMA_EXCEPTIONS.items():
            ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})
    components = config["components"]
    for name in components["order"]:
        settings = dict(components.get(name, {}))
        before = settings.pop("before", None)
        if before and before not in nlp.pipe_names:
            before = None
        nlp.add_pipe(name, before=before, config=settings or {})
    return nlp


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    """Read one article: its events, with every actor and place they involve."""
    nlp = nlp or build_pipeline()
    doc = nlp.make_doc(blank_boilerplate(article.text))
    doc._.published = article.published
    doc._.article_id = article.source_id
    try:
        for _, component in nlp.pipeline:
            doc = component(doc)
        base = next(c.base for _, c in nlp.pipeline if isinstance(c, MentionComponent))
        return to_extraction(doc, article, base)
    except KGError:
        raise
    except Exception as exc:  # a fault on one article fails that article, not the batch
        raise ExtractionError(Errors.E202.format(
            article=article.source_id, reason=f"{type(exc).__name__}: {exc}")) from exc


# ------------------------------------------------------------------- merging drafts


NEAR = 2  # sentences apart: an undated report this close tells of the same happening
STORY_DAYS = 31  # days before publication that a story's own events fall in


def _same_time(a: EventDraft, b: EventDraft, published: date | None = None) -> bool:
    """Dates agree: equal, or an assumed publication date and a day up to a week before
    it ("on Tuesday" in the body of a story dated Thursday); or one is undated and the
    other is of the story's time or told next to it. An undated "talks with Kim" is not
    the 2000 visit told in the background paragraph."""
    if a.date is None and b.date is None:
        if a.when and b.when:
            return a.when == b.when  # "Monday" is not "Oct. 3", year or no year
        return not (a.when or b.when) or _told_near(a, b)
    if a.date == b.date:
        return True
    if a.soft_date and b.soft_date:  # two assumed dates: the same when one holds the other
        return dates_agree(a.date, b.date)  # type: ignore[arg-type]
    if a.date is None or b.date is None:
        dated = a if a.date else b
        undated = b if a.date else a
        return dated.soft_date or _of_the_story(dated.date, published) or _told_near(
            dated, undated)
    if a.soft_date != b.soft_date:
        soft, hard = (a.date, b.date) if a.soft_date else (b.date, a.date)
        if len(hard) == 10 and len(soft) == 10:
            gap = (date.fromisoformat(soft) - date.fromisoformat(hard)).days
            return 0 <= gap <= 7
    return False


def _of_the_story(when: str | None, published: date | None) -> bool:
    """Whether a date (at any precision) overlaps the weeks before publication."""
    if not when or published is None:
        return True
    start = (published - timedelta(days=STORY_DAYS)).isoformat()
    return published.isoformat()[:len(when)] >= when >= start[:len(when)]


def _told_near(a: EventDraft, b: EventDraft) -> bool:
    doc = a.sentence.doc
    first, last = sorted((a.sentence.start, b.sentence.start))
    between = sum(1 for s in doc[first:last].sents if s.start > first)
    return between <= NEAR


EARLIER_WORDS = {"before", "after", "earlier", "previously", "prior", "ahead", "later",
                 "separately"}


def _sides(draft: EventDraft) -> set[str]:
    """A draft's parties, a state counted once with its person there: "the Cuban President"
    and Díaz-Canel are one side, not Cuba and Díaz-Canel."""
    served = {p.mention.affiliation for p in draft.parties if p.mention.kind == "person"}
    return {mention_id(p.mention) for p in draft.parties
            if not (p.mention.kind == "state" and p.mention.key in served)}


def _distinct(draft: EventDraft) -> bool:
    """An event the text sets apart: "Earlier, …", "Before that meeting, …", "separate talks"."""
    first = [t for t in draft.sentence if not t.is_space][:3]
    bilateral = len(draft.keys()) == 2 and any(
        t.lower_ in SIDELINES | {"bilateral"} for t in draft.sentence)
    aside = any(t.lower_ in SIDELINES for t in first)  # "On the margins of the summit, a
    # closed-door meeting on Venezuela brought A together with B": not the summit itself
    return any(t.lower_ in EARLIER_WORDS for t in first) or _set_apart(draft) or bilateral \
        or aside or _sized(draft)


def _sized(draft: EventDraft) -> bool:
    """A meeting whose own words give its size, and that size its parties: "went ahead with a
    four-way meeting with Michel, Macron and Scholz" is no session of the summit told before."""
    trigger = draft.trigger.root
    ways = [NUMBER_WORDS.get(n.lower_) for c in trigger.children if c.lower_ == "way"
            for n in c.children if n.dep_ == "nummod"]
    return bool(ways) and ways[0] == len(draft.keys("participant", "host"))


def _an_aside(draft: EventDraft, gathering: EventDraft) -> bool:
    """A meeting of two that a gathering of four or more also holds, told as an aside: "The
    Kazakh leader also met Mirziyoyev, his host, the same day" is not the summit."""
    pair, many = draft.people(), gathering.people()
    verb = draft.trigger.root
    return draft.type == "Meeting" and len(pair) == 2 and len(many) >= 4 and pair < many \
        and any(t.lower_ == "also" and t.head in (verb, verb.head) for t in draft.sentence)


# Words that make a meeting of two a table of its own: "Prince Mohammed received Raisi for a
# closed-door meeting".
TETE_A_TETE = {"closed-door", "one-on-one", "tete-a-tete", "private", "bilateral", "separate"}


def _tete_a_tete(pair: EventDraft, gathering: EventDraft) -> bool:
    """A meeting of two sides, one receiving the other or told as closed-door, one-on-one or
    bilateral, is not the gathering of four or more from three states or more on the same
    day that holds both (but the session of the two sides' delegations is that meeting)."""
    people, many = pair.people(), gathering.people()
    sides = {state_of(p.mention) for p in gathering.parties} - {None}
    if pair.type != "Meeting" or len(many) < 4 or len(people & many) != 2 or len(sides) < 3:
        return False  # (two of its people, and their aides: "a bilateral meeting with
        # Maduro, attended by their foreign ministers")
    words = {fold(t.text) for t in pair.sentence} | {  # "closed - door"
        fold(pair.sentence[i:i + 3].text) for i in range(len(pair.sentence))
        if pair.sentence[i].lower_ == "closed"}
    undated = (gathering.date is None or gathering.soft_date and gathering.date != pair.date) \
        and pair.date is not None and not pair.soft_date and len(people) == 2 and \
        pair.sentence.start != gathering.sentence.start  # "Putin and Xi held talks on
    # Tuesday. … Putin said at the plenary session, sitting beside Abe, Xi, …": not that day
    return pair.trigger.root.lemma_.lower() == "receive" and len(people) == 2 or bool(
        words & TETE_A_TETE) or undated


def _other_tables(a: EventDraft, b: EventDraft) -> bool:
    """A headline's meeting that names someone a meeting of the body (of three or more named
    people) leaves out, while the body names others it leaves out, is another table: "Kerry
    … then sits down with Lavrov and Jubeir" is not the session where Kerry met Jubeir and
    the other Gulf ministers."""
    if a.type != "Meeting" or b.type != "Meeting":
        return False
    people_a, people_b = a.people(), b.people()
    return _in_headline(a) != _in_headline(b) and len(people_a) >= 3 and \
        len(people_b) >= 3 and bool(people_a - people_b) and bool(people_b - people_a)


def _in_headline(draft: EventDraft) -> bool:
    """Whether a draft is told only in the article's headline."""
    title = headline(draft.sentence.doc)
    return title is not None and all(s.sentence.start == title.start
                                     for s in [draft, *draft.support])


def _stands_for_a_state(mention: Mention) -> bool:
    """A state or body that a report may name for the state's leaders ("Thailand and
    Cambodia met"); not a person, and not the armed forces, whose commanders meet apart."""
    return mention.kind != "person" and mention.source != "rule:armed-forces"


def _stands_for(a: EventDraft, b: EventDraft) -> bool:
    """Every side of ``a`` is in ``b``, a state counting as any of its people there:
    "Saudi crown prince receives Iran's minister" and "MBS received Amir-Abdollahian"."""
    people_states = {p.mention.affiliation for p in b.parties if p.mention.kind == "person"}
    keys = b.keys()
    return all(mention_id(p.mention) in keys or (
        p.mention.kind == "state" and p.mention.key in people_states) for p in a.parties)


def _talks_of_a_mediation(a: EventDraft, b: EventDraft) -> bool:
    """A meeting of the same sides as a mediation (indirect talks) is that mediation."""
    types = {a.type, b.type}
    if types != {"Meeting", "Mediation"}:
        return False
    mediation, meeting = (a, b) if a.type == "Mediation" else (b, a)
    sides = {state_of(p.mention) for p in mediation.parties if p.role == "participant"}
    met = {state_of(p.mention) for p in meeting.parties if p.role == "participant"}
    return len(sides) >= 2 and sides == met


def drop_headline_only(doc: Doc, drafts: list[EventDraft]) -> list[EventDraft]:
    """A headline's event that the article's body never tells again is left out: headlines
    squeeze ("Sudan's warring sides sign truce at Saudi-U.S. brokered talks") and the body
    says who did what. Articles without a body keep their events."""
    first = headline(doc)
    if first is None:
        return drafts
    body = [d for d in drafts if d.sentence.start >= first.end]
    if not body:
        return drafts
    return [d for d in drafts if d.sentence.start >= first.end or any(
        s.sentence.start >= first.end for s in d.support)]


def _same_summit(a: EventDraft, b: EventDraft) -> bool:
    """ "a Gulf summit in Al-Ula" and "Leaders … held their 41st summit": one summit a day."""
    return a.type == b.type == "Meeting" and a.date is not None and a.date == b.date and \
        len(a.date) == 10 and all(d.trigger.root.lower_ in {"summit", "summits"} for d in (a, b))


def _one_gathering(states_a: set[str], states_b: set[str], a: EventDraft, b: EventDraft
                   ) -> bool:
    """Two meetings of one day that share three states or more are one gathering, its
    people told in one sentence and its states in another: "Zelensky was joined at the
    conference table by … Duda" and "Ukraine, Poland and Turkey were among the
    signatories" of the delegations that "gathered" that day."""
    return a.type == b.type == "Meeting" and a.date is not None and a.date == b.date and \
        len(a.date) == 10 and len(states_a & states_b) >= 3


def _finer_place(first: Mention | None, second: Mention | None) -> Mention | None:
    """The more precise of two places told for one event: "a visit to India" and "arrived in
    New Delhi" were in New Delhi; otherwise the first told."""
    if first is None or second is None:
        return first or second
    country = first.kind == "state" and first.source in ("kb:name", "kb:alias", "kb:demonym")
    city = second.kind == "place" or second.source in ("kb:capital", "kb:seat")
    return second if country and city and second.key in (None, first.key) else first


def merge_drafts(drafts: list[EventDraft], published: date | None = None) -> list[EventDraft]:
    """One draft per happening: the same type, shared parties, compatible date and place."""
    merged: list[EventDraft] = []
    for draft in drafts:
        target = None
        for other in merged:
            if not _same_time(other, draft, published):
                continue
            if other.type != draft.type and not _talks_of_a_mediation(other, draft):
                continue
            here = {mention_id(other.location)} if other.location else set()
            there = {mention_id(draft.location)} if draft.location else set()
            if here and there and here != there:
                continue
            shared = len(_sides(other) & _sides(draft))
            states_a = {state_of(p.mention) for p in other.parties} - {None}
            states_b = {state_of(p.mention) for p in draft.parties} - {None}
            if _distinct(other) or _distinct(draft) or _other_tables(other, draft) or \
                    in_turn(other, draft) or _an_aside(draft, other) or _an_aside(other, draft) \
                    or _tete_a_tete(draft, other) or _tete_a_tete(other, draft):
                continue
            state_level = any(all(p.mention.kind != "person" for p in d.parties)
                              for d in (other, draft))
            covered = (states_b <= states_a and all(_stands_for_a_state(p.mention)
                                                    for p in draft.parties)) or (
                states_a <= states_b and all(_stands_for_a_state(p.mention)
                                             for p in other.parties))
            if shared >= min(2, len(other.keys()), len(draft.keys())) or (
                    draft.type in CONTACT and len(states_a) >= 2 and len(states_b) >= 2
                    and (states_a == states_b and state_level or covered)
            ) or _talks_of_a_mediation(other, draft) or _same_summit(other, draft) or \
                    _one_gathering(states_a, states_b, other, draft) or (
                draft.type in CONTACT and shared >= 1
                and (_stands_for(draft, other) or _stands_for(other, draft))):
                target = other
                break
        if target is None:
            merged.append(draft)
            continue
        if draft.type == "Mediation":
            target.type = "Mediation"
        for party in draft.parties:
            add_party(target, party.mention, party.role)
        if target.date is None or (target.soft_date and draft.date and not draft.soft_date):
            target.date, target.soft_date = draft.date, draft.soft_date
        target.location = _finer_place(target.location, draft.location)
        target.when = target.when or draft.when
        target.topics += [t for t in draft.topics if t not in target.topics]
        target.support.append(Support(draft.sentence, draft.trigger, draft.rule,
                                      explain_draft(draft), len(draft.parties)))
        target.support += draft.support
    for draft in merged:
        _name_the_states(draft, merged)
        _most_specific(draft)
    return [d for d in merged if is_complete(d)]  # "the US President": one party, not two


GATHERING_NOUNS = {"talks", "meeting", "meetings", "session", "sessions", "round", "rounds",
                   "summit", "conference"}  # not "negotiations", a process


def _mediated_gathering(draft: EventDraft) -> bool:
    """Whether a mediation is of talks the sides held together ("a session brokered by
    Iraq was held in Baghdad", "Qatar mediated talks between A and B"), not at a distance
    ("indirect talks") or of a deal or a relationship."""
    nouns = []
    for trigger in [draft.trigger.root, *(s.trigger.root for s in draft.support)]:
        nouns += [trigger] if trigger.lower_ in GATHERING_NOUNS else []
        nouns += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
                  and c.lower_ in GATHERING_NOUNS]
        if trigger.dep_ in ("acl", "relcl") and trigger.head.lower_ in GATHERING_NOUNS:
            nouns.append(trigger.head)
    return bool(nouns) and not any(c.lower_ in AT_A_DISTANCE for n in nouns
                                   for c in n.children)


def meetings_of_mediations(drafts: list[EventDraft]) -> list[EventDraft]:
    """A mediation of talks the sides held face to face is also their meeting, with the
    mediators at the table (as "the meeting was mediated by Shoigu" is read); rule
    ``mediated-talks``, so that ``kg explain`` tells it was inferred."""
    out = []
    for draft in drafts:
        out.append(draft)
        sides = draft.keys("participant")
        if draft.type != "Mediation" or len(sides) < 2 or not draft.keys("mediator") or \
                not _mediated_gathering(draft) or any(
                d.type == "Meeting" and sides <= d.keys() and d.date == draft.date
                for d in drafts):
            continue
        out.append(replace(draft, type="Meeting", parties=list(draft.parties),
                           topics=list(draft.topics), support=list(draft.support),
                           rule="kg.events.v1:mediated-talks"))
    return out


def _name_the_states(draft: EventDraft, drafts: list[EventDraft]) -> None:
    """ "Saudi Arabia and its allies … at a Gulf summit": a state's person who met the
    others, proposed or signed something that same day in the same place, stands for the
    state at the summit; "talks brokered by Turkey" and "Erdogan hosted them": Erdogan
    mediated."""
    if draft.type not in CONTACT or not draft.date or len(draft.date) < 10:
        return
    present = {p.mention.affiliation for p in draft.parties if p.mention.kind == "person"}
    for party in [p for p in draft.parties if p.mention.kind == "state"
                  and p.mention.key not in present]:
        people = {mention_id(q.mention): q.mention for other in drafts if other is not draft
                  and other.type in CONTACT | {"Visit", "Proposal", "Agreement"}
                  and other.date == draft.date
                  and (other.location is None or draft.location is None
                       or mention_id(other.location) == mention_id(draft.location))
                  for q in other.parties if q.mention.kind == "person"
                  and (q.role != "mediator" or party.role == "mediator")
                  and q.mention.affiliation == party.mention.key}
        if len(people) == 1:
            add_party(draft, next(iter(people.values())), party.role)


def _most_specific(draft: EventDraft) -> None:
    """Drop a state that takes part through a person named for it; mediators stay mediators,
    and the host of talks a state of theirs brokered mediated them ("talks brokered by
    Turkey", "Erdogan hosted Abiy and Hassan Sheikh")."""
    brokers = {p.mention.key for p in draft.parties
               if p.role == "mediator" and p.mention.kind == "state"}
    sides = {p.mention.affiliation or p.mention.key for p in draft.parties
             if p.role == "participant"} - brokers - {None}
    if draft.type in CONTACT and len(sides) >= 2:
        for party in [p for p in draft.parties if p.role == "host"
                      and p.mention.kind == "person" and p.mention.affiliation in brokers]:
            add_party(draft, party.mention, "mediator")
    person_states = {p.mention.affiliation for p in draft.parties
                     if p.mention.kind == "person" and p.mention.affiliation}
    mediators = draft.keys("mediator")
    mediator_states = {p.mention.affiliation for p in draft.parties
                       if p.role == "mediator" and p.mention.kind == "person"}
    people = draft.people()
    kept = []
    for party in draft.parties:
        ident = mention_id(party.mention)
        if party.role != "mediator" and ident in mediators:
            continue
        if party.mention.kind == "organization" and len(people) >= 2 and party.mention.plural \
                and members_of(draft.sentence.doc, party.mention, {"leader", "head"}):
            continue  # "leaders of the EAC and SADC met …, co-chaired by Ruto and Mnangagwa"
        if party.mention.kind == "state" and party.mention.key in person_states:
            continue
        if party.mention.kind == "state" and party.mention.key in mediator_states and \
                party.role != "mediator":
            continue
        kept.append(party)
    draft.parties[:] = kept


# --------------------------------------------------------------- typed extraction


def _actor_from_entry(entry: ActorEntry, affiliation: str | None = None) -> Actor:
    return Actor(key=entry.key, label=entry.label, type=entry.type,  # type: ignore[arg-type]
                 aliases=tuple(a for a in entry.aliases if a != entry.label),
                 affiliation=affiliation or entry.state, qid=entry.qid, iso2=entry.iso2,
                 acronym=entry.acronym)


def _actor(mention: Mention, base: ActorBase) -> Actor:
    entry = base.get(mention.key) if mention.key else None
    if entry is not None:
        return _actor_from_entry(entry, mention.affiliation)
    kind = {"person": "Person", "state": "State"}.get(mention.kind, "Organization")
    label = mention.label.strip()
    aliases = (mention.text,) if mention.text != label else ()
    return Actor(key=slugify(label), label=label, type=kind,  # type: ignore[arg-type]
                 aliases=aliases, affiliation=mention.affiliation,
                 match_key=name_key(label) if kind == "Person" else None)


GENERIC_TITLES = {"leader", "leaders", "counterpart", "counterparts", "colleague", "colleagues",
                  "official", "officials", "head", "heads", "chief", "chiefs", "delegation",
                  "premier", "top diplomat", "minister", "ministers"}


def _title(mention: Mention, actor: Actor, base: ActorBase, when: object) -> str | None:
    """The title the text gives, or for a known person with a vague one ("his counterpart",
    "leaders"), the post the actor base says they held on the event's date."""
    title = mention.title
    words = [w for w in fold(title or "").replace("'s", "").split() if w not in {"his", "her",
                                                                              "their", "its"}]
    vague = not words or all(w in GENERIC_TITLES for w in words)
    if actor.type != "Person" or not vague or base.get(actor.key) is None:
        return title
    on = str(when)[:10] if when else None
    try:
        posts = base.posts_of(actor.key, on if on and len(on) == 10 else None)
    except (ValueError, KGError):
        posts = []
    return posts[-1].role if posts else title


def full_names(mentions: list[Mention]) -> dict[str, str]:
    """The fullest name the article writes each known person by: "Marcelo Ebrard Casaubon"
    for every "Ebrard" of the story, "Volodymyr Zelensky" for every "Zelensky"."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person" or m.key is None or "coref" in m.source or \
                not m.source.startswith(("kb:", "ner:")):
            continue
        words = m.text.split()
        while len(words) > 2 and fold(words[0]) in TITLE_WORDS:
            words = words[1:]  # "Crown Prince Mohammed bin Salman": the name, not the title
        if len(words) >= 2 and len(words) > len(names.get(m.key, "").split()):
            names[m.key] = " ".join(words)
    return names


def _name_as_written(mention: Mention, actor: Actor, written: dict[str, str]) -> str | None:
    """The actor's name as the article writes it, when the text names it in full.

    States and organisations by a name, alias or acronym (not a demonym or a capital);
    people by the fullest name the article gives them, when spelled otherwise than the
    label (Berdymukhamedov).
    """
    text = " ".join(mention.text.split())
    if actor.type == "Person":
        text = written.get(actor.key, "")
        return text if text and text != actor.label else None
    if mention.source not in ("kb:name", "kb:alias", "kb:acronym"):
        return None
    return text if text != actor.label else None


def _place(mention: Mention, base: ActorBase) -> Place:
    entry = base.get(mention.key) if mention.key else None
    written = mention.label if mention.source == "rule:capital-of" else mention.text
    if entry is not None and entry.type == "State" and mention.as_place:
        label = _place_label(written)
        return Place(key=slugify(label), label=label, country=entry.key)
    if entry is not None and entry.type == "State":
        return Place(key=slugify(entry.label), label=entry.label, country=entry.key,
                     qid=entry.qid)
    label = _place_label(written)
    if mention.affiliation and (mention.kind == "place" or mention.source == "kb:seat"):
        # "Langley, Virginia"; "at Langley", the seat of the CIA: its state's
        return Place(key=slugify(label), label=label, country=mention.affiliation)
    state = country_of_city(label, base)  # a city of the world: its country
    return Place(key=slugify(label), label=label, country=state.key if state else None)


def _place_label(text: str) -> str:
    """A place name as text gives it, datelines' capitals tamed: "NEW DELHI" -> "New Delhi"."""
    label = " ".join(text.split())
    return label.title() if label.isupper() and len(label) > 3 else label


def _provenance(article: Article, sentence, trigger, rule: str, confidence: float,
                matched: str) -> Provenance:
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return Provenance(
        article=article.source_id, sentence=stripped,
        start=start, end=start + len(stripped), trigger=trigger.text,
        trigger_start=trigger.start_char, trigger_end=trigger.end_char, extractor=rule,
        confidence=round(confidence, 3), matched=matched)


def explain_draft(draft: EventDraft) -> str:
    """What a rule matched, for ``kg explain``."""
    parts = [f"{p.mention.text} -> {p.mention.label} [{p.role}; {p.mention.source}]"
             for p in draft.parties]
    facts = [f"date={draft.date}" if draft.date else "",
             f"place={draft.location.text}" if draft.location else "",
             f"topics={'; '.join(draft.topics)}" if draft.topics else ""]
    return "; ".join(parts + [f for f in facts if f])


def visits_abroad(events: list[Event], base: ActorBase) -> list[Event]:
    """A person who met others in another country's city visited that country: "In Kabul,
    Esper held talks with Ghani" is also Esper's visit to Afghanistan. Read only where the
    article tells of no visit by that person on that date; the rule is named so that
    ``kg explain`` shows the visit was inferred."""
    told = {(r.actor.key, e.date) for e in events if e.type == "Visit" for r in e.roles
            if r.role == "participant"}
    inferred: list[Event] = []
    for event in events:
        place = event.location
        if event.type != "Meeting" or place is None or place.country is None:
            continue
        country = base.get(place.country)
        for role in event.roles:
            actor = role.actor
            home = role.affiliation.key if role.affiliation else actor.affiliation
            if role.role != "participant" or actor.type != "Person" or home is None or \
                    home == place.country or (actor.key, event.date) in told or country is None:
                continue
            home_entry = base.get(home)
            if home_entry is None or home_entry.type != "State":
                continue
            told.add((actor.key, event.date))
            host = _actor_from_entry(country)
            provenance = replace(event.provenance, extractor="kg.events.v1:visit-abroad",
                                 confidence=round(event.provenance.confidence - 0.1, 2),
                                 matched=f"{actor.label} met others in {place.label}, "
                                         f"{country.label}: a visit")
            inferred.append(Event(type="Visit", roles=(
                Role(actor=actor, role="participant", title=role.title,
                     affiliation=role.affiliation, name=role.name),
                Role(actor=host, role="host")), provenance=provenance, date=event.date,
                location=place, topics=event.topics))  # what the talks there were about
    return inferred


def _one_per_key(events: list[Event]) -> list[Event]:
    """Events of one article that are one happening by their key (same type, parties and
    date) become one: the first one's place and titles, every source and topic."""
    merged: dict[str, Event] = {}
    for event in events:
        first = merged.get(event.key)
        if first is None:
            merged[event.key] = event
            continue
        taken = {(r.actor.key, r.role) for r in first.roles}
        seen = {(p.start, p.trigger_start) for p in first.sources}
        merged[event.key] = replace(
            first, location=first.location or event.location,
            roles=first.roles + tuple(r for r in event.roles
                                      if (r.actor.key, r.role) not in taken),
            topics=first.topics + tuple(t for t in event.topics if t not in first.topics),
            also=first.also + tuple(p for p in event.sources
                                    if (p.start, p.trigger_start) not in seen))
    return list(merged.values())


def members_of_groups(drafts: list[EventDraft], base: ActorBase) -> list[EventDraft]:
    """A group of states as its members, each a side: "Kallas chaired a meeting with the
    foreign ministers of the five Central Asian states" is a meeting with Kazakhstan,
    Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan. A member already a side, or whose
    person is, is not added again. When the story names people of the group at a meeting or
    call that day ("The heads of the Central Asian states met in Dushanbe" over a story
    naming those at the summit), the group is those people, and the two tellings merge."""
    by_day: dict[str | None, dict[str, Mention]] = {}
    for draft in drafts:
        for party in draft.parties if draft.type in CONTACT else ():
            if party.mention.kind == "person" and party.mention.affiliation:
                by_day.setdefault(draft.date, {}).setdefault(party.mention.affiliation,
                                                             party.mention)
    kept = []
    for draft in drafts:
        groups = [(p, entry.members) for p in draft.parties if p.mention.key
                  for entry in [base.get(p.mention.key)] if entry is not None and entry.members]
        if not groups:
            kept.append(draft)
            continue
        named = by_day.get(draft.date, {}) if draft.date else {}
        grouped = [g for g, _ in groups]
        draft.parties[:] = [p for p in draft.parties if p not in grouped]
        for party, members in groups:
            told = any(member in named for member in members)
            if told:  # those named that day, for the states they lead too
                draft.parties[:] = [p for p in draft.parties if not (
                    p.mention.kind == "state" and p.mention.key in members)]
            present = {p.mention.affiliation or p.mention.key for p in draft.parties}
            for member in members:
                state = base.get(member)
                if member in present or state is None or told and member not in named:
                    continue
                present.add(member)
                add_party(draft, named.get(member) or replace(
                    party.mention, kind="state", key=member, label=state.label,
                    affiliation=None, source=party.mention.source + "+member"), party.role)
        if is_complete(draft):
            kept.append(draft)
    return kept


def to_extraction(doc: Doc, article: Article, base: ActorBase) -> Extraction:
    """The typed extraction of a processed doc."""
    events: list[Event] = []
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    written = full_names(doc._.mentions or [])
    for draft in doc._.events or []:
        roles = []
        for party in draft.parties:
            actor = _actor(party.mention, base)
            actors.setdefault(actor.key, actor)
            affiliation = None
            if actor.affiliation:
                entry = base.get(actor.affiliation)
                affiliation = _actor_from_entry(entry) if entry else actors.get(actor.affiliation)
                if affiliation is not None:
                    actors.setdefault(affiliation.key, affiliation)
            name = _name_as_written(party.mention, actor, written)
            title = _title(party.mention, actor, base, draft.date or doc._.published)
            roles.append(Role(actor=actor, role=party.role,  # type: ignore[arg-type]
                              title=title, affiliation=affiliation, name=name))
            if party.role == "host" and draft.type in CONTACT:
                roles.append(Role(actor=actor, role="participant", title=title,
                                  affiliation=affiliation, name=name))
        location = _place(draft.location, base) if draft.location else None
        if location:
            places.setdefault(location.key, location)
        if draft.type == "Visit" and location and location.country and not any(
                r.role == "host" for r in roles) and all(
                r.affiliation is None or r.affiliation.key != location.country for r in roles):
            # "travelled to Kyiv": the visit is to Ukraine
            entry = base.get(location.country)
            if entry is not None:
                host = _actor_from_entry(entry)
                actors.setdefault(host.key, host)
                roles.append(Role(actor=host, role="host"))
        confidence = draft.confidence - (0.1 if not draft.date else 0) - (
            0.05 if not location else 0)
        supports = [Support(draft.sentence, draft.trigger, draft.rule, explain_draft(draft),
                            len(draft.parties)), *draft.support]
        # The sentence that names the most parties leads; the others follow in text order.
        lead = max(supports, key=lambda s: (s.parties, -s.sentence.start))
        ordered = [lead] + [s for s in supports if s is not lead]
        seen: set[tuple[int, int]] = set()
        provs = []
        for s in ordered:
            if (s.sentence.start, s.trigger.start) in seen:
                continue
            seen.add((s.sentence.start, s.trigger.start))
            provs.append(_provenance(article, s.sentence, s.trigger, s.rule, confidence, s.note))
        main, also = provs[0], tuple(provs[1:])
        events.append(Event(type=draft.type, roles=tuple(roles),  # type: ignore[arg-type]
                            provenance=main, date=draft.date, location=location,
                            topics=tuple(draft.topics), also=also))
    events = _one_per_key(events + visits_abroad(events, base))
    for event in events:
        for role in event.roles:
            actors.setdefault(role.actor.key, role.actor)
    for actor in list(actors.values()):
        if actor.affiliation and actor.affiliation not in actors:
            entry = base.get(actor.affiliation)
            if entry is not None:
                actors[entry.key] = _actor_from_entry(entry)
            else:
                actors[actor.key] = Actor(**{**actor.__dict__, "affiliation": None})
    for place in places.values():
        if place.country and place.country not in actors:
            entry = base.get(place.country)
            if entry is not None:
                actors[entry.key] = _actor_from_entry(entry)
    return Extraction(article=article, events=tuple(events), actors=tuple(actors.values()),
                      places=tuple(places.values()))
