"""The latitude and longitude fields every located record uses (WGS 84 degrees, both empty when
the record has no point)."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def latitude_field(label: Any) -> models.FloatField:
    return models.FloatField(
        label, null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )


def longitude_field(label: Any) -> models.FloatField:
    return models.FloatField(
        label, null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
