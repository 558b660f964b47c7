from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CeasefireConfig(AppConfig):
    name = "marsad.ceasefire"
    label = "ceasefire"
    verbose_name = _("Ceasefire")
    demo_loader = "marsad.ceasefire.demo.load"
    demo_order = 40

    def ready(self) -> None:
        from marsad.ceasefire.services import counts, series_kept
        from marsad.core import events

        events.listen(counts.on_write)
        events.listen(series_kept.on_write)
