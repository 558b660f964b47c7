"""URLs: Arabic pages at /, English at /en/; the API and static files are language-free."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from marsad.api import api
from marsad.core import exports
from marsad.core import search_views as searches
from marsad.core import views as core
from marsad.core.search import views as search
from marsad.web import pickers
from marsad.web import views as web

urlpatterns = [
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", web.home, name="home"),
    path("actors/", core.actor_list, name="actors"),
    path("actors/<str:key>/", core.actor_detail, name="actor"),
    path("documents/", core.document_list, name="documents"),
    path("documents/<int:pk>/", core.document_detail, name="document"),
    path("claims/", core.claim_list, name="claims"),
    path("sources/", core.source_list, name="sources"),
    path("sources/<str:key>/", core.source_detail, name="source"),
    path("conflicts/", core.conflict_list, name="conflicts"),
    path("exports/<slug:key>.<str:fmt>", exports.response, name="export"),
    path("search/", search.search_page, name="search"),
    path("searches/", searches.search_list, name="searches"),
    path("searches/<int:pk>/delete", searches.search_delete, name="search_delete"),
    path("searches/<str:share_key>/", searches.shared, name="saved_search"),
    path("digits/", web.set_digits, name="set_digits"),
    path("help/", web.help_page, name="help"),
    path("pick/<slug:kind>/", pickers.pick, name="pick"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("coalition/", include("marsad.coalition.urls")),
    path("governance/", include("marsad.governance.urls")),
    path("mandate/", include("marsad.mandate.urls")),
    path("ceasefire/", include("marsad.ceasefire.urls")),
    path("access/", include("marsad.access.urls")),
    path("plan/", include("marsad.plan.urls")),
    path("programs/", include("marsad.programs.urls")),
    path("statements/", include("marsad.statements.urls")),
    path("intake/", include("marsad.intake.urls")),
    path("reports/", include("marsad.reports.urls")),
    path("notifications/", include("marsad.notify.urls")),
    path("imports/", include("marsad.imports.urls")),
    path("exercise/", include("marsad.exercises.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# Error pages in the site's layout and the reader's language (marsad.web.errors).
handler400 = "marsad.web.errors.bad_request"
handler403 = "marsad.web.errors.permission_denied"
handler404 = "marsad.web.errors.page_not_found"
handler500 = "marsad.web.errors.server_error"
