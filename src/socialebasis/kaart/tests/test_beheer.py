"""Upkeep: aanbieder edits own entries, a redacteur approves; history, audit and reminders."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.kaart.models import Dienst, Publicatie
from socialebasis.kaart.tests.factories import term

pytestmark = pytest.mark.django_db


def nieuw_via_formulier(client, **extra):
    data = {
        "naam": "Breiclub",
        "beschrijving": "Samen breien.",
        "termen": [term("ontmoeting").id],
        "weekdag": "2",
        "begintijd": "10:00",
        "eindtijd": "12:00",
        **extra,
    }
    return client.post(reverse("kaart:nieuw"), data)


def test_aanbieder_maakt_concept_en_redacteur_publiceert(client, kaart_utrecht, utrecht):
    client.force_login(utrecht.users[Rol.AANBIEDER])
    r = nieuw_via_formulier(client, locatie=str(kaart_utrecht.huis.id))
    assert r.status_code == 302
    d = Dienst.objects.get(naam="Breiclub")
    assert d.publicatie == Publicatie.CONCEPT and d.organisatie == kaart_utrecht.org
    assert d.roosters.get().weekdag == 2 and d.punt_lat is not None
    assert (
        client.get(reverse("kaart:zoeken"), {"q": "breien"}).content.decode().count("Breiclub") == 0
    )
    assert Verwerking.objects.filter(
        naam="kaart.dienst.aanmaken", verwerkingsactiviteit="sociale-kaart-beheer"
    ).exists()
    # the aanbieder may not publish
    assert client.post(reverse("kaart:publiceren", args=[d.id])).status_code == 403

    client.force_login(utrecht.users[Rol.COORDINATOR])
    assert "Breiclub" in client.get(reverse("kaart:beoordelen")).content.decode()
    client.post(reverse("kaart:publiceren", args=[d.id]))
    d.refresh_from_db()
    assert d.publicatie == Publicatie.GEPUBLICEERD
    client.logout()
    assert "Breiclub" in client.get(reverse("kaart:zoeken"), {"q": "breien"}).content.decode()


def test_wijzigen_houdt_geschiedenis_bij(client, kaart_utrecht, utrecht):
    client.force_login(utrecht.users[Rol.AANBIEDER])
    url = reverse("kaart:bewerken", args=[kaart_utrecht.kookclub.id])
    r = client.post(
        url,
        {
            "naam": "Kookclub Samen Smullen",
            "beschrijving": "Samen koken.",
            "termen": [term("eten").id],
        },
    )
    assert r.status_code == 302
    w = kaart_utrecht.kookclub.wijzigingen.get(veld="naam")
    assert (w.oud, w.nieuw, w.door) == (
        "Kookclub Samen Eten",
        "Kookclub Samen Smullen",
        utrecht.users[Rol.AANBIEDER],
    )
    assert "Kookclub Samen Smullen" in client.get(url).content.decode()


def test_andere_organisatie_of_gemeente_ziet_niets(client, kaart_utrecht, amsterdam, utrecht):
    for rol in (Rol.AANBIEDER, Rol.COORDINATOR):
        client.force_login(amsterdam.users[rol])
        assert (
            client.get(reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id])).status_code == 404
        )
        assert "Koffie-inloop" not in client.get(reverse("kaart:beheer")).content.decode()
    client.force_login(amsterdam.users[Rol.COORDINATOR])
    r = client.post(reverse("kaart:publiceren", args=[kaart_utrecht.concept.id]))
    assert r.status_code == 404
    for rol in (Rol.INWONER, Rol.PROFESSIONAL, Rol.VRIJWILLIGER):
        client.force_login(utrecht.users[rol])
        assert client.get(reverse("kaart:beheer")).status_code == 403
    client.logout()
    assert client.get(reverse("kaart:beheer")).status_code == 302  # to login


def test_klopt_nog_en_herinneringen(client, kaart_utrecht, utrecht):
    oud = dt.date.today() - dt.timedelta(days=400)
    Dienst.objects.filter(pk=kaart_utrecht.kookclub.pk).update(laatst_gecontroleerd=oud)
    client.force_login(utrecht.users[Rol.AANBIEDER])
    assert (
        "meer dan een jaar niet gecontroleerd"
        in client.get(reverse("kaart:beheer")).content.decode()
    )

    call_command("kaart_herinneringen")  # the test backend runs the task immediately
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [utrecht.users[Rol.AANBIEDER].email]
    assert "Kookclub Samen Eten" in mail.outbox[0].body
    call_command("kaart_herinneringen")
    assert len(mail.outbox) == 1  # not again within 30 days

    client.post(reverse("kaart:controleren", args=[kaart_utrecht.kookclub.id]))
    kaart_utrecht.kookclub.refresh_from_db()
    assert kaart_utrecht.kookclub.laatst_gecontroleerd == dt.date.today()
    assert not kaart_utrecht.kookclub.verouderd
