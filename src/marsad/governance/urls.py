from django.urls import path

from marsad.governance import views

app_name = "governance"
urlpatterns = [path("", views.index, name="index")]
