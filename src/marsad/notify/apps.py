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

        from marsad.web import pagecache

        pagecache.hole("notifications", _nav)


def _nav(request: object) -> str:
    # Imported when a page first asks: the alerts it counts bring in the plan graph (networkx),
    # which a command-line process that shows no page need not load.
    from marsad.notify.templatetags.notify import nav
    from marsad.web import pagecache

    return nav(request, pagecache.digits(request))
