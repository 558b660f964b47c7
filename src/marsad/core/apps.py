from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "marsad.core"
    label = "core"
    verbose_name = _("Provenance core")

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from marsad.core.lockout import audit_lockout

        user_locked_out.connect(audit_lockout, dispatch_uid="marsad-audit-lockout")
