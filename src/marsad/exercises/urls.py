from django.urls import path

from marsad.exercises import views

app_name = "exercises"
urlpatterns = [
    path("", views.control, name="control"),
    path("clock/", views.clock_action, name="clock"),
    path("review/", views.review_page, name="review"),
    path("review.<str:fmt>", views.review_file, name="review_file"),
]
