"""Test databases: a fresh SQLite file, or a fresh schema on the test PostgreSQL server.

PostgreSQL tests use CAPCOM_TEST_DATABASE_URL (default: the local server's `test` database).
Without a server they skip with a one-line reason, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import psycopg
import pytest
import pytest_asyncio

from bot.store_postgres import redact

URL_ENV = "CAPCOM_TEST_DATABASE_URL"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


def server_url() -> str:
    """The PostgreSQL server tests use."""
    return os.environ.get(URL_ENV) or DEFAULT_URL


def with_schema(url: str, schema: str) -> str:
    """The URL with search_path set to a schema."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


async def _connect(url: str) -> psycopg.AsyncConnection[tuple[object, ...]]:
    try:
        return await psycopg.AsyncConnection.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        reason = (str(exc).strip().splitlines() or ["no answer"])[0]
        message = (
            f"no PostgreSQL at {redact(url)} ({reason}); set {URL_ENV}=postgresql://... "
            "to run these tests"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@asynccontextmanager
async def pg_schema(prefix: str = "capcom_t") -> AsyncIterator[str]:
    """A new, empty schema on the test server (dropped afterwards); yields its URL."""
    base = server_url()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = await _connect(base)
    try:
        await conn.execute(f"CREATE SCHEMA {name}")
        yield with_schema(base, name)
    finally:
        await conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        await conn.close()


@asynccontextmanager
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """A URL of a fresh database of one backend."""
    if backend == "sqlite":
        yield f"sqlite://{tmp_path / 'capcom.sqlite3'}"
        return
    async with pg_schema() as url:
        yield url


@pytest_asyncio.fixture(params=BACKENDS)
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a fresh database, once per backend."""
    async with database_url(str(request.param), tmp_path) as url:
        yield url
