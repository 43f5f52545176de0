"""The knowledge base through the API and the help centre: publishing with versions,
drafts unseen by readers, language fallback, search in several languages, votes."""

from __future__ import annotations

import re
from pathlib import Path

from cexdesk.core import audit
from cexdesk.kb import content, flows
from tests.personas import Desk

ARTICLE = {
    "category": "deposit",
    "subcategory": None,
    "tags": ["deposit", "txid"],
    "title": "Deposit not credited",
    "body": "1. Check the **network**.\n2. Send us the TxID.\n\n<script>alert(1)</script>",
    "publish": True,
}


def write_article(root: Path, slug: str, category: str, texts: dict[str, str]) -> None:
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(
        f'{{"slug": "{slug}", "category": "{category}", "tags": [], "related": []}}'
    )
    for language, text in texts.items():
        (folder / f"{language}.md").write_text(text, encoding="utf-8")


async def test_supervisors_publish_versions_and_readers_see_only_published(desk: Desk) -> None:
    sam = await desk.staff("sam")
    tom = await desk.staff("tom")
    refused = await tom.put("/api/v1/kb/articles/deposit-help/translations/en", json=ARTICLE)
    assert refused.status_code == 403
    first = await sam.put("/api/v1/kb/articles/deposit-help/translations/en", json=ARTICLE)
    assert first.status_code == 200, first.text
    assert first.json()["version"] == 1
    draft = await sam.put(
        "/api/v1/kb/articles/deposit-help/translations/en",
        json={**ARTICLE, "title": "Deposit not credited (new)", "publish": False},
    )
    assert draft.json()["version"] == 1
    reader = desk.anonymous()
    shown = (await reader.get("/api/v1/kb/articles/deposit-help?lang=en")).json()
    assert shown["title"] == "Deposit not credited"  # the draft is not out yet
    assert "<strong>network</strong>" in shown["html"] and "<script" not in shown["html"]
    await sam.put("/api/v1/kb/articles/deposit-help/translations/en",
                  json={**ARTICLE, "title": "Deposit not credited (new)"})  # fmt: skip
    shown = (await reader.get("/api/v1/kb/articles/deposit-help?lang=vi")).json()
    assert (shown["title"], shown["version"], shown["language"]) == (
        "Deposit not credited (new)", 2, "en")  # fmt: skip
    entries = await (await desk.staff("ada")).get(
        "/api/v1/admin/audit", params={"action": "kb.published"}
    )
    assert len(entries.json()["items"]) == 2


async def test_shipped_style_content_loads_once_and_is_searched_per_language(
    desk: Desk, tmp_path: Path
) -> None:
    write_article(tmp_path, "wrong-network", "deposit", {
        "en": "# Sent over the wrong network\n\nUSDT sent over BEP20 to a TRC20 address.",
        "zh-Hans": "# 充错网络怎么办\n\n您把USDT通过BEP20网络充到了TRC20地址。",
    })  # fmt: skip
    write_article(tmp_path, "security-lock", "withdrawal", {
        "en": "# Withdrawals locked for 24 hours\n\nAfter a password or 2FA change.",
    })  # fmt: skip
    articles = content.read_articles(tmp_path)
    async with desk.ctx.db.transaction() as session:
        assert await flows.load_content(session, articles, audit.SYSTEM) == 3
    async with desk.ctx.db.transaction() as session:
        assert await flows.load_content(session, articles, audit.SYSTEM) == 0
    reader = desk.anonymous()
    asked = {"lang": "zh-Hans", "q": "我充错网络了"}
    found = (await reader.get("/api/v1/kb/articles", params=asked)).json()
    assert (found[0]["slug"], found[0]["title"]) == ("wrong-network", "充错网络怎么办")
    asked = {"lang": "en", "q": "why can't I withdraw after changing 2FA"}
    found = (await reader.get("/api/v1/kb/articles", params=asked)).json()
    assert found[0]["slug"] == "security-lock"

    # The help centre: search, the article, and a vote from an anonymous reader.
    page = await reader.get("/help/zh-Hans/search", params={"q": "充错网络"})
    assert 'href="/help/zh-Hans/articles/wrong-network"' in page.text
    article = await reader.get("/help/zh-Hans/articles/wrong-network")
    assert "<h1>充错网络怎么办</h1>" in article.text
    voted = await reader.post("/help/zh-Hans/articles/wrong-network/vote", data={"helpful": "yes"})
    assert voted.status_code == 200 and "感谢您的反馈" in voted.text
    again = await reader.post("/help/zh-Hans/articles/wrong-network/vote", data={"helpful": "no"})
    assert again.status_code == 200
    counts = (await reader.get("/api/v1/kb/articles/wrong-network?lang=zh-Hans")).json()
    assert (counts["helpful"], counts["not_helpful"]) == (0, 1), "one reader, one (changed) vote"


def test_the_shipped_knowledge_base_covers_the_taxonomy_in_english_and_chinese() -> None:
    from cexdesk.tickets.service import TAXONOMY

    articles = content.read_articles()
    assert len(articles) >= 40
    for article in articles:
        assert {"en", "zh-Hans"} <= set(article.texts), article.slug
        assert article.category in TAXONOMY, (article.slug, article.category)
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", article.slug)
    slugs = {a.slug for a in articles}
    for article in articles:
        assert set(article.related) <= slugs, (article.slug, set(article.related) - slugs)
