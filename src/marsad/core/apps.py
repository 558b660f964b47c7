from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "marsad.core"
    label = "core"
    verbose_name = _("Provenance core")

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from marsad.core import events
        from marsad.core.lockout import audit_lockout
        from marsad.core.search.services import on_write

        # Before any other listener: the index is part of the write, the rest follows from it.
        events.listen(on_write)

        user_locked_out.connect(audit_lockout, dispatch_uid="marsad-audit-lockout")
