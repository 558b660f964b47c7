from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "marsad.web"
    label = "web"
    verbose_name = _("Web pages")

    def ready(self) -> None:
        from marsad.core import events
        from marsad.web import pagecache

        events.listen(pagecache.on_write)
