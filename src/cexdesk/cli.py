"""The ``cexdesk`` command: serve, worker, migrate, demo, audit verify, bot train|eval.

Every command validates the settings first; a bad setting prints what to fix and
exits with status 2 instead of a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from pydantic import ValidationError

from cexdesk.bot import cli as bot_cli
from cexdesk.core.settings import Settings, SettingsError

if TYPE_CHECKING:
    from cexdesk.app import AppContext
    from cexdesk.demo.loader import DemoLogin

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
audit_app = typer.Typer(no_args_is_help=True, help="The hash-chained audit log.")
app.add_typer(audit_app, name="audit")
app.add_typer(bot_cli.app, name="bot")
kb_app = typer.Typer(no_args_is_help=True, help="The knowledge base.")
app.add_typer(kb_app, name="kb")

log = logging.getLogger("cexdesk.cli")

EXIT_BAD_SETTINGS = 2


def _settings_failed(message: str) -> NoReturn:
    typer.echo(f"cexdesk: the settings are not valid:\n{message}", err=True)
    raise typer.Exit(EXIT_BAD_SETTINGS)


def _describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        message = str(item["msg"]).removeprefix("Value error, ")
        if field:
            lines.append(f"  CEXDESK_{field.upper()}: {message}")
        else:
            lines.append(f"  {message}")
    return "\n".join(lines)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment (plus overrides), or exit 2 with what is wrong."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        _settings_failed(_describe(error))
    except SettingsError as error:
        _settings_failed(f"  {error}")


def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@app.command()
def serve(
    demo: bool = typer.Option(
        False, "--demo", help="demo secrets; loads demo data into an empty database"
    ),
    host: str | None = typer.Option(None, help="overrides CEXDESK_HOST"),
    port: int | None = typer.Option(None, help="overrides CEXDESK_PORT"),
) -> None:
    """Run the web app, the API, websockets and the background runner in one process."""
    import uvicorn

    from cexdesk.app import build_context, create_app

    overrides: dict[str, Any] = {"demo": True} if demo else {}
    if host:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = load_settings(**overrides)
    if demo:
        logins, created = asyncio.run(_prepare_demo(settings, only_if_empty=True))
        _print_demo_banner(settings, logins, created)
    uvicorn.run(
        create_app(build_context(settings)),
        host=settings.host,
        port=settings.port,
        log_level="info",
        access_log=False,
    )


@app.command()
def worker() -> None:
    """Run only the background runner (outbox deliveries and timers) until SIGTERM.

    For PostgreSQL deployments: any number of workers share the work safely. On
    SIGTERM or SIGINT the current round finishes and the worker exits 0; work it had
    not started stays in the database for the next worker.
    """
    settings = load_settings()
    _configure_logging()
    if settings.is_sqlite:
        log.warning("SQLite: `serve` already runs the background work; a worker is optional")
    asyncio.run(_work(settings))


async def _work(settings: Settings) -> None:
    from cexdesk.app import build_context

    context = build_context(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await context.start(background=False)
    log.info("worker %s started", context.runner.dispatcher.worker_id)
    try:
        while not stop.is_set():
            try:
                busy = await context.runner.run_once()
            except Exception:
                log.exception("worker round failed; trying again")
                busy = 0
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=settings.runner_poll_seconds)
    finally:
        await context.stop()
        log.info("worker stopped")


@app.command()
def migrate() -> None:
    """Apply database migrations and exit."""
    settings = load_settings()

    async def run() -> None:
        from cexdesk.app import build_context

        context = build_context(settings)
        try:
            await context.db.migrate()
        finally:
            await context.db.dispose()

    asyncio.run(run())
    typer.echo("migrations applied")


@app.command("demo")
def demo_command() -> None:
    """Load the demo data into the configured database (once) and print the demo logins."""
    settings = load_settings(demo=True)
    logins, created = asyncio.run(_prepare_demo(settings, only_if_empty=False))
    typer.echo("demo data loaded" if created else "demo data was already there; nothing added")
    typer.echo(_format_logins(logins))
    typer.echo(_customer_hint(settings))


@kb_app.command("load")
def kb_load() -> None:
    """Publish the starter articles shipped with cexdesk (only new or changed texts)."""
    settings = load_settings()

    async def run() -> tuple[int, int]:
        from cexdesk.app import build_context
        from cexdesk.core import audit
        from cexdesk.kb import content, flows

        context = build_context(settings)
        try:
            await context.db.migrate()
            articles = content.read_articles()
            async with context.db.transaction() as session:
                published = await flows.load_content(session, articles, audit.SYSTEM)
        finally:
            await context.db.dispose()
        return len(articles), published

    count, published = asyncio.run(run())
    typer.echo(f"{count} articles read, {published} texts published")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit chain; exit 1 naming the first bad row if it was tampered with."""
    settings = load_settings()

    async def run() -> tuple[bool, int, int | None, str | None]:
        from cexdesk.app import build_context
        from cexdesk.core.audit import verify_chain

        context = build_context(settings)
        try:
            async with context.db.reading() as session:
                report = await verify_chain(session)
        finally:
            await context.db.dispose()
        return report.ok, report.checked, report.first_bad_id, report.reason

    ok, checked, bad_id, reason = asyncio.run(run())
    if ok:
        typer.echo(f"audit chain intact: {checked} entries verified")
        return
    typer.echo(
        f"audit chain BROKEN at row id {bad_id}: {reason} ({checked} entries before it verified)",
        err=True,
    )
    raise typer.Exit(1)


