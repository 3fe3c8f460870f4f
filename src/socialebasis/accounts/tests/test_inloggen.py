import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.accounts.models import Rol

pytestmark = pytest.mark.django_db
WACHTWOORD = "een-lang-wachtwoord-1"


def _login(client, email, wachtwoord=WACHTWOORD):
    return client.post("/account/inloggen", {"username": email, "password": wachtwoord})


def test_inloggen_met_email_brengt_je_naar_je_eigen_startpagina(client, utrecht):
    user = utrecht.users[Rol.PROFESSIONAL]
    r = _login(client, user.email.upper())  # e-mail is case-insensitive in practice
    assert r.status_code == 302
    r = client.get("/start")
    assert r["Location"] == "/professional"


def test_fout_wachtwoord_geeft_nederlandse_melding(client, utrecht):
    r = _login(client, utrecht.users[Rol.INWONER].email, "fout")
    assert r.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet" in r.content.decode()


def test_na_vijf_foute_pogingen_geblokkeerd(client, utrecht):
    email = utrecht.users[Rol.INWONER].email
    for _ in range(5):
        _login(client, email, "fout")
    r = _login(client, email)  # even the right password is refused now
    assert r.status_code == 429
    assert "Wacht 15 minuten" in r.content.decode()
    client2 = type(client)()
    assert _login(client2, utrecht.users[Rol.PROFESSIONAL].email).status_code == 302


@override_settings(REQUIRE_2FA=True)
def test_tweestaps_verplicht_voor_professional(client, utrecht):
    user = utrecht.users[Rol.PROFESSIONAL]
    _login(client, user.email)
    r = client.get("/professional")
    assert r.status_code == 302 and r["Location"] == "/account/tweestaps/instellen"
    r = client.get("/api/v1/personen")
    assert r.status_code == 403 and r["Content-Type"] == "application/problem+json"
    # set up the authenticator app with a real TOTP code
    r = client.get("/account/tweestaps/instellen")
    assert r.status_code == 200 and "QR-code" in r.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    r = client.post("/account/tweestaps/instellen", {"code": "000000"})
    assert "Deze code klopt niet" in r.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down retries; a person waits a few seconds
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    r = client.post("/account/tweestaps/instellen", {"code": code})
    assert r.status_code == 302
    assert client.get("/professional").status_code == 200
    # a new session asks for the code again
    client.logout()
    _login(client, user.email)
    assert client.get("/professional")["Location"] == "/account/tweestaps"


@override_settings(REQUIRE_2FA=True)
def test_tweestaps_niet_voor_inwoner(client, utrecht):
    _login(client, utrecht.users[Rol.INWONER].email)
    assert client.get("/mijn").status_code == 200


def test_demo_zonder_tweestaps_zegt_dat_zichtbaar(client, utrecht):
    client.force_login(utrecht.users[Rol.BEHEERDER])
    assert "tweede stap (authenticator-app) staat uit" in client.get("/beheer").content.decode()
    client.force_login(utrecht.users[Rol.INWONER])
    assert "authenticator-app" not in client.get("/mijn").content.decode()


def test_uitnodiging_link_laat_nieuwe_gebruiker_een_wachtwoord_kiezen(
    client, utrecht, mailoutbox, django_capture_on_commit_callbacks
):
    import re

    from socialebasis.accounts import services

    with django_capture_on_commit_callbacks(execute=True):
        user = services.gebruiker_aanmaken(
            utrecht.users[Rol.BEHEERDER],
            email="Nieuw@Example.org",
            naam="Nieuw",
            rol="coordinator",
            basis_url="http://testserver/",
        )
    assert user.email == "nieuw@example.org" and not user.has_usable_password()
    link = re.search(r"http://testserver(/account/wachtwoord-instellen/\S+)", mailoutbox[0].body)
    r = client.get(link.group(1), follow=True)
    assert "Kies een wachtwoord" in r.content.decode()
    r = client.post(
        r.redirect_chain[-1][0],
        {"new_password1": "een zin van vier woorden", "new_password2": "een zin van vier woorden"},
    )
    assert r.status_code == 302
    assert _login(client, "nieuw@example.org", "een zin van vier woorden").status_code == 302
    # the link works only once
    r = client.get(link.group(1), follow=True)
    assert "Deze link werkt niet meer" in r.content.decode()


def test_wachtwoord_vergeten_verraadt_niet_of_een_account_bestaat(client, utrecht, mailoutbox):
    r1 = client.post("/account/wachtwoord-vergeten", {"email": utrecht.users[Rol.INWONER].email})
    r2 = client.post("/account/wachtwoord-vergeten", {"email": "onbekend@example.org"})
    assert r1.status_code == r2.status_code == 302 and r1["Location"] == r2["Location"]
    assert len(mailoutbox) == 1


def test_beheerder_voegt_gebruiker_toe_via_scherm(client, utrecht, amsterdam, mailoutbox):
    client.force_login(utrecht.users[Rol.BEHEERDER])
    r = client.get("/beheer/gebruikers/nieuw")
    teams = {str(t) for t in r.context["form"].fields["teams"].queryset}
    assert teams == {utrecht.team.naam, utrecht.ander_team.naam}  # never another gemeente's
    r = client.post(
        "/beheer/gebruikers/nieuw",
        {"naam": "Ans", "email": utrecht.users[Rol.INWONER].email, "rol": "professional"},
    )
    assert "Er is al een account met dit e-mailadres" in r.content.decode()
    r = client.post(
        "/beheer/gebruikers/nieuw",
        {
            "naam": "Ans",
            "email": "ans@example.org",
            "rol": "professional",
            "teams": [utrecht.team.pk],
        },
    )
    assert r.status_code == 302
    from socialebasis.accounts.models import User

    ans = User.objects.get(email="ans@example.org")
    assert ans.gemeente == utrecht.gemeente and list(ans.teams.all()) == [utrecht.team]


def test_technisch_beheer_zonder_inwonergegevens(client, utrecht):
    from socialebasis.accounts.models import User

    su = User.objects.create_superuser("root@example.org", "een-lang-wachtwoord-1", naam="Root")
    client.force_login(su)
    for pad in (
        "/technisch-beheer/accounts/user/",
        "/technisch-beheer/accounts/team/",
        "/technisch-beheer/gebieden/gebied/",
        f"/technisch-beheer/gebieden/gebied/{utrecht.buurt.pk}/change/",
    ):
        assert client.get(pad).status_code == 200, pad
    assert client.get("/technisch-beheer/personen/persoon/").status_code == 404
    client.force_login(utrecht.users[Rol.BEHEERDER])  # functional, not technical administrator
    assert client.get("/technisch-beheer/accounts/user/").status_code == 302


def test_beheerder_voegt_team_toe_via_scherm(client, utrecht, amsterdam):
    client.force_login(utrecht.users[Rol.BEHEERDER])
    r = client.get("/beheer/teams/nieuw")
    assert list(r.context["form"].fields["wijken"].queryset) == [utrecht.wijk]
    r = client.post("/beheer/teams/nieuw", {"naam": utrecht.team.naam.upper()})
    assert "Er is al een team met deze naam" in r.content.decode()
    r = client.post("/beheer/teams/nieuw", {"naam": "Buurtteam West", "wijken": [utrecht.wijk.pk]})
    assert r.status_code == 302
    assert utrecht.gemeente.teams.get(naam="Buurtteam West").wijken.get() == utrecht.wijk
