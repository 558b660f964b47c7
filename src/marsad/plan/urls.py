from django.urls import path

from marsad.plan import views

app_name = "plan"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("points/<int:number>/", views.provision, name="provision"),
    path("sequencing/", views.sequencing_view, name="sequencing"),
]
