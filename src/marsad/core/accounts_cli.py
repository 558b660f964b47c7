"""`marsad token create|list|revoke` and `marsad unlock`: users' access from the command line,
each change through the users service (and so in the audit log)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from marsad.commandline import console, fail, setup_django

token_app = typer.Typer(
    help="API tokens: issue one (shown once), list them, revoke one.", no_args_is_help=True
)
CLI_USER = "system:cli"


def _setup() -> None:
    setup_django()
    from django.utils import translation

    translation.activate("en")


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "–"


@token_app.command("create")
def token_create(
    username: Annotated[str, typer.Argument(help="Whose token it is.")],
    label: Annotated[str, typer.Option(help="What the token is for, e.g. a script's name.")] = "",
    days: Annotated[
        int | None,
        typer.Option(help="Days until it expires (default MARSAD_TOKEN_DAYS, at most 365)."),
    ] = None,
) -> None:
    """Issue an API token for a user and print it once, with its expiry."""
    _setup()
    from marsad.core.errors import InvalidInput
    from marsad.core.models import ApiToken, User
    from marsad.core.models.users import hash_token
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import issue_token

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f"no user is named {username!r}")
    try:
        secret = issue_token(by=SystemUser(CLI_USER), user=user, label=label, days=days)
    except InvalidInput as exc:
        fail(str(exc))
    token = ApiToken.objects.get(digest=hash_token(secret))
    console.print(
        f"API token #{token.pk} for [bold]{user.username}[/], valid until "
        f"{_when(token.expires)} UTC (shown once; keep it safe):"
    )
    console.print(secret, soft_wrap=True, markup=False)


@token_app.command("list")
def token_list(
    username: Annotated[str, typer.Argument(help="Only this user's tokens.")] = "",
) -> None:
    """List API tokens, newest first: id, user, label, dates and state (never the token)."""
    _setup()
    from django.utils import timezone

    from marsad.core.selectors import api_tokens

    now = timezone.now()
    table = Table(title="API tokens (times in UTC)")
    for column in ("id", "user", "label", "created", "expires", "last used", "state"):
        table.add_column(column)
    for token in api_tokens(username=username):
        table.add_row(
            str(token.pk),
            token.user.username,
            token.label,
            _when(token.created),
            _when(token.expires),
            _when(token.last_used),
            token.state(now).value,
        )
    console.print(table)


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(help="The token's id.")]) -> None:
    """Revoke an API token for good: it is refused from now on, and kept in the list."""
    _setup()
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import token_revoke as revoke

    try:
        token = revoke(by=SystemUser(CLI_USER), token_id=token_id)
    except InvalidInput as exc:
        fail(str(exc))
    console.print(f"revoked API token #{token.pk} of [bold]{token.user.username}[/]")


def unlock(username: Annotated[str, typer.Argument(help="The locked-out user name.")]) -> None:
    """End a login lockout: clear the user name's failed logins from every address."""
    _setup()
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import user_unlock

    cleared = user_unlock(by=SystemUser(CLI_USER), username=username)
    if cleared:
        console.print(f"unlocked [bold]{username}[/]: {cleared} record(s) of failed logins cleared")
    else:
        console.print(f"{username} has no failed logins recorded: nothing to unlock")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(token_app, name="token")
    app.command("unlock")(unlock)
