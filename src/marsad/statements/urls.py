from django.urls import path

from marsad.statements import form_views, views

app_name = "statements"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", form_views.statement_new, name="statement_new"),
]
