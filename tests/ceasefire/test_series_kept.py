"""The daily series' part of the summary kept in the database (`services/series_kept.py`): read
again after the cache is emptied, the same figures as computed, per visibility class, and out of
date from the moment a daily report (or what else it reads) is written."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marsad.ceasefire.imports import import_casualties
from marsad.ceasefire.models_aggregates import KeptEpoch, SeriesSummary
from marsad.ceasefire.services import series_kept
from marsad.ceasefire.summary import as_dict, summarize
from marsad.core.services.actors import create_source

pytestmark = pytest.mark.django_db

DAY = (
    '{{"report_date": "{day}", "report_source": "mohtel", "killed": {killed},'
    ' "ext_killed": {killed}, "ext_killed_cum": {cum}, "ext_injured": 2,'
    ' "ext_injured_cum": 50, "killed_truce_new": {killed}}}'
)


def _series(tmp_path, days, name="series.json"):
    path = tmp_path / name
    rows = [DAY.format(day=d, killed=k, cum=100 + i * k) for i, (d, k) in enumerate(days)]
    path.write_text("[" + ",\n".join(rows) + "]", encoding="utf-8")
    return path


@pytest.fixture
def series(system, tmp_path):
    create_source(
        by=system, key="GAZA-MOH", name_ar="وزارة الصحة", name_en="Ministry of Health",
        kind="official", marking="public",
    )  # fmt: skip
    import_casualties(
        by=system,
        path=_series(tmp_path, [("2025-10-11", 5), ("2025-10-12", 4), ("2025-10-13", 6)]),
        source="GAZA-MOH",
    )
    import_casualties(
        by=system,
        path=_series(tmp_path, [("2025-10-14", 9)], "internal.json"),
        source="GAZA-MOH",
        marking="internal",
    )
    return system


def _killed(user):
    return [(f.source, f.definition, f.value) for f in summarize(user).figures]


def test_a_summary_is_kept_per_class_and_read_again_after_the_cache_is_emptied(series, make_user):
    analyst = make_user("analyst")
    readers = {"anonymous": AnonymousUser(), "analyst": analyst}
    computed = {name: as_dict(summarize(user)) for name, user in readers.items()}
    assert SeriesSummary.objects.count() == 2  # one per visibility class
    assert _killed(readers["anonymous"]) != _killed(analyst)  # the internal day
    cache.clear()
    for name, user in readers.items():
        with CaptureQueriesContext(connection) as asked:
            again = as_dict(summarize(user))
        assert again == computed[name]
        # Not one read of the daily reports: the kept row stands for them.
        assert not [q for q in asked if "ceasefire_dailyreport" in q["sql"]], name


def test_a_daily_report_written_makes_every_kept_summary_out_of_date(
    series, tmp_path, django_capture_on_commit_callbacks
):
    anonymous = AnonymousUser()
    before = _killed(anonymous)
    epoch = KeptEpoch.objects.get(name=series_kept.EPOCH).epoch
    with django_capture_on_commit_callbacks(execute=True):
        import_casualties(
            by=series, path=_series(tmp_path, [("2025-10-15", 7)], "more.json"), source="GAZA-MOH"
        )
    assert KeptEpoch.objects.get(name=series_kept.EPOCH).epoch > epoch
    assert not SeriesSummary.objects.exists()
    cache.clear()
    after = _killed(anonymous)
    assert after != before
    assert sum(v for _s, _d, v in after) > sum(v for _s, _d, v in before)


def test_a_summary_computed_while_a_write_commits_is_never_read(series):
    # Computed under the epoch read before it ran: a write meanwhile moves the epoch on, so the
    # row stored afterwards is out of date from the start.
    def computing_while_written():
        KeptEpoch.objects.filter(name=series_kept.EPOCH).update(epoch=99)
        return "old figures"

    assert series_kept.kept("public", ("x",), computing_while_written) == "old figures"
    assert series_kept.kept("public", ("x",), lambda: "new figures") == "new figures"
    assert series_kept.kept("public", ("x",), lambda: "not asked") == "new figures"
