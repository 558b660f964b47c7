"""Erasing every record, user and audit entry (`marsad demo --reset`).

The tables are emptied but their ids go on from where they were: an id once given is never given
again. The search index's columns a running process keeps in memory (`core.search.columns`) rely
on that; a row given an id that an erased row had would be read with the erased row's marking."""

from __future__ import annotations

from django.core.management import call_command


def erase_everything() -> None:
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
