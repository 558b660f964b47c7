"""Spike alerts on a daily count series: a day far above the days just before it.

Two tests against a trailing window of the previous `window` calendar days (the day itself
excluded, so a spike never hides itself):

- robust z-score: (value - median) / (1.4826 x MAD). Median and MAD ignore earlier spikes in
  the window; 1.4826 makes the MAD comparable to a standard deviation. 3.5 is Iglewicz and
  Hoaglin's threshold for an outlier. When the window is flat (MAD 0) the scale is floored at
  `min_scale`, so that one death more than usual is not a spike.
- Poisson: the probability of at least this many events if days followed a Poisson law with the
  window's mean. It knows that 3 after a run of zeros is rare, where the z-score cannot judge,
  but casualty counts vary more than Poisson, so alone it alerts too often.

By default an alert needs both (`method="both"`). Only rises are alerts. A day whose window
holds fewer than `min_history` days gets no alert: there is nothing to compare it with.
The result depends only on the input, never on time or randomness.

Feed it a series that measures violence: since the truce, new deaths (`truce.daily_since_truce`)
rather than all reported deaths, which jump almost every Saturday when committee additions and
recovered bodies are published.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

_MAD_TO_SD = 1.4826


@dataclass(frozen=True, slots=True)
class SpikeRule:
    """The thresholds of a spike; the defaults suit daily deaths or incidents."""

    window: int = 28
    min_history: int = 14
    z_threshold: float = 3.5
    p_threshold: float = 0.001
    min_scale: float = 1.0
    method: Literal["both", "robust", "poisson"] = "both"


@dataclass(frozen=True, slots=True)
class SpikeAlert:
    """A spike: the day, its value, the window's median and mean, both scores and why."""

    day: date
    value: float
    baseline: float
    mean: float
    score: float
    p_value: float
    reason: str


def _median(values: Sequence[float]) -> float:
    # A window holds a few dozen days: sorting them in Python is several times faster than
    # numpy's median, whose fixed cost per call dominated the dashboard's spike detection.
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def robust_z(value: float, history: Sequence[float], *, min_scale: float = 1.0) -> float:
    """How many (MAD-based) standard deviations the value lies above the history's median."""
    values = [float(v) for v in history]
    median = _median(values)
    mad = _median([abs(v - median) for v in values])
    return (value - median) / max(_MAD_TO_SD * mad, min_scale)


def poisson_tail(count: int, mean: float) -> float:
    """P(X >= count) for X following a Poisson law of this mean."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    if count <= mean:
        # The lower part is small here: subtract it from one without losing precision.
        lower = sum(math.exp(k * math.log(mean) - mean - math.lgamma(k + 1)) for k in range(count))
        return max(0.0, 1.0 - lower)
    # Above the mean the terms fall fast: add them until they no longer matter.
    log_term = count * math.log(mean) - mean - math.lgamma(count + 1)
    term, total, k = math.exp(log_term), 0.0, count
    while term > 0 and term > total * 1e-17:
        total += term
        k += 1
        term *= mean / k
    return min(1.0, total)


def detect_spikes(
    series: Sequence[tuple[date, float]], *, rule: SpikeRule = SpikeRule(), label: str = "killed"
) -> list[SpikeAlert]:
    """Alerts for the days of a daily series that spike above their trailing window.

    Days must be in strictly increasing order; days absent from the series are unknown, not
    zero (fill them first with `series.daily_series` when absence means zero). `label` names
    what is counted, for the reason sentence.
    """
    for (before, _), (after, _) in zip(series, series[1:], strict=False):
        if after <= before:
            raise ValueError(f"the series is not in increasing order of days at {after}")
    alerts = []
    start = 0
    for index, (day, value) in enumerate(series):
        while series[start][0] < day - timedelta(days=rule.window):
            start += 1
        history = [float(past) for _, past in series[start:index]]
        if len(history) < rule.min_history:
            continue
        alert = _judge(day, float(value), history, rule, label)
        if alert is not None:
            alerts.append(alert)
    return alerts


def _judge(
    day: date, value: float, history: list[float], rule: SpikeRule, label: str
) -> SpikeAlert | None:
    median = _median(history)
    mean = sum(history) / len(history)
    score = robust_z(value, history, min_scale=rule.min_scale)
    robust_says = score >= rule.z_threshold
    if rule.method == "both" and not robust_says:
        return None  # the Poisson tail cannot change the verdict
    p_value = poisson_tail(math.floor(value), mean)
    poisson_says = p_value <= rule.p_threshold
    verdict = {
        "both": robust_says and poisson_says,
        "robust": robust_says,
        "poisson": poisson_says,
    }[rule.method]
    if not verdict:
        return None
    reason = (
        f"{value:g} {label} on {day.isoformat()}, against a median of {median:g} and a mean of "
        f"{mean:.1f} over the previous {len(history)} days: robust z-score {score:.1f} "
        f"(threshold {rule.z_threshold:g}), Poisson probability {p_value:.2g} "
        f"(threshold {rule.p_threshold:g})."
    )
    return SpikeAlert(day, value, median, mean, score, p_value, reason)
