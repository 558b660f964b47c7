from django.contrib import admin

from marsad.core.admin import AuditedAdmin
from marsad.mandate.models import Assignment, ForceAction, Limit, Requirement, Task


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ("force", "code", "name_en", "marking")
    autocomplete_fields = ("force", "claims")


@admin.register(Limit)
class LimitAdmin(AuditedAdmin):
    list_display = ("force", "kind", "marking")
    autocomplete_fields = ("force", "claims")


@admin.register(Requirement)
class RequirementAdmin(AuditedAdmin):
    list_display = ("task", "capability", "quantity", "area", "combat", "weight", "marking")
    list_filter = ("capability", "combat")
    autocomplete_fields = ("area", "claims")


@admin.register(Assignment)
class AssignmentAdmin(AuditedAdmin):
    """Assignments are checked against caveats by the service: create them through the API or
    the force-generation page, not here."""

    list_display = ("pledge", "requirement", "quantity", "status", "marking")

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(ForceAction)
class ForceActionAdmin(AuditedAdmin):
    list_display = ("on", "force", "task", "combat", "marking")
    autocomplete_fields = ("force", "place", "claims")