async def _prepare_demo(settings: Settings, *, only_if_empty: bool) -> tuple[list[DemoLogin], bool]:
    """Migrate, load the demo data (into an empty database, or if absent), return the logins."""
    from cexdesk.app import build_context
    from cexdesk.demo import loader

    # The demo passwords are printed for anyone to read, so their hashes use OWASP's
    # floor for argon2id (19 MiB, 2 passes) rather than the default: 25 agents load in
    # about half a second instead of several. Agents created later use the configured cost.
    cheaper = {
        "argon2_memory_kib": min(settings.argon2_memory_kib, 19456),
        "argon2_time_cost": min(settings.argon2_time_cost, 2),
    }
    context: AppContext = build_context(settings.model_copy(update=cheaper))
    try:
        await context.db.migrate()
        if only_if_empty:
            created = await loader.load_if_empty(context)
        else:
            created = await loader.load(context) is not None
        logins = await loader.logins(context)
    finally:
        await context.db.dispose()
    return logins, created


def _format_logins(logins: list[DemoLogin]) -> str:
    from cexdesk.demo.loader import DEMO_PASSWORD, current_totp

    if not logins:
        return "(no demo logins: this database holds no demo data)"
    lines = [f"Demo logins (every demo agent's password: {DEMO_PASSWORD})"]
    for login in logins:
        lines.append(f"  {login.role:<11} {login.email:<36} {login.name}")
        if login.totp_secret:
            lines.append(
                f"  {'':<11} TOTP secret {login.totp_secret}  current code "
                f"{current_totp(login.totp_secret)}"
            )
            lines.append(f"  {'':<11} {login.otpauth_uri}")
    lines.append("  Fresh TOTP codes: .venv/bin/python -m cexdesk demo")
    return "\n".join(lines)


def _customer_hint(settings: Settings) -> str:
    """A signed end-user token for one demo customer, so the customer API can be tried."""
    from cexdesk.core.clock import SystemClock
    from cexdesk.demo.loader import customer_token

    try:
        token = customer_token(settings.exchange_token_key, SystemClock().now())
    except ValueError:
        return "(customer tokens are signed by the exchange; this install has no demo key)"
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    return (
        "Customer (exchange-signed token for a demo user, valid 15 minutes):\n"
        f"  curl -H 'Authorization: Bearer {token}' {base}/api/v1/me\n"
        f"  or open the help centre as that user: {base}/help/signin#token={token}"
    )


def _print_demo_banner(settings: Settings, logins: list[DemoLogin], created: bool) -> None:
    from cexdesk.demo.loader import DEMO_PASSWORD
    from cexdesk.demo.people import DEMO_EMAIL_DOMAIN

    login_body = json.dumps({"email": f"tom@{DEMO_EMAIL_DOMAIN}", "password": DEMO_PASSWORD})
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    print(
        "\n".join(
            [
                "",
                "cexdesk demo" + (" (demo data loaded just now)" if created else ""),
                f"  Console   {base}/console   (support staff: the logins below)",
                f"  Help      {base}/help   (customers; pick a demo customer at {base}/help/demo)",
                f"  API       {base}/api/v1   (interactive docs: {base}/api/v1/docs)",
                f"  database  {settings.database_url}",
                '  Sign in as an agent (add "totp": "<code>" for roles that show a secret):',
                f"  curl -X POST {base}/api/v1/auth/login -H 'Content-Type: application/json' \\",
                f"       -d '{login_body}'",
                _format_logins(logins),
                _customer_hint(settings),
                "",
            ]
        ),
        flush=True,
    )


def main() -> None:
    try:
        app()
    except SettingsError as error:  # raised where settings are built outside load_settings
        print(f"cexdesk: the settings are not valid:\n  {error}", file=sys.stderr)
        sys.exit(EXIT_BAD_SETTINGS)
