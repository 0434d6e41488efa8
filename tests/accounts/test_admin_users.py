from accounts import roles
from accounts.models import Municipality, Sector, User
from tests.factories import UserFactory


def test_administrator_creates_a_person_with_municipality_sector_and_title(client, db):
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    client.force_login(administrator)
    form = client.get("/admin/users/new/").content.decode()
    for field in ["id_municipality", "id_sector", "id_job_title"]:
        assert f'id="{field}"' in form
    sundbyberg = Municipality.objects.get(slug="sundbyberg")
    school = Sector.objects.get(slug="skola")
    response = client.post(
        "/admin/users/new/",
        {
            "email": "Ny.Kurator@Sundbyberg.example",
            "first_name": "Alex",
            "last_name": "Exempel",
            "municipality": sundbyberg.pk,
            "sector": school.pk,
            "job_title": "Skolkurator",
            "password1": "ett-langt-losenord-2026",
            "password2": "ett-langt-losenord-2026",
            "groups": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="ny.kurator@sundbyberg.example")
    assert (person.municipality, person.sector, person.job_title) == (sundbyberg, school, "Skolkurator")


def test_the_edit_form_shows_the_persons_municipality(client, member):
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    client.force_login(administrator)
    html = client.get(f"/admin/users/edit/{member.pk}/").content.decode()
    assert 'id="id_municipality"' in html
