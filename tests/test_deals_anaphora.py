"""Sides written as pronouns or definite descriptions ("it", "the company", "the bank"), and
money received or moved between named actors ("received a loan from the IMF", "funds from").

A definite "the <noun>" that says no more about which one refers back to an entity the story
has named: the nearest name ending with the noun, else the subject (or the last name) of the
nearest sentence naming an actor of the noun's kind; a pronoun agrees with its antecedent's
gender. The phrase each side was read from is kept on the deal."""

from __future__ import annotations

from test_deals import _deals, _one  # one cached extraction per text for both files

from factwire.extract import extract


def test_the_company_is_the_organisation_the_sentence_before_made_its_subject():
    text = "Google announced results on Tuesday. The company acquired YouTube for $1.65 billion in stock."
    deal = _one(text)
    assert deal["buyer"] == "google" and "youtube" in deal["parties"]
    # the phrase the side was read from, with its span, for a reader or a scorer to check
    [anaphor] = deal["anaphors"]
    assert anaphor["actor_id"] == "google" and text[anaphor["start"]:anaphor["end"]] == "The company"
    assert "side from a pronoun" in deal["signals"]


def test_the_bank_is_the_name_ending_with_bank():
    deal = _one("Deutsche Bank met Siemens on Monday. The bank agreed to lend $2 billion to Siemens.")
    assert deal["seller"] == "deutsche-bank" and deal["buyer"] == "siemens"


def test_a_description_that_says_which_one_is_not_read_back():
    # a name says which group; a relative clause says which company
    assert all("napa-county" not in " ".join(d["parties"]) for d in _deals(
        "Napa County officials met on Monday. This would be a $95 million investment by the Margaritaville group."))
    deals = _deals("Google reported results. The company that makes Tide bought Gillette for $57 billion.")
    assert all(d["buyer"] != "google" for d in deals)


def test_the_store_after_a_store_no_actor_was_made_of_is_no_one():
    deal = _one("Apple Computer plans to sell films via the online iTunes Music Store. "
                "The store currently sells digital music tracks.")
    assert all(m.get("anaphors") is None for m in deal["mentions"])


def test_its_after_a_definite_subject_is_that_subject_not_an_earlier_name():
    assert _deals("Bill Gates visited the center. The center has declined to reveal the sources of its funding.") == ()


def test_he_is_not_a_woman_named_before():
    # "he" cannot be Sarah Lane; the subject before it is she, so no side is guessed
    assert _deals("Sarah Lane met Mr. Reyes on Monday. He bought a stake in Uber.") == ()
    deal = _one("Mr. Reyes met analysts on Monday. He bought a stake in Uber.")
    assert deal["buyer"] == "reyes" or deal["buyer"].endswith("reyes")


def test_who_receives_a_loan_or_aid_is_the_recipient_and_from_names_the_giver():
    deal = _one("Pakistan received a $6 billion loan from the IMF.")
    assert deal["buyer"] == "pakistan" and deal["seller"] == "international-monetary-fund"
    deal = _one("Ukraine received $1 billion in military aid from the United States.")
    assert (deal["kind"], deal["buyer"], deal["seller"]) == ("aid", "ukraine", "united-states")
    assert deal["value"]["value"] == 1e9


def test_aid_an_amount_is_sent_in_goes_to_the_recipient_with_its_value():
    deal = _one("The United States sent $400 million in aid to Ukraine.")
    assert (deal["seller"], deal["buyer"], deal["value"]["value"]) == ("united-states", "ukraine", 4e8)


def test_funds_moved_between_named_actors_are_a_deal_and_hedge_funds_are_not():
    deal = _one("Sea Change Foundation was receiving a large infusion of funds from Klein Ltd.")
    assert (deal["kind"], deal["buyer"], deal["seller"]) == ("aid", "sea-change-foundation", "klein-ltd")
    assert all(d["kind"] != "aid" for d in _deals("Hedge funds from Greenwich bought shares."))


def test_aid_received_with_no_is_denied_and_never_shown():
    deal = _one("Mrs. Clinton received no financial assistance from James Blair.")
    assert deal["status"] == "denied" and deal["confidence"] < 0.5


