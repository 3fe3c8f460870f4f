"""What residents, volunteers and coördinators notice of: the resident's own request, the
volunteer's address grant in core.toegang, rejected proposals that stay rejected, and the
sign-up limit in the database."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.accounts.tests.factories import OrganisatieFactory, UserFactory
from socialebasis.audit.models import Verwerking
from socialebasis.core import toegang
from socialebasis.koppelen import services
from socialebasis.koppelen.models import (
    Aanmeldpoging,
    AfgewezenVoorstel,
    Hulpvraag,
    HulpvraagStatus,
    KoppelingStatus,
    Vrijwilliger,
)
from socialebasis.koppelen.tests.conftest import koppelwereld
from socialebasis.koppelen.tests.factories import (
    AanbodFactory,
    HulpvraagFactory,
    KoppelingFactory,
    VrijwilligerFactory,
)

pytestmark = pytest.mark.django_db


def _als(client, user):
    client.force_login(user)
    return client


def _formulier(org, **extra):
    return {
        "organisatie": org.pk,
        "soort": "boodschappen",
        "frequentie": "wekelijks",
        "dagen": ["1", "3"],
        "dieten": ["halal"],
        "allergieen": "noten",
        "talen": ["tr"],
        "levering": "bezorgen",
        "voorkeuren": "liefst in de ochtend",
        "toestemming_koppelen": "on",
        **extra,
    }


# --------------------------------------------------------------------------- inwoner zelf


def test_inwoner_vraagt_zelf_aan_en_coordinator_ziet_het_op_de_wachtlijst(client, utrecht):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    c = _als(client, utrecht.users[Rol.INWONER])
    html = c.get(reverse("koppelen:mijn")).content.decode()
    assert "Vraag zelf een vrijwilliger aan" in html
    url = reverse("koppelen:mijn_nieuw")
    html = c.get(url).content.decode()
    assert org.naam in html and "Urgentie" not in html and "VOG" not in html
    assert "Ja, ik geef toestemming" in html and "uw adres pas als hij of zij ja zegt" in html

    # without consent: a clear message, nothing stored
    r = c.post(url, _formulier(org, toestemming_koppelen=""))
    assert r.status_code == 200
    assert "Zonder uw toestemming kan de coördinator geen vrijwilliger zoeken." in (
        r.content.decode()
    )
    assert not Hulpvraag.objects.exists()

    # urgency and vulnerability are not the resident's to set, even when sent along
    r = c.post(url, _formulier(org, urgentie="2", kwetsbaar="on"))
    assert r.status_code == 302
    hv = Hulpvraag.objects.get()
    assert (hv.persoon, hv.organisatie, hv.ingevoerd_rol) == (utrecht.eigen, org, "inwoner")
    assert (hv.urgentie, hv.kwetsbaar, hv.levering, hv.dagen) == (0, False, "bezorgen", [1, 3])
    t = utrecht.eigen.toestemmingen.get(doel="koppelen")
    assert (t.bron, t.vastgelegd_door) == ("inwoner", utrecht.users[Rol.INWONER])
    assert Verwerking.objects.filter(naam="hulpvraag.aanmaken", actor_rol="inwoner").exists()
    assert Verwerking.objects.filter(naam="toestemming.vastleggen", actor_rol="inwoner").exists()

    html = c.get(reverse("koppelen:mijn")).content.decode()
    assert "Boodschappen" in html and org.naam in html and "Vraag intrekken" in html

    coordinator = _als(client, utrecht.users[Rol.COORDINATOR])
    html = coordinator.get(reverse("koppelen:overzicht")).content.decode()
    assert utrecht.eigen.volledige_naam in html and "inwoner zelf" in html
    html = coordinator.get(reverse("koppelen:hulpvraag", args=[hv.uuid])).content.decode()
    assert "inwoner zelf" in html and "noten" in html


def test_inwoner_kiest_alleen_een_koppelende_organisatie_uit_de_eigen_gemeente(
    client, utrecht, amsterdam
):
    c = _als(client, utrecht.users[Rol.INWONER])
    url = reverse("koppelen:mijn_nieuw")
    andere = amsterdam.users[Rol.COORDINATOR].organisatie
    zonder_coordinator = OrganisatieFactory(naam="Buurthuis zonder coördinator")
    zonder_coordinator.gemeenten.add(utrecht.gemeente)
    html = c.get(url).content.decode()
    assert andere.naam not in html and zonder_coordinator.naam not in html
    for org in (andere, zonder_coordinator):
        r = c.post(url, _formulier(org))
        assert r.status_code == 200 and "Wie zoekt de vrijwilliger voor u?" in r.content.decode()
    assert not Hulpvraag.objects.exists()


def test_zonder_koppelende_organisatie_zegt_de_pagina_waar_hulp_te_vragen(client, utrecht):
    utrecht.users[Rol.COORDINATOR].is_active = False
    utrecht.users[Rol.COORDINATOR].save()
    c = _als(client, utrecht.users[Rol.INWONER])
    html = c.get(reverse("koppelen:mijn_nieuw")).content.decode()
    assert "nog geen organisatie die vrijwilligers koppelt" in html
    assert "Vraag zelf een vrijwilliger aan" not in c.get(reverse("koppelen:mijn")).content.decode()


def test_inwoner_trekt_eigen_vraag_in_ook_met_een_onbeantwoord_voorstel(client, utrecht):
    kw = koppelwereld(utrecht)
    kw.gekoppeld.persoon = utrecht.eigen
    kw.gekoppeld.save()
    c = _als(client, utrecht.users[Rol.INWONER])
    url = reverse("koppelen:mijn_intrekken", args=[kw.gekoppeld.uuid])
    # another resident cannot withdraw it
    ander = UserFactory(rol=Rol.INWONER, gemeente=utrecht.gemeente)
    assert _als(client, ander).post(url).status_code == 404
    c = _als(client, utrecht.users[Rol.INWONER])
    assert c.post(url).status_code == 302
    kw.gekoppeld.refresh_from_db()
    kw.k.refresh_from_db()
    assert kw.gekoppeld.status == HulpvraagStatus.GESLOTEN
    assert kw.k.status == KoppelingStatus.AFGEWEZEN
    assert Verwerking.objects.filter(naam="hulpvraag.intrekken").count() == 1
    # the volunteer no longer sees a proposal
    html = _als(client, utrecht.users[Rol.VRIJWILLIGER]).get(reverse("koppelen:vrijwilliger"))
    assert utrecht.eigen.voornaam not in html.content.decode()


def test_inwoner_met_een_vrijwilliger_stopt_via_de_coordinator(client, utrecht):
    kw = koppelwereld(utrecht, status="actief")
    kw.gekoppeld.persoon = utrecht.eigen
    kw.gekoppeld.save()
    c = _als(client, utrecht.users[Rol.INWONER])
    html = c.get(reverse("koppelen:mijn")).content.decode()
    assert "Vraag intrekken" not in html and "Neem contact op met de coördinator" in html
    r = c.post(reverse("koppelen:mijn_intrekken", args=[kw.gekoppeld.uuid]), follow=True)
    assert "U heeft al een vrijwilliger" in r.content.decode()
    kw.gekoppeld.refresh_from_db()
    assert kw.gekoppeld.status == HulpvraagStatus.GEKOPPELD


def test_toestemming_intrekken_haalt_de_vraag_weg_bij_de_coordinator(client, utrecht):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    hv = services.eigen_hulpvraag_aanmaken(
        utrecht.users[Rol.INWONER], {"soort": "klussen"}, organisatie=org, toestemming=True
    )
    coordinator = utrecht.users[Rol.COORDINATOR]
    assert services.wachtlijst(coordinator).filter(pk=hv.pk).exists()
    t = utrecht.eigen.toestemmingen.get(doel="koppelen")
    c = _als(client, utrecht.users[Rol.INWONER])
    assert c.post(reverse("web:toestemming_intrekken", args=[t.pk])).status_code == 302
    assert not services.wachtlijst(coordinator).filter(pk=hv.pk).exists()


# --------------------------------------------------------------------------- API inwoner


def test_api_inwoner_voert_eigen_hulpvraag_in(api, utrecht, amsterdam):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    api.force_authenticate(user=utrecht.users[Rol.INWONER])
    basis = {"soortHulp": "vervoer", "organisatie": org.pk, "dagen": [2]}
    r = api.post("/api/v1/hulpvragen", basis, format="json")
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "toestemmingKoppelen"
    r = api.post(
        "/api/v1/hulpvragen", {**basis, "toestemmingKoppelen": True, "urgentie": 2}, format="json"
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "urgentie"
    r = api.post(
        "/api/v1/hulpvragen",
        {**basis, "toestemmingKoppelen": True, "persoon": str(utrecht.in_team.uuid)},
        format="json",
    )
    assert r.status_code == 403
    r = api.post(
        "/api/v1/hulpvragen",
        {
            **basis,
            "toestemmingKoppelen": True,
            "organisatie": amsterdam.users[Rol.COORDINATOR].organisatie.pk,
        },
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "organisatie"
    r = api.post("/api/v1/hulpvragen", {**basis, "toestemmingKoppelen": True}, format="json")
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["persoon"] == str(utrecht.eigen.uuid) and body["organisatie"] == org.pk
    assert body["status"] == "wachtend" and body["urgentie"] == 0
    assert utrecht.eigen.toestemmingen.get(doel="koppelen").bron == "inwoner"


def test_api_professional_kan_geen_organisatie_van_elders_kiezen(api, utrecht, amsterdam):
    api.force_authenticate(user=utrecht.users[Rol.PROFESSIONAL])
    r = api.post(
        "/api/v1/hulpvragen",
        {
            "persoon": str(utrecht.in_team.uuid),
            "soortHulp": "klussen",
            "toestemmingKoppelen": True,
            "organisatie": amsterdam.users[Rol.COORDINATOR].organisatie.pk,
        },
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "organisatie"


# --------------------------------------------------------------------------- address grant


def test_vrijwilliger_mag_inwoner_lezen_alleen_tijdens_geaccepteerde_koppeling(api, kw):
    vrijwilliger, persoon = kw.t.users[Rol.VRIJWILLIGER], kw.t.in_team
    assert kw.k.status == KoppelingStatus.VOORGESTELD
    assert not toegang.mag(vrijwilliger, "lezen", persoon)
    services.accepteren(vrijwilliger, kw.k)
    assert toegang.mag(vrijwilliger, "lezen", persoon)
    # reading, never changing; never in a list; the full record stays with who has the task
    assert not toegang.mag(vrijwilliger, "wijzigen", persoon)
    assert not toegang.zichtbaar(vrijwilliger, type(persoon)).exists()
    api.force_authenticate(user=vrijwilliger)
    assert api.get(f"/api/v1/personen/{persoon.uuid}").status_code == 404
    assert api.get(f"/api/v1/personen/{persoon.uuid}/toestemmingen").status_code == 404
    assert services.adres_lezen(vrijwilliger, kw.k)["straat"] == "Lange Nieuwstraat"
    assert Verwerking.objects.filter(naam="persoon.lezen", status="ok").exists()
    coordinator = kw.t.users[Rol.COORDINATOR]
    services.beeindigen(coordinator, kw.k, "klik")
    assert not toegang.mag(vrijwilliger, "lezen", persoon)
    with pytest.raises(services.PermissionDenied):
        services.adres_lezen(vrijwilliger, kw.k)
    assert Verwerking.objects.filter(naam="persoon.lezen", status="geweigerd").exists()


def test_adresrecht_gaat_nooit_over_de_gemeentegrens(utrecht, amsterdam):
    """Even a (wrongly made) accepted match across gemeenten gives no read."""
    v = VrijwilligerFactory(gemeente=amsterdam.gemeente, account=amsterdam.users[Rol.VRIJWILLIGER])
    hv = HulpvraagFactory(gemeente=utrecht.gemeente, persoon=utrecht.koppelen, status="gekoppeld")
    KoppelingFactory(hulpvraag=hv, aanbod=AanbodFactory(vrijwilliger=v), status="actief")
    assert not toegang.mag(amsterdam.users[Rol.VRIJWILLIGER], "lezen", utrecht.koppelen)
    # and a grant an app registers cannot cross the border either
    toegang.registreer_persoon_inzage("test.altijd", lambda user, persoon: True)
    try:
        assert not toegang.mag(amsterdam.users[Rol.VRIJWILLIGER], "lezen", utrecht.koppelen)
        assert toegang.mag(utrecht.users[Rol.VRIJWILLIGER], "lezen", utrecht.koppelen)
    finally:
        del toegang.PERSOON_INZAGE["test.altijd"]


# --------------------------------------------------------------------------- rejected proposals


def _tweede_vrijwilliger(kw):
    v = VrijwilligerFactory(
        gemeente=kw.t.gemeente, organisatie=kw.org, lat=kw.vrijwilliger.lat + 0.01
    )
    return AanbodFactory(vrijwilliger=v, capaciteit=1)


def test_afgewezen_voorstel_komt_niet_terug_ook_niet_bij_een_collega(client, kw):
    tweede = _tweede_vrijwilliger(kw)
    coordinator = kw.t.users[Rol.COORDINATOR]
    collega = UserFactory(rol=Rol.COORDINATOR, gemeente=kw.t.gemeente, organisatie=kw.org)
    [v] = services.ronde(coordinator)[0]
    assert (v.hulpvraag, v.aanbod) == (kw.wachtend, kw.aanbod)  # the nearest first
    c = _als(client, coordinator)
    r = c.post(
        reverse("koppelen:ronde"),
        {"voorstel": [v.sleutel], "afwijzen": "1", "reden": "Kennen elkaar al"},
    )
    assert r.status_code == 302
    rij = AfgewezenVoorstel.objects.get()
    assert (rij.afgewezen_door, rij.reden, rij.organisatie) == (
        coordinator,
        "Kennen elkaar al",
        kw.org,
    )
    # the next round, by a colleague of the same organisation, proposes the other volunteer
    [v] = services.ronde(collega)[0]
    assert (v.hulpvraag, v.aanbod) == (kw.wachtend, tweede)
    html = _als(client, collega).get(reverse("koppelen:ronde")).content.decode()
    assert "1 afgewezen voorstel wordt niet opnieuw voorgesteld." in html
    # a coördinator of another organisation in the same gemeente is not bound by it
    andere_org = OrganisatieFactory()
    andere_org.gemeenten.add(kw.t.gemeente)
    ander = UserFactory(rol=Rol.COORDINATOR, gemeente=kw.t.gemeente, organisatie=andere_org)
    assert not services.afgewezen(ander).exists()
    # clearing the list: the pair may be proposed again
    r = _als(client, collega).post(reverse("koppelen:ronde"), {"wissen": "1"})
    assert r.status_code == 302 and not AfgewezenVoorstel.objects.exists()
    [v] = services.ronde(coordinator)[0]
    assert v.aanbod == kw.aanbod
    assert Verwerking.objects.filter(naam="ronde.afwijzen").count() == 1
    assert Verwerking.objects.filter(naam="ronde.afwijzingen_wissen").count() == 1


def test_alleen_afgewezen_kandidaten_geeft_een_duidelijke_reden(kw):
    coordinator = kw.t.users[Rol.COORDINATOR]
    services.voorstel_afwijzen(coordinator, kw.wachtend, kw.aanbod)
    voorstellen, niet = services.ronde(coordinator)
    assert voorstellen == []
    assert niet == [(kw.wachtend, "alleen vrijwilligers die al zijn afgewezen voor deze vraag")]


def test_afwijzen_kan_niet_voor_een_vraag_van_een_andere_gemeente(kw, amsterdam):
    with pytest.raises(services.PermissionDenied):
        services.voorstel_afwijzen(amsterdam.users[Rol.COORDINATOR], kw.wachtend, kw.aanbod)
    with pytest.raises(services.PermissionDenied):
        services.voorstel_afwijzen(kw.t.users[Rol.PROFESSIONAL], kw.wachtend, kw.aanbod)
    assert not AfgewezenVoorstel.objects.exists()


# --------------------------------------------------------------------------- sign-up limit


def test_aanmeldlimiet_telt_in_de_database_en_vergeet_na_een_uur(utrecht):
    for _ in range(5):
        assert services.aanmelding_toegestaan("192.0.2.7")
    assert not services.aanmelding_toegestaan("192.0.2.7")
    assert services.aanmelding_toegestaan("192.0.2.8")  # another address
    assert not Aanmeldpoging.objects.filter(sleutel__contains="192.0.2").exists()
    Aanmeldpoging.objects.update(op=timezone.now() - datetime.timedelta(minutes=61))
    assert services.aanmelding_toegestaan("192.0.2.7")
    assert Aanmeldpoging.objects.count() == 1  # old rows are gone


def test_aanmelden_zonder_account_geeft_een_echte_toestemming(client, utrecht):
    url = reverse("koppelen:word_vrijwilliger")
    data = {
        "gemeente": utrecht.gemeente.pk,
        "voornaam": "Sanne",
        "email": "sanne@example.org",
        "postcode": "3511 AB",
        "soorten": ["klussen"],
        "dagen": ["5"],
        "toestemming": "on",
    }
    assert client.post(url, data).status_code == 302
    v = Vrijwilliger.objects.get()
    html = (
        _als(client, utrecht.users[Rol.COORDINATOR])
        .get(reverse("koppelen:vrijwilliger_detail", args=[v.uuid]))
        .content.decode()
    )
    assert "gegeven op het aanmeldformulier" in html


def test_coordinator_bepaalt_urgentie_en_vog_eis(client, utrecht):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    hv = services.eigen_hulpvraag_aanmaken(
        utrecht.users[Rol.INWONER], {"soort": "klussen"}, organisatie=org, toestemming=True
    )
    c = _als(client, utrecht.users[Rol.COORDINATOR])
    url = reverse("koppelen:hulpvraag", args=[hv.uuid])
    assert "Urgentie en VOG-eis opslaan" in c.get(url).content.decode()
    r = c.post(url, {"beoordelen": "1", "urgentie": "2", "kwetsbaar": "on"})
    assert r.status_code == 302
    hv.refresh_from_db()
    assert (hv.urgentie, hv.kwetsbaar) == (2, True)
    assert Verwerking.objects.filter(naam="hulpvraag.beoordelen").count() == 1
    with pytest.raises(services.PermissionDenied):
        services.hulpvraag_beoordelen(utrecht.users[Rol.INWONER], hv, urgentie=0, kwetsbaar=False)


def test_vog_eis_kan_niet_als_de_lopende_vrijwilliger_geen_vog_heeft(client, kw):
    kw.vrijwilliger.vog_datum = None
    kw.vrijwilliger.save()
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    url = reverse("koppelen:hulpvraag", args=[kw.gekoppeld.uuid])
    r = c.post(url, {"beoordelen": "1", "urgentie": "0", "kwetsbaar": "on"})
    assert r.status_code == 200 and "heeft geen geldige VOG" in r.content.decode()
    kw.gekoppeld.refresh_from_db()
    assert not kw.gekoppeld.kwetsbaar
