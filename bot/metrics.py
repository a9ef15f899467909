"""Operator endpoints of one process: Prometheus metrics at /metrics and a health check at /healthz.

Served on `metrics_host:metrics_port` when metrics_port is set (off by default). Metrics:

- capcom_interactions_total{type}: interactions received (command, autocomplete, component)
- capcom_interaction_seconds{command,outcome}: from the interaction's creation to its handler's
  end (outcome ok or error)
- capcom_posts_total{kind,outcome}: status posts (digest or alert) by outcome
- capcom_last_reload_timestamp_seconds: when this process last loaded a reloaded fact base
- capcom_shard_latency_seconds{shard}: gateway heartbeat latency per shard of this process
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator
from typing import Any

import discord
from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.state import AnyBot, Capcom

log = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)
_TYPES = {
    discord.InteractionType.application_command: "command",
    discord.InteractionType.autocomplete: "autocomplete",
    discord.InteractionType.component: "component",
    discord.InteractionType.modal_submit: "modal",
}


class _ShardLatency(Collector):
    """Reads the bot's shard latencies when scraped."""

    def __init__(self, bot: AnyBot) -> None:
        self.bot = bot

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "capcom_shard_latency_seconds", "Gateway heartbeat latency per shard", labels=["shard"]
        )
        for shard, latency in _latencies(self.bot):
            if math.isfinite(latency):
                family.add_metric([str(shard)], latency)
        yield family


def _latencies(bot: AnyBot) -> list[tuple[int, float]]:
    if isinstance(bot, discord.AutoShardedClient):
        return list(bot.latencies)
    return [(bot.shard_id or 0, bot.latency)]


class Metrics:
    """The process's metrics, the hooks that count, and the HTTP server that shows them."""

    def __init__(self, bot: AnyBot, capcom: Capcom) -> None:
        self.bot = bot
        self.capcom = capcom
        self.registry = CollectorRegistry()
        self.interactions = Counter(
            "capcom_interactions",
            "Interactions received",
            ["type"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "capcom_interaction_seconds",
            "Seconds from an interaction's creation to the end of its handler",
            ["command", "outcome"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.posts = Counter(
            "capcom_posts",
            "Status posts by kind and outcome",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.last_reload = Gauge(
            "capcom_last_reload_timestamp_seconds",
            "Unix time this process last loaded a reloaded fact base (0: never)",
            registry=self.registry,
        )
        self.last_reload.set_function(self._last_reload)
        self.registry.register(_ShardLatency(bot))
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        bot.add_listener(self._on_interaction, "on_interaction")
        bot.add_listener(self._on_completion, "on_app_command_completion")

    def _last_reload(self) -> float:
        reloader = self.capcom.reloader
        return reloader.last_reload or 0.0 if reloader is not None else 0.0

    # -- hooks --------------------------------------------------------------------------------

    async def _on_interaction(self, interaction: discord.Interaction) -> None:
        self.interactions.labels(_TYPES.get(interaction.type, "other")).inc()

    async def _on_completion(self, interaction: discord.Interaction, command: Any) -> None:
        self.observe_interaction(interaction, "ok")

    def observe_interaction(self, interaction: discord.Interaction, outcome: str) -> None:
        """Record how long an interaction took, from its creation until now."""
        if interaction.type is not discord.InteractionType.application_command:
            return
        command = interaction.command.qualified_name if interaction.command else "unknown"
        seconds = max(0.0, time.time() - interaction.created_at.timestamp())
        self.latency.labels(command, outcome).observe(seconds)

    def observe_post(self, kind: str, outcome: str) -> None:
        """Count a status post's outcome (the scheduler calls this)."""
        self.posts.labels(kind, outcome).inc()

    # -- the server ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve /metrics and /healthz."""
        settings = self.capcom.settings
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, settings.metrics_host, settings.metrics_port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else settings.metrics_port
        log.info("metrics on http://%s:%s/metrics", settings.metrics_host, self.port)

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _metrics(self, request: web.Request) -> web.Response:
        body = generate_latest(self.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _healthz(self, request: web.Request) -> web.Response:
        """200 when the gateway is ready and the database answers; 503 otherwise."""
        ready = self.bot.is_ready()
        try:
            await self.capcom.store.version()
            database = "ok"
        except Exception as exc:
            database = f"error: {type(exc).__name__}"
        shards = {str(s): round(lat, 4) for s, lat in _latencies(self.bot) if math.isfinite(lat)}
        healthy = ready and database == "ok"
        body = {
            "status": "ok" if healthy else "unavailable",
            "ready": ready,
            "database": database,
            "shards": shards,
            "instance": self.capcom.store.owner,
        }
        return web.json_response(body, status=200 if healthy else 503)
