"""Deal and event rules on single sentences: triggers, arguments (Arg0/Arg1), parties, modality, merging."""

from __future__ import annotations

import functools

import pytest

from factwire.extract import extract
from factwire.extract.deals import find_transactions
from factwire.extract.syntax import MentionIndex


@functools.lru_cache(maxsize=None)
def _facts(text: str) -> dict:
    return extract(text)


def _text(text: str, span: dict | None) -> str | None:
    return text[span["start"]:span["end"]] if span else None


def _deals(text: str) -> list[tuple]:
    """(kind, trigger, arg0, arg1, buyer, seller, status) of each deal."""
    return [(d["kind"], _text(text, d["trigger"]), _text(text, d["arg0"]), _text(text, d["arg1"]),
             d["buyer"], d["seller"], d["status"]) for d in _facts(text)["deals"]]


def _events(text: str) -> list[tuple]:
    """(type, subject, object, trigger, arg0, arg1, modality) of each event."""
    return [(e["type"], e["subject_actor_id"], e["object_actor_id"], _text(text, e.get("trigger")),
             _text(text, e.get("arg0")), _text(text, e.get("arg1")), e["modality"])
            for e in _facts(text)["events"]]


def _transactions(text: str) -> list[tuple]:
    from factwire.nlp import parse

    doc = next(parse([text]))
    index = MentionIndex(doc, _facts(text)["mentions"])
    return [(_text(text, t["trigger"]), _text(text, t["arg0"]), _text(text, t["arg1"]), t["modality"])
            for t in find_transactions(doc, index)]


def test_active_verb_with_conjoined_verb_sharing_the_subject():
    text = "Disney bought Pixar in 2006, and later acquired Marvel."
    assert _deals(text) == [
        ("purchase", "bought", "Disney", "Pixar", "disney", None, "completed"),
        ("acquisition", "acquired", "Disney", "Marvel", "disney", None, "completed"),
    ]


def test_passive_verb_takes_the_agent_from_by():
    text = "NeXT was acquired by Apple in 1996 for $400 million."
    [deal] = _facts(text)["deals"]
    assert (deal["buyer"], deal["seller"], deal["parties"]) == ("apple", None, ["apple", "next"])  # NeXT is bought, not the seller
    assert (_text(text, deal["arg0"]), _text(text, deal["arg1"])) == ("Apple", "NeXT")
    assert deal["value"]["value"] == 400_000_000


def test_nominal_trigger_with_possessive_agent_and_of_theme():
    text = "Microsoft's acquisition of LinkedIn was completed in December."
    assert _deals(text) == [("acquisition", "acquisition", "Microsoft", "LinkedIn", "microsoft", None,
                             "completed")]


def test_nominal_trigger_with_by_agent_hung_low_and_apposition_theme():
    text = "Markets fell after the bailout of large insurance firm AIG by the US Federal Reserve."
    [deal] = _facts(text)["deals"]
    assert _text(text, deal["trigger"]) == "bailout"
    assert "Federal Reserve" in _text(text, deal["arg0"])
    assert "AIG" in _text(text, deal["arg1"])
    assert deal["kind"] == "loan" and deal["buyer"] is not None and deal["seller"] is not None


def test_particle_noun_trigger_takes_in_its_particle():
    text = "Shares rose after the US Government's $700 billion bail out of the financial sector."
    [deal] = _facts(text)["deals"]
    assert _text(text, deal["trigger"]) == "bail out"
    assert _text(text, deal["arg0"]) == "US Government"
    assert _text(text, deal["arg1"]) == "sector"
    assert deal["value"]["value"] == 700_000_000_000


def test_particle_verb_and_refusal_negates():
    text = "Stocks fell after the refusal of the Federal Reserve to bail out Lehman Brothers."
    [deal] = _facts(text)["deals"]
    assert (deal["kind"], _text(text, deal["trigger"])) == ("loan", "bail out")
    assert (_text(text, deal["arg0"]), _text(text, deal["arg1"])) == ("Federal Reserve", "Lehman Brothers")
    assert deal["status"] == "denied"
    assert ("bailout", "federal-reserve", "lehman-brothers") in {e[:3] for e in _events(text)}


def test_quantity_object_gives_way_to_what_it_counts():
    text = "The United States government said it would buy billions of dollars of bad loans from US banks."
    [deal] = _facts(text)["deals"]
    assert (_text(text, deal["arg0"]), _text(text, deal["arg1"])) == ("it", "loans")
    assert deal["status"] == "announced"  # "said it would buy": its "will buy", reported


def test_light_verb_purchase_and_percent_theme():
    text = "Toyota made a purchase of 10% of the shares of Suzuki."
    [deal] = _facts(text)["deals"]
    assert (deal["kind"], _text(text, deal["arg0"]), _text(text, deal["arg1"])) == ("purchase", "Toyota", "shares")
    assert deal["buyer"] == "toyota"


