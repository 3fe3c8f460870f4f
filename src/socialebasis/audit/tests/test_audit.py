import pytest
from django.db import connection, transaction

from socialebasis.accounts.models import Rol
from socialebasis.audit import services as audit
from socialebasis.audit.models import AlleenToevoegen, Verwerking
from socialebasis.personen import services as personen

pytestmark = pytest.mark.django_db


def test_elke_inzage_van_een_persoon_schrijft_een_logregel_api(api, utrecht):
    prof = utrecht.users[Rol.PROFESSIONAL]
    api.force_authenticate(prof)
    voor = Verwerking.objects.count()
    r = api.get(
        f"/api/v1/personen/{utrecht.in_team.uuid}",
        HTTP_TRACEPARENT=("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
    )
    assert r.status_code == 200
    assert Verwerking.objects.count() == voor + 1
    rij = Verwerking.objects.first()
    assert rij.naam == "persoon.lezen"
    assert rij.actor == prof and rij.actor_rol == "professional"
    assert rij.verwerkingsactiviteit == "ondersteuning-inwoner"
    assert rij.gemeente == utrecht.gemeente
    assert rij.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert rij.parent_span_id == "00f067aa0ba902b7"
    assert len(rij.span_id) == 16
    # pseudonymised: neither the uuid nor the name of the person is in the row
    waarden = " ".join(
        str(v) for v in Verwerking.objects.filter(pk=rij.pk).values().first().values()
    )
    assert utrecht.in_team.voornaam not in waarden and utrecht.in_team.achternaam not in waarden
    assert rij.betrokkene == audit.pseudoniem("persoon", str(utrecht.in_team.uuid))
    assert str(utrecht.in_team.uuid) not in rij.betrokkene


def test_elke_inzage_van_een_persoon_schrijft_een_logregel_pagina(client, utrecht):
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    voor = Verwerking.objects.filter(naam="persoon.lezen").count()
    assert client.get(f"/personen/{utrecht.in_team.uuid}").status_code == 200
    assert Verwerking.objects.filter(naam="persoon.lezen").count() == voor + 1


def test_geweigerde_inzage_wordt_ook_gelogd(api, utrecht, amsterdam):
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    r = api.get(f"/api/v1/personen/{amsterdam.in_team.uuid}")
    assert r.status_code == 404
    rij = Verwerking.objects.get(naam="persoon.lezen")
    assert rij.status == "geweigerd" and rij.gemeente == amsterdam.gemeente


def test_lijst_logt_een_regel_per_getoonde_persoon(api, utrecht):
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    api.get("/api/v1/personen")
    rijen = Verwerking.objects.filter(naam="persoon.lijst")
    assert rijen.count() == 2  # in_team and eigen
    assert len({r.trace_id for r in rijen}) == 1, "one request, one trace"


def test_wijziging_en_logregel_in_dezelfde_transactie(utrecht, monkeypatch):
    prof = utrecht.users[Rol.PROFESSIONAL]
    p = utrecht.in_team

    def kapot(**kwargs):
        raise RuntimeError("logboek onbereikbaar")

    monkeypatch.setattr(audit, "vastleggen", kapot)
    with pytest.raises(RuntimeError):
        personen.wijzigen(prof, p, {"telefoon": "06-12345678"})
    p.refresh_from_db()
    assert p.telefoon == "", "without a log row the change does not happen"


def test_logboek_is_alleen_toevoegen_in_de_applicatie(utrecht):
    rij = audit.vastleggen(handeling="test", activiteit="toezicht-logboek", actor=None)
    rij.naam = "anders"
    with pytest.raises(AlleenToevoegen):
        rij.save()
    with pytest.raises(AlleenToevoegen):
        rij.delete()
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.all().delete()
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.update(naam="x")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger: PostgreSQL only")
def test_logboek_is_alleen_toevoegen_in_de_database(utrecht):
    rij = audit.vastleggen(handeling="test", activiteit="toezicht-logboek", actor=None)
    from django.db import DatabaseError

    for sql in (
        "UPDATE audit_verwerking SET naam = 'x' WHERE id = %s",
        "DELETE FROM audit_verwerking WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="alleen-toevoegen"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL socialebasis.logboek_onderhoud = 'uit'")
                cursor.execute(sql, [rij.pk])
    assert Verwerking.objects.filter(pk=rij.pk, naam="test").exists()


def test_onbekende_verwerkingsactiviteit_wordt_geweigerd(utrecht):
    with pytest.raises(ValueError, match="Onbekende verwerkingsactiviteit"):
        audit.vastleggen(handeling="x", activiteit="bestaat-niet", actor=None)


def test_beheerder_doorzoekt_het_logboek_van_de_eigen_gemeente(client, utrecht, amsterdam):
    audit.vastleggen(
        handeling="persoon.lezen",
        activiteit="ondersteuning-inwoner",
        actor=utrecht.users[Rol.PROFESSIONAL],
        betrokkene=utrecht.in_team,
        gemeente=utrecht.gemeente,
        obj=utrecht.in_team,
    )
    audit.vastleggen(
        handeling="persoon.lezen",
        activiteit="ondersteuning-inwoner",
        actor=amsterdam.users[Rol.PROFESSIONAL],
        betrokkene=amsterdam.in_team,
        gemeente=amsterdam.gemeente,
        obj=amsterdam.in_team,
    )
    client.force_login(utrecht.users[Rol.BEHEERDER])
    r = client.get("/beheer/logboek", {"handeling": "persoon.lezen"})
    assert r.status_code == 200
    assert len(r.context["pagina"].object_list) == 1
    # searching is itself logged
    assert Verwerking.objects.filter(
        naam="logboek.zoeken", actor=utrecht.users[Rol.BEHEERDER]
    ).exists()


def test_inwoner_ziet_eigen_verwerkingsgeschiedenis(client, api, utrecht):
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    api.get(f"/api/v1/personen/{utrecht.eigen.uuid}")
    api.get(f"/api/v1/personen/{utrecht.in_team.uuid}")
    client.force_login(utrecht.users[Rol.INWONER])
    r = client.get("/mijn/verwerkingen")
    rijen = list(r.context["pagina"].object_list)
    assert [v.naam for v in rijen] == ["persoon.lezen"]
    assert rijen[0].actor_rol == "professional"
    assert "Ondersteuning van een inwoner" in r.content.decode()


def test_beheerder_filtert_op_betrokkene(client, utrecht):
    for p in (utrecht.in_team, utrecht.eigen):
        audit.vastleggen(
            handeling="persoon.lezen",
            activiteit="ondersteuning-inwoner",
            actor=utrecht.users[Rol.PROFESSIONAL],
            betrokkene=p,
            gemeente=utrecht.gemeente,
            obj=p,
        )
    client.force_login(utrecht.users[Rol.BEHEERDER])
    pseudoniem = audit.pseudoniem("persoon", str(utrecht.eigen.uuid))
    r = client.get("/beheer/logboek", {"betrokkene": pseudoniem})
    rijen = list(r.context["pagina"].object_list)
    assert len(rijen) == 1 and rijen[0].betrokkene == pseudoniem
    assert "Professional" in r.content.decode()  # the role's label, not its code


def test_bewaartermijn_verwijdert_alleen_oude_regels_en_logt_dat(utrecht):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    lang_geleden = timezone.now() - timedelta(days=800)
    oud = Verwerking(
        trace_id="0" * 32,
        span_id="1" * 16,
        naam="oud",
        verwerkingsactiviteit="toezicht-logboek",
        start_tijd=lang_geleden,
        eind_tijd=lang_geleden,
    )
    oud.save()
    nieuw = audit.vastleggen(handeling="nieuw", activiteit="toezicht-logboek", actor=None)
    call_command("logboek_opschonen", maanden=24)
    assert not Verwerking.objects.filter(pk=oud.pk).exists()
    assert Verwerking.objects.filter(pk=nieuw.pk).exists()
    assert Verwerking.objects.filter(naam="logboek.opschonen").count() == 1
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.filter(pk=nieuw.pk).delete()