def test_from_names_the_lender_of_someones_loans():
    deal = _one("Trump's loans from Deutsche Bank totalled $300 million.")
    assert (deal["buyer"], deal["seller"]) == ("donald-trump", "deutsche-bank")


def test_contributing_is_a_gift_only_of_money_to_someone():
    deal = _one("Koch Industries contributed $1 million to the Republican Governors Association.")
    assert (deal["kind"], deal["seller"], deal["buyer"]) == ("aid", "koch-industries", "republican-governors-association")
    assert _deals("Smith contributed an essay to The New York Times.") == ()
    assert _deals("Rising costs contributed to the decline of Sears.") == ()


def test_a_noun_called_by_a_name_is_that_actor_and_a_clause_inside_the_goods_names_no_buyer():
    deal = _one("A group of hackers known as the Shadow Brokers is selling cyber-spying tools, "
                "which it claims belong to the U.S. government, in an online auction.")
    assert deal["seller"] == "shadow-brokers" and deal["buyer"] is None


def test_they_is_a_coordinated_subject_of_named_actors_and_nothing_else():
    deal = _one("Apple and Nokia met in May. They signed a licence deal worth $500 million.")
    assert sorted(deal["parties"]) == ["apple", "nokia"]
    assert sorted(a["actor_id"] for a in deal["anaphors"]) == ["apple", "nokia"]
    assert {a["text"] for a in deal["anaphors"]} == {"They"}
    # "they" after unnamed people is no one named
    assert all("refugees" not in d["parties"] and d["buyer"] is None
               for d in _deals("Refugees crossed the border. They bought food from Oxfam."))


def _dated(text: str) -> list[tuple[str, str | None]]:
    from datetime import date

    return [(d["kind"], d["date"] and d["date"]["value"]) for d in extract(text, date(2007, 2, 6))["deals"]]


def test_a_date_another_verb_governs_is_that_verbs_time_not_the_deals():
    assert _dated("In 1986 Steve Jobs bought Pixar, which was acquired by The Walt Disney Company in 2005.") == [
        ("purchase", "1986"), ("acquisition", "2005")]
    assert ("purchase", None) in _dated("Microsoft bought LinkedIn in June 2016, a year after it bought Yammer.")
    # the verb a deal noun hangs from, an infinitive of purpose, a 'when' clause and an announcement share their date
    assert _dated("In 2025 Moscow and Tehran signed a strategic cooperation agreement.") == [("agreement", "2025")]
    assert _dated("The partnership was reinforced in 2025 when Moscow and Tehran signed a strategic "
                  "cooperation agreement.") == [("agreement", "2025")]
    assert ("purchase", "2006-03") in _dated("Iran signed a deal in March to buy drones from Russia.")
    assert _dated("Apple Inc. announced on Monday it has settled its trademark dispute with Apple Corps.") == [
        ("agreement", "2007-02-05")]
    assert _dated("Apple Corps claims that Apple Computer violates an agreement reached between Apple Corps "
                  "and Apple Computer in 1991.") == [
        ("agreement", "1991")]


def test_handing_over_money_to_a_named_recipient_is_a_gift_and_a_fee_or_access_is_not():
    deal = _one("Saudi Arabia gave $100 million to the Clinton Foundation.")
    assert (deal["kind"], deal["seller"], deal["buyer"], deal["value"]["value"]) == (
        "aid", "saudi-arabia", "clinton-foundation", 1e8)
    deal = _one("Japan provided $500 million to Ukraine.")
    assert (deal["seller"], deal["buyer"]) == ("japan", "ukraine")
    assert _deals("Goldman Sachs gave Hillary Clinton $675,000 for three speeches.") == ()  # a fee
    assert _deals("The United States lifted sanctions, giving Iran access to $100 billion in frozen funds.") == ()
    assert _deals("Obama gave a speech to Goldman Sachs.") == ()
    # a deal noun as what is given makes one row, not two
    assert len(_deals("The Gates Foundation gave a $10 million grant to Gavi.")) == 1


