"""Events in political news: words told apart from deeds, what was asked or proposed told apart
from what was done, and the doer read from the right clause (datelines, phone calls, "when
asked", supporters of someone)."""

from __future__ import annotations

import functools

from factwire.extract import extract


@functools.lru_cache(maxsize=None)
def _facts(text: str) -> dict:
    return extract(text)


def _rows(text: str, kind: str | None = None) -> list[dict]:
    return [e for e in _facts(text)["events"] if kind is None or e["type"] == kind]


def test_a_ban_or_an_act_proposed_is_not_marked_as_done():
    # an infinitive on a noun says what may be, not what was
    rows = _rows("On Wednesday, Clinton bashed Trump's proposal to ban Muslims from coming into the country.", "sanction")
    assert rows and all(r["modality"] == "hypothetical" for r in rows)
    # an infinitive under a verb of asking is asked, not done
    rows = _rows("Most recently, Donald Trump called to ban Muslims from entering the U.S.", "sanction")
    assert rows and all(r["modality"] == "hypothetical" for r in rows)
    # scheduled, expected, due: not yet held
    rows = _rows("Donald Trump is scheduled to meet with Paul Ryan on Thursday in Washington.", "meet")
    assert rows and all(r["modality"] == "hypothetical" for r in rows)
    # an attempt is an act: what it tried stays told
    assert _rows("Police foiled an attempt to kill the president on Monday.", "attack")


def test_a_gerund_takes_its_heads_negation_and_an_idea_talked_about_has_no_doer():
    rows = _rows("Donald Trump did not at any time mention requesting a donation from Fox News.", "request")
    assert all(r["modality"] == "negated" for r in rows)
    # the Republicans who favour a deployment in a poll do not deploy anyone
    assert not _rows("A majority of Republicans support deploying ground forces in Syria.", "deploy")
    # a verb with its own subject is still an act: "Russia deployed troops"
    assert _rows("Russia deployed ground forces in Syria in 2015.", "deploy")


def test_a_ban_on_a_practice_or_a_thing_is_no_sanction():
    assert not _rows("Ted Cruz wants to ban all abortions in this country.", "sanction")
    assert _rows("The United States banned Russian banks from the payment system.", "sanction")


def test_settling_scores_is_an_idiom_and_a_lawsuit_is_settled():
    assert not _rows("Its motives are saving face, settling scores and avoiding blame.", "settle")
    assert _rows("Apple settled the lawsuit with Samsung in 2018.", "settle")


def test_attacking_a_thing_in_words_criticises_no_one():
    text = "Marc Elias, a Democratic election law expert, sought to attack changes states made in voting laws."
    assert not _rows(text, "condemn") and not _rows(text, "attack")
    rows = _rows("Early in his campaign, Donald Trump attacked Mitt Romney, calling him a failed candidate.")
    assert [(r["type"], r["subject_actor_id"], r["object_actor_id"]) for r in rows] == [
        ("condemn", "donald-trump", "mitt-romney")]


def test_a_dateline_is_never_the_doer():
    text = ("TALLAHASSEE — Democratic U.S. Rep. Gwen Graham on Friday pummeled Donald Trump as divisive while "
            "praising Hillary Clinton as a work horse.")
    rows = _rows(text, "praise")
    assert rows and {r["subject_actor_id"] for r in rows} == {"gwen-graham"}


def test_when_asked_the_subject_of_the_clause_above_neither_asked_nor_did_it():
    text = ("Establishment Republicans have been in open conflict with Donald Trump over his equivocation "
            "when asked to condemn the Ku Klux Klan.")
    assert not _rows(text, "request") and not _rows(text, "condemn")
    # a passive with its subject: the one asked does what was asked, as something asked
    rows = _rows("Donald Trump was asked by reporters to condemn the Ku Klux Klan on Sunday.", "condemn")
    assert all(r["subject_actor_id"] in ("donald-trump", None) and r["modality"] == "hypothetical" for r in rows)


def test_calling_someone_to_do_something_is_the_callers_act():
    rows = _rows("Hillary Clinton called Bernie Sanders to congratulate him on his win in Michigan.", "congratulate")
    assert all(r["subject_actor_id"] != "bernie-sanders" for r in rows)
    rows = _rows("Donald Trump called on Susana Martinez to condemn the protesters.", "condemn")
    assert all(r["subject_actor_id"] != "donald-trump" for r in rows)


def test_supporters_of_someone_are_not_that_someone():
    rows = _rows("Supporters of Bernie Sanders backed Hillary Clinton in November.", "support")
    assert all(r["subject_actor_id"] != "bernie-sanders" for r in rows)


def test_statistics_released_are_no_person_freed():
    text = "The FBI, which gathers official crime statistics for the U.S., has not yet released them for this year."
    assert not _rows(text, "release")
    assert _rows("The rebels seized three journalists on Monday and the army said they released them on Friday.", "release")


