from django.contrib import admin

from marsad.access.models import (
    AccessIncident,
    AccessStatus,
    Consignment,
    Corridor,
    CorridorProtection,
    Crossing,
)
from marsad.core.admin import AuditedAdmin


@admin.register(Crossing)
class CrossingAdmin(AuditedAdmin):
    list_display = ("key", "name_en", "kind", "latitude", "longitude", "marking")
    search_fields = ("key", "name_en", "name_ar")
    autocomplete_fields = ("place", "claims")


@admin.register(Corridor)
class CorridorAdmin(AuditedAdmin):
    list_display = ("key", "name_en", "crossing", "length_km", "marking")
    search_fields = ("key", "name_en", "name_ar")


@admin.register(AccessStatus)
class AccessStatusAdmin(AuditedAdmin):
    list_display = (
        "crossing",
        "corridor",
        "state",
        "valid_from",
        "valid_to",
        "expected",
        "marking",
    )
    list_filter = ("state", "expected", "marking")
    autocomplete_fields = ("authority", "claims")


@admin.register(Consignment)
class ConsignmentAdmin(AuditedAdmin):
    list_display = ("key", "day", "crossing", "category", "trucks", "tons", "status", "marking")
    list_filter = ("imported_from", "category", "status", "crossing")
    search_fields = ("key", "donor", "description")


@admin.register(AccessIncident)
class AccessIncidentAdmin(AuditedAdmin):
    list_display = ("day", "category", "crossing", "corridor", "verification", "marking")
    list_filter = ("category", "verification")


@admin.register(CorridorProtection)
class CorridorProtectionAdmin(AuditedAdmin):
    list_display = ("task", "corridor", "since", "marking")
