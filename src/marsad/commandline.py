"""What every `marsad` command shares: Rich consoles, Django set-up, failing with a message."""

from __future__ import annotations

import os
from typing import NoReturn

import typer
from rich.console import Console

console = Console()
errors = Console(stderr=True)


def setup_django() -> None:
    """Configure Django on first use (commands that need no database never pay for it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django

    django.setup()


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)
