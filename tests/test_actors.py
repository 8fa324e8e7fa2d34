"""Actor mentions on short texts parsed by the real spaCy pipeline."""

from __future__ import annotations

import pytest

from factwire.extract import entity_rules
from factwire.extract.actors import find_actors
from factwire.nlp import parse


def _actors(text: str):
    actors, mentions = find_actors(next(parse([text])))
    by_id = {a.id: a for a in actors}
    return by_id, mentions


def _mention(mentions, text):
    found = [m for m in mentions if m["text"] == text]
    assert found, f"no mention {text!r} in {[m['text'] for m in mentions]}"
    return found[0]


def test_alias_and_metonym_resolve_to_the_country():
    actors, mentions = _actors("The Kremlin rejected the offer. Moscow said talks would go on.")
    assert _mention(mentions, "Kremlin")["actor_id"] == "russia"
    assert _mention(mentions, "Moscow")["actor_id"] == "russia"
    assert actors["russia"].type == "country" and actors["russia"].country == "RUS"


def test_demonyms_resolve_to_the_country_and_are_marked():
    actors, mentions = _actors("Iranian officials met Russian diplomats in Vienna on Monday.")
    iranian, russian = _mention(mentions, "Iranian"), _mention(mentions, "Russian")
    assert (iranian["actor_id"], russian["actor_id"]) == ("iran", "russia")
    assert iranian["kind"] == russian["kind"] == "demonym"
    assert "kind" not in _mention(mentions, "Vienna")


def test_titles_and_possessives_stay_out_of_the_mention():
    _, mentions = _actors("President Vladimir Putin met reporters. Putin's spokesman spoke later.")
    assert _mention(mentions, "Vladimir Putin")["actor_id"] == "vladimir-putin"
    assert _mention(mentions, "Putin")["actor_id"] == "vladimir-putin"


def test_surname_resolves_to_the_full_name_whatever_ner_called_it():
    text = ("Apple chief executive Steve Jobs unveiled the phone on Tuesday. "
            "Jobs, aged 55, said the device would ship in June. Jobs welcomed everyone.")
    actors, mentions = _actors(text)
    surnames = [m for m in mentions if m["text"] == "Jobs"]
    assert len(surnames) == 2
    assert {m["actor_id"] for m in surnames} == {"steve-jobs"}
    assert actors["steve-jobs"].type == "person"


def test_acronym_in_brackets_is_the_organisation():
    text = ("The European Central Bank (ECB) cut rates on Thursday. "
            "Analysts said the ECB would cut again.")
    _, mentions = _actors(text)
    acronyms = [m for m in mentions if m["text"] == "ECB"]
    assert len(acronyms) == 2
    assert {m["actor_id"] for m in acronyms} == {_mention(mentions, "European Central Bank")["actor_id"]}


def test_country_inside_an_organisation_name_is_a_nested_mention_listed_first():
    _, mentions = _actors("The U.S. Department of Agriculture published the figures on Friday.")
    outer = _mention(mentions, "U.S. Department of Agriculture")
    nested = _mention(mentions, "U.S.")
    assert nested["actor_id"] == "united-states" and nested["kind"] == "nested"
    assert mentions.index(nested) < mentions.index(outer)


def test_countries_playing_a_match_are_their_teams():
    text = ("Sweden defeated South Korea 1 – 0 in their World Cup match on Monday. "
            "Sweden had more possession, and the Swedish captain scored a penalty kick "
            "before the referee ended the game. South Korea's coach praised the goalkeeper.")
    actors, mentions = _actors(text)
    sweden = {m["actor_id"] for m in mentions if m["text"] == "Sweden"}
    assert sweden == {"sweden-national-team"}
    assert actors["sweden-national-team"].type == "organization"
    assert actors["sweden-national-team"].country == "SWE"


def test_countries_in_politics_stay_countries():
    _, mentions = _actors("Russia faced new sanctions after Ukraine won support in Brussels.")
    assert _mention(mentions, "Russia")["actor_id"] == "russia"


def test_codes_units_and_event_names_are_not_actors():
    text = ("The program costs $99 (USD) and the player holds 60 GB. "
            "Trading closed at 16:08 UTC. She spoke at the Google Science Fair.")
    _, mentions = _actors(text)
    assert not {"USD", "GB", "UTC", "Google Science Fair"} & {m["text"] for m in mentions}


