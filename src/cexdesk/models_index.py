"""Every table of every domain, for migrations and metadata checks."""

from __future__ import annotations

from sqlalchemy import MetaData


def import_all_models() -> MetaData:
    import cexdesk.agents.models
    import cexdesk.bot.models
    import cexdesk.channels.models
    import cexdesk.compensation.models
    import cexdesk.core.models
    import cexdesk.customers.models
    import cexdesk.exchange.models
    import cexdesk.kb.models
    import cexdesk.official.models
    import cexdesk.recovery.models
    import cexdesk.risk.models
    import cexdesk.routing.models
    import cexdesk.sla.models
    import cexdesk.tickets.models
    import cexdesk.watchlist.models  # noqa: F401
    from cexdesk.core.db import Base

    return Base.metadata
