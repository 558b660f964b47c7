from django.contrib import admin

from marsad.core.admin import AuditedAdmin
from marsad.governance.models import CharterAction, LegalInstrument


@admin.register(LegalInstrument)
class LegalInstrumentAdmin(AuditedAdmin):
    list_display = ("actor", "kind", "adopted", "authorised_until", "marking")
    autocomplete_fields = ("actor", "abstainers", "endorses", "claims")


@admin.register(CharterAction)
class CharterActionAdmin(AuditedAdmin):
    list_display = ("charter", "actor", "action", "on", "marking")
    list_filter = ("action",)
    autocomplete_fields = ("charter", "actor", "claims")
