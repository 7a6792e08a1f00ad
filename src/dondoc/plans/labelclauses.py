"""A lead label whose value is not a list of names but the bodies' own sentences, parted by semicolons:
'- Cơ quan thực hiện: Sở Y tế tiến hành rà soát ...; các sở, ngành liên quan và UBND các xã rà soát ...'. Each
sentence opens with its body's name and then its verb: each is that body's own task (an entry of its own), as when the
sentences stand in the item's text. A list of names ('Sở A; Sở B') or one body's sentence is left to the label's
reading."""

from __future__ import annotations

from dondoc.plans.bodies import leading_body
from dondoc.plans.verbs import find_verb


def own_sentences(value: str) -> list[tuple[str, str]] | None:
    """(the body's name, its sentence) for each of two or more sentences of `value` parted by '; ', each opening with
    a body's name and its verb; None when any part does not."""
    if "; " not in value:
        return None
    parts = [p.strip(" .;") for p in value.split("; ")]
    out: list[tuple[str, str]] = []
    for p in parts:
        lb = leading_body(p)
        if lb is None or lb[2]:
            return None
        v = find_verb(lb[1][:40])
        if v is None or v.start() != 0:
            return None
        out.append((lb[0], p))
    return out if len(out) >= 2 else None
