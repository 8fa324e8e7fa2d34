"""Unit tests for the amounts grammar and its eval scorers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from factwire.evaluation import quantulum
from factwire.evaluation.duckling_money import _correct as duckling_correct, _unescape
from factwire.extract.amounts import find_amounts, parse_money, parse_number, parse_price
from factwire.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("text, expected", [
    ("US$4.7 billion", (4.7e9, "USD")),
    ("a US$ 4.7 billion", (4.7e9, "USD")),
    ("$3-4 million", (3e6, "USD")),
    ("£2bn", (2e9, "GBP")),
    ("1.2 billion yen", (1.2e9, "JPY")),
    ("50 euros", (50.0, "EUR")),
    ("EUR 20m", (20e6, "EUR")),
    ("Rs 500 crore", (5e9, "INR")),
    ("two million dollars", (2e6, "USD")),
    ("around €500 million", (5e8, "EUR")),
    ("a dollar", (1.0, "USD")),
    ("$10K", (1e4, "USD")),
    ("10k$", (1e4, "USD")),
    ("$20 and 43c", (20.43, "USD")),
    ("20 dollars 43 cents", (20.43, "USD")),
    ("42 kuwaiti Dinar", (42.0, "KWD")),
    ("ringgit 42", (42.0, "MYR")),
    ("between 10 dollars and 20 dollars", (10.0, "USD")),
    ("under seven euros", (7.0, "EUR")),
    ("more than 1 dollar and forty-two cents", (1.42, "USD")),
])
def test_parse_money(text, expected):
    value, currency = parse_money(text)
    assert value == pytest.approx(expected[0])
    assert currency == expected[1]


@pytest.mark.parametrize("text", ["five", "5", "7.2", "exactly dollars", "hello", "", "2013-14"])
def test_parse_money_rejects_non_money(text):
    assert parse_money(text) is None


@pytest.mark.parametrize("text, expected", [
    ("1,200", 1200.0), ("3.5 million", 3.5e6), ("twenty-one", 21.0), ("a hundred and two", 102.0),
    ("a dozen", 12.0), ("two and a half", 2.5), ("two thirds", 2 / 3), ("-3", -3.0),
])
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "", "one two", "a"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, amount, currency", [
    ("1.299,00 €", 1299.0, "€"), ("$ 12.99", 12.99, "$"), ("12,99 EUR", 12.99, "EUR"),
    ("$ SGD4.90", 4.9, "SGD"), ("1 030 р.", 1030.0, "р."), ("629.95", 629.95, None),
])
def test_parse_price(text, amount, currency):
    price = parse_price(text)
    assert price.amount == pytest.approx(amount)
    assert price.currency_text == currency


def test_parse_price_hint_and_none():
    assert parse_price("75,00", currency_hint="€").currency == "EUR"
    assert parse_price("40% OFF") is None
    assert parse_price(None) is None


def _one(nlp, text):
    found = find_amounts(nlp(text))
    assert len(found) == 1, found
    return found[0]


def test_money_span_includes_approximator(nlp):
    text = "The company paid around €500 million for the site."
    a = _one(nlp, text)
    assert a["text"] == "around €500 million" == text[a["start"]:a["end"]]
    assert (a["kind"], a["value"], a["currency"], a["approximate"]) == ("money", 5e8, "EUR", True)


def test_money_range(nlp):
    a = _one(nlp, "The deal is worth $3-4 million, analysts say.")
    assert (a["value"], a["value_max"], a["currency"]) == (3e6, 4e6, "USD")


def test_count_span_is_the_numeral(nlp):
    a = _one(nlp, "The army sent 10,000 soldiers to the border.")
    assert (a["text"], a["kind"], a["value"], a["unit"]) == ("10,000", "count", 10000.0, "soldiers")
    b = _one(nlp, "Three companies bid for the contract.")
    assert (b["kind"], b["value"], b["unit"]) == ("count", 3.0, "companies")


@pytest.mark.parametrize("text, value", [("Shares fell 3.5% on Monday.", 3.5),
                                         ("Shares fell 3.5 percent on Monday.", 3.5)])
def test_percent(nlp, text, value):
    a = _one(nlp, text)
    assert (a["kind"], a["value"], a["currency"]) == ("percent", value, None)


def test_quantity_and_points(nlp):
    found = find_amounts(nlp("The Dow fell 340 points after a 27-kilometre march."))
    units = {(a["text"], a["kind"], a["unit"]) for a in found}
    assert ("340 points", "quantity", "point") in units
    assert ("27-kilometre", "quantity", "kilometre") in units


def test_not_amounts(nlp):
    text = "On March 6, 2008 at 10:30 the 2nd iPhone 3G was shown; call 555-1234."
    assert find_amounts(nlp(text)) == []


def test_keys_and_offsets(nlp):
    text = "Apple sold more than 4 billion songs and earned US$ 2.24 billion, up 9 %."
    for a in find_amounts(nlp(text)):
        assert set(a) >= {"text", "start", "end", "kind", "value", "currency", "unit", "approximate"}
        assert a["text"] == text[a["start"]:a["end"]]


def _kinds(nlp, text):
    return [(a["text"], a["kind"], a["value"], a["unit"]) for a in find_amounts(nlp(text))]


def test_exchange_rate_is_a_quantity(nlp):
    a = _one(nlp, "The dollar rose, trading at 92.27 yen to the dollar.")
    assert (a["text"], a["kind"], a["value"], a["unit"], a["currency"]) == (
        "92.27 yen", "quantity", 92.27, "yen per dollar", None)
    b = _one(nlp, "Analysts expect 1.47 dollars per euro by June.")
    assert (b["kind"], b["unit"]) == ("quantity", "dollar per euro")
    assert _one(nlp, "It paid 92 yen to the bank.")["kind"] == "money"  # not a currency after "to the"


@pytest.mark.parametrize("text, span, value, approximate", [
    ("Prices were down as much as five percent on Monday.", "five percent", 5.0, True),
    ("The chips are up to four times faster.", "four", 4.0, True),
    ("It closed down more than 7% on Friday.", "more than 7%", 7.0, True),
])
def test_upper_bounds_stay_outside_the_span(nlp, text, span, value, approximate):
    a = _one(nlp, text)
    assert (a["text"], a["value"], a["approximate"]) == (span, value, approximate)


def test_parse_money_keeps_bounds_of_whole_strings():
    assert parse_money("up to 7 euros") == (7.0, "EUR")


@pytest.mark.parametrize("text, expected", [
    ("OAO-1's battery failed after three days.", [("three days", "duration", 3.0, "day")]),
    ("The LHC was shut for a two-year maintenance period.", [("two-year", "duration", 2.0, "year")]),
    ("He ran for 3 years, 2 months and 16 hours.",
     [("3 years", "duration", 3.0, "year"), ("2 months", "duration", 2.0, "month"),
      ("16 hours", "duration", 16.0, "hour")]),
    ("The shortest day has only 3 hrs.", [("only 3 hrs", "duration", 3.0, "hour")]),
    ("The strike began three days ago.", []),  # a date, not an amount
    ("It will last for several hundred years.", []),  # no number says how many hundreds
])
def test_durations(nlp, text, expected):
    assert _kinds(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Give me -1e-3 W/min, now!", ("-1e-3 W/min", "quantity", -0.001, "watt per minute")),
    ("It is used four times per week.", ("four times per week", "quantity", 4.0, "count per week")),
    ("The plant handles roughly 4,500 tpd.", ("roughly 4,500 tpd", "quantity", 4500.0, "ton per day")),
    ("Cars drove 5 m/s past.", None),  # an unknown second unit: no plain metres
])
def test_rates(nlp, text, expected):
    found = _kinds(nlp, text)
    assert (found == [expected]) if expected else all(a[3] != "metre" for a in found)


def test_numbers_grouped_by_spaces_fractions_and_one_of_a_unit(nlp):
    assert _kinds(nlp, "The lot was valued 10 000 dollars.") == [("10 000 dollars", "money", 10000.0, None)]
    assert _kinds(nlp, "The chance is exactly one sixth.")[0][2] == pytest.approx(1 / 6)
    assert _kinds(nlp, "I want a gallon of beer.") == [("a gallon", "quantity", 1.0, "gallon")]
    assert _kinds(nlp, "Shares went back up a bit.") == []
    assert _kinds(nlp, "They were given 45 and 50 mg ethanol.") == [
        ("45", "quantity", 45.0, "milligram"), ("50 mg", "quantity", 50.0, "milligram")]
    assert _kinds(nlp, "The dose was 14 mGy.") == [
        ("14 mGy", "quantity", 14.0, "milligray")]


# -- units before currency guesses -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # A capital C or F glued to a number is a temperature with its degree sign dropped.
    ("Temperatures reached 80C in the shade.", [("80C", "quantity", 80.0, "degree Celsius")]),
    ("It was -5C overnight and 95F by noon.",
     [("-5C", "quantity", -5.0, "degree Celsius"), ("95F", "quantity", 95.0, "degree fahrenheit")]),
    # A video format's line count with "p" is a picture format, not pence; "5G" and "4K" name
    # technologies, not amounts.
    ("The set shows 1080p and 720p video over 5G in 4K.", []),
    # Lower-case minor units after numbers stay money.
    ("Shares closed at 245p, up 3p.", [("245p", "money", 2.45, None), ("3p", "money", 0.03, None)]),
])
def test_units_are_read_before_currency_guesses(nlp, text, expected):
    assert _kinds(nlp, text) == expected


def test_a_capital_c_is_not_cents_but_a_lower_case_c_is(nlp):
    celsius = _one(nlp, "The oven ran at 80C for an hour.")
    cents = _one(nlp, "Petrol rose 80c overnight.")
    assert (celsius["kind"], celsius["currency"]) == ("quantity", None)
    assert (cents["kind"], cents["value"]) == ("money", pytest.approx(0.8))


# -- cents take the article's currency --------------------------------------------------------

def _money(nlp, text):
    return {a["text"]: a["currency"] for a in find_amounts(nlp(text)) if a["kind"] == "money"}


def test_bare_cents_are_us_cents_when_the_article_names_no_other_currency(nlp):
    assert _money(nlp, "A stamp costs 10 cents more from Monday.") == {"10 cents": "USD"}


def test_cents_take_the_currency_of_their_sentence_then_of_the_article(nlp):
    assert _money(nlp, "The shares rose 26 cents to €4.10 on Friday.") == {"26 cents": "EUR", "€4.10": "EUR"}
    found = _money(nlp, "The miner paid A$3 billion for the mine. Its shares gained 15 cents on Tuesday.")
    assert found["15 cents"] == "AUD"
    mixed = _money(nlp, "Sales were $40 million in Canada. The shares rose 20 cents to €3.50.")
    assert mixed["20 cents"] == "EUR"  # the sentence's currency outranks the article's


def test_cents_are_not_hundredths_of_a_pound(nlp):
    # Pence are the pound's hundredths: cents in a sterling article are still no pence.
    assert _money(nlp, "Tickets cost £40. The fee is 50 cents online.")["50 cents"] == "USD"


def test_pennies_get_the_articles_pound_or_no_guess(nlp):
    assert _money(nlp, "A loaf costs £1.20, three pennies more than last year.")["three pennies"] == "GBP"
    assert _money(nlp, "It cost 3 pennies.") == {"3 pennies": None}


# -- ranges, bounds and vague multiples: value_kind -------------------------------------------

@pytest.mark.parametrize("text, span, value, value_max, currency", [
    ("Prices rose by between 25 and 75 cents a gallon.", "between 25 and 75 cents", 0.25, 0.75, "USD"),
    ("The deal is worth $5-7 million, analysts say.", "$5-7 million", 5e6, 7e6, "USD"),
    ("Revenue grew from 10 to 12 billion euros.", "10 to 12 billion euros", 1e10, 1.2e10, "EUR"),
])
def test_ranges_keep_both_ends_and_are_not_exact(nlp, text, span, value, value_max, currency):
    a = [x for x in find_amounts(nlp(text)) if x["kind"] == "money"][0]
    assert (a["text"], a["currency"], a["approximate"], a["value_kind"]) == (span, currency, True, "range")
    assert (a["value"], a["value_max"]) == (pytest.approx(value), pytest.approx(value_max))


def test_a_range_counts_the_noun_after_its_second_number(nlp):
    a = _one(nlp, "Between 2,000 and 3,000 people attended the rally.")
    assert (a["kind"], a["unit"], a["value"], a["value_max"]) == ("count", "people", 2000.0, 3000.0)


@pytest.mark.parametrize("text, span, value, kind", [
    ("The plan will cost hundreds of millions of dollars.", "hundreds of millions of dollars", 1e8, "money"),
    ("Tens of thousands of people marched on Sunday.", "Tens of thousands", 1e4, "count"),
    ("Billions of dollars left the country.", "Billions of dollars", 1e9, "money"),
])
def test_vague_multiples_are_approximate_lower_bounds(nlp, text, span, value, kind):
    a = _one(nlp, text)
    assert (a["text"], a["kind"], a["value"], a["approximate"], a["value_kind"]) == (
        span, kind, value, True, "lower_bound")


@pytest.mark.parametrize("text, value_kind", [
    ("The firm paid $40 million for the site.", "exact"),
    ("The firm paid exactly $40 million for the site.", "exact"),
    ("The firm paid about $40 million for the site.", "approximate"),
    ("The firm paid more than $40 million for the site.", "lower_bound"),
    ("The firm paid at least $40 million for the site.", "lower_bound"),
    ("The firm paid less than $40 million for the site.", "upper_bound"),
    ("The firm could pay up to $40 million for the site.", "upper_bound"),
])
def test_approximators_say_what_kind_of_value_it_is(nlp, text, value_kind):
    a = _one(nlp, text)
    assert a["value"] == 4e7 and a["value_kind"] == value_kind
    assert a["approximate"] == (value_kind != "exact")


def test_amount_rows_carry_the_value_kind():
    from factwire.warehouse.rows import fact_rows
    from factwire.warehouse.schema import tables

    facts = {k: [] for k in ("actors", "mentions", "dates", "quotes", "citations", "deals", "events")}
    facts["extractor_version"] = "test"
    facts["amounts"] = [{"text": "hundreds of millions of dollars", "start": 0, "end": 31, "kind": "money",
                         "value": 1e8, "currency": "USD", "unit": None, "approximate": True,
                         "value_kind": "lower_bound"}]
    row = fact_rows("a1", facts, "run")["amounts"][0]
    assert row["value_kind"] == "lower_bound"
    assert set(row) == {c.name for c in tables()["amounts"].columns}


def test_a_run_stores_cents_currencies_ranges_and_value_kinds(tmp_path):
    import json

    import duckdb

    from factwire.pipeline import run_pipeline
    from factwire.settings import Settings

    article = {"published": "2024-05-01", "title": "Fuel",
               "text": "Petrol prices rose by between 25 and 75 cents a gallon. The state will spend "
                       "hundreds of millions of dollars on roads, and temperatures hit 40C."}
    source = tmp_path / "fuel.jsonl"
    source.write_text(json.dumps(article) + "\n", encoding="utf-8")
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([source], settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        rows = con.execute("SELECT amount_text, amount_kind, value, value_max, currency, approximate, value_kind "
                           "FROM amounts ORDER BY start_char").fetchall()
    finally:
        con.close()
    assert ("between 25 and 75 cents", "money", 0.25, 0.75, "USD", True, "range") in rows
    assert ("hundreds of millions of dollars", "money", 1e8, None, "USD", True, "lower_bound") in rows
    assert ("40C", "quantity", 40.0, None, None, False, "exact") in rows


@pytest.mark.parametrize("text, expected", [
    # A comma may follow a scale of a thousand or more, before a group with a scale of its own.
    ("They counted one million, two hundred thousand votes.", [1_200_000.0]),
    ("It was three million, two hundred & forty in all.", [3_000_240.0]),
    ("He sold two million, three of them to children.", [2e6, 3.0]),  # two numbers
    ("Two, three or four soldiers died.", [2.0, 3.0, 4.0]),
])
def test_number_words_grouped_by_commas(nlp, text, expected):
    assert [a[2] for a in _kinds(nlp, text)] == expected


def test_duckling_scorer_is_not_trivially_perfect():
    assert duckling_correct((10.0, "USD"), (10.0, {"USD"}))
    assert not duckling_correct((10.0, "EUR"), (10.0, {"USD"}))
    assert not duckling_correct(None, (10.0, {"USD"}))
    assert _unescape("20x20ac") == "20€"


def test_quantulum_scorer_is_not_trivially_perfect():
    gold = [(2.0, "metre"), (2000.0, "pound sterling")]
    wrong = [(2.0, "metre"), (2000.0, "dimensionless")]
    assert quantulum.score_pairs([(gold, gold)]).f1 == 1.0
    assert quantulum.score_pairs([(gold, wrong)]).f1 < 1.0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parsers_never_raise(text):
    parse_money(text)
    parse_number(text)
    parse_price(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,$€£-%kmbnKMB to and between about", max_size=40))
def test_parsers_never_raise_on_number_like_text(text):
    parse_money(text)
    parse_number(text)
    parse_price(text)


def test_from_to_after_a_verb_of_range_is_a_range_and_after_a_verb_of_change_two_amounts(nlp):
    a = _one(nlp, "Ticket prices range from $25 to $75 in Chicago.")
    assert (a["text"], a["value"], a["value_max"], a["value_kind"], a["approximate"]) == \
        ("from $25 to $75", 25.0, 75.0, "range", True)
    a = _one(nlp, "Fares ranging from 25 to 75 cents were set in Boston.")
    assert (a["value"], a["value_max"], a["currency"]) == (pytest.approx(0.25), pytest.approx(0.75), "USD")
    doc = nlp("Its debt rose from $55 billion to $110 billion.")
    assert [(x["text"], x.get("value_max")) for x in find_amounts(doc)] == [("$55 billion", None), ("$110 billion", None)]


def test_list_item_numbers_and_references_are_not_amounts(nlp):
    text = ("Reasons to visit\n- 10.\n145.\n4. Cacoub P, et al. Hepatitis C. "
            "Rheumatology. 2013;52(12):1403-5.\n")
    assert [a["text"] for a in find_amounts(nlp(text))] == []
    # a number that opens a line and goes on as a sentence counts something
    kept = find_amounts(nlp("Police said on Monday.\n12 of the protesters were held.\n"))
    assert [a["text"] for a in kept] == ["12"]


@pytest.mark.parametrize("text, expected", [
    # "pounds" is a weight where the sentence speaks of weight, money where it does not.
    ("After the season the boxer said he had lost 30 pounds in training.", ("30 pounds", "quantity", None, "pound-mass")),
    ("The striker joined for 40 million pounds in August.", ("40 million pounds", "money", "GBP", None)),
    # An American article: its money is in dollars and it never writes British money.
    ("The bag cost $45 and held 12 pounds of apples at most, about 9 pounds when full of pears.",
     ("about 9 pounds", "quantity", None, "pound-mass")),
])
def test_pounds_of_weight_and_of_money(nlp, text, expected):
    found = [(a["text"], a["kind"], a["currency"], a["unit"]) for a in find_amounts(nlp(text))]
    assert expected in found


def test_a_range_whose_ends_are_written_in_full_keeps_both(nlp):
    found = find_amounts(nlp("Fees fall for volumes of $250,000-$2 million a month."))
    assert [(a["text"], a["value"], a.get("value_max"), a["value_kind"]) for a in found] == [
        ("$250,000-$2 million", 250_000.0, 2_000_000.0, "range")]


def test_an_approximator_inside_a_range_of_prices(nlp):
    found = find_amounts(nlp("Rooms varied from roughly $120 to $310 a night."))
    money = [a for a in found if a["kind"] == "money"]
    assert [(a["value"], a.get("value_max"), a["value_kind"], a["approximate"]) for a in money] == [
        (120.0, 310.0, "range", True)]


def test_a_code_and_number_that_names_a_meeting_is_no_money(nlp):
    found = find_amounts(nlp("Ministers arrive in Baku for the COP29 talks next week."))
    assert not [a for a in found if a["kind"] == "money"]
    found = find_amounts(nlp("The bank paid USD3.50 per share."))
    assert [(a["value"], a["currency"]) for a in found if a["kind"] == "money"] == [(3.5, "USD")]


def test_a_currency_sign_on_the_next_line_is_not_the_numbers(nlp):
    found = find_amounts(nlp("$ ./run.sh 4\nok\n4\n$ ./run.sh 5\nfailed"))
    assert not [a for a in found if a["kind"] == "money" and a["value"] in (4.0, 5.0)]


def test_a_magnitude_joined_by_a_hyphen(nlp):
    found = find_amounts(nlp("The city will build a $48-million transit hub next year."))
    assert [(a["text"], a["value"], a["currency"]) for a in found if a["kind"] == "money"] == [
        ("$48-million", 48e6, "USD")]
    found = find_amounts(nlp("Revenue was $3-4 million."))
    assert [(a["value"], a.get("value_max")) for a in found] == [(3e6, 4e6)]


@pytest.mark.parametrize("text, money, unit", [
    ("Gold hit $1,900 an ounce on Friday.", "$1,900", "per ounce"),
    ("Oil rose to $70 a barrel.", "$70", "per barrel"),
    ("Workers earn $15.4/hour now.", "$15.4", "per hour"),
    ("The losses were 26 cents per share.", "26 cents", "per share"),
    ("Pfizer will pay $229 a share in cash.", "$229", "per share"),
    ("The budget grows by $2 billion a year.", "$2 billion", "per year"),
])
def test_a_price_says_what_it_is_paid_per(nlp, text, money, unit):
    amounts = find_amounts(nlp(text))
    price = next(a for a in amounts if a["kind"] == "money")
    assert (price["text"], price["unit"]) == (money, unit)
    assert not any(a["kind"] == "quantity" for a in amounts)  # "a barrel" is no amount of one barrel


@pytest.mark.parametrize("text", [
    "The company raised $5 million a year ago.",
    "He paid $10 a share price would not explain.",
    "The fund lost $3 billion in a week.",
])
def test_a_sum_next_to_a_or_per_is_not_a_price(nlp, text):
    money = [a for a in find_amounts(nlp(text)) if a["kind"] == "money"]
    assert money and all(a["unit"] is None for a in money)


def test_a_price_per_unit_scores_as_quantulum_names_it():
    price = {"kind": "money", "value": 15.4, "currency": "USD", "unit": "per hour"}
    assert quantulum.as_quantulum(price) == (15.4, "dollar per hour")


@pytest.mark.parametrize("text", [
    "RSVP for our panel on 11/9 at 6 pm.",
    "They prepare for the 2022/23 season.",
    "Visit the office at Apt. 1C on Monday.",
    "map(plus_one, [1, 2, 3, 4, 5])\nif i % 2 == 0:",
])
def test_dates_seasons_doors_ages_and_code_are_no_amounts(nlp, text):
    assert find_amounts(nlp(text)) == []


def test_what_looks_like_them_stays_an_amount(nlp):
    found = [(a["text"], a["kind"]) for a in find_amounts(nlp(
        "Half is 1/2. It was 80C outside. In Texas, 12, and in Ohio, 14, died. There were 30 people "
        "(a record) and a more modest two-percent decline."))]
    assert found == [("1/2", "quantity"), ("80C", "quantity"), ("12", "quantity"), ("14", "quantity"),
                     ("30", "count"), ("two-percent", "percent")]


@pytest.mark.parametrize("text", [
    ">>> B.x = 2\n>>> print A.x, B.x\n1 2 1",
    '  File "foo.py", line 19, in <module>',
    "x = 10",
    "They fall into two groups: (1) those who like it and (2) those who do not.",
    "He came home around 20:00hrs on Thursday.",
])
def test_program_sessions_enumerators_and_clock_times_are_no_amounts(nlp, text):
    assert [a for a in find_amounts(nlp(text)) if a["unit"] != "groups"] == []


def test_a_rate_per_second_written_with_a_slash(nlp):
    found = [(a["text"], a["unit"]) for a in find_amounts(nlp("It parses at 2.3 GB/s, ten times faster."))]
    assert found[0] == ("2.3 GB/s", "gigabyte per second")


@pytest.mark.parametrize("text, age", [("“We want safety,” said Lopiano, 52.", 52.0),
                                       ("Hayley N. Hull, 30, of Bulpitt, was arrested.", 30.0)])
def test_a_names_age_set_off_by_commas_is_a_quantity_in_years(nlp, text, age):
    (found,) = find_amounts(nlp(text))
    assert (found["kind"], found["value"], found["unit"]) == ("quantity", age, "years old")


def test_an_age_after_aged_or_the_age_of(nlp):
    found = [(a["value"], a["unit"]) for a in find_amounts(nlp(
        "Jobs has died at the age of 56, the company said. Jobs dies aged 56."))]
    assert found == [(56.0, "years old"), (56.0, "years old")]


def test_a_number_the_tagger_takes_for_a_name_is_still_an_amount(nlp):
    # the tagger has typed index levels as works of art and organisations; a name has letters
    found = [a["text"] for a in find_amounts(nlp("The index closed at 8,579.19. The Nikkei closed at 7,162.90."))]
    assert found == ["8,579.19", "7,162.90"]
