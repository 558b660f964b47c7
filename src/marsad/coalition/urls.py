from django.urls import path

from marsad.coalition import views

app_name = "coalition"
urlpatterns = [
    path("", views.index, name="index"),
    path("pledges/", views.pledge_list, name="pledges"),
    path("states/<str:key>/", views.state, name="state"),
]
