from django.urls import path

from marsad.coalition import views

app_name = "coalition"
urlpatterns = [
    path("", views.index, name="index"),
    path("states/<str:key>/", views.state, name="state"),
]
