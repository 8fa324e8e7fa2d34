"""The factwire dashboard: overview, deals, actors, amounts and one article with its facts.

    streamlit run factwire/dashboard/app.py -- --warehouse data/warehouse.duckdb

It reads the published snapshot beside the warehouse (``warehouse.snapshot.duckdb``), never the
file a run writes: each page view opens the snapshot read-only, so a run loading meanwhile
neither blocks the dashboard nor shows it half a load. The warehouse path comes from
``--warehouse``, else ``FACTWIRE_WAREHOUSE``, else the default (``data/warehouse.duckdb``).
The page and the article are kept in the URL (``?page=Article&article=<id>``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from factwire.dashboard import queries
from factwire.dashboard.highlight import highlight_html, legend_html
from factwire.settings import Settings
from factwire.warehouse.store import Warehouse


def snapshot_path(argv: list[str]) -> Path:
    """The snapshot of the warehouse named by ``--warehouse`` or the settings."""
    parser = argparse.ArgumentParser(prog="factwire dashboard", allow_abbrev=False, add_help=False)
    parser.add_argument("--warehouse", type=Path)
    args, _ = parser.parse_known_args(argv)
    settings = Settings() if args.warehouse is None else Settings(warehouse_path=args.warehouse)
    return Warehouse(settings.warehouse_path, settings.lake_dir).snapshot_path


def _columns(frame: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """The wanted columns that the frame has, in that order (views may gain or lose columns)."""
    return frame[[c for c in dict.fromkeys(wanted) if c in frame.columns]]


def _has_items(values) -> bool:
    """A non-empty list (a NULL list arrives as None or pandas' NA)."""
    return hasattr(values, "__len__") and not isinstance(values, str) and len(values) > 0


def _joined(values) -> str:
    return ", ".join(str(v) for v in values) if _has_items(values) else ""


def _values(values) -> str:
    """Reported values ({value, currency} pairs) as "500,000,000 EUR; 0.5 billion USD"."""
    if not _has_items(values):
        return ""
    return "; ".join(f"{v['value']:,.0f} {v['currency'] or ''}".strip() for v in values)


def _day(value) -> str:
    return "undated" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _eur(value: float | None) -> str:
    return "–" if value is None or pd.isna(value) else f"€{value:,.0f}"


NUMBER = st.column_config.NumberColumn(format="localized")
EUR = st.column_config.NumberColumn(format="euro")
DAY = st.column_config.DateColumn(format="YYYY-MM-DD")
# Shared by every table: a setting for a column a table lacks is ignored.
COLUMNS = {"published_date": DAY, "first_reported": DAY, "first_seen_date": DAY, "last_seen_date": DAY,
           "value": NUMBER, "value_max": NUMBER, "total_value": NUMBER, "value_eur": EUR, "total_eur": EUR}


def _table(frame: pd.DataFrame, **column_config) -> None:
    """A table where a missing value (a deal without a known buyer, item or value) is an empty
    cell, not Streamlit's default "None"."""
    st.dataframe(frame, hide_index=True, column_config={**COLUMNS, **column_config}, placeholder="")


# -- pages -------------------------------------------------------------------------------------
def overview_page(con: duckdb.DuckDBPyConnection) -> None:
    st.title("Overview")
    counts = queries.overview_counts(con)
    for column, (label, key) in zip(st.columns(4), [("Articles", "articles"), ("Actors", "actors"),
                                                    ("Deals", "deals"), ("Amounts", "amounts")]):
        column.metric(label, f"{counts[key]:,}")

    st.subheader("Over time")
    daily = queries.daily_counts(con)
    dated = daily[daily["published_date"].notna()]
    if len(dated):
        # Months with articles only, as categories: news corpora are sparse in time.
        monthly = (dated.assign(month=pd.to_datetime(dated["published_date"]).dt.strftime("%Y-%m"))
                   .drop(columns="published_date").groupby("month", as_index=False).sum())
        facts = [c for c in monthly.columns if c not in ("month", "articles")]
        left, right = st.columns(2)
        left.bar_chart(monthly, x="month", y="articles", height=260)
        right.bar_chart(monthly, x="month", y=facts, height=260)
    st.caption("Articles (left) and facts by kind (right) per month of publication, months with "
               "articles only (view `daily_counts`).")
    with st.expander("Counts per date"):
        _table(daily)

    st.subheader("Last runs")
    runs = queries.recent_runs(con)
    if len(runs):
        last = runs.iloc[0]
        st.markdown(f"Last run **{last['status']}**, started {last['started_at']:%Y-%m-%d %H:%M} UTC.")
    runs = runs.assign(inputs=runs["inputs"].map(_joined)) if "inputs" in runs else runs
    _table(_columns(runs, ["started_at", "finished_at", "status", "articles_seen", "articles_new",
                           "articles_unchanged", "inputs_quarantined", "fetch_failures", "facts_loaded",
                           "error", "inputs", "run_id"]))


def deals_page(con: duckdb.DuckDBPyConnection) -> None:
    st.title("Deals")
    left, middle, right = st.columns(3)
    actor = left.selectbox("Party", ["All parties", *queries.deal_parties(con)], key="deal_actor")
    kind = middle.selectbox("Kind", ["All kinds", *queries.deal_kinds(con)], key="deal_kind")
    first, last = queries.deal_date_bounds(con)
    reported_from = reported_to = None
    if first is not None:
        chosen = right.date_input("First reported between", value=(first, last), min_value=first,
                                  max_value=last, key="deal_dates")
        # The full range means no date filter, so deals reported only undated stay in.
        if isinstance(chosen, (tuple, list)) and len(chosen) == 2 and tuple(chosen) != (first, last):
            reported_from, reported_to = chosen
    found = queries.deals(con, actor=None if actor == "All parties" else actor,
                          kind=None if kind == "All kinds" else kind,
                          reported_from=reported_from, reported_to=reported_to)

    a, b, c = st.columns(3)
    a.metric("Deals shown", f"{len(found):,}")
    b.metric("With a value", f"{int(found['value'].notna().sum()):,}")
    c.metric("Value in EUR", _eur(found["value_eur"].sum(min_count=1)))

    support = queries.support_column(found)
    shown = found.assign(**{column: found[column].map(_joined) for column in
                            ("parties", "statuses_reported", "citations") if column in found},
                         **({"values_reported": found["values_reported"].map(_values)}
                            if "values_reported" in found else {}))
    _table(
        _columns(shown, ["first_reported", "deal_kind", "parties", "buyer", "seller", "item", "value",
                         "currency", "value_eur", "latest_status", "status", support, "mention_count",
                         "values_reported", "statuses_reported", "first_outlet", "date_value",
                         "confidence", "description"]),
        latest_status=st.column_config.TextColumn("status"),
        **{support: st.column_config.NumberColumn(
            "corroborating articles" if support != "mention_count" else "mentions")})
    st.caption("One row per deal across the articles reporting it (view `fct_deals`): its latest "
               "reported value and status, every value and status reported, and how many articles "
               "corroborate it. Values in EUR use the latest known rate per currency (view `fx_latest`). "
               "Only deals whose confidence (the share of such rows found right on annotated news) reaches "
               "the display threshold FACTWIRE_DISPLAY_CONFIDENCE are shown; the `deals` table keeps every row.")


def actors_page(con: duckdb.DuckDBPyConnection) -> None:
    st.title("Actors")
    ranked = queries.top_actors(con, limit=None)
    if not len(ranked):
        st.info("No actor is mentioned yet.")
        return
    pairs = queries.actor_pairs(con, limit=25)
    a, b, c = st.columns(3)
    a.metric("Most mentioned", ranked.iloc[0]["name"], help=f"{ranked.iloc[0]['mention_count']} mentions")
    b.metric("Actors named", f"{len(ranked):,}")
    c.metric("Top pair", f"{pairs.iloc[0]['actor_a']} & {pairs.iloc[0]['actor_b']}" if len(pairs) else "–")

    st.subheader("Top actors")
    top = ranked.head(25).assign(aliases_seen=ranked["aliases_seen"].map(_joined))
    top.insert(0, "rank", range(1, len(top) + 1))
    _table(_columns(top, ["rank", "name", "actor_type", "country_code", "mention_count",
                          "article_count", "first_seen_date", "last_seen_date", "aliases_seen"]))

    st.subheader("Named together")
    st.caption("Pairs of actors named in the same article, by the number of such articles (view `actor_pairs`).")
    pairs.insert(0, "rank", range(1, len(pairs) + 1))
    _table(_columns(pairs, ["rank", "actor_a", "actor_b", "article_count", "first_seen_date",
                            "last_seen_date"]))

    st.subheader("One actor")
    names = dict(zip(ranked["actor_id"], ranked["name"]))
    actor_id = st.selectbox("Actor", list(names), format_func=names.get, key="actor")
    quotes = queries.actor_quotes(con, actor_id)
    st.markdown(f"**{len(quotes)}** quote(s) by this actor.")
    if len(quotes):
        _table(_columns(quotes, ["published_date", "quote_text", "article_id"]))
    partners = queries.actor_pairs(con, limit=10, actor_id=actor_id)
    if len(partners):
        other = partners.apply(lambda r: r["actor_b"] if r["actor_id_a"] == actor_id else r["actor_a"], axis=1)
        _table(pd.DataFrame({"named with": other, "articles": partners["article_count"]}))


def amounts_page(con: duckdb.DuckDBPyConnection) -> None:
    st.title("Amounts")
    by_currency = queries.money_by_currency(con)
    a, b = st.columns(2)
    a.metric("Money in EUR", _eur(queries.money_total_eur(con)),
             help="All money amounts converted at the latest known rate; amounts without a rate are left out.")
    b.metric("Currencies", f"{int(by_currency['currency'].notna().sum()):,}")

    st.subheader("Money by currency")
    _table(by_currency)

    st.subheader("Money by actor")
    st.caption("An amount counts for every actor named in the same sentence of its article "
               "(view `fct_money_actors`); it is not split between them, so the totals overlap.")
    _table(_columns(queries.money_by_actor(con), ["actor", "amounts", "articles", "total_eur"]))

    st.subheader("Counts and quantities by unit")
    _table(queries.counts_by_unit(con))


def article_page(con: duckdb.DuckDBPyConnection) -> None:
    st.title("Article")
    choices = queries.article_choices(con)
    if not len(choices):
        st.info("The warehouse holds no article yet.")
        return
    labels = {r.article_id: f"{_day(r.published_date)} · {r.title or r.article_id}"
              for r in choices.itertuples()}
    if st.session_state.get("article") not in labels:
        requested = st.query_params.get("article")
        st.session_state["article"] = requested if requested in labels else next(iter(labels))
    article_id = st.selectbox("Article", list(labels), format_func=labels.get, key="article")
    st.query_params["article"] = article_id

    row = queries.article(con, article_id)
    facts = queries.article_facts(con, article_id)
    st.caption(f"{_day(row.get('published_date'))} · {row.get('source_uri') or ''} · id {article_id}")
    columns = st.columns(4)
    for column, (label, kind) in zip(columns, [("Mentions", "mention"), ("Amounts", "amount"),
                                               ("Dates", "date"), ("Quotes", "quote")]):
        column.metric(label, f"{int((facts['kind'] == kind).sum()):,}")
    st.html(legend_html())
    st.html(highlight_html(row["text"], facts.to_dict("records")))

    st.subheader("Facts and their evidence")
    _table(_columns(facts, ["kind", "text", "label", "start_char", "end_char", "sentence"]))


PAGES = {"Overview": overview_page, "Deals": deals_page, "Actors": actors_page,
         "Amounts": amounts_page, "Article": article_page}


def main(argv: list[str]) -> None:
    st.set_page_config(page_title="factwire", layout="wide")
    path = snapshot_path(argv)
    if "page" not in st.session_state:
        requested = st.query_params.get("page")
        st.session_state["page"] = requested if requested in PAGES else "Overview"
    page = st.sidebar.radio("Page", list(PAGES), key="page")
    st.query_params["page"] = page

    if not path.exists():
        st.title("factwire")
        st.info(f"No warehouse snapshot yet at `{path}`. A run publishes it after each load: "
                "build one with `make run` (or `factwire run`), then reload this page.")
        return
    published = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    st.sidebar.caption(f"Reading `{path}`, published {published:%Y-%m-%d %H:%M:%S %Z}. "
                       "Reload to see a newer run.")
    con = queries.open_snapshot(path)
    try:
        PAGES[page](con)
    except (duckdb.CatalogException, duckdb.BinderException) as error:
        # A snapshot published by an older factwire has older views: each run recreates them.
        st.error("This warehouse snapshot lacks a view or column this page reads; each run creates "
                 f"the views in sql/views/, so run `factwire run` once to update them.\n\n{error}")
    finally:
        con.close()


main(sys.argv[1:])
