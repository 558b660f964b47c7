from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "marsad.governance"
    label = "governance"
    verbose_name = _("Governance")
    demo_loader = "marsad.governance.demo.load"
    demo_order = 20

    def ready(self) -> None:
        from marsad.governance.pickers import register_all

        register_all()