def test_relative_clauses_resolve_the_relative_pronoun():
    text = "The company that Oracle bought last year has been merged into its cloud unit."
    assert _deals(text)[0][:4] == ("purchase", "bought", "Oracle", "company")
    text = "Analysts said the bank, which sold the bonds to Goldman Sachs, lost money."
    [deal] = _facts(text)["deals"]
    assert (_text(text, deal["arg0"]), _text(text, deal["arg1"])) == ("bank", "bonds")
    assert deal["buyer"] == "goldman-sachs"


def test_agreed_to_buy_is_an_agreed_purchase_and_an_agree_event():
    text = "Google agreed to buy YouTube for $1.65 billion."
    [deal] = _facts(text)["deals"]
    assert (deal["kind"], deal["buyer"], deal["status"]) == ("purchase", "google", "agreed")
    events = _events(text)
    assert ("agree", "google", "agreed", "Google", "buy") == tuple(events[0][i] for i in (0, 1, 3, 4, 5))
    assert ("purchase", "google", "buy", "Google", "YouTube") in {tuple(e[i] for i in (0, 1, 3, 4, 5)) for e in events}


def test_settlement_with_a_counterpart_on_the_object():
    text = "Apple Inc. announced Monday it has settled its trademark dispute with the Beatles' record company, Apple Corps."
    [deal] = _facts(text)["deals"]
    assert (deal["kind"], _text(text, deal["trigger"]), _text(text, deal["arg0"])) == ("agreement", "settled", "it")
    assert "apple-corps" in deal["parties"]


def test_license_shares_the_subject_of_a_coordinated_verb():
    text = "Apple Inc. will own all Apple trademarks and will license some to Apple Corps."
    [deal] = _facts(text)["deals"]
    assert (_text(text, deal["trigger"]), _text(text, deal["arg0"]), _text(text, deal["arg1"])) == (
        "license", "Apple Inc.", "some")
    assert (deal["seller"], deal["buyer"]) == ("apple", "apple-corps")  # "Apple Inc." is Apple in the alias table


def test_merger_of_two_named_companies():
    text = "The merger of Acme Corp and Globex Inc created the largest widget company."
    [deal] = _facts(text)["deals"]
    assert deal["kind"] == "merger" and set(deal["parties"]) == {"acme-corp", "globex-inc"}


@pytest.mark.parametrize("text, status, mood", [
    ("Amazon did not buy Whole Foods for $20 billion, the report said.", "denied", "negated"),
    ("Amazon could buy Whole Foods, analysts said.", "proposed", "hypothetical"),
    ("Amazon reportedly bought Whole Foods.", "reported", "reported"),
    ("Amazon bought Whole Foods.", "completed", "asserted"),
])
def test_modality_of_deals_and_events(text, status, mood):
    [deal] = _facts(text)["deals"]
    assert (deal["status"], deal["modality"]) == (status, mood)
    assert [e[6] for e in _events(text) if e[0] == "purchase"] == [mood]


def test_two_mentions_of_one_deal_merge_and_keep_their_own_triggers():
    text = ("Disney agreed to buy Pixar for $7.4 billion in January 2006. "
            "The purchase of Pixar by Disney is expected to close in June.")
    [deal] = _facts(text)["deals"]
    assert (deal["kind"], deal["buyer"], deal["seller"]) == ("purchase", "disney", None)
    assert [_text(text, m["trigger"]) for m in deal["mentions"]] == ["buy", "purchase"]
    assert [_text(text, m["arg0"]) for m in deal["mentions"]] == ["Disney", "Disney"]


def test_different_parties_do_not_merge():
    text = "Disney bought Pixar in 2006. Google bought YouTube in 2006."
    assert [(d["buyer"], d["seller"]) for d in _facts(text)["deals"]] == [("disney", None), ("google", None)]
    assert [d["parties"] for d in _facts(text)["deals"]] == [["disney", "pixar"], ["google", "youtube"]]


def test_no_deal_without_an_actor_but_the_transaction_keeps_its_arguments():
    text = "The store currently sells digital music tracks, and more recently has begun to sell TV episodes."
    assert _facts(text)["deals"] == []
    assert _transactions(text) == [("sells", "store", "tracks", "asserted"), ("sell", "store", "episodes", "asserted")]


def test_transactions_cover_passives_without_agent_and_relative_clauses():
    assert _transactions("The Pro can be purchased with either display.") == [
        ("purchased", None, "Pro", "hypothetical")]
    assert _transactions("The music it sells is not branded.") == [("sells", "it", "music", "asserted")]
    assert _transactions("A trader mistyped an order to sell a large amount of stock.")[-1][0::2] == ("sell", "stock")


def test_commands_and_market_sell_offs_are_not_deals():
    assert _facts("The markets stayed closed under orders of the Russian government.")["deals"] == []
    assert _facts("Russia's markets saw the biggest sell-off in a decade.")["deals"] == []
    assert _facts("Apple shares sold off sharply on Monday.")["deals"] == []
    assert _deals("Acme Corp sold off its chemicals unit to Globex Inc.") == [
        ("sale", "sold off", "Acme Corp", "unit", "globex-inc", "acme-corp", "completed")]


def test_events_carry_trigger_and_argument_spans():
    text = "Iran was attacked by Israel on Monday."
    assert _events(text) == [("attack", "israel", "iran", "attacked", "Israel", "Iran", "asserted")]
