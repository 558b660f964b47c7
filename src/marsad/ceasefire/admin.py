from django.contrib import admin

from marsad.ceasefire.models import (
    Agreement,
    CasualtyFigure,
    Clause,
    DailyReport,
    Incident,
    Phase,
    Violation,
)
from marsad.core.admin import AuditedAdmin


@admin.register(Agreement)
class AgreementAdmin(AuditedAdmin):
    list_display = ("actor", "effective", "marking")
    autocomplete_fields = ("actor", "parties", "mediators", "claims")


@admin.register(Phase)
class PhaseAdmin(AuditedAdmin):
    list_display = ("agreement", "number", "name_en", "starts", "ends", "marking")


@admin.register(Clause)
class ClauseAdmin(AuditedAdmin):
    list_display = ("agreement", "ref", "phase", "marking")


@admin.register(Incident)
class IncidentAdmin(AuditedAdmin):
    list_display = (
        "event_id",
        "event_date",
        "sub_event_type",
        "location",
        "pcode",
        "fatalities",
        "verification",
        "marking",
    )
    list_filter = ("event_type", "verification", "pcode", "marking")
    search_fields = ("event_id", "location", "actor1", "actor2")
    autocomplete_fields = ("actor1_ref", "actor2_ref", "place", "claims")


@admin.register(CasualtyFigure)
class CasualtyFigureAdmin(AuditedAdmin):
    list_display = ("source", "reported_on", "incident", "killed_best", "injured_best", "marking")
    raw_id_fields = ("incident",)


@admin.register(Violation)
class ViolationAdmin(AuditedAdmin):
    list_display = ("incident", "accused", "accuser", "determination", "marking")
    raw_id_fields = ("incident",)


@admin.register(DailyReport)
class DailyReportAdmin(AuditedAdmin):
    list_display = (
        "source",
        "report_date",
        "report_source",
        "ext_killed",
        "killed_truce_new",
        "marking",
    )
    list_filter = ("source", "report_source")
