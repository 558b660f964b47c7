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

        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from marsad.web.reader import user_changed

        user = get_user_model()
        post_save.connect(user_changed, sender=user, dispatch_uid="marsad-reader-saved")
        post_delete.connect(user_changed, sender=user, dispatch_uid="marsad-reader-deleted")
