"""The official-channel check through the HTTP API: public, backed by the registry."""

from __future__ import annotations

from tests.personas import Desk

CHECK = "/api/v1/official-check"
CHANNELS = "/api/v1/official-channels"


async def test_anyone_checks_against_the_registry_security_keeps(desk: Desk) -> None:
    anyone = desk.anonymous()
    before = await anyone.get(CHECK, params={"value": "https://t.me/cexdesk_support"})
    assert before.status_code == 200 and before.json()["official"] is False

    seth, tom = await desk.staff("seth"), await desk.staff("tom")
    entries = [
        {"kind": "domain", "value": "CexDesk.com", "label": "Website and e-mail"},
        {"kind": "telegram", "value": "@cexdesk_support", "label": "Support on Telegram"},
        {"kind": "x", "value": "cexdesk", "label": "CexDesk on X"},
        {"kind": "phone", "value": "+44 20 7946 0000", "label": "Phone support"},
    ]
    added = [await seth.post(CHANNELS, json=entry) for entry in entries]
    assert [r.status_code for r in added] == [201] * 4
    assert added[0].json()["value"] == "cexdesk.com"
    assert (await seth.post(CHANNELS, json=entries[1])).status_code == 409
    wrong = await seth.post(CHANNELS, json={"kind": "phone", "value": "cexdesk.net", "label": "x"})
    assert wrong.status_code == 422
    assert (await tom.post(CHANNELS, json={**entries[0], "value": "evil.io"})).status_code == 403

    official = (await anyone.get(CHECK, params={"value": "https://t.me/cexdesk_support"})).json()
    assert official["official"] is True
    assert official["matched"]["label"] == "Support on Telegram"
    assert "never asks for your password" in official["advice"]
    mail = (await anyone.get(CHECK, params={"value": "security@cexdesk.com"})).json()
    assert mail["official"] and mail["matched"]["value"] == "cexdesk.com"
    phone = (await anyone.get(CHECK, params={"value": "+44 (20) 7946-0000"})).json()
    assert phone["official"] and phone["matched"]["kind"] == "phone"

    fake = (await anyone.get(CHECK, params={"value": "@cexdesk_supp0rt"})).json()
    assert fake["official"] is False
    assert fake["lookalike_of"]["value"] == "cexdesk_support"
    assert "not an official channel" in fake["advice"]
    fake_site = (await anyone.get(CHECK, params={"value": "cexdesk-verify.com"})).json()
    assert not fake_site["official"] and fake_site["lookalike_of"]["value"] == "cexdesk.com"
    on_telegram = await anyone.get(CHECK, params={"value": "@cexdesk", "kind": "telegram"})
    assert on_telegram.json()["official"] is False  # @cexdesk is ours on X only
    assert (await anyone.get(CHECK, params={"value": "@cexdesk"})).json()["official"] is True
    unreadable = await anyone.get(CHECK, params={"value": "call me maybe"})
    assert unreadable.status_code == 422

    # A retired channel no longer counts, and the registry's changes are audited.
    telegram_id = added[1].json()["id"]
    retired = await seth.patch(f"{CHANNELS}/{telegram_id}", json={"active": False})
    assert retired.json()["active"] is False
    after = (await anyone.get(CHECK, params={"value": "@cexdesk_support"})).json()
    assert after["official"] is False
    listed = (await anyone.get(CHANNELS)).json()["items"]
    assert telegram_id not in [c["id"] for c in listed] and len(listed) == 3
    audit = await seth.get("/api/v1/admin/audit", params={"subject_type": "official_channel"})
    assert [e["action"] for e in audit.json()["items"]].count("official.channel_added") == 4
    assert "official.channel_retired" in [e["action"] for e in audit.json()["items"]]
