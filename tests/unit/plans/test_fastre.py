"""The fast regex forms (plans.fastre) match exactly what the plain alternations they replace match.

Each check compares every match (span and groups, via finditer), search, match and sub of the fast form with the
plain form, on hand-picked strings and on many random strings built from the words the patterns hold."""

from __future__ import annotations

import random
import re

import pytest

from dondoc.plans import (
    bodies,
    evidence,
    fastre,
    legacy,
    numbering,
    numbers,
    reflow,
    runon,
    subjects,
    support,
    target_forms,
    target_pass,
    text,
    timing_text,
    verbs,
    wrapper,
)
from dondoc.plans.blocks import Paragraph, Table
from dondoc.plans.fastre import by_first_char, ci_branches, count_at_line_starts, lead, word_trie


def _all(rx: re.Pattern[str], s: str) -> tuple[object, ...]:
    m, f = rx.search(s), rx.match(s)
    return (
        [(x.span(), x.groups()) for x in rx.finditer(s)],
        m and (m.span(), m.groups()),
        f and (f.span(), f.groups()),
        rx.sub("@", s),
    )


def _same(plain: re.Pattern[str], fast: re.Pattern[str], pieces: list[str], n: int = 3000, seed: int = 7) -> None:
    rnd = random.Random(seed)
    for _ in range(n):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        assert _all(plain, s) == _all(fast, s), s


def test_lead_spreads_the_words_over_the_rest() -> None:
    assert lead(("a", "b"), r"x|y") == ["a(?:x|y)", "b(?:x|y)"]
    assert lead(("trước", "trong", "đến"), "X") == ["t(?:rước|rong)(?:X)", "đến(?:X)"]  # one branch per first letter
    plain = re.compile(r"(?:trước|đến)\s+(?:\d+)|x")
    fast = re.compile("|".join([*lead(("trước", "đến"), r"\s+(?:\d+)"), "x"]))
    _same(plain, fast, ["trước", "đến", " ", "  ", "12", "3", "x", "a"])


def test_by_first_char_keeps_which_branch_wins() -> None:
    branches = [r"tr(?:a)", r"t(?:r)ab", r"x", r"tra(?:b)?", r"đ(?:\d)", r"xy"]
    plain = re.compile("|".join(branches))
    fast = re.compile(by_first_char(branches))
    assert fast.pattern.startswith("(?:t(?:")
    _same(plain, fast, ["t", "r", "a", "b", "x", "y", "đ", "1", " "])
    assert fast.search("trab").span() == (0, 3)  # the first branch in the order given, as in the plain alternation
    # grouped again while a group's branches all go on with a letter
    assert by_first_char(["trước", "trong", "tháng", "x"]) == "(?:t(?:r(?:ước|ong)|háng)|x)"
    assert by_first_char(["ab*", "ac", "a"]) == "a(?:b*|c|)"  # ('b*' opens with a repeat: not grouped further)


def test_by_first_char_refuses_a_branch_without_a_literal_start() -> None:
    with pytest.raises(ValueError):
        by_first_char([r"(?:a|b)c"])
    with pytest.raises(ValueError):
        by_first_char([r"\s+x"])
    with pytest.raises(ValueError):  # groups would be numbered anew
        by_first_char([r"x(a)", r"y(b)"])
    with pytest.raises(ValueError):  # 'a*' does not open with 'a'
        by_first_char([r"a*b", r"ab"])
    with pytest.raises(ValueError):  # a top-level '|' would fall into the group
        by_first_char([r"ab|cd"])
    with pytest.raises(ValueError):
        lead(("a", "b"), r"(\d)")


def test_word_trie_prefers_the_longest_word_then_falls_back() -> None:
    words = ["tổ", "tổ chức", "tổ chức lại", "tăng", "a.b", "a"]
    plain = re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?![\wÀ-ỹ])")
    fast = re.compile(word_trie(words) + r"(?![\wÀ-ỹ])")
    assert fast.match("tổ chức lại").group(0) == "tổ chức lại"
    assert fast.match("tổ chức lạix").group(0) == "tổ chức"  # the longest word that a non-letter follows
    assert fast.match("axb") is None and fast.match("a.b").group(0) == "a.b"
    _same(plain, fast, ["tổ", " ", "chức", "lại", "tăng", "a", ".", "b", "x", "t"])