@pytest.mark.parametrize("acronym, name, expected", [
    ("ECB", "European Central Bank", True),
    ("M5S", "Movimento 5 Stelle", True),
    ("WHO", "World Health Organization", True),
    ("UK", "European Central Bank", False),
    ("Inc", "Apple Inc", False),
])
def test_acronym_of(acronym, name, expected):
    assert entity_rules.is_acronym_of(acronym, name) is expected


def test_caption_word_is_trimmed():
    doc = next(parse(["Student Ahmed Mohamed Image: NASA."]))
    ents = [entity_rules.trim_caption(e).text for e in doc.ents]
    assert not any(e.endswith("Image") for e in ents)


def _types(actors, mentions, text):
    return actors[_mention(mentions, text)["actor_id"]].type


def test_name_starting_with_a_given_name_is_a_person_whatever_ner_called_it():
    text = "The prize was founded by Dean Kamen to encourage young engineers."
    actors, mentions = _actors(text)
    assert _types(actors, mentions, "Dean Kamen") == "person"


def test_given_name_does_not_make_a_firm_or_a_place_a_person():
    assert entity_rules.looks_like_person_name(next(parse(["Morgan Station"]))[0:2]) is False
    text = "Morgan Stanley advised the bank. Shares rose in Charles Schwab too."
    actors, mentions = _actors(text)
    assert _types(actors, mentions, "Morgan Stanley") == "organization"


def test_person_noun_beside_a_name_makes_it_a_person_and_joins_the_first_name():
    text = ("Valeska Paris, an Australian woman and former member, has sued the group. "
            "Paris said she was held for years. Valeska Paris left in 2007. Flights to Paris resumed.")
    actors, mentions = _actors(text)
    full = [m for m in mentions if m["text"] == "Valeska Paris"]
    assert len(full) == 2 and {m["actor_id"] for m in full} == {"valeska-paris"}
    assert actors["valeska-paris"].type == "person"
    surnames = [m["actor_id"] for m in mentions if m["text"] == "Paris"]
    assert surnames == ["valeska-paris", "france"]  # "to Paris" is the city


def test_office_titles_and_post_nominals_are_not_organisations():
    text = ("Home Secretary Jane Smith met the Secretary of State on Monday. "
            "The defence barrister, Tom Jones, SC, objected.")
    _, mentions = _actors(text)
    assert not {"Home", "State", "SC"} & {m["text"] for m in mentions}


def test_last_word_fixes_the_type():
    assert entity_rules.head_word_label("Saudi Gazette") == "ORG"
    assert entity_rules.head_word_label("Shandao Station") == "FAC"
    assert entity_rules.head_word_label("Saudi Arabia") is None


def test_word_written_mostly_in_lower_case_is_not_a_name():
    text = ("Iodine deficiency is common. Doctors add iodine to salt, and iodine "
            "levels in bread have fallen.")
    _, mentions = _actors(text)
    assert "Iodine" not in {m["text"] for m in mentions}


def test_place_an_organisation_is_named_for_is_nested():
    text = "She studies at the University of Southern Indiana and works for the Irving Police Department."
    _, mentions = _actors(text)
    nested = {m["text"] for m in mentions if m.get("kind") == "nested"}
    assert {"Southern Indiana", "Irving"} <= nested


def test_town_before_its_state_is_a_place():
    text = "The gallery, which is located in Evansville, Indiana, opened on Monday."
    actors, mentions = _actors(text)
    assert _types(actors, mentions, "Evansville") == "place"


def test_plural_surname_is_the_family():
    text = "Thomas Sam and Manju Sam were charged. The court heard the Sams ignored advice."
    actors, mentions = _actors(text)
    assert _types(actors, mentions, "Sams") == "person"


def test_known_company_found_even_inside_an_event_name():
    _, mentions = _actors("Students presented at the Google Science Fair, said Twitter users.")
    assert _mention(mentions, "Google")["actor_id"] == "google"
    assert _mention(mentions, "Twitter")["actor_id"] == "twitter"
