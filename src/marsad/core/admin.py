"""The Django admin (Arabic at /admin/, English at /en/admin/). Saves, relations and deletions
made here go through the write gate like every other write: checked, kept in history, audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, ApiToken, AuditEntry, Claim, Conflict, Document, Source, User
from marsad.core.models.documents import text_sha256
from marsad.core.services import gate
from marsad.core.services.documents import normalize_text


def _store(request: Any, form: Any, formsets: Any, change: bool, admin: Any) -> None:
    """Save the form's record with its many-to-many relations through the gate, so that the
    relations are checked and audited with the record (Django's admin would set them after)."""
    record = form.instance
    relations = {
        field.name: list(form.cleaned_data[field.name])
        for field in record._meta.many_to_many
        if field.name in form.cleaned_data
    }
    with transaction.atomic():
        gate.store(record, by=request.user, **relations)
        for formset in formsets:
            admin.save_formset(request, form, formset, change=change)


class GatedWrites:
    """A refusal of the gate (a relation reaching further than the record, say) is shown on the
    form's page; the admin's transaction has left nothing behind."""

    def changeform_view(
        self, request: Any, object_id: Any = None, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        try:
            return super().changeform_view(  # type: ignore[misc]
                request, object_id, form_url, extra_context
            )
        except InvalidInput as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.get_full_path())


class AuditedAdmin(GatedWrites, SimpleHistoryAdmin):
    """Admin writes go through the write gate, as the services' do."""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Saved with its relations in save_related, in one pass through the gate."""

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        _store(request, form, formsets, change, self)

    def delete_model(self, request: Any, obj: Any) -> None:
        with transaction.atomic():
            gate.remove(obj, by=request.user)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                gate.remove(obj, by=request.user)


@admin.register(Actor)
class ActorAdmin(AuditedAdmin):
    list_display = ("key", "name_ar", "name_en", "kind", "marking")
    list_filter = ("kind", "marking")
    search_fields = ("key", "name_ar", "name_en", "iso3", "pcode")
    autocomplete_fields = ("parent",)


@admin.register(Source)
class SourceAdmin(AuditedAdmin):
    list_display = ("key", "name_ar", "name_en", "kind", "reliability", "marking")
    list_filter = ("kind", "reliability", "marking")
    search_fields = ("key", "name_ar", "name_en")


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    list_display = ("title", "language", "source", "published", "marking")
    list_filter = ("language", "marking", "source")
    search_fields = ("title", "text")
    readonly_fields = ("sha256", "created", "created_by")

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        # A stored text is the document's identity (its hash) and the ground of every evidence
        # offset: it is written once.
        return (*self.readonly_fields, "text") if obj is not None else self.readonly_fields

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.text = normalize_text(obj.text)
            obj.sha256 = text_sha256(obj.text)
        super().save_model(request, obj, form, change)


@admin.register(Claim)
class ClaimAdmin(AuditedAdmin):
    list_display = (
        "id",
        "type",
        "document",
        "status",
        "modality",
        "reliability",
        "credibility",
        "review_state",
        "marking",
    )
    list_filter = ("type", "status", "review_state", "marking")
    search_fields = ("id", "document__title")
    autocomplete_fields = ("actors", "recipients", "target", "where")
    readonly_fields = ("document", "evidence", "created")


@admin.register(User)
class MarsadUserAdmin(GatedWrites, UserAdmin):
    list_display = ("username", "role", "nation", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, (_("Marsad"), {"fields": ("role", "nation")}))

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Saved with its groups and permissions in save_related, through the gate."""

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        _store(request, form, formsets, change, self)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are issued, shown once, and revoked by `marsad token`, which audits
    each; a deleted token would leave the log naming a token that no longer exists."""

    list_display = ("id", "user", "label", "created", "expires", "revoked", "last_used")
    list_filter = ("revoked",)
    exclude = ("digest",)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Conflict)
class ConflictAdmin(AuditedAdmin):
    list_display = ("created", "model", "record_id", "other_model", "other_id", "resolved_at")
    list_filter = ("model", "other_model")
    readonly_fields = ("created", "created_by", "model", "record_id", "other_model", "other_id")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ("seq", "at", "user", "action", "model", "object_id")
    list_filter = ("action", "model")
    search_fields = ("user", "object_id")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
