"""Turning one article and its extracted facts into rows for each warehouse table."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from factwire.articles import Article, Rejected


def fact_key(*parts: object) -> str:
    """A stable 16-hex-digit key from the parts that identify a row."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def period_start(value: str | None) -> date | None:
    """First day of the period a TIMEX3-style value names (2025-01 -> 2025-01-01)."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T(?:MO|AF|EV|NI|DT))?", value):  # a day, or a part of it
            return date.fromisoformat(value[:10])
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        match = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if match:  # a week from its Monday, its weekend from the Saturday
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 6 if match.group(3) else 1)
        match = re.fullmatch(r"(\d{4})-H([12])", value)
        if match:
            return date(int(match.group(1)), 6 * int(match.group(2)) - 5, 1)
        match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if match:
            return date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1)
        match = re.fullmatch(r"(\d{3})", value)
        if match:
            return date(int(value) * 10, 1, 1)
        if re.fullmatch(r"\d{2}", value):  # a century: "18" is the 1800s
            return date(int(value) * 100, 1, 1)
    except ValueError:
        return None
    return None


def article_row(article: Article, version: str, run_id: str, now: datetime,
                extraction_skipped: str | None = None, facts_dropped: int = 0) -> dict:
    """The ``articles`` row; ``extraction_skipped`` is why no facts were extracted, if none were."""
    return {
        "article_id": article.article_id, "text_sha256": article.text_hash, "title": article.title,
        "published_date": article.published, "url": article.url, "source_uri": article.source_uri,
        "source_format": article.source_format, "author": article.author, "site": article.site,
        "language": article.language, "cited_sources": list(article.cited_sources),
        "char_count": len(article.text), "simhash": article.simhash, "text": article.text, "extractor_version": version,
        "extraction_skipped": extraction_skipped, "facts_dropped": facts_dropped,
        "run_id": run_id, "ingested_at": now,
    }


def url_rows(article: Article, article_id: str, relation: str, run_id: str) -> list[dict]:
    """The URLs an article was met at (canonical and fetched), as ``article_urls`` rows."""
    urls = dict.fromkeys(u for u in (article.url, article.source_uri) if u and u.startswith(("http://", "https://")))
    return [{"url": u, "article_id": article_id, "relation": relation, "first_run_id": run_id} for u in urls]


def quarantine_row(rejected: Rejected, run_id: str, now: datetime) -> dict:
    return {
        "quarantine_id": fact_key(rejected.source_uri, rejected.reason, rejected.detail),
        "source_uri": rejected.source_uri, "reason": rejected.reason, "detail": rejected.detail,
        "run_id": run_id, "quarantined_at": now,
    }


def fact_rows(article_id: str, facts: dict, run_id: str) -> dict[str, list[dict]]:
    """Rows for every fact table from one article's ``factwire.extract`` output."""
    version = facts["extractor_version"]
    a = article_id
    rows: dict[str, list[dict]] = {}
    rows["actors"] = [
        {"actor_id": x["id"], "name": x["name"], "actor_type": x["type"], "country_code": x["country"],
         "first_run_id": run_id, "name_source": x["name_source"]}
        for x in facts["actors"]
    ]
    rows["actor_mentions"] = [
        {"mention_id": fact_key(a, "mention", m["start"], m["end"], m["actor_id"]), "article_id": a,
         "actor_id": m["actor_id"], "mention_text": m["text"], "start_char": m["start"],
         "end_char": m["end"], "sentence": m.get("sentence"), "extractor_version": version}
        for m in facts["mentions"]
    ]
    rows["amounts"] = [
        {"amount_id": fact_key(a, "amount", x["start"], x["end"], x["kind"]), "article_id": a,
         "amount_text": x["text"], "start_char": x["start"], "end_char": x["end"],
         "amount_kind": x["kind"], "value": x.get("value"), "value_max": x.get("value_max"),
         "currency": x.get("currency"), "unit": x.get("unit"),
         "approximate": bool(x.get("approximate")), "value_kind": x.get("value_kind"),
         "sentence": x.get("sentence"), "extractor_version": version}
        for x in facts["amounts"]
    ]
    rows["dates"] = [
        {"date_id": fact_key(a, "date", x["start"], x["end"]), "article_id": a, "date_text": x["text"],
         "start_char": x["start"], "end_char": x["end"], "date_value": x.get("value"),
         "date_precision": x.get("precision"), "date_start": period_start(x.get("value")),
         "sentence": x.get("sentence"), "extractor_version": version}
        for x in facts["dates"]
    ]
    rows["quotes"] = [
        {"quote_id": fact_key(a, "quote", x["start"], x["end"]), "article_id": a, "quote_text": x["text"],
         "start_char": x["start"], "end_char": x["end"], "speaker_actor_id": x.get("speaker_actor_id"),
         "speaker_text": x.get("speaker_text"), "sentence": x.get("sentence"), "extractor_version": version}
        for x in facts["quotes"]
    ]
    rows["citations"] = [
        {"citation_id": fact_key(a, "citation", x.get("kind"), x["source"], x.get("start")),
         "article_id": a, "source_name": x["source"], "actor_id": x.get("actor_id"),
         "citation_kind": x.get("kind", "inline"), "start_char": x.get("start"), "end_char": x.get("end"),
         "sentence": x.get("sentence"), "extractor_version": version}
        for x in facts["citations"]
    ]
    rows["deals"] = [
        {"deal_id": fact_key(a, "deal", x["id"]), "article_id": a, "deal_kind": x["kind"],
         "description": x["description"], "party_actor_ids": list(x["parties"]),
         "buyer_actor_id": x.get("buyer"), "seller_actor_id": x.get("seller"),
         "value": (x.get("value") or {}).get("value"), "currency": (x.get("value") or {}).get("currency"),
         "value_approximate": (x.get("value") or {}).get("approximate"), "item": x.get("item"),
         "date_value": (x.get("date") or {}).get("value"), "date_precision": (x.get("date") or {}).get("precision"),
         "status": x["status"], "citation": x.get("citation"),
         "mention_starts": [m["start"] for m in x["mentions"]], "mention_ends": [m["end"] for m in x["mentions"]],
         "sentence": x.get("sentence"), "extractor_version": version, "confidence": x.get("confidence")}
        for x in facts["deals"]
    ]
    rows["events"] = [
        {"event_id": fact_key(a, "event", x["start"], (x.get("trigger") or {}).get("start"), x["type"],
                              x.get("subject_actor_id"), x.get("object_actor_id")),
         "article_id": a, "event_type": x["type"], "verb_lemma": x.get("lemma"),
         "subject_actor_id": x.get("subject_actor_id"), "object_actor_id": x.get("object_actor_id"),
         "event_text": x["text"], "start_char": x["start"], "end_char": x["end"],
         "date_value": (x.get("date") or {}).get("value"), "date_precision": (x.get("date") or {}).get("precision"),
         "modality": x["modality"], "sentence": x.get("sentence"), "extractor_version": version,
         "confidence": x.get("confidence"), "place_actor_id": x.get("place_actor_id"),
         "object_text": x.get("object_text"), "mention_count": len(x.get("mentions") or ()) or 1}
        for x in facts["events"]
    ]
    return rows
