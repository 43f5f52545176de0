"""Policy selection: ordered, first match wins; the defaults encode the seeds' figures."""

from __future__ import annotations

from cexdesk.sla.policies import (
    DEFAULT_POLICIES,
    Conditions,
    Metric,
    Policy,
    Target,
    TicketFacts,
    select_policy,
)


def test_defaults_encode_the_seed_service_levels() -> None:
    chat = select_policy(DEFAULT_POLICIES, TicketFacts("chat", "normal"))
    email = select_policy(DEFAULT_POLICIES, TicketFacts("email", "normal"))
    assert chat is not None
    assert email is not None
    pickup = chat.target(Metric.CHAT_PICKUP)
    assert pickup is not None
    assert pickup.seconds == 20
    first_reply = chat.target(Metric.FIRST_REPLY)
    assert first_reply is not None
    assert first_reply.seconds == 600
    email_first = email.target(Metric.FIRST_REPLY)
    assert email_first is not None
    assert email_first.seconds == 3600
    assert email.target(Metric.CHAT_PICKUP) is None


def test_urgent_beats_channel_and_first_match_wins() -> None:
    urgent = select_policy(DEFAULT_POLICIES, TicketFacts("chat", "urgent"))
    assert urgent is not None
    assert urgent.name == "Security emergencies"
    vip = Policy("VIP", Conditions(min_vip_tier=2), (Target(Metric.FIRST_REPLY, 300),))
    policies = (vip, *DEFAULT_POLICIES)
    chosen = select_policy(policies, TicketFacts("email", "high", vip_tier=3))
    assert chosen is vip
    regular = select_policy(policies, TicketFacts("email", "high", vip_tier=1))
    assert regular is not None
    assert regular.name == "Email, form and social"


def test_conditions_combine() -> None:
    only = Conditions(channels=frozenset({"email"}), categories=frozenset({"deposit"}))
    assert only.match(TicketFacts("email", "normal", category="deposit"))
    assert not only.match(TicketFacts("email", "normal", category="kyc"))
    assert not only.match(TicketFacts("chat", "normal", category="deposit"))
    assert select_policy((), TicketFacts("chat", "normal")) is None
