"""Language of a customer message, among the 15 cexdesk speaks. Pure (the model is data).

py3langid restricted to our languages does the work for real sentences; the script
decides outright where it can (Arabic), Chinese is split into Simplified and Traditional
by the characters used, and very short messages ("ok", "hi", a tx hash) take the
customer's profile language, which is right far more often than any detector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

SUPPORTED = (
    "en", "zh-Hans", "zh-Hant", "ru", "uk", "vi", "id", "tr",
    "es", "pt-BR", "fr", "de", "it", "pl", "ar",
)  # fmt: skip
_DETECTOR_CODES = {
    "en": "en", "zh": "zh-Hans", "ru": "ru", "uk": "uk", "vi": "vi", "id": "id",
    "tr": "tr", "es": "es", "pt": "pt-BR", "fr": "fr", "de": "de", "it": "it",
    "pl": "pl", "ar": "ar",
}  # fmt: skip
MIN_WORDS = 3
MIN_CONFIDENCE = 0.6

# Pairs of (simplified, traditional) forms of characters common in support messages.
_HANS_HANT = (
    "们們 说說 这這 来來 时時 会會 对對 后後 还還 过過 应應 发發 开開 关關 问問 题題 钱錢 币幣 "
    "账帳 户戶 认認 证證 个個 为為 与與 进進 见見 现現 没沒 样樣 么麼 请請 该該 谢謝 车車 东東 "
    "动動 务務 区區 华華 单單 卖賣 买買 实實 头頭 达達 设設 读讀 让讓 语語 书書 转轉 边邊 连連 "
    "选選 钟鐘 银銀 锁鎖 图圖 团團 国國 场場 网網 线線 经經 结結 给給 绑綁 统統 观觀 记記 许許 "
    "资資 费費 质質 购購 输輸 码碼 号號 额額 冻凍 结結 录錄 险險 验驗 审審 处處"
)
_SIMPLIFIED = frozenset(p[0] for p in _HANS_HANT.split() if p[0] != p[1])
_TRADITIONAL = frozenset(p[1] for p in _HANS_HANT.split() if p[0] != p[1])
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Detected:
    language: str
    confidence: float
    reason: str  # script | model | profile | default


@cache
def _identifier() -> Any:
    """Load the model once per process (about 1.5 s); it never downloads anything."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(_DETECTOR_CODES))
    return identifier


def chinese_variant(text: str) -> str:
    simplified = sum(ch in _SIMPLIFIED for ch in text)
    traditional = sum(ch in _TRADITIONAL for ch in text)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def detect(text: str, profile_language: str | None = None) -> Detected:
    """Best guess for ``text``; the profile language breaks ties on very short messages."""
    fallback = profile_language if profile_language in SUPPORTED else None
    han = len(_HAN.findall(text))
    if _ARABIC.search(text) and len(_ARABIC.findall(text)) >= max(3, han):
        return Detected("ar", 1.0, "script")
    if han >= 2:
        return Detected(chinese_variant(text), 1.0, "script")
    words = _WORDS.findall(text)
    if len(words) < MIN_WORDS and fallback:
        return Detected(fallback, 0.5, "profile")
    if not words:
        return Detected("en", 0.0, "default")
    code, confidence = _identifier().classify(text)
    language = _DETECTOR_CODES.get(code, "en")
    if confidence < MIN_CONFIDENCE and fallback:
        return Detected(fallback, float(confidence), "profile")
    return Detected(language, float(confidence), "model")
