"""An actor named from the text takes the spelling most of its mentions use; curated names stay."""

from __future__ import annotations

import json

import duckdb

from factwire.pipeline import run_pipeline
from factwire.settings import Settings

FIRST = [{"published": "2024-05-01", "title": "Vandelay",
          "text": "Jose Ramirez, the chief executive of Vandelay Industries, said on Monday that sales rose. "
                  "Nestle shares fell."}]
LATER = [{"published": "2024-05-02", "title": "Hiring",
          "text": "José Ramírez told investors in Chicago that the company would hire 200 workers. "
                  "Ramírez spoke after Nestle reported results."},
         {"published": "2024-05-03", "title": "Factory",
          "text": "Shares of Vandelay Industries rose after José Ramírez announced a new factory in Ohio."}]


def _write(path, articles):
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _actors(settings):
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return {r[0]: (r[1], r[2]) for r in con.execute("SELECT actor_id, name, name_source FROM actors").fetchall()}
    finally:
        con.close()


def test_names_follow_the_most_used_spelling_and_curated_names_stay(tmp_path):
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([_write(tmp_path / "first.jsonl", FIRST)], settings)
    first = _actors(settings)
    assert first["jose-ramirez"] == ("Jose Ramirez", "text")  # the only spelling seen so far
    assert first["nestle"] == ("Nestlé", "alias table")

    run_pipeline([_write(tmp_path / "later.jsonl", LATER)], settings)
    later = _actors(settings)
    assert later["jose-ramirez"] == ("José Ramírez", "text")  # two mentions to one; "Ramírez" is no spelling of it
    assert later["nestle"] == ("Nestlé", "alias table")  # spelled "Nestle" twice, but curated
    assert later["vandelay-industries"] == ("Vandelay Industries", "text")

    con = duckdb.connect(str(settings.warehouse_path.with_name("warehouse.snapshot.duckdb")), read_only=True)
    assert con.execute("SELECT name FROM dim_actors WHERE actor_id = 'jose-ramirez'").fetchall() == [("José Ramírez",)]
    con.close()

    summary = run_pipeline([tmp_path / "first.jsonl", tmp_path / "later.jsonl"], settings)
    assert summary.articles_new == 0 and _actors(settings) == later  # a re-run changes nothing


def test_a_tie_keeps_the_current_name(tmp_path):
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([_write(tmp_path / "first.jsonl", FIRST)], settings)
    run_pipeline([_write(tmp_path / "one.jsonl", LATER[1:])], settings)  # one "José Ramírez" to one "Jose Ramirez"
    assert _actors(settings)["jose-ramirez"] == ("Jose Ramirez", "text")


def test_counts_by_actor_are_not_split_across_short_forms(tmp_path):
    articles = [
        {"published": "2024-05-06", "title": "Cuts",
         "text": "General Motors Corp. said on Monday it would cut 2,000 jobs. Republicans in Congress "
                 "criticised the plan, and the GOP leader called it a mistake."},
        {"published": "2024-05-07", "title": "Sales",
         "text": "GM shares rose after General Motors reported higher sales. Democrats said the "
                 "Republican plan would hurt workers."},
    ]
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([_write(tmp_path / "a.jsonl", articles)], settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        counts = dict(con.execute("SELECT actor_id, count(*) FROM actor_mentions GROUP BY actor_id").fetchall())
        names = dict(con.execute("SELECT actor_id, name FROM actors").fetchall())
    finally:
        con.close()
    assert counts["general-motors"] == 3 and names["general-motors"] == "General Motors"
    assert counts["republican-party"] == 3 and counts["democratic-party"] == 1
    assert not {"motors", "gm", "gop", "republicans", "republican", "democrats"} & set(counts)
