"""`marsad notify`: run now what the job worker would (dispatch, retries, alert evaluation)."""

from __future__ import annotations

import typer

from marsad.commandline import console, setup_django

notify_app = typer.Typer(help="Notifications: dispatch and alert evaluation.", no_args_is_help=True)


@notify_app.command("dispatch")
def dispatch_now() -> None:
    """Dispatch every event not yet dispatched and send every delivery that is due, now."""
    setup_django()
    from marsad.notify import dispatch

    events = dispatch.dispatch_pending()
    sent = dispatch.send_due()
    console.print(f"{events} events dispatched, {sent} deliveries attempted")


@notify_app.command("alerts")
def alerts_now() -> None:
    """Evaluate spike alerts and plan deadlocks now; new ones become events, then dispatched."""
    setup_django()
    from marsad.notify import alerts, dispatch
    from marsad.notify.kinds import DERIVED

    created = sum(len(alerts.evaluate(kind)) for kind in sorted(DERIVED))
    events = dispatch.dispatch_pending()
    console.print(f"{created} new alerts, {events} events dispatched")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(notify_app, name="notify")
