from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "marsad.notify"
    label = "notify"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from marsad.core import events
        from marsad.notify.listener import on_write

        events.listen(on_write)
