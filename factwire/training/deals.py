"""Fit the deal confidence model: `python -m factwire.training deals`.

The labelled rows are every deal of RAMS dev and MEANTIME the gold can judge (see
``labelled_deals`` in factwire.evaluation.rams and .meantime) and the other deals of the RAMS
windows, judged by the team by reading them (factwire/training/deals_judged.jsonl). Rows are split once by a hash
of their document key (``is_held_out`` in factwire.evaluation.deal_confidence; a RAMS row's
key is its sentence, as windows of one article overlap under different ids): the model is
fitted on the fitted part and checked on the held-out part, both reported side by side.
Writes factwire/data/deal_confidence.json: the weights, how many rows and right rows each set
and part gave, and the checks (fitted part, held-out part, and cross-fitted by document folds).
"""

from __future__ import annotations

import json
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "data" / "deal_confidence.json"


def labelled_rows(data: Path) -> dict[str, list]:
    """(document key, signals, right) of every judged deal, per dataset."""
    from factwire.evaluation import meantime, rams
    from factwire.evaluation.core import extract_texts

    r_docs = rams.load_corpus(Path(data, "rams-dev").resolve())
    m_docs = meantime.load_corpus(Path(data, "meantime-en").resolve())
    return {
        "rams-dev": [(rams.row_key(deal), deal["signals"], right)
                     for deal, right in rams.all_labelled_deals(r_docs, list(extract_texts((d.text, None) for d in r_docs)))],
        "meantime-en": [(f"{meantime.DATASET}/{doc.doc_id}", deal["signals"], right)
                        for doc, pred in zip(m_docs, meantime.extract_documents(m_docs))
                        for deal, right in meantime.labelled_deals(doc, pred)],
    }


def train(data) -> dict:
    from factwire.evaluation.deal_confidence import fit, held_out, is_held_out, reliability
    from factwire.extract.deals import confidence
    from factwire.settings import get_settings

    by_set = labelled_rows(Path(data))
    rows = [row for found in by_set.values() for row in found]
    fitted = [r for r in rows if not is_held_out(r[0])]
    kept = [r for r in rows if is_held_out(r[0])]
    threshold = float(get_settings().display_confidence)

    def check(scored):
        shown = [r for c, r in scored if c >= threshold]
        return {"rows": len(scored), "right": sum(r for _, r in scored), "shown": len(shown),
                "precision_at_display": round(sum(shown) / len(shown), 3) if shown else None,
                "reliability": reliability(scored)}

    model = fit(fitted)
    model["display_confidence"] = threshold
    model["rows"] = {name: len(found) for name, found in by_set.items()}
    model["right"] = {name: sum(r for *_, r in found) for name, found in by_set.items()}
    model["check_fitted_part"] = check([(confidence(s, model), r) for _, s, r in fitted])
    model["check_held_out_part"] = check([(confidence(s, model), r) for _, s, r in kept])
    model["check_cross_fitted"] = check(held_out(rows))
    OUTPUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))
    return model
