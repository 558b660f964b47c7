"""Finders whose answers are kept with the sentence they were asked about.

The attack rules ask for the victims, the aim or the persons harmed around one trigger several
times (for the perpetrator, then for the recipient with each actor tried); the finders read
only the sentence and the trigger, so the answer cannot change in between.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence

_P = ParamSpec("_P")
_T = TypeVar("_T")


def per_trigger(
    finder: Callable[Concatenate[Sentence, Match, _P], list[_T]],
) -> Callable[Concatenate[Sentence, Match, _P], list[_T]]:
    """A finder whose answer is kept with the sentence (`Sentence.found`), per trigger. Each
    caller gets its own copy of the list."""

    @wraps(finder)
    def kept(sent: Sentence, trigger: Match, /, *args: _P.args, **kwargs: _P.kwargs) -> list[_T]:
        if args or kwargs:
            return finder(sent, trigger, *args, **kwargs)  # the rules never pass options
        # The entry by identity: hashing the dataclass costs a Python call. The entry is kept
        # with the answer, so its id cannot be reused while the sentence lives.
        entry = trigger.entry
        key = (finder, trigger.start, trigger.end, id(entry), trigger.prefix)
        stored = sent.found.get(key)
        if stored is None:
            stored = sent.found[key] = (entry, finder(sent, trigger, *args, **kwargs))
        return list(stored[1])

    return kept
