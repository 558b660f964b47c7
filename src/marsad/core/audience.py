"""An audience: the readers a report or a delivery goes to, read as one reader.

A report for ITA and FRA may hold only what both may read; `Audience` stands in for a user in
every selector (`visible_to`, `can_read`) and reads exactly that: for nations, what is public,
marked for the whole force, or released to every one of them; for `public`, what is public; for
`internal`, what the coordination centre's analysts read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.core.errors import InvalidInput
from marsad.core.releasability import ISO3
from marsad.core.roles import Role

PUBLIC = "public"
INTERNAL = "internal"
FORCE = "force"
NATIONS = "nations"


@dataclass(frozen=True)
class Audience:
    kind: str
    audience_nations: tuple[str, ...] = field(default=())

    # What selectors ask of a reader.
    is_authenticated = True
    is_superuser = False
    is_anonymous = False
    pk = None
    nation = ""
    username = ""

    @property
    def role(self) -> str:
        if self.kind == INTERNAL:
            return Role.ANALYST
        if self.kind == PUBLIC:
            return Role.PUBLIC
        return Role.LIAISON

    @property
    def code(self) -> str:
        """How the audience is written on the command line and in URLs: ITA,FRA, force…"""
        return ",".join(self.audience_nations) if self.kind == NATIONS else self.kind

    def __str__(self) -> str:
        return self.code


def nations_audience(codes: Iterable[str], *, known: Iterable[str], field_name: str) -> Audience:
    """The audience of named nations, each an ISO 3166 alpha-3 code among `known`."""
    nations = sorted({c.strip().upper() for c in codes if c.strip()})
    if not nations:
        raise InvalidInput.one(
            field_name, "", "name at least one nation, or force, public or internal"
        )
    known_set = set(known)
    for code in nations:
        if not ISO3.match(code) or code not in known_set:
            raise InvalidInput.one(field_name, code, "is not a known nation (ISO 3166 alpha-3)")
    return Audience(NATIONS, tuple(nations))
