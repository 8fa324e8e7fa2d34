"""Events by sense: the closed type list, senses checked by the object, passives, noun triggers,
the confidence and its display threshold in the marts, and the WikiEvents scorer's reliability."""

from __future__ import annotations

import datetime as dt
import functools
import shutil

import duckdb
import pytest
import yaml

from conftest import ROOT
from factwire.evaluation import wikievents
from factwire.extract import events as ev
from factwire.extract import extract


@functools.lru_cache(maxsize=None)
def _facts(text: str) -> dict:
    return extract(text)


def _events(text: str) -> set[tuple]:
    """(type, subject, object, trigger) of each event."""
    return {(e["type"], e["subject_actor_id"], e["object_actor_id"], text[e["trigger"]["start"]:e["trigger"]["end"]])
            for e in _facts(text)["events"]}


def _types(text: str) -> set[str]:
    return {e[0] for e in _events(text)}


def test_every_type_made_is_in_the_closed_list_and_documented():
    made = {t for t in ev.EVENT_VERBS.values() if t != "launch"} | set(ev.NOUN_TRIGGERS.values())
    made |= set(ev._learned()["noun_triggers"].values())
    assert made <= set(ev.EVENT_TYPES)
    described = next(c for c in yaml.safe_load((ROOT / "schemas" / "events.yaml").read_text())["columns"]
                     if c["name"] == "event_type")["description"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind in ev.EVENT_TYPES:
        assert f"{kind}:" in described, kind
        assert f"| `{kind}` | {ev.EVENT_TYPES[kind]} |" in readme, kind


@pytest.mark.parametrize("text", [
    "Turkey's bond yields hit 16% on Monday.",
    "Apple launched a new iPhone in September.",
    "The judge asked whether Russia had any evidence.",
    "Germany gave an interview to the BBC.",
    "France sent a letter to Italy.",
    "Russia will host the final in July.",
])
def test_verbs_read_literally_are_not_events(text):
    assert not (_types(text) & {"attack", "deploy", "request", "supply", "meet"}), _events(text)


def test_an_attack_needs_an_object_that_can_be_attacked():
    assert ("attack", "russia", "ukraine", "hit") in _events("Russia hit Ukraine with missiles on Sunday.")
    assert ("sanction", "united-states", "venezuela", "hit") in _events(
        "The United States hit Venezuela with new sanctions.")


def test_a_request_asks_someone_to_act_and_a_deployment_sends_troops():
    assert ("request", "germany", "france", "asked") in _events("Germany asked France to send more troops.")
    assert ("deploy", "russia", "syria", "sent") in _events("Russia sent troops to Syria.")


def test_passives_take_the_agent_as_subject():
    assert ("attack", "israel", "iran", "attacked") in _events("Iran was attacked by Israel on Monday.")


def test_noun_triggers_take_their_agent_and_a_place_before_them_is_not_one():
    assert ("attack", "russia", "ukraine", "invasion") in _events("Russia's invasion of Ukraine began in February.")
    found = _events("The Paris attacks killed 130 people.")
    assert not any(e[1] == "france" for e in found), found


def test_coordinated_signers_sign_with_each_other_once_per_pair():
    found = _events("Russia and Iran signed a strategic partnership agreement in January 2025.")
    assert ("sign", "russia", "iran", "signed") in found and ("sign", "iran", "russia", "signed") not in found
    met = {(e[1], e[2]) for e in _events("Germany, France and Italy met in Rome on Monday.") if e[0] == "meet"}
    assert met == {("germany", "france"), ("germany", "italy"), ("france", "italy")}


def test_every_event_has_a_confidence_between_0_and_1():
    facts = _facts("Russia hit Ukraine with missiles on Sunday. Russia's invasion of Ukraine began in February.")
    assert facts["events"]
    fitted = ev._learned()["confidence"]
    assert fitted["features"] == ev.FEATURE_NAMES and len(fitted["weights"]) == len(ev.FEATURE_NAMES)
    for event in facts["events"]:
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["confidence"] == ev.confidence_of(event)


def test_fit_logistic_learns_a_feature_that_tells_right_from_wrong():
    rows = [[1.0, 1.0]] * 20 + [[1.0, 0.0]] * 20
    labels = [1] * 18 + [0] * 2 + [1] * 4 + [0] * 16
    weights = wikievents.fit_logistic(rows, labels, l2=0.1)
    assert weights[1] > 1.0
    assert wikievents.fit_logistic(rows, labels, l2=0.1) == weights  # deterministic: no seed needed


def test_reliability_rows_bin_confidences_and_count_precision_at_the_threshold():
    scored = [(0.9, True), (0.85, True), (0.82, False), (0.3, False), (0.1, False), (0.55, True)]
    rows = wikievents.reliability_rows(scored, threshold=0.5)
    assert rows[0].kind.startswith("events at display confidence >= 0.5 (held-out documents)")
    assert rows[0].score == pytest.approx(3 / 4) and rows[0].items == 4
    bins = {r.kind.split(":")[0]: (r.score, r.items) for r in rows[1:]}
    assert bins["events confidence 0.8-1.0 (held-out documents)"] == (pytest.approx(2 / 3), 3)
    assert bins["events confidence 0.0-0.2 (held-out documents)"] == (0.0, 1)


def test_the_confidence_is_reported_on_the_documents_it_was_not_fitted_on():
    docs = [wikievents.WikiEventsDoc(doc_id=f"doc{i}", text="x" * 40,
                                     events=[wikievents.WikiEvent("Conflict.Attack.Unspecified", (0, 6))])
            for i in range(12)]
    sides = {d.doc_id: wikievents.is_fit_document(d.doc_id) for d in docs}
    assert any(sides.values()) and not all(sides.values())  # both halves hold documents
    assert sides == {d.doc_id: wikievents.is_fit_document(d.doc_id) for d in docs}  # a fixed split
    # every document has one right event (verb) and one wrong (noun, elsewhere)
    right = {"type": "attack", "trigger": {"start": 0, "end": 6}, "trigger_kind": "verb", "lemma": "attack",
             "modality": "asserted", "subject_actor_id": None, "object_text": "a bakery"}
    wrong = dict(right, trigger={"start": 20, "end": 26}, trigger_kind="noun", object_text=None)
    predictions = [{"events": [right, wrong]} for _ in docs]
    weights = [0.0, -3.0] + [0.0] * (len(ev.FEATURE_NAMES) - 2)
    rows = wikievents.confidence_rows(docs, predictions, threshold=0.5, weights=weights)
    held_out, fitted = rows[0], next(r for r in rows if "(fitted documents)" in r.kind and "display" in r.kind)
    assert "held-out documents" in held_out.kind and held_out.target == 0.85 and fitted.target is None
    assert held_out.items == sum(not f for f in sides.values()) and held_out.score == 1.0  # the noun rows are hidden
    assert fitted.items == sum(sides.values())


def test_a_missing_learned_file_is_an_error_not_a_quiet_fallback(tmp_path, monkeypatch):
    monkeypatch.setattr(ev, "DATA", tmp_path)
    ev.reload_learned()
    try:
        with pytest.raises(ev.LearnedFileMissing, match="python -m factwire.training events"):
            ev._learned()
    finally:
        monkeypatch.undo()
        ev.reload_learned()
    assert ev._learned()["confidence"]["features"] == ev.FEATURE_NAMES


@pytest.fixture
def warehouse_copy(seed_warehouse, tmp_path):
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(seed_warehouse.snapshot_path, path)
    con = duckdb.connect(str(path))
    yield con
    con.close()


def test_marts_show_events_at_or_above_the_display_confidence(warehouse_copy):
    con = warehouse_copy
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert total > 0 and con.execute("SELECT count(*) FROM events WHERE confidence IS NULL").fetchone()[0] == 0
    # the seeds tell an attack with no attacker named ("The attacks killed Iran's Supreme Leader")
    assert con.execute("SELECT count(*) FROM events WHERE subject_actor_id IS NULL").fetchone()[0] > 0
    for threshold in (0.0, 0.6, 1.01):
        con.execute(f"CREATE OR REPLACE MACRO display_confidence() AS CAST({threshold} AS DOUBLE)")
        for view in ("fct_event_reports", "fct_events"):
            con.execute((ROOT / "sql" / "views" / f"{view}.sql").read_text(encoding="utf-8"))
        # every shown row, with or without a stated actor: none vanishes, none gets a made-up subject
        expected = con.execute("SELECT count(*) FROM events e WHERE e.confidence >= ?", [threshold]).fetchone()[0]
        assert con.execute("SELECT count(*) FROM fct_event_reports").fetchone()[0] == expected
        assert con.execute("SELECT count(*) FROM fct_event_reports WHERE subject IS NULL").fetchone()[0] == con.execute(
            "SELECT count(*) FROM events WHERE subject_actor_id IS NULL AND confidence >= ?", [threshold]).fetchone()[0]
        assert con.execute("SELECT coalesce(sum(report_count), 0) FROM fct_events").fetchone()[0] == expected
        # ad-hoc SQL on the table still sees every row
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == total
    con.execute("CREATE OR REPLACE MACRO display_confidence() AS CAST(0.0 AS DOUBLE)")
    assert con.execute("SELECT count(*) FROM fct_event_reports").fetchone()[0] == total
    # an event with no stated actor keeps a null subject in the marts, never a made-up actor's name,
    # and is not grouped with other unattributed events unless a day and a place or target say so
    unstated = con.execute("SELECT count(*), count(subject), count(DISTINCT event_key) FROM fct_event_reports "
                           "WHERE subject_actor_id IS NULL").fetchone()
    assert unstated[0] > 0 and unstated[1] == 0
    assert con.execute("SELECT count(*) FROM fct_events WHERE subject_actor_id IS NULL").fetchone()[0] == unstated[2]


def test_events_between_countries_example_gives_rows_on_the_seeds(sql):
    rows = sql((ROOT / "sql" / "examples" / "events_between_countries.sql").read_text(encoding="utf-8"))
    assert rows, "no event between two countries in the seed warehouse"
    kinds = {row[0] for row in rows}
    assert kinds <= set(ev.EVENT_TYPES)
    assert not any(row[1] == row[2] for row in rows)


def test_agreements_loans_and_travel_need_their_terms_money_and_destination():
    assert "agree" not in _types("Lynch agreed to a 30-minute interview.")
    assert "agree" not in _types("Germany does not agree with France.")
    assert ("agree", "israel", "hamas", "agreed") in _events("Israel and Hamas agreed on a ceasefire.")
    assert "loan" not in _types("Russia is lending legitimacy to the network.")
    assert ("loan", "international-monetary-fund", "greece", "lent") in _events("The IMF lent $2 billion to Greece.")
    assert "travel" not in _types("Muslims traveling to the United States were stopped.")


def test_a_clause_on_a_passive_borrows_its_agent_not_its_subject():
    found = _events("Israel was attacked by Hamas on Saturday, killing 1,200 people.")
    assert ("attack", "hamas", "israel", "attacked") in found
    assert not any(e[1] == "israel" for e in found), found


def test_a_person_attacking_a_person_in_words_condemns_and_the_asked_one_does_what_is_asked():
    found = _events("Jennifer Palmieri called on Donald Trump to stop attacking Alicia Machado and apologize.")
    assert ("request", "jennifer-palmieri", "donald-trump", "called") in found
    assert ("condemn", "donald-trump", "alicia-machado", "attacking") in found
    assert not any(e[0] == "attack" for e in found), found
    assert ("attack", "russia", "ukraine", "attacked") in _events("Russia attacked Ukraine on Thursday.")


def test_poll_shares_are_not_actors_and_sanctions_sought_are_not_imposed():
    assert "support" not in _types("Forty percent support Hillary Clinton, while 1 percent support Jill Stein.")
    sought = [e for e in _facts("The United States will seek new U.N. sanctions against North Korea.")["events"]
              if e["type"] == "sanction"]
    assert sought and all(e["modality"] == "hypothetical" for e in sought)


def _only(text: str, kind: str) -> dict:
    [event] = [e for e in _facts(text)["events"] if e["type"] == kind]
    return event


def test_an_attack_whose_attacker_is_unstated_has_no_subject_and_keeps_victims_place_and_mentions():
    text = "A bomb exploded in a crowded market in Kabul on Monday, killing 12 people."
    event = _only(text, "attack")  # the explosion and the killing are one event, told twice
    assert event["subject_actor_id"] is None and event["object_actor_id"] is None
    assert event["object_text"] == "12 people" and event["place_actor_id"] == "afghanistan"
    assert [text[m["start"]:m["end"]] for m in event["mentions"]] == ["exploded", "killing"]
    assert 0.0 < event["confidence"] < 1.0
    text = "Twelve people were killed in the explosion at the market on Monday."
    event = _only(text, "attack")  # the killing is the explosion's: one event
    assert [text[m["start"]:m["end"]] for m in event["mentions"]] == ["killed", "explosion"]
    assert (event["subject_actor_id"], event["object_text"]) == (None, "Twelve people")


@pytest.mark.parametrize("text", [
    "The boiler exploded on Monday.",
    "He was killed in a car crash on Monday.",
    "The storm killed 12 people.",
    "Critics attacked the plan.",
    "The new policy hit workers hard.",
    "Police said 27 arrest warrants have been issued.",
    "Ninety six people were detained in hospital.",
    "There was the explosion at the Chernobyl reactor.",
    "Donald Trump unleashed a harsh attack on Ben Carson last night.",
    "Carson went on defense, attacking critics as scrutiny heats up.",
    "These types of attacks are rare.",
    "In 1984 the first Macintosh personal computer was released to the public.",
])
def test_deaths_without_violence_and_words_read_literally_are_no_unstated_attack_or_arrest(text):
    assert not (_types(text) & {"attack", "arrest", "release"}), _events(text)


def test_an_arrest_with_no_arrester_named_and_a_passive_arrest_by_a_named_one():
    unstated = _only("Three people were arrested on Sunday.", "arrest")
    assert (unstated["subject_actor_id"], unstated["object_text"]) == (None, "Three people")
    assert ("arrest", "russia", "alexei-navalny", "arrested") in _events(
        "Navalny was arrested by Russian police on Sunday.")


def test_event_nouns_with_no_agent_and_a_possessive_that_is_the_victim():
    assert ("attack", None, None, "explosion") in _events("The explosion injured 13 people.")
    # "Khashoggi's killing": Khashoggi was killed, he did not kill
    assert ("attack", None, "khashoggi", "killing") in _events("Khashoggi's killing shocked the world.")
    assert ("attack", "russia", "ukraine", "invasion") in _events("Russia's invasion of Ukraine began in February.")


def test_a_definite_noun_later_in_the_article_is_a_mention_of_the_event_before_it():
    text = "An explosion injured 13 people at a bakery in Lyon on Friday. Police are searching for the man behind the blast."
    event = _only(text, "attack")
    assert [text[m["start"]:m["end"]] for m in event["mentions"]] == ["explosion", "blast"]
    two = "An explosion injured 13 people in Lyon on Friday. Another explosion injured two people on Sunday."
    assert len([e for e in _facts(two)["events"] if e["type"] == "attack"]) == 2  # "another" is a new one


def test_event_keys_are_stable_on_rerun_and_unique_with_a_null_subject():
    from factwire.warehouse.rows import fact_rows

    text = ("A bomb exploded in a crowded market in Kabul on Monday, killing 12 people. "
            "Three people were arrested on Sunday. Russia's invasion of Ukraine began in February.")
    first = fact_rows("a1", extract(text), "run1")["events"]
    again = fact_rows("a1", extract(text), "run2")["events"]
    assert [r["event_id"] for r in first] == [r["event_id"] for r in again]
    assert len({r["event_id"] for r in first}) == len(first) >= 3
    unstated = [r for r in first if r["subject_actor_id"] is None]
    assert unstated and all(r["mention_count"] >= 1 for r in first)
    assert next(r for r in first if r["event_type"] == "attack" and r["subject_actor_id"] is None)["mention_count"] == 2


@pytest.mark.parametrize("text", [
    # a level or a figure reached
    "Temperatures rose, with Gwangju hitting 14 degrees and Daegu, 15 degrees.",
    "Brent crude hit a record high on Monday.",
    # a blow in play
    "Covington was inadvertently hit in the face by Al Horford.",
    # an order, a rule, the writer's own story, a statistic
    'Games say little more than "go shoot every German you find in the face".',
    "When they attack police officers, the union complains.",
    "The estate is where the Belfast IRA leaders meet and plan their operations.",
    "And more than that, he killed me.",
    "About 95% of murders in the city were committed by young men.",
    'The mayor argued that 95% of “murders and murderers and murder victims” were young men.',
    "The level is where California ISO has traditionally ordered a reduction in electricity use.",
    # products, records and reports are released; ideas are recognised; an album sells
    "Git was initially released in 2005 by Linus Torvalds.",
    "Luboku released his new EP last week.",
    "NOAA released its Winter Outlook on Thursday.",
    "Philippe Bourgois recognises four types of violence.",
    "Dion's album sold exceptionally well.",
    # illness and figures of speech
    "Multivitamins are correlated to a reduced risk of heart attacks.",
    "Jamie's war on toxic US food: chefs lead plea to Boris Johnson.",
    "Investing in cryptocurrencies is highly risky.",
])
def test_wording_that_tells_no_event_between_actors_makes_none(text):
    assert not _facts(text)["events"], _events(text)


def test_the_same_verbs_with_an_actor_told_doing_it_are_events():
    assert ("attack", "russia", "ukraine", "hit") in _events("Russia hit Ukraine with missiles on Sunday.")
    assert ("condemn", "elizabeth-warren", "joe-biden", "hit out") in _events(
        "Elizabeth Warren hit out at Joe Biden over his record on Monday.")
    assert "attack" in _types("When the gunmen attacked the police station, they killed two officers.")
    assert "release" in _types("Hamas released 13 Israeli hostages on Friday.")
    assert ("recognise", "russia", "abkhazia", "recognised") in _events("Russia recognised Abkhazia in 2008.")
    assert "attack" in _types("The Taliban attack on the base killed 12 soldiers.")


def test_a_gathering_hosted_is_no_participant_and_a_venue_before_an_attack_is_where():
    hosted = _facts("Otto von Bismarck hosted the Berlin Conference in 1884.")["events"]
    assert [(e["type"], e["object_actor_id"]) for e in hosted] == [("meet", None)]
    assert hosted[0]["object_text"] == "the Berlin Conference"
    text = ("The Cafetería Rolando bombing killed 13 people in Madrid in 1974. "
            "A bomb exploded at the Rolando cafe.")
    assert all(e["subject_actor_id"] is None for e in _facts(text)["events"] if e["type"] == "attack"), _events(text)


def test_readiness_to_act_is_hypothetical():
    found = _facts("Never Trump Republicans willing to back Joe Biden met on Monday.")["events"]
    assert {e["modality"] for e in found if e["type"] == "support"} <= {"hypothetical"}
    told = _facts("The Republicans backed Joe Biden on Monday.")["events"]
    assert [e["modality"] for e in told if e["type"] == "support"] == ["asserted"]


def test_the_scorer_counts_every_mention_and_reports_the_rows_by_their_first_mention_beside():
    doc = wikievents.WikiEventsDoc(doc_id="d", text="x" * 60,
                                   events=[wikievents.WikiEvent("Conflict.Attack.Unspecified", (0, 6))])
    # one row, right at its first mention, with a later mention the gold leaves unannotated
    row = {"type": "attack", "trigger": {"start": 0, "end": 6},
           "mentions": [{"start": 0, "end": 6}, {"start": 30, "end": 36}]}
    rows = {(r.kind, r.metric): r for r in wikievents.score_documents([doc], [{"events": [row]}])}
    mentions = rows[(wikievents.KIND, "precision")]
    assert (mentions.score, mentions.target) == (0.5, 0.75) and rows[(wikievents.KIND, "recall")].score == 1.0
    assert len(rows) == 2  # the by-row precision is a row of its own, not one of these
    by_row, = wikievents.row_precision_rows([doc], [{"events": [row]}])
    assert by_row.kind == f"{wikievents.KIND}, by row (its first mention)"
    assert (by_row.score, by_row.items, by_row.target) == (1.0, 1, None)


def test_a_participle_on_a_noun_or_a_number_is_a_passive_killing():
    found = _facts("Two of the 12 initially killed were members of the police force.")["events"]
    assert [(e["type"], e["subject_actor_id"], e["object_text"]) for e in found] == [("attack", None, "the 12")]
    # a participle that is no event verb, or one with an object of its own, is not read so
    assert not _facts("Two of the 12 initially hired were members of the police force.")["events"]


def test_a_formal_charge_is_an_accusation_told_without_who_brought_it():
    found = _facts("Maria Lopez was arrested and charged with treason.")["events"]
    assert {(e["type"], e["subject_actor_id"], e["object_actor_id"]) for e in found} == {
        ("arrest", None, "maria-lopez"), ("accuse", None, "maria-lopez")}
    # a duty, a price or a rush is no charge
    for text in ("The agency was charged with the task of rebuilding the port.",
                 "The company charged customers $50 for the service.", "The cavalry charged into the valley."):
        assert not _facts(text)["events"], _events(text)


def test_a_noun_in_ist_names_people_who_can_be_arrested():
    found = _facts("Leftists sympathetic to ETA were arrested in Madrid.")["events"]
    assert [(e["type"], e["object_text"]) for e in found] == [("arrest", "Leftists")]


def test_a_patient_treated_and_released_is_no_release_and_a_condition_before_makes_a_hypothesis():
    assert not _facts("The officer was taken to hospital, where she was treated and released.")["events"]
    assert {e["type"] for e in _facts("Maria Lopez was arrested and released on bail.")["events"]} == {"arrest", "release"}
    before = _facts("If the talks fail, the Gestapo will arrest them.")["events"]
    assert [(e["type"], e["modality"]) for e in before] == [("arrest", "hypothetical")]
    after = _facts('Elizabeth Warren accused Michael Bloomberg of saying "we would win if we let banks be racist."')["events"]
    assert [(e["type"], e["modality"]) for e in after if e["type"] == "accuse"] == [("accuse", "asserted")]


def test_an_event_noun_in_a_phrase_takes_the_modality_of_the_phrase_verb():
    found = _facts("The next round of arrests may include elected officials.")["events"]
    assert [(e["type"], e["modality"]) for e in found] == [("arrest", "hypothetical")]


def test_an_attack_in_a_race_or_a_campaign_is_words_unless_its_sentence_says_violence():
    words = "The gunman killed three people. Nobody has faced the sustained attack now starting in this presidential race."
    assert [len(e["mentions"]) for e in _facts(words)["events"]] == [1]
    violence = "The gunman killed three people. The attack on the campaign office left two wounded."
    assert [len(e["mentions"]) for e in _facts(violence)["events"]] == [2]


def test_an_interview_or_a_debate_is_a_meeting_only_with_whom_named():
    assert not _facts("The special outweighed even Princess Diana's landmark interview two decades ago.")["events"]
    assert ("meet", "joe-biden", "vladimir-putin", "interview") in _events(
        "Joe Biden's interview with Vladimir Putin lasted two hours.")


def test_a_demonym_before_companies_names_no_state_and_banks_can_be_sanctioned():
    assert not _facts("The Ukrainian companies filed suit, demanding that the supplier return the prepayment.")["events"]
    found = _facts("The United States sanctioned Russian banks on Monday.")["events"]
    assert [(e["type"], e["subject_actor_id"], e["object_text"]) for e in found] == [
        ("sanction", "united-states", "Russian banks")]


# ---------------------------------------------------------------------------------------------
# The judged rows the confidence learns from besides WikiEvents


def _judged() -> list[dict]:
    import json

    from factwire.training import events as training

    with training.JUDGED_FILE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_judged_rows_come_from_sets_no_score_is_reported_on_and_keep_what_the_fit_reads():
    from factwire.training import events as training

    rows = _judged()
    assert len(rows) >= 150
    assert {r["dataset"] for r in rows} <= {"trafilatura-eval-en", "polnear/train", "seeds"}
    for row in rows:
        assert row["trigger"] and row["trigger"] in row["sentence"], row
        assert isinstance(row["right"], bool) and row["why"].strip()
        assert set(row["row"]) == set(training.ROW_KEYS) and row["row"]["type"] == row["type"]
        assert len(ev.features(row["row"])) == len(ev.FEATURE_NAMES)
    wrong = [r for r in rows if not r["right"]]
    assert 0.1 < len(wrong) / len(rows) < 0.5  # both verdicts, read, not a rubber stamp


def test_the_shipped_confidence_ranks_judged_wrong_rows_below_right_ones_and_the_fit_is_deterministic():
    from factwire.training import events as training

    judged = training.judged_rows()
    right = [ev.confidence_of(e) for _, e, y in judged if y]
    wrong = [ev.confidence_of(e) for _, e, y in judged if not y]
    assert sum(wrong) / len(wrong) < sum(right) / len(right) - 0.1
    assert training.fit_confidence([], judged) == training.fit_confidence([], judged)


@pytest.mark.parametrize("text, cue, value", [
    ("Police asked whether the attack on the mosque was planned.", "question", True),
    ("Russia's invasion of Ukraine began in February.", "question", False),
    ("Russia's invasion of Ukraine began in February.", "violence_told", False),
    ("A bomb attack killed 12 people in Kabul on Monday.", "violence_told", True),
    ("Ash criticised Priebus on Saturday, accusing him of working to scuttle the plan.", "subject_borrowed", True),
    ("Bruce Ash accused Reince Priebus of trying to quash the proposal.", "subject_borrowed", False),
])
def test_the_cues_the_confidence_reads_off_the_sentence(text, cue, value):
    found = [e for e in _facts(text)["events"] if e["type"] in ("attack", "accuse")]
    assert found, _facts(text)["events"]
    assert found[-1][cue] is value


def test_the_doer_kind_is_the_actor_type():
    facts = _facts("Bruce Ash accused Reince Priebus of trying to quash the proposal.")
    event = next(e for e in facts["events"] if e["type"] == "accuse")
    types = {a["id"]: a["type"] for a in facts["actors"]}
    assert event["subject_type"] == types[event["subject_actor_id"]] == "person"


def test_a_present_passive_under_when_is_a_rule_not_an_arrest():
    assert "arrest" not in _types("The Foreign Office said that when a British citizen is arrested abroad, "
                                  "it offers consular help.")
    assert "arrest" in _types("When he was arrested in Miami, Fahie said nothing.")
    assert "arrest" in _types("Three people were arrested when police raided the house.")


def test_an_attack_noun_in_words_on_a_thing_is_none_and_by_a_person_on_a_person_criticises():
    assert ("condemn", "clinton", "donald-trump", "attacks") in _events(
        "The friendly audience cheered Clinton's attacks on Trump, the presumptive Republican nominee.")
    assert not _types("They were heading off Republican attacks on her record as secretary of state.")
    assert ("attack", "russia", "ukraine", "attack") in _events("Russia's attack on Ukraine killed 12 people.")
    assert ("attack", "hinckley", "reagan", "attack") in _events("Hinckley's attack on Reagan in 1981 wounded three others.")


@pytest.mark.parametrize("text", [
    '"Is that what we want?" Sanders asked rhetorically, shaking his head no.',
    "One official, asking for anonymity to speak freely, said the talks had failed.",
    "Gowdy promised to review the transcripts before releasing them to the public.",
    "Wins in five states that free her to present herself as the victor.",
    "The Syrian and Yemeni wars have killed thousands.",
])
def test_questions_for_effect_sourcing_publication_and_wars_named_by_place_are_no_events(text):
    assert not (_types(text) & {"request", "release", "attack"}), _events(text)


def test_a_person_freed_to_go_home_and_a_war_waged_by_a_state_stay_events():
    assert "release" in _types("The rebels freed two journalists to return home.")
    assert ("attack", "russia", "ukraine", "war") in _events("Russia's war on Ukraine killed thousands.")
    assert "request" in _types("Iran asked Russia for weapons.")


def test_a_crime_named_in_a_charge_and_effort_invested_are_no_events():
    text = "Han Lee, 41, of Cambridge, is charged with conspiracy to coerce and entice women to travel."
    assert "threaten" not in _types(text) and "accuse" in _types(text)
    assert "investment" not in _types("Steyer has invested a ton of resources in South Carolina.")
    assert "investment" in _types("Microsoft will invest US$1 billion over the next four years.")
    assert "attack" in _types("Police foiled an attempt to kill the president on Monday.")


def test_a_modifier_of_the_first_of_coordinated_event_nouns_is_all_of_theirs():
    facts = _facts("Price dropped charges against David Misch involving his alleged kidnapping and murder "
                   "of Michaela Garecht in 1988.")
    murder = next(e for e in facts["events"] if e["lemma"] == "murder")
    assert murder["modality"] == "reported"


def test_a_participle_with_a_by_phrase_is_done_by_that_phrase_to_the_clause_subject():
    events = _events("Asked by George Stephanopoulos to respond, Ben Carson said he was not worried.")
    assert ("request", "george-stephanopoulos", "ben-carson", "Asked") in events
    assert not any(e[1] == "ben-carson" for e in events)
    assert ("support", "russia", "syria", "Backed") in _events("Backed by Russia, Syria launched an offensive on Idlib.")


def test_where_one_moved_is_no_destination_but_back_to_is():
    assert "travel" not in _types("In London, Owen Jones walked off the set of a Sky News program.")
    assert ("travel", "whitelaw", "belfast", "flew") in _events(
        "Mr Whitelaw and Lord Carrington immediately flew back to Belfast in an RAF transport.")
    assert "travel" in _types("Obama arrived in Orlando on Thursday.")


def test_refreshing_the_judged_rows_extracts_their_document_again_and_drops_a_row_no_longer_made(tmp_path):
    import json

    from factwire.training import events as training

    seed = next(r for r in _judged() if r["dataset"] == "seeds" and r["lemma"] == "invasion")
    stale = dict(seed, trigger="occupation", row={})
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (dict(seed, row={}), stale)), encoding="utf-8")
    assert training.refresh_judged(tmp_path / "no-eval-data-needed-for-seeds", path=path) == 1
    (kept,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert kept["right"] == seed["right"] and kept["why"] == seed["why"]
    assert kept["row"] == seed["row"]  # the committed keys are what the extractor gives today


def _modalities(text: str) -> dict[tuple, str]:
    return {(e["type"], e["subject_actor_id"], text[e["trigger"]["start"]:e["trigger"]["end"]]): e["modality"]
            for e in _facts(text)["events"]}


def test_a_condition_put_by_inversion_or_an_aim_is_not_told_as_done():
    made = _modalities("It would have been gracious had Boris Johnson congratulated Keir Starmer on the win.")
    assert made.get(("congratulate", "boris-johnson", "congratulated")) == "hypothetical", made
    # "bent on attacking": an aim, and with no one named no event at all
    assert "attack" not in _types("Officials say the region is full of militants bent on attacking France.")


def test_a_denial_beside_the_clause_or_a_subject_naming_no_one_sets_the_negation():
    made = _modalities("Angela Merkel rejects the proposal but will meet with Emmanuel Macron.")
    assert made.get(("meet", "angela-merkel", "meet")) != "negated", made
    made = _modalities("Neither Keir Starmer nor anyone on his team has ever asked Elon Musk for money.")
    assert made.get(("request", "keir-starmer", "asked")) == "negated", made
    made = _modalities("Romania requested that Viktor Orban be released to his home country.")
    assert made.get(("release", None, "released")) in (None, "hypothetical"), made


def test_naming_consenting_and_moving_things_are_no_events():
    # "what X called a bad week for Y": a name given, not a call for anything
    assert "request" not in _types("It was what The Guardian called a bad week for Boris Johnson.")
    # agreeing to talk is a consent, no agreement between sides
    assert "agree" not in _types("John Smith agreed to talk on the condition that his name not be used.")
    # moving something else to a place is no journey of the subject
    assert "travel" not in _types("Ford is moving its truck plant to Mexico.")
    # starting to sell a kind of goods is a line of business, not a sale
    assert "sale" not in _types("In 2006 Apple began selling films apart from music.")
    assert "sale" not in _types("Salomon manufactures golf clubs and sells ski equipment.")
    # investing with nothing invested in: effort, not money
    assert "investment" not in _types("The Sanders campaign is investing for a long contest.")


def test_a_visit_to_a_place_is_a_journey_and_a_thing_of_someone_is_not_backed():
    assert ("travel", "donald-trump", "mexico", "visited") in _events("Donald Trump visited Mexico on Wednesday.")
    assert "support" not in _types("A second CIA officer backed John Smith's account of the night.")


def test_words_put_out_or_a_name_called_are_criticism_not_violence():
    text = "Republicans attacked Barack Obama as a job killer."
    assert "attack" not in _types(text), _events(text)
    assert "attack" not in _types("The Koch group ran an ad hitting Ted Strickland for job losses.")


def test_one_person_of_a_country_is_not_the_country():
    text = "The first American to carry out a suicide bombing in Syria, John Smith, flew to Syria in 2014."
    assert not any(e[1] == "united-states" for e in _events(text)), _events(text)
    text = "A gunman killed a Muslim American soldier in Iraq."
    assert not any(e[2] == "united-states" for e in _events(text)), _events(text)


def test_the_medium_an_event_is_told_on_is_not_its_target_and_a_civil_war_has_no_side():
    assert not any(e[2] == "twitter" for e in _events(
        "After 14 people were killed in San Bernardino, a voice celebrated the attacks on Twitter."))
    assert not any(e[1] == "syria" for e in _events("Refugees from Syria's brutal civil war are welcome here."))


def test_an_act_held_back_from_is_negated_and_selling_someone_on_an_idea_is_no_sale():
    made = _modalities("Donald Trump has avoided directly criticizing James Comey.")
    assert made.get(("condemn", "donald-trump", "criticizing")) == "negated", made
    made = _modalities("The city is issuing summonses to marchers rather than arresting them.")
    assert all(m == "negated" for k, m in made.items() if k[0] == "arrest"), made
    assert "sale" not in _types("But John Smith's kids have sold him on supporting Bernie Sanders.")
    assert ("sale", "apple", "google", "sold") in _events("Apple sold the division to Google.")


def test_where_a_meeting_is_held_is_not_whom_it_is_with_and_backing_a_bid_backs_its_candidate():
    assert ("meet", "ted-cruz", "donald-trump", "met") in _events("Ted Cruz met with Donald Trump in July at Trump Tower.")
    assert not any(e[2] == "trump-tower" for e in _events("Ted Cruz was meeting with him in July at Trump Tower."))
    assert any(e[0] == "support" and e[2] == "hillary-clinton"
               for e in _events("Priorities USA Action supported Hillary Clinton's campaign."))
    assert "support" not in _types("Dianne Feinstein supported Hillary Clinton's position on Friday.")


def test_an_event_takes_the_date_its_own_clause_governs():
    facts = extract("In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.",
                    dt.date(2011, 10, 6))
    (acquisition,) = [e for e in facts["events"] if e["type"] == "acquisition"]
    assert acquisition["date"] == {"value": "2005", "precision": "year"}


@pytest.mark.parametrize("text", [
    "Genoa now meet local arch-rivals Sampdoria in the second round.",
    "Juventus meet United in Turin on September 11, with the return match at Old Trafford on November 20.",
    "Todd Woodbridge and Mark Philippoussis will meet in Friday's quarter-finals.",
])
def test_sides_meeting_in_a_contest_play_one_another_and_hold_no_meeting(text):
    assert "meet" not in _types(text)


def test_a_meeting_around_a_game_or_for_a_round_of_talks_is_a_meeting():
    for text in ("Biden met Netanyahu before the game.", "Putin and Xi will meet in Beijing for a second round of talks."):
        assert "meet" in _types(text), text


def test_no_arrests_are_negated_and_a_threat_needs_whom_or_what():
    arrests = [e for e in _facts("Police said there were no arrests after the bombing in Ajaccio.")["events"]
               if e["type"] == "arrest"]
    assert arrests and all(e["modality"] == "negated" for e in arrests)
    assert "threaten" not in _types("Maria Mutola was threatening in the final 200 metres.")
    assert "threaten" in _types("Umberto Bossi has threatened to declare the birth of Padania.")
    assert "threaten" in _types("Russia threatened Ukraine with sanctions.")


def test_a_demonym_on_a_possessor_of_people_is_not_the_state_acting():
    assert not any(e["subject_actor_id"] == "united-kingdom" for e in _facts(
        "The British farmers' leader called on Wednesday for an urgent meeting with ministers.")["events"])
    assert ("condemn", "russia", "ukraine") in {(e["type"], e["subject_actor_id"], e["object_actor_id"]) for e in _facts(
        "The Russian government's spokesman condemned Ukraine.")["events"]}


def test_an_explosion_at_works_is_an_accident_unless_a_weapon_is_told():
    for text in ("An explosion at Repsol's Puertollano refinery, which killed four workers, had not affected output.",
                 "An explosion at a chemical plant in Texas killed 12 people on Monday."):
        assert "attack" not in _types(text), text
    for text in ("A bomb caused an explosion at the refinery, killing four workers.",
                 "A blast killed 12 people at a market in Kabul."):
        assert "attack" in _types(text), text


def test_a_journey_goes_to_a_place_not_to_a_post_or_a_competition():
    assert "travel" not in _types("Alejandro Lanusse never returned to public office.")
    assert "travel" not in _types("Olazabal will return to the European PGA Tour using a motorised cart.")
    # a place the tagger misreads is still where one went, by its actor's type
    assert ("travel", "antony-blinken", "ukraine", "traveled") in _events("Antony Blinken traveled to Kyiv on Monday.")


def test_deaths_in_a_collision_told_by_a_when_clause_are_no_attack():
    for text in ("At least 20 people were killed when the two trucks in which they were travelling collided near Maputo.",
                 "One Romanian passenger was killed, and 14 others were injured on Thursday when a bus collided with a lorry."):
        assert "attack" not in _types(text), text
    assert "attack" in _types("Three soldiers were killed when their convoy was ambushed near Kandahar.")


def test_a_hit_object_is_judged_by_its_head_not_by_a_name_misparsed_beside_it():
    text = ("At Minnesota, Marty Cordova and Matt Lawton hit solo homers and Frankie Rodriguez allowed six hits "
            "over seven innings to earn his first win.")
    assert not _types(text) & {"attack", "condemn"}
    assert "attack" in _types("Israeli jets struck militants and a weapons depot in Gaza.")


def test_an_of_phrase_shared_with_a_critic_or_an_ally_is_not_the_doer():
    text = "A top judicial official and critic of President Ernesto Samper accused the government of indifference on Wednesday."
    assert not any(e["subject_actor_id"] == "ernesto-samper" for e in _facts(text)["events"])
    assert ("accuse", "russia", "ukraine") in {(e["type"], e["subject_actor_id"], e["object_actor_id"]) for e in _facts(
        "Officials of the Russian government accused Ukraine of shelling the plant.")["events"]}


def test_a_participle_set_off_after_its_noun_is_a_passive_whatever_the_parse():
    text = "Bob Wickman (5-1), acquired from the New York Yankees on Friday, earned the win in his Milwaukee debut."
    assert not any(e["subject_actor_id"] == "bob-wickman" for e in _facts(text)["events"])
    assert ("acquisition", "disney", "pixar") in {(e["type"], e["subject_actor_id"], e["object_actor_id"])
                                                  for e in _facts("Pixar, acquired by Disney in 2006, makes films.")["events"]}


def test_an_attack_with_a_thing_in_hand_is_violence_and_one_for_a_doing_is_blame():
    assert "attack" in _types("Pinas attacked Brunswijk with a bottle in a bar on Sunday.")
    assert "condemn" in _types("Trump attacked Clinton with a barrage of insults.")
    blamed = {(e["type"], e["subject_actor_id"], e["object_actor_id"]) for e in _facts(
        "Algeria attacked Britain on Wednesday for allowing Islamist groups to meet in London.")["events"]}
    assert blamed == {("condemn", "algeria", "united-kingdom")}
    assert "attack" not in _types("At least 16 people were killed on Sunday when a bus fell from a mountain road into a ravine.")
    assert "attack" in _types("Four militants were killed in Shah Wali Kot when a vehicle they were traveling in touched off an IED.")


def test_a_counted_demonym_is_people_not_their_state():
    assert not any(e["subject_actor_id"] == "united-states"
                   for e in _facts("Two Americans attacked a guard in Moscow on Friday.")["events"])
    assert ("attack", "united-states") in {(e["type"], e["subject_actor_id"])
                                           for e in _facts("The Americans attacked the base in Syria.")["events"]}


def test_an_of_patient_makes_the_possessive_the_doer_and_lightning_kills_no_one_in_an_attack():
    held = {(e["type"], e["subject_actor_id"]) for e in _facts("NATO's detention of the Serbs angered Belgrade.")["events"]}
    assert ("arrest", "nato") in held
    assert ("attack", None, "khashoggi") in {(e["type"], e["subject_actor_id"], e["object_actor_id"])
                                             for e in _facts("Khashoggi's killing was condemned.")["events"]}
    assert "attack" not in _types("At least 11 people were killed and 60 others injured on Thursday when lightning "
                                  "struck a group of people attending a religious festival in Macedonia, police said.")


def test_a_states_opposition_or_rebels_are_not_the_state_but_named_insurgents_are_their_group():
    accused = {(e["type"], e["object_actor_id"]) for e in _facts(
        "The ruling Socialist Party last week accused Serbia's opposition of stirring up social unrest.")["events"]}
    assert ("accuse", "serbia") not in accused
    assert ("attack", "taliban") in {(e["type"], e["subject_actor_id"]) for e in _facts(
        "Taliban insurgents attacked the base in Helmand.")["events"]}


def test_a_demonym_before_a_plural_is_no_destination():
    visits = {(e["type"], e["object_actor_id"]) for e in _facts(
        "Turkish Prime Minister Necmettin Erbakan visited mainly Moslem countries, including Iran, during a 10-day tour.")["events"]}
    assert not any(kind == "travel" and obj not in (None, "iran") for kind, obj in visits)
    assert ("travel", "china") in {(e["type"], e["object_actor_id"]) for e in _facts(
        "Angela Merkel flew to the Chinese capital on Monday.")["events"]}


def test_two_nationalities_or_countries_joined_by_a_hyphen_before_talks_are_the_two_sides():
    assert ("meet", "israel", "syria", "talks") in _events(
        "Israeli-Syrian peace talks have been deadlocked over the Golan since 1991.")
    assert ("meet", "united-states", "china", "talks") in _events("US-China trade talks resumed in Beijing on Monday.")
    # before a person the pair is one person's origin and country, not two states
    voters = {a["name"] for a in _facts("Indian-American voters backed him in Houston.")["actors"]}
    assert "India" not in voters


def test_a_visit_needs_a_host_or_a_destination_and_a_cancelled_one_did_not_happen():
    assert "meet" not in _types("The French premier's visit was planned to coincide with the celebrations.")
    assert ("meet", "vladimir-putin", "angela-merkel", "visit") in _events("Putin's visit to Angela Merkel went well.")
    moods = {e["modality"] for e in _facts("Clinton's visit to Egypt was cancelled.")["events"] if e["type"] == "travel"}
    assert moods == {"negated"}
    moods = {e["modality"] for e in _facts("Clinton's visit to Egypt was postponed.")["events"] if e["type"] == "travel"}
    assert moods == {"hypothetical"}


def test_an_order_of_counted_goods_is_no_command_and_an_attack_over_a_matter_is_words():
    assert "request" not in _types("Lufthansa ordered 20 Airbus A320 jets last week.")
    assert "request" in _types("Iran ordered the attack on the exiled leaders.")
    assert "request" in _types("Vladimir Putin ordered 10,000 troops to the border.")
    said = _types("Labour leader Tony Blair launched his strongest attack yet on the government over its handling of the crisis.")
    assert "attack" not in said and "condemn" in said
    assert "attack" in _types("Hamas launched an attack on Israel over the border.")


def test_a_faith_or_people_before_armed_men_is_not_who_attacked_but_a_state_is():
    bombed = {(e["type"], e["subject_actor_id"]) for e in _facts(
        "Bombings by Moslem militants in February killed 59 people in Israel.")["events"]}
    assert ("attack", None) in bombed and not any(s for k, s in bombed if k == "attack")
    assert ("arrest", "afghanistan") in {(e["type"], e["subject_actor_id"]) for e in _facts("Kabul police arrested two men.")["events"]}


def test_sports_help_a_persons_consent_and_a_weapons_test_are_no_events_between_actors():
    assert "support" not in _types("Tony Gwynn homered, helping the San Diego Padres to their third straight win.")
    assert "support" in _types("NATO helped Kosovo to independence.")
    assert "agree" not in _types("Linford Christie has agreed to run in Berlin.")
    assert "agree" in _types("Iran agreed to limit uranium enrichment.")
    assert "attack" not in _types("India's lone test blast in 1974 shocked Pakistan.")
    said = _types("Arafat launched his strongest attack on the right-wing government since its election in May.")
    assert "attack" not in said and "condemn" in said


def test_a_blast_with_no_doer_is_an_attack_only_by_what_is_told_near_it():
    filler = " ".join(f"The telescope recorded signal number {n} from the distant galaxy." for n in range(1, 9))
    far = ("The dish went dead for an hour in March. " + filler
           + " Scientists want to learn whether the blasts vary in energy or recur with any set pattern.")
    assert "attack" not in _types(far)
    near = ("A car bomb was found near the market in Kabul on Monday. "
            "Police said the blast killed four people and wounded 12 others.")
    assert "attack" in _types(near)


def test_a_bare_plural_a_named_doer_carried_out_or_on_a_named_owners_thing_is_one_event_not_a_kind():
    [sanction] = [e for e in _facts("The United States imposed sanctions on Russia's largest banks on Thursday.")["events"]
                  if e["type"] == "sanction"]
    assert not sanction["generic_cue"] and sanction["object_actor_id"] == "russia"
    kinds = [e for e in _facts("Mass shootings are becoming an everyday occurrence.")["events"]]
    assert kinds and all(e["generic_cue"] for e in kinds)


def test_a_judged_row_of_an_event_done_together_matches_its_sides_either_way_round_once(tmp_path):
    import json

    from factwire.training import events as training

    signed = next(r for r in _judged() if r["dataset"] == "seeds" and r["type"] == "sign"
                  and r["sentence"].startswith("Russia and Iran signed"))
    swapped = dict(signed, subject_actor_id=signed["object_actor_id"], object_actor_id=signed["subject_actor_id"], row={})
    path = tmp_path / "judged.jsonl"
    path.write_text(json.dumps(swapped) + "\n", encoding="utf-8")
    assert training.refresh_judged(tmp_path / "no-eval-data-needed-for-seeds", path=path) == 0
    (kept,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert (kept["subject_actor_id"], kept["object_actor_id"]) == ("russia", "iran")  # the extractor's order
    assert kept["row"]["type"] == "sign" and kept["right"] == signed["right"]
    # the same row judged twice (the mirror rows one signing made before) is kept once
    path.write_text("".join(json.dumps(r) + "\n" for r in (swapped, dict(signed, row={}))), encoding="utf-8")
    assert training.refresh_judged(tmp_path / "no-eval-data-needed-for-seeds", path=path) == 1


def test_shots_fired_at_a_target_are_an_attack_but_a_dismissal_or_tear_gas_is_not():
    assert ("attack", "hezbollah", "israel", "fired") in _events("Hezbollah fired rockets at northern Israel.")
    assert "attack" not in _types("The company fired its chief executive.")
    assert "attack" not in _types("Jeb Bush fired at Donald Trump, Ted Cruz and Marco Rubio.")  # words
    assert "attack" not in _types("Marco Rubio fired back at Chris Christie over the state's credit rating.")
    assert "attack" not in _types("Police fired tear gas at protesters in Nairobi.")
    assert "attack" not in _types("North Korea fired a ballistic missile into the Sea of Japan on Thursday.")
    [opened] = [e for e in _facts("Taliban fighters opened fire on the police station in Kunduz.")["events"]
                if e["type"] == "attack"]
    assert opened["subject_actor_id"] == "taliban" and opened["object_text"] == "the police station"


def test_taking_control_of_a_place_is_a_capture_and_arms_sent_to_a_state_are_supplied():
    assert ("capture", "taliban") in {(e["type"], e["subject_actor_id"])
                                      for e in _facts("The Taliban seized control of Kabul on Sunday.")["events"]}
    assert ("supply", "iran", "russia", "sent") in _events("Iran sent drones to Russia.")
    assert ("supply", "germany", "ukraine", "send") in _events("Germany pledged to send 14 Leopard tanks to Ukraine.")
    assert ("deploy", "russia", "syria", "sent") in _events("Russia sent 2,000 soldiers to Syria.")


def test_a_call_between_two_actors_is_talks_but_speaking_with_reporters_is_not():
    assert ("meet", "joe-biden", "xi-jinping", "spoke") in _events(
        "President Joe Biden spoke with Chinese President Xi Jinping by phone on Tuesday.")
    assert "meet" not in _types("Joe Biden spoke with reporters at the White House.")


def test_an_aircraft_shot_down_is_attacked_but_a_proposal_shot_down_is_not():
    assert "attack" in _types("Turkey shot down a Russian warplane near the Syrian border.")
    assert "attack" not in _types("The Senate shot down the proposal.")


def test_nationals_and_crews_freed_are_people_released():
    assert "release" in _types("Iran freed two French nationals held since 2022.")
    assert "release" in _types("Russia released the crew of the tanker.")
    assert "release" not in _types("Apple released the new iPhone in September.")


def test_naming_a_person_to_a_post_is_an_appointment_but_a_man_named_smith_is_not():
    assert ("appoint", "barack-obama", "janet-yellen", "named") in _events(
        "Barack Obama named Janet Yellen to head the Federal Reserve.")
    assert "appoint" not in _types("A man named John Smith was arrested.")
    assert "appoint" not in _types("John Smith was named in the lawsuit.")


def test_former_officeholders_of_a_country_do_not_act_for_it():
    doers = {e["subject_actor_id"] for e in _facts(
        "Former Mexican presidents Vicente Fox and Felipe Calderón promptly fired back at Donald Trump.")["events"]}
    assert "mexico" not in doers and "vicente-fox" in doers


def test_a_call_on_a_peoples_plural_is_not_on_its_state():
    objects = {(e["type"], e["object_actor_id"]) for e in _facts(
        "Maria Landaeta also called on Venezuelans to think critically.")["events"]}
    assert ("request", "venezuela") not in objects
    assert ("request", "vladimir-putin", "ukraine", "called") in _events("Vladimir Putin called on Ukraine to negotiate.")


def test_a_faith_names_no_doer_before_an_event_or_its_people():
    assert not any(e[1] == "islam" or e[1] and "islamic" in e[1]
                   for e in _events("We need only look to the Islamic invasion of Europe."))
    made = _events("In an interview, Mr. Hoenlein described the Jewish leaders' meeting with Mr. Obama.")
    assert not any(e[1] and "jew" in e[1] for e in made)
    assert ("attack", "russia", "ukraine", "invasion") in _events("The Russian government's invasion of Ukraine began in February.")


def test_an_infinitive_on_a_held_noun_is_done_by_its_holder():
    assert {(e[0], e[1]) for e in _events("Khizr Khan decried Trump's repeated calls to ban all Muslims from entering the U.S.")} \
        == {("sanction", "donald-trump")}
    assert not _events("The senator welcomed the decision to sanction Russia.")
    assert ("travel", "barack-obama", "israel", "visit") in _events("Obama made a promise to visit Israel.")


def test_a_name_right_before_a_gerund_is_its_subject():
    made = _events("Mr. Trump has tried to stir unease among some Americans about Mr. Clinton returning to Arkansas.")
    assert {(e[0], e[1]) for e in made} == {("travel", "clinton")}


def test_buying_an_idea_or_acquiring_a_skill_is_no_trade():
    assert not _events("Republicans never bought the idea that a trillion-dollar health care law could save money.")
    assert not _events("Clinton wants to acquire skills critical to her campaign.")
    assert not [d for d in _facts("Clinton wants to acquire skills critical to her campaign.")["deals"]]
    assert ("purchase", "pfizer", "allergan", "bought") in _events("Pfizer bought Allergan last year.")


def test_a_site_visited_is_a_journey_and_a_body_visited_a_meeting():
    assert {e[0] for e in _events("Clinton visited the National Law Enforcement Officers Memorial in Washington.")} == {"travel"}
    assert {e[0] for e in _events("Netanyahu visited the United Nations in September.")} == {"meet"}


def test_a_case_sold_to_voters_and_an_event_a_modal_leaves_open_are_not_told_as_done():
    assert not _events("The vision of sweeping gun control that Democrats are selling to voters is an illusion.")
    made = _facts("They discussed a situation wherein the assassination of Trump might have to be carried out.")["events"]
    assert all(e["modality"] != "asserted" for e in made)
    assert {e["modality"] for e in _facts("The assassination of Trump was carried out by a sniper.")["events"]} == {"asserted"}


def test_a_creed_names_no_doer_and_a_clients_counsel_is_not_the_client():
    assert not any(e[1] for e in _events("The timeline of events in the Islamist massacre Tuesday in San Bernardino was released."))
    assert not any(e[1] == "lazar" for e in _events("Lazar's public defense counsel asked for a sentence of three years."))


def test_hitting_back_is_words_unless_with_blows_and_a_persons_attacks_on_a_record_are_words():
    assert {e[0] for e in _events("WikiLeaks was unhappy and hit Snowden back by accusing him of pandering.")} == {"condemn"}
    assert ("attack", "israel", "hamas", "hit") in _events("Israel hit back at Hamas with airstrikes on Gaza.")
    assert {e[0] for e in _events("Later in the day, Hillary Clinton escalated her attacks on Sanders' record on guns.")} \
        == {"condemn"}
    assert ("attack", "russia", "ukraine", "attacks") in _events("Russia intensified its attacks on Ukraine's power grid.")


def test_residents_of_a_place_do_not_act_for_it_but_its_police_do():
    assert not any(e[1] == "chicago" for e in _events("Chicago residents have accused Emanuel of covering up facts."))
    assert any(e[1] == "afghanistan" for e in _events("Kabul police arrested three men on Monday."))


def test_a_clause_on_an_ad_someone_ran_is_the_ads_words():
    made = _events("Priorities USA ran an ad last August hitting Ted Strickland for job losses.")
    assert {e[0] for e in made} == {"condemn"}


def test_an_infinitive_of_purpose_and_a_recipients_gerund_keep_the_doer():
    assert ("request", "ramos", None, "call") in _events(
        "Ramos used his acceptance speech to call for the resignation of the president.")
    assert ("condemn", "donald-trump", "duke", "condemn") in {e[:4] for e in _events(
        "But Trump later blamed his hesitancy to condemn Duke on a bad earpiece.")}
    assert not any(e[1] == "loretta-e-lynch" for e in _events(
        "Phoenix Mayor Greg Stanton wrote a letter to Attorney General Loretta E. Lynch asking the Justice Department to investigate."))


def test_a_persons_armed_men_attack_with_blows_not_words():
    assert ("attack", "bashar-al-assad", None, "attacked") in _events("Assad's army attacked the rebels in Homs on Monday.")
    assert {e[0] for e in _events("Trump's campaign attacked Clinton on Monday.")} == {"condemn"}
