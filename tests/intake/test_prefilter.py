"""The literal prefilter may only ever skip patterns that cannot match."""

from __future__ import annotations

import re
import sys

from cexdesk.intake import lexicon
from cexdesk.intake.prefilter import Prefilter, anchors_of, fold

PATTERNS = [p for group in lexicon.TOPICS.values() for p in group] + [
    *lexicon.COMPLAINT,
    *lexicon.MANAGER_REQUEST,
    *lexicon.STRONG_NEGATIVE,
]


def test_folding_keeps_every_character_in_its_ignorecase_class() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = fold(char)
        if folded != char:
            assert len(folded) == 1, hex(code)
            assert re.fullmatch(re.escape(char), folded, re.IGNORECASE), hex(code)


def test_characters_re_treats_as_equal_fold_alike() -> None:
    from re import _casefix  # type: ignore[attr-defined]

    for code, others in _casefix._EXTRA_CASES.items():
        for other in others:
            assert fold(chr(code)) == fold(chr(other)), (hex(code), hex(other))


def test_anchors_follow_the_pattern() -> None:
    assert anchors_of(r"d[ée]p[oô]t") == frozenset({"dépot", "dépôt", "depot", "depôt"})
    assert anchors_of(r"не (?:пришл|зачисл|поступ)") == frozenset({"пришл", "зачисл", "поступ"})
    assert anchors_of(r"(?:ha )?llegad") == frozenset({"llegad"})
    assert anchors_of(r"\w*") is None


def test_every_matching_pattern_is_a_candidate() -> None:
    prefilter = Prefilter.build(PATTERNS)
    compiled = [re.compile(p, re.IGNORECASE) for p in PATTERNS]
    texts = [
        "I deposited 250 USDT via TRC20 and it is NOT CREDITED",
        "YATIRIM GELMEDİ, hesabım hacklendi",
        "Mein Konto wurde GEHACKT, Einzahlung nicht angekommen",
        "ДЕПОЗИТ НЕ ЗАЧИСЛЕН, ужасная поддержка",
        "我充值USDT选错网络了，还没到账",
        "Ma demande de DÉPÔT n'est pas encore créditée",
        "تم اختراق حسابي",
    ]
    for text in texts:
        candidates = prefilter.candidates(text)
        for position, pattern in enumerate(compiled):
            if pattern.search(text):
                assert position in candidates, (text, PATTERNS[position])
