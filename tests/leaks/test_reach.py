"""Whoever may read a record may read everything it names: after the demo, the marker records
of every model and marking and intake's effects, no stored record points to (or rests on,
unless released sanitized) a record marked narrower than itself."""

from django.apps import apps

from marsad.core.releasability import Releasable, within
from marsad.intake import services as intake

from .markers import SYSTEM


def _narrower(record, other):
    return not within((record.marking, record.nations), (other.marking, other.nations))


def test_no_record_reaches_further_than_what_it_names(markers, db):
    claim = markers.records["claim"]["fra"]
    intake.accept(by=SYSTEM, claim=claim)  # effects write through the gate too
    problems, checked = [], 0
    for model in apps.get_models():
        if not issubclass(model, Releasable) or model.__name__.startswith("Historical"):
            continue
        keys = [
            f
            for f in model._meta.concrete_fields
            if f.many_to_one and issubclass(f.related_model, Releasable)
        ]
        relations = [f for f in model._meta.many_to_many if issubclass(f.related_model, Releasable)]
        for record in model.objects.all():
            checked += 1
            for field in keys:
                other = getattr(record, field.name)
                if other is not None and _narrower(record, other):
                    problems.append(f"{model.__name__} {record.pk} {field.name} -> {other.pk}")
            for field in relations:
                if field.name == "claims" and getattr(record, "sanitized_reason", ""):
                    continue
                for other in getattr(record, field.name).all():
                    if _narrower(record, other):
                        problems.append(f"{model.__name__} {record.pk} {field.name} -> {other.pk}")
    assert checked > 500
    assert problems == []
