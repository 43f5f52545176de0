"""The whole way through, in Chromium: a user chats from the help centre, tier 1 takes
the offered chat and answers, escalates with a handover, tier 2 resolves it, and the
user reads every reply live without reloading."""

from __future__ import annotations

import re

from playwright.async_api import Browser, expect

from tests.web.browser import (
    Desk,
    needs_chromium,
    open_page,
    screenshot,
    sign_in_agent,
    sign_in_customer,
)

pytestmark = [needs_chromium]

FIRST_REPLY = "Hi Alice, I am looking at your deposit right now."
RESOLUTION = "The deposit was credited after the node resynced: 120 USDT are in your account."


async def test_chat_offer_reply_escalate_and_resolve(live_desk: Desk, browser: Browser) -> None:
    desk = live_desk
    alice_context = await browser.new_context(viewport={"width": 1000, "height": 800})
    tom_context = await browser.new_context(viewport={"width": 1400, "height": 900})
    erin_context = await browser.new_context(viewport={"width": 1400, "height": 900})
    tom = await open_page(tom_context)
    erin = await open_page(erin_context)
    alice = await open_page(alice_context)

    await sign_in_agent(tom, desk, "tom")
    await sign_in_agent(erin, desk, "erin")
    await sign_in_customer(alice, desk, "uid-alice", name="Alice", lang="en")

    # Alice wants a person, not the bot: she presses "talk to a human" first, then asks;
    # the chat is offered to Tom, who sees the countdown running.
    await expect(alice.page.locator(".chat-log li.bot")).to_contain_text("support assistant")
    await alice.page.click("#chat-human")
    await expect(alice.page.locator("#chat-human")).to_be_hidden()
    await alice.page.fill("#chat-input", "Hello, my USDT deposit has not arrived yet")
    await alice.page.click("#chat-send")
    mine = alice.page.locator(".chat-log li.mine")
    await expect(mine).to_have_count(1)
    await expect(mine.first).not_to_have_class(re.compile("sending"))
    offer = tom.page.locator("#offers .offer")
    await expect(offer).to_have_count(1, timeout=10_000)
    await expect(offer).to_contain_text("my USDT deposit has not arrived")
    # The countdown ticks down in the browser (it shows whole seconds left).
    first = await offer.locator(".countdown").inner_text()
    await expect(offer.locator(".countdown")).not_to_have_text(first, timeout=3000)
    await screenshot(tom.page, "console-offer")

    # Tom accepts and lands in the conversation with the customer panel and clocks.
    await offer.locator("button.accept").click()
    await tom.page.wait_for_url(re.compile(r"/console/tickets/\d+$"))
    parent_id = int(tom.page.url.rsplit("/", 1)[1])
    await expect(tom.page.locator(".customer h2")).to_have_text("Alice")
    await expect(tom.page.locator("#timeline")).to_contain_text("deposit has not arrived")
    await expect(tom.page.locator(".clocks")).to_contain_text("first reply")

    # Tom answers; Alice sees him typing, then the answer arrive without reloading.
    await tom.page.locator("#reply-body").press_sequentially(FIRST_REPLY[:5])
    await expect(alice.page.locator("#chat-status")).to_have_text("Support is typing…")
    await tom.page.fill("#reply-body", FIRST_REPLY)
    await tom.page.keyboard.press("Control+Enter")
    await expect(tom.page.locator("#timeline")).to_contain_text(FIRST_REPLY)
    await expect(alice.page.locator(".chat-log")).to_contain_text(FIRST_REPLY, timeout=10_000)
    await expect(alice.page.locator(".chat-log")).to_contain_text("Tom joined the chat")
    # Alice's widget sent a read receipt: Tom's reply shows as seen.
    await expect(tom.page.locator("#timeline .msg.agent").last).to_have_class(
        re.compile(r"\bseen\b"), timeout=10_000
    )

    # Alice answers back live in Tom's timeline (the stream refreshes it), and while she
    # types Tom sees it.
    # (The widget signals typing at most every few seconds: keep typing until it shows.)
    typing = tom.page.locator("#customer-typing")
    for _ in range(20):
        await alice.page.locator("#chat-input").press_sequentially("x")
        if await typing.is_visible():
            break
        await alice.page.wait_for_timeout(500)
    await expect(typing).to_be_visible()
    await alice.page.fill("#chat-input", "TxID 0xabc123, network TRC20")
    await alice.page.keyboard.press("Enter")
    await expect(tom.page.locator("#timeline")).to_contain_text("TxID 0xabc123", timeout=10_000)
    await screenshot(tom.page, "console-conversation")

    # Tom escalates to tier 2 with a written handover.
    await tom.page.click(".escalate summary")
    await tom.page.fill("textarea[name=summary]", "TRC20 deposit 0xabc123 not credited")
    await tom.page.fill("textarea[name=tried]", "Checked the address and the memo")
    await tom.page.click("#escalate-submit")
    await expect(tom.page.locator(".handover-line")).to_contain_text("waiting on tier 2")
    child_link = tom.page.locator(".handover-line a")
    child_id = int((await child_link.inner_text()).lstrip("#"))

    # Erin (tier 2) finds it in her work, reads the handover and resolves it, telling Alice.
    child_row = erin.page.locator(f'#mine a[href="/console/tickets/{child_id}"], '
                                  f'#queue a[href="/console/tickets/{child_id}"]')  # fmt: skip
    await expect(child_row.first).to_be_visible(timeout=10_000)
    await child_row.first.click()
    await expect(erin.page.locator(".handover")).to_contain_text("TRC20 deposit 0xabc123")
    await expect(erin.page.locator(".handover")).to_contain_text(f"#{parent_id}")
    await screenshot(erin.page, "console-tier2-handover")
    await erin.page.fill("textarea[name=resolution]", RESOLUTION)
    await erin.page.click("#resolve-submit")
    await expect(erin.page.locator("#ticket-status")).to_have_text("solved")

    # Alice reads the resolution live; Tom's conversation is back with him, reopened.
    await expect(alice.page.locator(".chat-log")).to_contain_text(RESOLUTION, timeout=10_000)
    await screenshot(alice.page, "help-chat")
    await expect(tom.page.locator(".handover-line")).to_contain_text("resolved", timeout=10_000)
    await expect(tom.page.locator("#timeline")).to_contain_text("Resolution", timeout=10_000)

    # Alice saw each reply once, in order.
    texts = await alice.page.locator(".chat-log li .bubble").all_inner_texts()
    replies = [t for t in texts if t in (FIRST_REPLY, RESOLUTION)]
    assert replies == [FIRST_REPLY, RESOLUTION]

    # The supervisor's board and the admin page, and the help centre's home, as they
    # stand after this conversation (screenshots of the main pages).
    sam = await open_page(await browser.new_context(viewport={"width": 1400, "height": 900}))
    await sign_in_agent(sam, desk, "sam")
    await sam.page.goto(f"{desk.base_url}/console/supervisor")
    await expect(sam.page.locator("#board")).to_contain_text("Agents at work")
    await screenshot(sam.page, "console-supervisor")
    await sam.page.goto(f"{desk.base_url}/console/admin")
    await expect(sam.page.locator("#agents")).to_contain_text("Erin")
    await screenshot(sam.page, "console-admin")
    await alice.page.goto(f"{desk.base_url}/help/en")
    await screenshot(alice.page, "help-home")

    # No page raised an error or ran anything it should not have.
    for watched in (tom, erin, alice, sam):
        watched.assert_clean()
    for context in (alice_context, tom_context, erin_context):
        await context.close()