def test_word_trie_of_the_task_verbs_is_their_alternation() -> None:
    plain = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(sorted(map(re.escape, verbs.VERBS), key=len, reverse=True)) + r")(?![\wÀ-ỹ])")
    assert verbs._VERB_RE.pattern != plain.pattern
    _same(plain, verbs._VERB_RE, [*verbs.VERBS[:60], " ", " ", ",", "x", "Sở", "các", "lập"], n=2000)
    s = "Sở Y tế chủ trì, phối hợp với các tổ chức; rà soát, lập danh sách và phối kết hợp"
    assert [m.group(0) for m in verbs._VERB_RE.finditer(s)] == [m.group(0) for m in plain.finditer(s)]


# the pattern timing_text._TEXT_TIMING was written as before it was grouped (a plain alternation)
_WHEN = r"(?:trước|chậm nhất|đến|trong|vào)"
_Q = timing_text._Q
_PLAIN_TIMING = (
    rf"(?:định kỳ|hằng năm|hàng năm|hằng quý|hàng quý)[, ]*{_WHEN}\s+{timing_text._TT_DATE}"
    r"|(?:định kỳ|hằng năm|hàng năm)\s*\(\s*(?:trước\s+)?ngày\s+\d{1,2}\s*/\s*\d{1,2}[^)]{0,30}\)"
    r"|(?:hằng|hàng)\s+tháng\s*[(,]?\s*(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\b(?!\s*[/.-]\s*\d)"
    rf"|{_WHEN}\s+(?:là\s+)?{timing_text._TT_DATE}"
    rf"|(?:trước|chậm nhất|đến|trong|vào|hết|từ)\s+(?:hết\s+|cuối\s+|các\s+)?(?:tháng\s*\d{{1,2}}(?:\s*(?:,|và|[-–—]|đến|tới)\s*(?:tháng\s*)?\d{{1,2}})*"
    rf"|quý\s*{_Q}(?:\s*(?:,|và|[-–—]|đến|tới)\s*(?:quý\s*)?{_Q})*)\s*(?:/|năm)\s*{timing_text.YEAR}"
    rf"|từ\s+(?:ngày\s+(?:{timing_text._ONE_DATE}|\d{{1,2}})|{timing_text._SLASH_DATE})\s*(?:{timing_text._D}|đến|tới)\s*(?:hết\s+)?"
    rf"(?:ngày\s+{timing_text._ONE_DATE}|{timing_text._SLASH_DATE})"
    rf"|từ\s+(?:năm\s+{timing_text.YEAR}|nay)\s*(?:{timing_text._D}|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:năm\s+)?{timing_text.YEAR}"
    r"|ngay sau khi\s+(?:kế hoạch(?:\s+này)?\s+(?:được\s+)?(?:ký\s+)?ban\s+hành|(?:ký\s+)?ban\s+hành\s+kế\s+hoạch)"
    rf"|năm\s+{timing_text.YEAR}\s*(?:,|;|và)\s*(?:(?:tiếp tục|duy trì|thực hiện|triển khai|trong)\s+){{0,3}}(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)"
    r"|định kỳ\s+(?:hằng|hàng)\s+(?:năm|quý|quí|tháng|tuần|ngày)(?![,( ]*(?:trước|chậm nhất|đến|trong|vào|ngày)\s)"
    r"|(?:định kỳ|hằng|hàng)\s+(?:năm|quý|quí|tháng|tuần|ngày)"
    r"|thường xuyên|định kỳ"
    r"|(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+(?:liền kề|kế tiếp|tiếp theo|sau)"
    r"|(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:hằng|hàng|mỗi)\s+tháng"
    rf"|(?:hoàn thành|hoàn tất|xong|ngay|trước|chậm nhất|trong)\s+(?:(?:là|trong|vào|trước)\s+)?(?:cuối\s+|các\s+|cả\s+|{timing_text._COUNT}\s+)?(?:năm|giai đoạn)\s+"
    rf"{timing_text.YEAR}(?:\s*(?:{timing_text._D}|và|,)\s*(?:năm\s+)?{timing_text.YEAR}|\s*(?:,|và)\s*(?:các|những)\s+năm\s+(?:tiếp theo|sau))?"
    rf"|(?:trong|trước|hết|vào)\s+(?:(?:6|sáu)\s*tháng\s+(?:đầu|cuối)\s+năm(?:\s+{timing_text.YEAR})?"
    r"|(?:quý|quí|tháng)\s*(?:iv|i{1,3}|\d{1,2})\s+(?:hằng|hàng|mỗi)\s+năm)"
    r"|tháng\s*\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2})+\s+(?:hằng|hàng|mỗi)\s+năm"
    r"|(?:trong|trước|hết|vào)\s+(?:quý|quí)\s*(?:iv|i{1,3}|[1-4])\b(?!\s*(?:/|năm|hằng|hàng|mỗi|,\s*(?:iv|i{1,3}|[1-4])\b|\d))"
    rf"|(?:trong|hết|cuối|đầu)\s+năm học\s+{timing_text.YEAR}\s*{timing_text._D}\s*{timing_text.YEAR}"
    r"|(?:(?:trước|vào|đến|trong|chậm nhất)\s+(?:dịp\s+)?)?cuối\s+năm\b(?!\s*(?:(?:19|20)\d{2}|học))"
    rf"|đến\s+(?:hết\s+năm\s+{timing_text.YEAR}|năm\s+{timing_text.YEAR}(?=\s*(?:[.;]|$)))"
    r"|lần\s*/\s*(?:ngày|tuần|tháng|quý|năm)\b|24\s*/\s*(?:24|7)\b|(?:hằng|hàng|mỗi)\s+(?:học kỳ|năm học)\b"
    r"|(?:nhân dịp|dịp|trước)\s+(?:dịp\s+)?(?:tết\s+nguyên\s+đán|tết\s+trung\s+thu|trung\s+thu|tết\s+cổ\s+truyền"
    r"|tết\s+dương\s+lịch|(?:nghỉ\s+)?hè)"
    rf"(?:\s+{timing_text._CAN_CHI})?(?:(?:\s+[\wÀ-ỹ]+){{0,2}}?\s+(?:năm\s+)?{timing_text.YEAR})?"
    rf"|(?:tết nguyên đán|tết trung thu|trung thu)(?:\s+[\wÀ-ỹ]+){{0,4}}?\s+(?:năm\s+)?{timing_text.YEAR}"
    r"|(?:nhân dịp|dịp)\s+[^,.;()\d]{0,60}?\d{1,2}\s*/\s*\d{1,2}\b(?!\s*/\s*\d)"
    r"|mỗi\s+(?:năm|quý|quí|tháng|tuần)\b(?!\s+học)"
    rf"|từ\s+(?:năm\s+)?{timing_text.YEAR}\s+trở\s+đi"
)
_TIMING_PIECES = [
    "định kỳ", "hằng năm", "hàng năm", "hằng quý", "trước", "chậm nhất", "đến", "trong", "vào", "ngày", "tháng", "quý",
    "năm", "là", "của", "cuối", "hằng", "hàng", "mỗi", "thường xuyên", "liền kề", "sau", "hoàn thành", "xong", "ngay",
    "các", "giai đoạn", "6", "sáu", "đầu", "hết", "iv", "i", "ii", "năm học", "dịp", "lần", "tuần", "24", "7",
    "học kỳ", "nhân dịp", "tết nguyên đán", "tết trung thu", "trung thu", "hè", "2024", "2025", "10", "15/6", ", ", "và", "(", ")", "/", "-", ".",
    ";", " ", " ", " ", "  ", "Trước", "ĐẾN", "Hằng", "từ", "tới", "–", "trở đi", "học", "12", "3",
    "nay", "cả", "hai", "ngay sau khi", "kế hoạch", "ban hành", "bính ngọ", "quốc khánh", "2/9", "tiếp theo", "các năm",
]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_timing_phrases_grouped_match_as_the_plain_alternation(flags: int) -> None:
    plain = re.compile(_PLAIN_TIMING, flags)
    fast = timing_text.text_timing_i() if flags else timing_text._TEXT_TIMING
    _same(plain, fast, _TIMING_PIECES, n=4000)
    s = "định kỳ hằng năm, trước ngày 15/12 và 15/6 hằng năm; trong quý IV; đến hết năm 2030."
    assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)]


