"""The voorzieningen part of the netwerk pages: search, choose, stop, without JavaScript and
with htmx."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.toeleiding import services
from socialebasis.toeleiding.models import Voorzieninggebruik

pytestmark = pytest.mark.django_db


@pytest.fixture
def pro(client, utrecht):
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    return client


def test_zoeken_kiezen_en_op_de_kaart_zonder_javascript(pro, utrecht, kaart):
    p = utrecht.in_team
    html = pro.get(f"/netwerk/{p.uuid}").content.decode()
    assert "Voorzieningen die de inwoner gebruikt" in html
    assert "Er staan nog geen voorzieningen bij." in html
    url = f"/voorzieningen/{p.uuid}/toevoegen"
    assert f'action="{url}"' in html  # the search form works without JavaScript
    r = pro.get(url, {"vz-zoek": "koffie"})
    html = r.content.decode()
    assert r.status_code == 200 and "Koffie-inloop Utrecht" in html
    assert "Schuldhulp Utrecht" not in html and ' style="' not in html
    r = pro.post(
        f"{url}?vz-zoek=koffie",
        {"kies-dienst": str(kaart.inloop.pk), "kies-status": "in_gebruik", "kies-notitie": "di"},
    )
    assert r.status_code == 302 and r["Location"] == f"/netwerk/{p.uuid}#voorzieningen"
    html = pro.get(r["Location"]).content.decode()
    assert "Koffie-inloop Utrecht staat nu bij de voorzieningen" in html
    assert 'class="lid groep-kennissen laag-dienst"' in html  # on the map, dotted outline
    assert "dienst van de sociale kaart" in html  # the table says where it comes from
    assert f'href="/sociale-kaart/{kaart.inloop.pk}"' in html


def test_zoeken_met_htmx_geeft_de_keuzes_op_de_pagina(pro, utrecht, kaart):
    p = utrecht.in_team
    r = pro.get(
        f"/voorzieningen/{p.uuid}/toevoegen", {"vz-zoek": "schulden"}, HTTP_HX_REQUEST="true"
    )
    html = r.content.decode()
    assert 'id="voorziening-keuze"' in html and "Schuldhulp Utrecht" in html
    html = pro.get(f"/netwerk/{p.uuid}").content.decode()
    assert 'hx-target="#voorziening-keuze"' in html and 'hx-select="#voorziening-keuze"' in html


def test_niets_gevonden_en_fout_bij_geen_keuze(pro, utrecht, kaart):
    url = f"/voorzieningen/{utrecht.in_team.uuid}/toevoegen"
    html = pro.get(url, {"vz-zoek": "paardrijden"}).content.decode()
    assert "Niets gevonden voor" in html and "paardrijden" in html
    r = pro.post(url + "?vz-zoek=koffie", {"kies-status": "in_gebruik"})
    html = r.content.decode()
    assert r.status_code == 200 and "utrecht-alert--error" in html
    assert "Welke voorziening?" in html
    # a service of the other gemeente is refused, with the field named
    r = pro.post(url, {"kies-dienst": "00000000-0000-0000-0000-000000000000"})
    assert r.status_code == 200 and "Welke voorziening?" in r.content.decode()
    assert not Voorzieninggebruik.objects.exists()


def test_gaat_er_nu_heen_en_gestopt(pro, utrecht, kaart):
    p = utrecht.in_team
    g = services.vastleggen(
        utrecht.users[Rol.PROFESSIONAL], p, kaart.schuldhulp, {"status": "verwezen"}
    )
    html = pro.get(f"/netwerk/{p.uuid}").content.decode()
    assert "Schuldhulp Utrecht (verwezen)" in html and "Gaat er nu heen" in html
    url = f"/voorzieningen/{p.uuid}/{g.uuid}"
    assert pro.get(url).status_code == 405
    assert pro.post(url, {"status": "in_gebruik"}).status_code == 302
    g.refresh_from_db()
    assert g.status == "in_gebruik"
    assert pro.post(url, {"status": "gestopt"}).status_code == 302
    g.refresh_from_db()
    assert g.status == "gestopt" and g.tot is not None
    html = pro.get(f"/netwerk/{p.uuid}").content.decode()
    assert "Gestopte voorzieningen" in html and "laag-dienst" not in html


def test_inwoner_voegt_zelf_een_voorziening_toe(client, utrecht, kaart):
    client.force_login(utrecht.users[Rol.INWONER])
    html = client.get("/netwerk/mijn-plan").content.decode()
    assert "Voorzieningen die ik gebruik" in html
    url = f"/voorzieningen/{utrecht.eigen.uuid}/toevoegen"
    r = client.post(url, {"kies-dienst": str(kaart.inloop.pk), "kies-status": "in_gebruik"})
    assert r.status_code == 302 and r["Location"] == "/netwerk/mijn-plan#voorzieningen"
    html = client.get("/netwerk/mijn-plan").content.decode()
    assert "Koffie-inloop Utrecht" in html and "laag-dienst" in html
    # not for someone else
    assert client.get(f"/voorzieningen/{utrecht.in_team.uuid}/toevoegen").status_code == 404


def test_netwerkpagina_met_voorzieningen_houdt_het_aantal_queries_klein(
    pro, utrecht, kaart, django_assert_max_num_queries
):
    p = utrecht.in_team
    for d in (kaart.inloop, kaart.schuldhulp):
        services.vastleggen(utrecht.users[Rol.PROFESSIONAL], p, d, {})
    with django_assert_max_num_queries(19):  # the same as without: not per service
        assert pro.get(f"/netwerk/{p.uuid}").status_code == 200
