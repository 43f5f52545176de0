"""The TF-IDF representation's text analysis: accents, Arabic spellings, Chinese text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from cexdesk.bot import features
from cexdesk.bot.features import Tfidf, char_terms, clean, fold, word_terms
from cexdesk.bot.intents import IntentModel, train
from tests.bot import samples


def words(text: str) -> set[str]:
    return set(word_terms(clean(text)))


def test_vietnamese_without_accents_has_the_word_features_of_the_accented_spelling() -> None:
    assert fold("rút tiền") == "rut tien"
    assert fold("đổi mật khẩu") == "doi mat khau"  # đ is a letter of its own, folded too
    accented, plain = words("Rút tiền chưa về"), words("rut tien chua ve")
    assert plain <= accented
    assert {"rút tiền", "rut tien", "rút", "rut"} <= accented
    # The character view too.
    assert set(char_terms(clean("rut tien"))) <= set(char_terms(clean("rút tiền")))


def test_plain_vietnamese_is_nearest_the_accented_text_of_the_same_words() -> None:
    fitted = ["rút tiền chưa về", "nạp tiền chưa về", "đổi mật khẩu"]
    gaps = []
    for analysis in (1, features.ANALYSIS):
        representation = Tfidf(analysis)
        representation.fit(fitted)
        x = representation.transform([*fitted[:2], "rut tien chua ve"])
        similarity = (x @ x.T).toarray()
        gaps.append(similarity[2, 0] - similarity[2, 1])
    # Without folding "rut" meets "rút" only in a few character n-grams.
    assert gaps[1] > 2 * gaps[0] > 0


def test_an_engine_trained_on_accented_vietnamese_understands_it_without_accents() -> None:
    engine = train(samples.examples(), seed=1)
    assert engine.predict_one("lenh rut tien cua toi van dang cho xu ly").intent == (
        "withdrawal_pending"
    )


def test_other_scripts_are_not_folded() -> None:
    assert fold("мой счёт заблокирован, її") == "мой счёт заблокирован, її"
    assert fold("提现") == "提现"


def test_arabic_spelling_variants_are_written_one_way() -> None:
    # Alef with hamza above/below and with madda, and wasla: bare alef.
    assert clean("أريد") == clean("إريد") == clean("آريد") == clean("ٱريد") == "اريد"
    assert clean("المذكرة") == clean("المذكره") == "المذكره"  # ta marbuta / ha
    assert clean("على") == clean("علي") == "علي"  # alef maqsura / ya
    assert clean("سحـــب") == "سحب"  # tatweel
    assert clean("الإيداعُ لم يُضَفْ") == clean("الايداع لم يضف")  # harakat
    assert words("لم يصل إيداعي") == words("لم يصل ايداعي")


def test_chinese_characters_and_character_pairs_are_word_features() -> None:
    terms = words("我的币被盗了，账户被冻结")
    assert {"盗", "冻", "币", "被盗", "冻结"} <= terms
    assert {"充值", "提现", "usdt"} <= words("充值USDT后想提现")
    assert "骗" in words("我被骗了")
    assert "取引" in words("取引所の出金")  # Japanese kana and kanji alike


def test_english_text_is_analysed_as_before() -> None:
    before_words = TfidfVectorizer(ngram_range=(1, 2), lowercase=False).build_analyzer()
    before_chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), lowercase=False
    ).build_analyzer()
    for text in ["My withdrawal is still pending!", "I can't log in, 2FA code wrong"]:
        assert word_terms(clean(text)) == before_words(features.normalise(text))
        assert char_terms(clean(text)) == before_chars(features.normalise(text))


def test_the_analysis_is_saved_with_the_model(tmp_path: Path) -> None:
    engine = train(samples.examples(), seed=1)
    path = tmp_path / "engine.npz"
    engine.save(path)
    settings, _ = engine.parts[0].representation.state()
    assert settings["analysis"] == features.ANALYSIS
    loaded = IntentModel.load(path)
    texts = ["rut tien chua ve", "我的充值还没有到账", "أريد سحب أموالي"]
    assert np.allclose(loaded.probabilities(texts), engine.probabilities(texts), atol=1e-6)


def _without_analysis(path: Path, analysis: int | None) -> None:
    """Rewrite a saved engine's header as a model of another analysis would have it."""
    with np.load(path, allow_pickle=False) as stored:
        arrays = {key: stored[key] for key in stored.files}
    header = json.loads(str(arrays.pop("header")))
    for part in header["parts"]:
        if analysis is None:
            del part["settings"]["analysis"]
        else:
            part["settings"]["analysis"] = analysis
    np.savez_compressed(path, header=np.array(features.dumps(header)), **arrays)


def test_a_model_saved_before_the_analysis_was_recorded_keeps_its_analysis(
    tmp_path: Path,
) -> None:
    # An engine on the first analysis, as trained before it was recorded.
    engine = train(samples.examples(), seed=1)
    legacy = Tfidf(analysis=1)
    examples = samples.examples()
    legacy.fit([text for text, _ in examples])
    engine.parts[0].representation = legacy
    engine.parts[0].linear = features.fit_linear(
        legacy.transform([text for text, _ in examples]),
        np.array([engine.labels.index(label) for _, label in examples]),
        len(engine.labels),
        0.7,
    )
    texts = [text for text, _ in samples.TEST] + ["rut tien chua ve", "我的币被盗了"]
    path = tmp_path / "old.npz"
    engine.save(path)
    _without_analysis(path, None)
    loaded = IntentModel.load(path)
    representation = loaded.parts[0].representation
    assert isinstance(representation, Tfidf)
    assert representation.analysis == 1
    assert np.allclose(loaded.probabilities(texts), engine.probabilities(texts), atol=1e-6)


def test_a_model_of_an_unknown_analysis_is_refused_with_advice_to_retrain(
    tmp_path: Path,
) -> None:
    engine = train(samples.examples(), seed=1)
    path = tmp_path / "future.npz"
    engine.save(path)
    _without_analysis(path, 99)
    with pytest.raises(ValueError, match="train it again"):
        IntentModel.load(path)


def test_the_fitted_texts_transformed_right_after_fitting_are_not_analysed_twice() -> None:
    texts = [text for text, _ in samples.examples()]
    representation = Tfidf()
    representation.fit(texts)
    first = representation.transform(texts)  # the matrix made while fitting
    again = representation.transform(texts)  # analysed afresh
    assert first.shape == again.shape
    assert abs(first - again).max() < 1e-12