def test_an_attack_not_told_by_no_one_named_is_no_row_and_a_told_one_keeps_its_modality():
    assert not _rows("Intelligence that could disrupt terror networks and prevent attacks around the world.", "attack")
    rows = _rows("Just after Omar Mateen carried out his murderous attack on club goers at the Pulse nightclub "
                 "in Orlando, Donald Trump was calling for change.", "attack")
    assert rows and all(r["modality"] == "asserted" for r in rows)
    rows = _rows("Trump's suggestion that Bush did not heed warnings before the Sept. 11, 2001, terrorist attacks "
                 "convinced many Republicans.", "attack")
    assert rows and all(r["modality"] == "asserted" for r in rows)


def test_now_and_then_is_no_one_event():
    assert not _rows("At times David Axelrod would meet directly with Roger Ailes to address a flare-up.", "meet")


def test_a_class_of_events_reads_as_generic_wording():
    rows = _rows("Twitter works as a way to sell murder, James Comey said.", "attack")
    assert all(r["generic_cue"] for r in rows)


def test_a_named_event_noun_is_not_generic_wording():
    rows = _rows("The Indonesian Hospital in Beit Lahia has been damaged severely by Israeli airstrikes.", "attack")
    assert rows and not any(r["generic_cue"] for r in rows)


def test_a_marketplace_a_purchase_is_made_on_is_not_the_seller():
    rows = _rows("Angela Bolger had bought a laptop battery on Amazon from a seller in Hong Kong.", "purchase")
    assert rows and all(r["object_actor_id"] != "amazon" for r in rows)
    rows = _rows("Turkey bought S-400 missiles from Russia in 2017.", "purchase")
    assert any(r["object_actor_id"] == "russia" for r in rows)


def test_allies_supporters_and_voters_of_someone_are_not_that_someone():
    assert all(r["subject_actor_id"] != "marco-rubio"
               for r in _rows("Marco Rubio's supporters have urged Jeb Bush to drop out of the race.", "request"))
    assert all(r["subject_actor_id"] != "bernie-sanders"
               for r in _rows("A poll found 78 percent of Bernie Sanders voters backing Hillary Clinton.", "support"))


def test_people_killed_are_people_not_their_state():
    rows = _rows("In 1915 Ottoman Turks killed approximately 1.5 million Armenians.", "attack")
    assert rows and all(r["object_actor_id"] is None and "Armenians" in (r["object_text"] or "") for r in rows)
    rows = _rows("Russian missiles struck Ukraine on Monday.", "attack")
    assert any(r["object_actor_id"] == "ukraine" for r in rows)


def test_one_member_of_a_party_is_not_the_party():
    rows = _rows("James Comey, a Republican, was appointed deputy attorney general by President George W. Bush.", "appoint")
    assert all(r["object_actor_id"] != "republican-party" for r in rows)


def test_winning_a_vote_is_no_capture():
    assert not _rows("Ted Cruz has captured Iowa.", "capture")
    assert not _rows("Bernie Sanders captured the Democratic primary in Vermont.", "capture")
    assert _rows("Russia captured Crimea in 2014.", "capture")


def test_a_battle_in_court_or_for_a_nomination_and_a_verbal_assault_are_no_attacks():
    assert not _rows("Obamacare has survived a pair of Supreme Court battles.", "attack")
    assert not _rows("Most ads in the states that lead off the GOP nomination battle come from super PACs.", "attack")
    rows = _rows("Donald Trump continued his verbal assault on Hillary Clinton.")
    assert [(r["type"], r["object_actor_id"]) for r in rows] == [("condemn", "hillary-clinton")]


def test_no_plans_a_belief_and_a_cause_to_act_are_not_acts_told():
    rows = _rows("The Vatican says Pope Francis has no plans to meet with Bernie Sanders on Friday.", "meet")
    assert rows and all(r["modality"] == "negated" for r in rows)
    rows = _rows("There was probable cause to make an arrest, the prosecutor said.", "arrest")
    assert all(r["modality"] == "hypothetical" for r in rows)
    rows = _rows("Donald Trump thinks that China attacked American companies last year.", "attack")
    assert rows and all(r["modality"] == "reported" for r in rows)


def test_a_quote_urged_asks_no_one_and_to_head_a_bank_is_no_journey():
    assert not _rows("“Compare him to Hillary,” Sebastian Gorka urged.", "request")
    assert _rows("Barack Obama urged Congress to act on Zika.", "request")
    assert not _rows("It is a tradition of having Americans head the World Bank in Washington.", "travel")
    assert _rows("Donald Trump headed to Florida on Friday.", "travel")


