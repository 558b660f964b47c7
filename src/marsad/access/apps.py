from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "marsad.access"
    label = "access"
    verbose_name = _("Humanitarian access")
    demo_loader = "marsad.access.demo.load"
    demo_order = 45

    def ready(self) -> None:
        from marsad.access.pickers import register_all

        register_all()
