from django.contrib import admin

from marsad.core.admin import AuditedAdmin
from marsad.plan.models import Plan, Precondition, Provision, ScoreChange


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ("actor", "announced", "endorsed_by", "marking")


@admin.register(Provision)
class ProvisionAdmin(AuditedAdmin):
    list_display = ("number", "summary_en", "category", "marking")
    list_filter = ("category",)
    filter_horizontal = ("depends_on",)
    autocomplete_fields = ("responsible", "claims")


@admin.register(ScoreChange)
class ScoreChangeAdmin(AuditedAdmin):
    list_display = ("provision", "score", "on", "marking")


@admin.register(Precondition)
class PreconditionAdmin(AuditedAdmin):
    list_display = ("party", "provision", "after", "statement", "marking")
    autocomplete_fields = ("party", "claims")
