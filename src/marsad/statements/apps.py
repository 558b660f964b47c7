from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "marsad.statements"
    label = "statements"
    verbose_name = _("Statements")
    demo_loader = "marsad.statements.demo.load"
    demo_order = 50
    actor_panel = "marsad.statements.panels.actor_statements"

    def ready(self) -> None:
        from marsad.statements.pickers import register_all

        register_all()
