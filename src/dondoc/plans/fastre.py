"""Regex sources written so that Python's engine can skip ahead: the same language, matched the same way.

Python's `re` tries a pattern at every position of the text unless the pattern opens with a literal, a class or
an alternation whose branches all open with a literal character; then it jumps between the positions that
hold one of those characters and, at each, drops every branch whose first character differs without
entering it. A long alternation of words or of phrases opening with a group ('(?:trước|đến|trong)\\s+...')
gets neither, and is tried in full, branch by branch, at every character.

`by_first_char` and `lead` rewrite such an alternation into one that opens with literals; `word_trie` writes
a list of words as a trie; `ci_branches` writes case-insensitive words so that the engine can jump to their
first letters (under re.IGNORECASE it cannot, and lower-cases every character it tries). All keep the
leftmost-first semantics of the pattern they replace (which branch wins at a position, hence every match,
span and group), so a pattern built with them matches exactly what the plain pattern matches; they only
change how much work that takes. The same goes for a look-behind moved after the character it precedes
('(?<!\\S)\\*' as '\\*(?<!\\S\\*)'), done by hand in a few patterns: a branch whose first character is fixed is
ruled out on that character before its look-behind runs.
"""

from __future__ import annotations

import functools
import re

_SPECIAL = set("\\.^$*+?{}[]()|")
_Trie = dict[str, "_Trie"]  # a letter -> the words going on with it ('' marks a word ending there)


def lead(words: tuple[str, ...] | list[str], rest: str) -> list[str]:
    """'(?:w1|w2|...)rest' as branches that open with the words' first characters, one per character, the
    words kept in their order: lead(('trước', 'trong', 'đến'), 'X') -> ['t(?:rước|rong)(?:X)', 'đến(?:X)'].
    The same matches: an alternation followed by `rest` tries each word with the whole of `rest` before the
    next word, and at a position only the words opening with the character found there can match. The
    words are literal (no regex syntax); `rest` holds no capturing group (it is repeated)."""
    _no_groups(rest)
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[:1], []).append(w)
    return [ws[0] + "(?:" + rest + ")" if len(ws) == 1 else c + "(?:" + "|".join(w[1:] for w in ws) + ")(?:" + rest + ")"
            for c, ws in firsts.items()]


def by_first_char(branches: list[str]) -> str:
    """'b1|b2|...' grouped by the literal character each branch opens with, keeping the branches' order
    within a group, and so on for the characters after it while a group's branches all go on with one:
    '(?:t(?:r(?:ước...|ong...)|háng...)|đ(?:...))'. At a position only the branches opening with the
    character found there can match, and among them the order is kept, so the first branch that matches is
    the same one. Every branch must open with a plain literal character (not repeated: 'a*' does not open
    with 'a') and hold no capturing group (the groups would be numbered in the new order) nor a top-level
    '|'. Under re.IGNORECASE the same holds only while no two groups open on characters equal but for case
    ('đ' and 'Đ' could both open a match on one character)."""
    for b in branches:
        _no_groups(b)
        if not _literal_led(b) or _top_level_bar(b):
            raise ValueError(f"branch does not open with a literal character, or holds a top-level '|': {b!r}")
    return _grouped(branches)


def _literal_led(source: str) -> bool:
    return bool(source) and source[0] not in _SPECIAL and source[1:2] not in ("*", "+", "?", "{")


