from django.contrib import admin

from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership, Pledge
from marsad.core.admin import AuditedAdmin


class StatusInline(admin.TabularInline):
    model = InvitationStatus
    extra = 0
    fields = ("state", "valid_from", "valid_to", "marking")
    readonly_fields = fields
    can_delete = False


@admin.register(Invitation)
class InvitationAdmin(AuditedAdmin):
    list_display = ("inviter", "invitee", "body", "role", "marking")
    autocomplete_fields = ("inviter", "invitee", "body", "channels", "claims")
    inlines = [StatusInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("member", "body", "role", "since", "until", "marking")
    autocomplete_fields = ("member", "body", "claims")


@admin.register(Pledge)
class PledgeAdmin(AuditedAdmin):
    list_display = ("nation", "kind", "quantity", "unit", "negative", "status", "marking")
    list_filter = ("kind", "status", "negative", "marking")
    autocomplete_fields = ("nation", "body", "claims")


@admin.register(Caveat)
class CaveatAdmin(AuditedAdmin):
    list_display = ("nation", "kind", "met", "marking")
    list_filter = ("kind", "marking")
    autocomplete_fields = ("nation", "claims")
