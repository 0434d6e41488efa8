from django.urls import path

from . import sso_views, views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-in/sso/<slug:provider>/", sso_views.start, name="sso_start"),
    path("logga-in/sso/<slug:provider>/svar/", sso_views.callback, name="sso_callback"),
    path("logga-ut/", views.LogoutView.as_view(), name="logout"),
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("profil/api-nycklar/ny/", views.CreateApiTokenView.as_view(), name="create_api_token"),
    path("profil/api-nycklar/<int:pk>/aterkalla/", views.revoke_api_token, name="revoke_api_token"),
    path("losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path("losenord/skickat/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "losenord/nytt/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("losenord/klart/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
