from django.urls import path

from marsad.coalition import form_views, views

app_name = "coalition"
urlpatterns = [
    path("", views.index, name="index"),
    path("invitations/new/", form_views.invitation_new, name="invitation_new"),
    path("invitations/<int:pk>/status/", form_views.invitation_status, name="invitation_status"),
    path("memberships/new/", form_views.membership_new, name="membership_new"),
    path("caveats/new/", form_views.caveat_new, name="caveat_new"),
    path("pledges/", views.pledge_list, name="pledges"),
    path("pledges/new/", form_views.pledge_new, name="pledge_new"),
    path("pledges/<int:pk>/status/", form_views.pledge_status, name="pledge_status"),
    path("pledges/<int:pk>/readiness/", form_views.pledge_readiness, name="pledge_readiness"),
    path("caveats/<int:pk>/met/", form_views.condition_met, name="condition_met"),
    path("states/<str:key>/", views.state, name="state"),
]
