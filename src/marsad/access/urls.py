from django.urls import path

from marsad.access import views

app_name = "access"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("crossings/<str:key>/", views.crossing_detail, name="crossing"),
    path("corridors/<str:key>/", views.corridor_detail, name="corridor"),
    path("consignments/", views.consignment_list, name="consignments"),
    path("export/<str:name>", views.export, name="export"),
]
