from django.urls import path

from marsad.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("daily/", views.daily, name="daily"),
    path("issue/", views.issue, name="issue"),
    path("<int:pk>/download", views.download, name="download"),
]
