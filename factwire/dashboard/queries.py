"""What the dashboard shows, as plain functions of a read-only DuckDB connection.

Every query reads only the views in ``sql/views/``, with values bound as parameters. Frames are returned whole (``SELECT *`` from a view
where the caller picks columns by name), so a view that gains a column breaks nothing here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from factwire.warehouse import store


def open_snapshot(snapshot_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A fresh read-only connection to the published warehouse snapshot (see
    `factwire.warehouse.store.open_snapshot`)."""
    return store.open_snapshot(snapshot_path)


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


# -- Overview ----------------------------------------------------------------------------------
def overview_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Articles, actors named at least once, deals and amounts in the warehouse."""
    row = con.execute(
        "SELECT (SELECT coalesce(sum(articles), 0) FROM daily_counts), "
        "(SELECT count(*) FROM dim_actors WHERE mention_count > 0), "
        "(SELECT count(*) FROM fct_deals), (SELECT count(*) FROM fct_amounts)").fetchone()
    return dict(zip(("articles", "actors", "deals", "amounts"), (int(v) for v in row)))


def daily_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Articles and facts per publication date, oldest first (undated articles last)."""
    return _frame(con, "SELECT * FROM daily_counts ORDER BY published_date NULLS LAST")


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pd.DataFrame:
    """The latest runs, newest first, with their status and counts."""
    return _frame(con, "SELECT * FROM fct_runs ORDER BY started_at DESC LIMIT ?", [limit])


# -- Deals -------------------------------------------------------------------------------------
def deal_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT deal_kind FROM fct_deals ORDER BY 1").fetchall()]


def deal_parties(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every actor that is a party to at least one deal, by name."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT unnest(parties) AS name FROM fct_deals ORDER BY name").fetchall()]


def deal_date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last date a deal was first reported."""
    return tuple(con.execute("SELECT min(first_reported), max(first_reported) FROM fct_deals").fetchone())


def deals(con: duckdb.DuckDBPyConnection, actor: str | None = None, kind: str | None = None,
          reported_from: date | None = None, reported_to: date | None = None) -> pd.DataFrame:
    """Deals (one row per deal across the articles reporting it), latest first reported first;
    each filter applies only when given.

    ``actor`` matches a party by name; the date range is on the date the deal was first reported,
    inclusive, and leaves out deals reported only in undated articles when either end is given.
    """
    return _frame(con, """
        SELECT * FROM fct_deals
        WHERE (?::VARCHAR IS NULL OR list_contains(parties, ?::VARCHAR))
          AND (?::VARCHAR IS NULL OR deal_kind = ?::VARCHAR)
          AND (?::DATE IS NULL OR first_reported >= ?::DATE)
          AND (?::DATE IS NULL OR first_reported <= ?::DATE)
        ORDER BY first_reported DESC NULLS LAST, value_eur DESC NULLS LAST, deal_key
        """, [actor, actor, kind, kind, reported_from, reported_from, reported_to, reported_to])


def support_column(frame: pd.DataFrame) -> str:
    """The column that says how well a deal is supported: corroborating articles where the
    view has such a column, else the number of mentions in its article."""
    for column in frame.columns:
        if column.startswith("corroborat"):
            return column
    return "mention_count"


# -- Actors ------------------------------------------------------------------------------------
def top_actors(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    """Actors ranked by mentions, then by the articles naming them, then by name."""
    return _frame(con, "SELECT * FROM dim_actors WHERE mention_count > 0 "
                       "ORDER BY mention_count DESC, article_count DESC, name LIMIT ?", [limit])


def actor_pairs(con: duckdb.DuckDBPyConnection, limit: int = 20, actor_id: str | None = None) -> pd.DataFrame:
    """Pairs of actors named in the same article, ranked by how many articles name both;
    with ``actor_id``, only that actor's pairs."""
    return _frame(con, """
        SELECT * FROM actor_pairs
        WHERE ?::VARCHAR IS NULL OR ?::VARCHAR IN (actor_id_a, actor_id_b)
        ORDER BY article_count DESC, actor_a, actor_b LIMIT ?
        """, [actor_id, actor_id, limit])


def actor_quotes(con: duckdb.DuckDBPyConnection, actor_id: str) -> pd.DataFrame:
    """What an actor is quoted saying, newest article first."""
    return _frame(con, "SELECT * FROM fct_quotes WHERE speaker_actor_id = ? "
                       "ORDER BY published_date DESC NULLS LAST, quote_id", [actor_id])


# -- Amounts -----------------------------------------------------------------------------------
# Money that can be added up: a price paid per unit ("$70 a barrel", unit 'per barrel') is not.
_SUMS_OF_MONEY = "amount_kind = 'money' AND coalesce(unit, '') NOT LIKE 'per %'"


def money_by_currency(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Sums of money per currency: how many, their sum, and the sum in EUR where a rate is known
    (prices paid per unit, "$70 a barrel", are no sums and are left out)."""
    return _frame(con, f"""
        SELECT currency, count(*) AS amounts, sum(value) AS total_value, sum(value_eur) AS total_eur
        FROM fct_amounts WHERE {_SUMS_OF_MONEY}
        GROUP BY currency ORDER BY total_eur DESC NULLS LAST, currency NULLS LAST
        """)


def money_total_eur(con: duckdb.DuckDBPyConnection) -> float:
    """All sums of money in EUR (amounts in a currency without a rate, and prices, are left out)."""
    return float(con.execute(f"SELECT coalesce(sum(value_eur), 0) FROM fct_amounts "
                             f"WHERE {_SUMS_OF_MONEY}").fetchone()[0])


def money_by_actor(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    """Money per actor, where an amount belongs to every actor named in its sentence
    (view ``fct_money_actors``), ranked by the EUR total."""
    return _frame(con, """
        SELECT actor_id, actor, count(*) AS amounts, count(DISTINCT article_id) AS articles,
               sum(value_eur) AS total_eur
        FROM fct_money_actors
        GROUP BY actor_id, actor ORDER BY total_eur DESC NULLS LAST, actor LIMIT ?
        """, [limit])


def counts_by_unit(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Counts and physical quantities per unit ("soldiers", "companies", "point")."""
    return _frame(con, """
        SELECT amount_kind, unit, count(*) AS amounts, sum(value) AS total_value
        FROM fct_amounts WHERE amount_kind IN ('count', 'quantity')
        GROUP BY amount_kind, unit ORDER BY amounts DESC, amount_kind, unit NULLS LAST
        """)


# -- Article -----------------------------------------------------------------------------------
def article_choices(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every article's id, date and title, newest first."""
    return _frame(con, "SELECT article_id, published_date, title FROM dim_articles "
                       "ORDER BY published_date DESC NULLS LAST, title, article_id")


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One article's row (with its text), or None."""
    cursor = con.execute("SELECT * FROM dim_articles WHERE article_id = ?", [article_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row))


def article_facts(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """Mentions, amounts, dates and quotes of one article with their offsets, in text order.

    Columns: kind, fact_id, start_char, end_char, text, label (what the fact says), sentence.
    """
    return _frame(con, """
        SELECT kind, fact_id, start_char, end_char, text, label, sentence FROM fct_article_facts
        WHERE article_id = ? ORDER BY start_char, end_char DESC, kind""", [article_id])
