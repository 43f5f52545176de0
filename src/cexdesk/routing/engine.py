"""The routing engine: plain snapshots in, decisions out; no database, no clock.

Ordering: priority first (urgent before high before normal before low), then the
longest-waiting. Choice among qualified agents: least loaded, then longest idle.
No decision ever puts an agent above capacity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sortedcontainers import SortedList

PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
REALTIME_CHANNELS = frozenset({"chat", "phone"})


@dataclass(frozen=True)
class AgentSnapshot:
    id: int
    tier: int  # 1, 2; experts and VIP agents carry their own flags
    languages: frozenset[str]
    categories: frozenset[str] = frozenset()  # empty: takes every category
    teams: frozenset[int] = frozenset()
    is_vip: bool = False
    online: bool = True
    chat_capacity: int = 3
    ticket_capacity: int = 10
    active_chats: int = 0
    active_tickets: int = 0
    idle_since: datetime | None = None

    def free(self, realtime: bool) -> int:
        if realtime:
            return self.chat_capacity - self.active_chats
        return self.ticket_capacity - self.active_tickets

    def load(self) -> float:
        """Share of total capacity in use, so a 3-chat agent and a 10-ticket one compare."""
        capacity = self.chat_capacity + self.ticket_capacity
        return (self.active_chats + self.active_tickets) / capacity if capacity else 1.0

    def took(self, realtime: bool) -> AgentSnapshot:
        if realtime:
            return replace(self, active_chats=self.active_chats + 1)
        return replace(self, active_tickets=self.active_tickets + 1)


@dataclass(frozen=True)
class WorkItem:
    id: int
    channel: str
    priority: str
    language: str
    waiting_since: datetime
    category: str | None = None
    team_id: int | None = None
    vip: bool = False
    tier: int = 1  # the lowest tier allowed to take it
    declined_by: frozenset[int] = frozenset()
    # Languages also acceptable once the overflow rules widen the search.
    fallback_languages: tuple[str, ...] = ()

    @property
    def realtime(self) -> bool:
        return self.channel in REALTIME_CHANNELS


@dataclass(frozen=True)
class Assignment:
    item_id: int
    agent_id: int


@dataclass(frozen=True)
class RoutingResult:
    assignments: list[Assignment] = field(default_factory=list)
    unassigned: list[int] = field(default_factory=list)


def queue_key(item: WorkItem) -> tuple[int, datetime, int]:
    return (PRIORITY_RANK.get(item.priority, 2), item.waiting_since, item.id)


def order_queue(items: Iterable[WorkItem]) -> list[WorkItem]:
    return sorted(items, key=queue_key)


def qualifies(agent: AgentSnapshot, item: WorkItem, *, widened: bool = False) -> bool:
    """Whether ``agent`` may take ``item`` now (skills, tier, VIP, capacity, declines)."""
    if not agent.online or agent.id in item.declined_by:
        return False
    if agent.free(item.realtime) <= 0:
        return False
    if item.vip != agent.is_vip:
        # VIP conversations go straight to the VIP team and only there.
        return False
    if agent.tier < item.tier:
        return False
    if item.team_id is not None and item.team_id not in agent.teams:
        return False
    if item.category and agent.categories and item.category not in agent.categories:
        return False
    languages = {item.language, *item.fallback_languages} if widened else {item.language}
    return not agent.languages.isdisjoint(languages)


def _pick_key(agent: AgentSnapshot) -> tuple[float, float, int]:
    idle = agent.idle_since.timestamp() if agent.idle_since else float("-inf")
    return (agent.load(), idle, agent.id)


def choose_agent(
    item: WorkItem, agents: Sequence[AgentSnapshot], *, widened: bool = False
) -> AgentSnapshot | None:
    """The best qualified agent for one item: least loaded, then longest idle."""
    best: AgentSnapshot | None = None
    best_key: tuple[float, float, int] | None = None
    for agent in agents:
        if qualifies(agent, item, widened=widened):
            key = _pick_key(agent)
            if best_key is None or key < best_key:
                best, best_key = agent, key
    return best


PoolKey = tuple[str, bool, bool]  # language, VIP, realtime


class AgentPool:
    """Agents with free capacity, indexed for fast decisions and kept in pick order.

    One sorted list per (language, VIP, realtime) holds the agents that speak the
    language and still have room on that kind of channel, ordered by least load then
    longest idle; a decision walks the list from the front and takes the first agent
    that qualifies, so it rarely looks past a handful of agents. ``assign`` books the
    capacity and re-files the agent, so a batch never over-fills anyone.
    """

    def __init__(self, agents: Iterable[AgentSnapshot]) -> None:
        self.agents: dict[int, AgentSnapshot] = {}
        self._lists: dict[PoolKey, SortedList] = {}
        for agent in agents:
            self.agents[agent.id] = agent
            self._file(agent)

    def _keys(self, agent: AgentSnapshot) -> list[PoolKey]:
        if not agent.online:
            return []
        return [
            (language, agent.is_vip, realtime)
            for language in agent.languages
            for realtime in (True, False)
            if agent.free(realtime) > 0
        ]

    def _file(self, agent: AgentSnapshot) -> None:
        entry = (*_pick_key(agent), agent.id)
        for key in self._keys(agent):
            self._lists.setdefault(key, SortedList()).add(entry)

    def _unfile(self, agent: AgentSnapshot) -> None:
        entry = (*_pick_key(agent), agent.id)
        for key in self._keys(agent):
            self._lists[key].remove(entry)

    def choose(self, item: WorkItem, *, widened: bool = False) -> AgentSnapshot | None:
        languages = (item.language, *item.fallback_languages) if widened else (item.language,)
        best: AgentSnapshot | None = None
        best_entry: tuple[float, float, int, int] | None = None
        for language in languages:
            for entry in self._lists.get((language, item.vip, item.realtime), ()):
                if best_entry is not None and entry >= best_entry:
                    break
                agent = self.agents[entry[-1]]
                if qualifies(agent, item, widened=widened):
                    best, best_entry = agent, entry
                    break
        return best

    def assign(self, item: WorkItem, agent_id: int) -> None:
        agent = self.agents[agent_id]
        if agent.free(item.realtime) <= 0:
            raise ValueError(f"agent {agent_id} has no free capacity")
        self._unfile(agent)
        updated = agent.took(item.realtime)
        self.agents[agent_id] = updated
        self._file(updated)


def route(
    items: Iterable[WorkItem],
    agents: Sequence[AgentSnapshot],
    *,
    widened_items: frozenset[int] = frozenset(),
) -> RoutingResult:
    """Assign as much of the queue as capacity allows, in queue order.

    An item that cannot be placed does not block the ones behind it (a Turkish chat
    with no Turkish speaker online must not hold up English ones), but nothing of
    lower priority takes an agent that a waiting higher-priority item qualifies for:
    capacity only shrinks during a pass, so an item skipped had no qualified agent left.
    """
    pool = AgentPool(agents)
    result = RoutingResult()
    for item in order_queue(items):
        chosen = pool.choose(item, widened=item.id in widened_items)
        if chosen is None:
            result.unassigned.append(item.id)
            continue
        pool.assign(item, chosen.id)
        result.assignments.append(Assignment(item.id, chosen.id))
    return result
