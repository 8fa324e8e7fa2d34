"""Property tests: the parsers and the text reader take any string without an exception, and
what they can read back (a formatted amount, a written date, a fact's offsets) comes back exact."""

from __future__ import annotations

import calendar
import datetime as dt
import math

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from factwire.articles import Article, Rejected
from factwire.extract.amounts import parse_money, parse_number, parse_price
from factwire.extract.dates import resolve_date
from factwire.sources.files import FURNITURE_LINES, parse_text_article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Strings that look like what the parsers are for, so the search reaches their inner branches.
MONEYISH = st.text(alphabet="0123456789.,- $€£¥₹%kmbnKMB USDEURGBP milonbtrya", max_size=30)
DATEISH = st.text(alphabet="0123456789/-., JanFebMrApyulgSeOctNovDthsnxwkqQ'", max_size=30)
ANY_TEXT = st.one_of(st.text(max_size=200), MONEYISH, DATEISH)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
# Cents, so formatting with two decimals is exact.
AMOUNTS = st.integers(min_value=0, max_value=10 ** 12).map(lambda cents: cents / 100)


@SETTINGS
@given(ANY_TEXT)
def test_money_and_number_parsers_take_any_string(text):
    money = parse_money(text)
    assert money is None or (isinstance(money[0], float) and (money[1] is None or len(money[1]) == 3))
    number = parse_number(text)
    assert number is None or isinstance(number, float)
    price = parse_price(text)
    assert price is None or isinstance(price.amount, float)


@SETTINGS
@given(ANY_TEXT, DATES, st.sampled_from([None, "past", "future"]))
def test_resolve_date_takes_any_string(text, reference, direction):
    resolved = resolve_date(text, reference, direction=direction)
    assert resolved is None or (isinstance(resolved[0], str) and isinstance(resolved[1], str))


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@SETTINGS
@given(AMOUNTS, st.sampled_from([("", 1), (" million", 10 ** 6), (" billion", 10 ** 9), ("m", 10 ** 6),
                                 ("bn", 10 ** 9), (" thousand", 10 ** 3)]),
       st.sampled_from([("${}", "USD"), ("€{}", "EUR"), ("£{}", "GBP"), ("{} euros", "EUR"),
                        ("US${}", "USD"), ("{} dollars", "USD")]))
def test_formatted_money_parses_back(value, scale, form):
    suffix, factor = scale
    template, currency = form
    number = f"{value:,.2f}"
    if "{} " in template:  # "12.5 million euros": the scale word before the currency word
        written = template.replace("{}", number + suffix)
    else:
        written = template.format(number) + suffix
    parsed = parse_money(written)
    assert parsed is not None, written
    assert close(parsed[0], value * factor) and parsed[1] == currency, (written, parsed)


@SETTINGS
@given(st.integers(min_value=0, max_value=10 ** 15), st.sampled_from(["{:,}", "{}"]))
def test_formatted_numbers_parse_back(value, template):
    written = template.format(value)
    assert parse_number(written) == value, written


@SETTINGS
@given(AMOUNTS, st.sampled_from([("$ {}", "USD", "."), ("{} €", "EUR", ","), ("{} EUR", "EUR", "."),
                                 ("£{}", "GBP", ".")]))
def test_shop_prices_parse_back(value, form):
    template, currency, decimal = form
    number = f"{value:,.2f}"
    if decimal == ",":  # "1.299,00 €"
        number = number.replace(",", " ").replace(".", ",").replace(" ", ".")
    written = template.format(number)
    price = parse_price(written)
    assert price is not None and close(price.amount, value) and price.currency == currency, (written, price)


@SETTINGS
@given(DATES, DATES, st.sampled_from(["{month} {day}, {year}", "{day} {month} {year}", "{iso}",
                                      "{month} {day} {year}", "{abbr}. {day}, {year}"]))
def test_written_dates_resolve_back(day, reference, template):
    month = calendar.month_name[day.month]
    abbr = calendar.month_abbr[day.month]
    assume(not (template.startswith("{abbr}") and abbr == "May"))  # "May." is not how May is written
    written = template.format(month=month, abbr=abbr, day=day.day, year=day.year, iso=day.isoformat())
    assert resolve_date(written, reference) == (day.isoformat(), "day"), written


@SETTINGS
@given(st.text(max_size=300))
def test_parse_text_article_takes_any_string(raw):
    result = parse_text_article(raw, "prop.txt")
    assert isinstance(result, (Article, Rejected))
    if isinstance(result, Article):
        assert result.text and result.text == result.text.strip()
        assert not any(line.strip().lower() in FURNITURE_LINES for line in result.text.split("\n"))


WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)
LINE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)


@SETTINGS
@given(DATES, LINE, st.lists(LINE, min_size=1, max_size=5),
       st.lists(WORDS.filter(lambda w: "," not in w), max_size=4))
def test_the_seed_layout_reads_back(published, title, paragraphs, sources):
    assume(not any(p.strip().lower() in FURNITURE_LINES for p in paragraphs))
    assume(not any(p.lstrip().lower().startswith(("source:", "sources:")) for p in paragraphs))
    raw = f" date {published.isoformat()} {title}\n\n" + "\n\n".join(paragraphs)
    if sources:
        raw += "\n\nSources: " + ", ".join(sources)
    article = parse_text_article(raw, "seed.txt")
    assert isinstance(article, Article)
    assert (article.published, article.title) == (published, title.strip())
    assert article.text == "\n\n".join(p.rstrip() for p in paragraphs).strip()
    assert article.cited_sources == [s.strip() for s in sources if s.strip()]


# Text with facts in it: names, money, dates, quotes, citations, between random words.
PIECES = st.sampled_from([
    "Acme Corp", "Vladimir Putin", "the Kremlin", "Germany", "$2.1 billion", "€500 million", "10,000 soldiers",
    "March 5, 2024", "last Tuesday", "in 2023", '"We will win," said John Smith.', "according to Reuters",
    "agreed to buy", "signed a deal with", ".", ",", "\n", "\n\n", " ", "(", ")", "'", '"', "—", "“", "”",
])
ARTICLE_TEXT = st.lists(st.one_of(PIECES, WORDS, st.text(max_size=8)), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT, st.one_of(st.none(), DATES))
@example("¦²", None)  # a superscript digit is a digit to str.isdigit() but no number to int()
@example("Safari ² and Apple paid ²³⁴ in 2024.", None)
def test_every_offset_slices_back_to_its_text(text, published):
    from factwire.extract import FACT_KINDS, extract

    facts = extract(text, published)
    for kind in FACT_KINDS:
        for fact in facts[kind]:
            if fact.get("start") is None:
                continue
            assert 0 <= fact["start"] <= fact["end"] <= len(text), (kind, fact)
            if "text" in fact:
                assert text[fact["start"]:fact["end"]] == fact["text"], (kind, fact)