def test_words_hit_with_and_attacks_by_a_person_on_no_one_are_no_attacks():
    rows = _rows("Future45 has been hitting Hillary Clinton with ads in Iowa.")
    assert [(r["type"], r["object_actor_id"]) for r in rows] == [("condemn", "hillary-clinton")]
    assert not _rows("Donald Trump Just Responded To Marco Rubio's Biggest Attack", "attack")
    assert not _rows("How hard will Hillary Clinton attack?", "attack")
    assert _rows("Gunmen attacked the base on Monday, killing 12 soldiers.", "attack")


def test_an_idiom_or_an_exclamation_is_read_as_one():
    rows = _rows("Donald Trump is promising to bomb the hell out of Islamic State terrorists.", "attack")
    assert rows and all("hell" not in (r["object_text"] or "") for r in rows)
    assert not _rows("Sarah Silverman responded, “Thank God they can fix this.”", "praise")
    assert not _rows("Glenn Beck intended the audience to recognize Donald Trump in that passage.", "recognise")
    assert _rows("Sweden recognised Palestine in 2014.", "recognise")


def test_a_thing_that_helps_is_no_backer_and_people_asked_are_not_their_state():
    assert not _rows("Democrats hope Donald Trump's behavior will help them regain the Senate.", "support")
    rows = _rows("Barack Obama urged Americans to vote in November.", "request")
    assert rows and all(r["object_actor_id"] is None for r in rows)
    assert not _rows("Pundits ask whether Democrats capture the Senate in November.", "capture")


def test_a_plot_to_kill_is_not_a_killing():
    rows = _rows("Donald Trump said Ahmed Khan had plotted to kill Americans in Ohio.", "attack")
    assert all(r["modality"] == "hypothetical" for r in rows)


def test_pressure_asks_and_a_place_backs_no_one():
    rows = _rows("Alan Grayson pressured Susannah Randolph to run for another seat.")
    assert {r["type"] for r in rows} == {"request"}
    assert not _rows("In the end Indiana supported George H. W. Bush in the primary.", "support")
    assert _rows("Elizabeth Warren supported Hillary Clinton in the primary.", "support")


def test_the_medium_words_are_said_on_is_not_whom_they_are_about():
    rows = _rows("Donald Trump blamed Hillary Clinton on Twitter for the attack.", "accuse")
    assert [r["object_actor_id"] for r in rows] == ["hillary-clinton"]
    rows = _rows("Donald Trump blamed the crisis on Barack Obama.", "accuse")
    assert [r["object_actor_id"] for r in rows] == ["barack-obama"]
    rows = _rows("Donald Trump blamed the crisis on Twitter.", "accuse")
    assert all(r["object_actor_id"] != "twitter" for r in rows)


def test_victims_named_make_a_preposition_where_and_a_place_is_not_whom():
    rows = _rows("Organizers paid tribute to the 49 people killed at Pulse, a gay Orlando nightclub.", "attack")
    assert rows and all(r["object_actor_id"] is None and "people" in (r["object_text"] or "") for r in rows)


def test_a_desire_to_do_several_things_and_a_person_launching_words():
    rows = _rows("Santilli expressed a desire to try, convict and shoot Hillary Clinton.", "attack")
    assert rows and all(r["modality"] == "hypothetical" for r in rows)
    rows = _rows("Donald Trump launched a pre-emptive attack against Barack Obama, calling him ignorant.")
    assert [(r["type"], r["object_actor_id"]) for r in rows] == [("condemn", "barack-obama")]
    assert {r["type"] for r in _rows("Russia launched an attack against Ukraine.")} == {"attack"}


def test_the_one_seen_doing_it_does_it_and_people_of_a_kind_are_not_their_state():
    text = "Chatwal pleaded guilty; the FBI recorded him instructing a government witness to lie under oath."
    assert all(r["subject_actor_id"] != "fbi" for r in _rows(text, "request"))
    rows = _rows("Donald Trump supported letting every American invest the way federal employees do.", "investment")
    assert all(r["subject_actor_id"] != "united-states" for r in rows)


def test_idioms_of_profit_progress_and_contest_are_no_events():
    assert not _rows("A rich investment banker makes a killing on mortgage-backed securities.", "attack")
    assert not _rows("Hillary Clinton moved closer to the Democratic presidential nomination.", "travel")
    assert not _rows("The White House would like to make the election a battle about competence.", "attack")
    assert not _rows("Your uncle gets killed and beheaded by a terrorist organization.", "attack")


def test_a_doer_from_another_clause_who_is_also_whom_is_the_wrong_one():
    text = "Michael Bloomberg pegged him at $2.9 billion, which Mr. Trump called a disgrace, blaming Michael Bloomberg."
    assert all(r["subject_actor_id"] != "michael-bloomberg" for r in _rows(text, "accuse"))


def test_the_person_appointed_may_be_named_beside_the_post():
    rows = _rows("President Barack Obama appointed his chief of staff, Rahm Emanuel, to the post.", "appoint")
    assert [r["object_actor_id"] for r in rows] == ["rahm-emanuel"]
