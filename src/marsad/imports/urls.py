from django.urls import path

from marsad.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.run, name="run"),
    path("<int:pk>/progress", views.progress, name="progress"),
    path("<int:pk>/report.csv", views.report, name="report"),
]
