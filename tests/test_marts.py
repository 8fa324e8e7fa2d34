"""Cross-article marts: one deal reported by several outlets is one row; events are grouped."""

from __future__ import annotations

import json

import duckdb
import pytest

from factwire.pipeline import run_pipeline
from factwire.settings import Settings

REPORTS = [
    {"url": "https://ledger.example/acme", "published": "2024-03-12", "title": "Acme buys Widget Holdings",
     "text": "Acme Corp agreed to buy Widget Holdings for $2.1 billion in cash on Tuesday, the companies said. "
             "Analysts welcomed the deal."},
    {"url": "https://wire.example/story/991", "published": "2024-03-13", "title": "Widget Holdings sold",
     "text": "Widget Holdings's board approved the sale. Acme Corp will buy Widget Holdings for about $2.2 billion, "
             "according to Reuters."},
    {"url": "https://other.example/a", "published": "2024-03-14", "title": "Unrelated",
     "text": "Globex Inc bought Initech for $300 million in a deal announced on Thursday."},
    # the same parties and kind in the same year, but another price: another deal
    {"url": "https://other.example/b", "published": "2024-09-02", "title": "Globex again",
     "text": "Globex Inc bought Initech for $45 million on Monday, after a court ordered the first sale undone."},
    # no value: the report goes with the valued one published nearest to it
    {"url": "https://third.example/c", "published": "2024-03-15", "title": "Globex",
     "text": "Globex Inc bought Initech this week, the companies said."},
]


def _snapshot_of(reports, folder):
    """Run the library path on ``reports`` (a JSON lines file) and open the published snapshot."""
    inputs = folder / "reports.jsonl"
    inputs.write_text("\n".join(json.dumps(r) for r in reports) + "\n", encoding="utf-8")
    settings = Settings.in_folder(folder / "w")
    run_pipeline([inputs], settings)
    return duckdb.connect(str(settings.warehouse_path.with_name("warehouse.snapshot.duckdb")), read_only=True)


@pytest.fixture(scope="module")
def marts(tmp_path_factory):
    con = _snapshot_of(REPORTS, tmp_path_factory.mktemp("marts"))
    yield con
    con.close()


def test_one_deal_reported_twice_is_one_row_with_both_values(marts):
    rows = marts.execute("""
        SELECT deal_kind, buyer, seller, corroborating_articles, first_reported::VARCHAR, first_outlet,
               list_sort(list_transform(values_reported, lambda v: v.value)), currency
        FROM fct_deals WHERE list_contains(parties, 'Widget Holdings') AND deal_kind = 'purchase'""").fetchall()
    assert rows == [("purchase", "Acme Corp", None, 2, "2024-03-12", "ledger.example", [2.1e9, 2.2e9], "USD")]  # Widget Holdings is bought, not the seller


def test_reports_keep_one_row_per_article(marts):
    reports = marts.execute("SELECT count(*), count(DISTINCT deal_key) FROM fct_deal_reports WHERE deal_kind = 'purchase' AND "
                            "list_contains(parties, 'Widget Holdings')").fetchone()
    assert reports == (2, 1)
    assert marts.execute("SELECT count(*) FROM fct_deal_reports WHERE list_contains(parties, 'Initech')").fetchone() == (3,)


def test_same_parties_kind_and_year_with_another_value_is_another_deal(marts):
    rows = marts.execute("""
        SELECT list_transform(values_reported, lambda v: v.value), corroborating_articles, first_reported::VARCHAR
        FROM fct_deals WHERE list_contains(parties, 'Initech') ORDER BY first_reported""").fetchall()
    assert rows == [([3e8], 2, "2024-03-14"), ([4.5e7], 1, "2024-09-02")]


def test_events_are_grouped_with_their_report_count(marts):
    grouped = marts.execute("SELECT sum(report_count) FROM fct_events").fetchone()[0]
    reports = marts.execute("SELECT count(*) FROM fct_event_reports").fetchone()[0]
    keys = marts.execute("SELECT count(DISTINCT event_key) FROM fct_event_reports").fetchone()[0]
    assert grouped == reports and marts.execute("SELECT count(*) FROM fct_events").fetchone()[0] == keys


ACTOR_REPORTS = [
    {"url": "https://arts.example/1", "published": "2024-05-01", "title": "Auction",
     "text": "A portrait by Andy Warhol sold for $2 million at auction in New York on Tuesday."},
    {"url": "https://arts.example/2", "published": "2024-05-02", "title": "Museum",
     "text": "The museum said Warhol had painted it in 1964, and the curator praised it."},
    {"url": "https://arts.example/3", "published": "2024-05-03", "title": "Two Lees",
     "text": "Spike Lee and Ang Lee met in London on Friday to discuss a film."},
    {"url": "https://arts.example/4", "published": "2024-05-04", "title": "Lee",
     "text": "Lee said the film would open in Paris next spring."},
]


