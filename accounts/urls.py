from django.urls import path

from . import mfa_views, rights_views, sso_views, views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-in/sso/<slug:provider>/", sso_views.start, name="sso_start"),
    path("logga-in/sso/<slug:provider>/svar/", sso_views.callback, name="sso_callback"),
    path("logga-ut/", views.LogoutView.as_view(), name="logout"),
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("profil/api-nycklar/ny/", views.CreateApiTokenView.as_view(), name="create_api_token"),
    path("profil/api-nycklar/<int:pk>/aterkalla/", views.revoke_api_token, name="revoke_api_token"),
    path("profil/mina-uppgifter/", rights_views.my_data, name="my_data"),
    path("profil/mina-uppgifter/ladda-ner/", rights_views.download_my_data, name="download_my_data"),
    path("profil/avsluta-konto/", rights_views.close_account, name="close_account"),
    path("tvastegs/", mfa_views.verify, name="mfa_verify"),
    path("tvastegs/ny-app/", mfa_views.enrol, name="mfa_enrol"),
    path("tvastegs/reservkoder/", mfa_views.recovery_codes, name="mfa_recovery_codes"),
    path("profil/tvastegsverifiering/", mfa_views.settings_page, name="mfa_settings"),
    path("profil/tvastegsverifiering/nya-reservkoder/", mfa_views.new_recovery_codes, name="mfa_new_recovery_codes"),
    path("profil/tvastegsverifiering/stang-av/", mfa_views.remove_second_factor, name="mfa_remove"),
    path("profil/inloggningar/", mfa_views.my_sessions, name="sessions"),
    path("profil/inloggningar/<int:pk>/logga-ut/", mfa_views.end_session, name="end_session"),
    path("profil/inloggningar/logga-ut-overallt/", mfa_views.end_other_sessions, name="end_other_sessions"),
    path("losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path("losenord/skickat/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "losenord/nytt/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("losenord/klart/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
