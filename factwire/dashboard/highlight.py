"""An article's text as HTML with its extracted facts highlighted, each with a tooltip.

Facts may nest or overlap (a mention inside a quote, a date inside an amount's sentence), so
the text is cut at every fact boundary and each piece is one ``<span>``: coloured as the
innermost fact covering it, titled with every fact covering it.
"""

from __future__ import annotations

import html
from typing import Iterable, Mapping

# kind -> (background colour, legend label)
KIND_STYLES: dict[str, tuple[str, str]] = {
    "mention": ("#cfe2ff", "actor mention"),
    "amount": ("#d1e7dd", "amount"),
    "date": ("#fff3cd", "date"),
    "quote": ("#eadcf8", "quote"),
}


def legend_html() -> str:
    items = "".join(f'<span style="background:{colour};padding:1px 6px;margin-right:8px;border-radius:3px">'
                    f"{html.escape(label)}</span>" for colour, label in KIND_STYLES.values())
    return f'<div class="factwire-legend">{items}</div>'


def highlight_html(text: str, facts: Iterable[Mapping]) -> str:
    """``text`` with each fact's span ``[start_char, end_char)`` marked; a fact needs the keys
    kind, start_char, end_char and label. Spans outside the text are ignored."""
    spans = [(int(f["start_char"]), int(f["end_char"]), str(f["kind"]), str(f["label"])) for f in facts]
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end])
        covering = sorted((s for s in spans if s[0] <= start and end <= s[1]), key=lambda s: s[1] - s[0])
        if not covering:
            pieces.append(piece)
            continue
        kind = covering[0][2]
        colour = KIND_STYLES.get(kind, ("#e9ecef", kind))[0]
        style = f"background:{colour};border-radius:2px"
        if any(s[2] == "quote" for s in covering):
            style += ";border-bottom:2px solid #8e5ad6"
        title = "\n".join(f"{s[2]}: {s[3]}" for s in covering)
        kinds = " ".join(sorted({s[2] for s in covering}))
        pieces.append(f'<span class="fact" data-kinds="{kinds}" title="{html.escape(title, quote=True)}" '
                      f'style="{style}">{piece}</span>')
    body = "".join(pieces)
    return f'<div class="factwire-article" style="white-space:pre-wrap;line-height:1.8">{body}</div>'