def _grouped(branches: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for b in branches:
        groups.setdefault(b[0], []).append(b[1:])
    parts = []
    for c, rests in groups.items():  # (a rest holds no top-level '|' and opens with no repeat: no group needed)
        if len(rests) > 1 and all(map(_literal_led, rests)):
            parts.append(c + _grouped(rests))
        else:
            parts.append(c + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _no_groups(source: str) -> None:
    if _shape(source)[1]:
        raise ValueError(f"a capturing group would be renumbered: {source!r}")


def word_trie(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of literal words written as a trie: '(?:c(?:hủ trì|ấp)|t(?:...))'. Among the words
    found at a position it prefers the longest (a word that ends where another goes on is tried last), as
    the alternation of the words sorted longest first does; with what follows the group failing, it falls
    back to the next shorter one, as that alternation does too. For a case-sensitive pattern."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return _trie_source(trie)


def _trie_source(node: _Trie) -> str:
    ends = "" in node
    parts = [re.escape(c) + _trie_source(child) for c, child in node.items() if c]
    if not parts:
        return ""
    if len(parts) == 1 and not ends:
        return parts[0]
    body = "(?:" + "|".join(parts) + ")"
    return body + "?" if ends else body  # (greedy: the longer words first, then ending here)


def ci_branches(branches: list[str] | tuple[str, ...]) -> str:
    """Branches meant for re.IGNORECASE, each opening with a letter (after an optional '\\b'), as a source to
    compile WITHOUT re.IGNORECASE: the first letter written in its cases, the rest under '(?i:...)'. Python's
    re cannot skip ahead to a letter under re.IGNORECASE and tried such a pattern at every character, lower-
    casing it; written so, the pattern opens with the letter's cases and the engine jumps between them.
    '\\btheo dõi\\b' -> '[tT](?<!\\w[tT])(?i:heo dõi\\b)' ('\\b' before a letter is the look-behind '(?<!\\w)',
    moved after the letter); several branches become literal-led branches, one per case:
    ['mục tiêu', 'chỉ tiêu'] -> '(?:m(?i:ục tiêu)|M(?i:ục tiêu)|c(?i:hỉ tiêu)|C(?i:hỉ tiêu))'. A single branch
    keeps its capturing groups ('[pP](?i:hối hợp\\s+(.+))'); several may not hold any (they would be
    repeated), nor may a branch hold a top-level '|'. The same matches, provided the cases written are all the
    characters re.IGNORECASE matches to the letter (its two cases, and the Kelvin sign for 'k', the long s for
    's', 'İ' and 'ı' for 'i'), which the tests check against every code point for the letters used."""
    if len(branches) == 1:
        bound, cases, rest = _ci_split(branches[0])
        cls = "[" + cases + "]"
        return cls + (rf"(?<!\w{cls})" if bound else "") + "(?i:" + rest + ")"
    out = []
    for b in branches:
        _no_groups(b)
        bound, cases, rest = _ci_split(b)
        out += [c + (rf"(?<!\w{c})" if bound else "") + "(?i:" + rest + ")" for c in cases]
    return "(?:" + "|".join(out) + ")"


# letters re.IGNORECASE matches to more than their two cases (the Kelvin sign, the long s, the Turkish i's)
_MORE_CASES = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131"}


def _ci_split(branch: str) -> tuple[bool, str, str]:
    """('\\b' opens the branch, the first letter's cases, the rest of the branch)."""
    bound = branch.startswith("\\b")
    body = branch[2:] if bound else branch
    first = body[:1]
    if not first.isalpha() or len(first.lower()) != 1 or len(first.upper()) != 1:
        raise ValueError(f"branch does not open with a letter: {branch!r}")
    if _top_level_bar(body[1:]):
        raise ValueError(f"branch holds a top-level '|': {branch!r}")
    low = first.lower()
    return bound, "".join(dict.fromkeys(low + first.upper() + _MORE_CASES.get(low, ""))), body[1:]


def _shape(source: str) -> tuple[bool, bool]:
    """(the source holds a top-level '|', it holds a capturing group), read from its syntax."""
    depth, k, in_class, bar, capture = 0, 0, False, False, False
    while k < len(source):
        c = source[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            k += source[k + 1 : k + 2] == "^"
            k += source[k + 1 : k + 2] == "]"  # ('[]...]', '[^]...]': that ']' is a member)
        elif c == "(":
            depth += 1
            capture = capture or source[k + 1 : k + 2] != "?" or source[k + 1 : k + 4] == "?P<"
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            bar = True
        k += 1
    return bar, capture


def _top_level_bar(source: str) -> bool:
    return _shape(source)[0]


@functools.cache
def _after_newline(rx: re.Pattern[str]) -> re.Pattern[str]:
    if not rx.pattern.startswith("^") or not rx.flags & re.MULTILINE or _top_level_bar(rx.pattern):
        raise ValueError(f"not a MULTILINE pattern opening with '^' alone: {rx.pattern!r}")
    return re.compile("\n" + rx.pattern[1:], rx.flags)


def count_at_line_starts(rx: re.Pattern[str], text: str) -> int:
    """len(rx.findall(text)) for a MULTILINE pattern that opens with '^' (and never matches empty). The engine
    cannot skip ahead to a line start and tried '^' at every character; here it looks for the newlines
    (the pattern with '\\n' in place of '^', a literal it jumps to), trying the pattern itself only where
    the last match ended on a line start, so the matches counted are the same ones."""
    after_nl = _after_newline(rx)
    n = pos = 0
    while True:
        if pos == 0 or text[pos - 1] == "\n":
            m = rx.match(text, pos)
            if m:
                n, pos = n + 1, m.end()
                continue
        m = after_nl.search(text, pos)
        if m is None:
            return n
        n, pos = n + 1, m.end()
