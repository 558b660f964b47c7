from django.urls import path

from marsad.intake import review_views, views

app_name = "intake"
urlpatterns = [
    path("", views.index, name="index"),
    path("documents/<int:pk>/", views.review, name="review"),
    path("documents/<int:pk>/add/", views.add, name="add"),
    path("claims/<int:pk>/", views.decide, name="decide"),
    path("documents/<int:pk>/bulk/", review_views.bulk, name="bulk"),
    path("documents/<int:pk>/assign/", review_views.assign, name="assign"),
    path("claims/<int:pk>/comments/", review_views.comment, name="comment"),
    path("undo/", review_views.undo, name="undo"),
]
