from datetime import date, timedelta

import pytest

from marsad.analytics.spikes import SpikeRule, detect_spikes, poisson_tail, robust_z

START = date(2025, 11, 1)


def days(values):
    return [(START + timedelta(days=i), value) for i, value in enumerate(values)]


def test_a_flat_series_with_one_spike_gives_one_alert_with_its_reason():
    series = days([4] * 40 + [30] + [4] * 10)
    (alert,) = detect_spikes(series)
    assert alert.day == START + timedelta(days=40)
    assert (alert.value, alert.baseline, alert.mean) == (30, 4, 4)
    assert alert.score == pytest.approx(26.0)
    assert alert.p_value < 1e-10
    assert alert.reason.startswith("30 killed on 2025-12-11, against a median of 4")
    assert "previous 28 days" in alert.reason


def test_a_series_shorter_than_the_history_needed_gives_no_alert():
    assert detect_spikes(days([0] * 10 + [500])) == []
    assert detect_spikes([]) == []


def test_ordinary_noise_and_falls_are_not_alerts():
    noisy = [5, 7, 3, 6, 4, 8, 5, 2, 6, 7, 4, 5, 9, 3, 6, 5, 4, 7, 6, 5, 3, 8, 10, 6]
    assert detect_spikes(days(noisy * 2 + [0, 11])) == []


def test_both_tests_must_agree_by_default():
    # After a flat run, 8 against 4 is 4 "standard deviations" (MAD floored at 1), but a
    # Poisson count of mean 4 reaches 8 about one day in twenty: not a spike.
    series = days([4] * 30 + [8])
    assert detect_spikes(series) == []
    assert len(detect_spikes(series, rule=SpikeRule(method="robust"))) == 1
    # Overdispersed counts: the Poisson test alone would alert, the robust z-score does not.
    wide = days([10, 30, 20, 45, 5, 25, 40, 15] * 4 + [60])
    assert detect_spikes(wide) == []
    poisson_only = detect_spikes(wide, rule=SpikeRule(method="poisson"))
    assert poisson_only[-1].day == wide[-1][0]
    assert poisson_only[-1].score < 3.5


def test_gaps_are_unknown_days_and_order_is_required():
    sparse = [(START + timedelta(days=2 * i), 3) for i in range(20)]
    sparse.append((sparse[-1][0] + timedelta(days=1), 40))
    (alert,) = detect_spikes(sparse)
    assert "previous 14 days" in alert.reason
    with pytest.raises(ValueError, match="increasing order"):
        detect_spikes([(START, 1), (START, 2)])


def test_the_result_is_deterministic():
    series = days([3, 5, 4] * 12 + [60, 4, 5, 70])
    assert detect_spikes(series) == detect_spikes(list(series))


def test_scores():
    assert robust_z(10, [4, 4, 4, 4]) == 6
    assert robust_z(10, [2, 4, 6], min_scale=0.1) == pytest.approx(6 / 2.9652)
    assert poisson_tail(0, 3.0) == 1.0
    assert poisson_tail(1, 0.0) == 0.0
    assert poisson_tail(1, 2.0) == pytest.approx(1 - 0.1353352832)
    assert poisson_tail(8, 4.0) == pytest.approx(0.0511336, rel=1e-5)
    assert 0 < poisson_tail(400, 100.0) < 1e-60
