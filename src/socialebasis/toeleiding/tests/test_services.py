"""Services a resident uses: who may record them, the audit log, and the netwerkkaart."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.netwerk import metrieken
from socialebasis.netwerk import services as netwerk
from socialebasis.toeleiding import services
from socialebasis.toeleiding.models import GebruikStatus, Voorzieninggebruik

pytestmark = pytest.mark.django_db


def test_professional_legt_vast_en_het_staat_op_de_netwerkkaart(utrecht, kaart):
    pro = utrecht.users[Rol.PROFESSIONAL]
    p = utrecht.in_team
    services.vastleggen(pro, p, kaart.inloop, {"status": "in_gebruik", "notitie": "dinsdag"})
    services.vastleggen(pro, p, kaart.schuldhulp, {"status": "verwezen"})
    beeld = netwerk.netwerk_lezen(pro, p)
    extra = {lid.naam: lid for lid in beeld.extra}
    assert set(extra) == {"Koffie-inloop Utrecht", "Schuldhulp Utrecht (verwezen)"}
    assert extra["Koffie-inloop Utrecht"].groep == "kennissen"  # community layer
    assert extra["Schuldhulp Utrecht (verwezen)"].groep == "professionals"  # institutional
    assert all(lid.laag == "dienst" and lid.ring == 3 for lid in extra.values())
    # the map marks them with a dotted outline, the table and text name the source
    from socialebasis.netwerk import ecogram

    svg = ecogram.render_svg("Teamlid", beeld.ecogram_leden)
    assert svg.count('class="lid groep-kennissen laag-dienst"') == 1
    assert "stippelrand: dienst van de sociale kaart" in svg
    rijen = ecogram.table_rows("Teamlid", beeld.ecogram_leden)
    assert {r["bron"] for r in rijen} == {"dienst van de sociale kaart"}
    assert "Koffie-inloop Utrecht (kennissen, verder" in ecogram.text_alternative(
        "Teamlid", beeld.ecogram_leden
    )
    # services are not counted as people
    zin = metrieken.grootte(beeld.ecogram_leden).zin
    assert "geen mensen" in zin and "2 voorzieningen uit de sociale kaart" in zin


def test_gestopt_staat_niet_meer_op_de_kaart(utrecht, kaart):
    pro = utrecht.users[Rol.PROFESSIONAL]
    g = services.vastleggen(pro, utrecht.in_team, kaart.inloop, {"status": "in_gebruik"})
    services.stoppen(pro, g)
    g.refresh_from_db()
    assert g.status == GebruikStatus.GESTOPT and g.tot == timezone.localdate()
    assert netwerk.netwerk_lezen(pro, utrecht.in_team).extra == []
    # stopped: the same service can be recorded again
    services.vastleggen(pro, utrecht.in_team, kaart.inloop, {"status": "verwezen"})


def test_alleen_gepubliceerd_van_de_eigen_gemeente_en_niet_dubbel(utrecht, amsterdam, kaart):
    pro = utrecht.users[Rol.PROFESSIONAL]
    p = utrecht.in_team
    for dienst in (kaart.concept, amsterdam.kaart.inloop):
        with pytest.raises(ValidationError) as e:
            services.vastleggen(pro, p, dienst, {})
        assert "sociale kaart van de eigen gemeente" in str(e.value.message_dict["dienst"])
    services.vastleggen(pro, p, kaart.inloop, {})
    with pytest.raises(ValidationError) as e:
        services.vastleggen(pro, p, kaart.inloop, {})
    assert "staat al bij de inwoner" in str(e.value.message_dict["dienst"])
    assert Voorzieninggebruik.objects.count() == 1


def test_einddatum_voor_begindatum_wordt_geweigerd(utrecht, kaart):
    pro = utrecht.users[Rol.PROFESSIONAL]
    vandaag = timezone.localdate()
    g = services.vastleggen(pro, utrecht.in_team, kaart.inloop, {"sinds": vandaag})
    with pytest.raises(ValidationError) as e:
        services.wijzigen(
            pro, g, {"status": "gestopt", "tot": vandaag - datetime.timedelta(days=3)}
        )
    assert "vóór de begindatum" in str(e.value.message_dict["tot"])
    with pytest.raises(ValidationError) as e:
        services.wijzigen(pro, g, {"kleur": "rood"})
    assert "Onbekende velden: kleur" in str(e.value)


def test_inwoner_legt_eigen_voorziening_vast_maar_niet_van_een_ander(utrecht, kaart):
    inwoner = utrecht.users[Rol.INWONER]
    g = services.vastleggen(inwoner, utrecht.eigen, kaart.inloop, {})
    assert g.vastgelegd_door == inwoner
    services.stoppen(inwoner, g)
    with pytest.raises(PermissionDenied):
        services.verwijderen(inwoner, g)
    with pytest.raises(PermissionDenied):
        services.vastleggen(inwoner, utrecht.in_team, kaart.inloop, {})
    rij = Verwerking.objects.filter(naam="voorzieninggebruik.aanmaken").get()
    assert rij.verwerkingsactiviteit == "eigen-gegevens" and rij.actor == inwoner


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.VRIJWILLIGER, Rol.AANBIEDER, Rol.BEHEERDER])
def test_andere_rollen_zien_en_schrijven_niets(utrecht, kaart, rol):
    pro = utrecht.users[Rol.PROFESSIONAL]
    g = services.vastleggen(pro, utrecht.in_team, kaart.inloop, {})
    user = utrecht.users[rol]
    with pytest.raises(PermissionDenied):
        services.lijst(user, utrecht.in_team)
    with pytest.raises(PermissionDenied):
        services.vastleggen(user, utrecht.in_team, kaart.schuldhulp, {})
    with pytest.raises(PermissionDenied):
        services.stoppen(user, g)


def test_elke_inzage_en_wijziging_staat_in_het_logboek(utrecht, kaart):
    pro = utrecht.users[Rol.PROFESSIONAL]
    g = services.vastleggen(pro, utrecht.in_team, kaart.inloop, {})
    services.lijst(pro, utrecht.in_team)
    services.wijzigen(pro, g, {"notitie": "  gaat   op dinsdag "})
    services.verwijderen(pro, g)
    namen = list(Verwerking.objects.order_by("id").values_list("naam", flat=True))
    assert namen == [
        "voorzieninggebruik.aanmaken",
        "voorzieninggebruik.lijst",
        "voorzieninggebruik.wijzigen",
        "voorzieninggebruik.verwijderen",
    ]
    assert not Voorzieninggebruik.objects.exists()
    assert all(
        r.verwerkingsactiviteit == "ondersteuning-inwoner" and r.betrokkene
        for r in Verwerking.objects.all()
    )


def test_zoeken_biedt_alleen_gepubliceerd_van_de_eigen_gemeente(utrecht, amsterdam, kaart):
    namen = [d.naam for d in services.zoeken(utrecht.in_team, "koffie")]
    assert namen == ["Koffie-inloop Utrecht"]
    assert services.zoeken(utrecht.in_team, "taalcafé") == []  # concept
    assert services.zoeken(utrecht.in_team, "  ") == []
