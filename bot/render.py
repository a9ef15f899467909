"""Reply -> discord.Embed (+ the what-if chart as a PNG attachment shown in the embed)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

import discord

from commands.reply import (
    FIELD_VALUE_MAX,
    FOOTER_MAX,
    TEXT_MAX,
    TITLE_MAX,
    TOTAL_MAX,
    Chart,
    DateMention,
    Reply,
    clip,
)

log = logging.getLogger(__name__)

COLOURS: dict[str, int] = {
    "answer": 0x2F6FB3,  # blue
    "whatif": 0x7B4FB8,  # violet
    "suggestions": 0xD49A1C,  # amber
    "error": 0xC0392B,  # red
}
CHART_FILENAME = "whatif.png"


@dataclass(frozen=True)
class Rendered:
    """What to send: one embed and, for a chart, the file it shows."""

    embed: discord.Embed
    file: discord.File | None = None

    @property
    def files(self) -> list[discord.File]:
        """The attachments as a list (empty without a chart)."""
        return [self.file] if self.file is not None else []


def timestamp(day: dt.date) -> str:
    """A day as a Discord date timestamp, shown in each reader's own time zone.

    Noon UTC keeps the calendar day the same from UTC-11 to UTC+11.
    """
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    return f"<t:{int(noon.timestamp())}:D>"


def with_timestamps(text: str, dates: tuple[DateMention, ...], limit: int) -> str:
    """Replace each day-precision placeholder with a timestamp, unless that breaks the limit."""
    out = text
    for mention in sorted(dates, key=lambda d: -len(d.placeholder)):
        if mention.placeholder and mention.placeholder in out:
            out = out.replace(mention.placeholder, timestamp(mention.date))
    return out if len(out) <= limit else text


def embed(reply: Reply, *, image: str | None = None, marker: str | None = None) -> discord.Embed:
    """The embed for a reply: colour by kind, fields, timestamps; sources, as-of in the footer.

    A marker (a status post's nonce) always ends the footer, so the post can be found again.
    """
    e = _build(reply, reply.dates, image, marker)
    if len(e) > TOTAL_MAX:  # timestamps made it longer than the reply was cut for
        e = _build(reply, (), image, marker)
    return e


def _build(
    reply: Reply, dates: tuple[DateMention, ...], image: str | None, marker: str | None = None
) -> discord.Embed:
    e = discord.Embed(
        title=clip(reply.title, TITLE_MAX) or None,
        description=with_timestamps(reply.text, dates, TEXT_MAX) or None,
        colour=COLOURS.get(reply.kind, COLOURS["answer"]),
    )
    for f in reply.fields:
        e.add_field(
            name=f.name, value=with_timestamps(f.value, dates, FIELD_VALUE_MAX), inline=f.inline
        )
    footer = clip(reply.footer(), FOOTER_MAX)
    if marker:
        tail = f" · {marker}" if footer else marker
        footer = clip(footer, FOOTER_MAX - len(tail)) + tail if footer else tail
    if footer:
        e.set_footer(text=footer)
    if image is not None:
        e.set_image(url=f"attachment://{image}")
    return e


def render(reply: Reply, chart_png: bytes | None = None) -> Rendered:
    """The embed and, when a chart PNG is given, the attachment it shows."""
    if chart_png is None:
        return Rendered(embed(reply))
    file = discord.File(io.BytesIO(chart_png), filename=CHART_FILENAME)
    return Rendered(embed(reply, image=CHART_FILENAME), file)


ChartRenderer = Callable[[Chart], bytes]


def chart_renderer() -> ChartRenderer:
    """commands.chart.render_png, imported when first asked for (it loads matplotlib)."""
    from commands.chart import render_png

    return render_png


async def render_async(
    reply: Reply, chart_timeout: float, draw: ChartRenderer | None = None
) -> Rendered:
    """Render a reply, drawing its chart (if any) in a worker thread within chart_timeout."""
    if reply.chart is None or draw is None:
        return render(reply)
    try:
        png = await asyncio.wait_for(asyncio.to_thread(draw, reply.chart), chart_timeout)
    except TimeoutError:
        log.warning("chart %r took over %.1f s; sent without it", reply.chart.kind, chart_timeout)
        return render(reply)
    except Exception:
        log.exception("chart %r failed; sent without it", reply.chart.kind)
        return render(reply)
    return render(reply, png)
