from django.contrib import admin

from marsad.core.admin import AuditedAdmin
from marsad.statements.models import Statement


@admin.register(Statement)
class StatementAdmin(AuditedAdmin):
    list_display = ("speaker", "on", "stance", "refusal", "topic", "marking")
    list_filter = ("stance", "refusal", "topic", "marking")
    autocomplete_fields = ("speaker", "about", "claims")
