"""The review screen's order: what a person must check first (pure: no database)."""

from __future__ import annotations

from dondoc.web.console.review_data import ItemView, _doubt_order


def _item(id_: int, level: int, confidence: float | None) -> ItemView:
    return ItemView(id=id_, ref=str(id_), text="t", section=None, lead=[], support=[], mode="assign", timing={},
                    due=None, bodies=[], flags=[], confidence=confidence, span=None, level=level)


def test_flagged_items_least_sure_first_then_document_order() -> None:
    items = [_item(1, 0, 0.2), _item(2, 3, 0.9), _item(3, 3, 0.4), _item(4, 2, None), _item(5, 2, 0.55),
             _item(6, 1, 0.1), _item(7, 3, 0.4), _item(8, 0, 0.95)]
    order = [v.id for v in sorted(items, key=_doubt_order)]
    # level 3: 0.4 (3, 7 in document order) before 0.9; level 2: 0.55 before unknown (taken as sure);
    # levels 1 and 0 in document order whatever their confidence
    assert order == [3, 7, 2, 5, 4, 6, 1, 8]
