"""The benchmark corpus: news articles assembled from the real texts in ../shared/eval/.

Sentences come from MEANTIME and GUM (Wikinews) and from the main text of trafilatura's
evaluation pages (extracted by factwire's own page cleaning). Each benchmark article takes runs
of consecutive sentences from several different source articles, a real title and a random
date, until it reaches a length drawn between 2 and 6 KB (mean about 3 KB). The RNG is seeded,
so the corpus is the same on every machine with the same data and the same trafilatura; it is
written once as JSON lines under ``data/bench/`` and rebuilt only when its fingerprint changes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Bump when the assembly below changes: a cached corpus of another version is rebuilt.
CORPUS_VERSION = "1"
SEED = 20260312
FULL_ARTICLES = 10_000
SUBSET_ARTICLES = 2_000
ARTICLES_PER_FILE = 1_000
MIN_BYTES, MAX_BYTES = 2 * 1024, 6 * 1024
# Share of paragraphs drawn from each corpus: the news corpora are small but closest to the
# articles factwire is for; the web pages add variety (blogs, reviews, reports).
SHARES = {"meantime": 0.4, "gum": 0.2, "web": 0.4}
# A day's news is published within a few days: the dates span one week across a month's end, so
# a run touches two monthly lake partitions, as a daily run does now and then.
FIRST_DATE, LAST_DATE = date(2025, 6, 26), date(2025, 7, 2)

_PROSE_PUNCTUATION = set(".,;:!?'\"$%€£¥&-–—()’‘“”`/")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]?$""")
# A possible break: end punctuation, space, then a capital, a digit or an opening quote.
_SENTENCE_BREAK = re.compile(r"""[.!?]["'”’)]?\s+(?=["“‘(]?[A-Z0-9])""")
# The word before a full stop that does not end a sentence: "Mr.", "Jan.", "U.S.", "J."
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$")


@dataclass(frozen=True)
class SourceText:
    """One real article's title and sentences, as the corpus borrows them."""

    name: str
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class CorpusPaths:
    root: Path
    full_articles: int = FULL_ARTICLES
    subset_articles: int = SUBSET_ARTICLES

    @property
    def full(self) -> Path:
        return self.root / f"corpus-{self.full_articles}"

    @property
    def subset(self) -> Path:
        return self.root / f"corpus-{self.subset_articles}"

    @property
    def manifest(self) -> Path:
        return self.root / "corpus.json"


# -- the source texts ------------------------------------------------------------------------

def meantime_texts(folder: Path) -> list[SourceText]:
    """Every MEANTIME article, whole: sentence 0 is the title, 1 the date line, then the body."""
    from factwire.evaluation.meantime import detokenise

    texts = []
    for path in sorted(folder.rglob("*.xml")):
        by_sentence: dict[int, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            by_sentence.setdefault(int(token.get("sentence")), []).append(token.text or "")
        # Penn Treebank quotes (`` '') back to plain ones.
        lines = [detokenise(tokens)[0].replace("``", '"').replace("''", '"')
                 for _, tokens in sorted(by_sentence.items())]
        if len(lines) > 2:
            texts.append(SourceText(f"meantime:{path.stem}", lines[0], tuple(lines[2:])))
    return texts


def gum_texts(folder: Path) -> list[SourceText]:
    """Every GUM news document: its ``# text =`` sentences, the headline block left out."""
    texts = []
    for path in sorted(folder.glob("*.conllu")):
        title, sentences, heading = "", [], False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# meta::title = "):
                title = line.split("=", 1)[1].strip()
            elif line.startswith("# newpar_block = "):
                heading = line.split("=", 1)[1].strip().startswith("head")
            elif line.startswith("# text = ") and not heading:
                sentences.append(line.split("=", 1)[1].strip())
        texts.append(SourceText(f"gum:{path.stem}", title, tuple(sentences)))
    return texts


def web_texts(folder: Path, limit: int | None = None) -> list[SourceText]:
    """The main text of trafilatura's evaluation pages, cut into sentences."""
    from factwire.sources.html import extract_page

    gold = json.loads((folder / "evaldata-en.json").read_text(encoding="utf-8"))
    texts = []
    for url, item in sorted(gold.items())[:limit]:
        page = extract_page(gzip.decompress((folder / "html" / (item["file"] + ".gz")).read_bytes()), url)
        if page is None:
            continue
        sentences = [s for paragraph in page.text.split("\n") for s in split_sentences(paragraph)]
        texts.append(SourceText(f"web:{item['file']}", (page.title or item.get("title") or "").strip(),
                                tuple(sentences)))
    return texts


def split_sentences(paragraph: str) -> list[str]:
    sentences, start = [], 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        end = match.end() - len(match.group()) + len(match.group().rstrip())
        if not _ABBREVIATION.search(paragraph[start:end]):
            sentences.append(paragraph[start:end].strip())
            start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def usable_sentence(sentence: str) -> bool:
    """Prose a news article could hold: a whole sentence of ordinary length, made of words,
    numbers and ordinary punctuation (no code, no menus)."""
    if not 25 <= len(sentence) <= 400 or not _SENTENCE_END.search(sentence):
        return False
    if not (sentence[0].isupper() or sentence[0].isdigit() or sentence[0] in "\"“‘("):
        return False
    ordinary = sum(c.isalnum() or c.isspace() or c in _PROSE_PUNCTUATION for c in sentence)
    letters = sum(c.isalpha() for c in sentence)
    return ordinary / len(sentence) >= 0.97 and letters / len(sentence) >= 0.6


def source_texts(eval_dir: Path, web_limit: int | None = None) -> list[SourceText]:
    """The usable sentences of every source article that keeps at least three of them."""
    found = (meantime_texts(eval_dir / "meantime-en") + gum_texts(eval_dir / "gum-news")
             + web_texts(eval_dir / "trafilatura-eval-en", web_limit))
    kept = []
    for text in found:
        sentences = tuple(s for s in text.sentences if usable_sentence(s))
        if len(sentences) >= 3 and text.title:
            kept.append(SourceText(text.name, " ".join(text.title.split()), sentences))
    return kept


# -- assembling articles ---------------------------------------------------------------------

def target_bytes(rng: random.Random) -> int:
    """An article length between MIN_BYTES and MAX_BYTES, skewed short (mean about 3 KB)."""
    return MIN_BYTES + int((MAX_BYTES - MIN_BYTES) * rng.betavariate(1.2, 4.6))


def source_weights(sources: list[SourceText]) -> list[float]:
    """Each source's chance to give a paragraph, so that each corpus gives its SHARES."""
    counts = {kind: sum(1 for s in sources if s.name.startswith(kind + ":")) for kind in SHARES}
    return [SHARES[kind] / counts[kind] for s in sources for kind in SHARES if s.name.startswith(kind + ":")]


def assemble_article(rng: random.Random, sources: list[SourceText], weights: list[float], number: int) -> dict:
    """One article: paragraphs of 1-4 consecutive sentences, each paragraph from a different
    source than the one before, a real title, a date, and a URL as a feed would give."""
    target = target_bytes(rng)
    paragraphs: list[str] = []
    size, previous = 0, None
    while size < target:
        [source] = rng.choices(sources, weights)
        if source is previous:
            continue
        run = rng.randint(1, 4)
        start = rng.randrange(max(1, len(source.sentences) - run + 1))
        paragraph = " ".join(source.sentences[start:start + run])
        extra = len(paragraph.encode("utf-8")) + (2 if paragraphs else 0)
        if size + extra > MAX_BYTES:
            if size >= MIN_BYTES:
                break
            continue  # too long to fit: draw another run
        paragraphs.append(paragraph)
        size += extra
        previous = source
    published = FIRST_DATE + timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days + 1))
    title = rng.choice(sources).title
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return {"title": title, "published": published.isoformat(),
            "url": f"https://news.example.org/{published:%Y/%m/%d}/{slug}-{number}",
            "text": "\n\n".join(paragraphs)}


