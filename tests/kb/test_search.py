"""The knowledge base's search engine, without a database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cexdesk.kb.content import split_title
from cexdesk.kb.render import to_html
from cexdesk.kb.search import Index, tokens

ARTICLES = [
    (
        "deposit-not-credited",
        "Deposit not credited: what to check. 充值未到账怎么办 Nạp tiền chưa về",
    ),
    ("wrong-network", "Sent USDT over the wrong network (BEP20 instead of TRC20). 充错网络"),
    ("missing-memo", "Deposit without a memo or tag (XRP, XLM, TON). 充值忘记填写备注"),
    ("withdrawal-lock", "Withdrawals locked for 24 hours after a security change. 提现锁定24小时"),
    ("2fa-reset", "Reset two-factor authentication when you lost your phone. 重置谷歌验证"),
]


def test_chinese_is_found_inside_longer_words() -> None:
    index = Index.of(ARTICLES)
    # 没到账 ("not arrived") shares 到账 with 未到账 although no space separates words.
    assert index.search("我的USDT没到账")[0].key == "deposit-not-credited"
    assert index.search("提现为什么被锁定")[0].key == "withdrawal-lock"


def test_vietnamese_matches_with_or_without_accents() -> None:
    index = Index.of(ARTICLES)
    assert index.search("nạp tiền chưa về")[0].key == "deposit-not-credited"
    assert index.search("nap tien chua ve")[0].key == "deposit-not-credited"


def test_english_ranks_the_specific_article_first() -> None:
    index = Index.of(ARTICLES)
    assert index.search("forgot the XRP tag")[0].key == "missing-memo"
    assert index.search("I lost my phone with google authenticator")[0].key == "2fa-reset"
    assert index.search("the of and") == []  # nothing but stop words


@given(st.text(max_size=200))
def test_any_text_tokenizes_and_searches_without_error(text: str) -> None:
    index = Index.of(ARTICLES)
    assert all(term for term in tokens(text))
    for hit in index.search(text):
        assert hit.score > 0


def test_markdown_never_carries_script_or_javascript_links() -> None:
    html = to_html(
        "Hello <script>alert(1)</script> [x](javascript:alert(1)) "
        '<img src=x onerror=alert(1)> **ok** [site](https://example.com "t")'
    )
    # Raw HTML stays text (escaped), so no element of it exists in the output.
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript' not in html
    assert "<strong>ok</strong>" in html
    assert 'href="https://example.com"' in html and 'rel="noopener noreferrer nofollow"' in html


def test_article_files_start_with_their_title() -> None:
    assert split_title("# Deposit not credited\n\nBody text.") == (
        "Deposit not credited",
        "Body text.",
    )
