from django.urls import path

from marsad.plan import form_views, views

app_name = "plan"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("points/<int:number>/", views.provision, name="provision"),
    path("points/<int:number>/scores/new/", form_views.score_new, name="score_new"),
    path(
        "points/<int:number>/preconditions/new/",
        form_views.precondition_new,
        name="precondition_new",
    ),
    path(
        "points/<int:number>/dependencies/new/",
        form_views.dependency_new,
        name="dependency_new",
    ),
    path("sequencing/", views.sequencing_view, name="sequencing"),
]
