"""Check the OpenAPI request validator against discord.py payloads and Discord's limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from tests.fake_discord.openapi import (
    RequestValidator,
    check_limits,
    default_validator,
    load_spec,
    skip_reason,
    spec_path,
)


@pytest.fixture(scope="module")
def validator() -> RequestValidator:
    found = default_validator()
    if found is None:
        pytest.skip(skip_reason())
    return found


def message_payload(**kwargs: Any) -> dict[str, Any]:
    params = discord.http.handle_message_parameters(**kwargs)
    assert params.payload is not None
    return params.payload


def test_missing_spec_disables_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nope.json"
    monkeypatch.setenv("DISCORD_OPENAPI_SPEC", str(missing))
    assert spec_path() == missing
    assert load_spec(missing) is None
    assert str(missing) in skip_reason()


def test_spec_carries_embed_limits(validator: RequestValidator) -> None:
    spec = load_spec()
    assert spec is not None
    schemas = spec["components"]["schemas"]
    embed = schemas["RichEmbed"]["properties"]
    assert embed["title"]["maxLength"] == 256
    assert embed["description"]["maxLength"] == 4096
    assert embed["fields"]["maxItems"] == 25
    field = schemas["RichEmbedField"]["properties"]
    assert (field["name"]["maxLength"], field["value"]["maxLength"]) == (256, 1024)


@pytest.mark.parametrize(
    ("method", "path", "operation_id"),
    [
        ("POST", "/channels/1/messages", "create_message"),
        ("PATCH", "/webhooks/1/tok/messages/@original", "update_original_webhook_message"),
        ("PATCH", "/webhooks/1/tok/messages/2", "update_webhook_message"),
        ("POST", "/interactions/1/tok/callback", "create_interaction_response"),
        ("PUT", "/applications/1/commands", "bulk_set_application_commands"),
        ("GET", "/users/@me", "get_my_user"),
    ],
)
def test_operations_are_matched(
    validator: RequestValidator, method: str, path: str, operation_id: str
) -> None:
    op = validator.operation(method, path)
    assert op is not None
    assert op.operation_id == operation_id


def test_discord_py_payloads_pass(validator: RequestValidator) -> None:
    view = discord.ui.View()
    view.add_item(discord.ui.Button(label="Go", custom_id="go"))
    embed = discord.Embed(title="t", description="d", colour=0x123456)
    embed.add_field(name="n", value="v").set_footer(text="f")
    payload = message_payload(
        content="hi",
        embed=embed,
        view=view,
        allowed_mentions=discord.AllowedMentions(users=[discord.Object(id=1)]),
        message_reference=discord.MessageReference(
            message_id=5, channel_id=6
        ).to_message_reference_dict(),
    )
    assert validator.validate("POST", "/channels/1/messages", payload) == {}
    assert validator.validate("POST", "/webhooks/1/tok", payload) == {}
    callback = {"type": 4, "data": payload}
    assert validator.validate("POST", "/interactions/1/tok/callback", callback) == {}
    for kind in (1, 5, 6):
        assert validator.validate("POST", "/interactions/1/tok/callback", {"type": kind}) == {}
    choices = {"type": 8, "data": {"choices": [{"name": "a", "value": "a"}]}}
    assert validator.validate("POST", "/interactions/1/tok/callback", choices) == {}


def test_synced_commands_pass(validator: RequestValidator) -> None:
    @app_commands.command(description="Ask.")
    @app_commands.default_permissions(manage_guild=True)
    async def ask(interaction: discord.Interaction, topic: str, count: int = 1) -> None:
        """Do nothing."""

    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    body = [ask.to_dict(tree)]
    assert validator.validate("PUT", "/applications/1/commands", body) == {}


def test_overlong_embed_title_fails(validator: RequestValidator) -> None:
    payload = message_payload(embed=discord.Embed(title="x" * 257))
    errors = validator.validate("POST", "/channels/1/messages", payload)
    assert errors["embeds"]["0"]["title"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    callback = {"type": 4, "data": payload}
    errors = validator.validate("POST", "/interactions/1/tok/callback", callback)
    assert "title" in errors["data"]["embeds"]["0"]


def test_too_many_fields_fail(validator: RequestValidator) -> None:
    embed = discord.Embed()
    for i in range(26):
        embed.add_field(name=str(i), value="v")
    errors = validator.validate("POST", "/channels/1/messages", message_payload(embed=embed))
    assert "fields" in errors["embeds"]["0"]


def test_too_many_choices_fail(validator: RequestValidator) -> None:
    choices = [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)]
    body = {"type": 8, "data": {"choices": choices}}
    assert validator.validate("POST", "/interactions/1/tok/callback", body)


def test_limits_beyond_the_schema() -> None:
    long_content = {"content": "x" * 2001}
    assert "content" in check_limits("POST", "/channels/1/messages", long_content)
    assert check_limits("POST", "/channels/1/messages", {"content": "x" * 2000}) == {}
    embeds = [{"description": "x" * 4000}, {"description": "y" * 2001}]
    errors = check_limits("PATCH", "/webhooks/1/tok/messages/@original", {"embeds": embeds})
    assert errors["embeds"]["_errors"][0]["code"] == "MAX_EMBED_SIZE_EXCEEDED"
    eleven = {"type": 4, "data": {"embeds": [{"title": "t"}] * 11}}
    assert "embeds" in check_limits("POST", "/interactions/1/t/callback", eleven)["data"]
    choices = [{"name": "n" * 101, "value": "v"}] * 26
    errors = check_limits(
        "POST", "/interactions/1/t/callback", {"type": 8, "data": {"choices": choices}}
    )
    assert errors["data"]["choices"]["_errors"]
    assert errors["data"]["choices"]["0"]["name"]["_errors"]
