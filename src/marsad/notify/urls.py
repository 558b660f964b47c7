from django.urls import path

from marsad.notify import feeds, views

app_name = "notify"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/read/", views.read, name="read"),
    path("read-all/", views.read_all, name="read_all"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/<int:pk>/delete/", views.delete, name="delete"),
    path("feed-token/", views.feed_token, name="feed_token"),
    path("feed/<str:token>.atom", feeds.feed, name="feed"),
]
