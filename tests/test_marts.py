"""Cross-article marts: one deal reported by several outlets is one row; events are grouped."""

from __future__ import annotations

import json

import duckdb
import pytest

from factwire.pipeline import run_pipeline
from factwire.settings import Settings

REPORTS = [
    {"url": "https://ledger.example/acme", "published": "2024-03-12", "title": "Acme buys WidgetCo",
     "text": "Acme Corp agreed to buy WidgetCo for $2.1 billion in cash on Tuesday, the companies said. "
             "Analysts welcomed the deal."},
    {"url": "https://wire.example/story/991", "published": "2024-03-13", "title": "WidgetCo sold",
     "text": "WidgetCo's board approved the sale. Acme Corp will buy WidgetCo for about $2.2 billion, "
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


@pytest.fixture(scope="module")
def marts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marts")
    inputs = folder / "reports.jsonl"
    inputs.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    settings = Settings.in_folder(folder / "w")
    run_pipeline([inputs], settings)
    con = duckdb.connect(str(settings.warehouse_path.with_name("warehouse.snapshot.duckdb")), read_only=True)
    yield con
    con.close()


def test_one_deal_reported_twice_is_one_row_with_both_values(marts):
    rows = marts.execute("""
        SELECT deal_kind, buyer, seller, corroborating_articles, first_reported::VARCHAR, first_outlet,
               list_sort(list_transform(values_reported, lambda v: v.value)), currency
        FROM fct_deals WHERE list_contains(parties, 'WidgetCo') AND deal_kind = 'purchase'""").fetchall()
    assert rows == [("purchase", "Acme Corp", None, 2, "2024-03-12", "ledger.example", [2.1e9, 2.2e9], "USD")]  # WidgetCo is bought, not the seller


def test_reports_keep_one_row_per_article(marts):
    reports = marts.execute("SELECT count(*), count(DISTINCT deal_key) FROM fct_deal_reports WHERE deal_kind = 'purchase' AND "
                            "list_contains(parties, 'WidgetCo')").fetchone()
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