@pytest.fixture(scope="module")
def actor_marts(tmp_path_factory):
    con = _snapshot_of(ACTOR_REPORTS, tmp_path_factory.mktemp("actor_marts"))
    yield con
    con.close()


def test_a_surname_alone_counts_as_the_one_person_of_that_name(actor_marts):
    people = dict(actor_marts.execute(
        "SELECT name, article_count FROM dim_actors WHERE actor_type = 'person'").fetchall())
    assert people.get("Andy Warhol") == 2 and "Warhol" not in people
    merged = actor_marts.execute("SELECT merged_actor_ids FROM dim_actors WHERE name = 'Andy Warhol'").fetchone()[0]
    assert merged and all(m != "andy-warhol" for m in merged)
    # the actors table keeps what each article said
    assert actor_marts.execute("SELECT count(*) FROM actors WHERE name = 'Warhol'").fetchone()[0] == 1


def test_a_surname_two_people_share_stays_its_own_actor(actor_marts):
    people = {r[0] for r in actor_marts.execute("SELECT name FROM dim_actors WHERE actor_type = 'person'").fetchall()}
    assert {"Spike Lee", "Ang Lee"} <= people and "Lee" in people
    pairs = actor_marts.execute("SELECT actor_a, actor_b FROM actor_pairs").fetchall()
    assert ("Andy Warhol", "New York") in pairs or ("New York", "Andy Warhol") in pairs


EVENING_REPORTS = [
    {"url": "https://a.example/1", "published": "2024-06-11", "title": "Raid",
     "text": "Police arrested Tom Reyes in Leeds on Monday night, officers said."},
    {"url": "https://b.example/2", "published": "2024-06-12", "title": "Arrest",
     "text": "Police arrested Tom Reyes in Leeds on Monday, a spokesman said."},
]


def test_a_part_of_a_day_is_that_day_for_the_same_event(tmp_path):
    con = _snapshot_of(EVENING_REPORTS, tmp_path)
    values = sorted(v for (v,) in con.execute("SELECT date_value FROM events WHERE event_type = 'arrest'").fetchall())
    assert values == ["2024-06-10", "2024-06-10TNI"]  # both reports dated, one by its part of the day
    assert con.execute("SELECT count(DISTINCT event_key) FROM fct_event_reports WHERE event_type = 'arrest'"
                       ).fetchone() == (1,)


SIGNING_REPORTS = [
    {"url": "https://a.example/signing", "published": "2024-06-11", "title": "Pact",
     "text": "Iran signed a defence agreement with Russia in Tehran on Monday, officials said."},
    {"url": "https://b.example/signing", "published": "2024-06-12", "title": "Pact signed",
     "text": "Russia and Iran signed a defence agreement in Tehran on Monday."},
    # a report dated only to the year is of the one event its actors' reports date within it...
    {"url": "https://c.example/pact", "published": "2024-06-20", "title": "Looking back",
     "text": "Iran signed a defence agreement with Russia in 2024, officials said."},
    # ...and of none when they date two
    {"url": "https://d.example/m1", "published": "2024-06-20", "title": "Talks",
     "text": "Germany and France met in Paris in March 2024."},
    {"url": "https://d.example/m2", "published": "2024-06-21", "title": "More talks",
     "text": "Germany and France met in Paris in May 2024."},
    {"url": "https://d.example/m3", "published": "2024-06-22", "title": "A year of talks",
     "text": "Germany and France met in Paris in 2024."},
]


def test_an_event_done_together_is_one_event_whichever_side_a_report_names_first(tmp_path):
    con = _snapshot_of(SIGNING_REPORTS, tmp_path)
    sides = sorted(con.execute("SELECT subject_actor_id, object_actor_id FROM events WHERE event_type = 'sign'").fetchall())
    assert sides == [("iran", "russia"), ("iran", "russia"), ("russia", "iran")]  # each report keeps its own order
    rows = con.execute("SELECT subject, object, date_value, report_count, article_count FROM fct_events "
                       "WHERE event_type = 'sign'").fetchall()
    assert rows == [("Iran", "Russia", "2024-06-10", 3, 3)]  # the sides as the first report names them; the finest date
    meetings = con.execute("SELECT date_value, report_count FROM fct_events WHERE event_type = 'meet' ORDER BY date_value").fetchall()
    assert meetings == [("2024", 1), ("2024-03", 1), ("2024-05", 1)]
    # an event of one side upon another keeps its direction: the macro names only the types done together
    assert con.execute("SELECT symmetric_event('sign'), symmetric_event('attack')").fetchone() == (True, False)
