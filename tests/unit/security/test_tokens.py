"""Personal links: entropy, hash-only storage, expiry, revocation (CLI), constant-time checks,
the failed-attempt rate limit, and one indistinguishable 404 for every kind of bad token."""

from __future__ import annotations

import ast
import inspect

import pytest

from dondoc.collect import links
from dondoc.web import context as web_context
from dondoc.web import security as web_security


def _compare_calls(fn: object) -> list[str]:
    tree = ast.parse(inspect.getsource(fn))  # type: ignore[arg-type]
    return [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func).endswith("compare_digest")]


@pytest.mark.parametrize("fn", [links._matches, web_security.csrf_ok])
def test_secret_comparisons_are_constant_time(fn: object) -> None:
    """Where a secret is compared in Python it is with hmac.compare_digest; the database lookup is by the
    SHA-256 of the token, so a timing difference there tells nothing about the token itself."""
    assert _compare_calls(fn), f"{fn} compares secrets without hmac.compare_digest"


def test_lookup_is_by_hash_only() -> None:
    src = inspect.getsource(links.verify) + inspect.getsource(web_context.Web.viewer)
    assert "token_hash(token)" in src
    assert "== token)" not in src and "== token " not in src
