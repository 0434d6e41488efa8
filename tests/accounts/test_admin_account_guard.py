"""Wagtail's account page passes the name a person gives themselves through the personal-data guard."""

from django.urls import reverse

NUMBER = "850709-1232"  # invented, with a right check digit


def test_a_name_with_an_identity_number_is_refused_on_wagtails_account_page(client, editor):
    client.force_login(editor)
    data = {"name_email-first_name": f"Anna {NUMBER}", "name_email-last_name": "Berg", "name_email-email": editor.email}

    response = client.post(reverse("wagtailadmin_account"), data)

    assert response.status_code == 200
    assert "850709-****" in response.content.decode()
    editor.refresh_from_db()
    assert NUMBER not in editor.first_name
