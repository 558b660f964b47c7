from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "marsad.plan"
    label = "plan"
    verbose_name = _("The plan")
    demo_loader = "marsad.plan.demo.load"
    demo_order = 60

    def ready(self) -> None:
        from marsad.plan.pickers import register_all

        register_all()
