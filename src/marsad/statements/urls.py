from django.urls import path

from marsad.statements import views

app_name = "statements"
urlpatterns = [path("", views.index, name="index")]
