"""Whoever may read a stored record may read everything it names (keys and lists of records
under releasability), unless the record was released sanitized from its claims."""

from marsad.core.releasability import Releasable, within


def assert_names_readable(record):
    own = (record.marking, record.nations)
    narrower = []
    for field in record._meta.concrete_fields:
        if field.many_to_one and issubclass(field.related_model, Releasable):
            other = getattr(record, field.name)
            if other is not None and not within(own, (other.marking, other.nations)):
                narrower.append((field.name, other.pk))
    for field in record._meta.many_to_many:
        if not issubclass(field.related_model, Releasable):
            continue
        if field.name == "claims" and getattr(record, "sanitized_reason", ""):
            continue
        for other in getattr(record, field.name).all():
            if not within(own, (other.marking, other.nations)):
                narrower.append((field.name, other.pk))
    assert narrower == [], narrower