def test_markup_pattern_of_reflow_is_the_plain_one() -> None:
    plain = re.compile(r"\*\*|__|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|(?<!\S)#{1,6}(?=\s)|\s*\|(?:\s*:?-{3,}:?\s*\|)*")
    _same(plain, reflow._MARKUP, ["*", "**", "_", "__", "#", "##", " ", "\n", "\t", "|", "-", "---", ":", "a", "I."], n=5000)


_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("letter", list("tđcđkvlmpngbhiseTĐC"))
def test_ci_branches_writes_every_case_ignorecase_matches(letter: str) -> None:
    # every code point re.IGNORECASE matches to the letter is among the cases ci_branches writes for it
    matched = {m.group(0) for m in re.finditer(re.escape(letter), _EVERY_CHARACTER, re.IGNORECASE)}
    assert matched == set(fastre._ci_split(letter + "x")[1])


def test_ci_branches_forms() -> None:
    assert ci_branches([r"\btheo dõi\b"]) == r"[tT](?<!\w[tT])(?i:heo dõi\b)"
    assert ci_branches(["mục tiêu", "chỉ tiêu"]) == "(?:m(?i:ục tiêu)|M(?i:ục tiêu)|c(?i:hỉ tiêu)|C(?i:hỉ tiêu))"
    assert ci_branches(["kết quả"]).startswith("[kK\u212a]")
    with pytest.raises(ValueError):
        ci_branches([r"\b(?:là|làm)"])  # not opening with a letter
    with pytest.raises(ValueError):
        ci_branches(["ab|cd"])  # a top-level '|' would escape the (?i:...)
    with pytest.raises(ValueError):
        ci_branches(["a(b)", "c"])  # groups of several branches would be repeated
    assert re.compile(ci_branches([r"phối hợp\s+(.+)"])).search("Phối hợp với X").group(1) == "với X"


