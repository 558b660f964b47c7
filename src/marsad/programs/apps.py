from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "marsad.programs"
    label = "programs"
    verbose_name = _("Programs")
    demo_loader = "marsad.programs.demo.load"
    demo_order = 70

    def ready(self) -> None:
        from marsad.programs.pickers import register_all

        register_all()
