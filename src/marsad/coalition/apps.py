from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionConfig(AppConfig):
    name = "marsad.coalition"
    label = "coalition"
    verbose_name = _("Coalition")
    demo_loader = "marsad.coalition.demo.load"
    demo_order = 10
