"""The pages: the agent console and the help centre (Jinja2, htmx, small script islands).

``install`` mounts them on the API's app: the routes, the static files (ours and the
vendored libraries ``vendor.py`` fetched at build time) and the security headers.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from cexdesk.core.settings import Settings

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI, settings: Settings) -> None:
    from cexdesk.web import auth, vendor
    from cexdesk.web.admin_views import router as admin_router
    from cexdesk.web.console_views import router as console_router
    from cexdesk.web.headers import SecurityHeaders
    from cexdesk.web.help_views import router as help_router
    from cexdesk.web.supervisor_views import router as supervisor_router

    missing = vendor.missing_files()
    if missing:
        raise RuntimeError(
            f"front-end files missing ({', '.join(missing)}): run `make run` or "
            "`python -m cexdesk.web.vendor` once, which fetches them from the npm registry"
        )
    app.include_router(console_router)
    app.include_router(help_router)
    app.include_router(supervisor_router)
    app.include_router(admin_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    auth.install(app)

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/console", status_code=303)

    app.add_middleware(SecurityHeaders, widget_origins=settings.widget_origins)
