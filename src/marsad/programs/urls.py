from django.urls import path

from marsad.programs import views

app_name = "programs"
urlpatterns = [
    path("", views.index, name="index"),
    path("courses/<int:pk>/", views.course, name="course"),
    path("readiness/", views.readiness, name="readiness"),
]
