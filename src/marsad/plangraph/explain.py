"""English sentences explaining deadlocks. The Django layer words the Arabic ones itself from the
same structured cycles (edges, parties, provisions); these are for logs, the command line and
the English pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.plangraph.model import Edge

Name = Callable[[str], str]


def _join(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def subjects(edge: Edge) -> list[str]:
    """Who asks for the edge: the plan (a dependency) and each party with a precondition."""
    return (["the plan"] if edge.dependency else []) + list(edge.parties)


def clause(edge: Edge, name: Name) -> str:
    """ "Israel requires disarmament before withdrawal"."""
    who = subjects(edge)
    verb = "requires" if len(who) == 1 else "require"
    if edge.before == edge.after:
        verb = "makes" if len(who) == 1 else "make"
        return f"{_join(who)} {verb} {name(edge.after)} wait for itself"
    return f"{_join(who)} {verb} {name(edge.before)} before {name(edge.after)}"


def cycle_sentence(edges: Sequence[Edge], name: Name) -> str:
    """One sentence for one cycle, its clauses in the order of the cycle."""
    clauses = [clause(e, name) for e in edges]
    if len(clauses) == 2:
        text = f"{clauses[0]} while {clauses[1]}"
    else:
        text = _join(clauses)
    return _capital(text) + "."


def deadlock_sentence(
    provisions: Sequence[str], cycles: Sequence[Sequence[Edge]], complete: bool, name: Name
) -> str:
    """The deadlock's only cycle, or a summary naming its provisions and its shortest cycle."""
    names = _capital(_join([name(p) for p in provisions]))
    if not cycles:
        return f"{names} wait for one another."
    if len(cycles) == 1 and complete:
        return cycle_sentence(cycles[0], name)
    count = f"{len(cycles)}" if complete else f"at least {len(cycles)}"
    shortest = min(cycles, key=len)
    found = "the shortest" if complete else "the shortest found"
    return f"{names} are locked in {count} cycles; {found}: {cycle_sentence(shortest, name)}"
