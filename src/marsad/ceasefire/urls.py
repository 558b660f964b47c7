from django.urls import path

from marsad.ceasefire import form_views, views

app_name = "ceasefire"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("incidents/", views.incident_list, name="incidents"),
    path("incidents/new/", form_views.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident"),
    path("incidents/<int:pk>/violations/new/", form_views.violation_new, name="violation_new"),
    path(
        "incidents/<int:pk>/verification",
        views.change_verification,
        name="change_verification",
    ),
    path(
        "violations/<int:pk>/determination",
        views.change_determination,
        name="change_determination",
    ),
    path("figures/", views.figure_list, name="figures"),
    path("figures/new/", form_views.figure_new, name="figure_new"),
    path("incidents/<int:pk>/figures/new/", form_views.figure_new, name="incident_figure_new"),
    path("map/", views.incident_map, name="map"),
    path("alerts/", views.alerts, name="alerts"),
    path("export/<str:name>", views.export, name="export"),
]
