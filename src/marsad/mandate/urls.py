from django.urls import path

from marsad.mandate import form_views, views

app_name = "mandate"
urlpatterns = [
    path("", views.index, name="index"),
    path("force-generation/", views.force_generation, name="force_generation"),
    path("tasks/new/", form_views.task_new, name="task_new"),
    path("limits/new/", form_views.limit_new, name="limit_new"),
    path("requirements/new/", form_views.requirement_new, name="requirement_new"),
    path("assignments/new/", form_views.assignment_new, name="assignment_new"),
    path("actions/new/", form_views.action_new, name="action_new"),
]