_CI_PIECES = [
    "đầu mối", "ĐẦU MỐI", "thường trực", "Thường Trực", " tham mưu", " giúp", "cơ quan", "Cơ quan", "theo dõi",
    "THEO DÕI", "đôn đốc", "kiểm tra", "Kiểm tra", "tổng hợp", "báo cáo", "BÁO CÁO", "hướng dẫn", "việc", "tình hình",
    "Kết quả", "kết quả", "triển khai", "thực hiện", "Kế hoạch", "kế hoạch", "là", "Là", "làm", "đơn vị", "mục tiêu",
    "Chỉ tiêu", "đến", "năm", "Năm", "cuối năm", "giai đoạn", "Giai đoạn", "2025", "1999", "2030", "-", "–", "phối hợp",
    "Phối hợp", "chặt chẽ", "với", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "Cộng hoà xã hội chủ nghĩa", "C Ộ N G", "x", "a",
    "\u212a", "1", " ", " ", " ", "  ", "\n", ",", ".", "vào", "trong", "Trong", "đến hết", "hết", "2024",
]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (evidence._FOLLOW_UP[0][0], r"\bđầu mối\b|\bthường trực\b(?= (?:tham mưu|giúp))|cơ quan thường trực"),
        (evidence._FOLLOW_UP[1][0], r"\btheo dõi\b"),
        (evidence._FOLLOW_UP[2][0], r"\bđôn đốc\b"),
        (evidence._FOLLOW_UP[3][0], r"\bkiểm tra\b"),
        (evidence._FOLLOW_UP[4][0], r"\btổng hợp\b"),
        (evidence._FOLLOW_UP[5][0], r"\bbáo cáo\b"),
        (evidence._FOLLOW_UP[6][0], r"\bhướng dẫn\b"),
        (evidence._FOLLOW_UP[7][0], r"(?:việc|tình hình|kết quả)\s+(?:triển khai\s+)?thực hiện\s+(?:Kế hoạch|kế hoạch)"),
        (evidence._NAMED_FOCAL, r"\b(?:là|làm)\s+(?:cơ quan\s+|đơn vị\s+)?(?:đầu mối|thường trực)\b"),
        (target_pass._TARGET_SECTION, "mục tiêu|chỉ tiêu"),
        (target_pass._HEADING_BY, r"(?:(?:đến|năm|cuối năm)\s+|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*)((?:19|20)\d{2})"),
        (numbers._BY, r"(?:(?:cuối năm|đến năm|đến hết năm|vào năm|trong năm|năm)\s+|trong giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*)"
                      r"((?:19|20)\d{2})"),
        (support._SUPPORT_IN_TEXT, r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(.+)"),
        (wrapper._MOTTO, r"C\s*Ộ\s*N\s*G\s+H\s*[OÒ]\s*[ÀA]?\s*X\s*Ã\s+H\s*Ộ\s*I\s+C\s*H\s*Ủ\s+N\s*G\s*H\s*Ĩ\s*A"),
    ],
)
def test_ci_branches_patterns_match_as_under_ignorecase(fast: re.Pattern[str], plain: str) -> None:
    assert not fast.flags & re.IGNORECASE
    _same(re.compile(plain, re.IGNORECASE), fast, _CI_PIECES, n=2500)


