"""The dashboard: its queries on the seed warehouse, its pages under Streamlit's test harness,
and the real app in headless Chromium, also while a run loads into the same warehouse."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("streamlit", reason="the dashboard extra is not installed: pip install -e '.[dashboard]'")

from streamlit.testing.v1 import AppTest  # noqa: E402

from factwire.dashboard import queries  # noqa: E402
from factwire.dashboard.app import snapshot_path  # noqa: E402
from factwire.dashboard.highlight import highlight_html  # noqa: E402

from conftest import ROOT, SEEDS  # noqa: E402
from headless_chromium import CHROMIUM, Chromium  # noqa: E402

APP = ROOT / "factwire" / "dashboard" / "app.py"
SEED_ARTICLES = len(list(SEEDS.glob("*.txt")))  # 11
IRAN_ARTICLE_TITLE = "Putin could send troops to Iran%"


@pytest.fixture
def con(seed_warehouse):
    connection = queries.open_snapshot(seed_warehouse.snapshot_path)
    yield connection
    connection.close()


def _iran_article_id(con) -> str:
    return con.execute("SELECT article_id FROM articles WHERE title LIKE ?", [IRAN_ARTICLE_TITLE]).fetchone()[0]


# -- queries -----------------------------------------------------------------------------------
def test_overview_counts(con):
    counts = queries.overview_counts(con)
    assert counts["articles"] == SEED_ARTICLES == 11
    assert counts["deals"] >= 5 and counts["amounts"] >= 50 and counts["actors"] >= 50
    daily = queries.daily_counts(con)
    assert daily["articles"].sum() == 11
    assert list(daily["published_date"].dropna()) == sorted(daily["published_date"].dropna())
    runs = queries.recent_runs(con)
    assert list(runs["status"]) == ["succeeded"] and runs["articles_new"][0] == 11


def test_the_iran_russia_purchase_is_a_deal_in_eur(con):
    found = queries.deals(con, actor="Iran", kind="purchase")
    rows = found[(found["value"] == 500_000_000) & (found["currency"] == "EUR")]
    assert len(rows) == 1, found
    deal = rows.iloc[0]
    assert list(deal["parties"]) == ["Iran", "Russia"]
    assert (deal["buyer"], deal["seller"], deal["value_eur"]) == ("Iran", "Russia", 500_000_000)
    assert queries.support_column(found) == "corroborating_articles" and deal["corroborating_articles"] >= 1


def test_deal_filters(con):
    everything = queries.deals(con)
    assert len(everything) == queries.overview_counts(con)["deals"]
    for _, deal in queries.deals(con, actor="Russia").iterrows():
        assert "Russia" in list(deal["parties"])
    assert set(queries.deals(con, kind="loan")["deal_kind"]) == {"loan"}
    assert "purchase" in queries.deal_kinds(con) and "Iran" in queries.deal_parties(con)
    first, last = queries.deal_date_bounds(con)
    assert last.isoformat() == "2026-03-12"
    before_2026 = queries.deals(con, actor="Iran", reported_from=first, reported_to=last.replace(year=2025))
    assert before_2026.empty
    only_2008 = queries.deals(con, reported_from=last.replace(2008, 1, 1), reported_to=last.replace(2008, 12, 31))
    assert len(only_2008) >= 1 and all(d.year == 2008 for d in only_2008["first_reported"])


def test_support_column_prefers_corroborating_articles():
    import pandas as pd
    assert queries.support_column(pd.DataFrame(columns=["deal_id", "mention_count"])) == "mention_count"
    assert queries.support_column(pd.DataFrame(columns=["mention_count", "corroborating_articles"])) \
        == "corroborating_articles"


def test_actors_ranked_and_paired(con):
    top = queries.top_actors(con, limit=3)
    assert "Russia" in list(top["name"])
    assert list(top["mention_count"]) == sorted(top["mention_count"], reverse=True)
    pairs = queries.actor_pairs(con, limit=None)
    assert list(pairs["article_count"]) == sorted(pairs["article_count"], reverse=True)
    names = {frozenset((a, b)) for a, b in zip(pairs["actor_a"], pairs["actor_b"])}
    assert frozenset(("Iran", "Russia")) in names
    assert (pairs["actor_id_a"] < pairs["actor_id_b"]).all()
    iran = con.execute("SELECT actor_id FROM dim_actors WHERE name = 'Iran'").fetchone()[0]
    iran_pairs = queries.actor_pairs(con, limit=None, actor_id=iran)
    assert len(iran_pairs) and ((iran_pairs["actor_id_a"] == iran) | (iran_pairs["actor_id_b"] == iran)).all()


def test_an_actors_quotes(con):
    zelensky = con.execute("SELECT actor_id FROM dim_actors WHERE name = 'Volodymyr Zelensky'").fetchone()[0]
    quotes = queries.actor_quotes(con, zelensky)
    assert len(quotes) == 2
    assert any(q.startswith("Just like it happened with Russia") for q in quotes["quote_text"])


def test_money_counts_and_units(con):
    by_currency = queries.money_by_currency(con)
    eur = by_currency[by_currency["currency"] == "EUR"].iloc[0]
    assert eur["total_value"] == eur["total_eur"] == 500_000_000
    assert set(by_currency["currency"].dropna()) >= {"USD", "EUR", "GBP", "RUB"}
    assert queries.money_total_eur(con) == pytest.approx(by_currency["total_eur"].sum())
    by_actor = queries.money_by_actor(con, limit=None)
    iran = by_actor[by_actor["actor"] == "Iran"].iloc[0]
    assert iran["total_eur"] >= 500_000_000  # "around €500 million" is in a sentence naming Iran
    units = queries.counts_by_unit(con)
    soldiers = units[units["unit"] == "soldiers"].iloc[0]
    assert soldiers["total_value"] >= 10_000


def test_article_facts_point_into_the_text(con):
    article_id = _iran_article_id(con)
    text = queries.article(con, article_id)["text"]
    facts = queries.article_facts(con, article_id)
    assert set(facts["kind"]) == {"mention", "amount", "date", "quote"}
    for fact in facts.itertuples():
        assert text[fact.start_char:fact.end_char] == fact.text, fact
        assert fact.sentence, fact
    money = facts[facts["text"] == "around €500 million"].iloc[0]
    assert money["label"] == "money: ~500,000,000 EUR"
    assert queries.article(con, "no-such-article") is None


def test_highlight_nests_overlapping_facts_and_escapes():
    text = 'He said "Iran & <Russia> paid €5m" today.'
    facts = [{"kind": "quote", "start_char": 8, "end_char": 34, "label": "quote by X"},
             {"kind": "mention", "start_char": 9, "end_char": 13, "label": "Iran (country)"},
             {"kind": "mention", "start_char": 17, "end_char": 23, "label": "Russia (country)"},
             {"kind": "amount", "start_char": 30, "end_char": 33, "label": 'money: 5,000,000 "EUR"'},
             {"kind": "date", "start_char": 35, "end_char": 99, "label": "beyond the text: ignored"}]
    page = highlight_html(text, facts)
    assert "<" + "Russia" not in page and "&amp; &lt;" in page and "&gt; paid" in page
    assert 'title="quote: quote by X\nmention: Iran (country)"' not in page  # innermost first
    assert 'data-kinds="mention quote" title="mention: Iran (country)\nquote: quote by X"' in page
    assert 'title="amount: money: 5,000,000 &quot;EUR&quot;\nquote: quote by X"' in page
    assert "beyond the text" not in page and page.count('class="fact"') == 7


def test_a_reader_sees_the_latest_published_snapshot(seed_warehouse, tmp_path):
    """A connection still open on the old file must not hide a newly published one."""
    snapshot = tmp_path / "warehouse.snapshot.duckdb"
    shutil.copyfile(seed_warehouse.snapshot_path, snapshot)
    newer = tmp_path / "newer.duckdb"
    shutil.copyfile(seed_warehouse.snapshot_path, newer)
    with duckdb.connect(str(newer)) as writer:
        writer.execute("DELETE FROM articles WHERE title LIKE ?", [IRAN_ARTICLE_TITLE])
    old = queries.open_snapshot(snapshot)
    os.replace(newer, snapshot)  # what Warehouse.publish does
    new = queries.open_snapshot(snapshot)
    try:
        assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 11
        assert new.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
        with pytest.raises(duckdb.Error):
            new.execute("CREATE TABLE scratch (x INTEGER)")
        # A missing view is an error, never a Python object of that name (a replacement scan).
        with pytest.raises(duckdb.CatalogException):
            new.execute("SELECT * FROM top_actors")
    finally:
        old.close()
        new.close()
    with pytest.raises(FileNotFoundError):
        queries.open_snapshot(tmp_path / "absent.snapshot.duckdb")


def test_the_warehouse_path_comes_from_the_argument_or_the_environment(monkeypatch):
    monkeypatch.setenv("FACTWIRE_WAREHOUSE", "/srv/env/warehouse.duckdb")
    assert snapshot_path([]) == Path("/srv/env/warehouse.snapshot.duckdb")
    assert snapshot_path(["--warehouse", "x/wh.duckdb"]) == Path("x/wh.snapshot.duckdb")
    monkeypatch.delenv("FACTWIRE_WAREHOUSE")
    monkeypatch.setenv("FACTWIRE_DATA_DIR", "/srv/data")
    assert snapshot_path(["-q", "--warehou", "ignored"]) == Path("/srv/data/warehouse.snapshot.duckdb")


# -- pages under AppTest -----------------------------------------------------------------------
@pytest.fixture
def app(seed_warehouse, monkeypatch):
    monkeypatch.setenv("FACTWIRE_WAREHOUSE", str(seed_warehouse.path))

    def run(page: str, **params) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(page=page, **params)
        at.run()
        _assert_no_errors(at)
        return at

    return run


def _assert_no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_page(app, con):
    at = app("Overview")
    assert at.title[0].value == "Overview"
    counts = queries.overview_counts(con)
    assert _metrics(at) == {"Articles": "11", "Actors": f"{counts['actors']:,}",
                            "Deals": f"{counts['deals']:,}", "Amounts": f"{counts['amounts']:,}"}
    runs = at.dataframe[-1].value
    assert list(runs["status"]) == ["succeeded"] and runs["articles_new"][0] == 11


def test_deals_page_and_its_filters(app, con):
    at = app("Deals")
    assert _metrics(at)["Deals shown"] == str(queries.overview_counts(con)["deals"])
    table = at.dataframe[0].value
    purchase = table[(table["parties"] == "Iran, Russia") & (table["value_eur"] == 500_000_000)]
    assert list(purchase["currency"]) == ["EUR"] and list(purchase["deal_kind"]) == ["purchase"]
    assert {"corroborating_articles", "latest_status", "first_reported"} <= set(table.columns)

    at.selectbox(key="deal_actor").set_value("Iran").run()
    at.selectbox(key="deal_kind").set_value("purchase").run()
    _assert_no_errors(at)
    table = at.dataframe[0].value
    assert set(table["deal_kind"]) == {"purchase"} and all("Iran" in p for p in table["parties"])
    assert _metrics(at)["Value in EUR"] == "€500,000,000"

    first, last = queries.deal_date_bounds(con)
    at.date_input(key="deal_dates").set_value((first, last.replace(year=2025))).run()
    _assert_no_errors(at)
    assert _metrics(at)["Deals shown"] == "0"


def test_actors_page(app, con):
    at = app("Actors")
    metrics = _metrics(at)
    assert metrics["Most mentioned"] == queries.top_actors(con, limit=1)["name"][0]
    top = at.dataframe[0].value
    assert "Russia" in list(top["name"][:3]) and list(top["rank"][:3]) == [1, 2, 3]
    assert len(at.dataframe[1].value) > 0  # pairs

    iran = con.execute("SELECT actor_id FROM dim_actors WHERE name = 'Iran'").fetchone()[0]
    at.selectbox(key="actor").set_value(iran).run()
    _assert_no_errors(at)
    partners = at.dataframe[-1].value
    assert "Russia" in list(partners["named with"])

    zelensky = con.execute("SELECT actor_id FROM dim_actors WHERE name = 'Volodymyr Zelensky'").fetchone()[0]
    at.selectbox(key="actor").set_value(zelensky).run()
    quotes = next(df.value for df in at.dataframe if "quote_text" in df.value.columns)
    assert len(quotes) == 2


def test_amounts_page(app, con):
    at = app("Amounts")
    assert _metrics(at)["Money in EUR"] == f"€{queries.money_total_eur(con):,.0f}"
    by_currency, by_actor, by_unit = (df.value for df in at.dataframe)
    assert by_currency.set_index("currency").loc["EUR", "total_eur"] == 500_000_000
    assert "Iran" in list(by_actor["actor"]) or len(by_actor) == 20
    assert "soldiers" in list(by_unit["unit"])


def test_article_page_highlights_the_facts(app, con):
    article_id = _iran_article_id(con)
    at = app("Article", article=article_id)
    assert at.selectbox(key="article").value == article_id
    facts = queries.article_facts(con, article_id)
    assert _metrics(at) == {label: str(int((facts["kind"] == kind).sum())) for label, kind in
                            [("Mentions", "mention"), ("Amounts", "amount"), ("Dates", "date"), ("Quotes", "quote")]}
    text_html = next(h.value for h in at.html if "factwire-article" in h.value)
    assert 'title="amount: money: ~500,000,000 EUR"' in text_html
    assert 'data-kinds="mention quote" title="mention: Russia (country)\nquote: quote by Volodymyr Zelensky"' in text_html
    evidence = at.dataframe[0].value
    assert len(evidence) == len(facts) and evidence["sentence"].notna().all()


def test_a_missing_value_is_an_empty_cell_not_none(app, con):
    """A deal without a known buyer, seller, item or value: Streamlit draws a missing value as
    "None" unless told otherwise; every table of every page shows an empty cell."""
    deals = app("Deals").dataframe[0]
    table = deals.value
    for column in ("buyer", "seller", "item", "value", "value_eur"):
        assert table[column].isna().any(), column  # the seed deals have such gaps
    assert _shows_missing_as_empty(deals)
    for page in ("Overview", "Actors", "Amounts"):
        frames = app(page).dataframe
        assert frames and all(_shows_missing_as_empty(frame) for frame in frames), page
    frames = app("Article", article=_iran_article_id(con)).dataframe
    assert frames and all(_shows_missing_as_empty(frame) for frame in frames)


def _shows_missing_as_empty(frame) -> bool:
    """The table's placeholder for a missing value is set, and is the empty string (unset, the
    browser draws "None")."""
    return frame.proto.HasField("placeholder") and frame.proto.placeholder == ""


def test_without_a_snapshot_the_app_says_how_to_make_one(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTWIRE_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    _assert_no_errors(at)
    assert "No warehouse snapshot yet" in at.info[0].value and "make run" in at.info[0].value
    assert not (tmp_path / "warehouse.snapshot.duckdb").exists() and not (tmp_path / "warehouse.duckdb").exists()


# -- the real app in headless Chromium ---------------------------------------------------------
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: `make browser`")

METRICS_JS = ("Object.fromEntries(Array.from(document.querySelectorAll('[data-testid=\"stMetric\"]'))"
              ".map(m => [m.querySelector('[data-testid=\"stMetricLabel\"]').innerText.trim(),"
              " m.querySelector('[data-testid=\"stMetricValue\"]').innerText.trim()]))")
# Data frames are drawn on a canvas; their visible cells are also in the DOM, for screen readers.
CELLS_JS = "Array.from(document.querySelectorAll('[data-testid^=\"glide-cell-\"]')).map(c => c.textContent)"
ERRORS_JS = ("Array.from(document.querySelectorAll('[data-testid=\"stException\"], "
             "[data-testid=\"stAlertContentError\"]')).map(e => e.innerText)"
             ".concat(document.body.innerText.includes('Connection error') ? ['Connection error'] : [])")


def _copy_warehouse(seed_warehouse, folder: Path) -> Path:
    """A private copy of the seed warehouse (working file, snapshot and lake) to write into."""
    folder.mkdir(parents=True)
    shutil.copyfile(seed_warehouse.path, folder / "warehouse.duckdb")
    shutil.copyfile(seed_warehouse.snapshot_path, folder / "warehouse.snapshot.duckdb")
    shutil.copytree(seed_warehouse.lake_dir, folder / "lake")
    return folder / "warehouse.duckdb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def start_dashboard(tmp_path):
    """Start `streamlit run` on the app for a warehouse; returns the base URL. Stopped after."""
    started = []

    def start(warehouse: Path) -> str:
        port = _free_port()
        home = tmp_path / f"home-{port}"
        home.mkdir()
        log = open(tmp_path / f"streamlit-{port}.log", "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTWIRE_")}
        env["HOME"] = str(home)  # streamlit keeps its files under ~/.streamlit
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--", "--warehouse", str(warehouse)],
            cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        started.append((process, log))
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        return url
            except OSError:
                pass  # not listening yet
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not become healthy: {(tmp_path / f'streamlit-{port}.log').read_text()}")
            time.sleep(0.3)

    yield start
    for process, log in started:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=15)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
        log.close()


@pytest.fixture
def browser(tmp_path):
    chromium = Chromium(tmp_path / "chromium-profile", window=(1280, 1000))
    yield chromium
    chromium.close()


def _render(browser: Chromium, url: str, expect_js: str, timeout: float = 60) -> dict[str, str]:
    """Open a page, wait until ``expect_js`` holds and the page has settled; return its metrics."""
    browser.goto("about:blank")
    browser.goto(url)
    browser.wait_for(expect_js, timeout=timeout)
    browser.wait_for("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    assert browser.evaluate(ERRORS_JS) == []
    return browser.evaluate(METRICS_JS)


@pytest.mark.browser
@needs_chromium
def test_every_page_renders_in_a_browser(seed_warehouse, start_dashboard, browser, con, tmp_path):
    url = start_dashboard(_copy_warehouse(seed_warehouse, tmp_path / "warehouse"))
    counts = queries.overview_counts(con)
    has_metrics = "document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= {}"

    charts_drawn = "document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, [data-testid=\"stVegaLiteChart\"] svg').length >= 2"
    metrics = _render(browser, f"{url}/?page=Overview", has_metrics.format(4) + " && " + charts_drawn)
    assert metrics == {"Articles": "11", "Actors": f"{counts['actors']:,}", "Deals": f"{counts['deals']:,}",
                       "Amounts": f"{counts['amounts']:,}"}
    browser.screenshot(tmp_path / "overview.png")

    metrics = _render(browser, f"{url}/?page=Deals", has_metrics.format(3)
                      + f" && {CELLS_JS}.includes('Iran, Russia')")
    assert metrics["Deals shown"] == f"{counts['deals']:,}"
    browser.screenshot(tmp_path / "deals.png")

    metrics = _render(browser, f"{url}/?page=Actors", has_metrics.format(3)  # and the ranked list:
                      + f" && {CELLS_JS}.includes('Russia')")
    assert metrics["Most mentioned"] == queries.top_actors(con, limit=1)["name"][0]
    browser.screenshot(tmp_path / "actors.png")

    metrics = _render(browser, f"{url}/?page=Amounts", has_metrics.format(2))
    assert metrics["Money in EUR"] == f"€{queries.money_total_eur(con):,.0f}"
    browser.screenshot(tmp_path / "amounts.png")

    article_id = _iran_article_id(con)
    _render(browser, f"{url}/?page=Article&article={article_id}", "!!document.querySelector('span.fact')")
    money = browser.evaluate("Array.from(document.querySelectorAll('span.fact'))"
                             ".filter(s => s.title.includes('money: ~500,000,000 EUR')).map(s => s.innerText).join('')")
    assert money == "around €500 million"
    kinds = browser.evaluate("Array.from(document.querySelectorAll('span.fact')).map(s => s.dataset.kinds).join(' ')")
    assert {"mention", "amount", "date", "quote"} <= set(kinds.split())
    browser.screenshot(tmp_path / "article.png")

    for name in ("overview", "deals", "actors", "amounts", "article"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000, name


@pytest.mark.browser
@needs_chromium
def test_the_dashboard_keeps_working_while_a_run_loads(seed_warehouse, start_dashboard, browser, tmp_path):
    """The run is held mid-load (its transaction open on the working file, at the test hook
    `factwire.faults.checkpoint("load")`) while the dashboard is queried, then let go."""
    from factwire.faults import PAUSE_AT, PAUSED_FILE

    warehouse = _copy_warehouse(seed_warehouse, tmp_path / "warehouse")
    url = start_dashboard(warehouse)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({
        "title": "Russia and Iran sign a grain deal", "published": "2026-03-20",
        "text": "Russia agreed to sell grain worth $200 million to Iran, officials in Moscow said on Friday. "
                "The deal was signed in Tehran on March 18, 2026."}), encoding="utf-8")
    paused = tmp_path / "paused"
    env = {**os.environ, "FACTWIRE_WAREHOUSE": str(warehouse), "FACTWIRE_LAKE": str(warehouse.parent / "lake"),
           PAUSE_AT: "load", PAUSED_FILE: str(paused)}
    log = open(tmp_path / "run.log", "wb")
    run = subprocess.Popen([str(Path(sys.executable).parent / "factwire"), "run", str(extra)], env=env,
                           cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    overview = "document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= 4"
    try:
        deadline = time.monotonic() + 300
        while not paused.exists():  # the run reaches its load and waits there
            assert run.poll() is None, f"the run ended without pausing: {(tmp_path / 'run.log').read_text()}"
            assert time.monotonic() < deadline, "the run did not reach its load in 300 s"
            time.sleep(0.05)
        assert paused.read_text().split()[1] == "load"
        for _ in range(2):  # every page answers meanwhile, from the last published snapshot
            assert _render(browser, f"{url}/?page=Overview", overview)["Articles"] == "11"
            _render(browser, f"{url}/?page=Deals", f"{CELLS_JS}.includes('Iran, Russia')")
        assert run.poll() is None  # still held: what the dashboard showed was read during the load
        paused.unlink()  # let the run finish its load and publish
        assert run.wait(timeout=300) == 0, (tmp_path / "run.log").read_text()
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
        log.close()
    metrics = _render(browser, f"{url}/?page=Overview", overview)
    assert metrics["Articles"] == "12"  # a reload shows the run's article, all of it at once
    _render(browser, f"{url}/?page=Deals", f"{CELLS_JS}.includes('Iran, Russia')")
    browser.screenshot(tmp_path / "deals-after-run.png")


def test_the_dashboard_reads_only_the_marts_in_sql_views():
    import re

    from factwire.dashboard import queries
    from factwire.warehouse.store import SQL_DIR

    source = Path(queries.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)\b", source))
    views = {p.stem for p in (SQL_DIR / "views").glob("*.sql")}
    assert read and read <= views, read - views


def test_a_price_per_unit_is_no_sum_of_money(con):
    """"£0.79 per song" is a price: kept with what it is paid per, left out of money totals."""
    prices = con.execute("SELECT unit, value FROM fct_amounts WHERE amount_kind = 'money' "
                         "AND currency = 'GBP' AND unit LIKE 'per %' ORDER BY unit").fetchall()
    assert prices == [("per album", 7.99), ("per song", 0.79)]
    every = con.execute("SELECT count(*), sum(value) FROM fct_amounts "
                        "WHERE amount_kind = 'money' AND currency = 'GBP'").fetchone()
    gbp = queries.money_by_currency(con).set_index("currency").loc["GBP"]
    assert gbp["amounts"] == every[0] - 2
    assert gbp["total_value"] == pytest.approx(every[1] - 7.99 - 0.79)
