"""The official-channel check as a pure function: real channels pass, lookalikes are named."""

from __future__ import annotations

import pytest

from cexdesk.official.check import Entry, Kind, Unreadable, normalise, read, verdict

REGISTRY = [
    Entry(1, Kind.DOMAIN, "cexdesk.com", "Website and e-mail"),
    Entry(2, Kind.TELEGRAM, "cexdesk_support", "Support on Telegram"),
    Entry(3, Kind.X, "cexdesk", "CexDesk on X"),
    Entry(4, Kind.PHONE, normalise(Kind.PHONE, "+44 20 7946 0000"), "Phone support"),
    Entry(5, Kind.EMAIL, "desk@cexdesk-mail.net", "Mail from our ticketing provider"),
]

OFFICIAL = {
    "https://www.cexdesk.com/help/article/12": 1,
    "help.cexdesk.com": 1,
    "cexdesk.com": 1,
    "SUPPORT@CexDesk.com": 1,
    "https://t.me/cexdesk_support": 2,
    "@CexDesk_Support": 2,
    "https://x.com/cexdesk/status/1": 3,
    "twitter.com/CexDesk": 3,
    "+44 (20) 7946-0000": 4,
    "desk@cexdesk-mail.net": 5,
}

# Impostors' favourites: another suffix, the name inside a longer name, one letter off,
# digits and Cyrillic letters for Latin ones, the real domain as a subdomain of theirs.
LOOKALIKES = {
    "https://cexdesk-support.com/login": 1,
    "https://cexdesk.com.verify-login.io/": 1,
    "cexdesk.co": 1,
    "https://" + "c\u0435xdesk.com".encode("idna").decode() + "/": 1,  # Cyrillic е
    "support@cexdesk-help.com": 1,
    "cexdesk.support@gmail.com": 1,
    "@cexdesk_suppport": 2,
    "https://t.me/cexdesk_support_bot": 2,
    "@c3xd3sk": 3,
    "x.com/cexdeskk": 3,
    "desk@cexdesk-maii.net": 5,
}

NOT_OURS = ["https://example.org/", "@binance", "+44 20 7946 0001", "someone@gmail.com"]


@pytest.mark.parametrize(("value", "entry_id"), OFFICIAL.items())
def test_official_channels_are_recognised(value: str, entry_id: int) -> None:
    found = verdict(value, REGISTRY)
    assert found.official and found.matched is not None and found.matched.id == entry_id


@pytest.mark.parametrize(("value", "entry_id"), LOOKALIKES.items())
def test_lookalikes_are_not_official_and_name_what_they_imitate(value: str, entry_id: int) -> None:
    found = verdict(value, REGISTRY)
    assert not found.official and found.matched is None
    assert found.lookalike_of is not None and found.lookalike_of.id == entry_id, found


@pytest.mark.parametrize("value", NOT_OURS)
def test_other_values_are_simply_not_ours(value: str) -> None:
    found = verdict(value, REGISTRY)
    assert not found.official and found.lookalike_of is None


def test_a_link_hiding_its_host_behind_the_real_name_is_not_official() -> None:
    found = verdict("https://cexdesk.com@evil.example/login", REGISTRY)
    assert not found.official
    assert [c.value for c in found.candidates] == ["evil.example"]


def test_a_bare_handle_is_read_both_ways_unless_the_asker_says_which() -> None:
    assert {c.kind for c in read("@cexdesk")} == {Kind.TELEGRAM, Kind.X}
    assert verdict("@cexdesk", REGISTRY).official  # the X account
    on_telegram = verdict("@cexdesk", REGISTRY, Kind.TELEGRAM)
    assert not on_telegram.official and on_telegram.lookalike_of is not None


def test_nothing_readable_is_an_error() -> None:
    for value in ("hello there", "", "ab"):
        with pytest.raises(Unreadable):
            read(value)