@pytest.mark.parametrize(
    ("fast", "plain", "pieces"),
    [
        (text._MARKUP, r"\*+|(?<!\w)_{1,2}(?=\S)|(?<=\S)_{1,2}(?!\w)|\\(?=[^\w\s])",
         ["*", "**", "_", "__", "___", "\\", "\\*", " ", "\n", "a", "Đ", "1", ".", "-"]),
        (text._INVISIBLE, "[\u200b\u200c\u200d\u2060\ufeff]+", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "a", " "]),
        (numbers._CLAUSE, r"(?<=[;])\s+|(?<=\.)\s+(?=[A-ZĐ])", [";", ".", " ", "  ", "\n", "A", "Đ", "a", "đ", "1"]),
        (bodies._CAP_VERB, r"(?<=[\w)])\s+(?=(?:Chủ trì|Phối hợp với|Tham mưu|Tăng cường|Triển khai|Thực hiện)\b)",
         ["Chủ trì", "Phối hợp với", "Phối hợp", "Thực hiện", "x", ")", ",", " ", "  ", "\n", "Sở"]),
        (bodies._SEP_AT, r"[()\[\],;/]|(?:(?<= )|^)(?:và|cùng)\b",
         ["(", ")", "[", "]", ",", ";", "/", "và", "cùng", " ", "x", "vàx", "Sở"]),
    ],
)
def test_look_behinds_moved_after_the_first_character(fast: re.Pattern[str], plain: str, pieces: list[str]) -> None:
    _same(re.compile(plain), fast, pieces, n=3000)
    s = "".join(pieces)
    assert fast.split(s) == re.compile(plain).split(s)


def test_leading_body_lower_cases_only_the_opening() -> None:
    # leading_body compares s[:24].lower() with the lower-case openings of a body's name: each must fit in it
    assert max(map(len, bodies._LOWER_STARTS)) <= 24
    long_tail = " và " + "tổ chức thực hiện " * 200
    assert bodies.leading_body("hệ thống truyền thanh cơ sở chủ trì" + long_tail) is not None


_NUMBER_PIECES = [
    "0", "1", "2", "7", "12", "1.234", "60.000", ",5", "78,2", " ", "  ", "-", "–", "đến", "từ", "Từ", "TỪ", "%",
    "phần trăm", "Phần Trăm", "xuống", "giảm", "lên", "tăng lên", "trở", "còn", "dưới", "trên", "m2", "ha", "km",
    "MW", "kWp", "/", ".", ",", "a", "Đ", "A", "người", "hộ", "x",
]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (numbers._TOKEN, rf"(?<![\w/.,\-–])({target_forms.NUM})(?!(?!m2|m²|ha\b|km\b|MWp?\b|kWp?\b)[\w/]|[.,]\d|\s*[-–]\s*[A-ZĐ])"),
        (numbers._COUNT_RANGE, rf"(?<![\w/.,])({target_forms.NUM})\s*[-–]\s*({target_forms.NUM})(?=\s+[a-zà-ỹđ])"),
        (numbers._BASELINE, rf"(?i)từ\s+({target_forms.NUM})\s*(%|[^\d\s,;.]+(?:\s[^\d\s,;.]+)?)?\s+(?<!trở\s)(xuống|giảm|lên|tăng lên)\s+"
                            rf"(?:còn\s+|dưới\s+|trên\s+)?({target_forms.NUM})"),
    ],
)
def test_number_patterns_open_on_a_digit_or_letter(fast: re.Pattern[str], plain: str) -> None:
    _same(re.compile(plain), fast, _NUMBER_PIECES, n=4000)


