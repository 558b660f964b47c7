from django.urls import path

from marsad.programs import form_views, views

app_name = "programs"
urlpatterns = [
    path("", views.index, name="index"),
    path("courses/new/", form_views.course_new, name="course_new"),
    path("indicators/new/", form_views.indicator_new, name="indicator_new"),
    path("courses/<int:pk>/", views.course, name="course"),
    path("courses/<int:pk>/cohorts/new/", form_views.cohort_new, name="cohort_new"),
    path("cohorts/<int:pk>/", form_views.cohort_update, name="cohort_update"),
    path("readiness/", views.readiness, name="readiness"),
]
