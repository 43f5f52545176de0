"""The ``cexdesk`` command: migrate, audit verify, settings errors, demo, worker, serve."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from cexdesk.app import build_context
from cexdesk.cli import app
from cexdesk.core import audit
from cexdesk.core.settings import Settings
from tests.serverproc import free_port

runner = CliRunner()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CEXDESK_") and not name.startswith("CEXDESK_TEST_"):
            monkeypatch.delenv(name)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "CEXDESK_DEMO": "1",
        "CEXDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "CEXDESK_DATA_DIR": str(tmp_path / "var"),
        **extra,
    }


def _append_entries(tmp_path: Path, count: int) -> None:
    async def run() -> None:
        settings = Settings(demo=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
        context = build_context(settings)
        try:
            for number in range(count):
                async with context.db.transaction() as session:
                    await audit.append(session, audit.SYSTEM, "test.entry", data={"n": number})
        finally:
            await context.db.dispose()

    asyncio.run(run())


def test_migrate_then_verify_a_fresh_database(tmp_path: Path) -> None:
    migrated = runner.invoke(app, ["migrate"], env=_env(tmp_path))
    assert migrated.exit_code == 0, migrated.output
    verified = runner.invoke(app, ["audit", "verify"], env=_env(tmp_path))
    assert verified.exit_code == 0, verified.output
    assert "intact: 0 entries" in verified.output


def test_audit_verify_names_the_tampered_row(tmp_path: Path) -> None:
    assert runner.invoke(app, ["migrate"], env=_env(tmp_path)).exit_code == 0
    _append_entries(tmp_path, 3)
    intact = runner.invoke(app, ["audit", "verify"], env=_env(tmp_path))
    assert intact.exit_code == 0 and "3 entries" in intact.output

    with sqlite3.connect(tmp_path / "cli.db") as db:
        bad_id = db.execute("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
        db.execute("UPDATE audit_log SET data = '{\"n\": 99}' WHERE id = ?", (bad_id,))
    broken = runner.invoke(app, ["audit", "verify"], env=_env(tmp_path))
    assert broken.exit_code == 1
    assert f"row id {bad_id}" in broken.output


def test_settings_errors_exit_2_with_a_message(tmp_path: Path) -> None:
    env = _env(tmp_path)
    del env["CEXDESK_DEMO"]
    result = runner.invoke(app, ["migrate"], env=env)
    assert result.exit_code == 2
    assert "CEXDESK_SECRET_KEY" in result.output and "Traceback" not in result.output

    result = runner.invoke(app, ["audit", "verify"], env=_env(tmp_path, CEXDESK_PORT="eighty"))
    assert result.exit_code == 2
    assert "CEXDESK_PORT" in result.output


def test_worker_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, **_env(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "cexdesk", "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        assert process.stdout is not None
        seen = b""
        while b"started" not in seen and time.monotonic() < deadline:
            seen += process.stdout.readline()
        assert b"started" in seen, seen
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.slow
def test_serve_demo_prints_logins_and_serves(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, **_env(tmp_path), "CEXDESK_PORT": str(port)}
    del env["CEXDESK_DEMO"]  # --demo alone must be enough
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "cexdesk", "serve", "--demo"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        healthy = False
        while time.monotonic() < deadline and not healthy:
            assert process.poll() is None, log_path.read_text()
            try:
                healthy = httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200
            except httpx.HTTPError:
                time.sleep(0.2)
        assert healthy, log_path.read_text()
        banner = log_path.read_text()
        assert f"http://127.0.0.1:{port}/api/v1/docs" in banner
        assert "ada@demo.cexdesk.dev" in banner and "cexdesk-demo" in banner
        assert "otpauth://totp/" in banner
        agents = httpx.get(f"http://127.0.0.1:{port}/api/v1/health")
        assert agents.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_kb_load_publishes_the_shipped_articles_once(tmp_path: Path) -> None:
    from cexdesk.kb.content import read_articles

    shipped = read_articles()
    texts = sum(len(a.texts) for a in shipped)
    first = runner.invoke(app, ["kb", "load"], env=_env(tmp_path))
    assert first.exit_code == 0, first.output
    assert f"{len(shipped)} articles read, {texts} texts published" in first.output
    again = runner.invoke(app, ["kb", "load"], env=_env(tmp_path))
    assert f"{len(shipped)} articles read, 0 texts published" in again.output
