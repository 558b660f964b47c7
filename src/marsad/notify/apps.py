from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "marsad.notify"
    label = "notify"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from marsad.core import events
        from marsad.notify.listener import on_write

        events.listen(on_write)

        from marsad.notify.templatetags.notify import nav
        from marsad.web import pagecache

        pagecache.hole("notifications", lambda request: nav(request, pagecache.digits(request)))
