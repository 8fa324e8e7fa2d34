"""Fit the deal confidence model: `python -m factwire.training deals`.

The labelled rows are every deal of RAMS dev and MEANTIME the gold can judge (see
``labelled_deals`` in factwire.evaluation.rams and .meantime); the fit and its held-out check
are in factwire.evaluation.deal_confidence. Writes factwire/data/deal_confidence.json: the
weights, how many rows each set gave, and the check (cross-fitted by document folds, and fitted
on RAMS alone then checked on MEANTIME).
"""

from __future__ import annotations

import json
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "data" / "deal_confidence.json"


def labelled_rows(data: Path) -> dict[str, list]:
    """(document, signals, right) of every judged deal, per dataset."""
    from factwire.evaluation import meantime, rams
    from factwire.evaluation.core import extract_texts

    r_docs = rams.load_corpus(Path(data, "rams-dev").resolve())
    m_docs = meantime.load_corpus(Path(data, "meantime-en").resolve())
    return {
        "rams-dev": [(doc.doc_id, deal["signals"], right)
                     for doc, pred in zip(r_docs, extract_texts((d.text, None) for d in r_docs))
                     for deal, right in rams.labelled_deals(doc, pred)],
        "meantime-en": [(doc.doc_id, deal["signals"], right)
                        for doc, pred in zip(m_docs, meantime.extract_documents(m_docs))
                        for deal, right in meantime.labelled_deals(doc, pred)],
    }


def train(data) -> dict:
    from factwire.evaluation.deal_confidence import fit, held_out, reliability
    from factwire.extract.deals import confidence
    from factwire.settings import get_settings

    by_set = labelled_rows(Path(data))
    rows = [(f"{name}/{doc}", signals, right) for name, found in by_set.items() for doc, signals, right in found]
    threshold = float(get_settings().display_confidence)

    def check(scored):
        shown = [r for c, r in scored if c >= threshold]
        return {"rows": len(scored), "shown": len(shown),
                "precision_at_display": round(sum(shown) / len(shown), 3) if shown else None,
                "reliability": reliability(scored)}

    on_rams = fit(by_set["rams-dev"])
    model = fit(rows)
    model["display_confidence"] = threshold
    model["rows"] = {name: len(found) for name, found in by_set.items()}
    model["right"] = {name: sum(r for *_, r in found) for name, found in by_set.items()}
    model["check_cross_fitted"] = check(held_out(rows))
    model["check_fit_rams_on_meantime"] = check([(confidence(s, on_rams), r) for _, s, r in by_set["meantime-en"]])
    OUTPUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))
    return model
