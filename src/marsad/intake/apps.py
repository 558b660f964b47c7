from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "marsad.intake"
    label = "intake"
    verbose_name = _("Report intake")

    def ready(self) -> None:
        from marsad.core import events
        from marsad.intake.undo import on_write

        events.listen(on_write)
