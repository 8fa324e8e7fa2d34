"""Unit tests of the date extractor (find_dates, resolve_date) and of its two eval scorers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.evaluation import dateparser_search, duckling_time
from factwire.extract import dates
from factwire.extract.dates import find_dates, resolve_date
from factwire.nlp import load_nlp

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def dates_in(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[dict]:
    return find_dates(nlp(text), published)


@pytest.mark.parametrize("text, value, precision", [
    ("February 28", "2026-02-28", "day"),
    ("January 2025", "2025-01", "month"),
    ("in 2025", "2025", "year"),
    ("yesterday", "2026-03-11", "day"),
    ("today", "2026-03-12", "day"),
    ("last week", "2026-W10", "week"),
    ("this week", "2026-W11", "week"),
    ("next month", "2026-04", "month"),
    ("earlier this month", "2026-03", "month"),
    ("last year", "2025", "year"),
    ("two years ago", "2024", "year"),
    ("a week ago", "2026-03-05", "day"),
    ("the third quarter of 2025", "2025-Q3", "quarter"),
    ("Q1 2025", "2025-Q1", "quarter"),
    ("the fourth quarter", "2025-Q4", "quarter"),  # quarters in news are mostly reported ones
    ("the 1990s", "199", "decade"),
    ("last decade", "201", "decade"),
    ("Monday", "2026-03-09", "day"),  # the nearer Monday
    ("next Tuesday", "2026-03-17", "day"),
    ("last Friday", "2026-03-06", "day"),
    ("4 October 1957", "1957-10-04", "day"),
    ("March 3rd, 2004", "2004-03-03", "day"),
    ("9/3/2017", "2017-09-03", "day"),
    ("2014-12-12T12:33:39-08:00", "2014-12-12", "day"),
    ("Christmas 2024", "2024-12-25", "day"),
    ("the first Monday of March", "2026-03-02", "day"),
])
def test_resolve_date(text, value, precision):
    assert resolve_date(text, PUBLISHED) == (value, precision)


def test_resolve_date_direction():
    assert resolve_date("Friday", PUBLISHED, direction="past") == ("2026-03-06", "day")
    assert resolve_date("Friday", PUBLISHED, direction="future") == ("2026-03-13", "day")
    assert resolve_date("March", dt.date(2013, 2, 12)) == ("2012-03", "month")
    assert resolve_date("March", dt.date(2013, 2, 12), direction="future") == ("2013-03", "month")
    with pytest.raises(ValueError):
        resolve_date("Friday", PUBLISHED, direction="sideways")


@pytest.mark.parametrize("text", ["three years", "10:30", "the company", "", "Chapter 12, page 3",
                                  "recent years"])
def test_resolve_date_rejects_non_dates(text):
    assert resolve_date(text, PUBLISHED) is None


def test_resolve_date_accepts_datetime_reference():
    assert resolve_date("tomorrow", dt.datetime(2026, 3, 12, 23, 59)) == ("2026-03-13", "day")


def test_find_dates_offsets_and_values(nlp):
    text = ("Acme said on Tuesday that sales rose 5% in January 2025. The deal, signed February 28, "
            "will close next month, two years after it was first proposed in recent years.")
    found = dates_in(nlp, text)
    for d in found:
        assert d["text"] == text[d["start"]:d["end"]]
    by_text = {d["text"]: (d["value"], d["precision"]) for d in found}
    assert by_text["Tuesday"] == ("2026-03-10", "day")
    assert by_text["January 2025"] == ("2025-01", "month")
    assert by_text["February 28"] == ("2026-02-28", "day")
    assert by_text["next month"] == ("2026-04", "month")
    assert by_text["recent years"] == ("PAST_REF", None)  # TIMEX3's value, no calendar date
    assert "5%" not in " ".join(by_text)
    assert "two years" not in by_text  # a duration, not a date


def test_find_dates_tense_decides_far_weekdays(nlp):
    # Published on a Monday: Friday is 3 days back or 4 ahead; the tense says which.
    monday = dt.date(2026, 3, 9)
    past = dates_in(nlp, "The board met on Friday.", monday)
    future = dates_in(nlp, "The board will meet on Friday.", monday)
    assert past[0]["value"] == "2026-03-06"
    assert future[0]["value"] == "2026-03-13"


def test_find_dates_spans_follow_timex_conventions(nlp):
    text = "Shares fell on Monday and rose last week, the lowest since 1991."
    spans = [d["text"] for d in dates_in(nlp, text)]
    assert spans == ["Monday", "last week", "1991"]


def test_find_dates_skips_numbers_that_are_not_years(nlp):
    text = "The Russell 2000 Index lost 2000 points and the firm hired 1500 staff."
    assert dates_in(nlp, text) == []


def test_find_dates_the_day_refers_back(nlp):
    text = "Stocks fell on Monday. The Dow ended the day down 2%."
    found = {d["text"]: d["value"] for d in dates_in(nlp, text, dt.date(2026, 3, 11))}
    assert found["the day"] == found["Monday"] == "2026-03-09"


def test_find_dates_without_published_date_keeps_spans(nlp):
    found = dates_in(nlp, "It happened yesterday.", None)
    assert [(d["text"], d["value"], d["precision"]) for d in found] == [("yesterday", None, None)]


def test_find_dates_year_carries_over_in_a_list(nlp):
    found = dates_in(nlp, "Visits on March 3, 2004 and May 6 were logged.")
    assert [d["value"] for d in found] == ["2004-03-03", "2004-05-06"]


@pytest.mark.parametrize("text, value", [
    ("The store currently sells music.", "PRESENT_REF"),
    ("The nano is now smaller.", "PRESENT_REF"),
    ("Growth will stay weak for the time being.", "PRESENT_REF"),
    ("The recently announced phone sold out.", "PAST_REF"),
    ("Losses were the biggest in recent years.", "PAST_REF"),
    ("Investors fear that recent government moves failed.", "PAST_REF"),
    ("It had, at one point, set a low.", "PAST_REF"),
    ("Prospects in the near term look good.", "FUTURE_REF"),
    ("Rates will rise in the near future.", "FUTURE_REF"),
])
def test_find_dates_reference_values(nlp, text, value):
    found = [(d["value"], d["precision"]) for d in dates_in(nlp, text)]
    assert found == [(value, None)]


def test_find_dates_most_recent_is_not_a_time(nlp):
    assert dates_in(nlp, "Its most recent model has a new antenna.") == []


@pytest.mark.parametrize("text, span, value", [
    ("The Dow closed at its lowest level in six years.", "six years", "P6Y"),
    ("It is the lowest level in over a decade.", "over a decade", "P10Y"),
    ("The index fell 2,000 points in the past nine days.", "the past nine days", "P9D"),
    ("He took several months off.", "several months", "PXM"),
])
def test_find_dates_durations(nlp, text, span, value):
    found = [(d["text"], d["value"], d["precision"]) for d in dates_in(nlp, text)]
    assert found == [(span, value, None)]


def test_find_dates_offsets_are_not_durations(nlp):
    found = {d["text"]: d["value"] for d in dates_in(nlp, "It began in 2026. Two years later the firm, three days "
                                                          "after the vote, came a day when it split.")}
    # "three days after" is an offset, "a day" nothing; "later" counts from 2026
    assert found == {"2026": "2026", "Two years later": "2028"}


def test_find_dates_seasons_and_fiscal_years(nlp):
    found = {d["text"]: (d["value"], d["precision"]) for d in dates_in(nlp, (
        "The banks held their Autumn meetings. Sales rose in fiscal 2025, and at the very beginning "
        "of the financial year profits doubled; last fiscal year they fell. Summer 2024 was slow."))}
    assert found["Autumn"] == ("2026-FA", "season")
    assert found["fiscal 2025"] == ("FY2025", "year")
    assert found["the very beginning of the financial year"] == ("FY2026", "year")
    assert found["last fiscal year"] == ("FY2025", "year")
    assert found["Summer 2024"] == ("2024-SU", "season")


def test_resolve_date_keeps_calendar_values_only():
    assert resolve_date("recently", PUBLISHED) is None
    assert resolve_date("six years", PUBLISHED) is None
    assert resolve_date("fiscal 2025", PUBLISHED) == ("FY2025", "year")


def test_every_rule_searched_in_text_has_triggers():
    assert {r.name for r in dates._RULES if r.in_text} <= set(dates._TRIGGERS)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["last", "next", "March", "3rd", "2004", ",", "the", "quarter", "week", "\n",
                                 "Friday", "ago", "two", "years", "of", "in", "Q3", "9/3", "'82", "Christmas",
                                 "recently", "now", "autumn", "fiscal", "the end of", "1990s", "weekend",
                                 "x" * 40, "Sept.", "mid-2011", "Mondays", "today"]), max_size=30))
def test_pre_filter_windows_hold_every_match(words):
    # The pre-filter must not lose a match: each full-text match lies inside one of its windows.
    text = " ".join(words)
    windows = dates._rule_windows(text)
    for rule in dates._RULES:
        if rule.in_text:
            for m in rule.regex.finditer(text):
                assert any(lo <= m.start() and m.end() <= hi for lo, hi in windows[rule.name]), (rule.name, m)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9997, 12, 31)))
def test_resolve_date_never_raises(text, reference):
    result = resolve_date(text, reference)
    assert result is None or (isinstance(result[0], str) and result[1] in
                              {"day", "month", "year", "week", "quarter", "decade", "season"})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["last", "next", "March", "3rd", "2004", ",", "the", "quarter", "week",
                                 "Friday", "ago", "two", "years", "of", "in", "Q3", "9/3", "'82"]),
                max_size=8),
       st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9997, 12, 31)))
def test_resolve_date_never_raises_on_date_like_words(words, reference):
    resolve_date(" ".join(words), reference)


# --- scorers on tiny hand-made data -----------------------------------------------------------


def _duckling_corpus(tmp_path, groups):
    corpus = {"files": {name: {"groups": []} for name in duckling_time.SCORED_FILES}}
    corpus["files"]["Time/EN/Corpus.hs"]["groups"] = groups
    (tmp_path / "duckling-en-examples.json").write_text(json.dumps(corpus), encoding="utf-8")
    return tmp_path


def test_duckling_scorer_counts_wrong_resolutions(tmp_path):
    groups = [
        {"section": "allExamples", "texts": ["tomorrow"],
         "parsed": {"kind": "datetime", "grain": "Day", "value": "2013-02-13T00:00:00"}},
        {"section": "allExamples", "texts": ["last week"],  # gold deliberately wrong: we must miss it
         "parsed": {"kind": "datetime", "grain": "Week", "value": "2013-01-07T00:00:00"}},
        {"section": "allExamples", "texts": ["at 2pm"],  # a time of day: not scored
         "parsed": {"kind": "datetime", "grain": "Hour", "value": "2013-02-12T14:00:00"}},
        {"section": "allExamples", "texts": ["all week"],  # an interval: not scored
         "parsed": {"kind": "datetimeInterval", "grain": "Day", "from": "x", "to": "y"}},
    ]
    rows = duckling_time.score(_duckling_corpus(tmp_path, groups))
    dates = rows[0]
    assert dates.items == 2
    assert dates.score == pytest.approx(0.5)
    assert dates.passed is False


def test_period_start():
    assert duckling_time.period_start("2013-W07", "week") == "2013-02-11"
    assert duckling_time.period_start("2018-Q4", "quarter") == "2018-10-01"
    assert duckling_time.period_start("199", "decade") == "1990-01-01"


def test_dateparser_scorer_counts_wrong_values(tmp_path, nlp):
    cases = {"cases": [
        {"text": "It launched on 4 October 1957.", "settings": None,
         "expected": [["4 October 1957", "1957-10-04T00:00:00"]]},
        {"text": "Due 9/3/2017.", "settings": None,
         "expected": [["9/3/2017", "2017-03-09T00:00:00"]]},  # day-first gold: our reading differs
        {"text": "unscorable", "settings": None, "expected": None},
    ]}
    (tmp_path / "dateparser_search_en.json").write_text(json.dumps(cases), encoding="utf-8")
    found, exact = dateparser_search.score(tmp_path, nlp)
    assert found.items == 2
    assert found.score == pytest.approx(0.5)
    assert exact.items == 2


# -- named days, runs of days, "since the start of" -------------------------------------------


def test_a_weekday_named_for_an_event_has_no_value_of_its_own(nlp):
    found = {d["text"]: d["value"] for d in dates_in(nlp, "Traders recalled Black Monday. Super Tuesday "
                                                          "votes came in.", dt.date(2007, 10, 20))}
    assert found == {"Black Monday": None, "Super Tuesday": None}
    # a plain weekday keeps its value, and a capitalised verb before it names no event
    assert [d["value"] for d in dates_in(nlp, "Stocks Fall Monday As Oil Rises", dt.date(2007, 10, 17))] == \
        ["2007-10-15"]


@pytest.mark.parametrize("text, value", [
    ("Ash Wednesday", "2009-02-25"), ("Palm Sunday", "2009-04-05"), ("Maundy Thursday", "2009-04-09"),
    ("Shrove Tuesday", "2009-02-24"), ("Whit Monday", "2009-06-01"), ("Giving Tuesday", "2009-12-01"),
])
def test_holidays_that_follow_easter_and_thanksgiving(text, value):
    assert resolve_date(text, dt.date(2009, 2, 20)) == (value, "day")


def test_a_run_of_days_ends_in_the_period_reported(nlp):
    published = dt.date(2009, 4, 4)  # a Saturday
    assert [(d["text"], d["value"]) for d in dates_in(nlp, "US stocks log gains for fourth week in a row", published)] \
        == [("fourth week in a row", "2009-W14")]
    assert [d["value"] for d in dates_in(nlp, "Trading was halted for a second consecutive day.", published)] == \
        ["2009-04-04"]
    # the day the sentence names is where the run ends
    found = dates_in(nlp, "Shares fell on Friday for a third straight session.", published)
    assert [(d["text"], d["value"]) for d in found] == [("Friday", "2009-04-03"),
                                                       ("a third straight session", "2009-04-03")]
    found = dates_in(nlp, "Stocks had their best week since November.", dt.date(2009, 3, 13))
    assert [(d["text"], d["value"]) for d in found] == [("week", "2009-W11"), ("November", "2008-11")]
    # a best day of one's life is no reported period
    assert dates_in(nlp, "It was the best day of my life.", published) == []


def test_since_the_start_of_a_period_is_its_first_day(nlp):
    published = dt.date(2009, 2, 20)
    found = {d["text"]: (d["value"], d["precision"])
             for d in dates_in(nlp, "The Dow has lost 15% since the start of this year and since the beginning "
                                    "of the month. Sales rose at the beginning of the year.", published)}
    assert found["the start of this year"] == ("2009-01-01", "day")
    assert found["the beginning of the month"] == ("2009-02-01", "day")
    assert found["the beginning of the year"] == ("2009", "year")  # a period, not a point


# -- what a relative expression counts from ----------------------------------------------------


def test_later_and_earlier_count_from_the_last_date_of_the_text(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "The book came out in 1724. Two years later he found a flaw, and about 170 years later "
             "a doctor proved it.", dt.date(2002, 3, 30))]
    assert found == [("1724", "1724"), ("Two years later", "1726"), ("170 years later", "1896")]
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "He moved there in February 1860. In a decree the following month, he summoned the Army.",
        dt.date(2001, 11, 15))]
    assert found == [("February 1860", "1860-02"), ("the following month", "1860-03")]
    # "ago" and "next month" still count from the day of writing
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "The firm was founded in 1976 and listed two years ago.", dt.date(2009, 3, 13))]
    assert found == [("1976", "1976"), ("two years ago", "2007")]


def test_a_shift_finer_than_its_anchor_or_from_an_event_has_no_value(nlp):
    found = {d["text"]: d["value"] for d in dates_in(
        nlp, "He was arrested in 1975. Six months later he was tried.", dt.date(1982, 11, 2))}
    assert found["Six months later"] is None  # some month of 1975 or 1976
    found = {d["text"]: d["value"] for d in dates_in(
        nlp, "On 30 May 1832 he fought a duel. Five days before his death, he wrote a letter.",
        dt.date(2004, 8, 18))}
    assert found["Five days before"] is None
    # with no date before it, "later" counts from a time the text does not give
    found = {d["text"]: d["value"] for d in dates_in(nlp, "Apple released the phone. Two days later it sold out.",
                                                      dt.date(2009, 3, 13))}
    assert found == {"Two days later": None}


def test_a_length_written_as_an_adjective_is_a_duration(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "It was the worst single-day fall since 2001, ending a two-week rally at a 10-year high.")]
    assert found == [("single-day", "P1D"), ("2001", "2001"), ("two-week", "P2W"), ("10-year", "P10Y")]
    assert dates_in(nlp, "The 30-year-old plant closed.") == []


def test_a_past_tense_weekday_is_the_one_gone_by_even_when_the_next_is_nearer(nlp):
    tuesday = dt.date(2014, 1, 28)
    # Thursday 23rd is five days back, Thursday 30th two days ahead: the tense decides
    assert [d["value"] for d in dates_in(nlp, "The gallery celebrated the opening on Thursday.", tuesday)] == \
        ["2014-01-23"]
    assert [d["value"] for d in dates_in(nlp, "The gallery will celebrate the opening on Thursday.", tuesday)] == \
        ["2014-01-30"]
    # "until Friday" is the end of a state, whatever the tense: the nearest Friday
    assert [d["value"] for d in dates_in(nlp, "The markets stayed closed until Friday.", dt.date(2008, 9, 18))] == \
        ["2008-09-19"]
    # "by Thursday" is a time reached: a past-tense clause reached the one gone by
    assert [d["value"][:10] for d in dates_in(
        nlp, "The hashtag was used over one million times by Thursday night.", dt.date(2015, 9, 22))] == ["2015-09-17"]


def test_a_past_tense_clause_under_a_future_keeps_the_nearest_weekday(nlp):
    thursday = dt.date(2008, 9, 18)
    found = dates_in(nlp, "The money would be infused into the markets when they opened on Friday.", thursday)
    assert [d["value"] for d in found] == ["2008-09-19"]
    found = dates_in(nlp, "The markets opened on Friday.", thursday)
    assert [d["value"] for d in found] == ["2008-09-12"]


def test_the_two_digit_end_of_a_span_of_years(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(nlp, "In 1890 – 91 he wrote a trio; the 2013-14 season was long.")]
    assert found == [("1890", "1890"), ("91", "1891"), ("2013", "2013"), ("14", "2014")]
    # a year and a month, or a number after a year, is no span of years
    assert [d["text"] for d in dates_in(nlp, "Sales were 1998-01 up.")] == ["1998"]


def test_years_before_1600_only_where_they_read_as_years(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "The town was granted a charter in 1423. He painted St. Jerome in His Study (1480).",
        dt.date(2004, 8, 18))]
    assert found == [("1423", "1423"), ("1480", "1480")]
    for text in ("More than 1200 troops and 1500 people came.", "The index rose to 1450 points.",
                 "The council passed resolution 1325 in a vote.", "See p. 1225 of the report.",
                 "The centre is at 1355 Inwood Terrace."):
        assert [d["text"] for d in dates_in(nlp, text)] == [], text


# -- the year of a story set in another year -----------------------------------------------------


def test_a_month_day_in_a_story_set_in_another_year_takes_that_year(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(
        nlp, "Galois died in 1832 after a duel. The duel took place on 30 May. He was buried on 2 June.",
        dt.date(2004, 8, 18))]
    assert found == [("1832", "1832"), ("30 May", "1832-05-30"), ("2 June", "1832-06-02")]


@pytest.mark.parametrize("text, value", [
    # the news's own time: a future, a present tense, a year named as a bound, a weekday since
    ("Apple was founded in 1976. On June 9 it will launch a phone.", "2009-06-09"),
    ("Songs sold since its launch in 2003 rose, and as of February the store leads.", "2009-02"),
    ("The Dow is at its highest since 1983. It has not closed this high since February.", "2009-02"),
    ("Apple was founded in 1976. On Monday it said sales rose. On March 3 it cut prices.", "2009-03-03"),
    ("In 2008 sales fell. On March 3 it cut prices.", "2009-03-03"),  # a year too near to be a story's
])
def test_the_news_keeps_its_own_year(nlp, text, value):
    found = dates_in(nlp, text, dt.date(2009, 3, 13))
    assert found[-1]["value"] == value, found


def test_the_year_written_after_a_pair_of_months_is_both(nlp):
    found = [(d["text"], d["value"]) for d in dates_in(nlp, "He visited China between May and June in 1981.",
                                                       dt.date(2019, 7, 20))]
    assert found == [("May", "1981-05"), ("June", "1981-06"), ("1981", "1981")]
    found = [(d["text"], d["value"]) for d in dates_in(nlp, "It ran from March to August 2011.", dt.date(2017, 9, 13))]
    assert found == [("March", "2011-03"), ("August 2011", "2011-08")]


def test_deadlines_nights_and_named_dates(nlp):
    published = dt.date(2006, 2, 23)
    assert [(d["text"], d["value"]) for d in dates_in(nlp, "The backlog goes by year-end.", published)] == \
        [("year-end", "2006-12-31")]
    deadline = [d for d in dates_in(nlp, "Rules are due by the end of the year.", published)]
    assert [(d["text"], d["value"], d["precision"]) for d in deadline] == [("the end of the year", "2006-12-31", "day")]
    period = [d for d in dates_in(nlp, "Sales rose at the end of the year.", published)]
    assert [(d["text"], d["value"]) for d in period] == [("the end of the year", "2006")]
    assert [d["value"] for d in dates_in(nlp, "Speaking last night, he said 9/11 changed travel.", published)] == \
        ["2006-02-22TNI", "2001-09-11"]


def test_a_numeric_date_at_the_end_of_a_sentence(nlp):
    assert [(d["text"], d["value"]) for d in dates_in(nlp, "The deadline is 9/11/2015.")] == [("9/11/2015", "2015-09-11")]
    assert dates_in(nlp, "Version 1.5.10.3 shipped.") == []


@pytest.mark.parametrize("text, span, value", [
    ("Apple announced this morning that prices fall.", "this morning", "2026-03-12TMO"),
    ("He was arrested late last night.", "last night", "2026-03-11TNI"),
    ("The vote is tonight.", "tonight", "2026-03-12TNI"),
    ("He spoke yesterday afternoon.", "yesterday afternoon", "2026-03-11TAF"),
    ("Shares fell on Monday morning.", "Monday morning", "2026-03-09TMO"),
    ("Exchanges will re-open on Friday evening.", "Friday evening", "2026-03-13TEV"),
])
def test_a_part_of_a_day_keeps_timex3_code_on_the_day(nlp, text, span, value):
    found = dates_in(nlp, text)
    assert [(d["text"], d["value"], d["precision"]) for d in found] == [(span, value, "day")]


def test_the_day_after_a_part_of_it_is_the_day_and_named_weekdays_keep_no_value(nlp):
    found = dates_in(nlp, "He spoke yesterday afternoon. The day was long.")
    assert [d["value"] for d in found] == ["2026-03-11TAF", "2026-03-11"]
    assert [d["value"] for d in dates_in(nlp, "Stocks crashed on Black Monday morning.")] == [None]


@pytest.mark.parametrize("published, text, value", [
    (dt.date(2008, 10, 13), "The ministers met during the weekend.", "2008-W41-WE"),  # a Monday: the one gone by
    (dt.date(2008, 10, 16), "The ministers will meet at the weekend.", "2008-W42-WE"),
    (dt.date(2008, 10, 16), "The ministers met last weekend.", "2008-W41-WE"),
    (dt.date(2008, 10, 16), "The ministers meet this weekend.", "2008-W42-WE"),
    (dt.date(2008, 10, 16), "The ministers meet next weekend.", "2008-W43-WE"),
    (dt.date(2008, 10, 20), "Stores were busy this past weekend.", "2008-W42-WE"),
    (dt.date(2008, 10, 18), "Protesters marched over the weekend.", "2008-W42-WE"),  # under way
    (dt.date(2008, 10, 16), "He flew in on May 3 and left that weekend.", None),  # counts from May 3
])
def test_a_weekend_is_timex3_week_weekend(nlp, published, text, value):
    found = [d for d in dates_in(nlp, text, published) if "week" in d["text"]]
    assert [d["value"] for d in found] == [value]
    assert found[0]["precision"] == ("week" if value else None)


@pytest.mark.parametrize("text, span, value", [
    ("Profits fell in the first half of 2008.", "the first half of 2008", "2008-H1"),
    ("Sales rose in the second half of last year.", "the second half of last year", "2025-H2"),
    ("Sales rose in the first six months of this year.", "the first six months of this year", "2026-H1"),
    ("Results for the first half of fiscal 2009 were weak.", "the first half of fiscal 2009", "FY2009-H1"),
    ("H1 2008 revenue rose.", "H1 2008", "2008-H1"),
    ("Its 2H07 margin fell.", "2H07", "2007-H2"),
])
def test_a_half_year_is_timex3_half(nlp, text, span, value):
    assert [(d["text"], d["value"], d["precision"]) for d in dates_in(nlp, text)] == [(span, value, "half")]


@pytest.mark.parametrize("text", ["He scored in the first half of the game.", "Growth slows in the first half.",
                                  "Set the H1 heading and the H2 one."])
def test_a_half_with_no_year_named_is_no_half_year(nlp, text):
    assert not [d for d in dates_in(nlp, text) if d["precision"] == "half"]


def test_intraday_is_a_length_of_one_day(nlp):
    assert [(d["text"], d["value"]) for d in dates_in(nlp, "It set an intraday low of 7,447.55.")] == [("intraday", "P1D")]


@pytest.mark.parametrize("value, first_day", [
    ("2008-01-09TMO", dt.date(2008, 1, 9)), ("2008-W41-WE", dt.date(2008, 10, 11)),
    ("2008-H2", dt.date(2008, 7, 1)), ("2008-H1", dt.date(2008, 1, 1)), ("2008-H3", None), ("18", dt.date(1800, 1, 1)),
])
def test_new_timex3_values_have_a_first_day_in_the_warehouse(value, first_day):
    from factwire.warehouse.rows import period_start

    assert period_start(value) == first_day


def test_scorers_read_a_part_of_a_day_as_its_day():
    from factwire.evaluation.gum import _calendar_value

    assert duckling_time.period_start("2013-02-12TMO", "day") == "2013-02-12"
    assert _calendar_value("2015-09-11TNI") == "2015-09-11"
    assert _calendar_value("2015-W37-WE") == "2015-W37-WE"


@pytest.mark.parametrize("text, value", [
    ("Apple would one day do this.", None),
    ("Then one day, the module starts getting big.", None),
    ("It is not enough for one day in a hospital.", "P1D"),
    ("The strike lasted one day.", "P1D"),
    ("They stayed one week in Paris.", "P1W"),
])
def test_one_day_as_an_adverb_is_some_day_not_a_length(nlp, text, value):
    assert [d["value"] for d in dates_in(nlp, text)] == [value]


def test_that_year_is_the_year_the_text_spoke_of(nlp):
    found = dates_in(nlp, "He returned to China in 1920, marrying a physician there that year.")
    assert [(d["text"], d["value"]) for d in found] == [("1920", "1920"), ("that year", "1920")]
    found = dates_in(nlp, "In 2005, he appeared in Cry Wolf. That same year, he was cast as Sam.")
    assert [(d["text"], d["value"]) for d in found] == [("2005", "2005"), ("That same year", "2005")]
    # with no year before it, or a year apart from the one named, it has no value
    assert [d["value"] for d in dates_in(nlp, "Profits rose in the same year.")] == [None]
    found = dates_in(nlp, "Profits rose in the third quarter of 2009, against a loss in the same quarter a year earlier.")
    assert [(d["text"], d["value"]) for d in found] == [
        ("the third quarter of 2009", "2009-Q3"), ("the same quarter", None), ("a year earlier", "2008")]


def test_last_and_next_after_the_order_things_and_say_nothing_of_now(nlp):
    found = dates_in(nlp, "We have a party tomorrow night (the last night of school).")
    assert [(d["text"], d["value"]) for d in found] == [("tomorrow night", "2026-03-13TNI"), ("last night", None)]
    assert [d["value"] for d in dates_in(nlp, "I went back the next Tuesday night.")] == [None]
    assert [d["value"] for d in dates_in(nlp, "He was arrested last night.")] == ["2026-03-11TNI"]


def test_a_count_not_read_gives_no_shift_and_a_time_ahead_is_a_point(nlp):
    assert [d["value"] for d in dates_in(nlp, "Six and a half months ago, a rocket launched.")] == [None]
    assert [d["value"] for d in dates_in(nlp, "Years ago, a browser was born.")] == [None]
    found = dates_in(nlp, "In one week's time, the government acts. In two years' time it is gone.")
    assert [(d["text"], d["value"]) for d in found] == [("one week's time", "2026-03-19"), ("two years' time", "2028")]


def test_a_part_of_a_month_keeps_the_year_written_after_it(nlp):
    found = dates_in(nlp, "The delegates reconvened in early April 1833.")
    assert [(d["text"], d["value"], d["precision"]) for d in found] == [("early April 1833", "1833-04", "month")]


def test_the_part_of_a_day_written_before_it(nlp):
    found = dates_in(nlp, "He was killed on the night of May 3, 2008.")
    assert [(d["text"], d["value"], d["precision"]) for d in found] == [("the night of May 3, 2008", "2008-05-03TNI", "day")]
    assert [d["value"] for d in dates_in(nlp, "The rest of May 3, 2008 was calm.")] == ["2008-05-03"]


@pytest.mark.parametrize("text, span, value, precision", [
    ("He lived in the 1800s.", "the 1800s", "18", "century"),
    ("It grew in the early 1900s.", "the early 1900s", "19", "century"),
    ("It grew in the 2000s.", "the 2000s", "200", "decade"),  # the noughties
    ("It was built in the 19th century.", "the 19th century", "18", "century"),
    ("A twenty-first-century problem.", "twenty-first-century", "20", "century"),
    ("Hits of the '80s.", "the '80s", "198", "decade"),
])
def test_centuries_and_decades(nlp, text, span, value, precision):
    assert [(d["text"], d["value"], d["precision"]) for d in dates_in(nlp, text)] == [(span, value, precision)]


def test_a_century_before_the_common_era_has_no_value():
    assert resolve_date("the 5th century BC", PUBLISHED) is None
    assert resolve_date("the 5th century", PUBLISHED) == ("04", "century")


def test_pages_of_a_citation_are_no_years(nlp):
    found = dates_in(nlp, "JAMA. 2000;284:1677-82. Br J Dermatol. 2003;149(5):1018–22.")
    assert [d["value"] for d in found] == ["2000", "2003"]
    assert [d["value"] for d in dates_in(nlp, "The 1989-90 epidemic.")] == ["1989", "1990"]


def test_a_weekday_after_an_indefinite_article_is_a_kind_of_day(nlp):
    found = dates_in(nlp, "The market is open every Friday and closed on a Sunday, and it opened on Monday.")
    assert [(d["text"], d["value"]) for d in found] == [("Friday", None), ("Sunday", None), ("Monday", "2026-03-09")]
    # the article of a noun the weekday modifies is the noun's
    assert [d["value"] for d in dates_in(nlp, "In a Wednesday media event, Apple released laptops.")] == ["2026-03-11"]


def test_a_quarter_of_a_game_is_no_calendar_quarter(nlp):
    text = ("The Sixers won the game 106-103. Embiid scored 13 points in the third quarter, and the team "
            "led at halftime. They play again in the first quarter of 2027.")
    assert [(d["text"], d["value"]) for d in dates_in(nlp, text)] == [
        ("the third quarter", None), ("the first quarter of 2027", "2027-Q1")]
    assert [d["value"] for d in dates_in(nlp, "Apple's profit rose in the third quarter.")] == ["2025-Q3"]


def test_a_quarter_as_a_share_is_no_length(nlp):
    assert dates_in(nlp, "More than a quarter of voters and one-quarter of donors, three quarters of it.") == []
    assert [d["value"] for d in dates_in(nlp, "A two-quarter slump.")] == ["P6M"]


def test_an_infinitive_under_a_past_verb_is_no_future_of_now(nlp):
    published = dt.date(2019, 12, 30)
    found = dates_in(nlp, "He said he was asked to break the news to the staff on Dec. 18.", published)
    assert [d["value"] for d in found] == ["2019-12-18"]
    assert [d["value"] for d in dates_in(nlp, "The company plans to release the phone on Dec. 18.", published)] == ["2020-12-18"]


def test_a_weekday_inside_a_name_is_no_day(nlp):
    found = dates_in(nlp, "The Sunday Times reported that the talks failed on Monday.")
    assert [(d["text"], d["value"]) for d in found] == [("Monday", "2026-03-09")]


@pytest.mark.parametrize("text", ["“I’m in my mid-60s, and you look older,” she said.",
                                  "Men in their 40s and 50s were hit hardest.",
                                  "Smith’s late 20s were hard for him."])
def test_a_decade_after_a_possessive_is_an_age(nlp, text):
    assert find_dates(nlp(text), dt.date(2019, 7, 1)) == []


def test_a_decade_without_a_possessive_stays_a_decade(nlp):
    found = find_dates(nlp("Music of the 60s was better, and in the early 1990s prices rose."), dt.date(2019, 7, 1))
    assert [d["value"] for d in found] == ["196", "199"]


def test_a_day_before_a_colon_and_a_lower_case_verb_that_names_a_month(nlp):
    found = find_dates(nlp("October 20: ACCIDENT – a vehicle was towed. Users of Python 3 may want to "
                           "skip this, due on 25th march 2015."), dt.date(2023, 10, 27))
    assert [(d["text"], d["value"]) for d in found] == [("October 20", "2023-10-20"), ("25th march 2015", "2015-03-25")]