def test_a_nationality_before_a_deal_noun_is_the_country_trading_not_before_the_goods_of_a_purchase():
    deal = _one("Indian purchases of Russian oil were paid in rupees.")
    assert (deal["buyer"], deal["seller"]) == ("india", "russia")
    deal = _one("Russian arms sales to India were paid in rupees.")
    assert (deal["seller"], deal["buyer"]) == ("russia", "india")
    assert all(d["buyer"] != "russia" for d in _deals("Russian oil purchases by India were paid in rupees."))


def test_a_description_is_never_its_own_phrases_possessor():
    deals = _deals("Obama ended a trip to Vietnam, whose high point was an announcement that "
                   "Washington's ban on sales of lethal weapons to the country would be lifted.")
    assert all(d["buyer"] != "united-states" for d in deals)


def test_a_side_read_from_a_description_is_flagged_and_a_barred_trade_is_no_deal():
    deal = _one("YouTube was founded in 2005 by three former PayPal employees. "
                "Google bought the company in 2006 for $1.65 billion.")
    assert deal["buyer"] == "google" and "youtube" in deal["parties"]
    assert "side from a pronoun" in deal["signals"]
    assert _deals("Congress imposed an embargo on arms sales to Iran.") == ()
    assert _deals("Washington's ban on sales of lethal weapons to Vietnam would be lifted.") == ()


def test_a_loan_only_hoped_for_is_planned_and_never_shown():
    deal = _one("Pakistan hopes to receive a loan from the IMF.")
    assert deal["status"] == "proposed" and deal["confidence"] < 0.5


def test_its_after_another_name_in_its_own_sentence_reaches_back_to_no_earlier_subject():
    deal = _one("Besides Centerview, other boutiques did well. "
                "It will receive $44.4 million for advising Salix on its sale to Valeant.")
    assert "besides-centerview" not in deal["parties"] and deal["seller"] is None


def test_the_source_of_a_report_on_someone_else_is_not_the_firm_described_next():
    deal = _one('Manafort acknowledged that the work could be termed "influence peddling," The Washington '
                'Post reported in 1991. The firm was sold to public relations giant Burson-Marsteller in 1991.')
    assert deal["parties"] == ["burson-marsteller"]
    # a company telling of itself stays what "the company" is
    deal = _one("Google said it would expand. The company acquired YouTube for $1.65 billion in stock.")
    assert deal["buyer"] == "google"


def test_a_description_after_a_subject_no_actor_was_made_of_is_no_one():
    [deal] = [d for d in _deals("BMS&K, founded in 1980, was investigated for its role in obtaining grants from the "
                                "Department of Housing and Urban Development. The firm was sold to Burson-Marsteller "
                                "in 1991.") if d["kind"] == "sale"]
    assert deal["parties"] == ["burson-marsteller"]


def test_sales_or_purchases_said_to_rise_or_fall_are_a_total_not_a_deal():
    assert _deals("Indian purchases of Russian oil rose.") == ()
    assert _deals("He added Chiron Corp reported its sales of inventory to Berlex was down.") == ()


def test_a_quote_said_by_the_company_is_the_company_named_before():
    facts = extract("Barclays cut 500 jobs on Monday. \"This was a difficult decision,\" the bank said.")
    [quote] = facts["quotes"]
    assert quote["speaker_text"] == "the bank" and quote["speaker_actor_id"] == "barclays"
    [alone] = extract("\"We are pleased with the result,\" the company said.")["quotes"]
    assert alone["speaker_actor_id"] is None  # no company named: no speaker made up


def test_a_quote_said_by_an_office_is_its_holder_named_before_unless_two_hold_it():
    [quote] = extract("Governor John Rankin called for calm on Thursday. "
                      "\"I realise this will be shocking news,\" the governor said.")["quotes"]
    assert quote["speaker_actor_id"] == "john-rankin"
    [quote] = extract("Governor Ron DeSantis met Governor Gavin Newsom. \"It went well,\" the governor said.")["quotes"]
    assert quote["speaker_actor_id"] is None
    [quote] = extract("Celine Dion joined soul star Peabo Bryson on stage. \"I was nervous,\" the star said.")["quotes"]
    assert quote["speaker_actor_id"] is None  # a description, not an office: any person of the story
