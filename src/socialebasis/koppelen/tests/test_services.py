"""Services: state transitions, constraints, limited views, routing, e-mail and audit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.accounts.tests.factories import TeamFactory, UserFactory
from socialebasis.audit.models import Verwerking
from socialebasis.koppelen import services
from socialebasis.koppelen.models import (
    EindReden,
    Hulpvraag,
    HulpvraagStatus,
    KoppelingStatus,
    VrijwilligerStatus,
)
from socialebasis.koppelen.tests.factories import (
    AanbodFactory,
    HulpvraagFactory,
    KoppelingFactory,
    VrijwilligerFactory,
)

pytestmark = pytest.mark.django_db


def _coord(kw):
    return kw.t.users[Rol.COORDINATOR]


def test_voorstel_accepteren_tot_beeindigen_met_mails(
    kw, mailoutbox, django_capture_on_commit_callbacks
):
    c = _coord(kw)
    kw.t.koppelen.email = "inwoner@example.org"
    kw.t.koppelen.save()
    with django_capture_on_commit_callbacks(execute=True):
        k = services.voorstellen(c, kw.wachtend, kw.aanbod)
    assert k.status == KoppelingStatus.VOORGESTELD
    kw.wachtend.refresh_from_db()
    assert kw.wachtend.status == HulpvraagStatus.GEKOPPELD
    assert any("Afstand" in regel for regel in k.uitleg)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [kw.t.users[Rol.VRIJWILLIGER].email]
    assert "nieuw voorstel" in mail.subject.lower()
    # no personal data of the resident in the mail
    assert kw.t.koppelen.voornaam not in mail.body and "Oudegracht" not in mail.body

    k = services.accepteren(kw.t.users[Rol.VRIJWILLIGER], k)
    assert k.status == KoppelingStatus.GEACCEPTEERD
    with django_capture_on_commit_callbacks(execute=True):
        k = services.kennismaking_plannen(c, k, timezone.now() + datetime.timedelta(days=3))
    assert mailoutbox[-1].to == ["inwoner@example.org"]
    assert kw.vrijwilliger.persoon.voornaam in mailoutbox[-1].body
    assert kw.vrijwilliger.persoon.achternaam not in mailoutbox[-1].body
    k = services.activeren(c, k)
    assert k.evaluatie_voor == timezone.localdate() + datetime.timedelta(weeks=6)
    services.contact_vastleggen(c, k, "Gaat goed, ze koken samen.")
    k = services.evalueren(c, k, "Beide tevreden.")
    k = services.beeindigen(c, k, EindReden.DOEL_BEREIKT, "Mevrouw kookt weer zelf.")
    assert k.status == KoppelingStatus.BEEINDIGD
    kw.wachtend.refresh_from_db()
    assert kw.wachtend.status == HulpvraagStatus.GESLOTEN
    assert [h.naar for h in k.historie.all()] == [
        "voorgesteld",
        "geaccepteerd",
        "kennismaking",
        "actief",
        "geevalueerd",
        "beeindigd",
    ]
    handelingen = set(Verwerking.objects.values_list("naam", flat=True))
    assert {"koppeling.voorstellen", "koppeling.beeindigen", "koppeling.contact"} <= handelingen


def test_ongeldige_overgang_geweigerd_met_nederlandse_uitleg(kw):
    c = _coord(kw)
    with pytest.raises(ValidationError) as e:
        services.activeren(c, kw.k)
    assert "kan niet naar 'actief'" in str(e.value)
    assert "Eerst moet de vrijwilliger het voorstel accepteren" in str(e.value)
    kw.k.refresh_from_db()
    assert kw.k.status == KoppelingStatus.VOORGESTELD
    with pytest.raises(ValidationError, match="Plan eerst de kennismaking"):
        services.evalueren(c, services.accepteren(c, kw.k), "x")


def test_beeindigen_met_klik_zet_vraag_terug_op_wachtlijst(kw):
    c = _coord(kw)
    kw.k.status = KoppelingStatus.ACTIEF
    kw.k.save()
    services.beeindigen(c, kw.k, EindReden.KLIK)
    kw.gekoppeld.refresh_from_db()
    assert kw.gekoppeld.status == HulpvraagStatus.WACHTEND


def test_afwijzen_door_vrijwilliger_zet_vraag_terug(kw):
    services.afwijzen(kw.t.users[Rol.VRIJWILLIGER], kw.k, "Past niet in mijn agenda")
    kw.gekoppeld.refresh_from_db()
    assert kw.gekoppeld.status == HulpvraagStatus.WACHTEND


def test_andere_vrijwilliger_kan_niet_accepteren(kw, utrecht):
    ander = UserFactory(rol=Rol.VRIJWILLIGER, gemeente=utrecht.gemeente)
    with pytest.raises(PermissionDenied):
        services.accepteren(ander, kw.k)


@pytest.mark.parametrize(
    "aanpassing, fout",
    [
        ({"soort": "klussen"}, "biedt klussen"),
        ({"dieten": []}, "kookt niet zoutarm"),
        ({"dagen": [5, 6]}, "niet op de dagen"),
        ({"straal_m": 100}, "groter dan de vrijwilliger wil reizen"),
        ({"capaciteit": 0}, "maximum"),
    ],
)
def test_handmatig_koppelen_controleert_harde_eisen(kw, aanpassing, fout):
    for veld, waarde in aanpassing.items():
        setattr(kw.aanbod, veld, waarde)
    kw.aanbod.save()
    with pytest.raises(ValidationError, match=fout):
        services.voorstellen(_coord(kw), kw.wachtend, kw.aanbod, handmatig=True)
    kw.wachtend.refresh_from_db()
    assert kw.wachtend.status == HulpvraagStatus.WACHTEND


def test_kwetsbare_inwoner_vraagt_geldige_vog(kw, settings):
    kw.wachtend.kwetsbaar = True
    kw.wachtend.save()
    kw.vrijwilliger.vog_datum = timezone.localdate() - datetime.timedelta(days=3 * 365 + 5)
    kw.vrijwilliger.save()
    with pytest.raises(ValidationError, match="geldige VOG"):
        services.voorstellen(_coord(kw), kw.wachtend, kw.aanbod, handmatig=True)
    settings.KOPPELEN_VOG_GELDIG_JAREN = 5
    k = services.voorstellen(_coord(kw), kw.wachtend, kw.aanbod, handmatig=True)
    assert k.handmatig


def test_beperkte_weergave_voor_acceptatie_en_adres_erna(kw):
    vw = kw.t.users[Rol.VRIJWILLIGER]
    weergave = services.voorstel_weergave(vw, kw.k)
    assert weergave["voornaam"] == kw.t.in_team.voornaam
    assert weergave["afstand"] == "minder dan 500 m"
    assert "Lange Nieuwstraat" not in str(weergave) and "achternaam" not in weergave
    with pytest.raises(PermissionDenied):
        services.adres_lezen(vw, kw.k)
    assert Verwerking.objects.filter(naam="persoon.lezen", status="geweigerd").exists()
    k = services.accepteren(vw, kw.k)
    adres = services.adres_lezen(vw, k)
    assert adres["straat"] == "Lange Nieuwstraat"
    assert Verwerking.objects.filter(
        naam="persoon.lezen", status="ok", verwerkingsactiviteit="koppelen-vrijwilligers"
    ).exists()


def test_afgeronde_afstand():
    assert services.afgeronde_afstand(1234) == "ongeveer 1 km"
    assert services.afgeronde_afstand(1300) == "ongeveer 1,5 km"
    assert services.afgeronde_afstand(120) == "minder dan 500 m"


def test_hulpvraag_door_professional_legt_toestemming_vast(utrecht):
    prof = utrecht.users[Rol.PROFESSIONAL]
    coord = utrecht.users[Rol.COORDINATOR]
    with pytest.raises(ValidationError, match="toestemming"):
        services.hulpvraag_aanmaken(prof, utrecht.in_team, {"soort": "klussen"})
    hv = services.hulpvraag_aanmaken(
        prof, utrecht.in_team, {"soort": "klussen"}, toestemming_koppelen=True
    )
    assert utrecht.in_team.toestemmingen.filter(doel="koppelen").exists()
    assert hv.dagen == list(range(7))
    assert services.wachtlijst(coord).filter(pk=hv.pk).exists()
    # a resident of another team is not the professional's to enter
    with pytest.raises(PermissionDenied):
        services.hulpvraag_aanmaken(
            prof, utrecht.buiten_team, {"soort": "klussen"}, toestemming_koppelen=True
        )


def test_wachtlijst_sorteert_op_urgentie_dan_wachttijd(kw):
    c = _coord(kw)
    oud = HulpvraagFactory(
        gemeente=kw.t.gemeente,
        persoon=kw.t.koppelen,
        wacht_sinds=timezone.localdate() - datetime.timedelta(days=90),
    )
    spoed = HulpvraagFactory(gemeente=kw.t.gemeente, persoon=kw.t.koppelen, urgentie=2)
    assert list(services.wachtlijst(c)) == [spoed, oud, kw.wachtend]


def test_tekort_per_soort(kw):
    c = _coord(kw)
    for _ in range(3):
        HulpvraagFactory(gemeente=kw.t.gemeente, persoon=kw.t.koppelen, soort="klussen")
    AanbodFactory(vrijwilliger=kw.vrijwilliger, soort="klussen", capaciteit=1)
    rijen = {r.soort: r for r in services.tekort(c)}
    assert (rijen["klussen"].wachtend, rijen["klussen"].vrije_plekken) == (3, 1)
    assert rijen["klussen"].tekort == 2
    # maaltijden: capacity 3, one running match (voorgesteld) -> 2 free, 1 waiting
    assert (rijen["maaltijden"].wachtend, rijen["maaltijden"].vrije_plekken) == (1, 2)
    assert services.tekort(c)[0].soort == "klussen"


def test_engine_invoer_houdt_lopende_koppelingen_vast(kw):
    c = _coord(kw)
    kw.aanbod.capaciteit = 1
    kw.aanbod.save()
    inv = services.engine_invoer(c)
    assert inv.existing == [(kw.gekoppeld.pk, kw.aanbod.pk)]
    assert {r.id for r in inv.requests} == {kw.wachtend.pk, kw.gekoppeld.pk}
    voorstellen, niet = services.ronde(c)
    assert voorstellen == []  # the only place is taken by the running match
    assert niet[0][0] == kw.wachtend and "capaciteit vol" in niet[0][1]
    kw.aanbod.capaciteit = 2
    kw.aanbod.save()
    voorstellen, niet = services.ronde(c)
    assert [(v.hulpvraag, v.aanbod) for v in voorstellen] == [(kw.wachtend, kw.aanbod)]
    assert Hulpvraag.objects.get(pk=kw.wachtend.pk).status == HulpvraagStatus.WACHTEND


def test_ronde_zonder_vog_geeft_reden(kw):
    kw.wachtend.kwetsbaar = True
    kw.wachtend.save()
    kw.vrijwilliger.vog_datum = None
    kw.vrijwilliger.save()
    _, niet = services.ronde(_coord(kw))
    assert niet[0][1] == "geen vrijwilliger met VOG binnen bereik"


def test_vrijwilliger_status_overgangen(kw, utrecht):
    c = _coord(kw)
    v = VrijwilligerFactory(gemeente=utrecht.gemeente, status=VrijwilligerStatus.AANGEMELD)
    AanbodFactory(vrijwilliger=v, actief=False)
    with pytest.raises(ValidationError, match="kan niet naar 'actief'"):
        services.vrijwilliger_status(c, v, VrijwilligerStatus.ACTIEF)
    services.vrijwilliger_status(c, v, VrijwilligerStatus.INTAKE, "gebeld")
    assert v.organisatie == c.organisatie  # the coördinator takes it on
    services.vrijwilliger_status(c, v, VrijwilligerStatus.ACTIEF)
    assert v.aanbod.get().actief
    assert [h.naar for h in v.historie.all()] == ["intake", "actief"]


def test_zorgsignaal_naar_team_professionals(kw, mailoutbox, django_capture_on_commit_callbacks):
    t = kw.t
    kw.k.status = KoppelingStatus.ACTIEF
    kw.k.save()
    vw = t.users[Rol.VRIJWILLIGER]
    with django_capture_on_commit_callbacks(execute=True):
        s = services.zorgsignaal_melden(vw, kw.k, "Mevrouw eet slecht en is vaak verward.")
    assert s.team == t.team and s.status == "ontvangen"
    assert [m.to for m in mailoutbox] == [[t.users[Rol.PROFESSIONAL].email]]
    assert "verward" not in mailoutbox[0].body
    assert services.zorgsignaal_lezen(t.users[Rol.PROFESSIONAL], s.uuid) == s
    assert services.zorgsignaal_lezen(vw, s.uuid) == s
    andere = [
        UserFactory(rol=Rol.PROFESSIONAL, gemeente=t.gemeente, teams=[t.ander_team]),
        t.users[Rol.COORDINATOR],
        t.users[Rol.BEHEERDER],
        UserFactory(rol=Rol.VRIJWILLIGER, gemeente=t.gemeente),
    ]
    for user in andere:
        with pytest.raises(type(s).DoesNotExist):
            services.zorgsignaal_lezen(user, s.uuid)


def test_zorgsignaal_zonder_team_naar_coordinator(
    kw, mailoutbox, django_capture_on_commit_callbacks
):
    t = kw.t
    kw.t.in_team.team = TeamFactory(gemeente=t.gemeente)  # a team without professionals
    kw.t.in_team.save()
    kw.k.status = KoppelingStatus.GEACCEPTEERD
    kw.k.save()
    with django_capture_on_commit_callbacks(execute=True):
        s = services.zorgsignaal_melden(t.users[Rol.VRIJWILLIGER], kw.k, "Zorgen over de woning.")
    assert s.team is None
    assert [m.to for m in mailoutbox] == [[t.users[Rol.COORDINATOR].email]]
    assert services.zorgsignaal_lezen(t.users[Rol.COORDINATOR], s.uuid) == s


def test_zorgsignaal_alleen_over_eigen_geaccepteerde_koppeling(kw, utrecht):
    with pytest.raises(PermissionDenied):  # still only a proposal
        services.zorgsignaal_melden(utrecht.users[Rol.VRIJWILLIGER], kw.k, "x")
    ander = VrijwilligerFactory(
        gemeente=utrecht.gemeente, account=UserFactory(rol=Rol.VRIJWILLIGER)
    )
    k2 = KoppelingFactory(
        hulpvraag=kw.wachtend, aanbod=AanbodFactory(vrijwilliger=ander), status="actief"
    )
    with pytest.raises(PermissionDenied):
        services.zorgsignaal_melden(utrecht.users[Rol.VRIJWILLIGER], k2, "x")


def test_publiek_aanmelden(utrecht):
    v = services.aanmelden(
        {
            "gemeente": utrecht.gemeente,
            "buurt_id": utrecht.buurt.pk,
            "voornaam": "Sanne",
            "email": "sanne@example.org",
            "postcode": "3511AB",
            "soorten": ["klussen", "wandelen"],
            "dagen": [5],
            "toestemming": True,
        }
    )
    assert v.status == VrijwilligerStatus.AANGEMELD
    [t] = v.persoon.toestemmingen.all()  # a real consent, which the person can withdraw
    assert (t.doel, t.bron, t.vastgelegd_door, t.actief) == (
        "koppelen",
        "aanmeldformulier",
        None,
        True,
    )
    assert Verwerking.objects.filter(naam="toestemming.vastleggen", actor=None).exists()
    assert v.persoon.postcode == "3511 AB"
    assert sorted(v.aanbod.values_list("soort", flat=True)) == ["klussen", "wandelen"]
    assert not v.aanbod.filter(actief=True).exists()  # only after the intake
    assert services.zichtbaar(utrecht.users[Rol.COORDINATOR], type(v)).filter(pk=v.pk).exists()
    assert Verwerking.objects.filter(naam="vrijwilliger.aanmelden", actor=None).exists()


def test_herinnering_evaluatie_en_contact(kw, mailoutbox):
    from django.core.management import call_command

    kw.k.status = KoppelingStatus.ACTIEF
    kw.k.gestart_op = timezone.localdate() - datetime.timedelta(weeks=10)
    kw.k.evaluatie_voor = timezone.localdate() - datetime.timedelta(weeks=4)
    kw.k.save()
    assert services.herinneringen(_coord(kw)) == {"evaluaties": 1, "zonder_contact": 1}
    call_command("koppelen_herinneringen")
    assert [m.to for m in mailoutbox] == [[_coord(kw).email]]
    assert "evaluatie" in mailoutbox[0].body and kw.t.in_team.voornaam not in mailoutbox[0].body
    services.contact_vastleggen(_coord(kw), kw.k, "Gebeld, gaat goed.")
    assert services.herinneringen(_coord(kw))["zonder_contact"] == 0


def test_ronde_noemt_vraag_zonder_buurt(kw):
    kw.wachtend.lat = kw.wachtend.lon = None
    kw.wachtend.save()
    _, niet = services.ronde(_coord(kw))
    assert niet == [(kw.wachtend, "buurt van de inwoner is onbekend: vul die aan")]
    kw.t.koppelen.buurt.punt_lat, kw.t.koppelen.buurt.punt_lon = 52.0905, 5.1215
    kw.t.koppelen.buurt.save()
    voorstellen, niet = services.ronde(_coord(kw))  # the buurt is known now
    assert [v.hulpvraag for v in voorstellen] == [kw.wachtend] and niet == []
