"""Force generation as an integer program solved by HiGHS, in lexicographic stages.

Stage 1 maximises weighted coverage, the sum over requirements r of weight_r x filled_r /
quantity_r, where filled_r is the sum of x[p, r] over the admissible pledges p, subject to
sum_r x[p, r] <= quantity_p and sum_p x[p, r] <= quantity_r, x[p, r] integer >= 0. Columns
exist only for admissible pairs (same capability, pledge available, requirement inside the
mandate, no caveat against it), so no solution can break a caveat or a limit.

HiGHS is not handed the values per unit, weight_r / quantity_r, but their ranks: 1 for the
least of the distinct values, 2 for the next, and so on (`_value_ranks`, compared exactly as
fractions). The values themselves are badly scaled: a need of 10 people at weight 1 is worth
0.1 per person, one of 250 million dollars 4e-9 per dollar, while HiGHS's tolerances are
absolute (1e-7 on a reduced cost). It took a column worth 1e-8 per unit for one worth nothing,
and reported "optimal" with dollars left unassigned, or given where they count less, even
below the greedy baseline. Ranks are whole numbers from 1 to the number of requirements, so a
reduced cost is either 0 or at least 1 and no tolerance can hide a better allocation; and they
change nothing in the answer:

    The vectors (filled_r) that pledges can provide form a polymatroid (the inflows a
    capacitated network can send to its sinks); its rank function rho(S) is the most that the
    requirements in S can receive together. Let L_1 > ... > L_k be the distinct values and
    S_j the requirements worth at least L_j. The objective is sum_j (L_j - L_(j+1)) x
    filled(S_j), with L_(k+1) = 0 and every coefficient > 0; filled(S_j) <= rho(S_j) for each
    j, and one allocation (fill by value, augmenting paths) reaches every bound at once. So an
    allocation is optimal exactly when filled(S_j) = rho(S_j) for every j, which depends on
    the order of the values alone: the same allocations are optimal for the ranks.

This is exact for people and money alike: no unit is rounded, blocked or lost. The other
remedies were worse. Counting each requirement in blocks of its own size gives pledge rows
coefficients other than 1 (the model is no longer a network, so its relaxation is no longer
integral) and leaves remainders for a further pass; coverage fractions as columns tie them to
units with coefficients up to 1e9; tighter tolerances only move the threshold (a billion
dollars at 1e-9 each is still a whole unit of weight).

The later stages only choose among allocations of exactly that coverage. Each keeps, for every
group of columns the previous stage valued alike, the total that stage gave the group; for
coverage the groups are the requirements of the same rank, that is the same value per unit
(weight / quantity, compared exactly), so coverage stays exactly the stage 1 value with no
floating-point tolerance to trade away.

- Stage 2 prefers delivered over confirmed over offered pledges, and pledges whose legal
  conditions are met (skipped when every usable pledge is alike).
- Stage 3 prefers lower pledge ids, lower requirement ids, and pairing pledges with
  requirements in id order, through a whole-number cost per unit.

Every stage is network-like (each column lies in one pledge row, one requirement row and rows
of two nested groupings), so its linear relaxation is integral and HiGHS solves it at the root;
every cost is a small whole number, so every stage proves its optimum with a gap below one.
What ties remain after stage 3 are settled by HiGHS itself, run single-threaded with a fixed
seed on a model built in id order: the same input gives the same allocation.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from fractions import Fraction

from marsad.forcegen.allocation import Allocation, assemble
from marsad.forcegen.model import Caveat, MandateLimit, Pledge, Requirement
from marsad.forcegen.problem import Problem, build_problem
from marsad.forcegen.program import OPTIMAL, TIME_LIMIT, Row, solve_program

_STATUS_TIER = {"delivered": 0, "confirmed": 1, "offered": 2}


def allocate(
    *,
    requirements: Iterable[Requirement],
    pledges: Iterable[Pledge],
    caveats: Iterable[Caveat] = (),
    limits: Iterable[MandateLimit] = (),
    count_unmet_conditions: bool = False,
    time_limit: float = 10.0,
) -> Allocation:
    """Assign pledges to requirements for the best weighted coverage that breaks no caveat.

    `time_limit` is the seconds HiGHS may spend on each stage.
    """
    problem = build_problem(
        requirements=requirements,
        pledges=pledges,
        caveats=caveats,
        limits=limits,
        count_unmet_conditions=count_unmet_conditions,
    )
    capacity = _capacity_rows(problem)
    uppers = [min(pledge.quantity, req.quantity) for pledge, req in problem.pairs]
    value = _value_ranks(problem)
    first = solve_program(
        costs=value,
        uppers=uppers,
        rows=capacity,
        maximize=True,
        time_limit=time_limit,
        # Whole-number costs: a gap below one proves the optimum.
        abs_gap=0.5,
    )
    found = first.values if first.values is not None else (0,) * len(problem.pairs)
    if not _fits(capacity, found):
        raise RuntimeError("HiGHS returned an allocation that exceeds a pledge or a need")

    kept = _totals(value, found)
    stopped = False
    for cost in (_tier_costs(problem), _rank_costs(problem)):
        if len(set(cost)) <= 1:
            continue  # nothing to prefer
        outcome = solve_program(
            costs=cost,
            uppers=uppers,
            rows=capacity + kept,
            maximize=False,
            time_limit=time_limit,
            # Whole-number costs: a gap below one proves the optimum.
            abs_gap=0.5,
        )
        stopped = stopped or outcome.status == TIME_LIMIT
        if outcome.values is None or not _fits(capacity + kept, outcome.values):
            break  # keep the last good allocation rather than trust a partial one
        found = outcome.values
        kept = kept + _totals(cost, found)

    message = ""
    if first.status == TIME_LIMIT:
        message = (
            f"HiGHS stopped at the {time_limit:g} s time limit before proving the best "
            "coverage; this is the best allocation it found."
        )
    elif stopped:
        message = (
            f"Coverage is optimal, but HiGHS stopped at the {time_limit:g} s time limit "
            "while choosing among equally good allocations."
        )
    units = {(p.id, r.id): q for (p, r), q in zip(problem.pairs, found, strict=True)}
    status = TIME_LIMIT if message else OPTIMAL
    return assemble(problem=problem, units=units, status=status, message=message)


def _capacity_rows(problem: Problem) -> list[Row]:
    """One row per pledge and one per requirement that has columns, in id order."""
    return _group_rows(
        problem, key=lambda pair: pair[0].id, upper=lambda pair: pair[0].quantity
    ) + _group_rows(problem, key=lambda pair: pair[1].id, upper=lambda pair: pair[1].quantity)


def _group_rows(
    problem: Problem,
    *,
    key: Callable[[tuple[Pledge, Requirement]], str],
    upper: Callable[[tuple[Pledge, Requirement]], int],
) -> list[Row]:
    columns: dict[str, list[int]] = {}
    bound: dict[str, int] = {}
    for col, pair in enumerate(problem.pairs):
        columns.setdefault(key(pair), []).append(col)
        bound[key(pair)] = upper(pair)
    return [Row(columns=columns[k], lower=0.0, upper=float(bound[k])) for k in sorted(columns)]


def _totals(cost: Sequence[Hashable], values: Sequence[int]) -> list[Row]:
    """Rows that keep the total of every group of equally valued columns as it is."""
    groups: dict[Hashable, list[int]] = {}
    for col, c in enumerate(cost):
        groups.setdefault(c, []).append(col)
    rows = []
    for cols in groups.values():
        total = float(sum(values[c] for c in cols))
        rows.append(Row(columns=cols, lower=total, upper=total))
    return rows


def _fits(rows: Sequence[Row], values: Sequence[int]) -> bool:
    """Whether no value is negative and every row holds."""
    if min(values, default=0) < 0:
        return False
    return all(row.lower <= sum(values[c] for c in row.columns) <= row.upper for row in rows)


def _value_ranks(problem: Problem) -> list[int]:
    """Per column, the rank of its requirement's value per unit among the distinct values of
    the requirements that have columns: 1 for the least. Exact, so equal values share a rank
    and values a float could not tell apart do not."""
    exact = {req.id: Fraction(req.weight) / req.quantity for _, req in problem.pairs}
    rank = {v: i for i, v in enumerate(sorted(set(exact.values())), start=1)}
    return [rank[exact[req.id]] for _, req in problem.pairs]


def _tier_costs(problem: Problem) -> list[int]:
    """0 delivered, 1 confirmed, 2 offered; 3 more when legal conditions are still unmet."""
    return [
        _STATUS_TIER[pledge.status] + (0 if pledge.conditions_met else 3)
        for pledge, _ in problem.pairs
    ]


def _rank_costs(problem: Problem) -> list[int]:
    """A whole-number cost per unit that rises with the pledge's and the requirement's rank."""
    pledge_rank = {p.id: i for i, p in enumerate(problem.pledges, start=1)}
    req_rank = {r.id: j for j, r in enumerate(problem.requirements, start=1)}
    spread = max(len(pledge_rank), len(req_rank)) + 1
    # spread*(i+j) rises with both ranks; -i*j makes (1,1)+(2,2) cheaper than (1,2)+(2,1),
    # so among equal choices low ids are paired with low ids.
    return [
        spread * (pledge_rank[p.id] + req_rank[r.id]) - pledge_rank[p.id] * req_rank[r.id]
        for p, r in problem.pairs
    ]
