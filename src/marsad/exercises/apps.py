from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    name = "marsad.exercises"
    label = "exercises"
    verbose_name = _("Exercises")

    def ready(self) -> None:
        from marsad.core import events
        from marsad.exercises.reportcheck import on_write

        events.listen(on_write)
