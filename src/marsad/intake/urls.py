from django.urls import path

from marsad.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.index, name="index"),
    path("documents/<int:pk>/", views.review, name="review"),
    path("documents/<int:pk>/add/", views.add, name="add"),
    path("claims/<int:pk>/", views.decide, name="decide"),
]
