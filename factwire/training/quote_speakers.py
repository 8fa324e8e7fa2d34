"""The quote-speaker step: a logistic regression that scores the noun phrases around a quote as
its speaker, trained on PolNeAR train (840 articles of 2016 election news), written to
``factwire/data/quote_speakers.json`` (feature weights, a bias, a threshold and the lexicon of
attribution verbs), which `factwire.extract.quotes` reads.

What is learned from the train articles, in order:

* the attribution verbs: the lemmas of PolNeAR's Cue spans ("said", "told", "wrote", "tweeted",
  "argued"...) seen at least ``MIN_CUE_COUNT`` times;
* the weights: every quote factwire finds that overlaps an annotated direct quote with a
  Source (else a partial quote with one: a quoted phrase inside reported speech) gives one
  example per noun phrase around it (`quotes.SpeakerContext`), labelled true when the phrase is
  the head of that Source as parsed;
* the threshold under which a quote takes no speaker of its own (and goes on with the quote
  before when consecutive): the one of a grid that makes the most speakers right on train, as
  `factwire.evaluation.polnear` counts them.

Seeded and on CPU (lbfgs on a dense matrix is deterministic: two runs write the same file);
the articles are parsed with the configured spaCy pipeline, the one the extractor runs, so the
step comes after the NER step. About 5 minutes on 2 cores, most of it parsing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from factwire.extract.quotes import MODEL_PATH, SpeakerContext, find_quotes, quotations

MIN_CUE_COUNT = 3
SEED = 13
C = 0.5
THRESHOLDS = [x / 2 for x in range(-12, 5)]


def annotations(data: Path, split: str = "train") -> dict[str, dict]:
    """Each article's Cue spans (first fragment) and partial quotes with their Sources (contents
    that hold a quotation without being one: "said the bill was “a disaster”"), from the
    annotator file the scorer reads."""
    from factwire.evaluation import polnear

    folder = Path(data) / "polnear" / split
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    out = {}
    for article, path in chosen.items():
        text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
        entities, relations = polnear.parse_annotations(path.read_text(encoding="utf-8"))
        partial = []
        for relation in relations:
            roles = dict(relation)
            source = entities.get(roles.get("Source", ""))
            for role, entity in relation:
                content = entities.get(entity) if role.startswith("Content") else None
                if source is None or content is None:
                    continue
                if polnear.has_quotation(text, content[1]) and not polnear.is_direct_quote(text, content[1]):
                    partial.append(polnear.GoldQuote(content[1], [source[1]]))
        out[article] = {"cues": [spans[0] for kind, spans in entities.values() if kind == "Cue"],
                        "partial": partial}
    return out


def _cue_lemmas(parsed, annotated: dict[str, dict]) -> list[str]:
    counts: Counter[str] = Counter()
    for gold, doc, _, _ in parsed:
        for start, end in annotated[gold.doc_id]["cues"]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if len(span) and span.root.pos_ in ("VERB", "NOUN"):  # "has said": say
                counts[span.root.lemma_.lower()] += 1
    return sorted(lemma for lemma, n in counts.items() if n >= MIN_CUE_COUNT)


def _source_heads(doc, gold_quote) -> set[int]:
    heads = set()
    for source in gold_quote.sources:
        for s, e in source:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                heads.add(span.root.i)
    return heads


def examples(parsed, cues: set[str], annotated: dict[str, dict]):
    """(features, label) of every candidate phrase of every found quote that overlaps a gold
    direct quote with a Source, or else a partial quote with one."""
    out = []
    for gold, doc, mentions, actors in parsed:
        spans = quotations(gold.text)
        context = SpeakerContext(doc, mentions, actors, spans, cues)
        for number, (_, _, start, end) in enumerate(spans):
            matched = [q for q in gold.quotes if q.sources and any(s < end and start < e for s, e in q.spans)]
            matched = matched or [q for q in annotated[gold.doc_id]["partial"]
                                  if any(s < end and start < e for s, e in q.spans)]
            if not matched:
                continue
            heads = set().union(*(_source_heads(doc, q) for q in matched))
            for token, features in context.candidates(number):
                out.append((features, token.i in heads))
    return out


def train(data: Path, out: Path = MODEL_PATH) -> dict:
    """Parse PolNeAR train with the configured pipeline, fit, and write the model to ``out``."""
    from factwire.evaluation import polnear
    from factwire.nlp import parse

    gold_docs = polnear.load_split(Path(data).resolve() / "polnear", "train")
    result = fit(gold_docs, parse([g.text for g in gold_docs]), annotations(data))
    Path(out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"quote speakers: {result['trained_on']}, {len(result['weights'])} weights, threshold "
          f"{result['threshold']}, train speakers right {result['train_speakers_right']}; written to {out}")
    return result


def fit(gold_docs, docs, annotated) -> dict:
    """The model (a JSON-ready dict) from gold articles and their parsed Docs."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from factwire.evaluation import polnear
    from factwire.extract import actors as _actors

    parsed = []
    for gold, doc in zip(gold_docs, docs):
        found, mentions = _actors.find_actors(doc)
        parsed.append((gold, doc, mentions, {a.id: a.as_dict() for a in found}))
    cues = _cue_lemmas(parsed, annotated)
    rows = examples(parsed, set(cues), annotated)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in features} for features, _ in rows]).toarray()
    y = [label for _, label in rows]
    model = LogisticRegression(C=C, solver="lbfgs", random_state=SEED, max_iter=2000).fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0])
               if abs(w) >= 1e-4}
    result = {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items())),
              "cues": cues, "threshold": 0.0,
              "trained_on": f"PolNeAR train, {len(gold_docs)} articles, {len(rows)} candidate phrases "
                            f"({sum(y)} speakers)"}
    best = None
    for threshold in THRESHOLDS:
        result["threshold"] = threshold
        predictions = []
        for gold, doc, mentions, actors in parsed:
            predictions.append({"quotes": find_quotes(doc, mentions, actors, model=result),
                                "mentions": mentions, "actors": list(actors.values()), "citations": []})
        rows_scored = polnear.score_documents([p[0] for p in parsed], predictions)
        right = next(r for r in rows_scored if r.kind == polnear.ALL_SPEAKER_KIND).score
        if best is None or right > best[0] + 1e-9:
            best = (right, threshold)
    result["threshold"] = best[1]
    result["train_speakers_right"] = round(best[0], 4)
    return result
