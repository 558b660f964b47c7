from django.urls import path

from marsad.governance import form_views, views

app_name = "governance"
urlpatterns = [
    path("", views.index, name="index"),
    path("instruments/new/", form_views.instrument_new, name="instrument_new"),
    path("charter-actions/new/", form_views.charter_action_new, name="charter_action_new"),
]
