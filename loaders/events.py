"""Events: triggers in a parsed sentence, their parties, mediators, hosts, place, date, topics.

Triggers come in verbal ("met", "mediated", "signed"), light-verb ("held talks",
"held a telephone conversation") and nominal ("a meeting between", "the call
between") forms. Negated, modal and planned events are skipped. A sentence that only
adds to an event already read ("The meeting was mediated by …", "They discussed …")
updates that event instead of creating one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from loaders.dates import DAY_TIMES, MONTHS, RELATIVE_YEAR, WEEKDAYS, YEAR, normalize_date
from loaders.mentions import (
    COMPASS,
    COURTESY_TITLES,
    DOCUMENT_NOUNS,
    EVENT_WORDS,
    JOURNEY_NOUNS,
    LISTED_GROUPS,
    NUMBER_WORDS,
    OTHER_POSTS,
    TITLE_HEADS,
    TITLE_WORDS,
    TRAVEL_VERBS,
    VENUE_WORDS,
    Mention,
    big_cities,
    fold,
    role_kind_of,
)

CONTACT = {"Meeting", "PhoneCall"}
# lemma -> event type, for verbs
VERB_TRIGGERS = {
    "meet": "Meeting", "confer": "Meeting", "negotiate": "Meeting",
    "receive": "Meeting", "host": "Meeting", "convene": "Meeting", "attend": "Meeting",
    "chair": "Meeting", "gather": "Meeting", "sit": "Meeting", "seat": "Meeting",
    "welcome": "Meeting",
    "greet": "Meeting", "embrace": "Meeting", "hug": "Meeting", "dine": "Meeting",
    "lunch": "Meeting", "breakfast": "Meeting",
    "shake": "Meeting",
    "join": "Meeting", "open": "Meeting", "moderate": "Meeting", "closet": "Meeting",
    "brief": "Meeting",
    "visit": "Visit", "arrive": "Visit", "travel": "Visit", "land": "Visit", "fly": "Visit",
    "call": "PhoneCall", "phone": "PhoneCall", "telephone": "PhoneCall", "dial": "PhoneCall",
    "mediate": "Mediation", "broker": "Mediation", "facilitate": "Mediation",
    "sign": "Agreement", "agree": "Agreement", "ink": "Agreement", "conclude": "Agreement",
    "seal": "Agreement", "initial": "Agreement", "clinch": "Agreement", "finalize": "Agreement",
    "finalise": "Agreement", "strike": "Agreement",
    "witness": "Agreement", "oversee": "Agreement", "preside": "Agreement",
    "propose": "Proposal", "offer": "Proposal", "suggest": "Proposal", "invite": "Proposal",
    "threaten": "Threat", "warn": "Threat",
}
# Stretches of a visit that one begins or ends with someone: "began the day with X".
STRETCHES = {"day", "morning", "afternoon", "evening", "visit", "tour", "trip", "stay",
             "programme", "program", "schedule", "leg"}
# What time is spent in: "spent five hours together".
SPANS_OF_TIME = {"hour", "minute", "day", "evening", "afternoon", "morning", "night",
                 "weekend", "time"}
# nouns -> event type
NOUN_TRIGGERS = {
    "meeting": "Meeting", "meetings": "Meeting", "talks": "Meeting", "summit": "Meeting",
    "negotiations": "Meeting", "consultations": "Meeting", "dialogue": "Meeting",
    "talk": "Meeting", "conversation": "Meeting", "discussion": "Meeting",
    "encounter": "Meeting", "tete-a-tete": "Meeting", "tête-à-tête": "Meeting",
    "tete-a-tetes": "Meeting", "tête-à-têtes": "Meeting", "one-on-one": "Meeting",
    "one-on-ones": "Meeting", "sit-down": "Meeting", "sit-downs": "Meeting",
    "lunch": "Meeting", "luncheon": "Meeting", "dinner": "Meeting", "breakfast": "Meeting",
    "discussions": "Meeting", "meet": "Meeting",
    "call": "PhoneCall", "phone": "PhoneCall", "calls": "PhoneCall", "conversations": "Meeting",
    "visit": "Visit", "trip": "Visit", "visits": "Visit", "trips": "Visit",
    "mediation": "Mediation",
    "deal": "Agreement", "agreement": "Agreement", "accord": "Agreement", "treaty": "Agreement",
    "memorandum": "Agreement", "declaration": "Agreement", "pact": "Agreement",
    "truce": "Agreement", "ceasefire": "Agreement", "agreements": "Agreement",
    "deals": "Agreement", "accords": "Agreement", "treaties": "Agreement", "pacts": "Agreement",
    "memoranda": "Agreement", "memorandums": "Agreement",
    "proposal": "Proposal", "threat": "Threat",
    "mediator": "Mediation", "facilitator": "Mediation", "intermediary": "Mediation",
}
# Nouns that name a process more than a happening: events only as objects of a light verb
# ("held negotiations"), not on their own ("through negotiations between A and B").
WEAK_NOUNS = {"negotiations", "consultations", "dialogue", "discussion", "discussions", "talk",
              "conversation", "deal", "agreement", "accord", "treaty", "declaration",
              "memorandum", "pact", "truce", "ceasefire", "proposal", "threat", "mediation",
              "agreements", "deals", "accords", "treaties", "pacts", "memoranda",
              "memorandums", "lunch", "luncheon", "dinner", "breakfast"}
# Processes rather than happenings: events only when held ("held negotiations").
PROCESS_NOUNS = {"dialogue", "negotiations", "consultations", "discussions", "discussion",
                 "talk", "lunch", "luncheon", "dinner", "breakfast"}  # "held a working lunch"
PHONE_WORDS = {"phone", "telephone", "telephonic", "video", "videoconference", "virtual",
               "hotline"}
LIGHT_VERBS = {"hold", "have", "conduct", "begin", "start", "launch", "resume", "attend",
               "join", "sign", "reach", "conclude", "make", "pay", "discuss", "exchange",
               "receive", "seal", "initial", "strike", "clinch", "finalize", "finalise", "ink",
               "take", "wrap", "use", "grant", "give", "accord", "extend"}  # "used a meeting
# with Li to urge …", "granted Lavrov an audience", "gave an official welcome to Lula"
AGREEMENT_VERBS = {"sign", "reach", "conclude", "ink", "seal", "initial", "strike", "clinch",
                   "finalize", "finalise", "agree", "announce", "approve", "adopt", "renew",
                   "extend"}
MODALS = {"will", "would", "could", "might", "may", "shall", "should", "can", "must"}
UNREAL_HEADS = {"plan", "expect", "hope", "want", "intend", "seek", "aim", "prepare",
                "willing", "ready", "wish", "try", "schedule", "refuse", "fail", "reject",
                "decline", "cancel", "postpone", "urge", "ask", "call", "agree", "decide",
                "pledge", "promise", "vow", "propose", "invite", "continue", "resume", "need",
                "deny", "dismiss", "rule", "consider", "mull", "weigh", "would", "due",
                "set", "slate", "likely", "possible", "expected", "offer", "suggest",
                "insist", "demand", "require", "press", "float", "moot"}
UNREAL_NOUNS = {"willingness", "readiness", "plan", "plans", "intention", "hope", "call",
                "calls", "proposal", "invitation", "possibility", "prospect", "initiative",
                "idea", "way", "need", "aim", "goal", "bid", "effort", "efforts", "candidacy",
                "offer", "attempt", "attempts", "chance", "opportunity", "ambition", "desire",
                "wish", "preparations", "preparation", "preparatory", "commitment",
                "commitments", "pledge", "promise", "decision"}
PLANNED = {"planned", "proposed", "possible", "upcoming", "future", "scheduled", "expected",
           "potential", "prospective", "next", "mooted", "envisaged", "forthcoming"}
REPORTING = {"say", "tell", "report", "announce", "add", "note", "state", "stress",
             "emphasize", "according", "confirm", "reveal", "write", "quote", "reiterate"}
BACKGROUND_PREPS = {"after", "before", "amid", "following", "since", "ahead", "despite", "as",
                    "with", "like", "unlike", "besides", "during", "without"}
TOPIC_VERBS = {"discuss", "address", "focus", "review", "exchange", "consider", "examine",
               "explore", "cover", "tackle", "concentrate", "emphasize", "emphasise",
               "highlight", "touch", "raise", "envisage", "envision", "center", "centre",
               "note", "stress", "underline", "underscore", "reaffirm", "dwell", "dwelt"}
# Verbs by which one side presses the other on a matter: "pressing him on …".
PRESSING_VERBS = {"press", "urge", "quiz", "question", "challenge", "grill", "lobby"}
VAGUE_OBJECTS = {"views", "ways", "means", "issues", "matters", "opinions", "ideas", "aspects"}
SIDELINES = {"sidelines", "margins", "sideline", "margin", "fringes", "fringe"}
NOT_TOPICS = SIDELINES | {"occasion", "eve", "day", "phone",
              "telephone", "behalf", "invitation", "basis", "way", "stage", "podium", "dais",
              "tarmac", "arrival", "runway", "apron"}  # "greeted on the tarmac by X": where
GENERIC_OBJECTS = {"agreement", "agreements", "deal", "deals", "declaration", "accord", "treaty",
                   "memorandum", "memorandums", "memoranda", "document", "documents", "statement",
                   "pact", "understanding", "mou", "mous", "talks", "meeting", "call", "visit",
                   "proposal", "idea", "issue", "issues", "matters", "way", "ways", "views"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
PURPOSE_VERBS = {"aim", "design", "intend", "seek", "mean"}  # "talks aimed at …": their end
PURPOSE_NOUNS = {"attempt", "bid", "effort", "push", "drive"}  # "in a bid to …": their end
MEDIATION_VERBS = {"mediate", "broker", "facilitate"}
AT_A_DISTANCE = {"indirect", "proximity", "shuttle"}  # talks whose sides never sat together
# Verbs that add someone to an event already read: "joined the talks", "chaired the session",
# "The meeting was hosted by the UAE" (a third party that hosts others' talks mediates them).
JOINING = {"attend": "participant", "join": "participant", "chair": "mediator",
           "address": "participant",
           "host": "mediator", "facilitate": "mediator", "open": "mediator",
           "moderate": "mediator", "convene": "mediator"}
# Bodies whose members they "bring together": a membership, not a meeting.
GROUPINGS = {"grouping", "bloc", "group", "alliance", "organisation", "organization", "union",
             "community", "coalition", "club", "format", "mechanism", "forum", "partnership",
             "pact", "body", "association", "council"}
# Kinds of danger: "the militant threat", "the terrorist threat" are no one's threat.
DANGERS = {"militant", "terrorist", "terror", "terrorism", "security", "nuclear", "cyber",
           "growing", "existential", "jihadist", "extremist", "insurgent", "missile", "drone"}
# A go-between's work: "carried proposals back and forth between A and B".
GO_BETWEEN_VERBS = {"carry", "relay", "pass", "ferry", "convey"}
GO_BETWEEN_OBJECTS = {"proposals", "messages", "offers", "drafts", "proposal", "message",
                      "notes", "letters", "positions", "counterproposals"}
# Journeys that are not visits by themselves, but bring talks held on arrival: "returned to
# Abu Dhabi for talks with Sheikh Mohamed".
JOURNEY_VERBS = {"return", "go", "come", "head", "stop"}
# Verbs of a journey whose purpose clause tells whom the traveller saw.
TRIP_VERBS = JOURNEY_VERBS | {"travel", "fly", "drive", "arrive", "rush", "hurry", "cross",
                              "walk", "proceed"}  # "crossed the road to the … Building for
# talks", "proceeded the same day to Windhoek for talks with X"
PHASES = {"end", "close", "conclusion", "start", "beginning", "opening", "outset", "course"}
DURATIONS = {"hours", "days", "weeks", "months", "years", "rounds", "sessions"}
# What talks are counted in: "held a fresh round of talks", "held an hour of talks".
ROUNDS = {"round", "rounds", "series", "session"}
MEASURES = ROUNDS | {"minute", "minutes", "hour", "hours", "day", "days"}
STARTS = {"resumption", "start", "launch", "opening", "holding", "convening", "revival"}
TIME_MARKS = {"as", "when", "while"}  # clauses that tell when: "as Raisi held talks …"
EVENT_PREPS = {"in", "during", "at", "on", "after", "over", "following", "before"}


GATHERINGS = {"session", "summit", "forum", "conference", "gathering", "assembly", "plenary",
              "ceremony", "dialogue", "roundtable", "dinner", "lunch", "luncheon", "breakfast",
              "banquet", "workshop"}
# "hosted a working dinner for Pacific leaders. Around the table …": a gathering too
# Things that lie between two states, that "between A and B" describes: no party list.
CROSSINGS = {"border", "crossing", "frontier", "bridge", "road", "railway", "pipeline",
             "corridor", "checkpoint", "line", "boundary", "link", "interconnector"}
# Nouns for one side of talks: "a Bahraini delegation led by X …, and a Qatari one".
SIDE_NOUNS = {"delegation", "delegations", "side", "team", "government", "movement"}
# Gatherings of many whose host or chair is one of those gathered, not a go-between: "the
# joint summit, hosted by Tanzanian President Samia, was co-chaired by Ruto and Mnangagwa".
SUMMITS = {"summit", "summits", "forum", "conference", "gathering", "assembly"}
# People who comment on events without being a party to them.
ONLOOKERS = {"analyst", "expert", "observer", "critic", "commentator", "economist",
             "researcher", "scholar", "academic", "historian", "pundit", "columnist"}


@dataclass
class Party:
    """An actor mention in an event, with its role."""

    mention: Mention
    role: str


@dataclass(frozen=True)
class Support:
    """A further sentence that adds to an event: its trigger, rule and what it added."""

    sentence: Span
    trigger: Span
    rule: str
    note: str
    parties: int = 0


@dataclass
class EventDraft:
    """An event being read: mutable until the article is done."""

    type: str
    trigger: Span
    sentence: Span
    parties: list[Party] = field(default_factory=list)
    date: str | None = None
    soft_date: bool = False
    assumed_from: str = ""  # the step that assumed a soft date: "paragraph", "lead", "story"
    when: str | None = None  # the date as written, even when no year can be given to it
    # told only as a point of reference ("…, days after a call between Biden and Xi"): its
    # day and place are not the sentence's, and no later step assumes them
    reference: bool = False
    location: Mention | None = None
    topics: list[str] = field(default_factory=list)
    rule: str = ""
    confidence: float = 0.8
    support: list[Support] = field(default_factory=list)

    def keys(self, *roles: str) -> set[str]:
        return {mention_id(p.mention) for p in self.parties if not roles or p.role in roles}

    def people(self) -> set[str]:
        """The keys of the people among the parties, whatever their role."""
        return {mention_id(p.mention) for p in self.parties if p.mention.kind == "person"}


def mention_id(m: Mention) -> str:
    return m.key or f"~{fold(m.label)}"


# ------------------------------------------------------------------------- triggers


def _relative_event(pronoun: Token) -> Token | None:
    """The event noun a relative pronoun stands for: "the summit, which Putin co-chaired
    with Sisi" -> summit."""
    clause = pronoun.head
    if pronoun.lower_ in {"which", "that"} and clause.dep_ == "relcl" and (
            clause.head.lower_ in NOUN_TRIGGERS or clause.head.lower_ in GATHERINGS):
        return clause.head
    return None


def _meeting_word(token: Token) -> bool:
    """A noun that names a meeting or a gathering: "talks", "summit", "session"."""
    return NOUN_TRIGGERS.get(token.lower_) == "Meeting" or token.lower_ in GATHERINGS


# Papers handed to someone in person: "handed the applications to Stoltenberg".
HANDED_PAPERS = {"application", "applications", "letter", "message", "invitation"}


def _attending_as_a_habit(verb: Token) -> bool:
    """Whether a participle attends gatherings in the plural: "…, attending the advisers'
    meetings while keeping ties with Moscow"."""
    return verb.lemma_.lower() == "attend" and verb.tag_ == "VBG" and \
        verb.dep_ in ("advcl", "acl") and any(c.dep_ == "dobj" and c.tag_ == "NNS"
                                              and c.lower_ != "talks" for c in verb.children)


def _event_type(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if _attending_as_a_habit(token) or token.dep_ == "dobj" and _attending_as_a_habit(
            token.head):
        return None  # "have followed similar lines, attending the advisers' meetings":
        # a habit, no one gathering
    if token.lower_ in ROUNDS and token.pos_ == "NOUN" and not any(
            c.lower_ == "of" for c in token.children) and _earlier_session(token) is token \
            and not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in token.subtree):
        return "Meeting"  # "The previous round, the 24th, took place in Thimphu in 2016"
    if token.lower_ == "audience" and token.pos_ in ("NOUN", "PROPN"):  # "an Audience"
        return "Meeting" if any(c.dep_ == "prep" and c.lower_ == "with"
                                for c in token.children) or token.dep_ == "dobj" and any(
            c.dep_ == "dative" for c in token.head.children) and token.head.lemma_.lower() in {
                "grant", "give", "accord"} else None  # "an audience with the Pope", "granted
        # Lavrov an audience": but "an audience of students" is none
    if token.lower_ in ("welcome", "reception") and token.pos_ == "NOUN" and \
            token.dep_ == "dobj" and token.head.lemma_.lower() in {"give", "accord", "extend"} \
            and any(c.dep_ in ("dative", "prep") and c.lower_ == "to" and c.i > token.i and any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) and not any(
                    v.pos_ == "VERB" for v in token.doc[token.i:c.i])
                    for c in token.head.subtree):
        return "Meeting"  # "gave an official welcome … at the Palace of the Revolution to
        # His Excellency Lula" (however the parser hangs "to"): received him
    if token.lower_ in ("session", "sessions") and token.dep_ == "dobj" and \
            token.head.lemma_.lower() in ("hold", "co-chair", "cochair") and any(
                c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)
                for c in token.head.children):
        return "Meeting"  # "when Tsipras and Davutoglu held a session of the Council"
    if lemma == "put" and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"name", "signature"} for c in token.children
            ) and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in token.children):
        return "Agreement"  # "put their names to the documents": signed them
    if lemma in ("present", "hand", "submit", "deliver") and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and (c.lower_ in {"credentials", "letters"} or lemma in (
                "hand", "deliver") and c.lower_ in HANDED_PAPERS) for c in token.children
            ) and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
                g.ent_type_ == "PERSON" or fold(g.text) in TITLE_WORDS for g in c.subtree)
                and not any(g.dep_ == "pobj" and NOUN_TRIGGERS.get(g.lower_) == "Visit"
                            for g in c.children)  # (not "his invitation to a state visit")
                for c in token.children):
        return "Meeting"  # "presented his credentials to President Mahmoud Abbas": received;
        # "handed their membership applications to Secretary General Jens Stoltenberg"
    if lemma == "spend" and token.pos_ == "VERB" and (any(
            c.dep_ in ("dobj", "npadvmod") and (c.lemma_.lower() in SPANS_OF_TIME or c.lower_ in {
                "part", "much", "most", "some", "all"} and any(  # "spent part of the morning"
                    p.lemma_.lower() in SPANS_OF_TIME for of in c.children if of.lower_ == "of"
                    for p in of.children))
            for c in token.children) or any(
            c.dep_ == "advmod" and t.lemma_.lower() in SPANS_OF_TIME for c in token.children
            for t in c.subtree)) and (any(  # "spent close to two hours with the prince"
                c.dep_ == "prep" and c.lower_ == "with" and any(
                    g.ent_type_ == "PERSON" for g in c.subtree) for c in token.children) or any(
                t.lower_ == "together" and token in (t.head, t.head.head) for t in token.subtree)):
        return "Meeting"  # "Blinken and Wang had spent five hours together in Bali"
    if lemma in OPENING_VERBS and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ in STRETCHES for c in token.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in c.children)
            for c in token.children):
        return "Meeting"  # "He began the day with Trade Minister Gan Kim Yong"
    if lemma in ("take", "pull", "draw") and token.pos_ == "VERB" and any(
            c.lower_ == "aside" and c.dep_ in ("advmod", "prt") for c in token.children) and any(
            c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ in ("PROPN", "PRON") or any(
                t.ent_type_ == "PERSON" for t in c.subtree)) for c in token.children):
        return "Meeting"  # "Akar took his Swedish counterpart Pal Jonson aside": a word apart
    if lemma == "summon" and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and (any(t.lower_ in ENVOY_TITLES for t in c.subtree)
                                  or c.pos_ == "PRON" and any(a.lower_ == "again"
                                                              for a in token.children))
            for c in token.children):
        return "Meeting"  # "Ankara summoned Sweden's ambassador, Staffan Herrstrom", "It
        # summoned him again on Jan. 20": a foreign ministry's meeting with the envoy
    if lemma in ("discuss", "review") and token.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "with" and c.head in (token, *(
                o for o in token.children if o.dep_ == "dobj")) and any(
                g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in c.subtree)
            for c in token.subtree) and any(
            c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and c.i > token.i and any(
                g.lower_ in PHONE_WORDS | {"link"} for g in c.subtree)
            for c in token.subtree):
        return "PhoneCall"  # "discussed the Rafah offensive with Sullivan and Blinken by
        # video link"
    if lemma == "see" and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.children) and any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in SIDELINES
                                     for g in c.children) for c in token.children):
        return "Meeting"  # "Macron saw Haftar on the margins of the gathering"
    if lemma == "see" and token.pos_ == "VERB" and token.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            for c in token.children) and \
            token.head.lemma_.lower() == "go" and any(
                c.lower_ == "on" and c.dep_ in ("prt", "advmod", "prep")
                for c in token.head.children):
        return "Meeting"  # "Austin, who went on to see Ruto at State House the same day"
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if token.dep_ == "amod" and (token.tag_ == "VBG" or token.i > 0 and token.doc[
                token.i - 1].pos_ in ("DET", "PRON", "ADJ")) or (token.tag_ == "VBG"
                                                           and token.i + 1 < len(token.doc)
                                    and token.doc[token.i + 1].pos_ in ("ADJ", "PROPN")
                                    and token.i == token.sent.start):
            return None  # "Visiting Malaysian Prime Minister Anwar Ibrahim called on …"
        if token.lower_ == "visiting" and token.dep_ == "pcomp" and token.head.lower_ in {
                "with", "by", "between"}:
            return None  # "held talks with visiting Indian Prime Minister Modi": an adjective
        if lemma in ("facilitate", "broker", "mediate") and any(
                c.dep_ == "dobj" and not _event_type(c) and c.lower_ not in GATHERINGS
                and c.ent_type_ == "" and not c.lower_.endswith(("deal", "agreement"))
                for c in token.children) and not any(
                t.lower_ in {"between", "among"} for t in token.subtree):
            return None  # "undertook to facilitate humanitarian access": no mediation
        if lemma in GO_BETWEEN_VERBS and any(t.lower_ == "between" for t in token.subtree) and \
                any(c.dep_ == "dobj" and c.lower_ in GO_BETWEEN_OBJECTS for c in token.children):
            return "Mediation"  # "carried proposals back and forth between A and B"
        if lemma == "see" and token.tag_ in ("VBN", "VBD") and any(
                c.dep_ == "dobj" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"
                for c in token.children) and any(
                p.dep_ == "pobj" and p.ent_type_ in ("GPE", "FAC", "LOC")
                for t in token.subtree if t.dep_ == "prep" and t.lower_ in {"in", "at"}
                for p in t.children):
            return "Meeting"  # "Kerry had seen King Salman in Riyadh on May 7"; not "saw
            # Putin in a weak position"
        if lemma == "address":
            return "Meeting" if any(c.dep_ in ("dobj", "nsubjpass") and (
                c.lower_ in NOUN_TRIGGERS or c.lower_ in GATHERINGS)
                for c in token.children) else None  # "addressed the business summit"
        if lemma == "see":  # "flew to Dubai to see Sheikh Mohammed": a visit's purpose, met
            return "Meeting" if token.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
                token.head.lemma_.lower() in TRIP_VERBS and any(
                c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.children) else None
        if lemma in ("dine", "lunch", "breakfast"):
            return "Meeting" if _has_with(token) else None  # "flew to Florida to dine with"
        if lemma == "put" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "forward"
                                  for c in token.children):
            return "Proposal"  # "put forward a plan"
        if lemma == "shake" and any(c.dep_ == "dobj" and c.lower_ == "hands"
                                    for c in token.children):
            return "Meeting"  # "Trump and Kim shook hands at the Capella hotel"
        if lemma in ("warn", "threaten") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in ONLOOKERS for c in token.children):
            return None  # "analysts had warned that …": a comment, no one's threat
        if lemma == "threaten" and any(
                c.dep_ == "nsubj" and c.lower_ in CONFLICTS | {"crisis", "situation", "row",
                                                             "dispute", "tensions"}
                for c in token.children):
            return None  # "the violence threatened to spill into a wider war": no one's
        if lemma == "warn" and any(
                c.dep_ == "prep" and c.lower_ == "against" and any(
                    g.dep_ == "pcomp" and g.tag_ == "VBG" and not any(
                        t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for t in g.subtree)
                    or g.dep_ == "pobj" and g.lower_ in {"attempt", "attempts", "move",
                                                         "moves", "plan", "plans"}
                    for g in c.children) for c in token.children):
            return None  # "warned against expecting any breakthrough", "warning him against
            # any attempt to push Palestinians into Egypt": caution, no threat
        if lemma in ("join", "attend") and any(
                c.dep_ in ("prep", "dobj") and any(fold(t.text) in PHONE_WORDS for t in c.subtree)
                and any(_meeting_word(t) for t in c.subtree) for c in token.children):
            return "PhoneCall"  # "joined Biden and Morrison for a virtual meeting of Quad
            # leaders": a video call
        if lemma in ("convene", "hold", "host", "chair") and token.tag_ == "VBN" or \
                lemma == "convene" and not any(c.dep_.startswith("nsubj")
                                               for c in token.children):
            nouns = [t for t in token.doc[max(token.sent.start, token.i - 6):token.i]
                     if _meeting_word(t)]
            if nouns and any(fold(c.text) in PHONE_WORDS for c in nouns[-1].children):
                return "PhoneCall"  # "a virtual meeting of Quad leaders convened at short
                # notice": the video call just named
        if lemma in ("talk", "speak", "converse", "chat"):
            if any(c.dep_ == "prt" and c.lower_ in {"up", "down"} for c in token.children):
                return None  # "talked up preparations for a state visit": praised them
            if _phone_context(token) or any(
                    c.dep_ == "npadvmod" and c.lower_ == "times" and any(
                        n.dep_ == "nummod" or n.lower_ in {"several", "many"}
                        for n in c.children) for c in token.children) and not any(
                    c.dep_ == "prep" and c.lower_ in {"at", "in", "during"}
                    for c in token.children):
                return "PhoneCall"  # "spoke with Zarif at least five times on Tuesday": by
                # telephone, as no one meets five times a day
            if _has_with(token) or any(c.dep_ == "prep" and any(
                    p.lower_ in SIDELINES for p in c.children) for c in token.children):
                return "Meeting"  # "A and B first spoke on the sidelines of a summit"
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            pair = subjects and any(c.dep_ == "conj" for c in subjects[0].children) and \
                subjects[0].ent_type_ in ("PERSON", "GPE", "NORP")
            if pair and not any(c.dep_ == "prep" and c.lower_ in {"to", "at", "in"}
                                for c in token.children):
                return "PhoneCall"  # "Netanyahu and Trump spoke on Sunday": leaders' calls
            if lemma == "speak" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                    p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
                    for c in token.children):  # "Rubio spoke to General Asim Munir"
                return "Meeting" if any(c.dep_ == "prep" and c.lower_ in {"at", "in"}
                                        for c in token.children) else "PhoneCall"
            return None
        if lemma == "call" and any(c.dep_ == "dobj" and c.tag_ == "WDT" for c in token.children) \
                and sum(c.dep_ == "dobj" for c in token.children) >= 2:
            return None  # "a group that residents call al-Shabaab": a name given
        if lemma == "call" and token.dep_ in ("acl", "relcl") and token.tag_ == "VBN" and (
                token.head.lemma_.lower() in GATHERINGS | NOUN_TRIGGERS.keys()):
            return None  # "emergency summits called by King Salman": convened, no telephone
        if lemma == "call" and token.i >= 2 and token.doc[token.i - 2].lower_ == "so" and \
                token.doc[token.i - 1].text in {"-", "–"}:
            return None  # "the so-called Mexico Agreement"
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "on" and not any(
                p.ent_type_ == "DATE" for p in c.children) for c in token.children) \
                and not any(c.dep_ in ("xcomp", "ccomp") and not any(
                    t.lower_ == "where" for t in c.subtree) for c in token.children) and not any(
                    t.lower_ == "to" for t in token.doc[token.i:token.i + 12]):
            return "Meeting"  # "called on Singapore's Prime Minister": a courtesy call (and
            # "…, where the two discussed …" is no call to act, however the parser hung it)
        if lemma == "call" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    p.dep_ == "pobj" and _meeting_word(p) for p in c.children)
                for c in token.children):
            return None  # "called the leaders of the G5 Sahel to a summit": summoned them
        if lemma == "call" and any(
                c.dep_ == "prep" and c.lower_ in {"for", "on", "off"}
                and not any(p.ent_type_ == "DATE" for p in c.children)
                or any(g.dep_ == "mark" and g.lower_ == "for" and g.i > token.i
                       for g in c.children) for c in token.children):
            return None  # "called for talks", "called off", "called on Saturday for a
            # committee to draft a constitution"; not "called Putin on Tuesday"
        if lemma == "call" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not any(
                t.ent_type_ for t in c.subtree) and c.lower_ not in CALLED_PEOPLE
                for c in token.children):  # not "called Moon Jae-in", split at the hyphen
            return None  # "called the outcome historic", "called a meeting": no telephone
        if lemma == "call" and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and any(
                    p.dep_ == "poss" and p.ent_iob_ == "B" and p.i > 0
                    and token.doc[p.i - 1].ent_type_ and token.doc[p.i - 1] in p.subtree
                    for p in c.children) for c in token.children):
            return None  # "called South Korea Japan's most important neighbour": a name
            # given, two noun phrases run together
        if lemma == "call" and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and any(
                    p.dep_ == "poss" and p.ent_type_ in ("GPE", "ORG") and any(
                        g.dep_ == "compound" and g.ent_type_ in ("GPE", "ORG", "NORP")
                        and fold(g.text) not in TITLE_WORDS for g in p.children)
                    for p in c.children) for c in token.children):
            return None  # "called PNG Australia's newest ally", the parse running the two
            # names into one
        if lemma == "attend" and any(c.dep_ == "dobj" and c.lower_ in SPECTACLES
                                     for c in token.children):
            return None  # "attended Sunday night's grand final": a match, no talks
        if lemma in ("welcome", "greet") and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and c.ent_type_ in ("", "DATE") and (
                    NOUN_TRIGGERS.get(c.lower_) == "Agreement" or c.lower_ in WELCOMED_NEWS
                    or c.lower_.endswith("ing") and any(g.lower_ == "of" for g in c.children))
                for c in token.children):
            return None  # "welcomed the deal", "welcomed the decision", "welcomed the
            # deepening of trilateral cooperation": approval, no meeting
        if lemma == "welcome" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ == "" and
                    p.lower_ not in GATHERINGS and NOUN_TRIGGERS.get(p.lower_) is None and
                    p.lower_ not in WELCOMING_PLACES for p in c.children)
                for c in token.children):
            return None  # "welcomed them to democracy": into a state of things, no meeting
        if lemma in WELCOMING_VERBS and _protocol_welcome(token):
            return None  # "was greeted at Esenboga airport by the vice president": the
            # welcome of a visit, no talks
        if lemma == "offer" and any(c.dep_ == "dobj" and c.lower_ in COURTESIES
                                    for c in token.children):
            return None  # "offered condolences over the earthquake": no proposal
        if lemma in ("witness", "oversee", "preside") and not _signing_watched(token):
            return None  # "witnessed the signing of 20 documents"; not "oversaw the truce"
        if lemma in ("host", "co-host", "cohost") and any(
                c.pos_ == "NOUN" and c.lower_ in HOSTED_THINGS for c in [
                    *(o for o in token.children if o.dep_ == "dobj"),
                    *([token.head] if token.dep_ == "relcl" else []),  # "the exercise that
                    # Ghana co-hosted"
                    *(p for o in token.children if o.dep_ == "dobj" for of in o.children
                      if of.lower_ == "of" for p in of.children)]):
            return None  # "hosts thousands of American troops", "hosted the Taliban's office"
        if lemma == "host" and token.dep_ == "acl" and NOUN_TRIGGERS.get(
                token.head.lower_) == "Visit":
            return None  # "the first State Visit hosted by President X": the visit's host
        if lemma == "seat" and not _with_someone(token):
            return None  # "seated with Chiwenga"; not "the seated delegates"
        if lemma == "sit" and not any(c.lower_ in {"down", "together", "opposite", "across"}
                                      for c in token.children) and not _sat_in_there(
                token) and not _with_someone(
                token) and not _beside_at_a_gathering(token) and not any(
                c.dep_ == "prep" and c.lower_ in {"at", "around", "across"} and any(
                    p.lower_ == "table" for p in c.children) for c in token.children):
            return None  # "sat down with Li", "sat at the same table"; not "sat in parliament"
        if lemma == "bring" and _brings_together(token):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in {"which", "that"} and \
                    token.dep_ == "relcl":
                subject = token.head
            if subject is not None and subject.lower_ in GROUPINGS:
                return None  # "the BRICS grouping, which brought together Brazil, …": members
            return "Meeting"  # "brought Tshisekedi and Kagame together in Doha"
        if lemma in ("conclude", "seal", "strike", "finalize", "finalise", "clinch", "initial") \
                and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
            return None  # "the talks concluded in Moscow": they ended
        if lemma == "strike" and not any(
                c.dep_ in ("dobj", "nsubjpass") and _a_deal(c) for c in token.children) and \
                not (token.dep_ in ("relcl", "acl") and _a_deal(token.head)):
            return None  # "began striking Iranian nuclear sites": blows, not a deal
        if lemma in ("join", "accompany") and token.dep_ == "acl":
            return None  # "officials, joined by McGurk, carried …": company, no event
        if lemma == "join" and any(c.dep_ == "dobj" and c.ent_type_ == "ORG" and
                                   NOUN_TRIGGERS.get(c.lower_) not in CONTACT
                                   for c in token.children) and not _for_an_event(token):
            return None  # "requested to join the Trans-Pacific Partnership": a membership
        if lemma == "chair" and token.tag_ == "VBZ" and token.dep_ == "relcl" and any(
                c.dep_ == "dobj" and c.ent_type_ == "ORG" for c in token.children):
            return None  # "Bainimarama, who chairs the Pacific Islands Forum": a post
        if lemma in ("open", "moderate", "join", "chair") and not any(
                c.lower_ in NOUN_TRIGGERS or c.lower_ in (
                    GATHERINGS - {"ceremony"} | {"round", "proceedings"}) or _relative_event(c)
                for c in _objects_in_part(token)) and not (lemma == "join" and (
                    _for_an_event(token) or any(c.dep_ == "agent" for c in token.children)
                    or _joined_at_the_table(token) or _joined_as_a_guest(token))) \
                and not (lemma == "chair" and _chairs_event_told(token)):
            return None  # "opened the session" adds to an event; "opened a bridge" is none
        if lemma == "gather" and not any(c.dep_ == "prep" and c.lower_ in {"in", "at", "for"}
                                         for c in token.children):
            return None
        if lemma == "call" and any(c.dep_ in ("xcomp", "oprd", "ccomp") and not (
                c.lemma_.lower() in TOPIC_VERBS and any(
                    o.dep_ == "dobj" and o.ent_type_ == "PERSON" for o in token.children))
                for c in token.children):
            return None  # "called on the parties to return"; but "called Putin to discuss …"
        if lemma == "call" and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and fold(c.text) not in TITLE_HEADS
                and c.lower_ not in SIDE_NOUNS | GATHERINGS and c.lower_ not in NOUN_TRIGGERS
                and not c.ent_type_ for c in token.children) and any(
                t.text in {'"', "“", "”"} for t in token.sent if t.i > token.i):
            return None  # "called China's economic retaliation … "inappropriate"": named it
        if lemma == "hold" and not any(c.dep_ == "dobj" for c in token.children):
            return None
        if lemma in ("confer", "bestow") and any(c.dep_ == "dobj" for c in token.children):
            return None  # "conferred on him the Grand Cross": an honour given, no talks
        if lemma == "lead" and any(c.dep_ == "nsubjpass" and NOUN_TRIGGERS.get(c.lower_) in
                                   CONTACT and any(d.lower_ in {"the", "these"}
                                                   for d in c.children)
                                   for c in token.children):
            return "Mediation"  # "The talks … were led by the AU's envoy": by a third party
        if lemma == "lead" and any(c.dep_ == "dobj" and c.lower_ in {"delegation", "mission"}
                                   for c in token.children) and any(
                p.dep_ == "prep" and p.lower_ == "to" for c in [token, *token.children]
                for p in c.children):
            return "Visit"  # "led a delegation to Washington"
        return VERB_TRIGGERS.get(lemma)
    if token.pos_ in ("NOUN", "PROPN"):
        word = token.lower_
        if word in ("call", "calls", "conversation", "conversations", "talks", "talk",
                    "discussion", "discussions", "conference", "summit", "meeting",
                    "meetings") and _phone_context(token):
            return "PhoneCall"
        if word in {"understanding", "consensus", "compromise"} and token.dep_ == "dobj" and \
                token.head.lemma_.lower() == "reach":
            return "Agreement"  # "had reached an understanding on de-escalation"
        if word == "call" and any(c.lower_ in {"courtesy", "farewell"} for c in token.children):
            return "Meeting"  # "paid a courtesy call on the General Secretary": in person
        if word in ("call", "calls") and token.dep_ == "dobj" and token.head.lemma_.lower() in {
                "receive", "take", "get", "return"}:
            return "PhoneCall"  # "received a call from the Iranian president"
        if word in ("call", "phone") and not _phone_context(token) and not any(
                c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in token.children):
            return None
        if word == "phone" and token.dep_ == "pobj" and token.head.lower_ in {
                "by", "over", "via"} and token.head.head.pos_ == "VERB" and _event_type(
                token.head.head):
            return None  # "had spoken by phone to both prime ministers": the verb's call
        if token.head.lower_ == "of" and token.head.head.lower_ in NOT_TOPICS:
            return None  # "on the sidelines of a G20 meeting": where, not what happened
        if word in ("threat", "threats") and (token.head.lower_ in TOPIC_PREPS or any(
                c.dep_ in ("amod", "compound") and c.lower_ in DANGERS for c in token.children)):
            return None  # "talks on the militant threat": a danger discussed, no one's threat
        if token.dep_ == "appos" and _event_type(token.head):
            return None  # "held a video call on Monday, their second conversation this month"
        if token.dep_ in ("compound", "amod") and token.head.lower_ in NOUN_TRIGGERS:
            return None  # "phone" in "phone calls": the call is the trigger
        if word in ("round", "rounds"):  # "The third round opened in Havana"
            ordinal = any(c.dep_ in ("amod", "nummod", "det") and (
                c.ent_type_ == "ORDINAL" or c.lower_ in {
                    "new", "fresh", "another", "next", "latest", "first", "final"})
                          for c in token.children)
            told_of = any(c.lower_ == "of" for c in token.children)  # "… of talks", "of fighting"
            with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
            # "flew to the same city for another round with the prince"
            return "Meeting" if ordinal and not told_of and (
                _round_of_talks_told(token) or with_someone) else None
        if word == "meet" and token.i > 0 and token.doc[token.i - 1].lower_ not in {
                "rare", "first", "landmark", "historic", "trilateral", "bilateral"}:
            return None
        return NOUN_TRIGGERS.get(word)
    return None


# What a country hosts without receiving anyone for talks: "hosts American troops".
HOSTED_THINGS = {"troops", "soldiers", "bases", "base", "office", "offices", "refugees",
                 "migrants", "headquarters", "embassy", "games", "cup", "olympics", "festival",
                 "exhibition", "fair", "tournament", "forces", "mission", "exercise",
                 "exercises", "drills", "manoeuvres", "maneuvers"}
# Whom one calls on the telephone, named by a common noun: "called his counterpart".
CALLED_PEOPLE = {"counterpart", "counterparts", "president", "minister", "leader", "leaders",
                 "premier", "chancellor", "king", "emir", "prince", "envoy", "ambassador",
                 "secretary", "chief", "head", "officials", "official", "mediator", "host",
                 "guest", "colleague", "colleagues", "partner", "partners", "ally", "allies"}
# What is offered as a courtesy, not proposed: "offered condolences", "offered congratulations".
COURTESIES = {"condolences", "condolence", "sympathy", "sympathies", "congratulations",
              "greetings", "thanks", "prayers", "apologies", "apology", "tribute", "wishes"}
# What one welcomes without meeting anyone: "welcomed the decision", "welcomed the Kingdom's
# hosting of the Sanaa delegation".
WELCOMED_NEWS = {"decision", "move", "step", "steps", "announcement", "news", "outcome",
                 "progress", "efforts", "initiative", "proposal", "resolution", "release",
                 "ceasefire", "truce", "statement", "results", "result", "development",
                 "developments", "role", "support", "commitment", "return", "election",
                 "plan", "plans", "offer", "idea", "invitation", "victory", "appointment",
                 "start", "beginning", "launch", "resumption", "process", "engagement",
                 "hosting", "end", "conclusion", "breakthrough", "adoption", "reopening",
                 "lifting", "expansion", "growth", "cooperation", "wish", "desire", "bid",
                 "intention", "readiness", "willingness", "application", "request",
                 "intervention", "involvement", "mediation", "pledge"}
# What leaders watch being signed or exchanged after their talks.
SIGNED_PAPERS = {"documents", "document", "agreements", "agreement", "memorandums", "memoranda",
                 "memorandum", "mous", "mou", "accords", "accord", "deals", "deal", "instruments",
                 "treaty", "treaties", "protocols", "protocol", "declaration", "contracts"}


def _signing_watched(verb: Token) -> bool:
    """ "the two leaders witnessed the signing of 20 cooperation documents", "oversaw the
    exchange of six memorandums", "presided over the signing of agreements"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "over"
        for p in c.children if p.dep_ == "pobj"]
    for obj in objects:
        if obj.lower_ in {"signing", "signature", "exchange", "conclusion"} and any(
                p.lower_ in SIGNED_PAPERS or p.lemma_.lower() in SIGNED_PAPERS
                for of in obj.children if of.lower_ == "of" for p in of.children):
            return True
        if obj.lower_ == "ceremony" and any(c.lower_ in {"signing", "signature"}
                                            for c in obj.children):
            return True
    return False


def _round_of_talks_told(token: Token) -> bool:
    """Whether the text before a bare "round" spoke of talks, negotiations or a process."""
    doc = token.doc
    before = doc[max(0, token.i - 400):token.i]
    return any(t.lower_ in {"talks", "negotiations", "process", "dialogue"} for t in before)


def _phone_context(token: Token) -> bool:
    near = list(token.subtree) + list(token.children) + [token.head]
    if token.i > 0:
        near.append(token.doc[token.i - 1])
    near += [t for t in token.sent if t.head == token or t.i in range(token.i - 3, token.i + 4)]
    if token.dep_ in ("nsubj", "nsubjpass"):  # "Their conversation took place by video link"
        near += [t for c in token.head.children if c.dep_ == "prep" and c.lower_ in {
            "by", "via", "over"} for t in c.subtree]
    other = _reference_phrases(token)  # "talks …, a week after a telephone call between …"
    return any(fold(t.text) in PHONE_WORDS and t.i not in other for t in near)


def _reference_phrases(trigger: Token) -> set[int]:
    """Tokens of the phrases of the sentence that tell another event only to date this one:
    "…, a week after a telephone call between A and B" (their sides are not this event's)."""
    return {t.i for p in trigger.sent if p.dep_ == "prep" and trigger not in p.subtree and any(
        _told_for_reference(o) for o in p.children if o.dep_ == "pobj"
        and NOUN_TRIGGERS.get(o.lower_)) for t in p.subtree}


def _objects_in_part(verb: Token) -> list[Token]:
    """A verb's object, or what it took part of: "chaired most of the day's proceedings"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return objects + [p for o in objects if o.lower_ in {"most", "much", "part", "parts", "all",
                                                         "some", "half"}
                      for of in o.children if of.lower_ == "of"
                      for p in of.children if p.dep_ == "pobj"]


def _reporting_bodies(trigger: Token, mentions: list[Mention]) -> set[int]:
    """Tokens of a body that reports the event: "X held a telephone conversation with Y,
    the Royal Cabinet said in a statement"."""
    bodies = {i for m in mentions if m.kind == "organization" for i in range(m.start, m.end)}
    return {t.i for a in trigger.ancestors if a.lemma_.lower() in REPORTING and any(
                c.dep_ == "ccomp" and trigger in c.subtree for c in a.children)
            for c in a.children if c.dep_.startswith("nsubj") and c.i in bodies
            for t in c.subtree}


def _destination(trigger: Token, mentions: list[Mention]) -> Mention | None:
    """Where someone went for a meeting: "moved on to Ashgabat for the sixth Caspian Summit"
    (there, not where the traveller set out), and "…, hosted by X" on that summit."""
    noun = trigger.head if trigger.dep_ == "acl" else trigger
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or \
            noun.head.head.lemma_.lower() not in TRAVEL_VERBS | {"move"}:
        return None
    places = {p.i for to in noun.head.head.children if to.dep_ == "prep"
              and to.lower_ == "to" for p in to.children if p.dep_ == "pobj"}
    return next((replace(m, as_place=True) for m in mentions if m.end - 1 in places and (
        m.kind == "place" or m.source in ("kb:capital", "kb:seat"))), None)


def _leading_states(sentence: Span, mentions: list[Mention]) -> set[int]:
    """Tokens of the states that lead an organisation's delegation: "a U.N. Security Council
    delegation, co-led by the United States and South Africa" is the Council's; its
    co-leaders are no sides of their own."""
    organisations = {i for m in mentions if m.kind == "organization"
                     for i in range(m.start, m.end)}
    states = {i for m in mentions if m.kind == "state" for i in range(m.start, m.end)}
    found: set[int] = set()
    for noun in sentence:
        if noun.lower_ not in {"delegation", "mission", "team"} or not any(
                c.dep_ == "compound" and c.i in organisations for c in noun.children):
            continue
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.lower_ in {"led", "headed", "co-led"}:
                for agent in clause.children:
                    names = [t for t in agent.subtree if t.pos_ == "PROPN"]
                    if agent.dep_ == "agent" and names and all(t.i in states for t in names):
                        found |= {t.i for t in agent.subtree}
    return found


def _has_with(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _with_someone(token: Token) -> bool:
    """ "sat with Li", "seated next to Pavlopoulos": with someone; not "sit awkwardly with
    the EU's own position"."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"] + [
        to for c in token.children if c.lower_ == "next" for to in c.children
        if to.lower_ == "to"]  # not "Bourita, sitting beside Akhannouch, told reporters"
    return any(p.dep_ == "pobj" and (p.pos_ in ("PROPN", "PRON") or p.ent_type_ or fold(p.text)
                                     in TITLE_HEADS or p.lower_ in SIDE_NOUNS)
               for c in preps for p in c.children)


def _add_company(draft: EventDraft, in_sentence: list[Mention],
                 drafts: list[EventDraft]) -> None:
    """Seat those who came with a contact's sides: the delegations the sentence lists with
    them, and the heads of a delegation told before."""
    for m in _their_company(draft, in_sentence):
        add_party(draft, m, "participant")
    for m in _leaders_of_the_delegation(draft, drafts):
        add_party(draft, m, "participant")


def _chaired_just_before(draft: EventDraft, sentence: Span, drafts: list[EventDraft],
                         frames: list[EventDraft]) -> EventDraft | None:
    """The gathering the sentence before told with only its chair, or with no one ("Envoys
    gathered on Sunday for the third round, chaired by X"), that "Around the table sat A and
    B" fills (with its chair, however the parser hung "chaired by")."""
    verb = draft.trigger.root
    if draft.type != "Meeting" or verb.lemma_.lower() != "sit" or not any(
            c.dep_ == "prep" and c.lower_ in {"around", "at"} and c.i < verb.i and any(
                p.lower_ == "table" for p in c.children) for c in verb.children):
        return None
    before = _sentence_before(sentence)
    chairs = {t.i for v in before or [] if v.lemma_.lower() in ("chair", "co-chair")
              and v.dep_ in ("acl", "advcl") for c in v.children if c.dep_ == "agent"
              for t in c.subtree}
    if not chairs:
        return None
    told = next((d for d in [*reversed(drafts), *frames] if d.sentence == before
                 and d.type == "Meeting" and all(p.mention.start in chairs for p in d.parties)
                 and (d.date is None or draft.date is None or dates_agree(d.date, draft.date))),
                None)
    if told is not None and not told.parties:
        for m in before.doc._.mentions or []:
            if m.start in chairs and m.kind == "person" and not m.modifier:
                add_party(told, m, "participant")
    return told


def _beside_at_a_gathering(token: Token) -> bool:
    """ "said at the plenary session of the forum, sitting on stage beside Abe, Xi and Lee":
    at a gathering, those beside one sat in it with him (not "Bourita, sitting beside
    Akhannouch, told reporters": the same side)."""
    beside = any(c.dep_ == "prep" and c.lower_ in {"beside", "alongside"} and any(
        p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
        for c in token.children)
    return beside and any(c.dep_ == "prep" and c.lower_ == "at" and any(
        p.dep_ == "pobj" and p.lower_ in GATHERINGS | SUMMITS for p in c.children)
        for h in (token, token.head) for c in h.children)


OFFER_WORDS = {"willingness", "readiness", "offer", "propose", "invite", "suggest",
               "invitation", "proposal", "offered", "proposed", "invited"}
THREAT_VERBS = {"strike", "attack", "retaliate", "invade", "bomb", "hit", "destroy",
                "annihilate", "target"}


def _offered(token: Token, kind: str) -> bool:
    """A meeting or visit offered rather than held: "expressed his willingness to meet X",
    "offered to host talks", "invited him to visit" — a proposal."""
    if kind not in CONTACT | {"Visit"}:
        return False
    head = token
    for _ in range(3):
        if head.dep_ not in ("xcomp", "acl", "dobj", "pobj", "ccomp", "prep", "pcomp"):
            return False
        head = head.head
        if _lemma_in(head, OFFER_WORDS) and not any(
                c.dep_ == "neg" or c.lower_ in {"not", "never", "no"} for c in head.children):
            return True
    return False


def _threat_of_force(token: Token) -> bool:
    """A use of force announced, not done: "will strike", "would retaliate" (not "will
    strike a deal")."""
    return (token.pos_ == "VERB" and _lemma_in(token, THREAT_VERBS)
            and any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could"}
                    for c in token.children)
            and not any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ == "have"
                        for c in token.children)  # "would have struck diplomats as fanciful"
            and not any(c.dep_ == "dobj" and c.lower_ in NOUN_TRIGGERS for c in token.children)
            and not (token.dep_ == "ccomp" and any(  # "Analysts warned that Iran would …"
                c.dep_ == "nsubj" and c.lemma_.lower() in ONLOOKERS for c in token.head.children)))


def _for_an_event(verb: Token) -> bool:
    """ "joined Biden for a summit at Camp David", "joined for an expanded session",
    "co-chaired a ministerial conference": the verb names an event of its own, not the one
    just read."""
    return any(c.dep_ == "prep" and c.lower_ in {"for", "at"} and any(
        _event_type(g) or g.lower_ in GATHERINGS for g in c.children)
        or c.dep_ == "dobj" and c.lower_ in GATHERINGS and any(
            d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children)
        for c in verb.children)


def _lemma_in(token: Token, words: set[str] | frozenset[str]) -> bool:
    """The token's lemma is in ``words``, forgiving the lemmatiser ("hopes" -> "hop")."""
    low = token.lower_
    return bool({token.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]} & words)


# "… invited the two sides to talks on October 8, but that round never took place"
CALLED_OFF = re.compile(
    r"^[^.;]{0,80}?\bbut (?:that|the|this|it|they)\b(?: \w+)?\s+(?:never took place|did not take "
    r"place|didn't take place|(?:was|were) (?:called off|cancell?ed|postponed|scrapped)|"
    r"fell through|never happened|never materiali[sz]ed)", re.I)


# Verbs whose passive subject did not take place: "the visit was scrapped".
CALLED_OFF_VERBS = {"cancel", "scrap", "postpone", "shelve", "abandon", "drop", "defer"}
# Participles that put a gathering in the future: "a meeting scheduled for Monday".
SCHEDULED = {"schedule", "plan", "expect", "due", "slate"}


# Verbs that send someone to an event, which takes their mood: "its members would send
# only senior civil servants to informal ministerial meetings".
SENDING = {"send", "dispatch", "delegate", "go", "come", "travel"}


# Journeys through several places: "a five-day tour of South Africa, Congo and Rwanda".
TOURS = {"tour", "trip", "swing", "journey", "visit"}


def _tour_stops(verb: Token) -> set[int]:
    """Tokens of the places a verb's journey went to: "wrapped up a tour of South Africa,
    Congo and Rwanda with talks in Kigali with Kagame" (no sides of the talks)."""
    return {t.i for c in verb.children if c.dep_ == "dobj" and c.lower_ in TOURS
            for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "to", "through")
            for t in p.subtree}


def _unreal(token: Token) -> bool:
    """Negated, modal, planned or hypothetical: not an event that happened."""
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in {"without", "instead"}:
        return True  # "left without meeting Tchiani"
    if token.dep_ == "attr" and token.head.lemma_.lower() == "be" and any(
            c.dep_ == "csubj" and any(n.dep_ == "neg" for n in c.children)
            for c in token.head.children):
        return True  # "What Sánchez did not get was an audience with the King"
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "to" and \
            token.head.head.lemma_.lower() == "look" and any(
                c.lower_ == "forward" for c in token.head.head.children):
        return True  # "saying he looked forward to talking with Biden": still to come
    if token.dep_ in ("npadvmod", "appos") and token.pos_ == "NOUN" and any(
            v.pos_ == "VERB" and _unreal(v) for c in token.head.children
            if c.dep_ in ("acomp", "xcomp") for v in c.subtree):
        return True  # "Putin is due to host Erdogan on Tuesday, their first meeting since …"
    if token.dep_ == "conj" and token.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
            token.head.lemma_.lower() == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in SCHEDULED | {"set", "likely", "expected"}
            for c in token.head.children):
        return True  # "Tillerson was due to attend the forum on Monday, and to call on X"
    if token.dep_ == "conj" and token.tag_ == "VB" and token.head.lemma_.lower() in \
            UNREAL_HEADS and not any(c.dep_.startswith("nsubj") for c in token.children):
        return True  # "is scheduled to pay courtesy calls on A, and meet B": the parser
        # joined "meet" to "scheduled"
    if any(t.dep_ == "xcomp" and t.head.lemma_.lower() == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            for t in [token, *token.ancestors][:4]):
        return True  # "Barrot is to travel to Algiers on 6 April to meet Attaf": planned
    if any(t.dep_ in ("advcl", "xcomp") and t.head.lemma_.lower() == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and any(
            c.dep_ == "acomp" and c.lemma_.lower() in SCHEDULED | {"set", "likely", "expected"}
            for c in t.head.children) for t in [token, *token.ancestors][:4]):
        return True  # "Li is due in Auckland on Friday to meet business leaders": planned
    if token.dep_ == "pobj" and token.head.lower_ == "for" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in SCHEDULED | {"set", "expected"}
            for c in [token.head.head, *token.head.head.children]):
        return True  # "Hayashi is due in New Delhi on Friday for a meeting of the Quad"
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "pobj" and \
            token.head.head.lower_ == "of" and token.head.head.head.lemma_.lower() in \
            GATHERINGS | NOUN_TRIGGERS.keys():
        return _unreal(token.head.head.head)  # "expected for a gathering of leaders hosted
        # by Piñera": the hosting takes the gathering's mood
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and token.head.head.lower_ in {
            "help", "assistance", "support", "cooperation"}:
        return True  # "asking for Pakistan's help in bringing the Taliban to the table"
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in {
            "call", "press", "push", "appeal", "ask", "plead", "lobby", "clamour", "clamor"}:
        return True  # "Blinken called for talks between Israel and Hamas": asked for
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in {
            "discuss", "study", "explore", "examine", "negotiate"}:
        return True  # "a visit by Lacalle Pou to Brazil is also being discussed"
    if token.dep_ == "nsubjpass" and (token.head.lemma_.lower() in CALLED_OFF_VERBS or any(
            c.dep_ == "prt" and c.lower_ == "off" for c in token.head.children)):
        return True  # "A stop in Lagos scheduled for Tuesday was scrapped"
    if token.pos_ in ("NOUN", "PROPN") and CALLED_OFF.match(
            token.doc[token.i + 1:token.sent.end].text):
        return True  # "to talks on October 8, but that round never took place"
    nouns = [token] + [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"]  # "a meeting of the Mechanism"
    if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("relcl", "acl") and (c.lemma_.lower() in SCHEDULED or any(
                a.dep_ == "aux" and a.lower_ in {"will", "shall"} for a in c.children))
            for n in nouns for c in n.children):
        return True  # "a meeting …, which is scheduled to be held on Monday between A and B"
    chain = [token]
    complements = []  # heads reached through a complement: "hopes to meet", "denied that …"
    head = token
    through = False
    circumstance = False  # past "in a meeting", "during talks": no wish or plan governs it
    for _ in range(4):
        if head.dep_ == "relcl" and head.head.lower_ not in {"time", "occasion"}:
            break  # "Petro, who spoke with Maduro, is expected …": a clause of its own; but
            # "Nor would this be the first time a third country had hosted …" takes its mood
        low, high = sorted((head.i, head.head.i))
        if head.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in {"but", "yet"}
                                       for c in head.head.children if c.i < head.i):
            break  # "did not meet Moon, but he telephoned Abe": a clause of its own
        if any(t.text == ";" for t in head.doc[low:high]):
            break  # "X brought A and B together; the two leaders called for …": two clauses
        if head.dep_ == "advcl" and head.tag_ in ("VBZ", "VBP") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in {"when", "once", "after"}
                for c in head.children) and any(
                a.dep_ == "aux" and a.lower_ in MODALS for a in head.head.children):
            return True  # "the cost may become clearer when he sits down with the G7"
        if head.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in
                                        TIME_MARKS | {"after", "once"} for c in head.children):
            break  # "When Ruto opened the talks, the president may not have been …": it did
        if head.dep_ == "advcl" and head.tag_ == "VBG" and head.doc[head.i - 1].text == "," \
                and head.head.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                      for c in head.head.children) \
                and head.head.head.tag_ == "VBD" and any(c.dep_ == "dobj"
                                                         for c in head.head.head.children):
            # "Kushner urged Arab governments to get behind a plan, opening a workshop":
            # the participle is what the subject of "urged" did, not what they were urged to
            head = head.head.head
            chain.append(head)
            through = False
            continue
        if circumstance and head.dep_ == "xcomp" and head.head.tag_ in ("VBZ", "VBP") and \
                _lemma_in(head.head, UNREAL_HEADS):
            return True  # "Estonia and Finland intend to raise it at the NATO summit in June"
        if head.dep_ in ("xcomp", "acl", "advcl", "ccomp", "pobj", "dobj", "nsubj",
                         "nsubjpass", "compound", "conj", "attr", "prep", "pcomp", "relcl",
                         "amod"):  # "the next round of the EU-facilitated dialogue"
            if head.dep_ == "prep" and head.lower_ == "of" and head.head.lower_ in UNREAL_NOUNS:
                return True  # "the idea of holding meetings"
            if head.dep_ == "prep" and head.lower_ not in ("during", "at", "in", "on", "for",
                                                            "before", "after", "by") \
                    and not (head.lower_ == "to" and head.head.lemma_.lower() in SENDING) \
                    and not (
                    head.lower_ == "of" and (head.head.lower_ in NOUN_TRIGGERS or head.head.lower_
                                             in MEASURES | STARTS
                                             or head.head.pos_ == "PROPN")):  # "Group of 20 summit"
                # "the need for the resumption of direct talks": the start takes the mood
                break  # "talks on X": the prep of another event does not carry its mood
            infinitive = head.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and \
                _lemma_in(head.head, UNREAL_HEADS)  # "sought for months to bring A and B …"
            through = not circumstance and (through or infinitive or head.dep_ in (
                "xcomp", "ccomp", "dobj", "pobj", "acl", "nsubj", "nsubjpass"))
            if head.dep_ in ("advcl", "prep") and not infinitive:
                through = False  # "Speaking by phone, they agreed", "agreed … in a meeting"
                circumstance = circumstance or (head.dep_ == "prep" and (
                    head.lower_ in ("in", "at", "during") or head.lower_ in ("before", "after")
                    and len(chain) > 1 and chain[-2].dep_ == "pobj"))  # "… after talks": held
            head = head.head
            chain.append(head)
            if through:
                complements.append(head)
        else:
            break
    for t in chain:
        for child in t.children:
            if child.dep_ == "neg" or child.lower_ in {"never", "not", "n't", "no", "rarely",
                                                       "seldom"}:
                return True  # "have rarely met face to face": no one meeting
            if child.dep_ in ("amod", "compound") and child.lower_ in PLANNED and \
                    t.pos_ in ("NOUN", "PROPN"):
                return True  # "a planned meeting", "the upcoming summit"
            if child.dep_ == "poss" and t.pos_ == "NOUN" and (child.lower_ == "tomorrow" or (
                    child.lower_ in {"week", "month", "year"} and any(
                        g.lower_ == "next" for g in child.children))):
                return True  # "next week's emergency talks", "tomorrow's summit"
            if child.dep_ == "prt" and child.lower_ == "off" and t.lemma_.lower() in {
                    "call", "put"}:
                return True  # "called off a meeting"
            if child.dep_ == "aux" and child.lower_ in MODALS and not _a_persons_name(child):
                return True  # but "May sat down with …", after "Theresa May", is no modal
            if child.dep_ == "det" and child.lower_ == "no":
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in {
                    "nobody", "none", "neither"} or any(
                    g.dep_ in ("det", "preconj") and g.lower_ in {"no", "neither"}
                    for g in child.children)):
                return True  # "No Lebanese official met an Israeli counterpart", "Neither
                # the government nor the opposition was invited"
            if child.lower_ == "yet" and child.dep_ != "cc" and child.i > t.sent.start and \
                    t.lemma_.lower() in ("have", "be") | VERB_TRIGGERS.keys():
                return True  # "have yet to sign"; but "Yet he himself hosted Pompeo" did
    for t in complements:
        if _lemma_in(t, UNREAL_HEADS) and t.pos_ in ("VERB", "ADJ", "AUX") and not (
                t.lemma_.lower() in ("resume", "continue") and t.tag_ in ("VBD", "VBZ", "VBP")):
            return True  # "agreed to resume talks"; but "they resumed talks" did
    for t in chain[1:]:
        if t.lower_ in UNREAL_NOUNS:
            return True
        if t.pos_ == "VERB" and t.tag_ == "VBN" and t.lemma_.lower() in SCHEDULED and any(
                c.dep_ == "auxpass" for c in t.children):
            return True  # "Bolsonaro is expected in Santiago for a gathering": still to come
    verbs = [t for t in chain[1:] if t.pos_ == "VERB"]
    if circumstance and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and \
            token.head.lower_ in ("at", "in", "during") and verbs and \
            (_event_type(verbs[0]) in CONTACT or verbs[0].lemma_.lower() in ("see", "meet")) and \
            verbs[0].dep_ == "xcomp" and _lemma_in(verbs[0].head, UNREAL_HEADS):
        return True  # "hoped to see Xi at the APEC summit": where a wish would meet him
    if token.dep_ == "xcomp" and _lemma_in(token.head, UNREAL_HEADS):
        return True
    if any(t.lower_ in {"if", "unless"} and t.dep_ == "mark" for t in token.subtree):
        return True
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].lower_ == "to" and (
            _lemma_in(doc[token.i - 2], UNREAL_HEADS | {"yet"})):
        return True  # "hopes to meet", read without the parse
    if token.pos_ in ("NOUN", "PROPN"):  # "put forward a plan based on a ceasefire": proposed
        for above in token.ancestors:
            if above.pos_ == "VERB" and above.lemma_.lower() in ("put", "propose") and \
                    _event_type(above) == "Proposal" and token.i > above.i and any(
                    c.dep_ == "dobj" and c is not token and c.i < token.i
                    for c in above.children):
                return True
    return False


# ----------------------------------------------------------------------- the clause


def _clause_root(trigger: Token) -> Token:
    """The verb whose clause holds the event's arguments."""
    token = trigger
    for _ in range(5):
        if token is not trigger and _describes_the_object(token):
            token = token.head  # "held what he described as a 'warm' meeting": the holding
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "advcl", "acl", "pcomp",
                                                               "amod") and not (
                token.dep_ == "advmod" and token.tag_ in ("VBN", "VBG")):
            return token  # "Seated next to Pavlopoulos, Erdogan said": the clause of "said"
        if token.pos_ == "VERB" and token.dep_ == "advcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") and (
                    c.pos_ == "PROPN" or _a_name(c) or any(
                        t.ent_type_ == "PERSON" for t in c.subtree) or c.lower_ in {
                    "he", "she"} and any(m.lower_ in {"after", "before"} for m in token.children
                                         if m.dep_ == "mark") or any(
                    a.lower_ == "visiting" for a in c.children)) for c in token.children):
            return token  # "… a year after Albanese travelled to Port Moresby": its own clause,
            # its subject named (however tagged: "while Raisi met the Qatari emir") or "the
            # visiting leaders" ("after the two countries' ministers met": the clause above)
        if token.dep_ in ("ROOT",) or token.head is token:
            return token
        if token.dep_ in ("conj",) and token.pos_ in ("VERB", "AUX"):
            return token
        token = token.head
    return token


def _a_name(token: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for a common noun: "while
    Raisi met the Qatari emir"."""
    return token.pos_ == "NOUN" and token.is_title and token.i > token.sent.start and \
        not any(c.dep_ == "det" for c in token.children)


# Titles of a state's envoys abroad, whom a host government summons.
ENVOY_TITLES = {"ambassador", "envoy", "commissioner", "chargé", "charge"}


# Verbs a trip or a day is opened or closed with: "had started the Arab leg of the trip on
# Sunday with talks with King Abdullah": the subject held those talks.
OPENING_VERBS = {"start", "begin", "open", "kick", "end", "close", "conclude", "wrap", "finish"}


# Verbs that name what something was: "what he described as a warm meeting".
DESCRIBING_VERBS = {"describe", "call", "term", "characterise", "characterize", "label", "dub",
                    "hail", "bill"}


def _going_ahead(verb: Token) -> bool:
    """ "went ahead with a four-way meeting with X", "proceeded with talks": the subject held
    them."""
    return verb.lemma_.lower() == "proceed" or verb.lemma_.lower() in {
        "go", "press", "push", "forge", "move"} and any(
        c.lower_ == "ahead" for c in verb.children)


def _describes_the_object(verb: Token) -> bool:
    """A free relative that names the object of the verb above: "held what he described as
    a 'warm and productive' meeting with Manalo"."""
    return verb.lemma_.lower() in DESCRIBING_VERBS and verb.dep_ in ("ccomp", "dobj", "xcomp") \
        and verb.head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.tag_ == "WP"
                                             for c in verb.children)


def _governing_verb(trigger: Token) -> Token | None:
    """The verb a prepositional event phrase hangs from, through nouns and preps."""
    token = trigger.head
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":  # not "following"
            prep = next((a for a in trigger.ancestors if a.head == token), trigger)
            if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING and \
                    prep.i > 0 and prep.nbor(-1).text == "," and prep.lower_ == "during":
                return token.head  # "X told Y that …, during a meeting at the palace": the
                # telling was at the meeting, not what was told
            if _describes_the_object(token):
                return token.head  # "held what he described as a 'warm' meeting with X":
                # the holding, of which the describing is the object
            return token
        if token.head is token or token.dep_ not in ("prep", "pobj", "dobj", "npadvmod"):
            return None
        token = token.head
    return None


def _company(phrase: Token) -> bool:
    """A fronted "with" naming those who joined in ("with Chile's Piñera and Colombia's Duque,
    they signed …"), not an absolute clause of background ("With Moscow isolated, …")."""
    return phrase.lower_ == "with" and any(
        c.dep_ == "pobj" and c.pos_ == "PROPN" for c in phrase.children) and not any(
        t.pos_ in ("VERB", "ADJ", "AUX") and t.dep_ in ("acl", "amod", "acomp", "advcl", "xcomp",
                                                        "ccomp", "relcl")
        for t in phrase.subtree)


# Nouns of people or bodies, whose makers or leaders may be sides: "a delegation led by X".
ACTING_NOUNS = SIDE_NOUNS | {"mission", "coalition", "group", "force", "forces", "bloc",
                             "alliance", "body", "council", "committee", "commission", "panel",
                             "envoy", "envoys", "officials", "delegates", "leaders", "party",
                             "administration", "office", "ministry", "people", "country"}


GUEST_ROLES = {"invitee", "invitees", "guest", "guests", "observer", "observers"}


def _joined_as_a_guest(join: Token) -> bool:
    """ "Kristersson joined as an invitee": took part in the gathering told."""
    return not any(c.dep_ == "dobj" for c in join.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(p.lower_ in GUEST_ROLES for p in c.children)
        for c in join.children)


def _many_met(draft: EventDraft) -> bool:
    """Whether a meeting's subject counts three or more: "The 31 allies met"."""
    counts = [NUMBER_WORDS.get(n.lower_) or (int(n.text) if n.text.isdigit() else 0)
              for c in draft.trigger.root.children if c.dep_ == "nsubj"
              for n in c.children if n.dep_ == "nummod"]
    return any(count >= 3 for count in counts)


# Verbs whose agent leads or gathers what they qualify: "the retreat, chaired by X".
LEADING_VERBS = set(JOINING) | {"lead", "head", "convene", "host", "organise", "organize",
                                "sponsor", "broker", "mediate", "facilitate", "accompany"}


def _a_thing(noun: Token) -> bool:
    """Whether a common noun names a thing rather than people, a body or an event: "air
    defence systems", not "the border commissions" or "a session"."""
    return not {noun.lower_, noun.lemma_.lower()} & (ACTING_NOUNS | GATHERINGS) and fold(
        noun.text) not in TITLE_WORDS and not _event_type(noun) and noun.ent_type_ == ""


def _excluded(root: Token, trigger: Token) -> set[int]:
    """Tokens of the clause that belong to other statements: attributions, background."""
    out: set[int] = set()
    subjects = [c.i for c in root.children if c.dep_.startswith("nsubj")]
    for child in root.children:  # fronted adverbials: "With Moscow isolated, …"
        if subjects and child.i < min(subjects) and child.dep_ in ("prep", "advcl", "npadvmod") \
                and trigger not in child.subtree and not any(
                    t.ent_type_ == "DATE" for t in child.subtree) and not _company(child):
            out.update(t.i for t in child.subtree)
        if child.dep_ in ("dep", "conj") and child.i > root.i and trigger not in child.subtree and \
                child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ";":
            out.update(t.i for t in child.subtree)  # "…; Guaidó's arrival overshadows the day"
    for token in root.subtree:
        if token.i in out or token == trigger or trigger in token.subtree and token != root:
            continue
        lemma = token.lemma_.lower()
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head == root and \
                token.i < root.i and not subjects and any(
                    c.dep_ == "nsubj" and c.i < token.i for c in token.children):
            # "Meloni and Sunak, pushing to get migration onto the agenda, co-hosted …": the
            # parser gave the participle the subject of the verb
            own = {t.i for c in token.children if c.dep_ == "nsubj" for t in c.subtree}
            out.update(t.i for t in token.subtree if t.i not in own)
            continue
        if token.dep_ == "prep" and (lemma in BACKGROUND_PREPS or token.lower_ == "according") \
                and not _began_since(token, trigger) and not (
                    token.head == root and _company(token)) and not (
                    token.head.dep_.startswith("nsubj") and token.head.head == root
                    and _company(token) and any(c.lower_ in ("together", "along")
                                                for c in token.children)):
            # (not "X, together with Y, was received by Z": Y was received too)
            if lemma in ("with", "as", "like") and (
                    token.i > root.i or lemma == "with" and token.head == trigger) and not (
                    lemma == "as" and token.i + 1 < len(token.doc)
                    and token.doc[token.i + 1].lower_ == "part") and not _absolute(token):
                continue  # "met with X" is an argument, and so is "a gathering convened by
                # X with A and B, ended …"; "as part of …" is background
            out.update(t.i for t in token.subtree)
        elif token.dep_ in ("relcl", "ccomp", "parataxis", "advcl") and (
                token.head.i != trigger.i or any(c.dep_.startswith("nsubj")
                                                 for c in token.children) and not (
                    token.dep_ == "ccomp" and VERB_TRIGGERS.get(trigger.lemma_.lower()) in (
                        "Proposal", "Threat"))):
            # another clause; one with its own subject even when it hangs from the trigger:
            # "received Daglo, a day after Burhan declined to attend"; but "talks that were
            # mediated by Qatar" says who mediated them
            brokered = token.dep_ == "relcl" and token.head.i == trigger.i and lemma in (
                MEDIATION_VERBS | {"host", "convene", "chair"}) and any(
                c.dep_ == "agent" for c in token.children) or token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "with" for c in token.children) and any(
                t.lower_ in BROKER_NOUNS and t.head.lower_ == "as" for t in token.subtree)
            # "…, with Correa and Vázquez seated between them as facilitators"
            represented = token.dep_ == "advcl" and lemma == "represent" and any(
                c.dep_ == "nsubjpass" for c in token.children)  # "…, while Tajikistan and
            # Uzbekistan were represented by their own delegations": they took part too
            likewise = token.dep_ == "advcl" and lemma in ("do", "be", "have") and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and \
                token.i > trigger.i  # "joined Kikwete at the table, as did Zuma": Zuma too
            if trigger not in token.subtree and lemma not in TOPIC_VERBS and not brokered \
                    and not represented and not likewise:
                out.update(t.i for t in token.subtree)
                out -= _listed_past_the_clause(token)
        elif token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") \
                and trigger not in token.subtree and token.ent_type_ != "PERSON":
            out.update(t.i for t in token.subtree)  # (not "received by Qaboos bin Said",
            # the name's last word taken for a verb)
        elif token.dep_ == "advmod" and token.lower_ in {"ahead", "prior"} and \
                trigger not in token.subtree and (ahead := _ahead_of_a_gathering(token)):
            out.update(ahead)  # "spoke on 9 June, ahead of the G7 and
            # NATO summits": the gatherings to come, parsed as an adverb; no side (but
            # "addressed the meeting ahead of Tuvalu's Prime Minister": he was there)
        elif token.dep_ == "conj" and token.pos_ == "NOUN" and token.head.pos_ in (
                "VERB", "AUX") and trigger not in token.subtree and any(
                c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            out.update(t.i for t in token.subtree)  # "held talks …, emerging with a wish to
            # meet again but no sign of a deal to halt the war between Israel and Iran":
            # what did not come of them, parsed as a second object of the verb; no side
        elif token.dep_ == "acl" and (lemma in ("release", "issue", "publish") or (
                token.head.dep_ == "appos" and token.head != trigger)):
            out.update(t.i for t in token.subtree)  # "…, a forum set up to bring X together"
        elif token.dep_ == "nsubj" and lemma in ("statement", "ministry", "office"):
            out.update(t.i for t in token.subtree)
        elif token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN" and \
                token.head != trigger and _a_thing(token.head) and lemma not in LEADING_VERBS \
                and lemma not in VERB_TRIGGERS:  # (but "a cessation of hostilities signed by
            # A and B": the signing's sides)
            out.update(t.i for c in token.children if c.dep_ == "agent" for t in c.subtree)
            # "met at the centre, ringed by air defence systems lent by Germany": who lent a
            # thing is no side
        elif token.dep_ == "dobj" and token.head.lemma_.lower() in BLAME_VERBS and \
                token.head != trigger:
            out.update(t.i for t in token.subtree)  # "accused Iran of meddling …, at an
            # annual summit": the accused is no side
        elif token.dep_ in ("compound", "poss", "nmod") and token.head.lemma_.lower() in \
                AUTHORED_THINGS and token.head.dep_ in ("dobj", "pobj") and \
                trigger not in token.head.subtree:
            out.update(t.i for t in token.subtree)  # "agree first phase of Trump Gaza plan":
            # whose plan it is, no side
        elif token.dep_ in ("dobj", "xcomp", "oprd") and (
                token.head.lemma_.lower() in CHOOSING_VERBS or token.dep_ == "dobj"
                and token.head.dep_ == "xcomp"
                and token.head.head.lemma_.lower() in CHOOSING_VERBS):
            out.update(t.i for t in token.subtree)  # "leaders picked X to lead the
            # Commission, at a summit in the capital": the one chosen, no side of the summit
    return out


def _ahead_of_a_gathering(adverb: Token) -> set[int]:
    """Tokens of "ahead of the G7 and NATO summits", "prior to the talks" up to the next
    punctuation, when a gathering or event noun closes them; else none."""
    doc = adverb.doc
    if adverb.i + 1 >= len(doc) or doc[adverb.i + 1].lower_ not in {"of", "to"}:
        return set()
    end = next((t.i for t in doc[adverb.i:adverb.sent.end] if t.is_punct), adverb.sent.end)
    phrase = doc[adverb.i:end]
    if any(t.lemma_.lower() in GATHERINGS or t.lower_ in GATHERINGS or
           t.lower_ in NOUN_TRIGGERS for t in phrase):
        return {t.i for t in phrase}
    return set()


def _listed_past_the_clause(clause: Token) -> set[int]:
    """Tokens of the people a list goes on with, which the parser hung on the object of a
    relative clause about the one before: "A, who chairs the Pacific Islands Forum, Papua
    New Guinea's B, C and D"."""
    if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who"
                                         for c in clause.children):
        return set()
    return {t.i for o in clause.children if o.dep_ == "dobj" for c in o.subtree
            if c.dep_ == "conj" and c.ent_type_ == "PERSON" and c.doc[c.left_edge.i - 1].text
            == "," for t in c.subtree}


# Verbs of blame, whose object is no side of the event told beside them.
BLAME_VERBS = {"accuse", "blame", "condemn", "criticise", "criticize", "denounce", "censure",
               "rebuke", "slam", "chide", "fault"}

# Things someone authored, whose author is no side of the talks about them.
AUTHORED_THINGS = {"plan", "proposal", "initiative", "roadmap", "blueprint", "vision",
                   "formula"}
# Verbs of choosing someone for a post.
CHOOSING_VERBS = {"pick", "elect", "choose", "appoint", "select", "nominate"}


def _absolute(prep: Token) -> bool:
    """ "…, with the killings in Paris pushing terrorism up the agenda": a clause of its own
    after "with" that names no side ("with Xi looking on", "with an Omani delegation taking
    part" tell who was there)."""
    if prep.lower_ != "with":
        return False
    clauses = [c for c in prep.children if c.dep_ == "pcomp"]
    return any(_a_things_doing(c) or _saying(c) or _staying_away(c) for c in clauses) or all(
        p.pos_ == "NOUN" and not p.ent_type_ for p in prep.children if p.dep_ == "pobj"
    ) and ON_THE_AGENDA.search(prep.doc[prep.i:prep.sent.end].text) is not None
    # "…, with preparations for Xi's state visit high on the agenda": what was talked about


def _a_things_doing(clause: Token) -> bool:
    """ "…, with Brussels pitching itself as an alternative to Russia and China": what a
    thing or a state does, no side."""
    return clause.pos_ == "VERB" and (any(
        s.dep_.startswith("nsubj") and s.pos_ == "NOUN" and s.ent_type_ == ""
        and s.lower_ not in LISTED_GROUPS | GENERIC_SIDES | SIDE_NOUNS
        for s in clause.children) or any(o.dep_ == "dobj" and o.lower_ in REFLEXIVES
                                         for o in clause.children))


def _saying(clause: Token) -> bool:
    """ "…, with both leaders warning him against pushing Palestinians into Egypt": what was
    said, no side."""
    return clause.tag_ == "VBG" and clause.lemma_.lower() in REPORTING | {
        "warn", "urge", "press", "insist", "caution"}


def _staying_away(clause: Token) -> bool:
    """ "…, with Presidents Xi and Putin staying away": who was not there."""
    lemma = clause.lemma_.lower()
    return lemma in {"skip", "miss", "boycott", "shun"} or lemma in {"stay", "keep"} and any(
        a.lower_ == "away" for a in clause.children)


REFLEXIVES = {"itself", "themselves", "himself", "herself"}
ON_THE_AGENDA = re.compile(r"\b(?:high|top|first|prominently|prominent) on the agenda\b")


def _clause_tokens(root: Token, trigger: Token) -> set[int]:
    tokens = {t.i for t in root.subtree}
    pronouns = {c.lower_ for c in root.children if c.dep_.startswith("nsubj") or c.dep_ == "dobj"
                and c.lower_ in {"whom", "who"}} if root.dep_ == "relcl" else set()
    if pronouns & {"who", "which", "that", "whom"}:
        # the relative pronoun stands for the noun it follows: "Erdogan, whom Tebboune
        # received on 26 January" (whom as object too)
        tokens.add(root.head.i)
        tokens.update(t.i for t in root.head.children if t.dep_ == "compound")
        if "who" in pronouns and root.lemma_.lower() == "meet" and \
                root.i > max((c.i for c in root.head.conjuncts), default=root.i):
            # "the three ministers, A, B and C, who met in Baku in April": all of them
            tokens.update(t.i for c in root.head.conjuncts for t in c.subtree
                          if t.dep_ in ("compound", "conj") or t == c)
    if pronouns & {"who", "which", "that"}:
        if root.head.dep_ == "pobj" and root.head.head.lower_ == "of":
            person = root.head.head.head  # "Sadyr Japarov of Kyrgyzstan, who arrived …"
            tokens.add(person.i)
            tokens.update(t.i for t in person.children if t.dep_ == "compound")
        if root.head.dep_ == "pobj" and root.head.head.lower_ == "among":
            # "X and Y were among the leaders who gathered in Abu Dhabi": X and Y gathered
            tokens.update(t.i for c in root.head.head.head.children
                          if c.dep_.startswith("nsubj") for t in c.subtree)
    purpose = root.dep_ in ("xcomp", "advcl") or root.dep_ == "pobj" and root.head.lower_ == "to"
    empty = root.lemma_.lower() == "take" and all(
        c.lower_ == "it" for c in root.children if c.dep_.startswith("nsubj"))
    # "Maduro staged a referendum, and it took a meeting with Ali … to lower the temperature"
    if (root.dep_ == "conj" or purpose and root.pos_ == "VERB") and (empty or not any(
            c.dep_.startswith("nsubj") for c in root.children)):
        head = root.head  # "X visited Sochi and held talks with Y": X is the subject of both
        told = next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i and any(
            s.dep_.startswith("nsubj") for s in c.children)), None) \
            if head.lemma_.lower() in REPORTING and root.dep_ == "conj" else None
        if told is not None:  # "X met Y on Sunday, the Taliban said, and held talks with Z":
            head = told  # X held them, not the source of the report
        if head.lower_ == "to" and head.dep_ == "prep":
            head = head.head  # "flew to Florida to dine with Trump", parsed as a preposition
        if head.tag_ == "VBG" and head.dep_ == "advcl" and not any(
                c.dep_.startswith("nsubj") for c in head.children):
            head = head.head  # "X wrapped up a tour, holding talks with A and opening a
            # dialogue with B": X opened it
        for child in head.children:
            if child.dep_.startswith("nsubj"):
                tokens.update(t.i for t in child.subtree)
        if head.dep_ == "relcl" and any(c.dep_.startswith("nsubj") and c.lower_ in {
                "who", "which", "that"} for c in head.children):
            # "Modi, who had opened the parliament and held talks with Ghani": Modi held them
            tokens.add(head.head.i)
            tokens.update(t.i for t in head.head.children if t.dep_ == "compound")
        tokens.update(_companions(head))  # "flew to Caracas with Carstens and held talks"
    return tokens - _excluded(root, trigger)




def _colon_list(verb: Token) -> set[int]:
    """Tokens after a colon that spells out a gathering verb's plural object: "brought
    together the leaders of the eight member states: besides X, they were A, B and C"."""
    colon = _colon_after(verb)
    if colon is None or not any(t.lower_ in LISTED_GROUPS for t in verb.doc[verb.i + 1:colon.i]):
        return set()
    return set(range(colon.i + 1, verb.sent.end))


def _colon_after(token: Token) -> Token | None:
    """The first colon of the token's sentence after it."""
    return next((t for t in token.sent if t.i > token.i and t.text == ":"), None)


def _counterparts_spelled_out(doc: Doc, trigger: Token, mentions: list[Mention]) -> set[int]:
    """Tokens of the names a colon spells out after a contact's plural counterparts: "held
    meetings with nine African leaders: Togo's Faure Gnassingbe, Guinea's Alpha Conde, …".

    Read linearly, as the parse often breaks on such a list."""
    sentence = trigger.sent
    colon = _colon_after(trigger)
    if colon is None or not any(t.lower_ == "with" for t in doc[trigger.i + 1:colon.i]) or \
            doc[colon.i - 1].lower_ not in LISTED_GROUPS:
        return set()
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: set[int] = set()
    i = colon.i + 1
    while i < sentence.end:
        m = by_token.get(i)
        if m is not None and not m.as_place and m.kind != "place":
            found.update(range(m.start, m.end))
            i = m.end
            continue
        token = doc[i]
        if fold(token.text) in LIST_WORDS or token.is_punct and token.text != ":" or \
                token.text[:1].isupper() or i + 1 < sentence.end and i + 1 in by_token:
            i += 1  # "dos Santos", a name the base does not know
            continue
        return set()  # a clause, not a list of names
    return found if sum(1 for m in mentions if m.start in found and m.kind == "person") >= 2 \
        else set()


def _named_among(doc: Doc, verb: Token, mentions: list[Mention]) -> set[int]:
    """Tokens of those a gathering's plural noun names: "hosted a summit at which the
    leaders of the countries …, among them A, B and C, pledged …"."""
    sentence = verb.sent
    for token in doc[verb.i + 1:sentence.end - 1]:
        opener = token.lower_ == "including" or token.lower_ == "among" and \
            doc[token.i + 1].lower_ in {"them", "whom"}
        before = doc[max(verb.i, token.i - 12):token.i]
        if opener and any(t.lower_ in LISTED_GROUPS for t in before):
            return _list_from(doc, token.i + (2 if token.lower_ == "among" else 1), mentions)
    return set()


def _who_in_the_gathering(verb: Token) -> set[int]:
    """Tokens of the subjects of a relative clause on the gathering a host held: "Merkel
    hosted a summit in Berlin at which Russia, Turkey and France pledged …", "Abe hosted a
    summit in Osaka where Trump and Xi agreed …": they were there."""
    found: set[int] = set()
    for gathering in verb.children:
        if gathering.dep_ != "dobj" or not (gathering.lower_ in GATHERINGS or
                                           gathering.lower_ in NOUN_TRIGGERS):
            continue
        with_whom = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     and c.i > gathering.i for p in c.children if p.dep_ == "pobj"]
        for clause in [c for h in (gathering, *with_whom) for c in h.children]:
            # "chaired the session with its dialogue partners, at which …": the parser may
            # hang the clause on the partners
            opener = [t.lower_ for t in clause.subtree][:2]
            if clause.dep_ == "relcl" and ("where" in opener or "which" in opener):
                found |= {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                          for t in c.subtree}
    return found


# Verbs by which one side of a call or meeting addresses the other: "a call in which he
# congratulated Trump".
ADDRESSING_VERBS = {"congratulate", "thank", "assure", "reassure", "tell", "urge", "invite",
                    "brief", "inform", "update", "press", "ask", "condole", "greet"}


def _addressed_within(trigger: Token) -> set[int]:
    """Tokens of the sides a relative clause on a call or meeting names: "a video of a
    telephone call in which he congratulated President-elect Donald Trump"; "a video
    conference, chaired by Mora, in which Araghchi and officials from Britain and China
    took part" (the parser may hang the clause on the name before it)."""
    found: set[int] = set()
    for clause in trigger.children:
        opener = [t.lower_ for t in clause.subtree][:2]
        if clause.dep_ == "relcl" and opener in (["in", "which"], ["during", "which"]) and \
                clause.lemma_.lower() in ADDRESSING_VERBS:
            found |= {t.i for c in clause.children if c.dep_ in ("nsubj", "dobj")
                      for t in c.subtree}
    for clause in trigger.sent:
        if clause.dep_ != "relcl" or clause.i < trigger.i or not _took_part(clause) or \
                [t.lower_ for t in clause.subtree][:2] not in (["in", "which"], ["at", "which"]):
            continue
        nouns = [t for t in trigger.doc[trigger.i + 1:clause.head.i + 1] if t.pos_ == "NOUN"
                 and (t.lower_ in GATHERINGS or t.lower_ in NOUN_TRIGGERS)]
        if clause.head == trigger or (not nouns and clause.head.ent_type_ == "PERSON"):
            found |= {t.i for c in clause.children if c.dep_ == "nsubj" for t in c.subtree}
    return found


def _with_again(trigger: Token) -> set[int]:
    """Tokens of a second "with" the parser hung on a verb above a noun trigger: "fitted in
    talks with Modi and with the managing director of the IMF, Kristalina Georgieva"."""
    first = [t for t in trigger.subtree if t.lower_ == "with" and t.head == trigger]
    if not first:
        return set()
    above = set(trigger.ancestors)
    found: set[int] = set()
    for again in trigger.sent:
        if again.lower_ == "with" and again.dep_ in ("conj", "prep") and again.head in above and \
                again.i > first[0].i and again.doc[again.i - 1].lower_ == "and":
            relative = next((t.i for t in again.subtree if t.tag_ in ("WDT", "WP", "WP$")),
                            again.right_edge.i + 1)  # not "…, whose institution is …"
            found |= {t.i for t in again.subtree if t.i < relative} - {
                t.i for c in again.subtree if c.dep_ == "relcl" for t in c.subtree}
    return found


# What a deal frees or hands over: its objects are people or things exchanged, no side.
RELEASE_VERBS = {"free", "release", "pardon", "swap", "exchange", "extradite", "deport",
                 "repatriate", "return", "hand"}


def _released(trigger: Token) -> set[int]:
    """Tokens of those a deal frees: "Iran agreed to free four Iranian-Americans, among them
    Jason Rezaian, Amir Hekmati and Saeed Abedini" (prisoners, not parties to the deal)."""
    return {t.i for verb in trigger.subtree if verb.pos_ == "VERB" and verb is not trigger
            and verb.lemma_.lower() in RELEASE_VERBS
            for c in verb.children if c.dep_ in ("dobj", "dep", "appos")
            for t in c.subtree if t.ent_type_ not in ("NORP", "GPE")}  # (their state may be
    # the other side: "four Iranian-Americans")


# What one carries from someone absent: "passed on an invitation from Albanese".
MESSAGE_NOUNS = {"invitation", "message", "letter", "greetings", "regards", "note"}


def _senders_of_messages(sentence: Span) -> set[int]:
    """Tokens of who sent what was carried to the talks: "During their talks Wong also passed
    on an invitation from Prime Minister Albanese for Kalsakau to visit" (Albanese was not
    there)."""
    return {t.i for noun in sentence if noun.lower_ in MESSAGE_NOUNS
            for c in [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else ())]
            if c.dep_ == "prep" and c.lower_ == "from" or c.dep_ == "poss" and c.head == noun
            and c.pos_ == "PROPN" for t in c.subtree}
    # "…, carrying greetings from President Murmu and Mr. Modi", however "from" was hung;
    # "handed over Macron's invitation"


def _a_deal(noun: Token) -> bool:
    """ "a deal", "an accord", "a bargain": what is struck when a deal is."""
    return NOUN_TRIGGERS.get(noun.lower_) == "Agreement" or noun.lower_ in {
        "bargain", "compromise", "understanding"}


def _took_part(verb: Token) -> bool:
    """ "took part", "participated": being there."""
    return verb.lemma_.lower() == "participate" or (verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children))


def _list_from(doc: Doc, start: int, mentions: list[Mention]) -> set[int]:
    """Tokens of the actors listed from token ``start`` on: "A, B's C and D"."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: set[int] = set()
    i = start
    while i < doc[start - 1].sent.end:
        m = by_token.get(i)
        if m is not None and not m.as_place and m.kind != "place":
            found.update(range(m.start, m.end))
            i = m.end
            continue
        if fold(doc[i].text) in LIST_WORDS or fold(doc[i].text) in TITLE_WORDS:
            i += 1
            continue
        if doc[i].lower_ in ("along", "together") and i + 1 < len(doc) and \
                doc[i + 1].lower_ == "with":  # "…, along with AU Commission chairperson X"
            i += 2
            continue
        if doc[i].text[:1].isupper() and i + 1 < len(doc) and \
                fold(doc[i + 1].text) in TITLE_WORDS:  # the body's "Commission chairperson"
            i += 1
            continue
        break
    return found


def _sequel_clauses(verb: Token) -> list[Token]:
    """Contact verbs a verb's "before"/"after" phrase tells: "called on Shoigu before being
    received by Putin" (another table, the same traveller)."""
    if _event_type(verb) not in CONTACT:
        return []  # (not "he clashed with Pavlopoulos before sitting down with Tsipras")
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("before", "after")
            for p in c.children if p.dep_ == "pcomp" and p.pos_ == "VERB"
            and VERB_TRIGGERS.get(p.lemma_.lower()) in CONTACT]


def _companions(verb: Token) -> set[int]:
    """Tokens of those a traveller went with: "flew to Caracas with Roger Carstens"."""
    if VERB_TRIGGERS.get(verb.lemma_.lower()) != "Visit" or verb.lemma_.lower() == "visit":
        return set()
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"] + \
        _together_with(verb)
    return {t.i for c in withs for p in c.children if p.dep_ == "pobj" and (
                p.ent_type_ == "PERSON" or fold(p.text) in TITLE_WORDS and any(
                    a.dep_ == "appos" and a.pos_ == "PROPN" for a in p.children))
            for t in p.subtree}  # "with the Swedish prime minister, Ulf Kristersson"


def _together_with(verb: Token) -> list[Token]:
    """A verb's "together with" phrases, however the parser hung "together": "went to Tunis
    together with C and D"."""
    def in_a_phrase(w: Token) -> bool:  # "flew … aboard the first El Al flight to the UAE,
        # together with X": hung on the flight, a phrase of the verb's
        while w.head != verb and w.dep_ in ("prep", "pobj"):
            w = w.head
        return w.head == verb and w.dep_ in ("prep", "pobj")
    return [w for w in verb.subtree if w.dep_ == "prep" and w.lower_ == "with" and any(
        c.lower_ == "together" for c in w.children) and in_a_phrase(w)] + [
        w for c in verb.children if c.dep_ == "advmod" and c.lower_ == "together"
        for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]


def _members_listed(verb: Token) -> list[Token]:
    """The members a clause on the verb's group lists: "led the group, which also included
    Treasury Secretary Mnuchin and Jared Kushner"."""
    return [o for g in verb.children if g.dep_ == "dobj" and g.lower_ in DELEGATIONS | {"group"}
            for c in g.children if c.dep_ == "relcl" and c.lemma_.lower() in {
                "include", "comprise"}
            for o in c.children if o.dep_ == "dobj"]


# ---------------------------------------------------------------------- arguments

LIST_WORDS = {"and", ",", "the", "'s", "’s", "both", "as", "well", "his", "her", "their", "its"}


def _listed_after(doc: Doc, trigger: Token, mentions: list[Mention]) -> set[int]:
    """Tokens of "between A and B" / "with A, B and C" right after a trigger.

    Read linearly, so that a wrong attachment in the parse loses no party.
    """
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    i = trigger.i + 1
    limit = min(len(doc), trigger.i + 4)
    words = {"between", "with", "among"}
    if trigger.lower_ in {"visit", "trip"}:
        words = words | {"by"}  # "the first visit by Maduro to Brazil"
    while i < limit and doc[i].lower_ not in words:
        if doc[i].is_punct or doc[i].lower_ in {"in", "on", "at"}:
            return set()
        i += 1
    if i >= limit:
        return set()
    found: set[int] = set()
    i += 1
    sentence_end = trigger.sent.end
    while i < sentence_end:
        token = doc[i]
        m = by_token.get(i)
        if m is not None and not m.as_place and m.kind != "place":
            found.update(range(m.start, m.end))
            i = m.end
            continue
        word = fold(token.text)
        if word in LIST_WORDS or word in TITLE_WORDS or token.text in {"-", "–"} or (
                word == "of" and found == set() and i > 0
                and fold(doc[i - 1].text) in TITLE_WORDS):
            i += 1  # "with the President of the United States, Donald J. Trump"
            continue
        break
    return found


def _named_leftwards(doc: Doc, token: Token, mentions: list[Mention], skip) -> set[int]:
    """Tokens of the actors named right before ``token`` in its sentence, read leftwards
    over the words ``skip`` accepts ("and", commas, titles…)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: set[int] = set()
    i = token.i - 1
    while i >= token.sent.start:
        m = by_token.get(i)
        if m is not None and not m.as_place and m.kind != "place":
            found.update(range(m.start, m.end))
            i = m.start - 1
            continue
        if skip(doc[i]):
            i -= 1
            continue
        break
    return found


NOMINAL_MODIFIERS = {"bilateral", "trilateral", "direct", "indirect", "first", "rare",
                     "high-level", "telephone", "phone", "video", "official", "state", "face",
                     "to", "fresh", "new", "latest", "landmark"}


def _modifiers_before(doc: Doc, trigger: Token, mentions: list[Mention]) -> set[int]:
    """Parties named before a nominal trigger: "Russian-Turkish talks", "Raisi's visit"."""
    return _named_leftwards(doc, trigger, mentions, lambda t: t.text in {
        "-", "–", "—", "/", "'s", "’s", "and", ","} or fold(t.text) in NOMINAL_MODIFIERS)


def _subjects_before(doc: Doc, verb: Token, mentions: list[Mention]) -> set[int]:
    """The list of actors right before a verb that the parse gave no subject among them:
    "On the sidelines of the Forum, Macron, Petro and Fernandez met Rodriguez", read
    linearly (the parser took the list for an apposition of "the Forum")."""
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and (
        c.lower_ in {"who", "which", "that"} or any(
            m.start <= t.i < m.end for t in c.subtree for m in mentions))), None)
    if subject is not None:  # a subject of its own, or a relative pronoun standing for one;
        # but "…, Macron and Presidents Bazoum … held talks" with Macron parsed off the list
        edge = subject.left_edge.i
        while edge > 0 and fold(doc[edge - 1].text) in TITLE_WORDS:
            edge -= 1
        if edge < 2 or doc[edge - 1].lower_ != "and" or doc[edge - 2].dep_ not in (
                "conj", "appos") or subject.lower_ in {"who", "which", "that"}:
            return set()
        verb = doc[edge - 1]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("auxpass", "agent") for c in verb.children) and any(
            c.dep_ == "nsubj" and c.lower_ not in {"who", "which", "that"}
            for c in verb.head.children):
        return set()  # "Xi paid a state visit to Peru and attended …": Xi's, not Peru's
    if verb.dep_ == "conj" and all(
            v.lemma_.lower() in WELCOMING_VERBS and any(c.dep_ == "agent" for c in v.children)
            for v in (verb, verb.head)):
        return set()  # "was greeted by Oktay and later welcomed by Erdogan": Oktay greeted
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG":
        return set()  # "…, holding talks with X and opening a dialogue with Y": X's talks
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found = _named_leftwards(doc, verb, mentions, lambda t: t.text in {"'s", "’s", "and", ","}
                             or fold(t.text) in TITLE_WORDS or t.pos_ == "ADV"
                             or t.lower_ == "of" and t.i + 1 in by_token)  # "Bazoum of Niger"
    placed = [i for i in found if doc[i].dep_ == "pobj" and doc[i].head.lower_ not in (
              "of", "as") and doc[i + 1].text == ","]
    found = {i for i in found if not placed or i > max(placed)}  # "Before the funeral began
    # on the Place de la Nation, Macron and Bazoum held talks": the place is no subject
    if subject is not None and not any(by_token[i].kind == "person" and not by_token[i].modifier
                                       for i in found):
        return set()
    if not found and verb.i > 0 and doc[verb.i - 1].text == ",":
        # "Rubio, barely a week into the job, telephoned Kagame": over an aside
        opening = next((i for i in range(verb.i - 2, max(verb.sent.start, verb.i - 12) - 1, -1)
                        if doc[i].text == ","), None)
        person = by_token.get(opening - 1) if opening is not None else None
        if person is not None and person.kind == "person" and not person.modifier and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[opening + 1:verb.i - 1]):
            found = set(range(person.start, person.end))
    return found if any(by_token[i].kind == "person" or not by_token[i].modifier
                        for i in found) else set()


def _in_agent_phrase(doc: Doc, mention: Mention, lemmas: set[str]) -> bool:
    """Whether a mention is the "by X" of a verb in ``lemmas`` or X in "X-mediated"."""
    # Read through the parse when titles outrun the window below: "hosted by Prime Minister
    # Ralph Gonsalves and Dominica's Prime Minister Roosevelt Skerrit"; not across a comma
    # ("Under a truce brokered by the US, Israel and Hezbollah agreed").
    token = doc[mention.end - 1]
    root = token.sent.root  # a list "by A, B and C" when the clause has a subject of its own
    listed = any(c.dep_.startswith("nsubj") for c in root.children)
    while token.dep_ in ("conj", "compound", "appos", "poss", "nmod", "flat") and \
            token.head is not token and not (token.dep_ == "conj" and not listed and any(
                t.text == "," for t in doc[token.head.i:token.i])):
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and \
            token.head.head.lemma_.lower() in lemmas:
        return True
    name = doc[mention.end - 1]
    if name.dep_ == "conj" and name.head.lemma_.lower() in lemmas and any(
            c.dep_ == "agent" and c.i < name.i for c in name.head.children):
        return True  # "co-chaired by Yermak, head of Zelensky's office, and Swiss Foreign
        # Minister Cassis", the second name hung on the verb
    reach = 6
    for i in range(mention.start - 1, -1, -1):
        token = doc[i]
        if i < mention.start - reach:
            return False
        if token.text == "," and i > 0 and (
                fold(doc[i - 1].text) in TITLE_HEADS or i + 1 < len(doc) and doc[i + 1].lower_
                == "and" and doc[i - 1].ent_type_ == "PERSON"):
            # "by Russia's foreign and defence ministers, Sergei Lavrov and Sergei Shoigu,
            # and their Turkish counterparts, …": names set after the agents' titles
            reach = mention.start - i + 8
            continue
        if token.text in {",", ";", ".", "—", "–"} or token.lower_ in NOUN_TRIGGERS:
            return False
        if token.lower_ == "by":
            verb = doc[i - 1] if i > 0 else token
            return verb.lemma_.lower() in lemmas or token.head.lemma_.lower() in lemmas
    # "the Qatar-mediated talks", "a U.S.-brokered truce"
    after = doc[mention.end:mention.end + 2]
    return len(after) == 2 and after[0].text in {"-", "–"} and after[1].lemma_.lower() in lemmas


def _assistants(doc: Doc, mediators: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Those who assisted the mediators: "led by Obasanjo, who was assisted by Kenyatta
    and Mlambo-Ngcuka"."""
    heads = {m.end - 1 for m in mediators}
    found = []
    for token in doc[min(heads, default=0):]:
        if token.lemma_.lower() in {"assist", "support", "join"} and \
                token.dep_ in ("relcl", "acl") and token.head.i in heads:
            agents = {t.i for c in token.children if c.dep_ == "agent" for t in c.subtree}
            found += [m for m in mentions if m.start in agents and m.kind == "person"]
    return found


def _set_apart(draft: EventDraft) -> bool:
    """ "held separate talks with Lavrov": not the talks just read."""
    return any(c.lower_ in {"separate", "another", "other", "further"}
               for c in draft.trigger.root.children)


def _same_call(a: EventDraft, b: EventDraft) -> bool:
    """ "held a video call on Monday, their second conversation": one call, two words."""
    words = {"conversation", "talks", "talk", "discussion", "exchange"}
    return {a.type, b.type} == {"PhoneCall", "Meeting"} and any(
        d.type == "Meeting" and d.trigger.root.lower_ in words for d in (a, b))


def _received_by(visit: EventDraft, mentions: list[Mention]) -> list[Mention]:
    """People who receive the visitor: "travelled to Tehran and was received by X"; not
    those of another clause ("…, and Y paid a visit to Riyadh")."""
    sentence = visit.sentence
    doc = sentence.doc
    clause = {t.i for t in _clause_root(visit.trigger.root).subtree}
    found = []
    for m in mentions:
        if m.kind != "person" or m.start < 2 or m.modifier:
            continue
        window = doc[max(sentence.start, m.start - 8):m.start]
        words = [t.lower_ for t in window]
        if "by" in words and any(t.lower_ in {"received", "welcomed", "greeted", "hosted"}
                                 and t.i in clause and not _protocol_welcome(t)
                                 for t in window[:words.index("by")]):  # (not "greeted at
            # the airport by X")
            found.append(m)
    return found


BROKERING_OF = re.compile(
    r"\b(?:mediation|auspices|sponsorship|good offices|facilitation) of(?: the)?$")
BROKERING_NOUNS = {"auspices", "mediation", "facilitation"}  # "under Norwegian facilitation"


def _brokers_of_the_last(doc: Doc, tokens: set[int], mentions: list[Mention],
                         told: list[EventDraft]) -> None:
    """ "The meeting was held under the auspices of the co-chairs, A, B and C": they are
    go-betweens of the meeting just told."""
    last = _last_contact(told)
    if last is None:
        return
    for m in mentions:
        if m.start in tokens and not m.modifier and m.kind in ("person", "state",
                                                               "organization") and \
                _acting_as_mediator(doc, m):
            add_party(last, m, "mediator")


def _last_contact(told: list[EventDraft]) -> EventDraft | None:
    """The last meeting or call among the few events told just before."""
    return next((d for d in reversed(told[-4:]) if d.type in CONTACT), None)


def _holders_of_the_last(talks: Token, mentions: list[Mention],
                         told: list[EventDraft]) -> None:
    """ "Kishida arrived for the India-Japan Annual Summit. He and Modi held the summit talks
    at Hyderabad House": the people who held the talks told before are its sides."""
    verb = talks.head
    if talks.dep_ != "dobj" or verb.lemma_.lower() not in LIGHT_VERBS or \
            NOUN_TRIGGERS.get(talks.lower_) not in CONTACT:
        return  # (not "made the trip in 2007")
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    people = [m for m in mentions if m.start in subject and m.kind == "person"
              and not m.modifier]
    last = _last_contact(told)
    sides = {side_of(m) for m in people}
    if last is None or len(sides) < 2 or not sides <= {side_of(p.mention) for p in last.parties}:
        return  # the sides of those talks, not "Koo and Wang held the first talks in 1993"
    for m in people:
        add_party(last, m, "participant")


def _widened_to(talks: Token, mentions: list[Mention], told: list[EventDraft]) -> None:
    """ "After a private conversation between the two leaders, the talks were widened to the
    full delegations, which on the Spanish side included A and B": A and B joined the talks
    told before (the conversation set apart is the same talks)."""
    verb = talks.head
    if talks.dep_ != "nsubjpass" or verb.lemma_.lower() not in {
            "widen", "expand", "extend", "broaden", "enlarge"}:
        return
    joined = {t.i for to in verb.children if to.dep_ == "prep" and to.lower_ == "to"
              for d in to.children if d.lower_ in {"delegation", "delegations", "team", "teams"}
              for c in d.children if c.dep_ == "relcl" and c.lemma_.lower() in (
                  "include", "comprise") for t in c.subtree}
    last = _last_contact(told)
    if last is None:
        return
    for m in mentions:
        if m.start in joined and m.kind == "person" and not m.modifier:
            add_party(last, m, "participant")


# Verbs of what a treaty does to ties: "signed agreements establishing relations with X".
TIE_VERBS = {"establish", "normalise", "normalize", "restore", "resume", "upgrade"}


def _relations_established_with(trigger: Token) -> set[int]:
    """Tokens of the other side of the ties an agreement sets up: "Israel signed agreements
    establishing full diplomatic relations with the United Arab Emirates and Bahrain"."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [
        c for c in trigger.children if c.dep_ == "dobj"]
    return {t.i for n in nouns for acl in n.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in TIE_VERBS
            for w in acl.subtree if w.dep_ == "prep" and w.lower_ == "with"
            and w.head in (acl, *acl.children)
            for p in w.children if p.dep_ == "pobj" for t in p.subtree}


def _present_at_the_opening(talks: Token, mentions: list[Mention],
                            told: list[EventDraft]) -> None:
    """ "The summit opened on Friday with more than 40 heads of state in the hall, among them
    A, B and C": they took part in the summit told before."""
    verb = talks.head
    if talks.dep_ != "nsubj" or talks.lower_ not in SUMMITS or verb.lemma_.lower() not in {
            "open", "begin", "start", "close", "end", "conclude"}:
        return
    named = _named_among(talks.doc, verb, mentions)
    last = next((d for d in reversed(told[-8:]) if d.type == "Meeting"
                 and d.trigger.root.lower_ in SUMMITS), None)
    if last is None:
        return
    for m in mentions:
        if m.start in named and m.kind in ("person", "state", "organization") and not (
                m.modifier or m.as_place):
            add_party(last, m, "participant")


def _after_a_venue(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a city follows a venue and a comma: "at State House, Nairobi"."""
    return mention.start >= 2 and doc[mention.start - 1].text == "," and any(
        m.end == mention.start - 1 and m.kind == "place" for m in mentions)


def _names_another(post: Token, person: Mention, mentions: list[Mention]) -> bool:
    """Whether a post set beside a person names another who holds it, the next item of a
    list: "Hala Zawati, Egyptian Minister of Petroleum Tarek El Molla, …" (not "Celso
    Amorim, chief adviser to Lula", whose post Lula does not hold)."""
    inside = {t.i for t in post.subtree}
    doc = post.doc
    return any(m.kind == "person" and m.start in inside
               and mention_id(m) != mention_id(person) and not m.source.startswith((
                   "rule:role", "ner:ORG", "ner:GPE", "ner:FAC", "ner:NORP"))
               and fold(post.text) in fold(m.title or "").split()
               and (m.end >= len(doc) or doc[m.end].text not in ("'s", "’s"))
               for m in mentions)  # not "the most senior official of President X's team"


def _opened_between(doc: Doc, mention: Mention, trigger: Token) -> bool:
    """Whether a name is the subject of a verb that opened or convened talks between
    others: "Museveni opened a first round between government envoys and CNARED"."""
    verb = trigger.head if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" else trigger
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("open", "convene", "host", "chair"):
        return False
    talks = [c for c in verb.children if c.dep_ == "dobj"]
    return _subject_of(doc, mention, verb) and any(
        c.dep_ == "prep" and c.lower_ == "between" for o in talks for c in o.children)


def _names_after_their_posts(doc: Doc, tokens: set[int], mentions: list[Mention]) -> set[int]:
    """Tokens of a name set off after a post the clause holds, which the parser hung
    elsewhere: "sat down … with the U.N. special envoy for Yemen, Ismail Ould Cheikh
    Ahmed, to agree …"."""
    found: set[int] = set()
    held = set(tokens)
    for m in sorted(mentions, key=lambda m: m.start):
        comma = m.start - 1
        if comma >= 2 and doc[comma].text == "." and \
                fold(doc[comma - 1].text) in COURTESY_TITLES:
            comma -= 2  # "…, Eng. Waleed Elkhereiji"
        elif comma >= 1 and fold(doc[comma].text).rstrip(".") in COURTESY_TITLES:
            comma -= 1  # "…, Mr. Jared Kushner"
        if m.kind != "person" or comma < 1 or m.start in tokens or \
                doc[comma].text != "," or comma - 1 not in held:
            continue
        post = [t for t in doc[max(0, comma - 10):comma] if t.i in held
                and fold(t.text) in TITLE_HEADS]
        if post and (m.title is None or fold(post[-1].text) in fold(m.title).split()):
            found.update(range(m.start, m.end))
            held |= _next_post(doc, m.end)  # "…, Mr. X, the Senior Adviser to the
            # President of the United States, Mr. Y, and the National Security Adviser …"
    return found


def _next_post(doc: Doc, end: int) -> set[int]:
    """Tokens of a post set off after a name, that another name follows: ", the Senior
    Adviser to the President of the United States," after "Mr. El Othmani"."""
    if end >= len(doc) or doc[end].text != ",":
        return set()
    start = end + 1
    if start < len(doc) and doc[start].lower_ == "and":
        start += 1
    stop = start
    while stop < len(doc) and stop - start < 14 and (
            doc[stop].is_title or doc[stop].lower_ in {"of", "the", "to", "for", "and"}):
        stop += 1
    words = {fold(t.text) for t in doc[start:stop]}
    if stop < len(doc) and doc[stop].text == "," and words & TITLE_HEADS:
        return set(range(start, stop))
    return set()


def _broker_by_trade(doc: Doc, mention: Mention) -> bool:
    """Whether a relative clause on a person says he brokers the process: "Norway's envoy
    Dag Nylander, who has facilitated the process since it was launched, attended"."""
    return mention.kind == "person" and any(
        c.dep_ == "relcl" and c.lemma_.lower() in MEDIATION_VERBS
        for c in doc[mention.end - 1].children)


def _acting_as_mediator(doc: Doc, mention: Mention) -> bool:
    """ "with Qatar acting as mediator", "Oman, as a mediator,", "under the mediation of
    Angolan President Lourenco", "under Norwegian auspices", "a US-brokered truce"."""
    start = mention.start
    while start > 0 and (fold(doc[start - 1].text) in TITLE_WORDS | CO_CHAIRS or doc[
            start - 1].ent_type_ in ("NORP", "ORG") or doc[start - 1].lower_ == "the"):
        start -= 1  # "under the mediation of Angolan President Joao Lourenco", "under the
        # auspices of the Minsk Group co-chairs Igor Popov"
    before = " ".join(t.lower_ for t in doc[max(0, start - 3):start])
    if BROKERING_OF.search(before):
        return mention.kind != "organization" or mention.end >= len(doc) or fold(
            doc[mention.end].text) not in CO_CHAIRS | TITLE_HEADS  # not "the Minsk Group" of
        # "under the auspices of the Minsk Group co-chairs A, B and C": whose co-chairs
    earlier = _listed_before(doc, mention)
    if earlier is not None and _acting_as_mediator(doc, earlier):
        return True  # "… co-chairs Igor Popov of Russia, James Warlick of the United States
        # and Pierre Andrieu of France": the whole list
    if start >= 2 and doc[start - 1].text == ",":
        # "under the auspices of Sudan's then-president, Omar al-Bashir": after the title
        title = start - 2
        while title > 0 and (fold(doc[title].text) in TITLE_WORDS | CO_CHAIRS or doc[
                title].text in {"'s", "’s", "-"} or doc[title].ent_type_ in ("GPE", "NORP")
                or doc[title].lower_ in {"then", "former", "the"} or doc[title].lower_ == "of"
                and fold(doc[title - 1].text) in CO_CHAIRS or doc[title].ent_type_ == "ORG"
                and doc[title].text[:1].isupper()):
            title -= 1  # "under the auspices of the co-chairs of the OSCE Minsk Group, X"
        if title < start - 2 and BROKERING_OF.search(
                " ".join(t.lower_ for t in doc[max(0, title - 2):title + 1])):
            return True
    after = [t.lower_ for t in doc[mention.end:mention.end + 3]]
    if after[:1] in (["and"], [","]) and len(after) > 2 and after[2] in BROKERING_NOUNS:
        return True  # "under Cuban and Norwegian mediation"
    for token in doc[mention.end:mention.end + 4]:  # "Saudi-U.S. brokered talks"
        if token.lower_.endswith(("brokered", "mediated", "sponsored")) and token.dep_ in (
                "amod", "compound", "acl") or token.lower_.endswith("-brokered"):
            return True
        if not (token.text in {"-", "–", "/", "and"} or token.ent_type_ in ("GPE", "NORP")
                or token.pos_ == "PROPN"):
            break
    if after[:1] and after[0] in BROKERING_NOUNS or after[:1] in (["-"], ["–"]) and \
            after[1:2] and after[1].endswith(("brokered", "mediated", "hosted", "sponsored")):
        return True
    following = list(doc[mention.end:mention.end + 10])
    while following and (following[0].lower_ in {"and", ",", "the", "'s", "’s"}
                         or following[0].is_title
                         and following[0].lower_ not in {"acting", "serving", "as"}):
        following = following[1:]  # "with Cuba and Norway acting as guarantors"
    words = [t.lower_ for t in following[:6]]
    while words[:1] and words[0] in {"acting", "serving", "seated", "sitting", "between",
                                     "them", "there", "present"}:
        words = words[1:]  # "with Correa and Vázquez seated between them as facilitators"
    if words[:1] != ["as"]:
        return False
    return bool(set(words[1:3]) & BROKER_NOUNS)  # "with Venezuela acting as guarantor"


CO_CHAIRS = {"co-chairs", "co-chair", "co-chairmen", "co-chairman", "chairs"}


def _listed_before(doc: Doc, mention: Mention) -> Mention | None:
    """The person just before in a list of people ("A of Russia, B of the United States and
    C"), with nothing between them but commas, "and" and where each comes from."""
    if mention.kind != "person":
        return None
    people = [m for m in doc._.mentions or [] if m.kind == "person" and m.end <= mention.start
              and m.start >= doc[mention.start].sent.start]
    if not people:
        return None
    last = max(people, key=lambda m: m.end)
    gap = doc[last.end:mention.start]
    places = {i for m in doc._.mentions or [] if m.kind in ("state", "place")
              for i in range(m.start, m.end)}
    words = [t for t in gap if t.i not in places and t.lower_ not in {"of", "the", ","}]
    return last if any(t.text == "," or t.lower_ == "and" for t in gap) and all(
        t.lower_ == "and" for t in words) else None


# Ceremonies a guest attends: being there is no meeting with the one sworn in or buried.
CEREMONIES = {"swearing", "inauguration", "investiture", "funeral", "coronation", "wedding",
              "enthronement"}
# What a country hosts that is no guest: "hosted the Fifth Fleet", "hosts US troops".
GARRISONS = {"fleet", "base", "bases", "troops", "forces", "navy", "garrison", "soldiers",
             "contingent", "headquarters", "squadron", "warships"}
FOUNDING_VERBS = {"launch", "create", "establish", "found", "set", "form", "inaugurate"}
BROKER_NOUNS = {"mediator", "mediators", "broker", "facilitator", "facilitators", "go-between",
                "intermediary", "guarantor", "guarantors"}
VENUES = {"residence", "palace", "office", "home", "house", "villa", "retreat", "estate",
          "headquarters", "compound", "farm", "ranch", "dacha"}
BUILDINGS = {"building", "premises", "seat", "offices", "grounds"}


def _plural_role_people(mention: Mention, mentions: list[Mention]) -> list[Mention]:
    """The people a plural title stands for: "the two Japanese ministers" after "Japanese
    Foreign Minister Yoko Kamikawa and Defence Minister Minoru Kihara"."""
    title = (mention.title or "").lower()
    if not mention.source.startswith("rule:role") or mention.kind != "state" or \
            not title.endswith("s") or not mention.key:
        return []
    head = title.split()[-1][:-1]  # "ministers" -> "minister"
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.start < mention.start and m.kind == "person" and m.affiliation == mention.key \
                and head in (m.title or "").lower() and m.key:
            found.setdefault(m.key, m)
    return list(found.values()) if len(found) >= 2 else []


PRESENCE_OF = re.compile(r"\bpresence of (?:the |his |her |their )?(?:(?:[A-Z][\w.'’-]*|of|the|"
                         r"and|'s|’s),? )*$")


def _in_presence_of(doc: Doc, mention: Mention) -> bool:
    """ "signed … in the presence of U.S. Secretary of State Marco Rubio": an onlooker."""
    start = max(doc[mention.start].sent.start, mention.start - 10)
    return bool(PRESENCE_OF.search(doc[start:mention.start].text_with_ws))


def _visitors_other_than(doc: Doc, m: Mention, verb: Token, mentions: list[Mention],
                         tokens: set[int]) -> bool:
    """Whether the clause's subject is a person other than ``m`` (who is then met)."""
    subjects = {mention_id(x) for x in mentions if x.start in tokens and x.kind == "person"
                and _subject_of(doc, x, verb)}
    return bool(subjects) and mention_id(m) not in subjects


def _in_attendance(doc: Doc, mention: Mention) -> bool:
    """ "…, with Treasury Secretary Mnuchin and the World Bank's president in attendance":
    onlookers, listed after "with" and before "in attendance" or "looking on"."""
    sentence = doc[mention.start].sent
    after = sentence[mention.end - sentence.start:].text.lower()
    close = re.match(r"^[^.;]{0,80}?\b(?:in attendance|looking on|present)\b", after)
    if not close:
        return False
    before = [t.lower_ for t in doc[max(sentence.start, mention.start - 12):mention.start]]
    return "with" in before


# Missions and envoys, and what they are accredited to: "the mission to the United Nations".
MISSION_NOUNS = {"mission", "missions", "embassy", "embassies", "consulate", "ambassador",
                 "ambassadors", "envoy", "envoys", "representative", "representation"}


def _accredited_to(doc: Doc, mention: Mention) -> bool:
    """ "Germany's permanent mission to the United Nations", "the envoy to the African
    Union": the body or state a mission is accredited to, no side of what is told there."""
    prep = doc[mention.end - 1].head
    return prep.lower_ == "to" and prep.dep_ == "prep" and prep.head.lower_ in MISSION_NOUNS


def _owner_of(doc: Doc, mention: Mention, nouns: set[str]) -> bool:
    """Whether a mention owns one of ``nouns`` in the three words after its "'s":
    "Germany's permanent mission", "Anwar's official residence", "Kazakhstan's capital"."""
    return mention.end < len(doc) and doc[mention.end].text in {"'s", "’s"} and any(
        t.lower_ in nouns for t in doc[mention.end + 1:mention.end + 4])


def _mission_of(doc: Doc, mention: Mention) -> bool:
    """ "at Germany's permanent mission", "at Egypt's embassy": a state's mission, which is
    not where the state is."""
    return _owner_of(doc, mention, MISSION_NOUNS)


def _venue_owner(doc: Doc, mention: Mention) -> bool:
    """ "at Anwar's official residence", "at the emir's palace": whose place the talks were in."""
    before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
    return before in {"at", "in"} and _owner_of(doc, mention, VENUES)


def _in_a_building_of(doc: Doc, mention: Mention) -> bool:
    """ "in the building of the Supreme Majlis of the Nakhchivan Autonomous Republic": a
    place named after whose building it is, no side."""
    token = doc[mention.start:mention.end].root
    for _ in range(6):
        if token.dep_ not in ("pobj", "compound", "prep", "appos", "conj") or token.head == token:
            return False
        token = token.head
        if token.lower_ in BUILDINGS and token.dep_ == "pobj" and \
                token.head.lower_ in {"at", "in", "inside"}:
            return True
    return False


def _names_the_venue(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """ "at the General Secretariat of the Gulf Cooperation Council (GCC)": the body whose
    seat the venue is, named in it or again after it, hosts the others' talks."""
    return any(p.kind == "place" and p.start < mention.start and mention.end <= p.end
               for p in mentions) or mention.start >= 2 and doc[
        mention.start - 1].text == "(" and any(
        p.end == mention.start - 1 and (p.kind == "place" or p.as_place)
        and fold(mention.label) in fold(p.text) for p in mentions)


OBSERVERS = {"observer", "observers", "guest", "guests", "witness", "witnesses"}


def _as_observer(doc: Doc, mention: Mention) -> bool:
    """ "with the World Bank as an observer", "with the ambassadors of the United States and
    China sitting in as observers": onlookers, no party."""
    after = [t.lower_ for t in doc[mention.end:mention.end + 3]]
    if bool(after) and after[0] == "as" and any(w in OBSERVERS for w in after[1:]):
        return True
    sentence = doc[mention.start].sent
    rest = doc[mention.end:min(sentence.end, mention.end + 10)]
    tail = re.match(r"^(?:\s*(?:and|,|the|[A-Z][\w.'’-]*))*\s*(?:sitting|looking|taking "
                    r"part|present|attending)?\s*(?:in|on)?\s*as (?:an? )?(?:observers?|"
                    r"guests?|witness(?:es)?)\b", rest.text)
    before = [t.lower_ for t in doc[max(sentence.start, mention.start - 10):mention.start]]
    return bool(tail) and "with" in before


SENT_BY = {"delegation", "delegations", "team", "teams", "mission", "negotiators", "envoys",
           "representatives"}


def _sat_in_there(verb: Token) -> bool:
    """ "held talks with X at his office, where A, B and C also sat in": they sat in on the
    talks the sentence told (but "sat in on the session", a list the attendance reads)."""
    where = verb.dep_ == "relcl" and verb.left_edge.lower_ == "where"
    return verb.lemma_.lower() == "sit" and where and any(
        c.dep_ == "prt" and c.lower_ == "in" for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def _of_a_title_or_gathering(doc: Doc, mention: Mention) -> bool:
    """A body named as the "of" of a title, a person or a gathering: "the First Secretary of
    the Central Committee of the Communist Party", "Zúñiga of the National Security Council",
    "a summit of the Quad grouping". The body is whose post, member or meeting it is, not a
    party of its own."""
    token = doc[mention.end - 1]
    while token.dep_ in ("compound", "appos", "conj") and token.head is not token:
        token = token.head
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "for"):
            return False
        owner = token.head.head
        if token.head.lower_ == "for":  # "the Cabinet Secretary for Foreign and Diaspora
            return fold(owner.text) in TITLE_WORDS  # Affairs": a post's field, no body
        if owner.lower_ in SENT_BY:
            return False  # "a delegation of Hamas": Hamas, sent
        if owner.ent_type_ == "PERSON" and owner.pos_ == "PROPN":
            return True  # "Ricardo Zúñiga of the National Security Council": his body
        if fold(owner.text) in TITLE_WORDS and owner.tag_ in ("NN", "NNP") or \
                owner.lower_ in GATHERINGS | {"meeting", "summit"}:  # not "leaders of the EU"
            return True
        token = owner  # "of the Central Committee of the Communist Party"
    return False


def _makers(noun: Token, mentions: list[Mention]) -> set[int]:
    """Tokens of a relative clause on an event noun that names who made it:
    "the working visit that Videgaray and Guajardo made to Washington" (told here, not
    before)."""
    starts = {m.start for m in mentions if m.kind in ("person", "state")}
    return {t.i for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in {
        "make", "pay", "undertake", "hold", "conduct"} and any(
        s.dep_ == "nsubj" and any(t.i in starts for t in s.subtree) for s in c.children)
        for t in c.subtree}


def _object_of_the_relative(mention: Mention, verb: Token) -> bool:
    """Whether a name is what the object pronoun of a relative clause stands for: Erdogan in
    "Erdogan, whom Tebboune received on 26 January" (the one received, not the host)."""
    return verb.dep_ == "relcl" and mention.start <= verb.head.i < mention.end and any(
        c.dep_ == "dobj" and c.lower_ in {"whom", "who"} for c in verb.children)


def _subject_of(doc: Doc, mention: Mention, verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("nsubj",) and mention.start <= child.i < mention.end + 8:
            if any(t.i in range(mention.start, mention.end) for t in child.subtree):
                return True
        if child.dep_ == "nsubj":  # "the U.S. and the EU have taken a role in mediating"
            head = doc[mention.end - 1]
            while head.dep_ in ("conj", "compound", "flat", "appos") and head.head != head:
                head = head.head
                if head.dep_ == "pobj" and head.head.head.lower_ in TITLE_HEADS:
                    head = head.head.head  # "the EU's special envoy for the dialogue,
                    # Miroslav Lajcak": the name hung on the post's last word
                if head == child:
                    return True
            # "A delegation led by X flew to Niamey": X leads the subject
            by = next((a for a in head.ancestors if a.lower_ == "by"), None)
            if by is not None and by.head.lemma_.lower() in {"lead", "head"} and \
                    by.head.head == child and child.lower_ in {
                        "delegation", "team", "mission", "group", "side"}:
                return True
            if by is not None and by.head.lemma_.lower() in {"join", "accompany"} and \
                    by.head.dep_ == "acl" and by.head.head == child:
                return True  # "Qatari officials, joined by McGurk, carried proposals …"
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "among" \
            and any(c.lower_ in {"who", "that"} for c in verb.children if c.dep_ == "nsubj"):
        # "X was among the heads of state who travelled to Brasília": X travelled
        return _subject_of(doc, mention, verb.head.head.head)
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who"
                                    for c in verb.children):
        named = verb.head  # "X, who chaired most of …"; "Y's minister, X, who chaired"
        return any(mention.start <= t.i < mention.end for t in (
            named, *(a for a in named.children if a.dep_ == "appos"),
            *([named.head] if named.dep_ == "appos" else [])))
    return False


def _location(doc: Doc, mentions: list[Mention], tokens: set[int],
              towards: bool = False) -> Mention | None:
    """Where: a place after in/at (or to, for a visit); a venue "in <city>" gives the city."""
    found = _first_location(doc, mentions, tokens, towards)
    if found is None:
        return None
    gap = 2 if found.end + 1 < len(doc) and doc[found.end + 1].lower_ == "the" else 1
    following = [m for m in mentions if m.start == found.end + gap and found.end < len(doc)
                 and doc[found.end].lower_ == "in" and (m.kind == "place" or m.as_place)
                 and not (m.kind == "state" and m.source not in ("kb:capital", "kb:seat",
                                                                  "rule:capital-of")
                          and fold(m.text) not in big_cities())]  # Singapore is a city
    # "at Argyle airport in St Vincent and the Grenadines": the venue, not the country
    if following and found.source.startswith("ner:"):
        return following[0]
    return found


def _nested_clauses(root: Token, trigger: Token) -> set[int]:
    """Tokens of clauses that describe a noun of the clause ("a plan to build a port in
    Somaliland", "envoys who had flown in from Doha"): where they place things is not where
    the event was. Clauses describing the event's own noun ("talks, held in Doha") count."""
    out: set[int] = set()
    for token in root.subtree:
        if token.pos_ == "VERB" and token.dep_ in ("acl", "relcl", "xcomp") and \
                token.head.pos_ in ("NOUN", "PROPN") and token.head != trigger and \
                trigger not in token.subtree:
            kept = _said_after_the_leader(token)
            out.update(t.i for t in token.subtree if t.i not in kept)
        if token.dep_ == "ccomp" and trigger not in token.subtree and \
                token.head.lemma_.lower() in REPORTING | {"warn", "remind", "assure"}:
            out.update(t.i for t in token.subtree)  # "held talks with Srettha, telling the
            # Thai leader that 150 students from Thailand were studying in Russia": what
            # was said places nothing
    return out | _reference_clauses(root, trigger)


def _said_after_the_leader(participle: Token) -> set[int]:
    """Tokens of the phrases after "by X" in "talks with a team led by X in Jeddah on
    Saturday": the parser hangs them on "led", but they place and date the talks."""
    agent = next((c for c in participle.children if c.dep_ == "agent"), None)
    if participle.dep_ != "acl" or participle.lemma_.lower() not in ("lead", "head") or \
            agent is None:
        return set()
    return {t.i for c in participle.children if c.dep_ in ("prep", "npadvmod")
            and c.i > agent.i for t in c.subtree}


def _apart_in_time(first: Token, second: Token) -> bool:
    """Whether one of two triggers is told only as a point of reference for the other:
    "hosted the summit, the first since the leaders gathered in Chengdu"; "held talks …
    days after Tehran's talks with Washington"."""
    return first.i in _reference_clauses(first.sent.root, second) or \
        second.i in _reference_clauses(second.sent.root, first) or \
        _after_the_other(first, second) or _after_the_other(second, first) or \
        _counted_back(first, second) or _counted_back(second, first)


def _counted_back(verb: Token, other: Token) -> bool:
    """Whether a verb is dated by a count back of its own that ``other`` is outside: "arrived
    in Geneva from Washington, where a day earlier he had met Rubio"."""
    return other not in verb.subtree and any(
        c.lower_ in {"earlier", "before"} and any(
            n.lower_ in {"day", "days", "week", "weeks"} for n in c.children)
        for c in verb.children)


def _dated_apart(first: EventDraft, second: EventDraft) -> bool:
    """Whether two events of one sentence each have a date of their own that cannot be one
    day: "talks with Putin in October, and … went over it again in a call on Wednesday"."""
    return bool(first.date and second.date and not first.soft_date
                and not second.soft_date and not dates_agree(first.date, second.date))


def _on_a_party(clause: EventDraft, other: EventDraft) -> bool:
    """Whether an event is told in a relative clause on one of another's parties: "held talks
    with Oli, whom he had last met in New York in September" tells two occasions."""
    verb = clause.trigger.root
    if verb.dep_ != "relcl" or other.trigger.root in verb.subtree:
        return False
    return _another_deal(verb) or any(m.start <= verb.head.i < m.end and m.kind == "person"
                                      for m in verb.doc._.mentions or [])


def _another_deal(verb: Token) -> bool:
    """Whether a relative clause tells of a deal of its own: "a declaration of peace between
    Israel and Bahrain, whose deal was agreed only last Friday" (but "…, whose negotiations
    were concluded in Montevideo": the agreement itself)."""
    return verb.dep_ == "relcl" and any(
        c.dep_.startswith("nsubj") and NOUN_TRIGGERS.get(c.lower_) == "Agreement"
        and any(d.lower_ == "whose" for d in c.children) for c in verb.children)


def _told_for_reference(trigger: Token) -> bool:
    """Whether an event noun is told only to date another: "… days after a call between
    Biden and Xi", "a week before talks in Doha"."""
    word = trigger.head
    return trigger.dep_ == "pobj" and word.lower_ in EVENT_REFERENCE_WORDS and word.i > 0 \
        and word.doc[word.i - 1].lower_ in DURATIONS | {
            "day", "week", "month", "year", "shortly", "soon"}


def _after_the_other(trigger: Token, other: Token) -> bool:
    """Whether ``trigger`` is the object of "days after", "a week before" … that ``other``
    does not share ("… in Beijing, days after Tehran's talks with Washington"); not "agreed
    a ceasefire after Angola-mediated talks", the talks that led to it."""
    return _told_for_reference(trigger) and other not in trigger.head.subtree


def _reference_clauses(root: Token, trigger: Token,
                       words: set[str] | None = None) -> set[int]:
    """Tokens of clauses that only give a point of reference: "the first summit since the
    leaders gathered in Chengdu in 2019" (not when or where this one was); ``words`` open
    them (by default, since, until, by, till, before and after)."""
    words = EVENT_REFERENCE_WORDS if words is None else words
    return {t.i for token in root.subtree if trigger not in token.subtree
            and (_opens_reference(token, words) or _since_a_happening(token))
            for t in token.subtree} | {
        t.i for token in root.subtree if trigger not in token.subtree
        and (opener := _opened_by(token, words)) is not None
        for t in token.subtree if t.i > opener}  # (not "on October 31, the day after
    # Lula defeated Bolsonaro", the date the parser hung on "defeated")


def _since_a_happening(prep: Token) -> bool:
    """Whether "since" opens a phrase on something that happened: "his first state visit
    since his election in February" (not "talks held since Monday")."""
    return prep.dep_ == "prep" and prep.lower_ == "since" and any(
        c.dep_ == "pobj" and c.pos_ == "NOUN" and c.ent_type_ != "DATE" for c in prep.children)


def _opens_reference(verb: Token, words: set[str]) -> bool:
    """Whether a verb heads a clause one of ``words`` opens: "since he took office", "since
    succeeding his father, Hun Sen"."""
    return verb.pos_ in ("VERB", "AUX") and (any(c.dep_ == "mark" and c.lower_ in words
                                                 for c in verb.children)
                                             or verb.dep_ == "pcomp" and verb.tag_ == "VBG"
                                             and verb.head.lower_ in words)


def _where(doc: Doc, root: Token, mentions: list[Mention]) -> Mention | None:
    """ "flew to Asmara, where he held talks": the place a "where" clause hangs on."""
    clause = root
    while clause.dep_ == "conj":
        clause = clause.head
    opener = clause.left_edge
    if clause.dep_ in ("relcl", "advcl") and opener.lower_ == "where" and opener.i >= 2:
        # "from Ankara, where earlier in the day he held talks": the parser hangs "where" on
        # "earlier", and the clause on "Ankara" or on the verb of the journey
        just = opener.i - 1 - (doc[opener.i - 1].text == ",")
        for m in mentions:
            if m.start <= just < m.end and (m.kind in ("place", "state") or m.as_place):
                return replace(m, as_place=True)
    if clause.dep_ != "relcl" or not any(c.lower_ == "where" for c in clause.children):
        return None
    head = clause.head
    for m in mentions:
        if m.start <= head.i < m.end and (m.kind in ("place", "state") or m.as_place):
            return replace(m, as_place=True)
    if head.lower_ in JOURNEY_STAYS or head.ent_type_ in ("TIME", "DATE"):
        # "flew to N'Djamena for a stop of a few hours, where Déby held talks with him": the
        # place the journey went to, just before
        went = [m for m in mentions if head.sent.start <= m.start < head.i and m.start > 0
                and doc[m.start - 1].lower_ in {"to", "in", "into", "at"} and (
                    m.kind == "place" or m.as_place or m.source.startswith("kb:capital"))]
        return replace(went[-1], as_place=True) if went else None
    return None


# Nouns of a stay a "where" clause can hang on: "a stop of a few hours, where …".
JOURNEY_STAYS = JOURNEY_NOUNS | {"stop", "hours", "days"}


def _there(root: Token, mentions: list[Mention]) -> Mention | None:
    """ "The last stop was Abuja. There Tillerson met Buhari": the place the sentence before
    named last, for a clause opened by "there"."""
    clause = root
    while clause.dep_ == "conj":
        clause = clause.head
    sentence = clause.sent
    if sentence.start == 0 or not any(
            c.lower_ == "there" and c.dep_ == "advmod" and c.i - sentence.start <= 1
            for c in clause.children):
        return None
    before = clause.doc[sentence.start - 1].sent
    places = [m for m in mentions if before.start <= m.start < before.end and not m.modifier
              and (m.kind == "place" or m.as_place or m.source in ("kb:capital", "kb:seat"))]
    return replace(places[-1], as_place=True) if places else None


def _only_place(doc: Doc, sentence: Span, mentions: list[Mention], topic_tokens: set[int],
                told: list[EventDraft], visit: bool = False) -> Mention | None:
    """The one place a sentence names after "in", "at" or "city of", when the clause
    names none: "meeting on the sidelines of the summit in the Russian city of Kazan";
    none when an event already ``told`` of the sentence is elsewhere ("visited Tehran and
    was received by Raisi, while … in Jeddah")."""
    places = []
    for m in mentions:
        if not sentence.start <= m.start < sentence.end or m.start in topic_tokens or \
                m.modifier or m.source.endswith("+dateline"):
            continue
        if not (m.kind == "place" or m.as_place or m.source == "kb:capital"):
            continue
        before = doc[m.start - 1].lower_ if m.start > 0 else ""
        before2 = doc[m.start - 2].lower_ if m.start > 1 else ""
        if _describes_a_thing(doc, m, visit):
            continue  # "a gas hub in Turkey"
        if _in_a_plan(doc[m.start]):
            continue  # "agreed to set up a mechanism, with its first meeting to be held in
            # Chad": where something is to happen, not where they agreed
        if before in {"in", "at"} or before == "of" and before2 in PLACE_NOUNS:
            places.append(m)
    if len({mention_id(m) for m in places}) != 1:
        return None
    if any(d.sentence.start == sentence.start and d.location is not None
           and mention_id(d.location) != mention_id(places[0]) for d in told[-6:]):
        return None  # another event of the sentence is elsewhere
    return replace(places[0], as_place=True)


def _in_a_plan(token: Token) -> bool:
    """Whether a word lies in a clause of what is to happen: "its first meeting to be held
    in Chad", "talks that will take place in Doha"."""
    return any(a.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in {"to", "will", "would", "shall"}
        for c in a.children) for a in token.ancestors)


def _city_ending_topic(doc: Doc, mentions: list[Mention], tokens: set[int]) -> Mention | None:
    """ "signed an agreement on power exports in Addis Ababa", "talks on the dam in Cairo":
    a city closing what the event was about is, as annotators read it, where it was (a
    country there stays a topic: "security in the Sahel", "cooperation in Africa")."""
    for m in mentions:
        if m.start not in tokens or m.start == 0 or doc[m.start - 1].lower_ not in {"in", "at"}:
            continue
        city = m.source in ("kb:capital", "kb:seat") or m.kind == "place" and (
            fold(m.text) in big_cities()  # a city of the world, not "Central Asia"
            or any(n.start == m.end + 1 and n.kind == "place" and doc[m.end].text == ","
                   for n in mentions))  # "in Palenque, Chiapas": a town and its region
        after = doc[m.end] if m.end < len(doc) else None
        if city and (after is None or after.is_punct or after.ent_type_ == "DATE"
                     or after.lower_ in {"on", "last", "this", "in", "and"}):
            return replace(m, as_place=True)
    return None


PLACE_NOUNS = {"city", "town", "resort", "capital", "port", "village", "region", "province",
               "island", "enclave", "district", "governorate", "state"}
PARTS_OF_A_VENUE = {"grounds", "premises", "gardens", "courtyard"}
# Where one is welcomed to: "welcomed him to the capital", "to the ministry".
WELCOMING_PLACES = VENUE_WORDS | PLACE_NOUNS | {
    "country", "headquarters", "office", "seat", "building", "premises", "ministry", "embassy"}


def _first_location(doc: Doc, mentions: list[Mention], tokens: set[int],
                    towards: bool = False) -> Mention | None:
    for m in mentions:
        if m.start in tokens and m.start >= 2 and doc[m.start - 1].lower_ == "of" and \
                doc[m.start - 2].lower_ in PLACE_NOUNS | PARTS_OF_A_VENUE and (
                    m.kind == "place" or m.as_place or m.source == "kb:capital"):
            return replace(m, as_place=True)  # "in the Russian resort town of Sochi", "in
            # the grounds of State House"
        if m.start in tokens and not m.modifier and _after_place_noun(doc, m) and (
                m.kind == "place" or m.as_place or m.source == "kb:capital"):
            return replace(m, as_place=True)  # "in the capital Naypyitaw"
    dateline = None
    for m in mentions:
        if m.start not in tokens or m.modifier:
            continue
        if m.source.endswith("+dateline"):
            dateline = dateline or m  # "WASHINGTON - … as they held talks at the White
            continue  # House": the place the sentence names first
        before = doc[m.start - 1].lower_ if m.start > 0 else ""
        if before in COMPASS and m.start > 1 and doc[m.end - 1].dep_ == "pobj":
            before = doc[m.start - 2].lower_  # "in northern Cyprus"
        head = doc[m.start]
        while head.dep_ == "conj" and head.head != head:
            head = head.head  # "from Brussels and Washington"
        if head.dep_ == "pobj" and head.head.lower_ in {"to", "from", "into"}:
            before = head.head.lower_
        if before in {"to", "from", "into"} and not towards or before in {
                "around", "across", "outside"}:
            continue  # "aid to Gaza": a destination is where only a visit takes place; "the
            # ceasefire around Nagorno-Karabakh": where the ceasefire holds
        if before in {"in", "at"} and _describes_a_thing(doc, m, towards):
            continue  # "proposed the creation of a gas hub in Turkey": where the hub is
        if m.kind == "state" and _mission_of(doc, m):
            continue  # "at Germany's permanent mission … in Geneva": Geneva
        if m.kind == "place" or m.as_place:
            if before in {"in", "at", "to"} or m.as_place or towards and before == "into":
                return m
        if m.kind == "state" and before in {"in", "at"} and m.source != "kb:demonym":
            return m
    return dateline


CONFLICTS = {"war", "conflict", "fighting", "crisis", "violence", "insurgency", "unrest"}


def _describes_a_thing(doc: Doc, mention: Mention, visit: bool = False) -> bool:
    """Whether "in <country>" (a state, not its capital) says where a thing is, not where
    the event was: "proposed the creation of a gas hub in Turkey", "the war in Ukraine". For
    a visit, only a war or a crisis ("his first trip since the war in Sudan"): "visits troops
    in Mozambique" went where the troops are."""
    if mention.kind != "state" or mention.source in ("kb:capital", "kb:seat"):
        return False
    token = doc[mention.end - 1]
    prep = token.head
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
        prep = token.head
    noun = prep.head
    if visit and noun.lower_ not in CONFLICTS:
        return False
    return token.dep_ == "pobj" and prep.lower_ in {"in", "at"} and noun.pos_ == "NOUN" and \
        noun.lower_ not in NOUN_TRIGGERS and noun.lower_ not in GATHERINGS and \
        noun.lower_ not in SIDELINES | VENUE_NOUNS | {"visit", "trip", "tour", "stop", "ceremony"}


# Nouns for where an event was held: "at an undisclosed location in Switzerland".
VENUE_NOUNS = {"location", "venue", "site", "retreat", "compound"}


def _after_place_noun(doc: Doc, mention: Mention) -> bool:
    """Whether a place follows "in"/"at" and a noun saying what it is: "in the capital
    Naypyitaw", "at the Saudi port city Jeddah"."""
    i = mention.start - 1
    if i < 2 or doc[i].lower_ not in PLACE_NOUNS:
        return False
    for token in reversed(doc[max(0, i - 5):i]):
        if token.lower_ in {"in", "at"}:
            return True
        if not (token.pos_ in ("DET", "ADJ", "PROPN", "NOUN") or token.tag_ == "POS"):
            return False
    return False


def _reported_date(trigger: Token, published: date | None) -> str | None:
    """ "Sheinbaum said on Monday that she had agreed with Trump, in a call that morning";
    "… agreed to set aside the dispute, Erdogan said late on Wednesday": an undated event
    told in a dated report happened by the report's day."""
    head = trigger
    for _ in range(6):
        if head.head is head:
            return None
        head = head.head
        if head.lemma_.lower() in REPORTING and head.pos_ == "VERB":
            for child in head.children:
                if child.dep_ in ("prep", "npadvmod", "advmod"):
                    for ent in head.doc.ents:
                        if ent.label_ == "DATE" and child.left_edge.i <= ent.start <= \
                                child.right_edge.i:
                            value = normalize_date(ent.text, published)
                            if value:
                                return value
            return None
    return None


def _host_clause_date(trigger: Token, root: Token, sentence: Span, published: date | None
                      ) -> str | None:
    """ "… set up a partnership in July 2013 during an official visit to Washington by
    Truong Tan Sang, who held talks with Obama": an event told in a "during" phrase, in
    a relative clause on someone of it, or in an "as" clause ("Pakistan and Iran pledged on
    Monday …, as Raisi held talks with Sharif") is dated by the clause it hangs from."""
    while_clause = root.dep_ == "advcl" and _opens_reference(root, TIME_MARKS)
    if root.dep_ == "advcl" and _opens_reference(root, {"after", "before"}) and not any(
            c.dep_ == "npadvmod" or c.dep_ == "advmod" and t.dep_ == "mark"
            for t in [root, *root.children] if t.dep_ in ("advcl", "mark") for c in t.children):
        # "The summit opened on Thursday after the visiting leaders called on X": that day
        # (not "a year after Albanese travelled …")
        head = {t.i for t in root.head.subtree} - {t.i for t in root.subtree}
        day = _date(sentence, head, published)
        return day if day and len(day) == 10 else None
    inner = root if root.dep_ == "relcl" or while_clause else trigger
    head = inner.head
    if inner.dep_ == "relcl":
        while head.dep_ in ("pobj", "prep", "appos", "compound") and head.head != head:
            head = head.head  # up from "Truong Tan Sang" to the visit, then its clause
    if not (inner.dep_ == "relcl" or while_clause
            or inner.dep_ == "pobj" and head.lower_ == "during"):
        return None
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    own = {t.i for t in inner.subtree}
    if while_clause:  # "while Kishida spoke … in September", not "Muizzu, who won last year"
        clause = own - {t.i for t in inner.subtree if t != inner and t.dep_ in (
            "relcl", "acl", "ccomp", "advcl") for t in t.subtree}
        if own_date := _date(sentence, clause, published):
            return own_date
    tokens = {t.i for t in head.subtree} - own
    return _date(sentence, tokens, published) if tokens else None


RECALLING = {"recall", "remember", "recollect", "mention", "cite", "hail", "praise"}


def _recalled_date(trigger: Token, published: date | None) -> str | None:
    """ "Recalling his state visit to Sri Lanka in 2014, Xi said …": the parse hangs the
    date on the verb that recalls the event; it is the event's."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "dobj" or \
            trigger.head.lemma_.lower() not in RECALLING:
        return None
    verb = trigger.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on"} and child.i > trigger.i:
            for ent in verb.doc.ents:
                if ent.label_ == "DATE" and child.i < ent.start <= child.right_edge.i:
                    return normalize_date(ent.text, published, year=narrative_year(ent))
    return None


DASHES = {"-", "–", "—", "--"}
# A date after these words is a reference point, not when something happened: "since 2015",
# "until 2019"; an event's own date is not one "before Monday's" or "after 2020" either.
REFERENCE_WORDS = {"since", "until", "by", "till"}
EVENT_REFERENCE_WORDS = REFERENCE_WORDS | {"before", "after"}


def _began_since(prep: Token, trigger: Token | None) -> bool:
    """Whether "since" dates the start of what the trigger's perfect tells: "Lourenco has
    mediated between Kinshasa and Kigali since 2022" began in 2022."""
    return trigger is not None and prep.lower_ == "since" and prep.head == trigger and any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in trigger.children) and any(
        c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)


def _by_then(ent: Span) -> bool:
    """ "By Friday afternoon he was in Doha": a fronted "by" before a told past is when,
    not a deadline."""
    by = ent.doc[ent.start - 1]
    root = ent.sent.root
    return by.lower_ == "by" and by.i == ent.sent.start and root.tag_ == "VBD" and \
        root.lemma_.lower() != "have"


def _reference_point(ent: Span, words: set[str], trigger: Token | None = None) -> bool:
    """Whether a date only marks a point others are measured from: "since 2015", or
    inside a clause "since he took office in 2014" (one that does not hold ``trigger``)."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in words:
        return not _began_since(ent.doc[ent.start - 1], trigger) and not _by_then(ent)
    for head in (ent.root, *ent.root.ancestors):
        if trigger is not None and (head == trigger or head.is_ancestor(trigger)):
            return False
        opener = _opened_by(head, words)
        if _opens_reference(head, words) or opener is not None and ent.start > opener:
            return True
        if head.dep_ == "pcomp" and head.head.lower_ in words:
            return True  # "since returning to office in December 2022"
    return False


def _opened_by(verb: Token, words: set[str]) -> int | None:
    """Where one of ``words`` opens a verb's clause that the parser did not hang on it:
    "the first between the two since Riyadh and Tehran agreed in Beijing in March" (the
    parser made "since" a preposition of "two"); None when none does."""
    if verb.pos_ != "VERB":
        return None
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].pos_ in ("PROPN", "DET", "CCONJ") \
            and verb.doc[i].dep_ != "mark":
        i -= 1
    opens = i < verb.i - 1 and verb.doc[i].lower_ in words - {"by"} and verb.doc[i].pos_ in (
        "SCONJ", "ADP")  # (not "received by Sultan Qaboos bin Said", "Said" taken for a verb)
    return i if opens else None


THAT_TIME = re.compile(r"\b(?:that|the same) (?:month|year)\b", re.I)


def in_dateline(ent: Span) -> bool:
    """ "JEDDAH, May 21 (Reuters) - …", or a date alone on its line: the day of the report,
    not of what it tells."""
    sentence = ent.sent
    line = ent.doc[paragraph_start(ent.doc, ent.start):ent.end]
    if all(t.ent_type_ == "DATE" or t.is_punct or t.is_space for t in line) and (
            ent.end == len(ent.doc) or "\n" in ent.doc[ent.end - 1].text_with_ws
            or ent.doc[ent.end].is_space):
        return True
    before = ent.doc[sentence.start:ent.start]
    if len(before) > 4 and not (len(before) <= 12 and all(
            t.is_punct or t.pos_ == "PROPN" or t.is_space for t in before)):
        return False  # (but "LA CELLE-SAINT-CLOUD, France, July 26 — …": a long place)
    if any(t.pos_ == "ADP" for t in before):
        return False  # "On July 26 - a Tuesday - Biden met Modi": the day told
    depth = 0
    for token in ent.doc[ent.end:min(ent.end + 6, len(ent.doc))]:
        # "Tegucigalpa, 28 January 2022. – …", "MEXICO CITY (Sept 19) — …"
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and token.text in DASHES:
            return True
        elif depth == 0 and token.is_alpha:
            return False
    return False


def _date_text(ent: Span) -> str:
    """A date entity's words without a name the NER ran into it: "In [August Saudi
    Arabia's] national security adviser …" is August."""
    for token in ent[1:]:
        if token.pos_ == "PROPN" and token.is_alpha and token.lower_ not in MONTHS and \
                token.lower_ not in WEEKDAYS and not token.like_num:
            return ent.doc[ent.start:token.i].text
    return ent.text


def _date(sentence: Span, tokens: set[int], published: date | None,
          trigger: Token | None = None) -> str | None:
    """The first date of the clause (of ``trigger``'s, when given); a date without a year
    lies in the year the paragraph has just named ("… visit to China in October 2022.
    During that trip, on October 31 …")."""
    ents = list(sentence.ents)
    clause = _clause_root(trigger) if trigger is not None else None
    own: set[int] = set()
    if clause is not None and clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX"):
        # "X received Y in August 2020, and when Biden hosted him in July 2021, the two
        # agreed …": the dates of its own clause first
        own = {e.start for e in ents if _of_the_clause(e, clause)}
        ents.sort(key=lambda e: e.start not in own)
    for ent in ents:
        if not _is_date(ent) or ent.start not in tokens | own or in_dateline(ent):
            continue
        if ent.text.lower() == "overnight" and ent.root.dep_ in ("amod", "compound"):
            continue  # "overnight talks": talks through the night, not last night
        if _reference_point(ent, EVENT_REFERENCE_WORDS, trigger):
            continue  # "the first visit since 2015", "the summit before Monday's": not then
        if trigger is not None and ent.root.dep_ in ("nummod", "compound", "amod") and \
                ent.root.head.pos_ in ("NOUN", "PROPN") and ent.root.head != trigger \
                and YEAR.fullmatch(ent.text) and trigger not in ent.root.head.subtree:
            continue  # "agreed to reaffirm the 2008 Strategic Framework Agreement": its year;
            # but "a 2013 agreement reached in Brussels …, brokered by Ashton" is then
        if THAT_TIME.search(ent.text):  # "earlier that month": the month the story told
            value = _that_time(ent.text, ent.doc, ent.start, published)
            if value:
                return value
            continue
        text = _date_text(ent)
        after = ent.doc[ent.end:ent.end + 2]
        if len(after) == 2 and after[0].text == "," and YEAR.fullmatch(after[1].text):
            text += ", " + after[1].text  # "Jan 5, 2021" when the NER stopped at "Jan 5"
        value = normalize_date(text, published, year=narrative_year(ent))
        if value:
            return value
    dated = {i for e in sentence.ents if e.label_ == "DATE" for i in range(e.start, e.end)}
    for token in sentence:  # "Xi called Marcos by phone that month", which the NER left out
        if token.i in tokens and token.i not in dated and token.i + 1 < sentence.end and \
                THAT_TIME.fullmatch(f"{token.lower_} {token.nbor().lower_}"):
            value = _that_time(f"{token.lower_} {token.nbor().lower_}", sentence.doc,
                               token.i, published)
            if value:
                return value
    for found in SAME_DAY.finditer(sentence.text):  # "held talks the same day"
        at = sentence.char_span(found.start(), found.end(), alignment_mode="expand")
        if at is not None and at.start in tokens:
            told = (normalize_date(e.text, published) for e in reversed(
                paragraph_dates_before(sentence.doc, at.start, True))
                if not SAME_DAY.search(e.text))
            value = next((v for v in told if v), None)
            if value:
                return value
    comma = next((t.i for t in sentence[:14] if t.text == ","), None)
    for ent in sentence.ents:  # a fronted date covers the sentence: "On July 24, …, where …"
        if ent.label_ != "DATE" or in_dateline(ent):
            continue
        fronted = comma is not None and sentence[0].pos_ == "ADP" and ent.end <= comma and \
            ent.doc[ent.start - 1].lower_ in {"on", "in"}  # "During his stay on Sunday, …"
        opening = ent.start - sentence.start == 1 and sentence[0].lower_ in {"on", "in"}
        fronted = fronted or comma is not None and ent.start < comma and \
            sentence[0].lower_ in TIME_MARKS  # "As Goma fell in late January, Rubio telephoned …"
        if (ent.start - sentence.start <= 2 or fronted) and ent.end < len(ent.doc) and (
                ent.doc[ent.end].text == "," or ent[-1].text == "," or opening):
            # "On April 12 Syria's minister …", "On December 24 that year, …"
            value = _that_time(ent.text, ent.doc, ent.start, published) if THAT_TIME.search(
                ent.text) else normalize_date(_date_text(ent), published,
                                              year=narrative_year(ent))
            if value:
                return value
    return _fronted_to_clause(sentence, tokens, published) or _just_after(
        sentence, trigger, published)


def _a_persons_name(token: Token) -> bool:
    """Whether a token is in a person's name the mentions found, whatever the tagger made of
    it: "May" as a month or a modal, after "Theresa May"."""
    doc = token.doc
    return doc.has_extension("mentions") and any(
        m.kind == "person" and m.start <= token.i < m.end for m in doc._.mentions or [])


def _is_date(ent: Span) -> bool:
    """A date, or a time that says the day: "last night" (tagged a time) was yesterday; not
    a name the NER took for a month ("On the sidelines, May held talks", after "Theresa
    May")."""
    if len(ent) == 1 and _a_persons_name(ent[0]):
        return False
    return ent.label_ == "DATE" or ent.label_ == "TIME" and bool(DAY_TIMES.search(
        ent.text.lower()))


def _just_after(sentence: Span, trigger: Token | None, published: date | None
                ) -> str | None:
    """ "congratulated Wong in a call shortly after he was sworn in on May 15": an event
    told "shortly after", "soon after" or "days after" a dated one came in its month."""
    if trigger is None:
        return None
    for ent in sentence.ents:
        if ent.label_ != "DATE":
            continue
        for head in (ent.root, *ent.root.ancestors):
            mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "after"),
                        None) if head.pos_ in ("VERB", "AUX") else None
            if mark is None and head.lower_ == "after" and head.dep_ == "prep":
                mark, head = head, head
            if mark is None:
                continue
            near = mark.i > 0 and sentence.doc[mark.i - 1].lower_ in {
                "shortly", "soon", "just", "immediately", "right", "days", "hours"}
            attached = head.head == trigger or head.head.is_ancestor(trigger)
            value = normalize_date(ent.text, published, year=narrative_year(ent)) \
                if near and attached else None
            if value:
                return value[:7]
            break
    return None


def _fronted_to_clause(sentence: Span, tokens: set[int], published: date | None
                       ) -> str | None:
    """ "…, and in March last year Mr Assad was received in Abu Dhabi": a date told just
    before a coordinated clause's subject dates that clause, wherever the parse hung it."""
    if not tokens:
        return None
    first = min(tokens)
    for ent in sentence.ents:
        if ent.label_ != "DATE" or ent.end != first or ent.start in tokens:
            continue
        before = ent.start - 1
        if before >= sentence.start and sentence.doc[before].lower_ in {"in", "on"}:
            before -= 1
        if before >= sentence.start and sentence.doc[before].lower_ in {"and", "but", ";"}:
            return normalize_date(ent.text, published, year=narrative_year(ent))
    return None


def _that_time(text: str, doc: Doc, index: int, published: date | None) -> str | None:
    """ "that month", "On December 24 that year", "In November of that year": within the
    year (or month) of the last date told before, in this paragraph or the one before."""
    told = paragraph_dates_before(doc, index) or paragraph_dates_before(doc, index, True) or [
        e for e in doc.ents if e.label_ == "DATE" and YEAR.search(e.text)
        and paragraph_start(doc, index) <= e.start < index] or \
        paragraph_dates_before(doc, paragraph_start(doc, index) - 1)  # "In February, …"
    # ("has mediated since 2022, when … On July 6 that year": the year a "since" named)
    value = normalize_date(told[-1].text, published) if told else None
    if not value:
        return None
    if "year" not in text.lower():
        return value[:7]
    rest = re.sub(r"\b(?:of|in|on)\s*$", "", THAT_TIME.sub("", text).strip()).strip()
    own = normalize_date(rest, None, year=int(value[:4])) if rest else None
    return own or value[:4]


def paragraph_start(doc: Doc, index: int) -> int:
    """The first token of the paragraph that holds token ``index``."""
    start = index
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    return start


def _date_of_when_clause(root: Token, published: date | None) -> str | None:
    """ "When Sidhu attended Khan's swearing-in … in August 2018, he embraced Bajwa": a
    clause with no date of its own happened at the date of the *when* clause it opens with."""
    for clause in root.children:
        if clause.dep_ == "advcl" and clause.i < root.i and any(
                c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children):
            own = {t.i for t in clause.subtree}
            for ent in clause.doc.ents:
                if _is_date(ent) and ent.start in own:
                    value = normalize_date(ent.text, published, year=narrative_year(ent))
                    if value:
                        return value
    return None


def _when_date(root: Token, published: date | None) -> str | None:
    """ "Talks ended on Tuesday, when the fourth round concluded"; "dates back to March 23,
    2015, when the three leaders signed": a *when* clause happened at the date it tells of,
    or at the first date of the clause it hangs from."""
    when = next((c for c in root.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
    if when is None and root.left_edge.lower_ == "when" and root.dep_ in ("advcl", "relcl"):
        when = root.left_edge  # "…, when Trump, King Hamad and Netanyahu spoke": the parser
        # may hang "when" on the subject
    if when is None:
        return None
    head = root.head
    own = {t.i for t in root.subtree}
    just = when.i - 1 - (when.i > 0 and when.nbor(-1).text == ",")
    if root.dep_ == "relcl" and head.ent_type_ == "DATE":
        dates = [e for e in head.doc.ents if e.start <= head.i < e.end]
    elif root.dep_ == "relcl":  # "since X's visit to Santiago in April last year, when the two
        # presidents held talks": the date that ends just before "when"
        dates = [e for e in head.doc.ents if _is_date(e) and e.start <= just < e.end]
    elif root.dep_ == "advcl":
        dates = [e for e in head.doc.ents if _is_date(e) and e.start <= just < e.end] or [
            e for e in head.doc.ents if _is_date(e) and e.start not in own
            and head.left_edge.i <= e.start <= head.right_edge.i
            and not _reference_point(e, EVENT_REFERENCE_WORDS)]
        # "since its launch in Copenhagen on 24 June, when … he sat down with A": the day
        # just before "when", even in a phrase of reference
    else:
        return None
    subject = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # "The groundwork for Monday's summit was laid on Thursday last week, when …": the day
    # of the clause, not one inside its subject
    dates = sorted(dates, key=lambda e: e.start in subject)
    for ent in dates:
        value = normalize_date(ent.text, published, year=narrative_year(ent))
        if value:
            return value
    return None


def paragraph_dates_before(doc: Doc, index: int, any_date: bool = False) -> list[Span]:
    """The dates with a year, named or told ("in 2019", "in November last year"; or, with
    ``any_date``, any date but a dateline's: "On Tuesday it happened") told before token
    ``index`` in its paragraph, in text order ("since 2015",
    "until 2019" are not when anything happened)."""
    if index < 0:
        return []
    start = paragraph_start(doc, index)
    return [e for e in doc.ents if e.label_ == "DATE" and start <= e.start < index
            and ((YEAR.search(e.text) or RELATIVE_YEAR.search(e.text)) if not any_date
                 else not in_dateline(e))
            and not _reference_point(e, REFERENCE_WORDS)]


def _describing(ent: Span, told: Span) -> bool:
    """Whether a date only describes a noun, in a clause on it or after "since" ("the body
    set up in 1987", "in power since 2014"), or belongs to another clause of the sentence
    of the date ``told`` ("agreed … to restore relations cut in 2016, and their ministers
    met on April 6"): the story's time stays."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since":
        return True
    if any(a.dep_ in ("acl", "relcl") and a.pos_ == "VERB" and a.head.pos_ in (
            "NOUN", "PROPN") for a in ent.root.ancestors):
        return True
    if ent.sent != told.sent:
        return False
    own, other = (next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
                  for span in (ent, told))
    return own is not None and other is not None and own != other and \
        not own.is_ancestor(other)


def _of_the_clause(ent: Span, clause: Token) -> bool:
    """Whether a date says when a clause's verb (or a clause of it) happened, through
    prepositions and clauses, not a noun's ("in the Dec. 1 election")."""
    token = ent.root
    while token != clause:
        if token.head == token or token.i != ent.root.i and token.pos_ in ("NOUN", "PROPN") \
                and token.ent_type_ != "DATE":
            return False
        token = token.head
    return True


def _naming_a_thing(ent: Span) -> bool:
    """Whether a year only names a thing, not an event the story tells: "a state on the
    1967 lines", "the 1979 revolution" (but "the 2018 summit", "the 2015 deal" are events)."""
    root = ent.root
    return len(ent) == 1 and root.dep_ in ("nummod", "compound", "amod") \
        and root.head.i > root.i and root.head.pos_ == "NOUN" \
        and root.head.lower_ not in GATHERINGS and root.head.lower_ not in NOUN_TRIGGERS


def dating_a_thing(ent: Span) -> bool:
    """Whether a date only qualifies a noun that is no event the story tells: "over the
    Sept. 24 gunfight at a monastery" dates the gunfight, not the talks after it."""
    root = ent.root
    return root.dep_ in ("nummod", "compound", "amod", "nmod") and root.head.i >= ent.end \
        and root.head.pos_ == "NOUN" and root.head.lower_ not in GATHERINGS \
        and root.head.lower_ not in NOUN_TRIGGERS and not root.head.ent_type_ \
        and root.head.lemma_.lower() not in SPANS_OF_TIME  # but "Tuesday afternoon"


def narrative_year(ent: Span) -> int | None:
    """The year of the last date with a year before ``ent`` in its paragraph, if any: one
    it names ("in late 2018") or one it tells ("In February this year")."""
    earlier = [e for e in paragraph_dates_before(ent.doc, ent.start)
               if not _describing(e, ent) and not _naming_a_thing(e) and not any(
                   a.dep_ == "prep" and a.lower_ in {"since", "after", "until", "till"}
                   for a in e.root.ancestors)]  # "frozen after Iraq's 1990 invasion of Kuwait.
    # They began to thaw in February": a point of reference, not the time the story is at
    verb = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if not earlier or verb is not None and any(
            c.dep_ == "advmod" and c.lower_ == "last" for c in verb.children):
        return None  # "… in December 2016. The two leaders last met in January": the latest
    named = YEAR.search(earlier[-1].text)
    published = ent.doc._.published if ent.doc.has_extension("published") else None
    value = normalize_date(earlier[-1].text, published)
    year = int(named.group(1)) if named else int(value[:4]) if value else None
    if year is None or value is None or len(value) < 7:
        return year
    then = normalize_date(ent.text, published, year=year)
    if then and len(then) >= 7 and then[:7] < value[:7] and published is not None and \
            f"{year + 1}{then[4:]}" <= published.isoformat()[:len(then)]:
        return year + 1  # "… in Da Nang in November. In March, Trump telephoned Putin": the
        # story has moved on to the March after
    return year


def _split_topics(head: Token) -> list[str]:
    """The topics a noun phrase names, one per coordinated item."""
    items = [head] + [c for c in head.conjuncts if c.i > head.i]
    about = head.dep_ == "pobj" and head.head.lower_ in TOPIC_PREPS
    topics = []
    for item in items:
        sub = [t for t in item.subtree if not (t.dep_ == "conj" and t.head == item)
               and not any(a.dep_ == "conj" and a.head == item for a in t.ancestors
                           if a != item and a.head == item)]
        sub = [t for t in sub if t.dep_ not in ("cc",) or t.head != item]
        clauses = {x.i for t in sub if t.dep_ in ("relcl", "advcl", "acl") and t.head != item
                   or t.dep_ == "relcl" for x in t.subtree}
        sub = [t for t in sub if t.i not in clauses]
        words = sorted(sub, key=lambda t: t.i)
        if words:  # a contiguous phrase: cut at the first gap a clause left
            run = [words[0]]
            for t in words[1:]:
                if t.i != run[-1].i + 1:
                    break
                run.append(t)
            words = run
        while words and (words[0].is_punct or words[0].lower_ in {
                "the", "a", "an", "their", "its", "various", "all", "other", "and", "or", "as",
                "well", "both"}):
            words = words[1:]
        while words and (words[-1].is_punct or words[-1].lower_ in {"and", "or", "as", "well"}):
            words = words[:-1]
        if not words or all(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or (
                t.ent_type_ == "GPE" and not about) for t in words):
            continue  # a place is a topic only as what was talked about: "focusing on Syria"
        if item.lower_ in NOT_TOPICS or item.ent_type_ in ("DATE", "TIME"):
            continue
        text = head.doc[words[0].i:words[-1].i + 1].text.strip(" ,;:“”\"'")
        for piece in re.split(r"\s*(?:,\s*and|,|;|\bas well as)\s+", text):
            piece = " ".join(piece.split()).strip(" ,;:“”\"'")
            piece = re.sub(r"^(?:the|a|an|and|both)\s+", "", piece, flags=re.IGNORECASE)
            if len(piece) > 2 and piece.lower() not in {"it", "them", "this", "that", "issues"}:
                topics.append(piece)
    if len(items) == 2 and topics:
        # "security and stability in the region": the pair as written, besides its items
        words = [t for t in head.subtree if t.dep_ not in ("relcl", "acl")]
        whole = head.doc[words[0].i:words[-1].i + 1].text.strip(" ,;:“”\"'")
        whole = re.sub(r"^(?:the|a|an|both)\s+", "", " ".join(whole.split()), flags=re.I)
        if len(whole.split()) <= 7 and "," not in whole and whole not in topics:
            topics.append(whole)
    return topics


def _verb_phrase(verb: Token) -> str:
    """The words of a verb phrase, without its "to": "expedite their negotiations"."""
    words = [t for t in verb.subtree if not (t.dep_ == "aux" and t.head == verb)
             and t.dep_ != "nsubj"]
    text = verb.doc[words[0].i:words[-1].i + 1].text if words else ""
    return " ".join(text.split()).strip(" ,;:“”\"'")


def _complement_topics(trigger: Token, kind: str) -> list[str]:
    """What an agreement, proposal or threat is about: its object or its infinitive."""
    found: list[str] = []
    for child in trigger.children:
        if child.dep_ == "xcomp" and kind in ("Agreement", "Proposal", "Threat"):
            if any(c.dep_ not in ("aux", "prt", "advmod", "neg") for c in child.children):
                found.append(_verb_phrase(child))  # not a bare "offered to take on"
        elif child.dep_ in ("dobj", "attr") and child.tag_ in ("WDT", "WP"):
            if trigger.dep_ == "relcl" and kind in ("Agreement", "Proposal", "Threat"):
                found += _split_topics(trigger.head)  # "the project, which both offered to …"
        elif child.dep_ in ("dobj", "attr") and kind in ("Agreement", "Proposal", "Threat"):
            if child.lower_ not in GENERIC_OBJECTS:
                found += _split_topics(child)
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in TOPIC_PREPS | {"for"}:
                    found += [t for p in grand.children if p.dep_ == "pobj"
                              for t in _split_topics(p)]
                elif grand.dep_ in ("acl", "relcl") and grand.pos_ == "VERB":
                    found.append(_verb_phrase(grand))
        elif child.dep_ == "acl" and child.pos_ == "VERB" and kind in ("Agreement", "Proposal"):
            found.append(_verb_phrase(child))  # "a deal to export grain"
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and kind == "Agreement":
            found += [t for o in child.children if o.dep_ in ("dobj", "prep")
                      for p in ([o] if o.dep_ == "dobj" else o.children) if p.dep_ in (
                          "dobj", "pobj") for t in _split_topics(p)]  # "…, clearing the way for X"
        elif child.dep_ == "prep" and child.lower_ == "for" and kind == "Proposal":
            found += [t for p in child.children if p.dep_ == "pobj" for t in _split_topics(p)]
        elif child.dep_ == "prep" and child.lower_ in ("to", "on") and kind == "Agreement":
            found += [t for p in child.children if p.dep_ == "pobj" for t in _split_topics(p)]
    return [t for t in found if t and len(t) > 2]


def _purpose_topics(trigger: Token) -> list[str]:
    """ "met in Geneva to begin drafting a peace treaty": what the meeting was for."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    found = []
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            if child.lemma_.lower() in TOPIC_VERBS:
                continue  # "to discuss X" gives X itself
            found.append(_verb_phrase(child))
    return found


def _occasion_topics(trigger: Token) -> list[str]:
    """ "travelled to Dodoma for the state funeral of Magufuli", "flew in to attend the
    inauguration of Boric": the occasion a visit was made for."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    found = []
    for child in verb.children:
        objects = []
        if child.dep_ == "prep" and child.lower_ == "for":
            objects = [o for o in child.children if o.dep_ == "pobj"]
        elif child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in {"attend", "join"}:
            objects = [o for o in child.children if o.dep_ == "dobj"]
        for head in objects:
            if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.ent_type_ in (
                    "EVENT", "FAC", "ORG", "")):
                continue
            clauses = {x.i for c in head.children if c.dep_ in ("relcl", "acl")
                       for x in c.subtree}
            words = [t for t in head.subtree if t.i not in clauses]
            while words and (words[0].lower_ in {"the", "a", "an"} or words[0].is_punct):
                words = words[1:]
            while words and words[-1].is_punct:
                words = words[:-1]
            if words and words[-1].i - words[0].i == len(words) - 1:
                found.append(head.doc[words[0].i:words[-1].i + 1].text)
    return found


def _own_clause_tokens(trigger: Token) -> set[int]:
    """ "a virtual meeting …, in which the two addressed migration": a relative clause on
    the event's own noun tells what it was about."""
    return {t.i for c in trigger.children if c.dep_ == "relcl" and trigger.pos_ == "NOUN"
            for t in c.subtree}


def _topics(trigger: Token, tokens: set[int], kind: str = "Meeting") -> list[str]:
    found: list[str] = _complement_topics(trigger, kind)
    if kind in CONTACT or kind == "Visit":
        found += _purpose_topics(trigger)
    if kind == "Visit":
        found += _occasion_topics(trigger)
    tokens = tokens | _own_clause_tokens(trigger)
    doc = trigger.doc
    phrase = {t.i for t in trigger.subtree} | {trigger.head.i}
    tokens = tokens | {t.i for t in trigger.sent if t.lower_ in {"over", "about", "regarding"}}
    for token in (doc[i] for i in sorted(tokens)):
        lemma = token.lemma_.lower()
        if lemma in TOPIC_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in VAGUE_OBJECTS:
                    # "exchanged views on Sudan", "discussed ways to enhance trade"
                    for inner in child.children:
                        if inner.dep_ == "prep":
                            found += [t for p in inner.children if p.dep_ in ("pobj", "pcomp")
                                      for t in _split_topics(p)]
                        elif inner.dep_ in ("acl", "relcl") and inner.pos_ == "VERB":
                            found.append(_verb_phrase(inner))
                elif child.dep_ in ("dobj", "nsubjpass") and child.lower_ not in {"it", "this"}:
                    found += _split_topics(child)
                if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                    found += [t for p in child.children if p.dep_ == "pobj"
                              for t in _split_topics(p)]
                if child.dep_ == "ccomp":  # "It was noted that … strengthened X and Y"
                    found += [t for o in child.subtree if o.dep_ in ("dobj", "pobj")
                              and o.head.dep_ not in ("prep",) or o.dep_ == "pobj"
                              and o.head.head == child for t in _split_topics(o)][:6]
        elif lemma == "make" and any(c.dep_ == "nsubjpass" and c.lower_ == "reference"
                                     for c in token.children):
            # "reference was made to the importance of the Sochi memorandum"
            found += [t for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
                      for o in p.children if o.dep_ == "pobj" for t in _split_topics(o)]
        elif token.lower_ in TOPIC_PREPS and token.dep_ == "prep" and (
                token.head == trigger or token.head.i in phrase and token.lower_ != "on"
                or token.lower_ in {"over", "about", "regarding", "concerning"}
                or token.head.lemma_.lower() in
                {"talk", "talks", "meeting", "call", "conversation", "agreement", "deal",
                 "discussion", "negotiation", "negotiations", "hold", "meet", "speak", "agree"}
                or _counterpart_of(token.head, trigger)):
            found += [t for p in token.children if p.dep_ == "pobj" for t in _split_topics(p)]
            if _counterpart_of(token.head, trigger):  # "with his counterpart, Mauro Vieira,
                # on trade, fertiliser supplies, energy …", the list hung on the counterpart
                found += [t for c in token.head.children if c.dep_ == "conj" and c.i > token.i
                          and c.pos_ == "NOUN" for t in _split_topics(c)]
            found += [t for c in token.children if c.dep_ == "conj" and c.lower_ in TOPIC_PREPS
                      for p in c.children if p.dep_ == "pobj" for t in _split_topics(p)]
            # "on trade and on the crisis in neighbouring Libya"
    seen: list[str] = []
    for t in found:
        if t not in seen and not any(t in s for s in seen):
            seen.append(t)
    return seen


# ------------------------------------------------------------------------- reading


def read_events(doc: Doc, mentions: list[Mention], published: date | None) -> list[EventDraft]:
    """Every event the article reports, one draft per happening, sentences merged."""
    drafts: list[EventDraft] = []
    frames: list[EventDraft] = []
    for sentence in doc.sents:
        in_sentence = [m for m in mentions if sentence.start <= m.start < sentence.end]
        cuts = _headline_cuts(sentence)
        used_triggers: set[int] = set()
        sentence_events: list[EventDraft] = []
        for token in sentence:
            if token.i in used_triggers:
                continue
            offered = None
            kind = _event_type(token)
            if _threat_of_force(token):
                kind = "Threat"  # "his army will strike Syrian forces"
            elif kind is None or (_unreal(token) and not _offered(token, kind)):
                continue
            elif _unreal(token):
                offered = {"Meeting": "meeting", "PhoneCall": "phone call",
                           "Visit": "visit"}[kind]
                kind = "Proposal"  # "expressed his willingness to meet Assad"
            just_before = _frames_just_before(sentence, frames)
            draft = _read_trigger(doc, token, kind, sentence, in_sentence, published, drafts,
                                  sentence_events, _frames_of(sentence, frames) + just_before)
            for frame in just_before:
                if frame.parties:  # joined by this sentence
                    _with_sides(frame, frames, drafts)
            if draft is not None and kind == "Proposal" and offered:
                draft.topics = [offered]
            if draft is None:
                continue
            used_triggers.update(t.i for t in draft.trigger)
            chaired = _chaired_just_before(draft, sentence, drafts, just_before)
            if chaired is not None:  # "… gathered for the third round, chaired by X. Around
                _add_company(draft, in_sentence, drafts)  # the table sat A and B": that round
                for party in draft.parties:
                    add_party(chaired, party.mention, party.role)
                if chaired in just_before:
                    _with_sides(chaired, frames, drafts)
                chaired.support.append(Support(sentence, draft.trigger, draft.rule,
                                               "present: " + ", ".join(
                                                   p.mention.label for p in draft.parties)))
                continue
            if draft.date is None:
                draft.date = _counted_before(sentence, draft, sentence_events) or \
                    _after_previous(sentence, [*drafts, *sentence_events], published,
                                    draft.trigger.start_char)
            if draft.location is None and draft.type in CONTACT:
                summit = _sidelines_told(draft, [*drafts, *frames])
                if summit is not None:  # "… for the BIMSTEC summit. On the sidelines, he held
                    draft.location = summit.location  # talks with Oli": at the summit
                    draft.date = draft.date or summit.date
            there = _at_that_event(sentence, drafts) if draft.date is None else None
            if there is not None:  # "At that summit, Sisi put forward a vision"
                draft.date, draft.location = there.date, draft.location or there.location
            trip = _during_that_trip(sentence, [*drafts, *sentence_events]) \
                if draft.type != "Visit" else None
            if trip is not None:  # "In talks during that trip, Marcos and Xi agreed …"
                draft.date = draft.date or trip.date
                draft.location = draft.location or trip.location
            root = draft.trigger.root
            if draft.type == "Visit" and (root.pos_ == "VERB" or root.dep_ == "dobj" and (
                    root.head.lemma_.lower() in LIGHT_VERBS)) and any(
                    p.role == "host" and p.mention.kind == "person" for p in draft.parties):
                # "Fernández visited Lula in Curitiba": a visit to a person is a meeting too;
                # "made a state visit to New Zealand, when he and Prime Minister Key …"
                sentence_events.append(_meeting_of_visit(draft))
            if draft.type in CONTACT:  # "talks between A and B, joined by delegations
                _add_company(draft, in_sentence, drafts)  # that included C and D"
                for m in _travellers(draft, sentence_events):
                    add_party(draft, m, "participant")
            gathering = _received_at_the_gathering(draft, sentence, drafts, published) or \
                _received_at_the_gathering(draft, sentence, frames, published)
            if gathering is not None:  # "The President received at the meeting A, B and C"
                _with_sides(gathering, frames, drafts)
                for party in draft.parties:
                    add_party(gathering, party.mention, "participant")
                gathering.support.append(Support(sentence, draft.trigger, draft.rule,
                                                 "received at the gathering above"))
                continue
            gathering = _gathering_it_stands_for(draft, sentence, [*drafts, *frames])
            if gathering is not None:  # "The 20th Summit … was chaired by X. It brought
                _with_sides(gathering, frames, drafts)  # together A, B and C"
                _absorb(gathering, draft)
                noun = _bringing_subjects(draft.trigger.root)[0]
                for told in [d for d in sentence_events if d.type == "Meeting"
                             and _first_conjunct(d.trigger.root).dep_ == "acl"
                             and _first_conjunct(d.trigger.root).head == noun]:
                    sentence_events.remove(told)  # "The session, … hosted by UNSCOL, …"
                    agents = {t.i for v in (told.trigger.root, *told.trigger.root.conjuncts)
                              for c in v.children if c.dep_ == "agent" for t in c.subtree}
                    for party in told.parties:
                        if mention_id(party.mention) not in gathering.keys() and \
                                party.mention.start in agents:
                            add_party(gathering, party.mention, "mediator")
                told = next((f for f in frames if f.type == gathering.type and 0 <=
                             gathering.sentence.start_char - f.sentence.end_char < 400), None)
                if told is not None:  # "Heads of state … met in Bujumbura on Saturday"
                    _absorb(gathering, told)
                    frames.remove(told)
                gathering.support.append(Support(sentence, draft.trigger, draft.rule,
                                                 "brought together at the gathering above"))
                continue
            pieces = _separately(doc, draft, published)
            if len(pieces) > 1:  # "spoke with Kagame and, separately, with Tshisekedi"
                sentence_events += pieces
                continue
            same = next((d for d in sentence_events if (d.type == draft.type or _same_call(
                d, draft)) and (d.keys() & draft.keys() or not draft.parties or _sat_in_there(
                    draft.trigger.root))
                and not _other_subjects(d, draft, in_sentence)
                and not _told_of_a_party(d, draft) and not _told_of_a_party(draft, d)
                and _at_the_margins(d) == _at_the_margins(draft)
                and not any(min(d.trigger.start, draft.trigger.start) < cut <= max(
                    d.trigger.start, draft.trigger.start) for cut in cuts)
                and not _apart_in_time(d.trigger.root, draft.trigger.root)
                and not _dated_apart(d, draft)
                and not _on_a_party(d, draft) and not _on_a_party(draft, d)
                and not in_turn(d, draft)
                and not (d.location and draft.location and fold(d.location.text) != fold(
                    draft.location.text))), None)  # "…, a day after talks in Kyiv"
            if same is not None:
                if draft.type == "PhoneCall":
                    same.type = "PhoneCall"  # a call called a conversation is still a call
                _absorb(same, draft)
            elif draft.parties:
                sentence_events.append(draft)
            elif draft.type == "Agreement" and token.pos_ == "VERB" and (
                    draft.location or draft.date) and not _another_deal(token):
                # "The Treaty … was signed Wednesday in Pyongyang", "the agreement that was
                # signed in 2001", "…, whose negotiations were concluded in Montevideo": the
                # deal just reported (not "a declaration …, whose deal was agreed only last
                # Friday": another deal)
                signed = next((d for d in reversed(drafts[-3:]) if d.type == "Agreement"), None)
                if signed is not None:
                    signed.location = draft.location or signed.location
                    signed.date = draft.date or signed.date  # the signing's own date first
                    signed.support.append(Support(sentence, draft.trigger, draft.rule,
                                                  "place and date of the agreement above"))
            elif (draft.location or draft.date) and (
                    draft.trigger.root.pos_ in ("NOUN", "PROPN") or any(
                        c.dep_ == "nsubj" and any(t.lower_ in {
                            "leaders", "ministers", "heads", "officials", "delegations",
                            "envoys", "diplomats", "delegates", "representatives"}
                            for t in c.subtree) for c in draft.trigger.root.children)):
                # "Caribbean leaders met …", "BUCHAREST, Sept 18 - Heads of state … gathered"
                # (the parse may make the dateline the subject and hang the heads on it)
                # "their fifth consultative meeting at Dushanbe": a frame that a later
                # sentence ("The summit was attended by …") fills; alone it is no event.
                frames.append(draft)
        _headline_clauses(sentence, cuts, sentence_events, in_sentence)
        _addressed_gathering(sentence_events, drafts)
        for frame in _frames_of(sentence, frames):
            named = _named_taking_part(frame.trigger.root, in_sentence)
            if named:  # "was held … with the participation of A and the ministers of B, C"
                frame.parties = named
            if named or any(s.rule == "kg.events.v1:chair" for s in frame.support):
                frames.remove(frame)  # "Talks were held in Beijing, co-chaired by A and B"
                sentence_events.append(frame)
        for draft in sentence_events:
            if draft.type in CONTACT and not draft.topics:
                # "They discussed X, after which they held talks": X is what the talks were about
                for token in sentence:
                    if token.lemma_.lower() in TOPIC_VERBS and token.pos_ == "VERB":
                        draft.topics += [t for t in _topics(token, {x.i for x in sentence})
                                         if t not in draft.topics]
            trip = next((v for v in sentence_events if v.type == "Visit" and v.location
                         and draft.trigger.root.head.lower_ == "for"
                         and draft.trigger.root.head.head == v.trigger.root), None)
            if draft.type in CONTACT and trip is not None:
                draft.location = trip.location  # "flew to Kabul … for talks with …": there
            if draft.type in CONTACT | {"Mediation"} and draft.location is None:
                # "visited Sochi and held talks with Putin": the talks were in Sochi; "China
                # brokered talks when Raisi visited Beijing": so was the mediation
                draft.location = next((v.location for v in sentence_events if v.type == "Visit"
                                       and v.location and _same_occasion(v, draft)), None)
            if draft.type == "Visit" and draft.location is not None and \
                    draft.location.kind == "state" and not draft.location.as_place:
                # "held talks in Beijing, during his visit to China": the visit was there
                draft.location = next((d.location for d in sentence_events if d.type in CONTACT
                                       and d.location is not None and d.location.as_place
                                       and d.location.key == draft.location.key
                                       and _same_occasion(d, draft)), draft.location)
            if draft.type == "Visit" and draft.location is None:
                # "a trip to the UAE by X, during which he held talks in Dubai": there
                draft.location = next((d.location for d in sentence_events if d.type in CONTACT
                                       and d.location is not None and d.location.as_place
                                       and not _arrival_spot(doc, d.location)
                                       and _same_occasion(d, draft)), None)
            if draft.date is None:
                # "On July 8, Abiy flew to Asmara … and held talks with Isaias": one day
                draft.date = next((v.date for v in sentence_events if v is not draft
                                   and v.date and _same_occasion(v, draft)), None)
            if draft.type == "Visit" and not draft.keys("host"):
                for m in _received_by(draft, in_sentence):  # "…, was welcomed by X"
                    add_party(draft, m, "host")
                hosts = [p for p in draft.parties if p.role == "host"
                         and p.mention.kind == "person"]
                if hosts and draft.trigger.root.pos_ == "VERB" and not any(
                        d.type in CONTACT and d.keys() >= draft.keys() for d in sentence_events):
                    # "Amorim travelled to Moscow … and was received by Putin": they met
                    drafts.append(_meeting_of_visit(draft))
            people = [p for p in draft.parties if p.mention.kind == "person"]
            if draft.type == "Proposal" and len(people) <= 1:
                # "X held a call with Y. X proposed …": the proposal was made to Y
                proposer = {mention_id(p.mention) for p in people}
                contact = next((d for d in reversed(drafts[-3:]) if d.type in CONTACT
                                and draft.sentence.start - d.sentence.end < 300
                                and proposer & d.keys() and len(d.people()) <= 2), None)
                # (a call or talks of two, not a summit of many)
                if contact is not None:
                    for party in contact.parties:
                        add_party(draft, party.mention, "participant")
                    draft.date = draft.date or contact.date
            frame = None
            if draft.rule.endswith((":sit", ":seat")) and not any(
                    t.ent_type_ == "DATE" and not any(a.dep_ == "relcl" for a in t.ancestors)
                    or t.lower_ in {"later", "earlier", "afterwards", "then"} for t in sentence) \
                    and draft.location is None and ATTENDANCE.search(sentence.text):
                # "The 31st summit … ended on Wednesday … X opened the gathering … Around
                # the table sat A, B and C": the gathering told before
                table = summit_before(sentence, sorted(
                    [d for d in [*drafts, *frames] if d.type == draft.type
                     and d.sentence.start < sentence.start],
                    key=lambda d: d.sentence.start), published)
                twin = next((d for d in drafts if table in frames and d.type == draft.type
                             and d.sentence.start == table.sentence.start), None)
                if twin is not None:  # "Leaders gathered … for the summit. X opened the
                    _absorb(twin, table)  # session": the frame and the summit X opened are
                    frames.remove(table)  # one gathering, at whose table A and B sat
                    table = twin
                if table in frames:
                    frame = table
                elif table is not None:
                    for party in draft.parties:
                        add_party(table, party.mention, party.role)
                    table.support.append(Support(sentence, draft.trigger, draft.rule,
                                                 "sat at the gathering above",
                                                 len(draft.parties)))
                    continue
            frame = frame or next((f for f in frames if f.type == draft.type  # the story's
                                   and draft.sentence.start - f.sentence.start < 400), None)
            if frame is not None and draft.rule.endswith((":attend", ":chair", ":sit")):
                draft.location = draft.location or frame.location
                draft.date = draft.date or frame.date
                for party in frame.parties:  # "X chaired the session. Around the table sat
                    add_party(draft, party.mention, party.role)  # A and B": X too
                draft.support += frame.support
                frames.remove(frame)
            drafts.append(draft)
        if all(d.type in CONTACT and len(d.keys()) < 2 for d in sentence_events):
            # none, or "X chaired the session, at which A and B were among those at the
            # table": the list gives its sides
            _attendance(sentence, in_sentence, drafts, published, frames)
            _mediator_sentence(sentence, in_sentence, drafts)
        elif all(d.type == "Visit" for d in sentence_events) and REPRESENTED.search(
                sentence.text):  # "Kiir stayed in Juba, where Pope Francis arrived on
            # Friday, and was represented by Deng Alor": the visit is another's
            agents = {t.i for v in sentence if v.lower_ == "represented" for c in v.children
                      if c.dep_ == "agent" for t in c.subtree}
            travellers = {mention_id(p.mention) for d in sentence_events for p in d.parties
                          if p.mention.start not in agents}  # ("was represented by X, who
            # flew into Addis Ababa on Friday": X came to the talks)
            _attendance(sentence, [m for m in in_sentence if mention_id(m) not in travellers],
                        drafts, published, frames)
        if all(d.type in CONTACT and len(d.keys()) < 2 or d.type == "Visit"
               for d in sentence_events):
            _at_the_gathering(sentence, in_sentence, drafts, published, frames)
        if not sentence_events:
            _accompanied(sentence, in_sentence, drafts)
        if all(d.type in CONTACT and len(d.keys()) < 2 or d.type == "Agreement"
               for d in sentence_events):
            # "The signatories … were A, B", "Among the leaders who signed were A, B"
            _signatories(sentence, in_sentence, drafts, published, frames,
                         [d for d in sentence_events if d.type == "Agreement"])
        _topic_sentence(sentence, drafts, sentence_events)
    _calls_retold(drafts)
    return [d for d in drafts if is_complete(d)]


def _addressed_gathering(told: list[EventDraft], drafts: list[EventDraft]) -> None:
    """ "The pope addressed a session … that brought the G7 leaders together with A and B":
    who addressed, attended or chaired the gathering the clause on its noun tells took part
    in it; one meeting, not two. When the noun is the gathering told before ("X chaired the
    one-day meeting, which brought together A and B"), the list is that gathering's."""
    for inner in [d for d in told if d.type == "Meeting"]:
        root = inner.trigger.root
        noun = root.head
        if root.dep_ == "relcl" and root.lemma_.lower() in ("join", "attend") and \
                noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            # "X hosted A and B for a working session that was joined by C and D": one table
            outer = next((d for d in told if d is not inner and d.type == "Meeting"
                          and d.trigger.root == noun.head.head), None)
            if outer is not None:
                for party in inner.parties:
                    add_party(outer, party.mention, "participant")
                outer.support.append(Support(inner.sentence, inner.trigger, inner.rule,
                                             "joined it: " + ", ".join(
                                                 p.mention.label for p in inner.parties)))
                told.remove(inner)
                continue
        if root.dep_ != "relcl" or root.head.dep_ != "dobj" or \
                root.head.head.lemma_.lower() not in {"address", "attend", "chair", "join",
                                                      "open"}:
            continue
        outer = next((d for d in told if d is not inner and d.type == "Meeting"
                      and d.trigger.root == root.head.head), None)
        if outer is None:
            joined = next((d for d in reversed(drafts) if d is not inner and d.type == "Meeting"
                           and any(s.trigger.start == root.head.head.i
                                   and s.sentence.start == inner.sentence.start
                                   for s in d.support)), None)
            if joined is not None:
                for party in inner.parties:
                    add_party(joined, party.mention, party.role)
                joined.date = joined.date or inner.date
                joined.location = joined.location or inner.location
                joined.support.append(Support(inner.sentence, inner.trigger, inner.rule,
                                              "brought together: " + ", ".join(
                                                  p.mention.label for p in inner.parties)))
                told.remove(inner)
            continue
        for party in outer.parties:
            if _subject_of(inner.trigger.doc, party.mention, outer.trigger.root):
                add_party(inner, party.mention, "participant")
        told.remove(outer)


def headline(doc: Doc) -> Span | None:
    """The article's headline: its first sentence, when that sentence is a line of its own."""
    first = next(iter(doc.sents), None)
    return first if first is not None and "\n" in first.text_with_ws else None


def _headline_cuts(sentence: Span) -> list[int]:
    """Where a headline's clauses start: "X holds talks with A, meets B in Niamey" (a comma
    and a verb in the present, the subject left unsaid)."""
    doc = sentence.doc
    if sentence != headline(doc):
        return []
    return [t.i for t in sentence if t.i > sentence.start + 1 and t.tag_ == "VBZ" and (
        doc[t.i - 1].text == "," or doc[t.i - 1].lower_ == "then" and t.i > sentence.start + 2
        and doc[t.i - 2].text == ",")]  # "X eases Gulf worries, then sits down with A and B"


def _headline_clauses(sentence: Span, cuts: list[int], drafts: list[EventDraft],
                      mentions: list[Mention]) -> None:
    """Each clause of a headline with ``cuts`` (see ``_headline_cuts``) tells its own event:
    the headline's subject with the ones its clause names ("ECOWAS delegation holds talks
    with Tchiani, meets Bazoum")."""
    if not cuts or not drafts:
        return
    bounds = [sentence.start, *cuts, sentence.end]
    first = min([d.trigger.start for d in drafts] + [t.i for t in sentence
                                                     if t.pos_ in ("VERB", "AUX")])
    # the subject before the first verb: "Kerry tries to ease worries over Iran deal, then
    # sits down with A and B" is Kerry's, not Iran's
    subject = [m for m in mentions if sentence.start <= m.start < first and not m.modifier
               and m.kind in ("person", "state", "organization") and not m.as_place]
    for draft in drafts:
        n = next(k for k in range(len(bounds) - 1)
                 if bounds[k] <= draft.trigger.start < bounds[k + 1])
        own = range(bounds[n], bounds[n + 1])
        draft.parties = [p for p in draft.parties if p.mention.start in own or any(
            mention_id(p.mention) == mention_id(m) for m in subject)]
        for m in subject:
            add_party(draft, m, "participant")


def _meeting_of_visit(visit: EventDraft) -> EventDraft:
    """The meeting a visit to a person is: the visitors and the people who received them
    (the state visited is no side beside its own people)."""
    return replace(visit, type="Meeting", parties=[
        Party(p.mention, "participant") for p in visit.parties
        if p.mention.kind == "person" or p.role != "host"],
        support=list(visit.support), topics=list(visit.topics))


def _told_of_a_party(inner: EventDraft, outer: EventDraft) -> bool:
    """Whether ``inner`` is told in a relative clause on the subject of ``outer``'s verb:
    "Modi, who held talks with Ghani in Kabul, telephoned Sharif" tells two events."""
    clause = _clause_root(inner.trigger.root)
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    verb = outer.trigger.root
    return clause.dep_ == "relcl" and verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and clause.head in c.subtree for c in verb.children)


def _sidelines_told(draft: EventDraft, earlier: list[EventDraft]) -> EventDraft | None:
    """The gathering "on the sidelines" alone points to: the last summit told before it, in
    its paragraph or the one before, when it has a place."""
    clause = draft.trigger.root
    while clause.dep_ in ("dobj", "pobj", "prep") and clause.head != clause:
        clause = clause.head
    bare = any(c.dep_ == "prep" and c.lower_ == "on" and any(
        p.lower_ in SIDELINES and all(_the_summit(o) for g in p.children if g.lower_ == "of"
                                      for o in g.children if o.dep_ == "pobj")
        for p in c.children) for c in [*clause.children, *draft.trigger.root.children])
    if not bare:
        return None  # (but "on the sidelines of the summit": the one told before)
    near = draft.sentence.start_char - 1500
    return next((d for d in reversed(earlier) if d.location is not None
                 and d.sentence.end_char >= near and d.sentence.start < draft.sentence.start
                 and (d.trigger.root.lower_ in SUMMITS or any(
                     t.lower_ in SUMMITS for t in d.trigger.root.subtree) or (
                     d.trigger.root.dep_ == "acl" and d.trigger.root.head.lower_ in SUMMITS))),
                None)  # "…, for the sixth Caspian Summit, hosted by X": that summit


def _the_summit(noun: Token) -> bool:
    """ "the summit", named by nothing but its article."""
    return noun.lower_ in SUMMITS and [c.lower_ for c in noun.children] == ["the"]


def _at_the_margins(draft: EventDraft) -> bool:
    """Whether the event is the gathering whose sidelines another was held on: "talks on the
    sidelines of a summit the leaders attended with Li" tells the talks and the summit."""
    chain = [draft.trigger.root, *draft.trigger.root.ancestors]
    for token in chain:
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            return False  # "met on the sidelines of the summit, where they held …": there
        if token.lower_ == "of" and token.head.lower_ in SIDELINES:
            return True
    return False


# Nouns of taking part in a meeting told without its sides, in the words of readouts.
TAKING_PART = {"participation", "chairmanship", "co-chairmanship"}


def _named_taking_part(trigger: Token, mentions: list[Mention]) -> list[Party]:
    """Those a meeting noun's own phrases name as taking part in it or chairing it, in the
    words of readouts: "The ministerial meeting was held in Astana under the chairmanship of
    Tileuberdi, with the participation of Blinken and the foreign ministers of Kyrgyzstan
    and Tajikistan". Two at least; "the chairmanship of BIMSTEC" is of a body, no chair."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    found: dict[str, Party] = {}
    for token in trigger.sent:
        if token.lower_ not in TAKING_PART or token.dep_ != "pobj" or \
                token.head.head not in (trigger, trigger.head):
            continue
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        span = {t.i for t in of.subtree} if of is not None else set()
        kinds = ("person", "role") if "chair" in token.lower_ else (
            "person", "role", "state", "organization")
        for m in mentions:
            if m.start in span and m.kind in kinds and not (m.modifier or m.as_place):
                found.setdefault(mention_id(m), Party(m, "participant"))
    return list(found.values()) if len(found) > 1 else []


def _frames_of(sentence: Span, frames: list[EventDraft]) -> list[EventDraft]:
    """The events this sentence told without their sides ("Talks were held in Beijing")."""
    return [f for f in frames if f.sentence == sentence]


def _sentence_before(sentence: Span) -> Span | None:
    """The sentence told just before, across a paragraph break; None for the first."""
    i = sentence.start - 1
    while i >= 0 and sentence.doc[i].is_space:
        i -= 1
    return sentence.doc[i].sent if i >= 0 else None


def _frames_just_before(sentence: Span, frames: list[EventDraft]) -> list[EventDraft]:
    """The events the sentence just before told without their sides: "Leaders of the Gulf
    states met in Jeddah on Wednesday. The meeting was chaired by X"."""
    before = _sentence_before(sentence)
    return [f for f in frames if f.sentence == before] if before is not None else []


def _calls_retold(drafts: list[EventDraft]) -> None:
    """ "held a telephone conversation with Biden … In a friendly and respectful
    conversation, the two leaders addressed …": talk of the same people on the same day,
    told after their call, is that call."""
    for n, draft in enumerate(drafts):
        if draft.type != "Meeting" or draft.trigger.root.lower_ not in {
                "conversation", "conversations", "talk", "talks", "discussion", "exchange"}:
            continue
        if any(c.type == "PhoneCall" and c.keys("participant") == draft.keys("participant")
               and (draft.date is None or c.date == draft.date) for c in drafts[:n]):
            draft.type = "PhoneCall"


# "X, who has chaired every round so far, mediated the exchanges": the talks just told.
MEDIATED_THE = re.compile(r"\b(?:mediated|facilitated|moderated) the (?:exchanges|talks|"
                          r"discussions|session|meeting|negotiations|round)\b", re.I)
AS_MEDIATOR = re.compile(r"\bas (?:an? |the |their )?(?:mediators?|facilitators?|go-between|"
                         r"intermediar(?:y|ies))\b", re.I)


def _mediator_sentence(sentence: Span, mentions: list[Mention], drafts: list[EventDraft]
                       ) -> None:
    """ "Turkish intelligence chief Ibrahim Kalin sat in alongside Qatari officials as a
    mediator": the subject of a sentence that tells no event of its own mediated the last
    meeting told, when it is near."""
    said = AS_MEDIATOR.search(sentence.text) or MEDIATED_THE.search(sentence.text)
    if not said or _unreal(sentence.root):
        return
    word = sentence.char_span(said.start(), said.end(), alignment_mode="expand")
    if word is not None and any(a.dep_ == "prep" and a.lower_ == "with"
                                for a in word[0].ancestors):
        return  # "…, with Norway acting as facilitator": Norway, not the subject
    subject = {t.i for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")
               for t in c.subtree} - {t.i for c in sentence.root.children
                                      if c.dep_ in ("nsubj", "nsubjpass") for r in c.children
                                      if r.dep_ in ("relcl", "acl") for t in r.subtree}
    # not "ASEAN" of "Anwar, whose country holds the chair of ASEAN, mediated the talks"
    people = [m for m in mentions if m.start in subject and not m.modifier
              and m.kind in ("person", "state", "organization")]
    years = {YEAR.search(e.text).group(1) for e in  # type: ignore[union-attr]
             [*paragraph_dates_before(sentence.doc, sentence.start),
              *(e for e in sentence.ents if e.label_ == "DATE" and YEAR.search(e.text))]}
    near = [d for d in drafts[-4:] if 0 <= sentence.start_char - d.sentence.end_char < 900
            and (not years or (d.date or "")[:4] in years)]  # not a story of other years,
    # nor this sentence's own ("X, who has chaired every round, mediated the exchanges")
    last = next((d for d in reversed(near) if d.type in CONTACT), None) or next(
        (d for d in reversed(near) if d.type == "Mediation"), None)
    if last is None or not people:
        return
    for m in people:
        add_party(last, m, "mediator")
    last.support.append(Support(sentence, sentence[:1], "kg.events.v1:mediator",
                                "mediator of the event above: "
                                + ", ".join(m.label for m in people)))


def _other_subjects(a: EventDraft, b: EventDraft, mentions: list[Mention]) -> bool:
    """ "Jaishankar called on her, and Adani also met her": two verbs, two subjects, two
    meetings."""
    def subjects(draft: EventDraft) -> set[str]:
        verb = draft.trigger.root
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "attr"):
            verb = verb.head  # "held talks with Raisi"
        elif verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "pobj" and \
                verb.head.lower_ == "for":  # "travelled to Moscow for talks with Lavrov"
            verb = _governing_verb(verb) or verb
        if verb.pos_ != "VERB":
            return set()
        subject = ("nsubj", "nsubjpass")  # "… and was received by Putin": the guest
        heads = {c.i for c in verb.children if c.dep_ in subject}
        if not heads and verb.dep_ == "conj":  # "called on X and met Y": the first's subject
            heads = {c.i for c in verb.head.children if c.dep_ in subject}
        return {mention_id(m) for m in mentions if any(m.start <= i < m.end for i in heads)}
    mine, theirs = subjects(a), subjects(b)
    if mine and theirs and not mine & theirs:
        return True
    # "she called on Murmu and met Dhankhar": one subject, two verbs, two others (the one
    # they share, when the parse found no subject: "ECOWAS team holds talks with Tchiani,
    # meets Bazoum")
    if not mine and not theirs and a.trigger.root.pos_ == b.trigger.root.pos_ == "VERB":
        mine = theirs = a.keys() & b.keys()
    others_a, others_b = a.keys() - mine, b.keys() - theirs
    return bool(mine and mine == theirs and others_a and others_b
                and not others_a & others_b)


# "the delegation included A and B": a list of who went
LISTED = r"(?:the|its|his|her) (?:group|delegation|mission|team) (?:also )?(?:included|comprised)"
LISTED_DELEGATION = re.compile(rf"\b{LISTED}\b", re.IGNORECASE)
# "The UAE was represented by X", "Kinshasa was represented instead by X".
REPRESENTED_BY = r"(?:was|were) (?:\w+ )?represented (?:instead |also |only |just )?by"
REPRESENTED = re.compile(rf"\b{REPRESENTED_BY}\b")
ATTENDANCE = re.compile(r"\b(?:present|in attendance|attendees|those attending|attended by|"
                        rf"{LISTED}|"
                        r"(?:other )?heads of delegations? (?:were|included)|"
                        r"(?:the|their) (?:table|line-up|lineup|guest list) included|"
                        r"^(?:the|their) (?:talks|meeting|session|summit|gathering|dinner)\b"
                        r"[^.;]{0,100}? (?:also )?included\b|"
                        r"(?:participants|leaders|heads of state|attendees)(?: at the "
                        r"(?:summit|talks|meeting|conference|gathering))? included|"
                        rf"{REPRESENTED_BY}|"
                        r"(?:were|was) (?:also |all |both )?represented(?= ?[,.;])|"
                        r"(?:also|both|all) (?:took part|taking part|attended|participated|"
                        r"present)|also addressed (?:the )?(?:leaders|delegates)|"
                        r"^on (?:\w+['’]s|the \w+) side (?:were|was|sat)|"
                        r"took part(?: as well|\s*[.;]| in the (?:summit|talks|meeting|session|"
                        r"gathering))|"
                        r"^(?:also )?(?:attending|participating|taking part) (?:were|was)\b|"
                        r"among them were|among those (?:taking part|attending|(?:present )?at "
                        r"the (?:summit|talks|meeting|conference|gathering|session|table))|"
                        r"(?:were|was) (?:also )?in the room|"
                        r"(?:were|was) among the (?:\w+ ){0,2}(?:leaders|delegates|guests|"
                        r"ministers|participants|heads of (?:state|government))|"
                        r"(?:around|at) the (?:\w+ )?(?:table|room)(?: with [\w .'’-]{1,40}?)? "
                        r"(?:were|sat)|^(?:around|at) the (?:\w+ )?table(?=,)|"
                        r"facing (?:them|him|her) (?:were|was|sat)|"
                        r"sat on the (?:\w+ ){0,2}side|sat in on|(?:also )?sat in(?= ?[,.;])|"
                        r"brought (?:along )?(?:his|her|their|its)|"
                        r"(?:attended|took part|participated) as (?:observers?|guests?)|"
                        r"(?:sent|fielded|dispatched) (?:[\w-]+ ){0,3}?delegations?|"
                        r"sent (?:only |just )?(?:their |its |a |an )?(?:(?:lower|low|senior|"
                        r"junior|mid|permanent|"
                        r"high)[\w-]* )?(?:envoys?|representatives?|"
                        r"delegations?|(?:(?:foreign|prime|deputy|defen[cs]e) ){0,2}ministers?|"
                        r"(?:crown )?prince|(?:vice[- ])?president|premier))\b",
                        re.IGNORECASE)
# "Kagame stayed away and sent Valentine Rugwabiza, his minister for EAC affairs", "sent
# Foreign Secretary Alan Peter Cayetano to represent the Philippines": one named envoy is enough.
SENT_NAMED = re.compile(r"\bsent (?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}, (?:his|her|its|their) |"
                        r"(?:the|his|her|its|their) [\w\s'’-]{1,40}?, [A-Z][\w'’-]+ [A-Z]|"
                        r"(?:[\w'’.-]+ ){1,7}?(?:to represent\b|in (?:his|her|its|their) "
                        r"(?:place|stead)\b))")
# "… sent the chairwoman of the Mejlis, Akja Nurberdiyeva, to lead a sizeable delegation"
STAND_IN = re.compile(r"\b(?:stood|standing|stands) in for\b|\bdeputi[sz](?:ed|ing) for\b|"
                      r"\b(?:took part|taking part|participated|sat in) as "
                      r"(?:observers?|guests?)\b",
                      re.IGNORECASE)  # "…, while X stood in for his father": X was there;
# "A delegation of the RSF attended, while Egypt and the UN took part as observers": they too
# "Tshisekedi took part by video link": one person is enough.
REMOTELY = re.compile(r"\b(?:(?:took part|participated|joined(?: in)?)\s+(?:the \w+ )?"
                      r"(?:by video|via video|over video|by videoconference|virtually|remotely|"
                      r"online)|(?:took part|participated|joined) from (?:his|her|their|its|the)?"
                      r"\s*[\w\s'’-]{0,40}?\b(?:residence|office|palace|capital)|"
                      r"(?:also )?attended the (?:virtual|online|video) (?:event|ceremony|"
                      r"meeting|session))\b", re.IGNORECASE)
# "Pakistan's delegation was led by X", "The Afghan side was headed by Y": one person is
# enough, the delegation's state is the rest.
DELEGATION = re.compile(r"\b(?:delegation|side|team|delegates|negotiators)\b[^.;]{0,60}?"
                        r"\b(?:(?:was|were|is|are) (?:led|headed) by|included|comprised)\b|"
                        r"\b(?:led|headed) (?:the|a|an|their|his|her|its) [\w\s.'-]{0,30}?"
                        r"\b(?:delegations?|teams?|sides?)\b", re.IGNORECASE)


PROXY_NOUNS = {"behalf", "representative", "envoy", "emissary"}  # "… of X": X stays home
STAND_IN_VERBS = {"stand", "deputise", "deputize", "substitute"}  # "stood in for X"


def _stayed_away(doc: Doc, m: Mention) -> bool:
    """Whether a person listed with the attendees is the subject of a clause saying they did
    not come: "Venezuela was represented by Delcy Rodríguez, as Nicolás Maduro did not make
    the trip"."""
    head = doc[m.end - 1]
    if head.dep_ == "nsubjpass" and head.head.lemma_.lower() == "represent":
        return True  # "Rwandan President Paul Kagame was represented by Prime Minister X"
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "with Presidents Xi Jinping and Vladimir Putin staying away"
    if not head.dep_.startswith("nsubj"):
        return False
    verb = head.head
    if verb.lemma_.lower() in {"decide", "choose", "opt", "prefer"}:
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)  # "Patriarch
        # Kirill decided last month to stay at home"
    return any(c.dep_ == "neg" or c.dep_ == "acomp" and c.lower_ in {"unable", "absent"}
               for c in verb.children) or \
        verb.lemma_.lower() in {"stay", "skip", "miss", "boycott", "decline", "send", "cancel",
                                "scrap", "postpone"} or verb.lemma_.lower() == "call" and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    # "… after President X called off his trip at the last minute"; "Peru, whose President
    # Dina Boluarte was unable to leave the country, sent …"


# Those a gathering just told brought together, as "join" takes them: "joined the leaders".
GATHERED_PEOPLE = {"leaders", "ministers", "delegates", "delegations", "heads", "presidents",
                   "participants"}


def _joined_at_the_table(verb: Token) -> bool:
    """ "Secretary of State Antony Blinken joined Biden at the table", "Falih and Novak
    joined the two leaders at the table": a person joined others at the talks just told."""
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in {
        "leaders", "presidents", "men", "ministers"} and any(
            d.lower_ in {"the", "both"} for d in c.children)) for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in ("at", "in", "for") and any(
            p.lower_ in {"table", "talks", "meeting", "meetings"} | GATHERINGS
            for p in c.children if p.dep_ == "pobj") for c in verb.children)


def _opposed(doc: Doc, m: Mention) -> bool:
    """Whether a name is what a clause stands against: "against an increasingly assertive
    China", "united against Hamas"; an adversary named, no side of the talks."""
    head = doc[m.end - 1]
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "against":
        return True
    # "to stand together against what he called Chinese coercion": inside the clause too
    return m.source == "kb:demonym" and any(
        a.lower_ == "against" and a.dep_ == "prep" for a in list(head.ancestors)[:5])


ARRIVAL_SPOTS = {"airport", "airfield", "airbase", "tarmac", "runway", "apron", "plane",
                 "aircraft", "gangway", "steps", "arrival"}


def _at_the_arrival(token: Token) -> bool:
    """Whether a welcome took place where the guest landed: "greeted at the airport",
    "met at the foot of the plane", "received on arrival"."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "on", "upon"}:
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            if place.lower_ == "foot":
                place = next((p for of in place.children if of.lower_ == "of"
                              for p in of.children), place)
            if place.lower_ in ARRIVAL_SPOTS:
                return True
    return False


WELCOMING_VERBS = {"greet", "welcome", "receive", "meet"}


def _protocol_welcome(verb: Token) -> bool:
    """Whether a welcome where the guest landed was given by an official of lower rank than
    the guest, with no talks told with them: "was greeted at Esenboga airport by Vice
    President Fuat Oktay" (but "met at the airport by President Barrow", "welcomed by Vice
    President Mpango" for a vice-president, and "greeted on the tarmac by his counterpart,
    with whom he held talks", are meetings)."""
    if not _at_the_arrival(verb) or any(t.lower_ == "whom" for t in verb.sent if t.i > verb.i):
        return False
    every = verb.doc._.mentions or []

    def people(head: Token, deps: tuple[str, ...]) -> list[Mention]:
        tokens = {t.i for c in head.children if c.dep_ in deps for t in c.subtree}
        return [m for m in every if m.start in tokens and m.kind == "person" and not m.modifier]
    passive = any(c.dep_ == "agent" for c in verb.children)
    greeters = people(verb, ("agent",) if passive else ("nsubj",))
    guests = people(verb, ("nsubjpass",) if passive else ("dobj",))
    if passive and not guests and verb.dep_ == "conj":  # "arrived … and was greeted at the
        guests = people(verb.head, ("nsubj", "nsubjpass"))  # airport by X": who arrived
    greeter_ranks = [_rank(m, every) for m in greeters]
    guest_ranks = [_rank(m, every) for m in guests]
    return bool(greeter_ranks and guest_ranks) and None not in greeter_ranks + guest_ranks \
        and max(greeter_ranks) < min(guest_ranks)


LOWER_POSTS = re.compile(r"\b(?:vice|deputy|state|assistant|under|ambassador|governor|mayor|"
                         r"chief minister|envoy|chief of protocol|protocol)\b")
SENIOR_POSTS = re.compile(r"\b(?:vice[- ]president|deputy prime minister|minister|secretary)\b")
JUNIOR_MINISTERS = re.compile(r"\bminister of state\b|\b(?:vice|deputy|assistant|under)[- ]"
                              r"(?:minister|secretary)\b")


def _rank(mention: Mention, mentions: list[Mention]) -> int | None:
    """How high a person's post is, as the text names it: 3 for a head of state or
    government, 2 for a minister or a vice-president, 1 for a post below; None when untold."""
    post = _post_of(mention, mentions)
    if post in ("head_of_state", "head_of_government", "leader"):
        return 3
    if post == "envoy":
        return 1
    titles = [fold(m.title) for m in mentions if m.title and (
        m is mention or mention.key and m.key == mention.key)]
    if not titles:
        return None
    if any(SENIOR_POSTS.search(t) and not JUNIOR_MINISTERS.search(t) for t in titles):
        return 2
    if any(LOWER_POSTS.search(t) for t in titles):
        return 1
    return 2 if post else None


def _arrival_spot(doc: Doc, place: Mention | None) -> bool:
    """Whether a place is where a guest landed: "Esenboga airport", "the tarmac"."""
    return place is not None and any(t.lower_ in ARRIVAL_SPOTS
                                     for t in doc[place.end - 1:place.end + 1])


SPECTACLES = {"final", "match", "game", "concert", "performance", "show", "race", "parade",
              "festival", "exhibition", "premiere", "tournament", "cup", "fixture"}
MARKING_VERBS = {"mark", "commemorate", "celebrate", "honour", "honor", "remember"}


def _represented_person(doc: Doc, m: Mention) -> bool:
    """Whether a person is named as the one another acts for, and so was not there: "hosted
    it on behalf of King Salman", "attended as the special representative of Sultan
    Haitham", "stood in for his father, King Hamad"."""
    head = doc[m.end - 1]
    while head.dep_ == "appos" and head.head.i < m.start:
        head = head.head  # "his father, King Hamad": the father
    preposition = head.head if head.dep_ == "pobj" else None
    if preposition is None:
        return False
    if preposition.lower_ == "of":
        return preposition.head.lower_ in PROXY_NOUNS
    if preposition.lower_ == "for":
        verb = preposition.head
        return verb.lemma_.lower() in STAND_IN_VERBS and (
            verb.lemma_.lower() != "stand" or any(c.lower_ == "in" for c in verb.children))
    return False


ENVOY_NOUNS = {"representative", "representatives", "official", "officials", "envoy",
               "envoys", "delegation", "delegations", "delegate", "delegates", "ministers",
               "presidents", "leaders", "premiers"}  # "and the prime ministers of Malta and
# Croatia"


SENDING_VERBS = {"send", "field", "dispatch"}
SENT_POSTS = {"minister", "president", "premier", "prince"}  # one sent in a leader's stead


def _unnamed_envoys_of(doc: Doc, m: Mention) -> bool:
    """Whether a state or body is listed through people it sent, unnamed: "…, senior
    representatives of the United Arab Emirates and Bahrain, and …", "Bahrain fielded a
    large delegation", "Qatar also took part"; not "the resumption of talks between
    representatives of A and B", where the envoys are no item of a list."""
    head = doc[m.start:m.end].root  # "the Organisation of Islamic Cooperation": its
    while head.dep_ == "conj" and head.head.i < head.i:  # "Organisation"
        head = head.head
    envoys = head.head.head
    subject = head.head if head.dep_ == "appos" and head.head.dep_ == "nsubj" else head
    if subject.dep_ == "nsubj" and subject.head.lemma_.lower() in SENDING_VERBS:
        # "The host country, Bahrain, fielded a large delegation", "Egypt and Jordan each
        # sent delegations"
        # "Oman sent only its deputy prime minister"
        return any(c.dep_ == "dobj" and (c.lower_ in ENVOY_NOUNS or c.lower_ in SENT_POSTS
                                         and not any(a.dep_ == "appos" for a in c.children))
                   for c in subject.head.children)  # (not "sent its foreign minister, X")
    if head.dep_ == "nsubj" and m.kind in ("state", "organization") and (
            head.head.lemma_.lower() == "attend" or _took_part(head.head)):
        return True  # "Qatar also took part": its people unnamed
    if head.dep_ == "nsubjpass" and head.head.lemma_.lower() == "represent" and not any(
            c.dep_ == "agent" for c in head.head.children):
        return True  # "The European Union … were also represented"
    return head.dep_ == "pobj" and head.head.lower_ in ("of", "from") and \
        envoys.lower_ in ENVOY_NOUNS and (envoys.dep_ in (
            "appos", "conj", "attr", "nsubj", "nsubjpass", "dobj") or envoys.dep_ == "pobj"
            and (envoys.head.lower_ == "alongside" or  # "…, alongside representatives of
                 envoys.head.lower_ == "with" and any(  # the EU", "…, along with
                     c.lower_ in ("along", "together")  # delegations from the EU"
                     for c in [envoys.head.head, *envoys.head.children])))


def _listed_person(doc: Doc, m: Mention) -> bool:
    """A person in a list of attendees, not one named to describe another ("chef de cabinet
    to Secretary-General Guterres") or on whose behalf they came ("on Guterres's behalf")."""
    if m.end < len(doc) and doc[m.end].text in {"'s", "’s", "'", "’"} or \
            doc[m.start].tag_ == "PRP$":
        return False  # nor "his" in "… after X called off his trip"
    head = doc[m.end - 1]
    while head.head.i != head.i and m.start <= head.head.i < m.end + 3 and \
            head.dep_ in ("compound", "flat", "amod", "punct"):
        head = head.head  # "UN Secretary-General António Guterres": up to "Guterres"
    preposition = head.head if head.dep_ == "pobj" else None
    return not _represented_person(doc, m) and not (
        preposition is not None and preposition.lower_ in {"to", "of", "for"}
        and preposition.head.pos_ in ("NOUN", "PROPN")
        and any(a.dep_ == "appos" for a in [preposition.head, *preposition.head.ancestors]))


def _first_conjunct(verb: Token) -> Token:
    """The first of coordinated verbs: "held" of "a session, held at … and hosted by X"."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb


def _hosts_no_event_told(hosted: Token) -> bool:
    """Whether "hosted by X" hangs on no event noun of its own: "a session, held at … and
    hosted by Kagame" (the hosting tells the gathering); not "talks in Aqaba that were
    hosted by Jordan", where the talks tell it."""
    hosted = _first_conjunct(hosted)
    return not (hosted.dep_ in ("acl", "relcl") and hosted.head.lower_ in NOUN_TRIGGERS)


def _hosted_gathering(hosted: Token) -> bool:
    """ "a summit hosted by X", "the conference he hosted": the hosting tells a gathering."""
    return hosted.lemma_.lower() == "host" and hosted.dep_ in ("acl", "relcl") \
        and hosted.head.lower_ in GATHERINGS


def summit_before(sentence: Span, drafts: list[EventDraft], published: date | None,
                  nominal_only: bool = False) -> EventDraft | None:
    """The meeting a list of attendees belongs to: the last one told in the paragraphs just
    before, or, further back, the one held on the day this sentence (or the one before
    it) names ("Around the table on Thursday …")."""
    def gathering(d: EventDraft) -> bool:  # "the summit", "joined leaders at the summit",
        # "hosted the meeting", "the session, … hosted by Kagame"
        root = d.trigger.root
        return root.pos_ in ("NOUN", "PROPN") or root.lemma_.lower() in {
            "join", "attend", "sit", "gather", "convene", "address"} or any(
            c.dep_ == "dobj" and (c.lower_ in GATHERINGS or NOUN_TRIGGERS.get(c.lower_) in CONTACT)
            or c.dep_ == "agent" and root.lemma_ == "host" and _hosts_no_event_told(root)
            for c in root.children) or _hosted_gathering(root)
    meetings = [d for d in drafts if d.type == "Meeting" and (gathering(d) or not nominal_only)]
    doc = sentence.doc
    spans = [sentence]
    while len(spans) < 3 and spans[-1].start > 0 and "\n" not in doc[spans[-1].start - 1].text:
        spans.append(doc[spans[-1].start - 1].sent)  # the sentences before, in the paragraph
    for span in spans:  # "Around the table on Thursday …": Thursday's meeting
        day = _date(span, set(range(span.start, span.end)), published)
        same = [d for d in meetings if day and d.date == day and len(day) == 10]
        if same:
            return same[-1]
    if len(spans) > 1:  # "The Gulf leaders had opened the summit on Tuesday. … the table
        # included A and B": the gathering the sentence just before told of
        just = [d for d in meetings if d.sentence.start != spans[1].start and any(
            s.sentence.start == spans[1].start and s.rule != "kg.events.v1:topics"
            for s in d.support)]
        if just:
            return just[-1]
    near = [d for d in meetings[-6:] if sentence.start_char - _last_told(d, sentence) < 1500
            and (gathering(d) or len(d.keys()) >= 2)]  # told, or last joined, near
    # in a paragraph of its own, of the story's days rather than a gathering years before
    # told for comparison ("The previous meeting … took place in Brussels, in June 2015.
    # ¶ Around the table were …")
    if not near or paragraph_start(doc, near[-1].sentence.start) == paragraph_start(
            doc, sentence.start):
        return near[-1] if near else None
    since = (published - timedelta(days=62)).isoformat() if published else ""
    recent = [d for d in near if not d.date or d.date >= since[:len(d.date)]]
    return (recent or near)[-1]


def _last_told(draft: EventDraft, before: Span) -> int:
    """Where the text last told of an event before a sentence: its own sentence, or a later
    one that named who attended it."""
    return max([draft.sentence.end_char, *(
        s.sentence.end_char for s in draft.support if s.rule == "kg.events.v1:attendance"
        and s.sentence.end_char <= before.start_char)])


def _their_company(draft: EventDraft, mentions: list[Mention]) -> list[Mention]:
    """The people a participle clause on a party says came with them: "talks between the
    crown prince and the Pakistani premier, joined by delegations that included A and B";
    "Abiy, accompanied by his foreign minister, C"; "X, together with Y, called on Z"."""
    doc = draft.trigger.doc
    root = draft.trigger.root
    heads = [root, *(t for p in draft.parties for t in doc[p.mention.start:p.mention.end])]
    if root.dep_ in ("dobj", "pobj"):  # "followed talks between A and B, joined by …"
        heads.append(root.head)
    clauses = {t.i for h in heads for c in h.children
               if c.dep_ in ("acl", "advcl") and c.lemma_.lower() in ("join", "accompany")
               and any(a.dep_ == "agent" for a in c.children) for t in c.subtree}
    clauses |= {t.i for h in heads[1:] if h.dep_ in ("nsubj", "nsubjpass") for c in h.children
                if c.dep_ == "prep" and c.lower_ == "with" and any(
                    a.dep_ == "advmod" and a.lower_ in ("together", "along") for a in c.children)
                for t in c.subtree}  # "Kushner, together with envoy Jason Greenblatt, called on"
    verb = _draft_verb(draft)
    clauses |= {t.i for c in verb.children if c.dep_ == "prep" and c.i < verb.i
                and c.lower_ == "along" and any(w.lower_ == "with" for w in c.children)
                for t in c.subtree}  # "Blinken, along with his deputy, met …"
    clauses |= {t.i for s in verb.children if s.dep_ == "nsubj" and s.lower_ in SIDE_NOUNS
                for c in s.children if c.dep_ == "relcl" and c.lemma_.lower() in (
                    "include", "comprise") for t in c.subtree}  # "The delegation, which
    # included A and B, held talks with C"
    return [m for m in mentions if m.start in clauses and m.kind == "person" and not m.modifier
            and _listed_person(doc, m)]


DELEGATIONS = {"delegation", "mission", "team"}


def _draft_verb(draft: EventDraft) -> Token:
    """The verb of a draft's trigger: the trigger itself, or the verb a noun hangs from
    ("held talks")."""
    root = draft.trigger.root
    return root if root.pos_ in ("VERB", "AUX") else root.head


def _travellers(draft: EventDraft, told: list[EventDraft]) -> list[Mention]:
    """Who made the trip a contact's verb is joined to, when it has no subject of its own:
    "a team, accompanied by General Behanzin, travelled to Ouagadougou and met Damiba"."""
    root = draft.trigger.root
    if root.pos_ != "VERB" or root.dep_ != "conj" or any(
            c.dep_.startswith("nsubj") for c in root.children):
        return []
    head = root.head
    while head.dep_ in ("advcl", "xcomp") and head.tag_ == "VB" and root.tag_ == "VBD":
        head = head.head  # "travelled to X to assess … and met Y": met hung on "assess"
    trip = next((d for d in told if d.type == "Visit" and d.trigger.root == head), None)
    return [p.mention for p in trip.parties if p.role == "participant"] if trip else []


def _leaders_of_the_delegation(draft: EventDraft, earlier: list[EventDraft]) -> list[Mention]:
    """Who led "the delegation" that is the subject of a contact, when a sentence before
    told the trip: "she led a delegation of the bloc to Ouagadougou. The delegation, which
    included A and B, held talks with Damiba"."""
    verb = _draft_verb(draft)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in DELEGATIONS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return []
    trip = next((d for d in reversed(earlier) if d.type == "Visit"
                 and d.trigger.root.lemma_.lower() == "lead"
                 and draft.sentence.start_char - d.sentence.end_char < 600), None)
    return [p.mention for p in trip.parties if p.role == "participant"] if trip else []


def _gathering_it_stands_for(draft: EventDraft, sentence: Span,
                             told: list[EventDraft]) -> EventDraft | None:
    """The gathering "it" names in "It brought together A, B and C", or "The session,
    held under US mediation, brought together A and B": the last one told in the sentence
    before. "X hosted leaders of the Pacific island nations … ¶ The two-day … Summit brought
    to the capital A, B and C": the gathering its host told."""
    verb = draft.trigger.root
    subjects = _bringing_subjects(verb)
    if not draft.rule.endswith(":bring") or not any(
            c.lower_ == "it" or _meeting_word(c) and any(
                d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in c.children)
            for c in subjects) or sentence.start == 0:
        return None
    noun = subjects[0]
    before = _sentence_before(sentence)
    sides = {side_of(p.mention) for p in draft.parties} - {None}
    return next((d for d in sorted(told, key=lambda d: d.sentence.start, reverse=True)
                 if d.type == "Meeting" and before is not None
                 and d.sentence.start == before.start and (
                     noun.lower_ == "it" or (noun.lower_ in {"session", "meeting", "talks",
                                                             "round"}
                                             or noun.lower_ == d.trigger.root.lower_)
                     and sides & {side_of(p.mention) for p in d.parties}
                     or _hosted_people(d))), None)
    # (not "The meeting, held on the sidelines, brought together A, B and C" after other
    # people's talks told before it)


def _bringing_subjects(verb: Token) -> list[Token]:
    """What brought people together: the verb's subject, or the noun it describes ("The
    summit, the first of its kind, brought …", parsed as a participle)."""
    return [c for c in verb.children if c.dep_ == "nsubj"] or (
        [verb.head] if verb.dep_ == "acl" else [])


def _hosted_people(draft: EventDraft) -> bool:
    """Whether a meeting is told only by its host's hosting of many: "Biden hosted leaders
    of Pacific island nations"."""
    verb = draft.trigger.root
    return verb.lemma_.lower() == "host" and all(p.role == "host" for p in draft.parties) \
        and any(c.dep_ == "dobj" and c.lower_ in GATHERED_PEOPLE for c in verb.children)


def _a_body_met(draft: EventDraft, mentions: list[Mention]) -> bool:
    """Whether an event is the meeting of a body named as its subject: "the AU Peace and
    Security Council met at the level of heads of state"."""
    verb = draft.trigger.root
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    return verb.lemma_.lower() == "meet" and any(
        m.kind == "organization" and m.start in subject for m in mentions)


def _received_at_the_gathering(draft: EventDraft, sentence: Span, drafts: list[EventDraft],
                               published: date | None) -> EventDraft | None:
    """The gathering told before, with only its host named, at which a sentence's meeting
    took place: "X hosted the meeting in Palenque with heads of state … The President
    received at the meeting A, B and C". Never one with sides of its own ("met Erdogan at
    the summit" is a meeting of two at a summit of many)."""
    root = draft.trigger.root
    if draft.type != "Meeting" or root.pos_ != "VERB":
        return None
    at = [p for c in root.children if c.dep_ == "prep" and c.lower_ in ("at", "during")
          for p in c.children if p.dep_ == "pobj" and _meeting_word(p)
          and any(d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in p.children)
          and not any(d.dep_ in ("compound", "amod", "nmod", "prep") for d in p.children)]
    if not at:
        return None
    summit = summit_before(sentence, drafts, published)
    hosts = {side_of(p.mention) for p in summit.parties} if summit else set()
    return summit if summit is not None and len(hosts) == 1 else None


def _attendance(sentence: Span, mentions: list[Mention], drafts: list[EventDraft],
                published: date | None = None, frames: list[EventDraft] | None = None) -> None:
    """ "Among those present were Chile's Gabriel Boric, Colombia's Gustavo Petro …", "The
    UAE was represented by …", "Pakistan's delegation was led by …": the people listed took
    part in the talks or summit reported before (see ``summit_before``)."""
    remote = REMOTELY.search(sentence.text)
    delegation = DELEGATION.search(sentence.text)
    told = next((d for d in reversed(drafts[-8:])
                 if any(s.sentence.start == sentence.start for s in d.support)), None)
    # "A attended as the special envoy of the sultan, while B stood in for his father": B
    # too took part in the gathering this sentence joined
    stand_in = STAND_IN.search(sentence.text) if told is not None and \
        told.type in CONTACT else None
    listed = ATTENDANCE.search(sentence.text) or SENT_NAMED.search(sentence.text) or remote \
        or stand_in
    if not (listed or delegation):
        _host_told(sentence, mentions, drafts, published, frames)
    if not (listed or delegation) or _unreal(sentence.root):
        return
    sat_in = listed is not None and listed.group(0).lower().removeprefix("also ").startswith(
        "sat in")
    listed_only = None
    if told is not None and not stand_in and not sat_in and (
            told.type not in CONTACT or not re.search(
            r"\bamong those\b", listed.group(0) if listed else "", re.I)) and any(
            s.parties or not s.note.endswith("above: ") for s in told.support
            if s.sentence.start == sentence.start):
        # "The summit … was attended by X": already read as a joining, though the list may
        # go on past what the parser hung on the verb ("attended by His Royal Highness the
        # Crown Prince; Prince Abdulaziz …; and Prince Faisal …"): those after the marker
        # only (but "He was joined by X, while Y sat in on the American side": Y too; and
        # "Attending were Iranian President Ebrahim Raisi and Turkey's President …", which
        # the joining read no one of, is a list)
        if listed is None:
            return
        listed_only = sentence.start_char + listed.end()
    loose = listed is not None and listed.group(0).lower() == "present" and not delegation
    hosted_here = next((d for d in reversed(drafts) if d.sentence.start == sentence.start
                        and d.type in CONTACT and d.keys("host") and len(d.keys()) < 2),
                       None) if REPRESENTED.search(sentence.text) else None
    # "Last year, when King Salman also hosted in Riyadh, Doha was represented only by X"
    summit = told or hosted_here or _gathering_before(sentence, drafts, frames, published,
                                                      nominal_only=loose)
    # "X chaired the session, at which A, B and C were among those at the table": that session
    people = [m for m in mentions if m.kind == "person" and not m.modifier
              and _listed_person(sentence.doc, m) and not _stayed_away(sentence.doc, m)]
    served = {m.affiliation for m in people}  # "a delegation of the Taliban led by Baradar"
    people += [m for m in mentions if m.kind in ("state", "organization") and not m.modifier
               and m.key not in served and _unnamed_envoys_of(sentence.doc, m)]
    people.sort(key=lambda m: m.start)
    if listed_only is not None:
        people = [m for m in people if sentence.doc[m.start].idx >= listed_only]
    represented = REPRESENTED.search(sentence.text)
    agents = {t.i for v in sentence if v.lower_ == "represented"
              for c in v.children if c.dep_ == "agent" for t in c.subtree}
    if represented and (not people or agents and not any(m.start in agents for m in people)):
        # "Belize, Costa Rica and Panama were represented by ministers and senior officials"
        # (…, "since O'Brien is not a member of the cabinet"): the states, their people unnamed
        people = [m for m in mentions if m.kind == "state" and not m.modifier
                  and sentence.doc[m.start].idx - sentence.start_char < represented.start()]
    # One is enough: "Also taking part was X", "Y sat in on the talks", "Zambia sent its
    # foreign minister, X", "X stood in for his father", and at a summit of many (not beside
    # talks of two) "Saudi Arabia was represented by its foreign minister, X"; "X was among
    # those at the table"
    alone = delegation or remote or sat_in or (listed and listed.group(0).lower().startswith((
        "also ", "sent ", "fielded ", "dispatched "))) or (
        listed and listed.group(0).lower().startswith("took part in the ")
        and all(m.kind == "person" for m in people)) or stand_in or (
        listed and re.search(r"\bwas among those\b", sentence.text)) or (
        represented and summit is not None and (
            len(summit.keys()) >= 3 or summit.trigger.root.lower_ in GATHERINGS))
    if summit is None and listed is not None and listed.group(0).lower().startswith(
            ("around the", "at the")) and listed.start() == 0 and len(people) >= 2:
        # "Around the summit table, Trudeau, Tusk and Juncker discussed …": a table of its own
        summit = EventDraft(type="Meeting", trigger=sentence[:1], sentence=sentence,
                            date=_date(sentence, set(range(sentence.start, sentence.end)),
                                       published), rule="kg.events.v1:attendance")
        drafts.append(summit)
    if summit is None or len(people) < (1 if alone else 2):  # "Also taking part was X"
        return
    if _gathering_of_its_own(sentence, mentions, published, summit) is not None:
        return  # "At the December 2017 summit in Kuwait City, …": another (_at_the_gathering)
    if summit.sentence.start < sentence.start and _spectacle_before(sentence):
        return  # "Wednesday's parade drew 26 heads of state. Among them were A, B": guests
        # of a show, not of the talks told before it
    sides = {side_of(p.mention) for p in summit.parties if p.role == "participant"} - {None}
    if listed is not None and re.match(r"sent ", listed.group(0), re.I) and len(sides) <= 2 \
            and all(m.kind != "person" for m in people):
        return  # "Rodriguez and Blyde signed …. Russia and the Netherlands, which accompany
        # the two delegations, also sent representatives": onlookers of two sides' talks
    _with_sides(summit, frames, drafts)  # "The GCC held its summit … X and Y also took part"
    if delegation:  # "The Saudi side was headed by X": X acts for Saudi Arabia
        sides = {m.key for m in mentions if m.kind == "state" and m.key
                 and sentence.doc[m.start].idx - sentence.start_char < delegation.end()}
        if len(sides) == 1:
            side = next(iter(sides))
            people = [m if m.affiliation else replace(m, affiliation=side) for m in people]
    for m in people:
        add_party(summit, m, "participant")
    if len(people) >= 2:  # "Leaders of the GCC held their summit … X and Y took part"
        listed_here = {mention_id(m) for m in people}  # (but "alongside representatives
        summit.parties[:] = [p for p in summit.parties  # of the EU" lists the EU itself)
                             if not (p.mention.kind == "organization" and p.mention.plural
                                     and mention_id(p.mention) not in listed_here)]
    summit.support.append(Support(sentence, sentence[:1], "kg.events.v1:attendance",
                                  "present: " + ", ".join(m.label for m in people),
                                  len(people)))


SIGNATORIES = re.compile(
    r"\b(?:(?:the )?signatories\b[^.;]{0,80}?"
    r"|(?:leaders|heads of state|presidents|ministers|those|delegations) (?:who|that) signed"
    r"\b[^.;,]{0,30}?)\b(?:were|included)\b", re.IGNORECASE)


# "The documents were signed at the Chancellery by A, B and C", after a sentence telling
# that they were signed at a summit: the signatories were at it.
SIGNED_BY = re.compile(
    r"^(?:the|all|both) (?:[\w-]+ ){0,3}(?:documents|agreements|deals|accords|texts|"
    r"declarations|treaties|memorand(?:a|ums))\b[^.;]{0,60}?\bwere signed\b[^.;]{0,60}?\bby\b",
    re.IGNORECASE)
SIGNING_GATHERINGS = GATHERINGS - {"ceremony", "dinner", "lunch", "luncheon", "breakfast",
                                   "banquet", "workshop", "dialogue", "roundtable"}


# Occasions that draw leaders without being talks among them.
OCCASIONS = SPECTACLES | CEREMONIES | {"celebration", "celebrations", "commemoration",
                                       "commemorations", "games", "olympics", "anniversary",
                                       "jubilee"}


def _spectacle_before(sentence: Span) -> bool:
    """Whether the sentence just before, in the paragraph, has a show for its subject:
    "Wednesday's parade … drew 26 foreign heads of state"."""
    doc = sentence.doc
    if sentence.start == 0 or "\n" in doc[sentence.start - 1].text:
        return False
    before = doc[sentence.start - 1].sent
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in OCCASIONS
               for c in before.root.children)


def _gathering_before(sentence: Span, drafts: list[EventDraft],
                      frames: list[EventDraft] | None, published: date | None,
                      nominal_only: bool = False) -> EventDraft | None:
    """The gathering a list of people belongs to (``summit_before``): among the events read,
    else among the gatherings told without sides yet."""
    return summit_before(sentence, drafts, published, nominal_only=nominal_only) or \
        summit_before(sentence, frames or [], published, nominal_only=nominal_only)


# Sentences that put their subject at a gathering told before: "At the opening of the
# session, X took over the chairmanship", "X told the leaders gathered in the capital …",
# "X travelled to the summit in person".
AT_THE_GATHERING = re.compile(
    r"^(?:at|during) the (?:(?:opening|start|close|closing|end)(?: session)? of the )?"
    r"(?:[\w'’-]+ ){0,6}?(?:summit|session|assembly|conference|gathering)\b", re.I)
TO_THE_GATHERED = re.compile(
    r"\b(?:told|addressed|urged|briefed) the (?:\w+ ){0,2}(?:leaders|delegates|heads of state|"
    r"ministers) (?:gathered|assembled|attending)\b|\b(?:travell?ed|flew|went|came) to the "
    r"(?:\w+ )?(?:summit|session|assembly|conference|gathering)\b", re.I)


def _at_the_gathering(sentence: Span, mentions: list[Mention], drafts: list[EventDraft],
                      published: date | None, frames: list[EventDraft]) -> None:
    """ "At the opening of the 38th session of the AU Assembly, X took over the chair", "X
    told the leaders gathered in the Ethiopian capital …", "X travelled to the summit in
    person": the subject was at the gathering told before."""
    if not (AT_THE_GATHERING.search(sentence.text) or TO_THE_GATHERED.search(sentence.text)) \
            or _unreal(sentence.root):
        return
    subject = {t.i for c in sentence.root.children if c.dep_ == "nsubj" for t in c.subtree}
    people = [m for m in mentions if m.start in subject and m.kind == "person"
              and not m.modifier]
    summit = _gathering_before(sentence, drafts, frames, published) if people else None
    own = _gathering_of_its_own(sentence, mentions, published, summit) if people else None
    if own is not None:  # "At the December 2017 summit in Kuwait City, A and B were the only
        # heads of state present, while C and D sent lower-ranking delegations": that one
        summit = own
        drafts.append(own)
        aside = {t.i for c in sentence.root.children if c.dep_ in ("advcl", "relcl")
                 for t in c.subtree}  # the parse may hang a name on the place before it
        people = [m for m in mentions if m.kind == "person" and not m.modifier
                  and m.start > own.trigger.start and m.start not in aside]
        people += [m for m in mentions if m.kind == "state" and not m.modifier and any(
            v.lemma_.lower() == "send" and any(c.dep_ == "dobj" and c.lemma_.lower() in (
                "delegation", "representative", "envoy", "minister") for c in v.children)
            and m.start in {t.i for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
            for v in sentence)]
    if summit is None:
        return
    _with_sides(summit, frames, drafts)
    for m in people:
        add_party(summit, m, "participant")
    for trip in drafts:  # "travelled to the summit": there, then
        if trip.type == "Visit" and trip.sentence.start == sentence.start:
            trip.location = trip.location or summit.location
            trip.date = trip.date or summit.date
    summit.support.append(Support(sentence, sentence[:1], "kg.events.v1:attendance",
                                  "present: " + ", ".join(m.label for m in people),
                                  len(people)))


def _accompanied(sentence: Span, mentions: list[Mention], drafts: list[EventDraft]) -> None:
    """ "X received Y. President X was accompanied by Foreign Minister Mouynes and by the
    Minister of Public Security, Juan Manuel Pino": those with the host of the meeting the
    sentence before told took part in it."""
    root = sentence.root
    before = _sentence_before(sentence)
    if root.lemma_.lower() not in ("accompany", "join") or _unreal(root) or before is None:
        return
    subject = {t.i for c in root.children if c.dep_ == "nsubjpass" for t in c.subtree}
    if not any(c.dep_ == "agent" for c in root.children) or not subject:
        return
    who = {mention_id(m) for m in mentions if m.start in subject and m.kind == "person"}
    event = next((d for d in reversed(drafts[-4:]) if d.type in CONTACT
                  and d.sentence.start == before.start and who & d.keys("host")), None)
    # the host's company sits at the table; a guest's is the delegation of the trip
    company = [m for m in mentions if m.kind == "person" and not m.modifier
               and m.start > root.i and _listed_person(sentence.doc, m)]
    if event is None or not company:
        return
    for m in company:
        add_party(event, m, "participant")
    event.support.append(Support(sentence, sentence[root.i - sentence.start:
                                                    root.i - sentence.start + 1],
                                 "kg.events.v1:accompany",
                                 "with them: " + ", ".join(m.label for m in company),
                                 len(company)))


def _gathering_of_its_own(sentence: Span, mentions: list[Mention], published: date | None,
                          told: EventDraft | None) -> EventDraft | None:
    """The gathering a fronted "At the December 2017 summit in Kuwait City" names, when its
    own date sets it apart from the one told before (None otherwise)."""
    opening = AT_THE_GATHERING.search(sentence.text)
    if opening is None:
        return None
    span = sentence.char_span(opening.start(), opening.end(), alignment_mode="expand")
    if span is None:
        return None
    noun = span[-1]
    phrase = {t.i for t in noun.subtree} | {t.i for t in span}
    day = _date(sentence, phrase, published)
    if not day or told is not None and told.date and dates_agree(day, told.date):
        return None
    place = next((replace(m, as_place=True) for m in mentions if m.start in phrase and (
        m.kind == "place" or m.kind == "state" and m.source.startswith("kb:capital"))), None)
    return EventDraft(type="Meeting", trigger=sentence.doc[noun.i:noun.i + 1],
                      sentence=sentence, date=day, location=place,
                      rule="kg.events.v1:attendance")


def _with_sides(gathering: EventDraft, frames: list[EventDraft] | None,
                drafts: list[EventDraft]) -> None:
    """A gathering told without sides ("… gathered in Lima on Tuesday") that a later
    sentence gives some is an event now: out of the frames, into the drafts. Whoever hosted
    it, read as a go-between while no one else was known ("a session … hosted by X"), is
    one of its people."""
    if frames and gathering in frames:
        frames.remove(gathering)
        drafts.append(gathering)
    if gathering.trigger.root.lemma_.lower() == "host" and not gathering.keys("participant"):
        gathering.parties[:] = [Party(p.mention, "participant") if p.role == "mediator" else p
                                for p in gathering.parties]


def _signatories(sentence: Span, mentions: list[Mention], drafts: list[EventDraft],
                 published: date | None, frames: list[EventDraft],
                 signings: list[EventDraft]) -> None:
    """ "The signatories of the Lima Declaration were Argentina, Brazil, …", "Among the
    leaders who signed in person were A, B, …": those listed signed an agreement at the
    gathering told before, and so took part in it. `signings` are the agreements the
    sentence itself tells ("who signed"); without one, the list makes its own."""
    found = SIGNATORIES.search(sentence.text) or SIGNED_BY.search(sentence.text)
    if found is None or _unreal(sentence.root):
        return
    after = sentence.start_char + found.end()
    if re.search(r"\bamong\s+(?:the\s+)?$", sentence.text[:found.start()]):
        after = sentence.start_char  # "A, B and C were among the signatories, as were D"
    doc = sentence.doc
    aside = {t.i for t in sentence if t.dep_ in ("relcl", "acl") for t in t.subtree}
    listed = [m for m in mentions if doc[m.start].idx >= after and not m.modifier
              and m.kind in ("state", "person", "organization") and m.start not in aside]
    # not "as were Hungary and Serbia, whose governments keep close ties with Moscow"
    gathering = _gathering_before(sentence, drafts, frames, published)
    if len(listed) < 2 or gathering is None:
        return
    if found.re is SIGNED_BY and not _signed_at(gathering, sentence):
        return
    _with_sides(gathering, frames, drafts)  # "… gathered in the Peruvian capital on Tuesday"
    for m in listed:
        add_party(gathering, m, "participant")
    gathering.support.append(Support(sentence, sentence[:1], "kg.events.v1:signatories",
                                     "signed there: " + ", ".join(m.label for m in listed),
                                     len(listed)))
    if signings:
        return
    document = next((t for t in sentence if NOUN_TRIGGERS.get(t.lower_) == "Agreement"),
                    sentence[0])  # "the Lima Declaration"
    signed = EventDraft(type="Agreement", trigger=sentence.doc[document.i:document.i + 1],
                        sentence=sentence, date=gathering.date, location=gathering.location,
                        rule="kg.events.v1:signatories")
    for m in listed:
        add_party(signed, m, "participant")
    drafts.append(signed)


def _signed_at(gathering: EventDraft, sentence: Span) -> bool:
    """Whether the sentence just before told of a signing at the gathering: "The leaders …
    signed three agreements … at a summit hosted by X" (not talks after which ministers
    signed, nor a ceremony)."""
    before = _sentence_before(sentence)
    noun = gathering.trigger.root
    noun = noun.head if _hosted_gathering(noun) else noun
    return before is not None and gathering.sentence.start == before.start \
        and noun.lower_ in SIGNING_GATHERINGS \
        and any(t.lemma_.lower() == "sign" and t.pos_ == "VERB" for t in before)


HOST_APPOSED = re.compile(r",\s*(?:the|its|the summit's|the gathering's) hosts?\s*,")


def _host_told(sentence: Span, mentions: list[Mention], drafts: list[EventDraft],
               published: date | None, frames: list[EventDraft] | None) -> None:
    """ "Moldova's President Maia Sandu, the host, said the gathering showed …": the host
    named after a gathering told before took part in it."""
    doc = sentence.doc
    hosts = [m for m in mentions if m.kind == "person" and not m.modifier
             and HOST_APPOSED.match(doc[m.end:m.end + 6].text)]
    if not hosts:
        return
    summit = _gathering_before(sentence, drafts, frames, published, nominal_only=True)
    if summit is None or any(side_of(p.mention) not in (None, side_of(hosts[0]))
                             and p.role == "host" for p in summit.parties):
        return
    for m in hosts:
        add_party(summit, m, "host")
        add_party(summit, m, "participant")
    summit.support.append(Support(sentence, sentence[:1], "kg.events.v1:attendance",
                                  "host: " + ", ".join(m.label for m in hosts), len(hosts)))


def _departure(trigger: Token) -> bool:
    """Whether a journey verb tells only of leaving: "flew out of Abuja", "flew home"."""
    if trigger.pos_ != "VERB":
        return False
    words = {c.lower_ for c in trigger.children if c.dep_ in ("prt", "prep", "advmod")}
    return bool(words & {"out", "home", "from"}) and not words & {"to", "into", "in", "for"}


BRIEFING_VERBS = {"brief", "debrief", "inform", "update"}
ENGAGED_VERBS = {"lock", "engage", "closet", "spend", "deadlock"}  # "locked in talks"


def _others_journey(verb: Token, mentions: list[Mention]) -> bool:
    """Whether a journey verb's traveller is a common noun naming no one of the story:
    "whether asylum seekers arriving in Greece …" (not "the delegation", "the visitors",
    "the ministers", nor a noun holding a name)."""
    traveller = verb.head if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") \
        else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if traveller is None or traveller.pos_ != "NOUN" or fold(traveller.text) in TITLE_WORDS \
            or traveller.lower_ in LISTED_GROUPS | DELEGATIONS | SIDE_NOUNS | {
                "visitors", "visitor", "guests", "guest"}:
        return False
    phrase = {t.i for t in traveller.subtree}
    return not any(m.start <= traveller.i < m.end or m.start in phrase for m in mentions) \
        and not PLURAL_ANAPHOR.match(" ".join(t.lower_ for t in traveller.subtree))


def _read_trigger(doc: Doc, trigger: Token, kind: str, sentence: Span,
                  mentions: list[Mention], published: date | None,
                  earlier: list[EventDraft],
                  this_sentence: list[EventDraft] | None = None,
                  sideless: list[EventDraft] | None = None) -> EventDraft | None:
    """The event ``trigger`` tells, or None when it tells none or only adds to one told:
    ``earlier`` in the article, ``this_sentence`` with its sides, or ``sideless`` here."""
    lemma = trigger.lemma_.lower()
    if any(a.dep_ == "acl" and a.head.dep_ in ("appos", "npadvmod") and a.head.pos_ == "NOUN"
           and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in a.head.children)
           and not any(c.dep_ == "nsubj" for c in a.children)
           for a in [trigger, *trigger.ancestors]):
        return None  # "…, a forum launched in 2011 to bring Afghanistan's neighbours
        # together": what a thing is for, no event (but "- a view Trump appeared to endorse
        # when he said he had spoken by phone with Zelensky": what he did)
    journey = _hosted_journey(trigger) if lemma == "host" else None
    if journey is not None:
        visit = next((d for d in this_sentence or [] if d.type == "Visit"
                      and d.trigger.root == journey), None)
        agent = {t.i for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
        for m in mentions if visit is not None else []:
            if m.start in agent and m.kind == "person" and not m.modifier:
                add_party(visit, m, "host")
        return None  # "on a state visit to Sweden hosted by King Carl XVI Gustaf": the
        # visit's host, no meeting of its own
    attending = trigger.head if trigger.dep_ == "dobj" else trigger
    if attending.lemma_.lower() == "attend" and attending.tag_ == "VBG" and \
            attending.dep_ in ("acl", "advcl") and ATTENDANCE.search(sentence.text):
        return None  # "Among those at the table were A, B and Finland's Niinistö, attending
        # his first summit as a full member": the list tells where they sat
    if trigger.lower_ == "talk" and trigger.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in trigger.children):
        return None  # "has made the presidency the talk of every European capital": gossip
    if lemma == "negotiate" and trigger.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in {"been", "is", "are", "am"} for c in trigger.children):
        return None  # "Bangladesh has been negotiating similar arrangements with Nepal": a
        # process under way, no meeting told
    if lemma == "brief" and not (
            trigger.dep_ in ("advcl", "xcomp") and VERB_TRIGGERS.get(
                trigger.head.lemma_.lower()) == "Visit" and not _departure(trigger.head)
            and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in trigger.children)):
        return None  # "briefed reporters" is no meeting; "flew into Abuja to brief President
        # Tinubu" is: the journey was made to see him
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and \
            trigger.head.lower_ in ("on", "about") and \
            trigger.head.head.lemma_.lower() in BRIEFING_VERBS:
        return None  # "flew in to brief Tinubu on his recent talks with the juntas": what
        # the briefing was about, told there without its own time or place
    if kind == "Visit" and trigger.pos_ == "VERB" and _others_journey(trigger, mentions):
        return None  # "whether asylum seekers arriving in Greece …": others' journeys
    if lemma == "host" and any(c.dep_ == "dobj" and any(t.lower_ in GARRISONS for t in c.subtree
                                                         if t.i <= c.i)
                               for c in trigger.children):
        return None  # "has hosted the United States Navy's Fifth Fleet": a base, no talks
    if lemma in ("embrace", "hug") and not any(
            m.kind == "person" and (c.dep_ == "dobj" and any(
                m.start <= x.i < m.end for x in (c, *(a for a in c.children
                                                      if a.dep_ == "appos")))
                or c.dep_ == "agent" and any(m.start <= x.i < m.end for x in c.children))
            for c in trigger.children for m in mentions):
        return None  # "embraced the plan": no one met; "embraced Bajwa", "embraced
        # Pakistan's army chief, General Bajwa", "was embraced by Putin": they met
    if lemma == "attend" and any(c.dep_ == "dobj" and any(
            t.lower_ in CEREMONIES for t in c.subtree if t.i <= c.i) for c in trigger.children):
        return None  # "Muizzu attended Modi's swearing-in": a guest, no talks with Modi
    if kind == "Visit" and _departure(trigger):
        return None  # "Tillerson flew out of Abuja on Monday night": he left
    if kind == "Meeting" and lemma in ("host", "convene", "hold") and any(
            t.lower_ in AT_A_DISTANCE and t.head.lower_ in {"talks", "negotiations"}
            for c in trigger.children if c.dep_ == "dobj" for t in c.subtree):
        kind = "Mediation"  # "Turkey hosted two rounds of indirect talks between A and B"
    # "held talks", "signed a deal": the noun decides the type, the verb carries the clause.
    if trigger.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS:
        nouns = [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
        nouns += [p for n in nouns if n.lower_ in MEASURES
                  for of in n.children if of.lower_ == "of" for p in of.children
                  if p.dep_ == "pobj"]  # "held a fresh round of military talks"
        noun_type = next((_event_type(n) for n in nouns if _event_type(n)), None)
        if noun_type == "Agreement" and lemma not in AGREEMENT_VERBS:
            noun_type = None  # "discussed a ceasefire" is no agreement
        if noun_type:
            kind = noun_type
        elif lemma not in VERB_TRIGGERS and not (lemma in OPENING_VERBS and kind == "Meeting") \
                and not (lemma in ("discuss", "review") and kind == "PhoneCall") \
                and not (lemma == "take" and any(c.lower_ == "aside" for c in trigger.children)):
            return None  # but "began the day with X" and "took X aside" are meetings, and
            # "discussed it with X by video link" a call (see _event_type)
    # A nominal trigger that is the object of a verb is read from that verb's clause.
    makers = _makers(trigger, mentions) if trigger.pos_ in ("NOUN", "PROPN") else set()
    # "the visit that Wang Yi paid to Moscow": told here, with who made it
    anaphoric = (trigger.pos_ in ("NOUN", "PROPN")
                 and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                         for c in trigger.children)
                 and not any(c.dep_ == "prep" and c.lower_ in {"between", "with", "of"}
                             for c in trigger.children)
                 and not any(c.dep_ == "acl" and c.lemma_.lower() == "hold" and any(
                     p.dep_ == "prep" and p.lower_ == "between" for p in c.children)
                     for c in trigger.children)  # "the telephone conversation held on 10
                 # December between the King and Trump": its sides named with it, a new one
                 and not (trigger.dep_ in ("nsubj", "nsubjpass") and any(
                     c.lower_ == "between" for c in trigger.head.children))  # "The talks
                 # were held … between a Libyan delegation … and an Egyptian one", "The talks
                 # opened in Barbados on Monday between …": new ones
                 and not any(c.dep_ in ("amod", "compound", "nmod", "poss")
                             for c in trigger.children
                             if c.i in {m.start for m in mentions})
                 and not (trigger.lower_ in ("round", "rounds") and any(
                     c.ent_type_ == "ORDINAL" for c in trigger.children))  # "the third
                 # round": a new one
                 and not makers)
    if anaphoric and _told_for_reference(trigger):
        return None  # "Four days after the deal, …": the deal told before, only a reference
    if lemma in MEDIATION_VERBS or lemma == "lead" and kind == "Mediation":
        target = [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")] or [
            c for c in trigger.head.children if c.dep_ == "nsubjpass"
            and trigger.dep_ == "conj"]  # "The talks were convened by X and facilitated by Y"
        target_type = next((_event_type(t) for t in target if _event_type(t)), None)
        if target_type in CONTACT and any(
                any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
                and not any(m.start in {x.i for x in t.subtree} - {
                    y.i for c in t.children if c.dep_ in ("relcl", "acl") for y in c.subtree}
                    for m in mentions)
                for t in target):  # "The talks, which opened on Monday, were facilitated by"
            previous = next((d for d in reversed(earlier) if d.type in CONTACT), None)
            deal = next((d for d in reversed(earlier[-3:]) if d.type == "Agreement"
                         and len(d.keys("participant")) >= 2), None)
            if previous is None and deal is not None and any(
                    t.dep_ == "nsubjpass" and _event_type(t) in CONTACT for t in target):
                # "X and Y signed a deal … The talks were facilitated by Z": the talks of
                # the deal's parties, with Z as mediator
                talks = next(t for t in target if t.dep_ == "nsubjpass")
                previous = EventDraft(type="Meeting", trigger=doc[talks.i:talks.i + 1],
                                      sentence=sentence, rule=f"kg.events.v1:{lemma}",
                                      confidence=0.7, location=deal.location)
                for party in deal.parties:
                    if party.role == "participant":
                        add_party(previous, party.mention, "participant")
                previous.date = _date(sentence, {t.i for t in sentence}, published)
                earlier.append(previous)
            elif previous is not None and deal is not None and not previous.keys("participant") \
                    and previous.sentence.start >= deal.sentence.start:
                # "signed by X and Y at the end of negotiations convened by the AU … The
                # talks were led by Z": the talks of the deal's parties
                for party in deal.parties:
                    if party.role == "participant":
                        add_party(previous, party.mention, "participant")
            if previous is not None:
                root = _clause_root(trigger)
                tokens = _clause_tokens(root, trigger)
                added = [m for m in mentions if m.start in tokens and not m.modifier
                         and not m.as_place and m.kind in ("person", "state", "organization")
                         and _listed_person(doc, m)]
                added += _assistants(doc, added, mentions)
                if lemma == "lead":  # "led by" a side's own envoy: a party, not a go-between
                    sides = {side_of(p.mention) for p in previous.parties
                             if p.role == "participant"}
                    added = [m for m in added if side_of(m) not in sides]
                for m in added:
                    add_party(previous, m, "mediator")
                if any(fold(w.text) == "indirect" for t in target for w in t.children) or any(
                        fold(w.text) == "indirect" for w in previous.trigger.root.children):
                    previous.type = "Mediation"  # the parties never met: a third went between
                previous.support.append(Support(
                    sentence, doc[trigger.i:trigger.i + 1], f"kg.events.v1:{lemma}",
                    "mediator of the event above: " + ", ".join(m.label for m in added)))
                return None
    root = _clause_root(trigger)
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    session = _earlier_session(trigger) if kind == "Meeting" and nominal else None
    if session is not None and any(session.left_edge.i <= m.start <= session.right_edge.i
                                   and m.kind != "place" for m in mentions):
        session = None  # "the first Saudi-Iranian session, brokered by Iraq": its own sides
    if lemma in MEDIATION_VERBS and trigger.dep_ in ("amod", "compound") and \
            trigger.i > 0 and doc[trigger.i - 1].text in {"-", "–"}:
        root = trigger.head  # "a China-brokered deal": China brokered it, no one else here
        if NOUN_TRIGGERS.get(root.lower_) == "Agreement" or root.lower_ == "fire" and \
                doc[root.i - 1].text == "-":  # "cease-fire"
            kind = "Agreement"  # the deal, with its broker as mediator
    if kind == "Threat" and _threat_of_force(trigger):
        root = trigger  # "Erdogan's statement that his army will strike Syrian forces"
    governed = trigger.head.lemma_.lower() in LIGHT_VERBS and trigger.dep_ in ("dobj", "attr")
    measure = trigger.head.head if trigger.head.lower_ == "of" else None
    if measure is not None and measure.lower_ in MEASURES \
            and measure.dep_ in ("dobj", "attr") and measure.head.lemma_.lower() in LIGHT_VERBS:
        governed = True  # "held a fresh round of military talks"
    if kind == "Agreement" and trigger.head.lemma_.lower() not in AGREEMENT_VERBS:
        governed = False
    if kind == "Agreement" and trigger.head.lemma_.lower() == "adopt" and trigger.dep_ == "dobj":
        governed = True  # "the four presidents adopted a joint declaration"
    if kind in CONTACT and trigger.dep_ in ("nsubj", "nsubjpass") and (
            trigger.head.lemma_.lower() in {"happen", "occur"} or trigger.head.lemma_.lower()
            in {"take", "hold"} and (trigger.dep_ == "nsubjpass" or any(
                c.dep_ == "dobj" and c.lower_ == "place" for c in trigger.head.children))):
        governed = True  # "Their first conversation took place by video link on …"
    if kind in CONTACT and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and \
            trigger.head.head.lemma_.lower() in ENGAGED_VERBS and not _unreal(trigger.head.head):
        governed = True  # "officials spent 40 hours locked in negotiations in Panmunjom"
    if kind in CONTACT and any(c.dep_ == "acl" and c.lemma_.lower() == "hold" and c.tag_ == "VBN"
                               for c in trigger.children):
        governed = True  # "the strategic dialogue held on March 18 in Anchorage between A and B"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" and \
            _describes_the_object(trigger.head.head) or trigger.dep_ == "oprd" and \
            _describes_the_object(trigger.head):
        governed = True  # "held what he described as a 'warm and productive' meeting with X"
    held = trigger.nbor(2) if trigger.i + 2 < len(doc) and doc[trigger.i + 1].text == "," \
        else None
    held_between = kind in CONTACT and held is not None and held.lemma_.lower() == "hold" and \
        held.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ == "between"
                                   for c in held.children)
    if held_between:  # "14 months of secret negotiations, held mostly in Geneva, between a
        governed = True  # U.S. team … and Iranian officials": the participle set off, hung on
        # the verb by the parser
    governor = _governing_verb(trigger)
    subjects_before = _subjects_before(doc, trigger, mentions) if trigger.pos_ == "VERB" \
        else _subjects_before(doc, trigger.head, mentions) if trigger.dep_ == "dobj" and \
        trigger.head.pos_ == "VERB" and trigger.head.dep_ == "ROOT" and \
        trigger.head.i < trigger.i else set()  # "Before …, Macron and Bazoum held talks"
    duration = trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
        trigger.head.head.lower_ in DURATIONS | PHASES and trigger.head.head.dep_ == "pobj" and \
        trigger.head.head.head.lower_ in EVENT_PREPS  # "after four days of talks in Beijing",
    # "signed a declaration at the end of a meeting at the palace"
    # "flew to Banjul for a last round of talks with Jammeh": the round stands for the talks
    outer = measure if measure is not None and measure.dep_ == "pobj" and (
        measure.lower_ in ROUNDS or measure.lower_ in MEASURES and measure.head.lower_ == "for"
    ) else trigger  # "went downstairs for about 50 minutes of talks with X": the minutes
    in_phrase = (duration or outer.dep_ == "pobj" and (outer.head.lower_ in EVENT_PREPS or (
        kind == "Visit" and outer.head.lower_ == "with") or (
        kind in CONTACT and outer.head.lower_ == "with"  # "began a visit with talks with X"
        and (any(NOUN_TRIGGERS.get(t.lower_) == "Visit"
                 for t in (outer.head.head, *outer.head.head.children))
             or outer.head.head.lemma_.lower() in OPENING_VERBS
             or _going_ahead(outer.head.head))) or (
        kind in CONTACT and outer.head.lower_ == "for" and governor is not None
        and (VERB_TRIGGERS.get(governor.lemma_.lower()) == "Visit"
             or governor.lemma_.lower() in TRIP_VERBS or governor.lemma_.lower() in (
                 "find", "make") and any(c.dep_ == "dobj" and c.lower_ == "time"
                                         for c in governor.children))) or (
        # "drove to the mansion for talks", "found time on Thursday for talks with X"
        kind in CONTACT and outer.head.lower_ == "into" and governor is not None
        and governor.lemma_.lower() in {"go", "head", "walk", "step", "move"}))) and \
        governor is not None  # "went straight into a one-on-one meeting with X"
    if nominal and trigger.lower_ in WEAK_NOUNS and not governed and not (
            in_phrase and trigger.lower_ not in PROCESS_NOUNS) and (
            trigger.lower_ in PROCESS_NOUNS or not _has_parties_list(doc, trigger, mentions)):
        return None
    if nominal and _talked_about(trigger):
        return None  # "talks on the EU-Mercosur agreement": what the talks were about
    if nominal and trigger.head.lemma_.lower() in MEDIATION_VERBS:
        return None  # "mediated talks between A and B" is read from the verb
    own = ({t.i for t in trigger.subtree} | _modifiers_before(doc, trigger, mentions)) - {
        t.i for c in trigger.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    own_parties = any(m.start in own and not m.modifier and not m.as_place and m.kind in (
        "person", "state", "organization") and m.start != trigger.i for m in mentions)
    if nominal and in_phrase and not _listed_after(doc, trigger, mentions) and not own_parties:
        # "urged Putin ... in a phone call", "struck an upbeat tone at a rare meeting"
        root = _clause_root(governor)
        tokens = _clause_tokens(root, trigger) - _tour_stops(root)
        for told in [c for c in root.children if c.dep_ == "ccomp" and trigger in c.subtree]:
            # "X told Y that the Biden administration …, during a meeting": what was told
            # names no party of the meeting
            phrase = next(a for a in [trigger, *trigger.ancestors] if a.head == told)
            tokens -= {t.i for t in told.subtree} - {t.i for t in phrase.subtree}
    elif nominal and in_phrase and governor is not None:
        # "suggested X during a phone call with Putin": the subject made the call
        tokens = {t.i for t in trigger.subtree} - _descriptions(trigger) - {
            t.i for r in trigger.subtree if r.dep_ == "relcl" and r.head != trigger
            for c in r.children if c.dep_ in ("ccomp", "xcomp", "advcl") for t in c.subtree}
        # (not "a meeting with Renzi, who assured him that Rome favoured keeping sanctions on
        # Russia": what was said)
        tokens |= _listed_after(doc, trigger, mentions)
        clause = _clause_root(governor)
        if clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_.startswith("nsubj") for c in clause.children):
            clause = clause.head  # "Macron had flown in … and went into a meeting with X"
        if not (own_parties and trigger.head.lower_ in EVENT_REFERENCE_WORDS):
            # not "… days after Tehran's talks with Washington": those talks had their own
            tokens |= {t.i for c in clause.children if c.dep_.startswith("nsubj")
                       for t in c.subtree} - {t.i for c in clause.children
                                              if c.dep_.startswith("nsubj") for r in c.children
                                              if r.dep_ in ("relcl", "acl") for t in r.subtree}
            # (not "Pashinyan, who had said he was ready to sign with Baku, …": Baku)
            tokens |= _companions(clause)  # "flew to Abu Dhabi together with O'Brien …
            # for talks with Emirati officials": they went to the talks too
        if trigger.head.lower_ == "with" and governor.lemma_.lower() in OPENING_VERBS:
            tokens |= {t.i for c in governor.children if c.dep_ == "dobj"
                       for t in c.subtree} - _tour_stops(governor)
            # "had started the Arab leg of the trip on Sunday with talks with X": that day
    elif nominal and not governed and not trigger.dep_.startswith("nsubj"):
        # "a 2019 agreement between Turkey and Russia": the noun phrase holds the parties.
        tokens = {t.i for t in trigger.subtree} - {
            t.i for c in trigger.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        tokens -= _descriptions(trigger)
        tokens |= _listed_after(doc, trigger, mentions) | _modifiers_before(doc, trigger, mentions)
        tokens |= makers
        if kind == "Agreement" and trigger.dep_ == "dobj" and trigger.i + 1 < len(doc) and \
                doc[trigger.i + 1].lower_ == "with" and _listed_after(doc, trigger, mentions):
            # "Ankara suspended a migration deal with the EU": the subject is the other side
            tokens |= {t.i for c in trigger.head.children if c.dep_ == "nsubj"
                       for t in c.subtree}
    elif lemma in ("bring", "gather", "assemble") and trigger.dep_ == "acl" and \
            trigger.head.lower_ in GATHERINGS and trigger.head.dep_ == "pobj":
        # "on the sidelines of a summit bringing together the US president and leaders of
        # A, B and C": the summit's own people, not those of the clause it hangs in
        tokens = {t.i for t in trigger.subtree}
    else:
        tokens = _clause_tokens(root, trigger)
        tokens |= _listed_after(doc, trigger, mentions)
        tokens |= subjects_before
        for subject in (c for c in root.children if c.dep_ == "nsubj" and c.i < root.i):
            if subject.left_edge.i > 0 and (doc[subject.left_edge.i - 1].lower_ == "and" or
                                            fold(doc[subject.left_edge.i - 1].text)
                                            in TITLE_WORDS):
                tokens |= _named_leftwards(doc, subject.left_edge, mentions, lambda t: fold(
                    t.text) in TITLE_WORDS or t.lower_ == "and") & {t.i for t in root.subtree}
                # "at which Secretary of State Mike Pompeo and national security adviser John
                # Bolton sat": the parser may hang the first subject on the fronted phrase
        for later in _sequel_clauses(trigger):  # "called on Shoigu before being received by
            tokens -= {t.i for t in later.subtree}  # Putin": two tables, one after the other
        if trigger.dep_ == "pcomp" and trigger in _sequel_clauses(trigger.head.head):
            verb = trigger.head.head  # whoever did the first did the second
            while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj")
                                                  for c in verb.children):
                verb = verb.head  # "landed … and was greeted … before sitting down with X"
            tokens = {t.i for t in trigger.subtree} - _excluded(trigger, trigger) | {
                t.i for c in verb.children if c.dep_.startswith("nsubj") for t in c.subtree}
        if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ == "for" \
                and any(c.dep_ == "dobj" for c in trigger.head.head.children):
            # "Moscow criticised the Maltese government for hosting …", "thanked Malta for
            # hosting …": the one praised or blamed did it, not the subject
            tokens -= {t.i for c in trigger.head.head.children if c.dep_.startswith("nsubj")
                       for t in c.subtree}
        if trigger.dep_ == "conj" and trigger.pos_ == "VERB" and not any(
                c.dep_ == "nsubj" and c.i < trigger.i for c in trigger.children):
            # "X called on A and later met B": B parsed as the subject of "met"; X met B
            tokens |= {t.i for c in trigger.head.children if c.dep_ == "nsubj"
                       for t in c.subtree}
    if session is not None:  # "The previous round … took place in Thimphu in 2016"
        tokens |= {t.i for t in session.head.subtree} - _excluded(session.head, trigger)
    if nominal and kind in CONTACT:
        tokens |= _addressed_within(trigger) | _with_again(trigger)
    if held_between:
        tokens |= {t.i for t in held.subtree}
    tokens -= _reference_phrases(trigger)  # "…, a week after a call between A and B"
    ties = _relations_established_with(trigger) if kind == "Agreement" else set()
    if kind == "Agreement":
        tokens -= _released(trigger)
        tokens |= ties
    if kind in CONTACT:
        tokens -= _senders_of_messages(trigger.sent)
    if any(c.dep_ == "nsubjpass" and (c.lower_ in GATHERINGS or c.lower_ in NOUN_TRIGGERS)
           for c in root.children):  # "The conference was convened to move towards a
        # response to migration through the Darién jungle on the border with Colombia":
        # what it was for names no party
        purpose = next((c for c in root.children if c.dep_ in ("xcomp", "advcl")
                        and trigger not in c.subtree and any(
                            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if purpose is not None:  # and what the parse hung after it ("…, and in particular
            tokens -= {t.i for c in root.children if c.i >= purpose.i  # through …")
                       and trigger not in c.subtree for t in c.subtree}
    if root.lemma_.lower() == "use":  # "used a meeting with Li to urge China to restrain
        tokens -= {t.i for c in root.children if c.dep_ in ("xcomp", "advcl")  # Pyongyang":
                   and trigger not in c.subtree for t in c.subtree}  # the purpose, no party
    tokens |= _names_after_their_posts(doc, tokens, mentions)
    listed = _colon_list(trigger) if lemma in ("bring", "gather", "assemble") else set()
    if kind in CONTACT and not listed:
        tokens |= _counterparts_spelled_out(doc, trigger, mentions)
    if listed:  # "brought together the foreign ministers of the Quad: A, B and C": A, B
        tokens = tokens - set(range(trigger.i + 1, min(listed))) | listed  # and C, not the Quad
    if lemma in ("bring", "gather", "assemble", "host", "convene", "hold", "attend"):
        tokens |= _named_among(doc, trigger, mentions)
    in_the_gathering = _who_in_the_gathering(trigger)  # "a summit at which A and B …"
    if lemma in ("host", "convene", "chair"):
        tokens |= in_the_gathering
    if anaphoric and kind in CONTACT | {"Visit"} and session is None and not \
            _named_taking_part(trigger, mentions):
        # "The talks concluded in Moscow": no new parties, only facts for the last such event.
        # (But "The meeting was held with the participation of A and B" names its sides.)
        _brokers_of_the_last(doc, tokens, mentions, [*earlier, *(this_sentence or [])])
        _widened_to(trigger, mentions, earlier or this_sentence or [])
        _present_at_the_opening(trigger, mentions, [*earlier, *(this_sentence or [])])
        _holders_of_the_last(trigger, mentions, [*earlier, *(this_sentence or [])])
        return None
    if lemma in JOINING:
        # "the summit, which Putin co-chaired": the noun the relative pronoun stands for
        objects, relatives = [], []
        shared = [c for c in trigger.head.children if c.dep_ == "nsubjpass" and (
            _event_type(c) or c.lower_ in GATHERINGS | SUMMITS)] if \
            trigger.dep_ == "conj" and not any(c.dep_ in ("dobj", "nsubjpass")
                                               for c in trigger.children) else []
        # "The summit was co-chaired by A and B, and hosted by C": the summit, for both
        for child in [*trigger.children, *shared]:
            if child.dep_ in ("dobj", "nsubjpass"):
                noun = _relative_event(child)
                if noun is None and child.lower_ == "it" and trigger.dep_ == "relcl" and \
                        lemma in ("host", "chair", "attend"):
                    noun = child  # "chaired by X, who hosted it on behalf of Y": that meeting
                (objects if noun is None else relatives).append(noun or child)
        if lemma == "join":  # "joined the president for that session": the session told
            objects += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in {
                "for", "at", "in"} for p in c.children if p.dep_ == "pobj" and any(
                d.lower_ in {"that", "this"} for d in p.children) and (
                _event_type(p) or p.lower_ in {"session", "round"})]
        objects += relatives
        shared_told = next((d for d in this_sentence or [] if d.trigger.root in shared), None)
        if shared_told is not None:  # "The summit was co-chaired by A and B, and hosted by C": C
            agent = {t.i for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
            role = "participant" if shared_told.trigger.root.lower_ in SUMMITS else \
                "host" if lemma == "host" else JOINING[lemma]  # joins the summit told here
            for m in mentions:
                if m.start in agent and not m.modifier and m.kind in ("person", "state"):
                    add_party(shared_told, m, role)
            return None
        signing = [o for o in objects if o.lower_ in {"signing", "signature"} or any(
            c.lower_ in {"signing", "signature"} for c in o.children)]  # "the signing ceremony"
        events = [o for o in objects if _event_type(o) or o.lower_ in {"session", "round"}
                  or o in relatives or o in signing]  # "…, which was attended by …"
        referring = any(any(c.lower_ in {"the", "this", "that", "their"} or c.dep_ == "poss"
                            for c in o.children) and not any(
            c.ent_type_ == "ORDINAL" for c in o.children) and not any(
            m.start in _own_phrase(o) or m.start in _listed_after(doc, o, mentions)
            for m in mentions) for o in events) or bool(relatives)
        gathered = lemma == "join" and any(
            o.dep_ == "dobj" and o.lower_ in GATHERED_PEOPLE
            and any(c.lower_ == "the" for c in o.children)
            for o in objects) or lemma == "join" and _joined_as_a_guest(trigger) or \
            lemma == "chair" and _at_a_session_of_it(trigger)
        # "Rouhani joined the leaders for the expanded session", "X joined as an invitee",
        # "At the closing plenary, co-chaired by A and B, …"
        if referring or gathered or (lemma in ("attend", "join", "chair") and not events
                                     and not _for_an_event(trigger)):
            nouns = {o.lower_ for o in events}
            # "the meeting", "the summit" refer back to an event named by a noun
            meetings = [d for d in earlier[-8:] if d.type in ("Meeting", "Mediation")
                        and d.trigger.root.pos_ in ("NOUN", "PROPN")] + [
                d for d in this_sentence or [] if d.type in ("Meeting", "Agreement") and any(
                    d.trigger.root in (o, *o.children) or o in d.trigger.root.children
                    for o in events)]
            latest = [d for d in earlier[-3:] if d.type == "Meeting"][-1:]
            if referring and latest and latest[0] not in meetings and all(
                    d.sentence.start <= latest[0].sentence.start for d in meetings) and not any(
                    t.lower_ in SUMMITS | {"session"} for o in events for t in o.subtree):
                meetings.append(latest[0])  # "… sat down for the ASEAN-US summit with X.
                # X opened the meeting …": the meeting just told, not a summit named before
            # "The summit, hosted by X, was co-chaired by Y and Z": the one this sentence told
            told_here = lemma in ("chair", "attend") and (_chairs_event_told(trigger) or any(
                trigger.dep_ == "conj" and d.trigger.root == trigger.head and d.type == "Meeting"
                for d in this_sentence or []))  # "X had hosted … a meeting …, and attended by"
            if told_here:
                # "Talks were held in Beijing, co-chaired by A and B", "met at a summit
                # co-chaired by A and B": the event this sentence told, and no earlier one;
                # but "The summit, chaired by X, …" is the one told before
                told = [d for d in [*(this_sentence or []), *(sideless or [])]
                        if d.type == "Meeting" and ({d.trigger.root, d.trigger.root.head} & set(
                            trigger.ancestors) or d.trigger.root in _chaired_nouns(trigger))] or [
                    d for d in earlier[-8:] if d.type == "Meeting" and trigger.dep_ == "conj"
                    and any(s.sentence.start == sentence.start and s.trigger.root == trigger.head
                            for s in d.support)]  # "The meeting was convened by … and chaired
                # by X": the meeting the first verb added to
                if told or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                   for h in _hung_on(trigger) for c in h.children):
                    meetings = told[-1:]
            if not meetings and referring:  # "X and Y met … The meeting was hosted by Z"
                meetings = [d for d in earlier[-3:] if d.type == "Meeting"][-1:] or [
                    d for d in sideless or [] if d.type == "Meeting" and not relatives
                    and d.sentence.start < sentence.start][-1:]
                # "Leaders of the six Gulf states … met in Jeddah on Wednesday. The meeting
                # was chaired by X": the gathering told just before without its sides
            joined = {mention_id(m) for m in mentions if m.start in {
                t.i for c in trigger.children if c.dep_ == "nsubjpass" or (
                    c.dep_ == "dobj" and _joined_at_the_table(trigger))
                for t in c.subtree}}  # "Blinken joined Biden at the table": Biden's talks
            summit = summit_before(sentence, earlier, published) if gathered else None
            if summit is not None:  # "Rouhani joined the leaders": the gathering just told
                meetings = [summit]
            elif lemma == "join" and joined:  # "Ramaphosa was joined by Sall and Hichilema"
                meetings = [d for d in earlier[-4:] if d.type in CONTACT
                            and joined & d.keys()][-1:] or meetings
            elif lemma == "join" and trigger.dep_ in ("acl", "advcl") and not events:
                # "Guterres sat down with A and B in a meeting of the quartet, joined by C":
                # the meeting this sentence told, not a summit named before
                meetings = [d for d in this_sentence or [] if d.type in CONTACT][-1:] or \
                    meetings
            if signing:
                meetings = [d for d in earlier[-8:] if d.type == "Agreement"][-1:]
            previous = next((d for d in reversed(meetings) if d.trigger.root.lower_ in nouns),
                            None)
            gatherings = nouns | {o.lower_ for o in objects}
            sideline = False
            if previous is None and gatherings & (SUMMITS | {"session"}) and not any(
                    d.lower_ in {"that", "this"} for o in objects for d in o.children):
                # (but "joined the president for that session": the one just told)
                # "May sat down with the Gulf rulers on the final day of the bloc's summit,
                # hosted by King Hamad. On the sidelines, May held talks with King Salman. ¶
                # The Gulf leaders had opened the summit on Tuesday": the summit, not the talks
                previous = next((d for d in reversed(earlier[-8:]) if d.type == "Meeting"
                                 and any(t.lower_ in gatherings for t in d.sentence) and not any(
                                     t.lower_ in ("sidelines", "margins") for t in d.sentence)),
                                None)
                if previous is None and meetings and any(
                        t.lower_ in ("sidelines", "margins") for t in meetings[-1].sentence):
                    meetings = []  # "Ghani and Sharif held talks on the sidelines of the
                    # conference. … Swaraj attended the same conference": not their talks;
                    sideline = True  # the gathering is one of its own
            previous = previous or (meetings[-1] if meetings else None)
            if lemma == "attend" and not told_here and not events and all(
                    o.ent_type_ == "PERSON" for o in objects) and not any(
                    c.dep_ == "prep" and any(_event_type(g) for g in c.children)
                    for c in trigger.children):  # "attended as observers": the last gathering
                # (and "Leaders … attended, among them Fiji's Sitiveni Rabuka, …", the names
                # parsed as objects)
                previous = next((d for d in reversed(this_sentence or [])
                                 if d.type == "Meeting" and trigger.dep_ not in (
                                     "relcl", "acl")), None) or summit_before(
                    sentence, earlier, published) or previous  # "the ministers sat down
                # with Muttaqi …; Qatar and Indonesia attended as guests": that meeting
            then = previous.date or _date(previous.sentence, set(range(
                previous.sentence.start, previous.sentence.end)), published) \
                if previous is not None else None  # its date, if not yet given it
            if then and previous not in (this_sentence or []):
                when = _date(sentence, {t.i for t in sentence}, published)
                if when and not dates_agree(then, when):
                    previous = None  # "Algiers had hosted, on 23 January, a ministerial
                    # meeting … attended by …": another gathering than the talks of 2 February
            own_people = {mention_id(m) for m in mentions if m.start in in_the_gathering
                          and m.kind in ("person", "state", "organization")}
            if previous is not None and len(own_people - previous.keys()) >= 2:
                previous = None  # "X also chaired the forum's session with its dialogue
                # partners, at which delegations from A, B and C heard …": a gathering of
                # its own, with its own people
            if previous is not None:
                added = [m for m in mentions if m.start in tokens and not m.modifier
                         and not m.as_place and m.kind in ("person", "state", "organization")
                         and _listed_person(doc, m)]
                if JOINING[lemma] == "mediator":  # who hosted or chaired: the subject or agent
                    partners = {t.i for c in trigger.children if c.dep_ == "prep"
                                and c.lower_ == "with" for t in c.subtree}
                    added = [m for m in added if _subject_of(doc, m, trigger)
                             or _in_agent_phrase(doc, m, set(JOINING))
                             or m.start in partners]  # "which Putin co-chaired with Sisi"
                if trigger.dep_ == "relcl" and added and any(
                        d.type in CONTACT and {mention_id(m) for m in added} <= d.keys()
                        for d in this_sentence or []):
                    return None  # "A met in Samarkand with B, who chaired the talks, C …":
                    # the talks this sentence tells, where B already sits
                role = JOINING[lemma]
                if lemma == "chair" and _co_chaired(trigger):
                    role = "participant"  # "co-chaired by A and B": the two sides
                if lemma == "attend" and any(t.lower_ in {"observer", "observers"} and any(
                        c.lower_ == "from" for c in t.children) for t in trigger.subtree):
                    role = "witness"  # "The negotiations were attended by observers from …"
                if role == "mediator" and (previous.trigger.root.lower_ in SUMMITS or any(
                        o.lower_ in SUMMITS for o in events) or any(
                        p.lower_ in SUMMITS for c in previous.trigger.root.children
                        if c.dep_ == "prep" and c.lower_ in ("for", "at")
                        for p in c.children if p.dep_ == "pobj")):
                    role = "participant"  # "The summit was chaired by Tinubu"; "Leaders met
                    # in Jeddah for the first summit … The meeting was chaired by X"
                if role == "mediator" and _many_met(previous):
                    role = "participant"  # "The 31 allies met … for a working session chaired
                    # by Stoltenberg": one of the many at the table
                if role == "mediator" and lemma == "chair" and _a_body_met(previous, mentions):
                    role = "participant"  # "the AU Peace and Security Council met …, in a
                    # session chaired by X": X sits on the council
                if previous.type == "Agreement" and role == "participant":
                    role = "witness"  # "attended the signing": looked on
                for m in added:  # "X opened the meeting" of which X is a side: still one
                    if role in ("participant", "witness") and _broker_by_trade(doc, m):
                        add_party(previous, m, "mediator")
                        continue
                    add_party(previous, m, "participant" if lemma == "open" and (
                        mention_id(m) in previous.keys("participant") or m.affiliation in {
                            p.mention.affiliation for p in previous.parties
                            if p.role == "participant" and p.mention.kind == "person"} - {None})
                        else role)  # "X opened the meeting" where X's side sits: one of it
                if lemma == "join" and joined:  # the mission's other meetings of those days
                    for other in earlier[-4:]:
                        if other is not previous and other.type in CONTACT and \
                                joined & other.keys() and other.sentence == previous.sentence:
                            for m in added:
                                add_party(other, m, role)
                what = "took part in" if JOINING[lemma] == "participant" else "led"
                previous.support.append(Support(
                    sentence, doc[trigger.i:trigger.i + 1], f"kg.events.v1:{lemma}",
                    f"{what} the event above: " + ", ".join(m.label for m in added)))
                return None
            framed = lemma in ("chair", "attend", "open") and any(
                f.type == kind and 0 <= sentence.start_char - f.sentence.start_char < 400
                for f in sideless or [])  # "Leaders gathered in Bucharest on Tuesday. X
            # chaired the session": the gathering told without sides, which X now gives one
            opened = lemma == "open" and bool(nouns & SUMMITS) and not _opens_reference(
                trigger, EVENT_REFERENCE_WORDS) and _opened_by(
                trigger, EVENT_REFERENCE_WORDS) is None  # not "a few hours before G20
            # leaders opened their two-day meeting", nor "opened Saturday's ceremony"
            co_chairs = lemma == "chair" and _co_chaired(trigger) and previous is None and \
                trigger.pos_ == "VERB" and len({mention_id(m) for m in mentions if m.kind ==
                                                "person" and sentence.start <= m.start < trigger.i
                                                and not m.modifier}) >= 2
            # "On Monday in Pretoria he and Pandor co-chaired the Strategic Dialogue": the two
            # sides' own meeting, not the talks told before
            if referring and not relatives and not sideline and not own_people and not (
                    (lemma in ("host", "convene") or opened) and not meetings) and not framed \
                    and not co_chairs:
                return None  # "who also attended the meeting": one not read here; but "the
                # Trilateral Summit, which was hosted by Li Keqiang" is read on its own, and
                # so are "X hosted the meeting 'For a Fraternal Neighbourhood' in Palenque"
                # and "Crown Prince Mohammed bin Salman opened the summit in Riyadh" when no
                # meeting was told before
    if lemma == "bring" and earlier and any(
            c.dep_ == "nsubj" and NOUN_TRIGGERS.get(c.lower_) in CONTACT and any(
                d.lower_ in {"the", "these", "those"} for d in c.children) and not any(
                d.dep_ in ("acl", "relcl", "appos") for d in c.children)  # not "The
            for c in trigger.children):  # discussions, held from Sept. 14 to 18, brought …"
        # "The talks bring together the government of President Kiir and … (SSOMA)": the
        # sides of the talks just told
        talks = _talks_just_told(sentence, earlier)
        if talks is not None:
            subject = {t.i for c in trigger.children if c.dep_ == "nsubj" for t in c.subtree}
            subject |= {t.i for c in trigger.subtree if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in BACKGROUND_PREPS for m in c.children)
                for t in c.subtree}  # "…, since Israel began striking Iranian sites"
            sides = [m for m in mentions if m.start not in subject and not m.modifier
                     and (not m.as_place or m.kind == "organization")  # "grouped in SSOMA"
                     and m.kind in ("person", "state", "organization")
                     and sentence.start <= m.start < sentence.end]
            sides = [_as_its_state(m) if m.kind == "person" and _government_of(doc, m) else m
                     for m in sides]  # "the government of President Salva Kiir"
            for m in sides:
                add_party(talks, m, "participant")
            talks.support.append(Support(sentence, doc[trigger.i:trigger.i + 1],
                                         "kg.events.v1:bring-together", "sides of the event "
                                         "above: " + ", ".join(m.label for m in sides)))
            return None
    if kind == "Mediation" and trigger.lower_ in MEDIATOR_NOUNS:
        _named_mediator(doc, trigger, sentence, mentions, earlier)  # "The mediator is X"
        return _acting_mediator(doc, trigger, sentence, mentions, published)
    if lemma in ("host", "attend", "witness") and any(
            c.lower_ == "ceremony" and any(g.lower_ in {"signing", "signature"}
                                           for g in c.children)
            for c in [*(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")),
                      trigger.head]):
        kind = "Agreement"  # "hosted the signing ceremony of the agreement": a signing
    draft = EventDraft(type=kind, trigger=doc[trigger.i:trigger.i + 1], sentence=sentence,
                       rule=f"kg.events.v1:{lemma}", confidence=0.85 if trigger.pos_ == "VERB"
                       else 0.75)
    if kind == "Visit" and nominal:
        # "the state visit of the President of Kazakhstan to Uzbekistan", read linearly
        for j in range(trigger.i + 1, min(trigger.sent.end - 1, trigger.i + 10)):
            if doc[j].is_punct:
                break
            if doc[j].lower_ == "to":
                tokens |= {m.start for m in mentions if m.start == j + 1}
                break
    told_since = nominal and trigger.dep_.startswith("nsubj") and \
        _opens_reference(trigger.head, EVENT_REFERENCE_WORDS)
    if told_since:  # "…, six months after a first round with the insurgents fell apart":
        tokens = {t.i for t in trigger.subtree}  # that round's own words name its sides
    verb = root if root.pos_ in ("VERB", "AUX") else trigger
    # What an event is about names no party; a threat's "strikes on X" names its target.
    topic_tokens = _topic_tokens(trigger, tokens) if kind != "Threat" else set()
    hyphened = trigger.i > 0 and doc[trigger.i - 1].text in {"-", "–"}  # "Malaysia-hosted"
    # "Wang Yi, a member of the Political Bureau …, held talks with Amorim, chief adviser to
    # the Brazilian president": what describes a person names no party
    described = {t.i for m in mentions if m.kind == "person" for head in [doc[m.end - 1]]
                 for c in head.children if c.dep_ == "appos" and (
                     c.pos_ == "NOUN" or fold(c.text) in TITLE_HEADS and c.i > m.end)
                 and not _names_another(c, m, mentions)
                 for t in c.subtree}  # "Jared Kushner, Senior Advisor to the US President"
    described -= {t.i for t in sentence if t.dep_ == "conj" and t.lower_ in SIDE_NOUNS
                  and t.head.i in described for t in t.subtree}  # "led by X, Under-Secretary
    # …, and a Qatari delegation headed by Y", the second side parsed into X's title
    named_ends = {m.end - 1 for m in mentions if m.kind == "person" and not m.modifier}
    described -= {t.i for t in sentence if t.dep_ == "conj" and (
                      t.ent_type_ == "PERSON" or t.i in named_ends)
                  and t.head.i in described and (any(
                      c.dep_ == "cc" and doc[c.i - 1].text == "," for c in t.head.children
                      if c.i < t.i) or t.left_edge.i >= 2 and doc[t.left_edge.i - 1].lower_
                      == "and" and doc[t.left_edge.i - 2].text == ",") for t in t.subtree}
    # "met A, the speaker of the assembly and Maduro's negotiator, and B": B, parsed into
    # A's title, is a side
    described |= {t.i for n in sentence if NOUN_TRIGGERS.get(n.lower_) == "Agreement"
                  or n.lower_ in DOCUMENT_NOUNS
                  for c in n.children if c.dep_ == "acl" and c.lemma_.lower() in FOUNDING_VERBS
                  for o in c.children if o.dep_ == "dobj" for t in o.subtree}
    # "signed the declaration launching Prosur": what the document founded, no party
    described |= {t.i for c in trigger.children if kind == "Agreement" and c.dep_ == "dobj"
                  for a in c.children if a.dep_ == "acl" and a.tag_ == "VBG" for t in a.subtree}
    # "signed a joint text refusing to recognise the assembly installed by Maduro": what the
    # text says, no party; but "agreements establishing relations with A and B" names sides
    described -= ties
    described |= _leading_states(sentence, mentions)
    described |= {t.i for c in sentence if c.dep_ == "relcl" and trigger not in c.subtree
                  and any(a.lower_ == "where" for a in c.children)
                  and any(a.dep_ == "auxpass" for a in c.children)
                  and c.lemma_.lower() not in VERB_TRIGGERS for t in c.subtree}
    # "a summit in Istanbul, where the Turkic Council was renamed …": what befell a body
    # there, not who sat
    described |= _reporting_bodies(trigger, mentions)
    crossing_ends = _crossing_ends(sentence)
    described |= crossing_ends  # "met Kuleba at a border crossing between
    # Poland and Ukraine": where, not who
    described |= {t.i for n in sentence for c in n.children if c.dep_ == "acl"
                  and c.lemma_.lower() in MARKING_VERBS and n.pos_ == "NOUN"
                  for t in c.subtree}
    # "attended the commemorations marking the end of the war against Japanese aggression"
    described |= {t.i for n in sentence if (NOUN_TRIGGERS.get(n.lower_) in CONTACT
                                            or n.lower_ in GATHERINGS)
                  and n.dep_ == "pobj" and trigger not in n.subtree and (
                      n.head.lower_ in ("before", "after", "since") or n.head.lower_ == "of"
                      and n.head.head.lower_ == "ahead")
                  for t in n.subtree}  # "met there on Sunday ahead of the US-Taliban
    # session": the sides of the session told for its time, not of this meeting
    sidelines = {i for w in sentence if w.lower_ in SIDELINES for i in _event_name(w)} - \
        subjects_before
    if trigger.dep_ == "acl" and lemma in ("bring", "gather", "assemble") and \
            trigger.head.dep_ == "pobj":
        sidelines -= {t.i for t in trigger.subtree}  # "the sidelines of a summit bringing
        # together A and B": they are the summit's
    hosts_of_many: set[str] = set()  # who hosted by the agent phrase: go-betweens of two
    for m in mentions:
        if m.start in tokens and m.modifier and m.kind in ("state", "organization") and \
                _acting_as_mediator(doc, m):
            add_party(draft, m, "mediator")  # "under Norwegian auspices"
            continue
        if m.start not in tokens or m.modifier or m.as_place or m.kind == "place":
            continue
        if m.start in topic_tokens or m.start in sidelines or m.start in described:
            continue  # "on the sidelines of the BRICS summit" names no party
        if m.kind == "person" and _represented_person(doc, m):
            continue  # "hosted it on behalf of King Salman"
        if m.kind in ("state", "organization") and any(
                a.lower_ == "behalf" for a in list(doc[m.end - 1].ancestors)[:6]):
            continue  # "received X on behalf of the Government and people of Papua New
            # Guinea": for whom the host acts, no further side
        if kind in CONTACT and _opposed(doc, m):
            continue  # "pledged to stand together against an increasingly assertive China"
        if doc[m.end - 1].dep_ in ("appos", "compound") and doc[m.end - 1].head.lower_ in {
                "name", "names", "nickname", "codename", "title"}:
            continue  # "adopted the name Eco for a single currency": a name, no one
        named = doc[m.end - 1]
        if named.dep_ in ("dobj", "oprd") and named.head.lemma_.lower() in (
                "call", "dub", "name") and any(c.lower_ == "what" for c in named.head.children):
            continue  # "the inaugural meeting of what the four governments call the
            # Quadrilateral Coordination Group": the name of their meeting
        if m.kind == "organization" and _of_a_title_or_gathering(doc, m):
            continue  # "Secretary of the Central Committee", "a summit of the Quad grouping"
        if m.kind == "state" and m.start > 1 and doc[m.start - 1].lower_ == "from" and any(
                t.lower_ in {"way", "back", "returning", "return", "en"}
                for t in doc[max(m.start - 5, 0):m.start - 1]):
            continue  # "a stop in Lahore on his way back from Afghanistan"
        if m.kind not in ("person", "state", "organization"):
            continue
        if m.kind != "person" and _accredited_to(doc, m):
            continue  # "met at Germany's permanent mission to the United Nations"
        if m.source == "kb:capital" and m.kind == "state" and m.start > 0 and (
                doc[m.start - 1].lower_ in {"in", "at"} or _after_place_noun(doc, m)
                or _after_a_venue(doc, m, mentions)):
            continue  # "in Lima", "in Kazakhstan's capital Astana", "at State House,
            # Nairobi": a place
        if m.kind == "state" and _owner_of(doc, m, PLACE_NOUNS) or _in_a_building_of(doc, m):
            continue  # "in Kazakhstan's capital Astana", "Russia's Black Sea resort of Sochi"
        role = "participant"
        if _venue_owner(doc, m) or _names_the_venue(doc, m, mentions):
            # "met at Anwar's official residence": the owner hosted the others' talks
            role = "mediator" if kind in CONTACT else "host"
        elif _in_presence_of(doc, m) or _in_attendance(
                doc, m) or _as_observer(doc, m):
            role = "witness"  # "signed … in the presence of President Trump"
        elif _acting_as_mediator(doc, m) or _in_agent_phrase(doc, m, MEDIATION_VERBS | (
                {"convene", "preside"} if kind == "Agreement" else set()) | (
                {"back", "sponsor"} if trigger.pos_ == "NOUN" else set())) or (
                kind == "Mediation" and _subject_of(doc, m, verb) and not (
                    trigger.tag_ == "VBN" and trigger.dep_ == "advcl"
                    and any(c.dep_ == "agent" for c in trigger.children)
                )) or (  # not "A and B held talks, brokered by X": X brokered them
                lemma == "bring" and _subject_of(doc, m, verb) and (not any(
                    c.dep_ == "nsubj" and NOUN_TRIGGERS.get(c.lower_) in CONTACT
                    for c in verb.children) or _in_agent_phrase(doc, m, {"host", "convene"}))):
            # "The summit brought together the leaders …: A, B and C": the gathering's own
            # people, not brokers; but "The meeting was hosted by X and brought together …"
            role = "mediator"
        elif lemma in ("host", "receive", "convene") and not hyphened and any(
                c.dep_ == "agent" for c in trigger.children):
            # "… opened talks, hosted by Mnuchin": the agent hosts; for talks among others
            # ("host", "convene") that is mediating; the others take part
            agent = _in_agent_phrase(doc, m, {"host", "receive", "convene"})
            subjects = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            if not subjects and trigger.dep_ == "conj" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
                subjects = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "he was hosted in Muscat by …", "travelled to Rabat and was hosted by …": a
            # guest, no talks among others
            guest = any(c.pos_ in ("PROPN", "PRON") or any(
                o.start <= c.i < o.end and o.kind in ("person", "state") for o in mentions)
                for c in subjects)
            hung = _first_conjunct(trigger)  # "a session, held at … and hosted by Kagame"
            summit = hung.dep_ == "acl" and any(  # "the summit at Sakhir Palace, hosted by"
                t.lower_ in SUMMITS | {"session"} for t in [hung.head, *hung.head.ancestors][:5])
            role = ("host" if lemma == "receive" or kind != "Meeting" or guest else
                    "participant" if summit else "mediator") if agent else "participant"
            if role == "mediator":
                hosts_of_many.add(mention_id(m))
        elif _opened_between(doc, m, trigger):
            role = "mediator"  # "Museveni opened a first round between A and B"
        elif lemma in ("host", "receive", "convene") and not hyphened and (
                _subject_of(doc, m, verb) and not _passive(trigger)
                or m.start < trigger.i and trigger.dep_ != "ROOT"
                and not _object_of_the_relative(m, trigger) and not _passive(trigger)
                or _in_agent_phrase(doc, m, {"host", "receive", "convene"})
                or _passive(trigger) and _whose_premises(doc, m, trigger)):
            # (not "Blinken … was received at the crown prince's farm": the owner received
            # him)
            between = any(doc[j].lower_ == "between" for j in range(
                trigger.i + 1, min(trigger.i + 4, len(doc)))) or kind == "Meeting" and any(
                t.lower_ == "between" for c in trigger.children if c.dep_ == "dobj"
                for t in c.subtree)  # "hosted two rounds of talks between A and B"
            role = "mediator" if between else "host"  # "X hosted talks between A and B"
            if kind == "PhoneCall" and role == "host":
                role = "participant"  # "received a phone call from X": no one hosts a call
        elif kind == "Visit" and trigger.pos_ == "VERB" and not _subject_of(doc, m, verb):
            if lemma != "visit" and m.kind == "state" and m.start > 0 and doc[
                    m.start - 1].lower_ in {"to", "into"}:
                add_party(draft, m, "host")  # "travelled to China"
                continue
            if lemma != "visit" and m.kind == "person" and m.start in _companions(trigger):
                add_party(draft, m, "participant")  # "flew to Caracas with Roger Carstens"
                continue
            if lemma != "visit" or m.kind == "organization":
                continue
            visitors = {mention_id(x) for x in mentions if x.start in tokens
                        and x.kind == "person" and _subject_of(doc, x, verb)}
            if mention_id(m) in visitors:
                role = "participant"  # the visitor named again ("a Japanese leader")
            else:
                role = "host" if m.kind != "person" or visitors else "participant"
        elif kind == "Visit" and nominal and m.kind == "person" and verb is not trigger and \
                m.start > verb.i and _visitors_other_than(doc, m, verb, mentions, tokens):
            role = "host"  # "Faye held talks with Ghazouani on his first trip abroad"
        elif kind == "Visit" and nominal and m.start > trigger.i and m.kind != "person":
            if doc[m.start - 1].lower_ not in {"to", "of"} or doc[m.start - 1].lower_ == "of":
                continue
            role = "host"  # "a visit to Greece"
        if m.kind == "person" and _government_of(doc, m):
            m = _as_its_state(m)  # "the government of President Salva Kiir": the state
        people = _plural_role_people(m, doc._.mentions or mentions)
        for person in people:  # "the two Japanese ministers": the ministers named before
            add_party(draft, person, role)
        if not people:
            add_party(draft, m, role)
    if lemma in ("open", "convene") and kind == "Meeting" and not any(
            t.lower_ in {"with", "between"} for t in trigger.subtree):
        # "Ruto opened a fresh round of South Sudanese peace talks": the opener of others'
        # talks is their go-between
        openers = [p for p in draft.parties if p.role == "participant"
                   and _subject_of(doc, p.mention, trigger)]
        others = {side_of(p.mention) for p in draft.parties if p.role == "participant"
                  and p not in openers}
        for party in openers:
            if others and side_of(party.mention) not in others:
                party.role = "mediator"
    gathered = lemma == "gather" or any(a.lemma_.lower() == "gather" for a in trigger.ancestors)
    if gathered and hosts_of_many and len({side_of(p.mention) for p in draft.parties
                                           if p.role == "participant"}) >= 3:
        # "a consultative meeting hosted by Sheikh Mohamed, alongside the sultan of Oman, the
        # king of Jordan and …": the host of a gathering of many is one of them
        for party in draft.parties:
            if mention_id(party.mention) in hosts_of_many and party.role == "mediator":
                party.role = "participant"
    after = " ".join(t.lower_ for t in doc[trigger.i + 1:trigger.i + 7])
    between = [" ".join(t.lower_ for t in b.subtree) for b in (
        trigger.head.children if trigger.dep_ == "nsubjpass" else ()) if b.lower_ == "between"]
    if not draft.keys("participant") and any(re.match(
            r"(?:\w+ )?between (?:the two|both) (?:sides|countries|parties|nations|neighbou?rs|"
            r"men|leaders|presidents|ministers|governments)",
            words) for words in [after, *between]):  # "The talks … were held … between the
        # two leaders alone"
        # "brokered mediation between the two sides": those of the event just read, else
        # the two people a sentence just before names ("The talks … between the two leaders")
        previous = next((d for d in reversed(earlier[-4:]) if len(d.keys("participant")) >= 2),
                        None) or _pair_just_named(sentence, doc._.mentions or [], reach=4)
        for party in previous.parties if previous else []:
            if party.role == "participant":
                add_party(draft, party.mention, "participant")
    if kind == "Visit" and nominal and not draft.keys("participant") and not any(
            a.dep_ == "relcl" for a in trigger.ancestors):  # "…, who arrived for a visit"
        # "The Eritrean leader returned the gesture … with a three-day visit to Ethiopia":
        # the visitor is the sentence's subject, however the parser attached the visit
        subject = {t.i for c in sentence.root.children if c.dep_ == "nsubj" for t in c.subtree}
        for m in mentions:
            if m.start in subject and not m.modifier and m.kind in ("person", "state"):
                add_party(draft, m, "participant")
    if nominal and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" and \
            trigger.head is not verb and len(draft.keys("participant")) < 2 and \
            not _plural_anaphor(verb) and _plural_anaphor(trigger.head):
        verb = trigger.head  # "was announced … after the two leaders held talks": theirs
    # "Zuma dispatched the pair after speaking to Mugabe": the pair are not on the call
    named_object = _object_anaphor(trigger if trigger.pos_ == "VERB" else verb)
    fronted = nominal and not any(c.dep_ == "poss" for c in trigger.children) and any(
        c.dep_.startswith("nsubj") and trigger.i < c.i for c in verb.children)
    plural = _plural_anaphor(verb) if not (
        nominal and in_phrase and own_parties and trigger.head.lower_ in EVENT_REFERENCE_WORDS
        and not fronted
    ) else None  # "The leaders arrived days after Ban held talks with Nkurunziza": not theirs;
    # but "After a tête-à-tête with X, the two heads of state …": one of them met X
    if plural == "people" and not named_object and nominal and trigger.i < verb.i:
        sides = {side_of(p.mention) for p in draft.parties if p.role == "participant"}
        if len(sides) >= 2 and _anaphor_count(verb) in (None, len(sides)):
            plural = None  # "In his meeting with Abiy, the two announced …": the two are
            # the two this meeting names, not those of the event before
    owner = _owner_of_its(verb, sentence, mentions) if plural else None
    if owner is not None:  # "the policy ASEAN has followed since 2021, when its leaders met
        add_party(draft, owner, "participant")  # Min Aung Hlaing": ASEAN's leaders
        plural = None
    if plural or named_object:
        # "the two sides signed", "they agreed", "spoke to both prime ministers", "hosted
        # them": the parties of the event just read — of the one that shares an actor
        # with this sentence when it names one ("Lula paid a state visit to China, during
        # which the two presidents held talks")
        count = _anaphor_count(verb)
        aside = {t.i for t in verb.subtree if t.dep_ in ("relcl", "appos", "acl")
                 for t in t.subtree}  # "a gathering that Beijing viewed …": not a party
        said = [m for m in mentions if m.start not in aside
                and mention_id(m) not in draft.keys("mediator", "witness")]  # not the broker
        here = {mention_id(m) for m in said if not m.modifier and m.kind in (
            "person", "state", "organization")} | {m.affiliation for m in said
                                                   if m.affiliation}
        told = [*earlier, *(d for d in this_sentence or [] if d.trigger.start < trigger.i)]
        candidates = [d for d in reversed(told[-20:] if count else told[-6:])
                      if len(d.keys()) >= 2 and d.type != "Threat"]
        # "received Li, and the two sides agreed"; not those who warned a third
        unfit: set[str] = set()  # hosts whose post the anaphor does not name
        if count:  # "the two men": an event of two, not one of three, in the last paragraphs
            kinds = LEADER_KINDS if _subject_says(verb, LEADERS) else MINISTER_KINDS \
                if _subject_says(verb, MINISTERS) else None
            if kinds is not None:  # "the two leaders": not a minister's talks with one
                every = doc._.mentions or []

                def fits(mention: Mention) -> bool:
                    post = _post_of(mention, every)
                    return post in kinds and not (
                        kinds is LEADER_KINDS and post is None
                        and NOT_LEADERS.search((mention.title or "").lower()))
                unfit = {mention_id(p.mention) for d in candidates for p in d.parties
                         if p.role == "host" and p.mention.kind == "person"
                         and not fits(p.mention)}
                candidates = [d for d in candidates if all(
                    fits(p.mention) for p in d.parties if p.role != "mediator"
                    and p.mention.kind == "person") or len(seated := {
                        mention_id(p.mention) for p in d.parties if p.role != "mediator"
                        and p.mention.kind == "person"} - unfit) == count and all(
                    fits(p.mention) for p in d.parties if mention_id(p.mention) in seated)]
                # "the two presidents": not two generals whose post the text left untold (the
                # one who hosted them may hold another post: "Guterres hosted A and B")
            counted = [d for d in candidates if count in (len(persons := {
                mention_id(p.mention) for p in d.parties if p.role != "mediator"
                and p.mention.kind == "person"}), len(persons - unfit), len(persons - {
                    mention_id(p.mention) for p in d.parties if p.role == "host"})
                if count >= 3 else -1)]  # "the same five presidents": a host's five guests
            # "X hosted A and B at a dinner. The two leaders last met in August": A and B
            people = [d for d in counted if sentence.start_char - d.sentence.end_char < 2500]
            timely = [] if _date(sentence, {t.i for t in sentence}, published) else [
                d for d in counted if not d.date or published is None
                or d.date[:4] == str(published.year)]
            if not timely or people and (people[0] in timely or paragraph_start(
                    doc, people[0].sentence.start) == paragraph_start(doc, sentence.start)):
                timely = people  # the nearest, unless a paragraph of background told it
            # "After their joint press conference, the three leaders addressed …": the
            # three of the story's days, not of the 2023 summit a paragraph of background told
            named = _last_subjects(sentence, doc._.mentions or [], reach=8, count=count) \
                if count > 2 and not counted else None
            if named is not None:  # "Berdimuhamedov, Ghani, Sharif and Ansari pressed buttons
                # … After the ceremony the four leaders held talks": the four named together
                candidates = [named]
            candidates = timely or people or candidates[:6]
        elif _subject_says(verb, LEADERS):  # "the leaders agreed": an event of leaders, not
            every = doc._.mentions or []  # the co-chairs' mediation told since
            led = [d for d in candidates if sum(
                _post_of(p.mention, every) in LEADER_KINDS - {None} for p in d.parties
                if p.role != "mediator" and p.mention.kind == "person") >= 2]
            candidates = led or candidates
        if named_object:  # "Anwar spoke to both prime ministers": the others, just read
            here = set()
            titled = [d for d in candidates if _titled_sides(d, named_object)]
            candidates = titled or candidates  # an event of two prime ministers, not the
            # call one of them had with a president
        previous = next((d for d in candidates if here & (d.keys() | {
            p.mention.affiliation for p in d.parties})), candidates[0] if candidates else None)
        just_named = _last_subjects(sentence, doc._.mentions or [], reach=1)
        own = _subjects_above(verb, doc._.mentions or [], count) if count else None
        if own is not None:  # "then foreign ministers Cem and Papandreou launched a
            previous = just_named = own  # rapprochement that saw Papandreou travel to Ankara,
            # where the two ministers signed …": the two this sentence's subject names
        if own is None and (just_named is None or len(just_named.keys()) < 2) and \
                count in (None, 2) and (_subject_says(verb, THE_PEOPLE) or _subject_says(
                    verb, THE_TWO)):
            # "Wang did find time for Lavrov. The two held talks on the sidelines": the two
            # the sentence before names, though only one is its subject
            just_named = _pair_just_named(sentence, doc._.mentions or []) or just_named
        if plural == "their":  # "… never met Fernandez. Their first conversation …": the
            just_named = _pair_just_named(sentence, doc._.mentions or [])  # two just named
            previous = just_named or next((d for d in candidates if d.type in CONTACT), None)
        if just_named is not None and len(just_named.keys()) >= 2 and not any(
                d.sentence.start == just_named.sentence.start for d in told):
            # "Tshisekedi and Kagame have rarely met. In 2022, Macron hosted the pair": the
            # two the sentence before named, though it told no event
            previous = just_named
        states = plural == "states" or trigger.i in _reference_clauses(
            sentence.root, sentence.root, REFERENCE_WORDS) and not _subject_says(verb, THE_PEOPLE)
        # "the first since the three countries' leaders gathered in Chengdu": then, their
        # states; but "their first encounter since January, when the two presidents held talks"
        # names the same two people
        if previous is None and not count:
            previous = _last_subjects(sentence, doc._.mentions or [])
        elif previous is None and _subject_says(verb, STATE_ANAPHOR):
            # "Seoul and Tokyo call the dispute settled. … the two governments declared
            # that they had reached a deal": the two the sentences before named
            last = _last_subjects(sentence, doc._.mentions or [], kinds=("person", "state"))
            previous = last if last is not None and len(last.keys()) == count else None
        elif previous is None and count == 2:
            # "a reform unveiled by Ivorian President Ouattara and French President Macron.
            # … after the two leaders held talks": the two the sentence before named
            previous = _pair_just_named(sentence, doc._.mentions or [])
            met = [p.mention for p in draft.parties if p.role == "participant"
                   and p.mention.kind == "person"]
            if previous is None and len(met) == 1 and len(draft.keys()) == 1:
                # "X flew into Kampala on Sunday. After a tête-à-tête with Museveni, the two
                # heads of state …": X is the other
                before = _sentence_before(sentence)
                other = max((m for m in doc._.mentions or [] if m.kind == "person"
                             and not m.modifier and before is not None
                             and before.start <= m.start < sentence.start
                             and state_of(m) != state_of(met[0])),
                            key=lambda m: m.start, default=None)
                if other is not None:
                    add_party(draft, other, "participant")
        group = any(t.lower_ in {"delegation", "delegations", "members", "visitors", "group",
                                 "mission", "negotiators", "teams"}
                    for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
        sides = any(t.lower_ in {"two", "both"} for c in verb.children
                    if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
        listed = _delegation_listed_before(sentence, doc._.mentions or []) if group else None
        if listed is not None:  # "… the delegation included A, B and C. The group held talks
            previous = listed  # with Sisi": those listed
        when = _date(sentence, {t.i for t in sentence}, published) if group and not sides \
            else None  # "delegations from the two sides" are those sides, whatever the date
        if previous is not None and previous.rule and when and not (
                previous.date and dates_agree(previous.date, when)):
            # "in March the delegations signed …": another round, other people
            previous = _last_subjects(sentence, doc._.mentions or [])
        if previous is not None:
            brokered = bool(draft.keys("mediator"))  # the sentence names its own go-between
            every = [p for p in previous.parties if not (
                named_object and p.role == "mediator")]
            ones = _the_ones_named(every, named_object or "")
            if count and len(ones) < count <= len(every):
                ones = every  # "the same five presidents", some of them named without post
            guests = [p for p in ones if mention_id(p.mention) not in unfit]
            if count and not named_object and len(ones) > count == len(guests):
                ones = guests  # "the two leaders": the two a third hosted
            if count and not named_object and len(ones) > count and all(
                    p.mention.kind == "person" for p in ones) and count == len(
                    [p for p in ones if p.role != "host"]):
                ones = [p for p in ones if p.role != "host"]  # "Xi hosted the five presidents
                # …. Ten days earlier, the same five presidents had joined Putin": not Xi
            if named_object and count and len(ones) > count:
                # "Xi hosted the same five presidents": the five Biden sat down with, not
                # Biden, the subject of that meeting
                told_by = {t.i for c in previous.trigger.root.children
                           if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                theirs = {side_of(p.mention) for p in ones if p.mention.start in told_by}
                guests = [p for p in ones if p.role != "host"
                          and p.mention.start not in told_by]
                by_side: dict[str | None, Party] = {}
                for p in guests:  # a state and its named leader are one guest; the
                    if side_of(p.mention) in theirs:  # subject's own aides are none
                        continue
                    if side_of(p.mention) not in by_side or p.mention.kind == "person":
                        by_side[side_of(p.mention)] = p
                ones = guests if len(guests) == count else list(by_side.values()) \
                    if len(by_side) == count else ones
            own = {m.key for m in mentions if m.kind == "state" and m.source == "kb:demonym"
                   and any(c.dep_ == "dobj" and c.left_edge.i <= m.start <= c.right_edge.i
                           for c in verb.children)} if named_object else set()
            # "received the two Saudi princes": of those, the Saudi ones
            ones = [p for p in ones if state_of(p.mention) in own] or ones
            if previous.type == "Proposal" and verb.dep_ == "relcl" and \
                    previous.trigger.root == verb.head.head.head and any(
                        c.lower_ == "where" for c in verb.children):
                # "X invited A and B to Goa, where they met C": the guests, not their host
                inviter = {t.i for c in _subjects(previous.trigger.root) for t in c.subtree}
                ones = [p for p in ones if p.mention.start not in inviter] or ones
            visiting = any(t.lower_ == "visiting" for c in _subjects(verb) for t in c.subtree)
            home = previous.location and state_of(previous.location)
            if visiting:  # "the visiting leaders": of those at the summit, not its hosts
                ones = [p for p in ones if p.role != "host" and not (
                    home and state_of(p.mention) == home)]
            if plural and _subject_says(verb, LEADERS) and not named_object and not count:
                every = doc._.mentions or []  # "the leaders agreed": of a meeting of leaders
                leaders = [p for p in ones if p.role != "mediator" and p.mention.kind ==  # and
                           "person" and _post_of(p.mention, every) in LEADER_KINDS - {None}]
                ones = leaders if len(leaders) >= 2 else ones  # ministers: the leaders
            for party in ones:
                if group and not sides and party.role == "host":
                    continue  # "the delegation", "its members": the visitors, not their host
                    # (but "negotiators from the two governments" are of both sides)
                if party.role == "mediator" and brokered:
                    continue  # "they signed … under the auspices of Bashir": their own mediator
                mention = party.mention
                if states:
                    mention = _as_its_state(mention)
                add_party(draft, mention, "participant" if party.role == "host"
                          else party.role)
            if lemma == "host" and named_object and named_object != "them" and \
                    (count or 2) <= 2:
                # "Macron hosted the pair", "hosted the two men": a third party's good offices
                # (but "hosted the same five presidents at a summit": one of the gathering)
                guests = {side_of(p.mention) for p in draft.parties if p.role == "participant"}
                for party in draft.parties:
                    if party.role == "host" and side_of(party.mention) not in guests:
                        party.role = "mediator"
    if kind in CONTACT and trigger.pos_ == "VERB" and len(draft.keys()) < 2:
        # "Obama hosted Gulf Cooperation Council leaders at Camp David": the bloc's leaders,
        # none of them named, stand for the bloc
        for obj in [c for c in trigger.children if c.dep_ == "dobj"
                    and c.lower_ in {"leaders", "ministers", "heads", "delegations"}]:
            for m in mentions:
                if m.kind == "organization" and m.modifier and \
                        obj.left_edge.i <= m.start and m.end == obj.i:
                    add_party(draft, replace(m, modifier=False), "participant")
    if kind in CONTACT | {"Agreement"} and not draft.keys("participant") and earlier:
        # "the foreign ministers of the two countries held talks": theirs, named before
        for person in _ministers_of_the_sides(verb, earlier, doc._.mentions or mentions):
            add_party(draft, person, "participant")
    if kind == "Meeting" and not draft.keys("participant") and earlier and (
            trigger.lower_ in ("round", "rounds") or _generic_subject(verb)) and not any(
            c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children):
        # "The third round opened in Havana", "Officials met in Cairo in August": another
        # session of the talks the story follows (its first), between the same sides
        process = next((d for d in earlier if d.type in ("Meeting", "Mediation", "Agreement")
                        and len({side_of(p.mention) for p in d.parties
                                 if p.role == "participant"} - {None}) >= 2), None)
        for party in process.parties if process else []:
            if party.role in ("participant", "mediator"):  # the sides, not that day's people
                add_party(draft, _as_its_state(party.mention), party.role)
    nested = _nested_clauses(root, trigger)  # "a plan to build a port in Somaliland"
    if kind == "Visit":
        draft.location = _location(doc, mentions, tokens - nested, towards=True) or next(
            (replace(m, as_place=True) for m in mentions if m.start in tokens
             and (m.kind == "place" or m.source in ("kb:capital", "kb:seat"))
             and doc[m.end - 1].dep_ == "dobj" and doc[m.end - 1].head == trigger), None)
        if draft.location is None:
            visited = [p for p in draft.parties if p.role == "host" and p.mention.kind == "state"]
            draft.location = visited[0].mention if visited else None
            if visited and visited[0].mention.source == "kb:capital":
                draft.location = replace(visited[0].mention, as_place=True)  # "visited Athens"
    else:
        draft.location = _destination(trigger, mentions) or _location(
            doc, mentions, tokens - topic_tokens - nested - crossing_ends,
            towards=lemma == "welcome")
        clause = next((a for a in [trigger, *trigger.ancestors] if a.pos_ in ("VERB", "AUX")),
                      None)
        if clause is not None and clause.dep_ == "advcl":
            # "had flown to Tokyo from Jakarta, where earlier in the day he held talks": the
            # talks were in Jakarta, whatever the parser hung the clause on (_where reads the
            # "where")
            draft.location = _where(doc, clause, mentions) or draft.location
        there = _there(root, doc._.mentions or [])
        if there is not None and not (draft.location and doc[draft.location.start].head.head
                                      in (trigger, *trigger.children)):
            draft.location = there  # "There Tillerson met Buhari …, and talks were held on
            # the abduction of schoolgirls from Dapchi in Yobe State": there, not Yobe
    if draft.location is None and lemma in ("host", "convene"):
        draft.location = next((replace(m, as_place=True) for m in mentions
                               if (m.kind == "place" or m.source in ("kb:capital", "kb:seat"))
                               and not m.modifier and _subject_of(doc, m, trigger)), None)
        # "Amman had hosted a meeting": there
    if draft.location is None:
        draft.location = _where(doc, root, mentions) or _only_place(
            doc, sentence, mentions,
            topic_tokens | nested | _reference_clauses(sentence.root, trigger)
            | crossing_ends,
            [*earlier, *(this_sentence or [])], kind == "Visit") or _city_ending_topic(
            doc, mentions, tokens & topic_tokens - nested)
    if kind == "Visit" and _arrival_spot(doc, draft.location):
        draft.location = None  # "greeted at Esenboga airport": where he landed, not the city
        # he visited
    draft.reference = (_told_for_reference(trigger) or told_since) and own_parties
    if draft.reference:  # "days after a call between A and B": only its own words date it
        own_tokens = {t.i for t in trigger.subtree}
        draft.date = _date(sentence, own_tokens, published, trigger)
        if draft.location is not None and draft.location.start not in own_tokens and \
                kind != "Visit":  # a visit's place is where it went, however told
            draft.location = None
    else:
        # "travelled to X in October for talks with Y": the journey's date
        journey = {t.i for c in governor.children if c.dep_ in ("prep", "npadvmod")
                   for t in c.subtree} if nominal and in_phrase and governor is not None and (
            governor.lemma_.lower() in TRIP_VERBS
            or VERB_TRIGGERS.get(governor.lemma_.lower()) == "Visit"
            or trigger.head.lower_ in ("at", "during")) else set()
        # and "launched the dialogue in Astana in August 2004, at a meeting with …": then
        when_clause = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "advcl"
                            and a != root and root in a.ancestors and any(
                                w.lower_ == "when" and w.dep_ == "advmod" for w in a.children)),
                           None)  # "since its launch on 24 June, when he sat down with X"
        draft.date = _date(sentence, tokens - nested, published, trigger) or \
            _counted_from_the_clause(root, sentence, published) or (
            _when_date(when_clause, published) if when_clause is not None else None) or _date(
            sentence, journey, published) or _when_date(
            root, published) or _date_of_when_clause(root, published) or _reported_date(
            trigger, published) or _recalled_date(
            trigger, published) or _host_clause_date(trigger, root, sentence, published) or \
            _date_from_event(sentence, tokens, earlier)
    draft.when = next((e.text.lower() for e in sentence.ents if e.label_ == "DATE"
                       and e.start in tokens and not in_dateline(e) and re.search(
                           r"\d|(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day",
                           e.text.lower())), None)
    draft.topics = [t for t in _topics(trigger, tokens, kind) if t.lower() != "hands"]
    if kind == "Threat" and _threat_of_force(trigger):
        draft.topics = [_verb_phrase(trigger)]  # "strike Syrian forces by air or by land"
    kinds_of_visit = [t.text for t in trigger.children if t.i < trigger.i and t.lower_ in {
        "state", "official", "working", "surprise", "private", "courtesy"}]
    if kind == "Visit" and nominal and kinds_of_visit:
        draft.topics.insert(0, " ".join([*kinds_of_visit, trigger.text]))  # "state visit"
    if nominal and in_phrase and governor is not None and not draft.topics:
        draft.topics = [t for t in _topics(governor, tokens, "Agreement")
                        if not t.lower().startswith(trigger.lower_)]
    if lemma == "bring" and not (draft.location or draft.date) and not any(
            p.mention.kind == "person" for p in draft.parties):
        return None  # "a grouping that brought together Brazil, Russia, India…": members
    if session is not None and not draft.keys("participant"):
        # "The previous round, the 24th, took place in Thimphu in August 2016": the format
        # just told, met at another time and place
        meetings = [d for d in reversed(earlier[-12:]) if d.type == "Meeting"
                    and len(d.keys("participant")) >= 2]
        # the talks of that name ("the 25th round of boundary talks"), else the last told
        named = next((d for d in meetings if d.trigger.root.lower_ == trigger.lower_ or any(
            t.lower_ == session.lower_ for t in d.trigger.root.head.subtree)), None)
        format_ = named or (meetings[0] if meetings and meetings[0] in earlier[-4:] else None)
        if format_ is None or not draft.date or draft.date == format_.date:
            return None
        for party in format_.parties:  # the states: the people of today may not have sat
            if party.role in ("participant", "mediator"):  # in the earlier session
                add_party(draft, _as_its_state(party.mention), party.role)
        draft.support.append(Support(format_.sentence, format_.trigger, format_.rule,
                                     "sides of the format told just before"))
    return draft


EARLIER_SESSIONS = {"previous", "last", "first", "inaugural", "preceding", "prior", "earlier"}


def _earlier_session(trigger: Token) -> Token | None:
    """The session noun of "the previous round (of talks)", "the inaugural meeting", "the
    first session", told without sides: an earlier meeting of the format just told."""
    noun = trigger
    if trigger.head.lower_ == "of" and trigger.head.head.lower_ in ROUNDS:
        noun = trigger.head.head  # "the previous round of boundary talks"
    if noun.lower_ not in ROUNDS | {"meeting", "summit", "talks"} or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if not noun.dep_.startswith("nsubj"):
        return None  # "… since the last meeting": a reference, not a telling
    if any(c.lower_ in EARLIER_SESSIONS and c.dep_ in ("amod", "advmod") for c in noun.children):
        return noun
    return None


def _hung_on(verb: Token) -> list[Token]:
    """What a participle clause hangs on: "the meeting, held in Madrid and co-chaired by …"
    hangs on "held" and on "meeting"."""
    heads = [verb.head]
    if verb.dep_ == "conj" and verb.head.dep_ in ("acl", "advcl"):
        heads.append(verb.head.head)
    return heads


def _hosted_journey(host: Token) -> Token | None:
    """The journey noun a "hosted by" clause hangs on: "a state visit to Sweden hosted by
    King Carl XVI Gustaf" (on the visit, or on the place it went to)."""
    if host.dep_ != "acl":
        return None
    noun = host.head if host.head.lower_ in JOURNEY_NOUNS else host.head.head.head \
        if host.head.dep_ == "pobj" and host.head.head.lower_ == "to" else None
    return noun if noun is not None and noun.lower_ in JOURNEY_NOUNS else None


def _fronted_venues(chair: Token) -> list[Token]:
    """The nouns of a chairing verb's own phrases before it: "At the closing plenary, …,
    co-chaired by A and B, …", however the parser hung them."""
    return [p for c in chair.children if c.dep_ == "prep" and c.i < chair.i
            and c.lower_ in {"at", "in", "during"} for p in c.children if p.dep_ == "pobj"]


def _at_a_session_of_it(chair: Token) -> bool:
    """ "At the closing plenary at the Sandton Convention Centre, co-chaired by Xi and Zuma,
    the leaders adopted …": the chairs of a session of the gathering told."""
    return any(p.lower_ in {"plenary", "session"} and any(
        d.dep_ == "det" and d.lower_ == "the" for d in p.children)
        for p in _fronted_venues(chair))


def _chairs_event_told(chair: Token) -> bool:
    """ "Talks were held in Beijing, co-chaired by A and B", "a session chaired jointly by":
    the chairs of the event the clause hangs on."""
    return chair.dep_ in ("advcl", "acl", "conj") and any(
        c.dep_ == "agent" for c in chair.children) and any(
        NOUN_TRIGGERS.get(e.lower_) in CONTACT or e.lower_ in {"session", "round", "plenary"}
        or any(NOUN_TRIGGERS.get(p.lower_) in CONTACT for of in e.children if of.lower_ == "of"
               for p in of.children) for e in _chaired_nouns(chair))


def _chaired_nouns(chair: Token) -> list[Token]:
    """The words a "chaired by" clause may tell the chairs of: what it hangs on, its
    objects, and "spent most of the day in closed-door talks …, chaired by X"."""
    heads = _hung_on(chair)
    return [*heads, *(c for h in heads for c in h.children if c.dep_ in ("nsubjpass", "dobj")),
            *_fronted_venues(chair),
            *(t for h in heads for t in h.subtree if t.i < chair.i and t.dep_ == "pobj"
              and t.head.lower_ in {"in", "at", "during"} and t.head.head.i in {
                  h.i, *(c.i for c in h.children if c.dep_ == "dobj"),
                  *(p.i for c in h.children if c.dep_ == "dobj" for o in c.children
                    if o.dep_ == "prep" for p in o.children)}
              and not any(NOUN_TRIGGERS.get(x.lower_) in CONTACT
                          for x in chair.doc[t.i + 1:chair.i]))]
    # (not "at a preparatory meeting …, after weeks of negotiations at the Foreign Office
    # chaired by X": the negotiations between)


def _co_chaired(chair: Token) -> bool:
    """Whether the chairs are the sides: "co-chaired by A and B", "chaired jointly by"."""
    return chair.lower_.startswith("co") or any(
        c.dep_ == "advmod" and c.lower_ == "jointly" for c in chair.children)


def _brings_together(bring: Token) -> bool:
    """Whether "bring" sets sides before each other: "brought A and B together", "brought
    the two rivals, A and B, face to face", "brought A and B to the same table"."""
    words = [t.lower_ for t in bring.doc[bring.i + 1:bring.sent.end]
             if bring.left_edge.i <= t.i <= bring.right_edge.i][:16]
    text = " ".join(words)
    return "together" in words or any(phrase in text for phrase in (
        "face to face", "face - to - face", "to the same table", "to the table",
        "to the negotiating table")) or any(
        t.lower_ == "together" and bring in (t.head, t.head.head) for t in bring.subtree) or (
        any(c.lower_ in SUMMITS or NOUN_TRIGGERS.get(c.lower_) == "Meeting"
            for c in _bringing_subjects(bring)) and any(
            c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "to" for c in bring.children))
    # "brought the G7 leaders — A, B, … G — together with India's Modi, …": past a long list;
    # "The summit brought to the U.S. capital A, B and C": the gathering's own


MEDIATOR_NOUNS = {"mediator", "facilitator", "intermediary"}


def _government_of(doc: Doc, mention: Mention) -> bool:
    """Whether a person is named as the head of a government: "the government of
    President Salva Kiir", "the administration of Joe Biden"."""
    i = mention.start - 1
    while i > 0 and (fold(doc[i].text) in TITLE_WORDS or doc[i].lower_ == "the"):
        i -= 1
    return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in {
        "government", "administration", "regime", "cabinet"}


def _talks_just_told(sentence: Span, earlier: list[EventDraft]) -> EventDraft | None:
    """The last meeting or mediation told in the paragraphs just before ``sentence``."""
    return next((d for d in reversed(earlier[-6:]) if d.type in ("Meeting", "Mediation")
                 and sentence.start_char - d.sentence.end_char < 1500), None)


def _named_mediator(doc: Doc, trigger: Token, sentence: Span, mentions: list[Mention],
                    earlier: list[EventDraft]) -> None:
    """ "The chief mediator of the process … is General Lazarus Sumbeiywo": the person the
    copula names mediates the talks just told."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return
    named = {t.i for c in verb.children if c.dep_ == "attr" for t in c.subtree}
    people = [m for m in mentions if m.kind == "person" and m.start in named
              and not m.modifier]
    talks = _talks_just_told(sentence, earlier)
    if people and talks is not None:
        add_party(talks, people[0], "mediator")
        talks.support.append(Support(sentence, doc[trigger.i:trigger.i + 1],
                                     "kg.events.v1:mediator-named",
                                     "mediator of the event above: " + people[0].label))


def _acting_mediator(doc: Doc, trigger: Token, sentence: Span, mentions: list[Mention],
                     published: date | None) -> EventDraft | None:
    """ "Malaysia acted as a facilitator between Thailand and Cambodia", "Russia's efforts
    as a mediator of the ceasefire": the subject (or possessor) mediated; the sides are
    those listed after, or the other actors the sentence names."""
    as_word = trigger.head if trigger.head.lower_ == "as" else None
    if as_word is None:
        return None
    governor = as_word.head
    if governor.tag_ == "VBG" and governor.dep_ != "ROOT":
        return None  # "talks …, with Anwar acting as mediator": a role in those talks
    who = [c for c in governor.children if c.dep_ in ("nsubj", "poss")]
    ids = {i for c in who for i in range(c.left_edge.i, c.right_edge.i + 1)}
    if as_word.i >= 3 and doc[as_word.i - 2].text in {"'s", "’s"} and \
            doc[as_word.i - 1].pos_ == "NOUN":
        ids.add(as_word.i - 3)  # "Russia's efforts as a mediator", read linearly
    mediators = [m for m in mentions if m.start in ids and m.kind in (
        "state", "organization", "person") and not m.as_place]
    if not mediators:
        return None
    listed = _listed_after(doc, trigger, mentions)
    named = [m for m in mentions if (m.start in listed if listed else m.kind != "person")
             and m.kind in ("state", "organization", "person") and not m.modifier
             and not m.as_place and m.start not in ids and sentence.start <= m.start < sentence.end
             and mention_id(m) not in {mention_id(x) for x in mediators}
             and not _companion(doc, m)]  # "sat in alongside Qatari officials": co-mediators
    if not named:
        return None
    draft = EventDraft(type="Mediation", trigger=doc[trigger.i:trigger.i + 1], sentence=sentence,
                       rule=f"kg.events.v1:as-{trigger.lower_}", confidence=0.7)
    for m in mediators:
        add_party(draft, m, "mediator")
    for m in named:
        add_party(draft, m, "participant")
    draft.date = _date(sentence, {t.i for t in governor.subtree}, published)
    return draft


def _companion(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is in an "alongside …" or "together with …" phrase."""
    return any(a.dep_ == "prep" and a.lower_ in {"alongside", "beside", "besides"}
               for a in doc[mention.start].ancestors)


def _event_name(sidelines: Token) -> range:
    """The tokens of "the sidelines of the BRICS summit (in Kazan)", up to the summit, or
    through the body whose meeting it is: "the meeting of the Council of Heads of State"."""
    names = [p for of in sidelines.children if of.lower_ == "of" for p in of.children
             if p.dep_ == "pobj"]
    end = names[0].i if names else sidelines.i
    if names and names[0].lower_ in GATHERINGS | EVENT_WORDS:
        end = max([end] + [c.right_edge.i for c in names[0].children
                           if c.dep_ == "prep" and c.lower_ in ("of", "on") or c.dep_ == "acl"])
        # "on the sidelines of a summit on financing African economies hosted by Macron":
        # who hosted the summit took no part in the talks on its sidelines
        doc = sidelines.doc
        while end + 2 < len(doc) and doc[end + 1].text in {",", "and"} and \
                (doc[end].ent_type_ in ("ORG", "GPE") or doc[end].text == ")"):
            item = end + 2  # "… of the SCO, the CSTO and the CIS", the parse hanging the
            if doc[item].lower_ == "and":  # rest of the list on the verb
                item += 1
            if item >= len(doc) or doc[item].lower_ != "the":
                break  # not "On the sidelines of the summit, Trump also held talks"
            item += 1
            last = item
            while last < len(doc) and doc[last].ent_type_ in ("ORG", "GPE") and \
                    doc[last].pos_ == "PROPN":
                last += 1
            if last == item:
                break
            end = last - 1
    return range(sidelines.i, end + 1)


SAME_DAY = re.compile(
    r"\b(?:(?:on |in )?the same (?:day|morning|afternoon|evening|night)|(?:later|earlier) "
    r"(?:that|in the) day|(?:later )?that (?:same )?(?:day|morning|afternoon|evening|night)|"
    r"hours later|^(?:later )?in the (?:morning|afternoon|evening)|(?:after|following) the "
    r"(?:talks|meeting)(?= ?[,.;]| the))\b", re.IGNORECASE)  # "In the afternoon Parolin was
# received by Kirill", "At a news conference after the talks the two sides signed …"
LATER = re.compile(
    r"\b(?:the (?:following|next) (day|week|month|year)|the day after|"
    r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several) )?"
    r"(day|week|month|year)s? later)\b", re.IGNORECASE)
EARLIER = re.compile(  # counted back: "The day before, …", "Six days earlier, …"
    r"\b(?:the (?:previous|preceding) (day|week)|the (day|week) before(?=\s*[,;.])|"
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week)s? "
    r"(?:(?:earlier|before)(?=\s*[,;.]|\s+(?:on|in|at|when)\b)|"
    r"earlier(?=\s+(?:he|she|they)\b)))", re.IGNORECASE)  # "…, where a day earlier he had met"
IN_THE_CLAUSE = re.compile(r"\s+(?:he|she|they)\b")  # a count inside its clause, not fronted


GENERIC_SIDES = {"officials", "negotiators", "delegations", "envoys", "experts",
                 "diplomats", "delegates", "mediators"}


def _generic_subject(verb: Token) -> bool:
    """ "Officials met in Cairo in August": a subject that names no one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ in GENERIC_SIDES and not any(
        c.dep_ in ("poss", "amod", "compound", "prep") for c in s.children) for s in subjects)


def state_of(mention: Mention) -> str | None:
    """The state an actor mention stands for or belongs to."""
    return mention.key if mention.kind == "state" else mention.affiliation


def _crossing_ends(sentence: Span) -> set[int]:
    """Tokens of "between A and B" after something that lies between places: "a border
    crossing between Poland and Ukraine", "a link between Celorico da Beira in Portugal and
    Zamora in Spain" name neither parties nor where an event was."""
    return {t.i for n in sentence if n.lower_ in CROSSINGS for c in n.children
            if c.dep_ == "prep" and c.lower_ == "between" for t in c.subtree}


def in_turn(a: EventDraft, b: EventDraft) -> bool:
    """Meetings one sentence tells one after the other, each with someone the other leaves
    out: "The two ministers were received by Issoufou and also held talks with Interior
    Minister Bazoum" is two tables, not one."""
    if a.type != "Meeting" or b.type != "Meeting" or a.sentence.start != b.sentence.start \
            or a.trigger.start == b.trigger.start or a.support or b.support:
        return False
    people_a, people_b = a.people(), b.people()
    return bool(people_a & people_b) and bool(people_a - people_b) and bool(people_b - people_a)


def _post_of(mention: Mention, mentions: list[Mention]) -> str | None:
    """The kind of post a person holds, as any mention of them tells it ("Merkel" is the
    "German Chancellor Angela Merkel" named before)."""
    return mention.role_kind or next((m.role_kind for m in mentions if mention.key
                                      and m.key == mention.key and m.role_kind), None)


def side_of(mention: Mention) -> str | None:
    """The side a mention takes in talks: its state, or itself when it has none (a movement)."""
    side = state_of(mention)
    return side if mention.kind == "state" else side or mention_id(mention)


def _as_its_state(mention: Mention) -> Mention:
    """A person mention read as the state it acts for ("the two countries": theirs)."""
    if mention.kind != "person" or not mention.affiliation:
        return mention
    return Mention(mention.start, mention.end, mention.text, "state", mention.affiliation,
                   key=mention.affiliation, source="rule:anaphor")


def _pair_just_named(sentence: Span, mentions: list[Mention], reach: int = 1
                     ) -> EventDraft | None:
    """The two people the sentence before names, when it names exactly two; with ``reach``,
    the nearest of that many sentences before that names exactly two."""
    before = sentence
    for _ in range(reach):
        if before.start == 0:
            return None
        before = sentence.doc[before.start - 1].sent
        people = _people_in(before, mentions)
        if len(people) == 2:
            return _told_together(before, people)
    return None


def _people_in(sentence: Span, mentions: list[Mention]) -> list[Mention]:
    """The people a sentence names, once each."""
    return list({mention_id(m): m for m in mentions if sentence.start <= m.start < sentence.end
                 and m.kind == "person" and not m.modifier}.values())


def _told_together(sentence: Span, people: list[Mention]) -> EventDraft:
    """Actors a sentence names together, as the sides of an event that anaphora later in the
    text ("the two leaders", "the group") can point back to."""
    together = EventDraft(type="Meeting", trigger=sentence[:1], sentence=sentence)
    for m in people:
        add_party(together, m, "participant")
    return together


def _delegation_listed_before(sentence: Span, mentions: list[Mention]) -> EventDraft | None:
    """The people the sentence just before lists as a delegation ("Alongside A and B, the
    delegation included C and D"), for "The group held talks with X" that follows."""
    if sentence.start == 0:
        return None
    before = sentence.doc[sentence.start - 1].sent
    if not LISTED_DELEGATION.search(before.text):
        return None
    people = _people_in(before, mentions)
    return _told_together(before, people) if len(people) >= 2 else None


def _last_subjects(sentence: Span, mentions: list[Mention], reach: int = 3,
                   kinds: tuple[str, ...] = ("person",),
                   count: int | None = None) -> EventDraft | None:
    """ "Ramaphosa and a group of African heads of state ended their mission … The delegation
    was received by Putin": the people last told as a subject (in the ``reach`` sentences
    before), when no event was read; with ``count``, the last ``count`` told together ("A, B,
    C and D pressed buttons … After the ceremony the four leaders held talks")."""
    doc = sentence.doc
    earlier = sentence
    for _ in range(reach):
        if earlier.start == 0:
            break
        earlier = doc[earlier.start - 1].sent
        subject = {t.i for t in earlier.root.children if t.dep_ in ("nsubj", "nsubjpass")
                   for t in t.subtree} - {t.i for c in earlier.root.children
                                          if c.dep_ in ("nsubj", "nsubjpass")
                                          for r in c.children if r.dep_ in ("relcl", "acl")
                                          for t in r.subtree}
        # (not "Parolin, who was the pope's ambassador in Caracas, urged …": the pope)
        subject |= {t.i for w in _together_with(earlier.root) for t in w.subtree}
        # "A and B went to Tunis together with C and D": all four
        subject |= {t.i for w in _members_listed(earlier.root) for t in w.subtree}
        # "Pompeo led the group, which also included Mnuchin and Nielsen": all three
        people = [m for m in mentions if m.start in subject and m.kind in kinds
                  and not m.modifier]
        if people and (count is None or len({mention_id(m) for m in people}) == count):
            return _told_together(earlier, people)
    return None


def _subjects_above(verb: Token, mentions: list[Mention], count: int) -> EventDraft | None:
    """The ``count`` people the subject of the sentence names, when ``verb`` is in a clause
    below it: "Cem and Papandreou launched a rapprochement …, where the two ministers
    signed"."""
    root = verb.sent.root
    if verb.dep_ == "conj" and verb.head == root:  # "Abiy flew to Asmara, and the next day,
        # after talks with Isaias, the two signed …": the two this sentence named before
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        people = [m for m in mentions if m.kind == "person" and not m.modifier
                  and verb.sent.start <= m.start and subject is not None
                  and m.end <= subject.left_edge.i]
        return _told_together(verb.sent, people) \
            if len({mention_id(m) for m in people}) == count else None
    if verb == root or verb.dep_ not in ("relcl", "advcl", "ccomp"):
        return None
    heads = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
             for t in (c, *c.conjuncts)}  # "Cem and Papandreou", not a dateline before them
    people = [m for m in mentions if m.end - 1 in heads and m.kind == "person"
              and not m.modifier]
    if len({mention_id(m) for m in people}) != count:
        return None
    return _told_together(verb.sent, people)


NUMBERS = {"a": 1, "an": 1, "one": 1, **NUMBER_WORDS, "a few": 3, "several": 3}


# Nouns that point back to an event told before, and the kinds of event they may name.
POINTED_EVENTS = {"signing": {"Agreement"}, "ceremony": {"Agreement"}, "deal": {"Agreement"},
                  "agreement": {"Agreement"}, "accord": {"Agreement"}, "summit": {"Meeting"},
                  "meeting": {"Meeting"}, "talks": {"Meeting", "Mediation"},
                  "visit": {"Visit"}, "trip": {"Visit"}, "call": {"PhoneCall"}}
COUNTED_DAYS = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (day|days|week|weeks)"
    r" (before|after) (?:the|that) (\w+)", re.IGNORECASE)


def _date_from_event(sentence: Span, tokens: set[int], earlier: list[EventDraft]
                     ) -> str | None:
    """ "Three days before the signing, Erdogan and Putin had met in Tehran": a day counted
    from an event told before, whose day is known."""
    for match in COUNTED_DAYS.finditer(sentence.text):
        start = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
        opening = start is not None and not any(
            t.is_alpha for t in sentence.doc[sentence.start:start.start])  # fronted: the clause's
        if start is None or start.start not in tokens and not opening:
            continue
        count, unit, direction, noun = (g.lower() for g in match.groups())
        kinds = POINTED_EVENTS.get(noun)
        dated = [d for d in reversed(earlier) if kinds and d.type in kinds and d.date
                 and len(d.date) == 10 and not d.soft_date]
        anchor = next((d for d in dated if noun in {d.trigger.root.lower_, *(
            t.lower_ for t in (d.trigger.root.head, *d.trigger.root.children))}), None) or next(
            iter(dated), None)  # "a day after the talks opened": the talks, not the
        # consultations told since
        if anchor is None:
            continue
        days = int(count) if count.isdigit() else NUMBERS[count]
        days *= 7 if unit.startswith("week") else 1
        day = date.fromisoformat(anchor.date) + timedelta(
            days=days if direction == "after" else -days)
        return day.isoformat()
    return None


def _at_that_event(sentence: Span, earlier: list[EventDraft]) -> EventDraft | None:
    """The gathering a sentence opens by pointing back to: "At that summit, …", "During the
    meeting, …"; the last such event told before, if it is dated."""
    words = [t for t in sentence if not t.is_space][:4]
    if len(words) < 3 or words[0].lower_ not in {"at", "during"} or \
            words[1].lower_ not in {"that", "this", "the"}:
        return None
    noun = words[2]
    if noun.lower_ not in GATHERINGS and NOUN_TRIGGERS.get(noun.lower_) not in CONTACT:
        return None
    return next((d for d in reversed(earlier) if d.type in CONTACT and d.date and noun.lower_ in
                 {d.trigger.root.lower_, *(c.lower_ for c in d.trigger.root.children)}),
                None)  # "the summit", "hosted a summit"


def _during_that_trip(sentence: Span, earlier: list[EventDraft]) -> EventDraft | None:
    """The visit a sentence places itself in: "during that trip", "during the visit"; not
    one counted among the sentence's own ("travelled to Pyongyang twice …, bringing home
    three Americans on the second trip")."""
    for token in sentence:
        if token.lower_ in {"trip", "visit", "stay", "tour"} and token.head.lower_ in {
                "during", "on"} and any(c.dep_ == "det" and c.lower_ in {"that", "this", "the"}
                                        for c in token.children) and not any(
                c.ent_type_ == "ORDINAL" for c in token.children):
            return next((d for d in reversed(earlier) if d.type == "Visit"
                         and (d.date or d.location)), None)
    return None


def _counted_before(sentence: Span, draft: EventDraft, sentence_events: list[EventDraft]
                    ) -> str | None:
    """ "A week later, on April 7, X travelled to Rabat and was hosted by Y": a count that
    opens the sentence before an event dated in it is spent on that event; the next event
    of the same people shares its date."""
    found = LATER.search(sentence.text)
    if found is None:
        return None
    counted_at = sentence.start_char + found.start()
    return next((v.date for v in sentence_events if v.date and not v.soft_date
                 and counted_at < v.trigger.start_char < draft.trigger.start_char
                 and _same_occasion(v, draft)), None)


def dates_agree(first: str, second: str) -> bool:
    """Whether two ISO dates of any precision can be one day: one holds the other
    ("2021-07" and "2021-07-12"), not "2020-01-23" and "2020-02-02"."""
    return first.startswith(second) or second.startswith(first)


def _same_occasion(a: EventDraft, b: EventDraft) -> bool:
    """Two events of one sentence that share a party and are not told apart in time ("flew to
    Asmara and held talks with Isaias"): one occasion, one date and place."""
    return bool(a.keys() & b.keys()) and not _apart_in_time(a.trigger.root, b.trigger.root) \
        and not _on_a_party(a, b) and not _on_a_party(b, a)


def _after_previous(sentence: Span, earlier: list[EventDraft],
                    published: date | None = None, at: int | None = None) -> str | None:
    """ "The following day …", "Five months later …": a date counted from the last dated
    event told before, at the precision the count allows. "Days later", uncounted, counts
    from the date the sentence before names, if it names one ("Relations sank in January
    when … Days later, Muizzu paid a state visit to China")."""
    found = LATER.search(sentence.text)
    counted = sentence.start_char + found.start() if found else sentence.end_char
    base = next((d.date for d in reversed(earlier) if d.date and not d.soft_date and not (
        d.sentence.start == sentence.start and d.trigger.start_char > counted)), None)
    # "He met X on May 4 and the next day flew on to Mogadishu, where he held talks": from
    # May 4, not from the flight the count itself dated
    if found is None and SAME_DAY.search(sentence.text):
        # "Later the same day, Mahathir was received by Xi", no date in its paragraph: the
        # day of the event told before
        return base if base and len(base) == 10 else None
    if found is None:
        return _before_previous(sentence, base, at)
    if found.group(2) is None and not found.group(1) and sentence.start > 0:
        before = sentence.doc[sentence.start - 1].sent
        base = _date(before, set(range(before.start, before.end)), published) or base
    if base is None:
        return None
    if found.group(1) or found.group(0).lower() == "the day after":
        unit, count = (found.group(1) or "day").lower(), 1
    elif found.group(2) is None:  # "Days later", "Months later": how many, untold
        unit = found.group(3).lower()
        return base[:7] if unit in ("day", "week") and len(base) >= 7 else \
            base[:4] if unit == "month" else None
    else:
        word = found.group(2).lower()
        unit, count = found.group(3).lower(), NUMBERS.get(word) or int(word)
    year, month = int(base[:4]), int(base[5:7]) if len(base) >= 7 else 0
    if unit == "year":
        return str(year + count)
    if not month:
        return None
    if unit == "month":
        index = year * 12 + month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if len(base) < 10:
        return base[:7]
    day = date.fromisoformat(base) + timedelta(days=count * (7 if unit == "week" else 1))
    loose = re.search(r"\b(?:less|more|fewer) than\s+$|\b(?:about|some|nearly|almost|around|"
                      r"roughly|over|under)\s+$", sentence.text[:found.start()])
    exact = unit == "day" or unit == "week" and not loose and found.group(2) is not None \
        and found.group(2).lower() not in {"a few", "several"}
    # "a week later": seven days on, as annotators count; "less than a week later": that month
    return day.isoformat() if exact else day.isoformat()[:7]


def _counted_from_the_clause(verb: Token, sentence: Span, published: date | None
                             ) -> str | None:
    """ "The truce took hold on Jan. 12, four days after Putin and Erdogan met in Istanbul":
    a day counted from the date of the clause above."""
    mark = next((c for c in verb.children if c.dep_ == "mark"
                 and c.lower_ in ("after", "before")), None)
    if verb.dep_ != "advcl" or mark is None:
        return None
    count = next((c for c in [*verb.children, *mark.children] if c.dep_ == "npadvmod"
                  and c.lemma_.lower() in ("day", "week")), None)
    number = next((n for n in count.children if n.dep_ == "nummod"), None) if count else None
    if number is None or not (number.text.isdigit() or number.lower_ in NUMBERS):
        return None
    above = {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    base = _date(sentence, above, published)
    if base is None or len(base) < 10:
        return None
    days = (int(number.text) if number.text.isdigit() else NUMBERS[number.lower_]) * (
        7 if count.lemma_.lower() == "week" else 1)
    return (date.fromisoformat(base) + timedelta(
        days=-days if mark.lower_ == "after" else days)).isoformat()


def _before_previous(sentence: Span, base: str | None, at: int | None = None) -> str | None:
    """ "The day before, the two men had spoken by telephone", "Only six days earlier, Sisi
    had hosted …": a day counted back from ``base``, the date of the last event dated to
    the day. "…, where a day earlier he had met X" dates only what it comes before (the
    trigger at character ``at``)."""
    found = EARLIER.search(sentence.text)
    if found is None or base is None or len(base) < 10 or at is not None and \
            sentence.start_char + found.start() > at and \
            IN_THE_CLAUSE.match(sentence.text, found.end()):
        return None
    number = found.group(3)
    count = NUMBERS.get((number or "").lower()) or int(number or 1)
    unit = (found.group(1) or found.group(2) or found.group(4)).lower()
    day = date.fromisoformat(base) - timedelta(days=count * (7 if unit == "week" else 1))
    # "a week earlier": seven days back, as annotators count; "the week before": that month
    return day.isoformat()[:7] if unit == "week" and number is None else \
        day.isoformat()


JOINT = re.compile(r"\b(?:three|four|five)[- ]way\b|\b(?:trilateral|quadrilateral|multilateral|"
                   r"joint|conference|together|group)\b", re.IGNORECASE)


def _separately(doc: Doc, draft: EventDraft,
                published: date | None = None) -> list[EventDraft]:
    """One contact per counterpart when the text says they were separate ("Rubio spoke by
    telephone with Kagame and, separately, with Tshisekedi"), or when one caller spoke to
    several ("held telephone talks with Biden, Morrison and Putin": a call each, unless
    the text calls it three-way or joint)."""
    trigger = draft.trigger.root
    twice = False
    for word in ("with", "to"):  # "with Kagame and with Tshisekedi", "to Munir … and to …"
        preps = [t for t in draft.sentence if t.lower_ == word and t.i > trigger.i and (
            word == "with" or t.head == trigger or t.dep_ == "conj" and t.head.lower_ == word)]
        twice = twice or len(preps) >= 2 and any(doc[w.i - 1].lower_ in {"and", ","}
                                                  for w in preps[1:])
    verb = _clause_root(trigger)
    subjects = [p for p in draft.parties if _subject_of(doc, p.mention, verb)]
    others = [p for p in draft.parties if p not in subjects and p.role == "participant"]
    calls = draft.type == "PhoneCall" and len(subjects) == 1 and len(others) >= 2 and not \
        JOINT.search(draft.sentence.text)  # "telephoned Biden, Morrison and Putin"
    if not subjects and draft.type == "Meeting":  # "Kushner travelled to the region,
        subjects = [p for p in draft.parties if p.mention.start < trigger.i  # meeting …"
                    and p.mention.kind == "person"]
        others = [p for p in draft.parties if p.mention.start > trigger.i
                  and p.role in ("participant", "host")]  # "were received separately by Xi"
    served = {p.mention.affiliation for p in others if p.mention.kind == "person"} - {None}
    named = {p.mention.start for p in others if p.mention.kind != "state"}
    others = [p for p in others if p.mention.kind == "person" or p.mention.key not in served
              and not (p.mention.end + 1 < len(doc) and doc[p.mention.end].lower_ in ("'s", "’s")
                       and any(p.mention.end < n <= p.mention.end + 3 for n in named))]
    # "with Luxembourg's Xavier Bettel and Ireland's Leo Varadkar": two counterparts, not four
    starts = sorted(p.mention.start for p in others)
    own_places = {fold(m.text) for p in others for m in _places_in(doc, p.mention.end, next(
        (e for e in starts if e > p.mention.start), draft.sentence.end))[:1]}
    people = [p for p in subjects if p.mention.kind == "person"]
    placed = len(people) == 1 and len(others) >= 2 and len(own_places) >= 2 and all(
        p.mention.kind == "person" for p in others) and not JOINT.search(
        draft.sentence.text)  # "meeting X in NEOM and Y in Doha"
    if placed:
        subjects = people
    # "called on President Paudel and then on Prime Minister Dahal": one after the other
    sequence = any(t.lower_ == "then" and t.i > trigger.i and doc[t.i - 1].lower_ in {"and", ","}
                   for t in draft.sentence) or trigger.lemma_.lower() == "call" and sum(
        1 for t in draft.sentence if t.lower_ == "on" and t.i > trigger.i and (
            t.head == trigger or t.dep_ == "conj" and doc[t.i - 1].lower_ == "and")
        and doc[t.i + 1].ent_type_ not in ("DATE", "TIME")) >= 2  # (not "on Wednesday")
    # "called on Deuba at Baluwatar and on Bhandari at Sheetal Niwas": a call on each
    apart = any(t.lower_ == "separately" or t.lower_ in {"separate", "bilateral"} and (
        NOUN_TRIGGERS.get(t.head.lower_) in CONTACT or t.head.lower_ in {"sessions", "rounds"})
        for t in draft.sentence) or any(  # "met in turn with A, B and C", "one by one"
        " ".join(w.lower_ for w in doc[t.i:t.i + 3]) in ("in turn with", "one by one")
        for t in doc[trigger.i + 1:min(trigger.i + 3, draft.sentence.end)]) or any(
        t.lower_ == "in" and doc[t.i + 1].lower_ == "turn" and t.i + 2 < len(doc)
        and doc[t.i + 2].is_punct for t in doc[trigger.i + 1:draft.sentence.end - 2]) or re.search(
        r"\bback-to-back\s+$", doc[max(draft.sentence.start, trigger.i - 5):trigger.i].text
        + " ")  # "held back-to-back meetings with A, B and C"; "received A, B and C in turn"
    # "held separate talks", "back-to-back bilateral talks with A and B", not "in a
    # separate room"
    callers = [p for p in subjects if p.mention.kind == "person"]
    callees = [p for p in others if p.mention.kind == "person"]
    callers = callers if draft.type == "PhoneCall" and trigger.pos_ == "VERB" and \
        len(callers) >= 2 and len(callees) == 1 and not JOINT.search(draft.sentence.text) \
        else []  # "both Niinisto and Sweden's Andersson phoned Erdogan": a call each
    if draft.type not in CONTACT or not (placed or apart or trigger.lower_ == "calls" or twice
                                         or calls or sequence or callers):  # "held phone
        # calls with A and B"
        return [draft]
    if callers:
        return [replace(draft, parties=[caller, *callees], support=list(draft.support),
                        topics=list(draft.topics)) for caller in callers]
    if trigger.lower_ in SUMMITS and not apart:
        return [draft]  # "held a video summit with Macron and Merkel": one table
    if len(subjects) >= 2 and len(others) == 1 and apart:
        # "Aliyev and Pashinyan held separate talks with Trump": one meeting each
        return [replace(draft, parties=[subject, *others], support=list(draft.support),
                        topics=list(draft.topics)) for subject in subjects]
    if not subjects or len(others) < 2:
        return [draft]
    if twice and draft.type == "Meeting" and not (placed or calls or sequence or apart) and len(
            {state_of(p.mention) for p in others}) == 1 and state_of(others[0].mention):
        return [draft]  # "held talks with Prime Minister Hailemariam … and with Foreign
        # Minister Workneh": one round of talks with one government
    def own_phrase(prep: Token) -> set[int]:  # its words, not those of a "with" inside it
        return {t.i for t in prep.subtree} - {t.i for w in prep.subtree if w.lower_ == "with"
                                               and w != prep for t in w.subtree}
    withs = [t for t in draft.sentence if t.lower_ == "with" and t.i > trigger.i]
    if twice and draft.type == "Meeting" and not (placed or calls or sequence or apart) and any(
            len({side_of(p.mention) for p in others if p.mention.start in own_phrase(w)
                 and doc[p.mention.end - 1].dep_ in ("pobj", "conj", "appos")}) >= 2
            for w in withs):  # (but "the emir of Qatar, Sheikh Tamim" is one side)
        return [draft]  # "sat down with counterparts from A, B and C and with the UN
        # envoy": one table
    pieces = []
    for other in others:
        piece = replace(draft, parties=[*subjects, other], support=list(draft.support),
                        topics=list(draft.topics))
        # "with A in NEOM and with B in Doha": each talk where its own phrase says
        stop = next((e for e in starts if e > other.mention.start), draft.sentence.end)
        own_place = next((m for m in _places_in(doc, other.mention.end, stop) if not any(
            a.dep_ in ("relcl", "acl") and other.mention.start <= a.head.i < other.mention.end
            for a in doc[m.start].ancestors)), None) if \
            draft.sentence.start <= other.mention.start else None  # not a name told before,
        # nor a place of a clause on them ("with Oli, whom he had last met in New York")
        if own_place is not None:
            piece.location = own_place
        own_words = set(range(other.mention.end, stop)) - {
            t.i for a in doc[other.mention.start:other.mention.end] for c in a.children
            if c.dep_ in ("relcl", "acl") for t in c.subtree} \
            if draft.sentence.start <= other.mention.start else set()  # (not "with Oli, whom
        # he had last met in New York in September")
        if any(doc[i].ent_type_ == "DATE" for i in own_words):  # "with Putin in Moscow in
            # late March and with Zelensky in Kyiv in May": each on its own day
            piece.date = _date(draft.sentence, own_words, published) or piece.date
        pieces.append(piece)
    return pieces


def _places_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """Places named after "in", "at" or "the city of" between two token positions."""
    found = []
    for mention in doc._.mentions or []:
        if start <= mention.start < end and mention.start > 1 and (doc[
                mention.start - 1].lower_ in {"in", "at"} or doc[mention.start - 1].lower_ == "of"
                and doc[mention.start - 2].lower_ in PLACE_NOUNS) and (
                mention.kind == "place" or mention.as_place or mention.source == "kb:capital"):
            found.append(replace(mention, as_place=True))
    return found


PLURAL_ANAPHOR = re.compile(
    r"^(?:the (?:same )?(?:two|three|four|five|six)|both|the same|the|their|its|all three|"
    r"all four)\s+"
    r"(?:sides?|leaders|ministers|countries|presidents|nations|"
    r"delegations|parties|heads of state|officials|governments|neighbou?rs|men|prime ministers|"
    r"foreign ministers|premiers|heads of government|delegation|group|mission|visitors|"
    r"envoys|diplomats|mediators|negotiators|participants|attendees|rivals|adversaries|"
    r"foes|opponents|"
    r"african leaders|arab leaders|european leaders|gulf leaders|members|visiting leaders|"
    r"(?:central asian|nordic|baltic|visegrad|western balkans?|caspian|benelux) leaders|"
    r"\w+ (?:and \w+ )?delegation|"
    r"visiting heads of state|visiting presidents|visiting ministers|visiting delegations)$|"
    r"^they$|^the pair$|"
    r"^(?:the (?:two|three|four)|both)$|"  # "and on February 8 the two met Ghazouani"
    r"^the (?:two|three|four|five|six) (?:[a-z]+ans|[a-z]+ese)$|"  # "the four Americans"
    r"^(?:the )?(?:delegations|negotiators|envoys|representatives|officials|teams) "
    r"(?:from|of) (?:the two|both|the) (?:sides|countries|parties|warring parties|"
    r"governments)$", re.I)  # "Delegations from the two sides held talks"
OBJECT_ANAPHOR = re.compile(
    r"^(?:(?:the (?:same )?(?:two|three|four|five|six)|both)\s+(?:[a-z]+\s+)?(?:sides|leaders|"
    r"rivals|adversaries|foes|"
    r"ministers|presidents|men|prime ministers|princes|"
    r"foreign ministers|premiers|heads of state|heads of government)|the pair|them)$", re.I)


def _object_anaphor(verb: Token) -> str | None:
    """The words of a verb's object when it is "both prime ministers", "the two leaders"
    or "them"; None otherwise."""
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else [
            p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "prep" and \
            child.lower_ in {"to", "with"} else []
        for obj in objects:
            where = {t.i for c in obj.children if c.dep_ == "prep" for t in c.subtree}
            words = " ".join(t.lower_ for t in obj.subtree if not t.is_punct
                             and t.i not in where)  # "hosted the two men in the UAE capital"
            if OBJECT_ANAPHOR.match(words):
                return words
    return None


PLURAL_ROLES = {"prime ministers": ("prime minister", "premier"), "premiers": ("premier",
                "prime minister"), "presidents": ("president",), "foreign ministers": (
                "foreign minister",), "princes": ("prince",)}


def _plural_titles(words: str) -> tuple[str, ...] | None:
    """The titles a plural ending ``words`` stands for: "both prime ministers"."""
    return next((t for role, t in PLURAL_ROLES.items() if words.endswith(role)), None)


def _titled_sides(draft: EventDraft, words: str) -> bool:
    """Whether two sides of an event (not its go-between) hold the plural title of
    ``words``: "both prime ministers"."""
    titles = _plural_titles(words) or ()
    return sum(1 for p in draft.parties if p.role != "mediator" and any(
        t in (p.mention.title or "").lower() for t in titles)) >= 2


def _the_ones_named(parties: list[Party], words: str) -> list[Party]:
    """Of an event's parties, those a plural title names: "both prime ministers"."""
    titles = _plural_titles(words)
    if titles is None:
        return parties
    chosen = [p for p in parties if any(t in f"{p.mention.title or ''} {p.mention.text}".lower()
                                        for t in titles)]  # "Crown Prince Mohammed bin Salman"
    return chosen if len(chosen) >= 2 else parties


STATE_ANAPHOR = re.compile(r"\b(?:governments|countries|nations|sides|capitals)$")
LEADER_KINDS = {None, "head_of_state", "head_of_government", "leader"}
MINISTER_KINDS = {None, "foreign_minister", "defence_minister", "intelligence_chief",
                  "national_security_adviser", "envoy"}
NOT_LEADERS = re.compile(rf"{OTHER_POSTS.pattern}|\b(?:general|colonel|admiral|marshal)\b")
LEADERS = re.compile(r"\b(?:leaders|presidents|heads of (?:state|government)|premiers|"
                     r"prime ministers)$")
MINISTERS = re.compile(r"^(?:the two|both|the three) (?:foreign |defen[cs]e )?ministers$")


THE_TWO = re.compile(r"^(?:the two|both|they)$")  # "The two held talks"
# A plural subject that names people by their post, not their countries: "the two presidents".
THE_PEOPLE = re.compile(r"^(?:the two|the three|both) (?:presidents|leaders|prime ministers|"
                        r"premiers|heads of state|heads of government|men|foreign ministers)$")


def _subject_words(subject: Token) -> list[Token]:
    """A subject's words, with the noun of a dangling "of" the parser hung elsewhere: "the
    two heads of [state]"."""
    words = [t for t in subject.subtree if not t.is_punct]
    if words and words[-1].lower_ == "of" and words[-1].i + 1 < len(subject.doc):
        words.append(subject.doc[words[-1].i + 1])
    return words


def _subject_says(verb: Token, words: re.Pattern[str]) -> bool:
    """Whether a verb's subject reads as ``words``: "the two leaders", "both ministers"."""
    return any(words.search(" ".join(t.lower_ for t in _subject_words(c)))
               for c in _subjects(verb))


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects; a conjunct verb's with none of its own are its head's ("The two
    ministers were received by Issoufou and also held talks with Bazoum")."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if [c.lower_ for c in own] == ["they"] and verb.dep_ in ("relcl", "advcl") and any(
            c.lower_ == "when" for c in verb.children):
        # "The two presidents had last seen each other in June, when they held talks":
        # "they" are the two presidents
        counted = [c for c in verb.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")
                   and _counted(c) is not None]
        return counted or own
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _counted(subject: Token) -> int | None:
    """How many a subject counts: 2 for "both leaders", 3 for "the three ministers"."""
    for t in subject.subtree:
        if t.lower_ == "both" or t.lower_ in NUMBERS and t.dep_ == "nummod":
            return 2 if t.lower_ == "both" else NUMBERS[t.lower_]
    if subject.lower_ in NUMBER_WORDS and any(c.dep_ == "det" and c.lower_ == "the"
                                              for c in subject.children):
        return NUMBER_WORDS[subject.lower_]  # "the two signed": a number standing alone
    return None


def _anaphor_count(verb: Token) -> int | None:
    """2 for "the two men", "both leaders"; 3 for "the three ministers"; else None."""
    countries = _countries_who(verb)
    if countries is not None:
        return countries
    for child in _subjects(verb):
        count = _counted(child)
        if count is not None:
            return count
    told = _object_anaphor(verb)  # "sat down with the four ministers": four, told before
    number = next((w for w in told.split()[1:3] if w in NUMBERS), None) \
        if told and told.startswith("the ") else None  # "the (same) four ministers"
    return NUMBERS.get(number) if number in NUMBERS and number != "two" else None


_SIDE_ROLES = (r"[a-z ]*?(?:ministers|leaders|presidents|premiers|chiefs|commanders|officials|"
               r"generals|diplomats|negotiators|envoys)")
SIDES_ROLES = re.compile(
    rf"^(?:the )?(?P<role>{_SIDE_ROLES})"
    r" of (?:the two|both) (?:countries|sides|nations|states|governments|neighbou?rs)$"
    r"|^(?:the two|both) (?:countries|sides|nations|neighbou?rs) ?(?:'s?|’s?)? "
    rf"(?P<role2>{_SIDE_ROLES})$")
# Those acting for a side whom a story seldom names: "senior military commanders of the two
# sides met": the sides met.
UNNAMED_AGENTS = {"commander", "official", "general", "diplomat", "negotiator", "envoy"}


def _ministers_of_the_sides(verb: Token, earlier: list[EventDraft],
                            mentions: list[Mention]) -> list[Mention]:
    """ "the foreign ministers of the two countries", "both countries' defence chiefs": for
    each state of the last event between two states, its person of that role named in the
    story (nearest first); none unless both are named."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj":  # "… had met on 6 June and had reached …"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = " ".join(t.lower_ for t in subject.subtree if not t.is_punct) if subject else ""
    found = SIDES_ROLES.match(words)
    if found is None:
        return []
    role = (found.group("role") or found.group("role2"))[:-1]  # "foreign ministers" -> "…minister"
    kind = role_kind_of(role)
    kinds = {"head_of_state", "head_of_government"} if kind in ("leader", None) else {kind}
    def sides(draft: EventDraft) -> set[str]:
        return {state_of(p.mention) for p in draft.parties if p.role == "participant"} - {None}

    pair = _pair_of_states_before(subject, mentions)
    previous = next((d for d in reversed(earlier[-6:]) if len(sides(d)) == 2), None)
    if pair:  # "Contacts between the UAE and Iran were revived when officials of the two
        # countries met": the two the sentence names, not those of the event before
        if role.split()[-1] in UNNAMED_AGENTS:
            return [_as_its_state(m) for m in pair]
        previous = None
    elif previous is None:
        return []
    elif role.split()[-1] in UNNAMED_AGENTS:
        return [_as_its_state(next(p.mention for p in previous.parties
                                   if p.role == "participant" and state_of(p.mention) == state))
                for state in sorted(sides(previous))]
    people = []
    for state in sorted({state_of(m) for m in pair} if pair else sides(previous)):
        named = [m for m in mentions if m.kind == "person" and m.key and m.affiliation == state
                 and m.role_kind in kinds] or [  # "his Chinese counterpart, Dong Jun"
            p.mention for p in (previous.parties if previous else []) if p.mention.kind == "person"
            and p.mention.affiliation == state and p.mention.role_kind is None]
        if not named:
            return []
        people.append(min(named, key=lambda m: abs(m.start - verb.i)))
    return people


def _pair_of_states_before(subject: Token, mentions: list[Mention]) -> list[Mention]:
    """The two states a sentence joins before a subject of "the two countries" ("Contacts
    between the UAE and Iran …, when officials of the two countries met"), else none."""
    doc, sentence = subject.doc, subject.sent
    states = [m for m in mentions if m.kind == "state" and not m.modifier
              and sentence.start <= m.start < subject.left_edge.i]
    for first, second in zip(states, states[1:], strict=False):
        head, other = doc[first.end - 1], doc[second.end - 1]
        if other.dep_ == "conj" and other.head == head and state_of(first) != state_of(second):
            return [first, second]
    return []


def _plural_anaphor(verb: Token) -> str | None:
    """ "people" or "states" when a verb's subject is "the two sides", "both countries",
    "they"…; "their" when it is "their meeting", "their first conversation"; else None."""
    for child in _subjects(verb):
        if NOUN_TRIGGERS.get(child.lower_) in CONTACT and any(
                c.dep_ == "poss" and c.lower_ == "their" for c in child.children):
            return "their"  # "Their first conversation took place by video link"
        words = _subject_words(child)
        text = " ".join(t.lower_ for t in words)
        if PLURAL_ANAPHOR.match(text):
            return "states" if words[-1].lower_ in {"countries", "nations", "governments",
                                                    "neighbours", "neighbors"} else "people"
    if _countries_who(verb) is not None:
        return "states"
    return None


OF_THE_COUNTRIES = re.compile(r"(?:^|\bof )the (two|three|four|five|six|seven|eight) "
                              r"(?:countries|nations|states|governments)$")


def _countries_who(verb: Token) -> int | None:
    """How many countries "the defence ministers and army chiefs of the four countries, who
    met in Mogadishu" names, for a "who" clause on such a noun; None otherwise."""
    if verb.dep_ != "relcl" or [c.lower_ for c in verb.children if c.dep_ == "nsubj"] != [
            "who"]:
        return None
    noun = verb.head
    clause = {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    text = " ".join(t.lower_ for t in noun.subtree if t.i not in clause and not t.is_punct)
    found = OF_THE_COUNTRIES.search(text)
    return NUMBERS[found.group(1)] if found else None


def _owner_of_its(verb: Token, sentence: Span, mentions: list[Mention]) -> Mention | None:
    """The body or state that "its" in a verb's subject ("its leaders met X") stands for:
    the last one the sentence named before it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head  # "Its leaders, meeting in Abuja, adopted …"
    elif subject is None and verb.dep_ == "conj":  # "Its leaders adopted … and held talks"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    its = next((t for t in subject.subtree if t.lower_ == "its" and t.dep_ == "poss"), None) \
        if subject is not None else None
    if its is None:
        return None
    owner = max((m for m in mentions if sentence.start <= m.start < its.i and not m.modifier
                 and m.kind in ("organization", "state")), key=lambda m: m.start, default=None)
    if owner is None and its.i == sentence.start and sentence.start > 0:
        # "… the ambitions of the wider Economic Community of West African States (ECOWAS).
        # Its leaders, meeting in Abuja, …": the body the sentence before ended on
        before = sentence.doc[sentence.start - 1].sent
        owner = max((m for m in sentence.doc._.mentions or [] if before.start <= m.start
                     < before.end and not m.modifier and m.kind == "organization"),
                    key=lambda m: m.start, default=None)
    return owner


def _descriptions(noun: Token) -> set[int]:
    """Clauses inside a noun phrase that tell no part of its event: one describing a thing in
    apposition ("the summit of the European Political Community, a forum set up to bring the
    EU's members together"), or one of its own whose subject the parse hung on the noun ("at
    Harare summit as Zambia's Hichilema stays home")."""
    found = {t.i for a in noun.subtree if a.dep_ == "appos" and a != noun
             for c in a.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    for prep in noun.children:  # "at Harare summit as Zambia's Hichilema stays home": a
        # clause of its own, whose subject the parse hung on the noun
        end = prep.right_edge.i + 1
        if prep.dep_ == "prep" and prep.lower_ in ("as", "while") and end < len(noun.doc) \
                and noun.doc[end].tag_ in ("VBZ", "VBD", "VBP"):
            found |= {t.i for t in prep.subtree}
    return found


def _own_phrase(noun: Token) -> set[int]:
    """The tokens of a noun phrase without its clauses ("The summit, chaired by X, …")."""
    clauses = {t.i for c in noun.children if c.dep_ in ("acl", "relcl", "appos")
               for t in c.subtree}
    return {t.i for t in noun.subtree} - clauses


def _has_parties_list(doc: Doc, trigger: Token, mentions: list[Mention]) -> bool:
    """Whether a noun names its parties: "an agreement between Turkey and Russia", "the
    talks opened in Barbados on Monday between A and B" (hung on the verb)."""
    starts = {m.start for m in mentions if m.kind in ("person", "state", "organization")}
    if trigger.dep_ == "nsubj" and any(
            c.dep_ == "prep" and c.lower_ in ("between", "among") and any(
                t.i in starts for t in c.subtree) for c in trigger.head.children):
        return True
    return bool(_listed_after(doc, trigger, mentions)) or len(
        {mention_id(m) for m in mentions if m.start in _modifiers_before(doc, trigger, mentions)}
    ) >= 2


# Words whose "on …", "about …" phrase says what an event was about.
TOPIC_HEADS = (NOUN_TRIGGERS.keys() | VERB_TRIGGERS.keys() | LIGHT_VERBS | TOPIC_VERBS
               | GATHERINGS | {"speak", "talk", "converse", "agree"})  # "a conference on Iraq"


def _talked_about(noun: Token) -> bool:
    """Whether an event noun is what a contact was about: "talks on the EU-Mercosur
    agreement", "spoke … about the grain deal", "on the barley tariffs imposed by China and
    on the AUKUS pact" (a topic, no event of its own); not "met on the sidelines of the
    summit"."""
    for word in noun.ancestors:
        if word.lower_ in NOT_TOPICS or word.ent_type_ in ("DATE", "TIME"):
            return False
        if word.dep_ == "prep" and word.lower_ in TOPIC_PREPS and (
                _event_type(word.head) in CONTACT or word.head.lemma_.lower() in LIGHT_VERBS
                and any(c.dep_ == "dobj" and _event_type(c) in CONTACT
                        for c in word.head.children)):
            return True
        if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("acl", "conj"):
            return False
    return False


# Words that open a reference to another time or event: "…, following a summit in Sochi".
REFERENCE_OPENERS = BACKGROUND_PREPS - {"as", "with", "like", "unlike", "besides", "despite"}


def _counterpart_of(noun: Token, trigger: Token) -> bool:
    """Whether a noun names the one the event was with: "talks … with his Brazilian
    counterpart, Mauro Vieira, on trade" (the parser hangs the topic on the counterpart)."""
    while noun.dep_ == "appos":
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head == trigger


def _rest_of_the_list(token: Token, listed: bool) -> set[int]:
    """Tokens after a topic's first word to its clause's end, where the parser may hang the
    list's other items elsewhere ("views on A, B and C")."""
    out: set[int] = set()
    for t in token.doc[token.i + 1:token.sent.end]:
        if t.text == ";" or _with_whom(t) or t.pos_ in ("VERB", "AUX") and (any(
                c.dep_.startswith("nsubj") for c in t.children) or listed
                and t.dep_ in ("conj", "ROOT", "advcl", "relcl", "ccomp")) or \
                listed and t.lower_ in REFERENCE_OPENERS and any(
                    NOUN_TRIGGERS.get(n.lower_) for n in t.doc[t.i + 1:t.i + 5]):
            break  # "…, following a trilateral summit in Sochi": no topic; but "following
            # Russia's attack on Ukraine" is one
        out.add(t.i)
    return out


def _topic_tokens(trigger: Token, tokens: set[int]) -> set[int]:
    """Tokens of the phrases that say what an event was about (they name no party)."""
    out: set[int] = set()
    doc = trigger.doc
    for token in (doc[i] for i in sorted(tokens)):
        views = token.head.lower_ in VAGUE_OBJECTS  # "views on …", however parsed
        if token.dep_ == "conj" and token.lower_ in TOPIC_PREPS and any(
                p.dep_ == "pobj" and p.i in out for p in token.head.children):
            # "on bilateral cooperation and on the crisis in neighbouring Libya"
            out.update(t.i for p in token.children if p.dep_ in ("pobj", "pcomp")
                       for t in p.subtree)
        elif token.dep_ == "agent" and token.head.lemma_.lower() in {"dominate", "overshadow"}:
            out.update(t.i for t in token.subtree)  # "talks … dominated by Venezuela"
        elif token.dep_ == "prep" and token.lower_ == "including" and any(
                s.dep_ == "prep" and s.lower_ in TOPIC_PREPS and s.i < token.i
                and any(t.i in out for t in s.subtree) for s in token.head.children) and all(
                p.pos_ == "NOUN" and not p.ent_type_ for p in token.children
                if p.dep_ == "pobj"):  # "talks on the relationship, including trade, …"
            out.update(t.i for t in token.subtree)
        elif token.dep_ == "prep" and token.lower_ in TOPIC_PREPS and (
                token.head.lemma_.lower() in TOPIC_HEADS or views
                or _counterpart_of(token.head, trigger) or _venue_of(token)
                or _sequel_of(token.head, trigger)) \
                and token.i > token.head.i \
                and not (
                token.lower_ == "on" and token.head.lemma_.lower() == "call"
                and (token.head.pos_ == "VERB" or any(
                    c.lower_ in {"courtesy", "farewell"} for c in token.head.children))
                ) and not any(
                p.lower_ in NOT_TOPICS or p.ent_type_ in ("DATE", "TIME")
                for p in token.children if p.dep_ == "pobj"):  # not "on the sidelines of"
            agents = {x.i for p in token.children for t in p.subtree
                      if t.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in t.children)
                      for x in t.subtree}  # "… on a joint response convened by Modi": his
            agents |= {x.i for p in token.children for w in p.subtree if _with_whom(w)
                       for x in w.subtree}  # "talks on the refugee crisis with Slovenia's
            # Robert Golob, …": with whom, however the parser hung "with"
            out.update(t.i for p in token.children if p.dep_ in ("pobj", "pcomp")
                       for t in p.subtree if t.i not in agents)
            listed = any(p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_
                         for p in token.children) and token.i > trigger.i
            if views or listed:  # "views on A, B and C", "talks … on trade, energy, …
                # coordination inside the BRICS group": to the clause's end, where the
                # parser may hang B and C elsewhere
                out |= _rest_of_the_list(token, listed)
        elif token.lemma_.lower() in PRESSING_VERBS and token.pos_ == "VERB" and \
                token.dep_ in ("advcl", "conj") and token.head == trigger:
            out.update(t.i for c in token.children if c.dep_ == "prep"
                       and c.lower_ in TOPIC_PREPS for t in c.subtree)
            # "met Hun Sen, pressing him on the crisis in Myanmar, on what China is
            # building at Ream and on the fate of Kem Sokha": what he pressed, no side
        elif token.lemma_.lower() in TOPIC_VERBS and token.pos_ == "VERB":
            whom = {t.i for w in token.subtree if _with_whom(w) for t in w.subtree}
            out.update(t.i for c in token.children if c.dep_ == "dobj" or c.dep_ in (
                "prep", "conj") and c.lower_ in TOPIC_PREPS for t in c.subtree
                if t.i not in whom)
            # "…, focusing on North Korea and on cooperation with Washington"; but "discussed
            # the offensive with Sullivan and Blinken": with whom
            listed = [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                      and not c.ent_type_ and c.right_edge.i + 1 < len(doc)
                      and doc[c.right_edge.i + 1].text == ","]
            if listed and token.dep_ in ("advcl", "acl") and not whom:  # "talks …, covering
                # migration, Haiti, China, …": the parser may hang Haiti on the talks
                out |= _rest_of_the_list(listed[0].right_edge, True)
        elif token.dep_ == "acl" and token.lemma_.lower() in PURPOSE_VERBS and \
                token.head.i in tokens:  # "talks aimed at countering China's assertiveness"
            out.update(t.i for t in token.subtree)
        elif token.dep_ == "acl" and token.head.lower_ in PURPOSE_NOUNS and \
                token.head.dep_ == "pobj" and token.head.head.lower_ == "in" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            out.update(t.i for t in token.subtree)  # "gathered …, in an attempt to unblock
            # the negotiations between Venezuela's government and its opposition"
        elif token.dep_ in ("xcomp", "advcl") and token.pos_ == "VERB" and \
                token.head == trigger and any(c.dep_ == "aux" and c.lower_ == "to"
                                              for c in token.children) and \
                not _event_type(token) and token.lemma_.lower() not in LIGHT_VERBS and \
                _event_type(trigger) in CONTACT:
            # "met to inaugurate the TurkStream gas pipeline": what they met for; but
            # "travelled to Riyadh to brief the crown prince" names whom they saw
            out.update(t.i for c in token.children if (
                c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in TOPIC_PREPS) and not any(
                t.ent_type_ == "PERSON" for t in c.subtree) for t in c.subtree)
            # "met Maduro to complain about delays in oil cargoes owed to Rosneft"
        elif token.dep_ == "xcomp" and token.pos_ == "VERB" and token.head == trigger and \
                trigger.lemma_.lower() == "agree" and not _event_type(token) and \
                token.lemma_.lower() not in LIGHT_VERBS | {"meet", "visit", "talk"}:
            # "agreed to strengthen coordination at the United Nations, ASEAN and the
            # Mekong-Ganga Cooperation": what they agreed on, not who agreed
            out.update(t.i for c in token.children if c.dep_ in ("dobj", "prep")
                       for t in c.subtree if t.ent_type_ != "PERSON")
    return out


def _sequel_of(verb: Token, trigger: Token) -> bool:
    """Whether a participle tells the talks that came before or after an event's, the
    topics hung on it being the event's: "held one-on-one talks, followed by
    delegation-level discussions, on trade and investment"."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in {"follow", "precede"} and \
        verb.head == trigger and any(
            c.dep_ == "agent" and any(_event_type(p) for p in c.children if p.dep_ == "pobj")
            for c in verb.children)


def _passive(verb: Token) -> bool:
    """Whether a verb is in the passive: "was received"."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _whose_premises(doc: Doc, m: Mention, verb: Token) -> bool:
    """Whether a person owns the place "at" which a verb happened: "was received … at the
    crown prince's farm"."""
    owned = doc[m.end - 1]
    return owned.dep_ == "poss" and owned.head.dep_ == "pobj" and \
        owned.head.head.lower_ == "at" and owned.head.head.head == verb


def _with_whom(prep: Token) -> bool:
    """A "with" naming a person, which a topic does not hold: "talks on the refugee crisis
    with Slovenia's Robert Golob"."""
    return prep.lower_ == "with" and any(g.ent_type_ == "PERSON" and g.dep_ == "pobj"
                                         for g in prep.children)


def _venue_of(prep: Token) -> bool:
    """A phrase on a matter that the parser hung on the common noun where talks were held:
    "talks with Lourenço at the presidential palace on the Lobito rail corridor"; not a
    place ("in the courtyard of the palace on Krakowskie Przedmieście")."""
    noun = prep.head
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ in {"at", "in"} \
        and noun.head.head.lemma_.lower() in TOPIC_HEADS and noun.head.head.i < noun.i \
        and all(p.pos_ == "NOUN" and not p.ent_type_ for p in prep.children if p.dep_ == "pobj")
    # (nor "in a conference room … on the windward coast of St Vincent, the presidents sat")


def add_party(draft: EventDraft, mention: Mention, role: str) -> None:
    ident = mention_id(mention)
    for party in draft.parties:
        if mention_id(party.mention) == ident:
            if role == "mediator" or (role == "host" and party.role == "participant"):
                party.role = role
            if party.mention.source.startswith("rule:role") and not mention.source.startswith(
                    "rule:role"):
                party.mention = mention  # the person named, with the title given there
            return
    draft.parties.append(Party(mention, role))


def _absorb(into: EventDraft, other: EventDraft) -> None:
    for party in other.parties:
        add_party(into, party.mention, party.role)
    into.date = into.date or other.date
    into.location = into.location or other.location
    into.topics += [t for t in other.topics if t not in into.topics]


def _topic_sentence(sentence: Span, drafts: list[EventDraft], new: list[EventDraft]) -> None:
    """A sentence that discusses without a new event adds topics to the event it refers to.

    "The declaration envisages cooperation in trade" goes to the last agreement; "They
    discussed X" to the last meeting or call.
    """
    if new or not drafts:
        return
    target = None
    for token in sentence:
        kind = NOUN_TRIGGERS.get(token.lower_)
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        if kind and (any(c.lower_ in {"the", "this", "that", "their"} or c.dep_ == "poss"
                         for c in token.children)
                     or before in {"the", "this", "that", "their", "'s", "’s"}):
            target = next((d for d in reversed(drafts[-6:]) if d.type == kind or (
                kind == "Meeting" and d.type in CONTACT | {"Mediation"})), None)
            if target is not None:
                break
    if target is None:
        target = next((d for d in reversed(drafts[-3:]) if d.type in CONTACT), None)
    if target is None:
        return
    for token in sentence:
        reference = token.lemma_.lower() == "make" and any(
            c.dep_ == "nsubjpass" and c.lower_ == "reference" for c in token.children)
        if (token.lemma_.lower() in TOPIC_VERBS or reference) and token.pos_ in (
                "VERB", "NOUN", "AUX"):
            topics = _topics(token, {t.i for t in sentence}, target.type) \
                if token.pos_ == "VERB" else []
            topics = topics or _text_after(token)
            target.topics += [t for t in topics if t not in target.topics]
            if topics:
                target.support.append(Support(
                    sentence, sentence[token.i - sentence.start:token.i - sentence.start + 1],
                    "kg.events.v1:topics", "topics of the event above: " + "; ".join(topics)))
            return


def _text_after(token: Token) -> list[str]:
    """The words after a verb to the end of its statement, split at commas: a parse-free
    reading of "… envisages cooperation in tourism, trade and energy, among other areas"."""
    sentence = token.sent
    words = []
    for t in sentence[token.i - sentence.start + 1:]:
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if t.text in {";", ".", "!", "?", "\"", "“", "”"} or (
                t.text == "," and nxt is not None and (nxt.pos_ == "ADP" or nxt.lemma_.lower()
                                                       in REPORTING)):
            break
        words.append(t)
    if not words:
        return []
    text = sentence.doc[words[0].i:words[-1].i + 1].text
    pieces = re.split(r"\s*(?:,\s*and|,|\bas well as)\s+", text)
    out = []
    for piece in pieces:
        piece = re.sub(r"^(?:the|a|an|and|both)\s+", "", " ".join(piece.split()), flags=re.I)
        if len(piece) > 2:
            out.append(piece.strip(" ,;:“”\"'"))
    return out


def is_complete(draft: EventDraft) -> bool:
    """Enough parties for the type: two for a meeting, call or agreement."""
    parties = draft.keys("participant", "host", "mediator")
    if draft.type in CONTACT | {"Agreement"}:
        groups = draft.trigger.root.pos_ == "VERB" and any(
            p.mention.source == "kb:group" for p in draft.parties)
        return len(parties) >= 2 or groups  # "Caspian leaders last met in Aktau": its members
        # (not "the Consultative Meetings of the heads of Central Asian states", a title)
    if draft.type == "Mediation":
        return bool(draft.keys("mediator")) and len(draft.keys("participant")) >= 1
    if draft.type == "Visit" and _gone_home(draft):
        return False  # "Putin flew back to Moscow": home, no visit
    return len(parties) >= 1


def _gone_home(visit: EventDraft) -> bool:
    """Whether a journey with no host is back to the travellers' own country."""
    place = visit.location
    if place is None or place.kind != "state" or visit.keys("host"):
        return False
    verb = visit.trigger.root
    back = verb.lemma_.lower() == "return" or any(
        c.lower_ in {"back", "home"} and c.dep_ in ("prt", "advmod") for c in verb.children)
    return back and all(p.mention.affiliation == place.key for p in visit.parties)
