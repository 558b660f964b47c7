from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandateConfig(AppConfig):
    name = "marsad.mandate"
    label = "mandate"
    verbose_name = _("Mandate")
    demo_loader = "marsad.mandate.demo.load"
    demo_order = 30

    def ready(self) -> None:
        from marsad.mandate.pickers import register_all

        register_all()
