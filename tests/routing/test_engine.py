"""The routing engine's promises, checked on generated desks and queues."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cexdesk.routing.engine import (
    AgentSnapshot,
    WorkItem,
    choose_agent,
    order_queue,
    qualifies,
    route,
)

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
LANGS = ["en", "zh-Hans", "vi", "ru", "tr"]


@st.composite
def agents(draw: st.DrawFn) -> list[AgentSnapshot]:
    count = draw(st.integers(min_value=0, max_value=12))
    result = []
    for agent_id in range(1, count + 1):
        chat_capacity = draw(st.integers(0, 3))
        ticket_capacity = draw(st.integers(0, 5))
        result.append(
            AgentSnapshot(
                id=agent_id,
                tier=draw(st.sampled_from([1, 2])),
                languages=frozenset(draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=3))),
                is_vip=draw(st.booleans()),
                online=draw(st.booleans()),
                chat_capacity=chat_capacity,
                ticket_capacity=ticket_capacity,
                active_chats=draw(st.integers(0, chat_capacity)),
                active_tickets=draw(st.integers(0, ticket_capacity)),
                idle_since=T0 - timedelta(minutes=draw(st.integers(0, 120))),
            )
        )
    return result


@st.composite
def queues(draw: st.DrawFn) -> list[WorkItem]:
    count = draw(st.integers(min_value=0, max_value=25))
    return [
        WorkItem(
            id=item_id,
            channel=draw(st.sampled_from(["chat", "email", "web", "telegram"])),
            priority=draw(st.sampled_from(["urgent", "high", "normal", "low"])),
            language=draw(st.sampled_from(LANGS)),
            waiting_since=T0 - timedelta(seconds=draw(st.integers(0, 3600))),
            vip=draw(st.booleans()),
            tier=draw(st.sampled_from([1, 2])),
        )
        for item_id in range(1, count + 1)
    ]


@settings(max_examples=100, deadline=None)
@given(desk=agents(), queue=queues())
def test_no_agent_is_ever_above_capacity(desk: list[AgentSnapshot], queue: list[WorkItem]) -> None:
    result = route(queue, desk)
    items = {item.id: item for item in queue}
    by_id = {agent.id: agent for agent in desk}
    chats = {a.id: a.active_chats for a in desk}
    tickets = {a.id: a.active_tickets for a in desk}
    for assignment in result.assignments:
        if items[assignment.item_id].realtime:
            chats[assignment.agent_id] += 1
        else:
            tickets[assignment.agent_id] += 1
    for agent_id, agent in by_id.items():
        assert chats[agent_id] <= agent.chat_capacity
        assert tickets[agent_id] <= agent.ticket_capacity
    placed = {a.item_id for a in result.assignments}
    assert placed.isdisjoint(result.unassigned)
    assert placed | set(result.unassigned) == set(items)


@settings(max_examples=100, deadline=None)
@given(desk=agents(), queue=queues())
def test_vip_work_only_reaches_vip_agents(desk: list[AgentSnapshot], queue: list[WorkItem]) -> None:
    by_id = {agent.id: agent for agent in desk}
    items = {item.id: item for item in queue}
    for assignment in route(queue, desk).assignments:
        agent, item = by_id[assignment.agent_id], items[assignment.item_id]
        assert agent.is_vip == item.vip
        assert agent.tier >= item.tier
        assert item.language in agent.languages


@settings(max_examples=100, deadline=None)
@given(desk=agents(), queue=queues())
def test_urgent_is_never_behind_lower_priority(
    desk: list[AgentSnapshot], queue: list[WorkItem]
) -> None:
    ordered = order_queue(queue)
    ranks = [("urgent", "high", "normal", "low").index(item.priority) for item in ordered]
    assert ranks == sorted(ranks)
    # An urgent item left waiting means no agent qualified for it was handed anything less.
    result = route(queue, desk)
    items = {item.id: item for item in queue}
    by_id = {agent.id: agent for agent in desk}
    for waiting_id in result.unassigned:
        waiting = items[waiting_id]
        if waiting.priority != "urgent":
            continue
        for assignment in result.assignments:
            taken = items[assignment.item_id]
            if taken.priority != "urgent" and taken.realtime == waiting.realtime:
                assert not qualifies(by_id[assignment.agent_id], waiting)


def test_least_loaded_then_longest_idle() -> None:
    item = WorkItem(1, "chat", "normal", "vi", T0)
    busy = AgentSnapshot(
        1, 1, frozenset({"vi"}), active_chats=2, idle_since=T0 - timedelta(hours=1)
    )
    fresh = AgentSnapshot(2, 1, frozenset({"vi"}), idle_since=T0 - timedelta(minutes=5))
    fresher = AgentSnapshot(3, 1, frozenset({"vi"}), idle_since=T0 - timedelta(minutes=30))
    chosen = choose_agent(item, [busy, fresh, fresher])
    assert chosen is not None
    assert chosen.id == 3


def test_declined_agent_is_not_offered_again_and_fallback_widens() -> None:
    item = WorkItem(1, "chat", "normal", "tr", T0, declined_by=frozenset({1}),
                    fallback_languages=("en",))  # fmt: skip
    turkish = AgentSnapshot(1, 1, frozenset({"tr"}))
    english = AgentSnapshot(2, 1, frozenset({"en"}))
    assert choose_agent(item, [turkish, english]) is None
    widened = choose_agent(item, [turkish, english], widened=True)
    assert widened is not None
    assert widened.id == 2


@settings(max_examples=100, deadline=None)
@given(
    desk=agents(),
    language=st.sampled_from(LANGS),
    vip=st.booleans(),
    answers=st.lists(st.sampled_from(["accept", "decline", "timeout"]), min_size=1, max_size=15),
)
def test_every_chat_offered_is_accepted_reoffered_or_becomes_a_ticket(
    desk: list[AgentSnapshot], language: str, vip: bool, answers: list[str]
) -> None:
    """Replays the offer loop of routing.flows over the engine: an offer that is declined
    or times out goes to someone not yet tried, and when nobody is left the chat waits as
    a ticket; it never bounces back to the same agent and never loops."""
    declined: frozenset[int] = frozenset()
    offered: list[int] = []
    outcome = None
    for answer in [*answers, *["timeout"] * (len(desk) + 1)]:
        item = WorkItem(1, "chat", "normal", language, T0, vip=vip, declined_by=declined)
        chosen = choose_agent(item, desk)
        if chosen is None:
            outcome = "ticket"  # nobody qualified is left: it waits, the customer is told
            break
        assert qualifies(chosen, item)
        assert chosen.id not in offered  # a re-offer always goes to someone new
        offered.append(chosen.id)
        if answer == "accept":
            outcome = "accepted"
            break
        declined = declined | {chosen.id}
    assert outcome in {"accepted", "ticket"}
    assert len(offered) <= len(desk)