def test_cheap_tests_before_costly_patterns() -> None:
    rnd = random.Random(3)
    for _ in range(4000):  # _RANGE never matches a clause with neither '%' nor 'phần trăm'
        s = "".join(rnd.choice(_NUMBER_PIECES) for _ in range(rnd.randint(0, 12)))
        if numbers._RANGE.search(s):
            assert "%" in s or numbers._PERCENT.search(s), s
    for s in ("Sở A. Đề nghị B thực hiện", "x. Giao Sở C", "a! Yêu cầu b", "c? Khuyến khích d"):
        assert len(subjects._ASK_SENTENCE.split(s)) == 2 and subjects._ASK_WORD.search(s)
    assert bodies.split_bodies("Sở Y tế và") == ["Sở Y tế"]


@pytest.mark.parametrize("rx", [reflow._LINE_MARK, numbering._DASH_ROMAN, numbering._DOT_ROMAN])
def test_count_at_line_starts_is_the_number_of_matches(rx: re.Pattern[str]) -> None:
    pieces = [*"IVX\n \t*#>_-–ab.1)đ2", "\n\n", "I- A", "II – B", "  ", "**", "x", "1.2.", "a)", "I. A"]
    rnd = random.Random(5)
    for _ in range(4000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        assert count_at_line_starts(rx, s) == len(rx.findall(s)), s
    assert count_at_line_starts(rx, "a)\n1.2.\n") == len(rx.findall("a)\n1.2.\n"))  # a match ending on a newline
    with pytest.raises(ValueError):
        count_at_line_starts(re.compile(r"^a|b", re.M), "ab")


def test_title_look_behind_after_its_first_letter() -> None:
    plain = re.compile(r"(?<![\wÀ-ỹ])KẾ\s*HOẠCH(?![\wÀ-ỹ])")
    _same(plain, runon._TITLE, ["KẾ", "HOẠCH", "KẾ HOẠCH", " ", "\n", "x", "Á", "K", "Ế", "1"], n=3000)


def test_character_lists_tested_with_in_are_their_classes() -> None:
    # normalize and legacy.detect test these characters with `in` before scanning with the class
    for c in _EVERY_CHARACTER[:0x10000]:
        assert bool(legacy._TCVN3_TELLS.match(c)) == (c in legacy._TCVN3_TELL_CHARS)
        assert bool(legacy._VNI_MARK_CHARS.match(c)) == (c in legacy._VNI_MARK_CHAR_LIST)
        assert bool(text._SPACES.match(c)) == (c in text._SPACE_CHARS)
        assert bool(text._INVISIBLE.match(c)) == (c in text._INVISIBLE_CHARS)
    assert text.normalize("a\u200b\u200cb\tc\u00a0d") == "ab c d" and text.normalize("abc") == "abc"
    assert legacy.detect("Kõ ho¹ch thùc hiÖn " * 10) == "tcvn3"


def _line_by_loop(loc: evidence.Locator, text: str) -> int | None:
    """Locator.line as it was written: `in` on each paragraph in turn."""
    key = evidence._key(text)
    if len(key) < 6:
        return None
    hit = loc.starts.get(key[:24])
    if hit:
        return hit
    for probe in (key, key[:24]):
        for t, ln in loc.paras:
            if probe in t:
                return ln or None
    return None


def test_locator_finds_the_first_paragraph_holding_a_key() -> None:
    rnd = random.Random(2)
    words = ["Sở Y tế", "chủ trì", "phối hợp", "UBND", "tỉnh", "kiểm tra", " ", "xã", "a", "b"]
    for _ in range(1500):
        blocks: list[Paragraph | Table] = []
        for _ in range(rnd.randint(0, 6)):
            t = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
            if rnd.random() < 0.2:
                blocks.append(Table([[t, "x" * rnd.randint(0, 12)]], line=rnd.choice([0, 5])))
            else:
                blocks.append(Paragraph(" ".join(t.split()), line=rnd.choice([0, 1, 2, 3, 7])))
        loc = evidence.Locator(blocks)
        for _ in range(5):
            s = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 14)))
            assert loc.line(s) == _line_by_loop(loc, s)
