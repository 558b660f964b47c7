from django.urls import path

from marsad.access import form_views, views

app_name = "access"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("crossings/new/", form_views.crossing_new, name="crossing_new"),
    path("crossings/<str:key>/", views.crossing_detail, name="crossing"),
    path("corridors/new/", form_views.corridor_new, name="corridor_new"),
    path("corridors/<str:key>/", views.corridor_detail, name="corridor"),
    path("corridors/<str:key>/protections/new/", form_views.protection_new, name="protection_new"),
    path("incidents/new/", form_views.incident_new, name="incident_new"),
    path("statuses/new/", form_views.status_new, name="status_new"),
    path("consignments/", views.consignment_list, name="consignments"),
    path("consignments/new/", form_views.consignment_new, name="consignment_new"),
    path("export/<str:name>", views.export, name="export"),
]
