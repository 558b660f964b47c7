from django.urls import path

from marsad.mandate import views

app_name = "mandate"
urlpatterns = [
    path("", views.index, name="index"),
    path("force-generation/", views.force_generation, name="force_generation"),
]
