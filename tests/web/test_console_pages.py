"""The console and help-centre pages through HTTP (no browser): sign-in, CSRF, headers,
who sees what, and a queue of 10,000 waiting tickets served a page at a time."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import httpx
from sqlalchemy import insert

from cexdesk.core.clock import FakeClock
from cexdesk.core.security import totp_now
from cexdesk.customers.models import Customer
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.intake.language import SUPPORTED
from cexdesk.tickets.models import Ticket
from tests.personas import PASSWORD, Desk, Person


async def console_client(desk: Desk, name: str, clock: FakeClock) -> tuple[httpx.AsyncClient, str]:
    """Signed in through the sign-in form, as a browser would be; returns the CSRF token."""
    person: Person = await desk.staff(name)
    clock.advance(seconds=31)  # the persona's sign-in used this TOTP step already
    client = desk.anonymous()
    code = totp_now(person.extra["totp_secret"], clock.now())
    signed_in = await client.post(
        "/console/login",
        data={"email": f"{name}@cexdesk.test", "password": PASSWORD, "totp": code},
    )
    assert signed_in.status_code == 303, signed_in.text
    assert signed_in.headers["location"] == "/console"
    page = await client.get("/console")
    assert page.status_code == 200
    csrf = re.search(r'"X-CSRF-Token": "([0-9a-f]+)"', page.text)
    assert csrf is not None
    return client, csrf.group(1)


async def test_console_sends_strangers_to_sign_in(desk: Desk) -> None:
    stranger = desk.anonymous()
    page = await stranger.get("/console/tickets/1")
    assert page.status_code == 303
    assert page.headers["location"] == "/console/login?next=/console/tickets/1"
    fragment = await stranger.get("/console/queue", headers={"HX-Request": "true"})
    assert fragment.headers["HX-Redirect"].startswith("/console/login")


async def test_sign_in_needs_the_right_password_and_totp(desk: Desk, clock: FakeClock) -> None:
    tom = await desk.staff("tom")
    clock.advance(seconds=31)
    browser = desk.anonymous()
    wrong = await browser.post(
        "/console/login", data={"email": "tom@cexdesk.test", "password": "nope", "totp": ""}
    )
    assert wrong.status_code == 401
    assert "wrong email or password" in wrong.text
    no_code = await browser.post(
        "/console/login", data={"email": "tom@cexdesk.test", "password": PASSWORD}
    )
    assert no_code.status_code == 401
    assert "TOTP code is required" in no_code.text
    code = totp_now(tom.extra["totp_secret"], clock.now())
    offsite = await browser.post(
        "/console/login",
        data={"email": "tom@cexdesk.test", "password": PASSWORD, "totp": code},
        headers={"Origin": "https://evil.example"},
    )
    assert offsite.status_code == 403
    # An open redirect is not on offer: next= only ever stays inside the console.
    signed_in = await browser.post(
        "/console/login",
        data={"email": "tom@cexdesk.test", "password": PASSWORD, "totp": code,
              "next": "https://evil.example/console"},
    )  # fmt: skip
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/console"


async def test_console_writes_need_the_csrf_token(desk: Desk, clock: FakeClock) -> None:
    client, csrf = await console_client(desk, "tom", clock)
    refused = await client.post("/console/presence", data={"value": "online"})
    assert refused.status_code == 403
    accepted = await client.post(
        "/console/presence", data={"value": "online"}, headers={"X-CSRF-Token": csrf}
    )
    assert accepted.status_code == 200
    assert 'data-presence="online"' in accepted.text
    tom = await desk.staff("tom")
    me = await tom.get(f"/api/v1/agents/{tom.id}")
    assert me.json()["presence"] == "online"


async def test_pages_carry_a_strict_content_security_policy(desk: Desk) -> None:
    page = await desk.anonymous().get("/console/login")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
    help_page = await desk.anonymous().get("/help/en")
    assert "frame-ancestors 'self'" in help_page.headers["content-security-policy"]


async def test_help_centre_speaks_fifteen_languages_and_arabic_right_to_left(desk: Desk) -> None:
    visitor = desk.anonymous()
    titles = set()
    for language in SUPPORTED:
        page = await visitor.get(f"/help/{language}")
        assert page.status_code == 200
        assert f'lang="{language}"' in page.text
        assert ('dir="rtl"' in page.text) == (language == "ar")
        title = re.search(r"<h1>(.*?)</h1>", page.text)
        assert title is not None
        titles.add(title.group(1))
    assert len(titles) == len(SUPPORTED), "some language shows another's heading"
    assert (await visitor.get("/help/xx")).status_code == 404
    chosen = await visitor.get("/help", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert chosen.headers["location"] == "/help/vi"


async def test_help_session_only_from_a_genuine_token_and_our_own_page(desk: Desk) -> None:
    visitor = desk.anonymous()
    token = desk.exchange_token("uid-alice", name="Alice")
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert (await visitor.post("/help/session", json={"token": forged})).status_code == 401
    offsite = await visitor.post(
        "/help/session", json={"token": token}, headers={"Origin": "https://evil.example"}
    )
    assert offsite.status_code == 403
    assert (await visitor.post("/help/session", json={"token": token})).status_code == 204
    page = await visitor.get("/help/en/contact")
    assert 'name="subject"' in page.text


async def test_a_customer_never_sees_another_customers_request(desk: Desk) -> None:
    bob = await desk.customer("bob")
    created = await bob.post(
        "/api/v1/tickets", json={"subject": "Bob's withdrawal", "body": "stuck", "channel": "web"}
    )
    assert created.status_code == 201
    bob_ticket = created.json()["id"]
    alice = desk.anonymous()
    token = desk.exchange_token("uid-alice", name="Alice")
    assert (await alice.post("/help/session", json={"token": token})).status_code == 204
    mine = await alice.get("/help/en/requests")
    assert "Bob&#39;s withdrawal" not in mine.text and "Bob's withdrawal" not in mine.text
    assert (await alice.get(f"/help/en/requests/{bob_ticket}")).status_code == 404


async def test_a_queue_of_ten_thousand_is_served_fifty_at_a_time(
    desk: Desk, clock: FakeClock
) -> None:
    client, _ = await console_client(desk, "tom", clock)
    now = clock.now()
    async with desk.ctx.db.transaction() as session:
        customer = Customer(display_name="Queue Filler", created_at=now, updated_at=now)
        session.add(customer)
        await session.flush()
        priorities = ("low", "normal", "high", "urgent")
        inserted = await session.execute(
            insert(Ticket).returning(Ticket.id, sort_by_parameter_order=True),
            [
                {
                    "subject": f"waiting {n}", "status": "new", "priority": priorities[n % 4],
                    "channel": "email", "language": "en", "requester_id": customer.id,
                    "created_at": now - timedelta(seconds=10_000 - n),
                    "updated_at": now, "is_complaint": False,
                }
                for n in range(10_000)
            ],
        )  # fmt: skip
        ids = list(inserted.scalars())
    first = await client.get("/console/queue", headers={"HX-Request": "true"})
    assert "10000 waiting" in first.text
    seen: list[int] = []
    page = first.text
    while True:
        rows = [int(i) for i in re.findall(r'href="/console/tickets/(\d+)"', page)]
        assert len(rows) <= 50, "a page never renders more than 50 rows"
        seen.extend(rows)
        more = re.search(r'hx-get="/console/queue\?after=([^"]+)"', page)
        if more is None:
            break
        page = (await client.get(f"/console/queue?after={more.group(1)}")).text
    assert len(seen) == 10_000 and len(set(seen)) == 10_000
    # Queue order: urgent first, then high, normal, low; oldest first within each.
    rank_of_n = {0: 3, 1: 2, 2: 1, 3: 0}  # n % 4 -> low, normal, high, urgent
    expected = [ids[n] for n in sorted(range(10_000), key=lambda n: (rank_of_n[n % 4], n))]
    assert seen == expected


async def test_supervisor_board_shows_queues_agents_watch_list_and_attainment(
    desk: Desk, clock: FakeClock
) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    await tom.patch(f"/api/v1/agents/{tom.id}", json={"presence": "online"})
    answered = await alice.post(
        "/api/v1/tickets",
        json={"subject": "Deposit missing", "body": "my BTC deposit is missing", "channel": "web"},
    )
    waiting = await alice.post(
        "/api/v1/tickets",
        json={"subject": "Quiero hablar con un gerente", "body": "Quiero hablar con un gerente, "
              "esto es inaceptable", "channel": "web", "language": "es"},
    )  # fmt: skip
    assert answered.status_code == waiting.status_code == 201
    await desk.settle()
    first_id = answered.json()["id"]
    reply = await tom.post(f"/api/v1/tickets/{first_id}/replies", json={"body": "On it."})
    assert reply.status_code == 201
    await desk.settle()

    sam, _ = await console_client(desk, "sam", clock)
    page = await sam.get("/console/supervisor")
    assert page.status_code == 200
    assert "Waiting, per team and language" in page.text
    assert re.search(r"<td>es</td><td>1</td>", page.text), "the Spanish ticket waits"
    assert re.search(r'Tom <span class="muted">agent</span></td><td>online</td>', page.text)
    assert 'data-metric="first_reply"' in page.text
    assert re.search(r"\(1 met, 0 missed", page.text)
    assert re.search(r'<span class="chip warn">manager request</span> #\d+ Quiero', page.text)

    tom_console, _ = await console_client(desk, "tom", clock)
    assert (await tom_console.get("/console/supervisor")).status_code == 403


async def test_supervisor_takes_over_and_hands_back(desk: Desk, clock: FakeClock) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    created = await alice.post(
        "/api/v1/tickets", json={"subject": "2FA reset", "body": "lost my phone", "channel": "web"}
    )
    ticket_id = created.json()["id"]
    sam, csrf = await console_client(desk, "sam", clock)
    headers = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    taken = await sam.post(f"/console/tickets/{ticket_id}/assign", data={"assignee": "me"},
                           headers=headers)  # fmt: skip
    assert taken.status_code == 200, taken.text
    assert "assigned to Sam" in taken.text
    handed = await sam.post(
        f"/console/tickets/{ticket_id}/assign", data={"assignee": str(tom.id)}, headers=headers
    )
    assert handed.status_code == 200, handed.text
    assert "assigned to Tom" in handed.text
    shown = await tom.get(f"/api/v1/tickets/{ticket_id}")
    assert shown.json()["ticket"]["assignee_id"] == tom.id
    # Tom may let go of his own ticket, but not hand Sam's work to someone else.
    erin = await desk.staff("erin")
    tom_console, tom_csrf = await console_client(desk, "tom", clock)
    refused = await tom_console.post(
        f"/console/tickets/{ticket_id}/assign",
        data={"assignee": str(erin.id)},
        headers={"X-CSRF-Token": tom_csrf, "HX-Request": "true"},
    )
    assert refused.status_code == 403


async def test_customer_panel_shows_the_exchange_account_and_its_risk_flags(
    desk: Desk, clock: FakeClock
) -> None:
    exchange = SimulatedExchange(clock)
    use_back_office(desk.ctx.services, exchange)
    traffic = TrafficGenerator(exchange, clock)
    traffic.user("uid-alice")
    traffic.deposit("uid-alice", "TRON", Decimal("250"), asset="USDT")
    takeover = traffic.account_takeover("uid-alice")
    await exchange.hold_withdrawal(takeover.withdrawal.id, "new device and country")
    alice = await desk.customer("alice")
    created = await alice.post(
        "/api/v1/tickets", json={"subject": "I did not withdraw this!", "body": "hacked?",
                                 "channel": "web"},
    )  # fmt: skip
    console, _ = await console_client(desk, "tom", clock)
    page = (await console.get(f"/console/tickets/{created.json()['id']}")).text
    assert "At the exchange" in page
    assert "1 withdrawal(s) held for review" in page
    assert "security change: 2fa from NG" in page
    assert re.search(r'state-credited">credited</span> 250 USDT · TRON', page)
    assert re.search(r'state-held">held</span> 47500 USDT · TRON', page)

    bob = await desk.customer("bob")
    unknown = await bob.post(
        "/api/v1/tickets", json={"subject": "Hello", "body": "hi", "channel": "web"}
    )
    page = (await console.get(f"/console/tickets/{unknown.json()['id']}")).text
    assert "the exchange does not know this user id" in page


async def test_agents_transfer_consult_and_merge_from_the_conversation(
    desk: Desk, clock: FakeClock
) -> None:
    ada = await desk.staff("ada")
    europe = await ada.post("/api/v1/teams", json={"slug": "t1-eu", "name": "Tier 1 EU",
                                                   "kind": "tier1"})  # fmt: skip
    legal = await ada.post("/api/v1/teams", json={"slug": "legal", "name": "Legal",
                                                  "kind": "expert"})  # fmt: skip
    assert europe.status_code == legal.status_code == 201, (europe.text, legal.text)
    alice = await desk.customer("alice")
    first = (
        await alice.post(
            "/api/v1/tickets",
            json={
                "subject": "Account frozen",
                "body": "why is my account frozen",
                "channel": "web",
            },
        )
    ).json()
    second = (await alice.post("/api/v1/tickets", json={
        "subject": "Frozen again", "body": "still frozen", "channel": "email"})).json()  # fmt: skip
    tom = await desk.staff("tom")
    console, csrf = await console_client(desk, "tom", clock)
    headers = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    page = await console.get(f"/console/tickets/{first['id']}")
    assert f'<option value="{legal.json()["id"]}">Legal</option>' in page.text

    moved = await console.post(f"/console/tickets/{first['id']}/transfer",
                               data={"team_id": europe.json()["id"]}, headers=headers)  # fmt: skip
    assert moved.status_code == 200, moved.text
    shown = (await tom.get(f"/api/v1/tickets/{first['id']}")).json()["ticket"]
    assert shown["team_id"] == europe.json()["id"] and shown["assignee_id"] is None

    asked = await console.post(
        f"/console/tickets/{first['id']}/consult",
        data={"team_id": legal.json()["id"], "question": "May we unfreeze on a court order?"},
        headers=headers,
    )
    assert asked.status_code == 200, asked.text
    consults = (await tom.get(f"/api/v1/tickets/{first['id']}/escalations")).json()
    assert [c["summary"] for c in consults] == ["May we unfreeze on a court order?"]

    merged = await console.post(f"/console/tickets/{second['id']}/merge",
                                data={"target_id": first["id"]}, headers=headers)  # fmt: skip
    assert merged.status_code == 200, merged.text
    assert (await tom.get(f"/api/v1/tickets/{second['id']}")).json()["ticket"]["status"] == "closed"


async def test_a_reply_from_the_console_carries_a_file(desk: Desk, clock: FakeClock) -> None:
    alice = await desk.customer("alice")
    created = await alice.post(
        "/api/v1/tickets", json={"subject": "Fees", "body": "what are the fees", "channel": "web"}
    )
    ticket_id = created.json()["id"]
    console, csrf = await console_client(desk, "tom", clock)
    sent = await console.post(
        f"/console/tickets/{ticket_id}/reply",
        data={"body": "Here is our fee schedule.", "kind": "reply"},
        files={"file": ("fees.txt", b"Maker 0.1 %, taker 0.1 %\n", "text/plain")},
        headers={"X-CSRF-Token": csrf, "HX-Request": "true"},
    )
    assert sent.status_code == 200, sent.text
    link = re.search(r'href="(/api/v1/attachments/\d+)" download>📎 fees.txt', sent.text)
    assert link is not None
    downloaded = await console.get(link.group(1))
    assert downloaded.content == b"Maker 0.1 %, taker 0.1 %\n"
    shown = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert [a["filename"] for a in shown["attachments"]] == ["fees.txt"]


async def test_the_request_form_takes_several_files(desk: Desk) -> None:
    visitor = desk.anonymous()
    token = desk.exchange_token("uid-alice", name="Alice")
    assert (await visitor.post("/help/session", json={"token": token})).status_code == 204
    page = await visitor.get("/help/en/contact")
    csrf = re.search(r'"X-Help-CSRF": "([0-9a-f]+)"', page.text)
    assert csrf is not None
    sent = await visitor.post(
        "/help/en/contact",
        data={"subject": "Withdrawal stuck", "body": "Screenshots attached"},
        files=[("files", ("one.txt", b"first", "text/plain")),
               ("files", ("two.txt", b"second", "text/plain"))],
        headers={"X-Help-CSRF": csrf.group(1), "HX-Request": "true"},
    )  # fmt: skip
    assert sent.status_code == 200, sent.text
    ticket_id = int(re.search(r"#(\d+)", sent.text).group(1))  # type: ignore[union-attr]
    alice = await desk.customer("alice")
    shown = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()
    first_message = shown["messages"][0]["id"]
    assert sorted((a["filename"], a["message_id"]) for a in shown["attachments"]) == [
        ("one.txt", first_message), ("two.txt", first_message)]  # fmt: skip
    # Alice reads her request back in the help centre and downloads her file.
    request_page = (await visitor.get(f"/help/en/requests/{ticket_id}")).text
    link = re.search(r'href="(/help/attachments/\d+)" download>one.txt', request_page)
    assert link is not None
    downloaded = await visitor.get(link.group(1))
    assert downloaded.content == b"first"
    assert "attachment;" in downloaded.headers["content-disposition"]
    # Nobody else's cookie opens it.
    other = desk.anonymous()
    bob_token = desk.exchange_token("uid-bob", name="Bob")
    assert (await other.post("/help/session", json={"token": bob_token})).status_code == 204
    assert (await other.get(link.group(1))).status_code == 404


async def test_chat_files_need_the_customers_own_chat_and_credentials(desk: Desk) -> None:
    alice = await desk.customer("alice")
    chat = await alice.post(
        "/api/v1/tickets", json={"subject": "Help", "body": "hello", "channel": "chat"}
    )
    assert chat.status_code == 201, chat.text
    chat_id = chat.json()["id"]
    file = {"file": ("tx.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image/png")}
    sent = await alice.post(f"/help/chat/{chat_id}/attachments", files=file)
    assert sent.status_code == 201, sent.text
    shown = (await alice.get(f"/api/v1/tickets/{chat_id}")).json()
    assert shown["messages"][-1]["body"] == "📎 tx.png"
    bob = await desk.customer("bob")
    assert (await bob.post(f"/help/chat/{chat_id}/attachments", files=file)).status_code == 404
    # The help-centre cookie alone is not enough: the page's CSRF token must come too.
    visitor = desk.anonymous()
    token = desk.exchange_token("uid-alice", name="Alice")
    assert (await visitor.post("/help/session", json={"token": token})).status_code == 204
    assert (await visitor.post(f"/help/chat/{chat_id}/attachments", files=file)).status_code == 403


async def test_the_conversation_suggests_help_articles_in_the_customers_language(
    desk: Desk, clock: FakeClock
) -> None:
    sam = await desk.staff("sam")
    for slug, language, title, body in (
        ("memo-missing", "en", "Deposit without a memo", "XRP or XLM sent without the memo tag."),
        ("memo-missing", "vi", "Nạp tiền thiếu memo", "Gửi XRP hoặc XLM mà không có memo tag."),
        ("fees", "en", "Trading fees", "Maker and taker fees for spot trading."),
    ):
        saved = await sam.put(
            f"/api/v1/kb/articles/{slug}/translations/{language}",
            json={"category": "deposit", "title": title, "body": body, "publish": True},
        )
        assert saved.status_code == 200, saved.text
    alice = await desk.customer("alice", lang="vi")
    created = await alice.post("/api/v1/tickets", json={
        "subject": "Quên memo khi nạp XRP", "body": "Tôi gửi XRP nhưng quên memo", "channel": "web",
        "language": "vi"})  # fmt: skip
    console, _ = await console_client(desk, "tom", clock)
    page = (await console.get(f"/console/tickets/{created.json()['id']}")).text
    suggested = page[page.index('id="suggested"') :][:800]
    assert 'href="/help/vi/articles/memo-missing"' in suggested
    assert "Nạp tiền thiếu memo" in suggested
    assert "Trading fees" not in suggested


async def test_the_help_centre_tells_official_channels_from_lookalikes(desk: Desk) -> None:
    seth = await desk.staff("seth")
    channel = {"kind": "telegram", "value": "@cexdesk_support", "label": "Support on Telegram"}
    added = await seth.post("/api/v1/official-channels", json=channel)
    assert added.status_code == 201, added.text
    visitor = desk.anonymous()
    ours = await visitor.get("/help/vi/verify", params={"value": "@cexdesk_support"})
    assert re.search(r'id="verdict">✔ Chính thức: Support on Telegram', ours.text)
    fake = await visitor.get("/help/en/verify", params={"value": "https://t.me/cexdesk_supp0rt"})
    assert re.search(
        r'id="verdict">✘ NOT ours.*\(Support on Telegram: cexdesk_support\)', fake.text
    )


async def test_the_conversation_shows_the_customers_other_channels(
    desk: Desk, clock: FakeClock
) -> None:
    alice = await desk.customer("alice")
    web = await alice.post(
        "/api/v1/tickets",
        json={"subject": "KYC stuck", "body": "My KYC has been pending for days", "channel": "web"},
    )
    chat = await alice.post("/api/v1/tickets", json={
        "subject": "Hello", "body": "Also my withdrawal is slow", "channel": "chat"})  # fmt: skip
    console, _ = await console_client(desk, "tom", clock)
    page = (await console.get(f"/console/tickets/{web.json()['id']}")).text
    across = page[page.index('id="cross-channel"') :][:3000]
    assert f'href="/console/tickets/{chat.json()["id"]}"' in across
    assert "Also my withdrawal is slow" in across and "My KYC has been pending" in across
    assert across.index("Also my withdrawal") < across.index("My KYC"), "newest first"
