"""The screens per role: what each user notices, and who gets a 404."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.audit.models import Verwerking
from socialebasis.koppelen import services
from socialebasis.koppelen.models import (
    HulpvraagStatus,
    Koppeling,
    KoppelingStatus,
    Vrijwilliger,
    Zorgsignaal,
)
from socialebasis.koppelen.tests.conftest import koppelwereld
from socialebasis.koppelen.tests.factories import HulpvraagFactory, VacatureFactory

pytestmark = pytest.mark.django_db


def _als(client, user):
    client.force_login(user)
    return client


def test_coordinator_overzicht_toont_wachtlijst_en_tekort(client, kw):
    for _ in range(3):
        HulpvraagFactory(gemeente=kw.t.gemeente, persoon=kw.t.koppelen, soort="klussen")
    r = _als(client, kw.t.users[Rol.COORDINATOR]).get(reverse("koppelen:overzicht"))
    assert r.status_code == 200
    html = r.content.decode()
    assert kw.t.koppelen.volledige_naam in html
    assert "Veel vragen, weinig aanbod: 3 tekort" in html
    # the resident without consent ('in_team' has consent in koppelwereld; buiten_team not)
    assert kw.t.buiten_team.volledige_naam not in html
    assert Verwerking.objects.filter(naam="hulpvraag.lijst").count() == 4


@pytest.mark.parametrize("rol", [r for r in Rol if r != Rol.COORDINATOR])
def test_overzicht_alleen_voor_coordinator(client, utrecht, rol):
    r = _als(client, utrecht.users[rol]).get(reverse("koppelen:overzicht"))
    assert r.status_code == 403


def test_anoniem_naar_inloggen(client, utrecht):
    r = client.get(reverse("koppelen:overzicht"))
    assert r.status_code == 302 and "/account/inloggen" in r["Location"]


def test_ronde_voorvertoning_slaat_niets_op_en_accepteren_wel(client, kw):
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    r = c.get(reverse("koppelen:ronde"))
    assert r.status_code == 200
    assert "Afstand" in r.content.decode()
    assert Koppeling.objects.count() == 1  # only the fixture's
    sleutel = f"{kw.wachtend.uuid}:{kw.aanbod.uuid}"
    r = c.post(reverse("koppelen:ronde"), {"voorstel": [sleutel]})
    assert r.status_code == 302
    kw.wachtend.refresh_from_db()
    assert kw.wachtend.status == HulpvraagStatus.GEKOPPELD


def test_ronde_afwijzen_verbergt_voorstel(client, kw):
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    sleutel = f"{kw.wachtend.uuid}:{kw.aanbod.uuid}"
    c.post(reverse("koppelen:ronde"), {"voorstel": [sleutel], "afwijzen": "1"})
    r = c.get(reverse("koppelen:ronde"))
    assert "0 voorstellen" in r.content.decode()
    assert Koppeling.objects.count() == 1


def test_handmatig_koppelen_met_duidelijke_fout(client, kw):
    kw.aanbod.dieten = []
    kw.aanbod.save()
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    url = reverse("koppelen:hulpvraag", kwargs={"hulpvraag_id": kw.wachtend.uuid})
    r = c.post(url, {"aanbod": str(kw.aanbod.uuid)})
    assert r.status_code == 200
    assert "De vrijwilliger kookt niet zoutarm" in r.content.decode()


def test_koppeling_stappen_via_formulieren(
    client, kw, mailoutbox, django_capture_on_commit_callbacks
):
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    k = kw.k

    def actie(naam, data=None):
        url = reverse("koppelen:koppeling_actie", kwargs={"koppeling_id": k.uuid, "actie": naam})
        with django_capture_on_commit_callbacks(execute=True):
            return c.post(url, data or {})

    r = actie("activeren", {"gestart_op": "2026-01-01"})
    assert r.status_code == 400
    assert "Eerst moet de vrijwilliger het voorstel accepteren" in r.content.decode()
    assert actie("accepteren").status_code == 302
    wanneer = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert actie("kennismaking", {"kennismaking_op": wanneer}).status_code == 302
    assert actie("activeren", {"gestart_op": timezone.localdate().isoformat()}).status_code == 302
    assert actie("evalueren", {"evaluatie": "Gaat prima"}).status_code == 302
    r = actie("beeindigen", {"eind_reden": ""})
    assert r.status_code == 400
    assert actie("beeindigen", {"eind_reden": "klik"}).status_code == 302
    k.refresh_from_db()
    assert k.status == KoppelingStatus.BEEINDIGD


def test_coordinator_andere_gemeente_krijgt_404(client, kw, amsterdam):
    c = _als(client, amsterdam.users[Rol.COORDINATOR])
    for url in [
        reverse("koppelen:hulpvraag", kwargs={"hulpvraag_id": kw.wachtend.uuid}),
        reverse("koppelen:koppeling", kwargs={"koppeling_id": kw.k.uuid}),
        reverse("koppelen:vrijwilliger_detail", kwargs={"vrijwilliger_id": kw.vrijwilliger.uuid}),
    ]:
        assert c.get(url).status_code == 404, url
    url = reverse(
        "koppelen:koppeling_actie", kwargs={"koppeling_id": kw.k.uuid, "actie": "accepteren"}
    )
    assert c.post(url).status_code == 404
    kw.k.refresh_from_db()
    assert kw.k.status == KoppelingStatus.VOORGESTELD


def test_vrijwilliger_ziet_eerst_beperkt_en_na_ja_het_adres(client, kw):
    c = _als(client, kw.t.users[Rol.VRIJWILLIGER])
    r = c.get(reverse("koppelen:vrijwilliger"))
    html = r.content.decode()
    assert kw.t.in_team.voornaam in html and "minder dan 500 m" in html
    assert kw.t.in_team.achternaam not in html
    url = reverse("koppelen:mijn_koppeling", kwargs={"koppeling_id": kw.k.uuid})
    html = c.get(url).content.decode()
    assert "Lange Nieuwstraat" not in html and kw.t.in_team.postcode not in html
    c.post(url, {"ja": "1"})
    html = c.get(url).content.decode()
    assert "Lange Nieuwstraat 7" in html
    r = c.post(url, {"omschrijving": "Meneer lijkt erg vergeetachtig."})
    assert r.status_code == 302
    html = c.get(reverse("koppelen:vrijwilliger")).content.decode()
    assert "ontvangen" in html


def test_andere_vrijwilliger_ziet_koppeling_niet(client, kw, utrecht):
    ander = UserFactory(rol=Rol.VRIJWILLIGER, gemeente=utrecht.gemeente)
    url = reverse("koppelen:mijn_koppeling", kwargs={"koppeling_id": kw.k.uuid})
    assert _als(client, ander).get(url).status_code == 404


def test_zorgsignaal_schermen_alleen_voor_team(client, kw, amsterdam):
    kw.k.status = KoppelingStatus.ACTIEF
    kw.k.save()
    s = services.zorgsignaal_melden(kw.t.users[Rol.VRIJWILLIGER], kw.k, "Zorgen.")
    url = reverse("koppelen:zorgsignaal", kwargs={"signaal_id": s.uuid})
    prof = kw.t.users[Rol.PROFESSIONAL]
    assert _als(client, prof).get(url).status_code == 200
    r = client.post(url, {"naar": "in_behandeling"})
    assert r.status_code == 302
    assert Zorgsignaal.objects.get().status == "in_behandeling"
    anders = UserFactory(rol=Rol.PROFESSIONAL, gemeente=kw.t.gemeente, teams=[kw.t.ander_team])
    for user in [anders, amsterdam.users[Rol.PROFESSIONAL], kw.t.users[Rol.COORDINATOR]]:
        assert _als(client, user).get(url).status_code == 404


def test_inwoner_ziet_status_en_voornaam_vrijwilliger(client, utrecht):
    kw = koppelwereld(utrecht)
    kw.gekoppeld.persoon = utrecht.eigen
    kw.gekoppeld.save()
    html = _als(client, utrecht.users[Rol.INWONER]).get(reverse("koppelen:mijn")).content.decode()
    assert kw.vrijwilliger.persoon.voornaam in html
    assert kw.vrijwilliger.persoon.achternaam not in html
    assert kw.vrijwilliger.persoon.email not in html


def test_publiek_aanmelden_en_honeypot(client, utrecht):
    VacatureFactory(organisatie=utrecht.team.organisatie, gemeente=utrecht.gemeente)
    url = reverse("koppelen:word_vrijwilliger")
    r = client.get(url)
    assert r.status_code == 200 and "Thuiskok gezocht" in r.content.decode()
    data = {
        "gemeente": utrecht.gemeente.pk,
        "voornaam": "Sanne",
        "email": "sanne@example.org",
        "postcode": "3511 ab",
        "soorten": ["klussen"],
        "dagen": ["5"],
        "toestemming": "on",
    }
    assert client.post(url, {**data, "website": "http://spam"}).status_code == 302
    assert not Vrijwilliger.objects.exists()
    r = client.post(url, {**data, "toestemming": ""})
    assert r.status_code == 200 and not Vrijwilliger.objects.exists()
    assert client.post(url, data).status_code == 302
    v = Vrijwilliger.objects.get()
    assert v.gemeente == utrecht.gemeente and v.persoon.postcode == "3511 AB"


def test_professional_voert_hulpvraag_in_met_toestemming(client, utrecht):
    c = _als(client, utrecht.users[Rol.PROFESSIONAL])
    url = reverse("koppelen:hulpvraag_nieuw")
    assert c.get(url).status_code == 200
    data = {
        "persoon": str(utrecht.in_team.uuid),
        "soort": "boodschappen",
        "frequentie": "wekelijks",
        "levering": "nvt",
        "urgentie": "0",
    }
    r = c.post(url, data)
    assert r.status_code == 200 and "toestemming" in r.content.decode()
    r = c.post(url, {**data, "toestemming_koppelen": "on"})
    assert r.status_code == 302
    assert utrecht.in_team.hulpvragen.count() == 1
    # a resident of another team is not offered and not accepted
    r = c.post(
        url, {**data, "persoon": str(utrecht.buiten_team.uuid), "toestemming_koppelen": "on"}
    )
    assert r.status_code == 200 and utrecht.buiten_team.hulpvragen.count() == 0


def test_vrijwilliger_past_eigen_aanbod_aan(client, kw):
    c = _als(client, kw.t.users[Rol.VRIJWILLIGER])
    url = reverse("koppelen:mijn_aanbod_bewerken", kwargs={"aanbod_id": kw.aanbod.uuid})
    assert c.get(url).status_code == 200
    data = {"soort": "maaltijden", "capaciteit": "1", "dagen": ["0"], "straal_m": "1500"}
    assert c.post(url, {**data, "dieten": ["halal"]}).status_code == 302
    kw.aanbod.refresh_from_db()
    assert (kw.aanbod.capaciteit, kw.aanbod.dagen, kw.aanbod.dieten) == (1, [0], ["halal"])
    r = c.post(reverse("koppelen:mijn_aanbod_nieuw"), {**data, "soort": "wandelen"})
    assert r.status_code == 302 and kw.vrijwilliger.aanbod.count() == 2
    assert Verwerking.objects.filter(naam="aanbod.opslaan").count() == 2


def test_coordinator_legt_aanbod_vast_bij_intake_en_andere_organisatie_niet(client, kw, utrecht):
    from socialebasis.accounts.tests.factories import OrganisatieFactory

    url = reverse("koppelen:aanbod_nieuw", kwargs={"vrijwilliger_id": kw.vrijwilliger.uuid})
    data = {"soort": "klussen", "capaciteit": "2", "dagen": ["5"], "straal_m": "3000"}
    assert _als(client, kw.t.users[Rol.COORDINATOR]).post(url, data).status_code == 302
    assert kw.vrijwilliger.aanbod.filter(soort="klussen", actief=True).exists()
    ander = UserFactory(
        rol=Rol.COORDINATOR, gemeente=utrecht.gemeente, organisatie=OrganisatieFactory()
    )
    assert _als(client, ander).post(url, data).status_code == 404


def test_vacature_plaatsen_verschijnt_op_openbare_pagina_en_sluiten(client, kw):
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    r = c.post(
        reverse("koppelen:vacatures"),
        {"titel": "Klussers gezocht", "soort": "klussen", "omschrijving": "Lamp ophangen."},
    )
    assert r.status_code == 302
    client.logout()
    assert "Klussers gezocht" in client.get(reverse("koppelen:word_vrijwilliger")).content.decode()
    from socialebasis.koppelen.models import Vacature

    vac = Vacature.objects.get()
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    c.post(reverse("koppelen:vacature_sluiten", kwargs={"vacature_id": vac.uuid}))
    client.logout()
    assert (
        "Klussers gezocht" not in client.get(reverse("koppelen:word_vrijwilliger")).content.decode()
    )


def test_aanmelden_beperkt_per_adres(client, utrecht):
    url = reverse("koppelen:word_vrijwilliger")
    data = {
        "gemeente": utrecht.gemeente.pk,
        "voornaam": "Sanne",
        "postcode": "3511 AB",
        "soorten": ["klussen"],
        "dagen": ["5"],
        "toestemming": "on",
    }
    for i in range(5):
        assert client.post(url, {**data, "email": f"s{i}@example.org"}).status_code == 302
    r = client.post(url, {**data, "email": "s9@example.org"})
    assert r.status_code == 200 and "Probeer het later opnieuw" in r.content.decode()
    assert Vrijwilliger.objects.count() == 5


def test_hulpvraag_invoeren_vanaf_persoonspagina(client, utrecht):
    c = _als(client, utrecht.users[Rol.PROFESSIONAL])
    url = reverse("koppelen:hulpvraag_nieuw")
    html = c.get(url, {"persoon": str(utrecht.in_team.uuid)}).content.decode()
    assert utrecht.in_team.volledige_naam in html and utrecht.eigen.volledige_naam not in html
    assert c.get(url, {"persoon": str(utrecht.buiten_team.uuid)}).status_code == 404
    assert Verwerking.objects.filter(naam="persoon.lezen", status="geweigerd").exists()


def test_intake_status_vog_en_profiel(client, utrecht):
    from socialebasis.koppelen.tests.factories import AanbodFactory, VrijwilligerFactory

    v = VrijwilligerFactory(gemeente=utrecht.gemeente, status="aangemeld", vog_datum=None)
    AanbodFactory(vrijwilliger=v, actief=False)
    c = _als(client, utrecht.users[Rol.COORDINATOR])
    url = reverse("koppelen:vrijwilliger_detail", kwargs={"vrijwilliger_id": v.uuid})
    assert c.get(url).status_code == 200
    r = c.post(url, {"naar": "actief"})
    assert r.status_code == 200 and "kan niet naar" in r.content.decode()
    assert c.post(url, {"naar": "intake", "toelichting": "gebeld"}).status_code == 302
    assert c.post(url, {"naar": "actief"}).status_code == 302
    vog = timezone.localdate() - datetime.timedelta(days=30)
    assert c.post(url, {"vog_datum": vog.isoformat()}).status_code == 302
    utrecht.buurt.punt_lat, utrecht.buurt.punt_lon = 52.09, 5.12
    utrecht.buurt.save()
    data = {"profiel": "1", "talen": ["nl", "tr"], "buurt": utrecht.buurt.pk}
    assert c.post(url, data).status_code == 302
    v.refresh_from_db()
    assert (v.status, v.organisatie, v.talen) == ("actief", utrecht.team.organisatie, ["nl", "tr"])
    assert v.vog_datum == vog and not v.huisdieren_geen_bezwaar
    assert v.aanbod.get().actief
    assert v.persoon.buurt == utrecht.buurt and (v.lat, v.lon) == (52.09, 5.12)


def test_hulpvraag_sluiten_haalt_hem_van_de_wachtlijst(client, kw):
    c = _als(client, kw.t.users[Rol.COORDINATOR])
    url = reverse("koppelen:hulpvraag", kwargs={"hulpvraag_id": kw.wachtend.uuid})
    assert c.post(url, {"sluiten": "1"}).status_code == 302
    kw.wachtend.refresh_from_db()
    assert kw.wachtend.status == HulpvraagStatus.GESLOTEN
    url = reverse("koppelen:hulpvraag", kwargs={"hulpvraag_id": kw.gekoppeld.uuid})
    c.post(url, {"sluiten": "1"})  # a running match: refused with a message
    kw.gekoppeld.refresh_from_db()
    assert kw.gekoppeld.status == HulpvraagStatus.GEKOPPELD