def build_articles(sources: list[SourceText], count: int, seed: int = SEED) -> list[dict]:
    """``count`` distinct articles (distinct texts: the warehouse keys articles by text)."""
    rng = random.Random(seed)
    weights = source_weights(sources)
    articles, seen = [], set()
    while len(articles) < count:
        article = assemble_article(rng, sources, weights, len(articles))
        if article["text"] not in seen:
            seen.add(article["text"])
            articles.append(article)
    return articles


def write_jsonl(articles: list[dict], folder: Path, per_file: int = ARTICLES_PER_FILE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, len(articles), per_file)):
        path = folder / f"articles-{number:03d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for article in articles[start:start + per_file]:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def fingerprint(full: int, subset: int, seed: int, web_limit: int | None) -> dict:
    import trafilatura

    return {"version": CORPUS_VERSION, "full": full, "subset": subset, "seed": seed,
            "web_limit": web_limit, "min_bytes": MIN_BYTES, "max_bytes": MAX_BYTES,
            "trafilatura": trafilatura.__version__}


def ensure_corpus(root: Path, eval_dir: Path, full: int = FULL_ARTICLES, subset: int = SUBSET_ARTICLES,
                  seed: int = SEED, web_limit: int | None = None) -> dict:
    """Build the corpus under ``root`` unless the one there has the same fingerprint; returns
    its manifest (sizes, sources, a digest of the texts)."""
    paths = CorpusPaths(root, full, subset)
    wanted = fingerprint(full, subset, seed, web_limit)
    if paths.manifest.exists():
        manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") == wanted and paths.full.is_dir() and paths.subset.is_dir():
            return manifest
    sources = source_texts(eval_dir, web_limit)
    articles = build_articles(sources, full, seed)
    for folder in (paths.full, paths.subset):
        shutil.rmtree(folder, ignore_errors=True)
    write_jsonl(articles, paths.full)
    write_jsonl(articles[:subset], paths.subset)
    sizes = [len(a["text"].encode("utf-8")) for a in articles]
    digest = hashlib.sha256("\x1e".join(a["text"] for a in articles).encode("utf-8")).hexdigest()
    manifest = {
        "fingerprint": wanted, "articles": full, "subset_articles": subset,
        "bytes_total": sum(sizes), "bytes_mean": round(sum(sizes) / len(sizes)),
        "bytes_min": min(sizes), "bytes_max": max(sizes), "text_sha256": digest,
        "source_articles": len(sources), "source_sentences": sum(len(s.sentences) for s in sources),
        "sources_by_corpus": {kind: sum(1 for s in sources if s.name.startswith(kind + ":"))
                              for kind in ("meantime", "gum", "web")},
    }
    root.mkdir(parents=True, exist_ok=True)
    partial = paths.manifest.with_suffix(".json.partial")
    partial.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    partial.replace(paths.manifest)  # written last: a half-built corpus has no manifest
    return manifest


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data/bench")
    parser.add_argument("--eval-dir", default="../shared/eval")
    args = parser.parse_args()
    print(json.dumps(ensure_corpus(Path(args.out), Path(args.eval_dir)), indent=2))
