from django.contrib import admin

from marsad.core.admin import AuditedAdmin
from marsad.programs.models import Cohort, Course, ReadinessIndicator


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0
    fields = (
        "name_ar",
        "name_en",
        "starts",
        "ends",
        "enrolled",
        "vetted",
        "graduated",
        "dropped_out",
        "marking",
    )
    readonly_fields = fields
    can_delete = False


@admin.register(Course)
class CourseAdmin(AuditedAdmin):
    list_display = ("name_ar", "name_en", "program", "starts", "ends", "target_trainees", "marking")
    list_filter = ("program", "marking")
    search_fields = ("name_ar", "name_en")
    autocomplete_fields = ("location", "trainer_nations", "claims")
    raw_id_fields = ("pledge",)
    inlines = [CohortInline]


@admin.register(Cohort)
class CohortAdmin(AuditedAdmin):
    list_display = (
        "name_ar",
        "name_en",
        "course",
        "starts",
        "ends",
        "enrolled",
        "vetted",
        "graduated",
        "dropped_out",
        "marking",
    )
    list_filter = ("marking",)
    autocomplete_fields = ("claims",)


@admin.register(ReadinessIndicator)
class ReadinessIndicatorAdmin(AuditedAdmin):
    list_display = ("pcode", "kind", "value", "measured_on", "source", "marking")
    list_filter = ("pcode", "kind", "marking")
    autocomplete_fields = ("source", "claims")
