"""The readable tables: which handlers react to which events, which code fires which timer.

Domains own their handlers (``<domain>/handlers.py``) and timers (``<domain>/jobs.py``);
this module is the only place that connects them, so ``core`` never imports a domain.
"""

from __future__ import annotations

from cexdesk.core.events import Subscriptions
from cexdesk.core.timers import TimerKinds


def build_subscriptions() -> Subscriptions:
    subscriptions = Subscriptions()
    from cexdesk.tickets import handlers as ticket_handlers

    ticket_handlers.subscribe(subscriptions)
    from cexdesk.realtime import handlers as realtime_handlers

    realtime_handlers.subscribe(subscriptions)
    from cexdesk.sla import handlers as sla_handlers

    sla_handlers.subscribe(subscriptions)
    from cexdesk.routing import handlers as routing_handlers

    routing_handlers.subscribe(subscriptions)
    from cexdesk.intake import handlers as intake_handlers

    intake_handlers.subscribe(subscriptions)
    from cexdesk.watchlist import handlers as watchlist_handlers

    watchlist_handlers.subscribe(subscriptions)
    from cexdesk.channels import handlers as channel_handlers

    channel_handlers.subscribe(subscriptions)
    from cexdesk.risk import handlers as risk_handlers

    risk_handlers.subscribe(subscriptions)
    from cexdesk.recovery import handlers as recovery_handlers

    recovery_handlers.subscribe(subscriptions)
    from cexdesk.bot import handlers as bot_handlers

    bot_handlers.subscribe(subscriptions)
    from cexdesk.compensation import handlers as compensation_handlers

    compensation_handlers.subscribe(subscriptions)
    return subscriptions


def build_timer_kinds() -> TimerKinds:
    kinds = TimerKinds()
    from cexdesk.tickets import jobs as ticket_jobs

    ticket_jobs.register(kinds)
    from cexdesk.sla import jobs as sla_jobs

    sla_jobs.register(kinds)
    from cexdesk.routing import jobs as routing_jobs

    routing_jobs.register(kinds)
    from cexdesk.channels import handlers as channel_handlers

    channel_handlers.register(kinds)
    from cexdesk.risk import jobs as risk_jobs

    risk_jobs.register(kinds)
    return kinds
