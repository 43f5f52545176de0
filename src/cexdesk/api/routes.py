from __future__ import annotations

from fastapi import FastAPI

API_PREFIX = "/api/v1"


def include_routers(app: FastAPI) -> None:
    from cexdesk.agents.views import router as agents_router
    from cexdesk.api.system_views import router as system_router
    from cexdesk.customers.views import router as customers_router
    from cexdesk.kb.views import router as kb_router
    from cexdesk.tickets.macro_views import router as macros_router
    from cexdesk.tickets.views import router as tickets_router

    for router in (
        system_router,
        agents_router,
        customers_router,
        tickets_router,
        macros_router,
        kb_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    from cexdesk.agents.auth_views import router as auth_router
    from cexdesk.api.admin_views import router as admin_router

    for router in (auth_router, admin_router):
        app.include_router(router, prefix=API_PREFIX)
    from cexdesk.realtime.views import router as stream_router

    app.include_router(stream_router, prefix=API_PREFIX)
    from cexdesk.sla.views import router as sla_router

    app.include_router(sla_router, prefix=API_PREFIX)
    from cexdesk.routing.views import router as routing_router

    app.include_router(routing_router, prefix=API_PREFIX)
    from cexdesk.watchlist.views import router as watchlist_router

    app.include_router(watchlist_router, prefix=API_PREFIX)
    from cexdesk.exchange.views import router as exchange_router

    app.include_router(exchange_router, prefix=API_PREFIX)
    from cexdesk.recovery.views import router as recovery_router

    app.include_router(recovery_router, prefix=API_PREFIX)
    from cexdesk.risk.views import router as risk_router

    app.include_router(risk_router, prefix=API_PREFIX)
    from cexdesk.compensation.views import router as compensation_router

    app.include_router(compensation_router, prefix=API_PREFIX)
    from cexdesk.compensation.adjustment_views import router as adjustments_router

    app.include_router(adjustments_router, prefix=API_PREFIX)
    from cexdesk.compensation.order_cancellation_views import router as order_cancellations_router

    app.include_router(order_cancellations_router, prefix=API_PREFIX)
    from cexdesk.bot.views import router as bot_router

    app.include_router(bot_router, prefix=API_PREFIX)
    from cexdesk.official.views import router as official_router

    app.include_router(official_router, prefix=API_PREFIX)
    from cexdesk.channels import adapters
    from cexdesk.channels.views import router as channels_router

    app.include_router(channels_router, prefix=API_PREFIX)
    for router in adapters.routers():
        app.include_router(router, prefix=API_PREFIX)
