"""Demo data for Koppelen in Utrecht: volunteers, offers, a waiting list, matches, a concern.

Densities are plausible for one welfare organisation in a city (per 1,500 synthetic residents:
about 150 volunteers and 150 requests). Supply leans to company and transport, demand to odd
jobs (DOMAIN.md §3), so the gap table shows "veel vragen naar klussen, weinig aanbod".
Coordinates are the buurt's representative point plus a small deterministic jitter; no geocoding.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from socialebasis.accounts.models import Rol, User
from socialebasis.audit import services as audit
from socialebasis.koppelen import engine, services
from socialebasis.koppelen.models import (
    Aanbod,
    Dieet,
    Hulpvraag,
    HulpvraagStatus,
    Koppeling,
    KoppelingStatus,
    Soort,
    Statuswijziging,
    Vacature,
    Vrijwilliger,
    VrijwilligerStatus,
    Zorgsignaal,
)
from socialebasis.personen.models import Doel, Toestemming

AANBOD = {  # share of offers per kind of help
    Soort.GEZELSCHAP: 28,
    Soort.VERVOER: 20,
    Soort.MAALTIJDEN: 20,
    Soort.BOODSCHAPPEN: 12,
    Soort.WANDELEN: 8,
    Soort.TAALMAATJE: 5,
    Soort.ADMINISTRATIE: 4,
    Soort.OPVOEDSTEUN: 1,
    Soort.KLUSSEN: 2,
}
VRAAG = {
    Soort.KLUSSEN: 26,
    Soort.BOODSCHAPPEN: 15,
    Soort.GEZELSCHAP: 14,
    Soort.MAALTIJDEN: 15,
    Soort.VERVOER: 10,
    Soort.ADMINISTRATIE: 9,
    Soort.WANDELEN: 5,
    Soort.TAALMAATJE: 4,
    Soort.OPVOEDSTEUN: 2,
}
DIEETKEUZE = [Dieet.ZOUTARM, Dieet.DIABETES, Dieet.HALAL, Dieet.VEGETARISCH, Dieet.GLUTENVRIJ]


def _kies(rng, gewichten):
    return rng.choices(list(gewichten), weights=list(gewichten.values()))[0]


def _punt(rng, buurt):
    lat, lon = services.punt_van(buurt)
    if lat is None:
        return None, None
    return lat + rng.uniform(-0.003, 0.003), lon + rng.uniform(-0.005, 0.005)


def _dagen(rng, minimum=2):
    return sorted(rng.sample(range(7), rng.randint(minimum, 5)))


def laden(*, gemeente, personen, gebruikers, rng, fake, stdout=None):
    vandaag = timezone.localdate()
    coordinator = gebruikers[Rol.COORDINATOR]
    professional = gebruikers[Rol.PROFESSIONAL]
    welzijn = coordinator.organisatie
    pro_teams = set(professional.teams.values_list("pk", flat=True))
    met_buurt = [p for p in personen[1:] if p.buurt_id and p.buurt.punt_lat is not None]
    if len(met_buurt) < 40:
        return
    n_vrijwilligers = min(150, len(personen) // 10)
    n_vragen = min(150, len(personen) // 10)
    pool = met_buurt[:]
    rng.shuffle(pool)

    # The demo volunteer and the residents around them live in a buurt of the demo
    # professional's teams, so the professional sees the concern raised there.
    in_pro = [p for p in pool if p.team_id in pro_teams]
    eigen_v = in_pro[0]
    buren = [p for p in in_pro[1:] if p.buurt_id == eigen_v.buurt_id][:2] or in_pro[1:3]
    gebruikt = {eigen_v.pk, *(p.pk for p in buren)}
    vrijwilligers_p = [eigen_v] + [p for p in pool if p.pk not in gebruikt][: n_vrijwilligers - 1]
    gebruikt |= {p.pk for p in vrijwilligers_p}
    inwoners = [p for p in pool if p.pk not in gebruikt][:n_vragen]

    # ---- volunteers and their offers
    statussen = [VrijwilligerStatus.ACTIEF] * 86 + [VrijwilligerStatus.AANGEMELD] * 5
    statussen += [VrijwilligerStatus.INTAKE] * 4 + [VrijwilligerStatus.GEPAUZEERD] * 4
    statussen += [VrijwilligerStatus.GESTOPT]
    vrijwilligers = []
    for i, p in enumerate(vrijwilligers_p):
        lat, lon = _punt(rng, p.buurt)
        heeft_vog = rng.random() < 0.7
        vrijwilligers.append(
            Vrijwilliger(
                persoon=p,
                gemeente=gemeente,
                organisatie=welzijn,
                status=VrijwilligerStatus.ACTIEF if i == 0 else rng.choice(statussen),
                vog_datum=vandaag - datetime.timedelta(days=rng.randint(20, 4 * 365))
                if heeft_vog or i == 0
                else None,
                talen=["nl"]
                + (["en"] if rng.random() < 0.4 else [])
                + ([rng.choice(["tr", "ar", "ber", "pl"])] if rng.random() < 0.15 else []),
                huisdieren_geen_bezwaar=rng.random() < 0.85,
                lat=lat,
                lon=lon,
                aangemeld_op=vandaag - datetime.timedelta(days=rng.randint(0, 900)),
            )
        )
    vrijwilligers[0].vog_datum = vandaag - datetime.timedelta(days=200)
    Vrijwilliger.objects.bulk_create(vrijwilligers)
    vrijwilligers = list(
        Vrijwilliger.objects.filter(gemeente=gemeente, persoon__in=vrijwilligers_p)
        .select_related("persoon")
        .order_by("pk")
    )
    eigen = next(v for v in vrijwilligers if v.persoon_id == eigen_v.pk)
    eigen.account = gebruikers[Rol.VRIJWILLIGER]
    eigen.persoon.voornaam, eigen.persoon.achternaam = "Vera", "Vrijwilliger"
    eigen.persoon.email = gebruikers[Rol.VRIJWILLIGER].email
    eigen.persoon.save()
    eigen.save()
    aanbod = []
    for v in vrijwilligers:
        soorten = {Soort.MAALTIJDEN} if v is eigen else {_kies(rng, AANBOD)}
        if v is not eigen and rng.random() < 0.25:
            soorten.add(_kies(rng, AANBOD))
        for soort in soorten:
            aanbod.append(
                Aanbod(
                    vrijwilliger=v,
                    soort=soort,
                    capaciteit=3 if v is eigen else rng.choice([1, 1, 1, 2, 2, 3]),
                    dagen=list(range(5)) if v is eigen else _dagen(rng),
                    tijden=rng.choice(["ochtend", "middag", "avond", "overdag", ""]),
                    straal_m=3000 if v is eigen else rng.choice([1000, 1500, 2000, 3000, 5000]),
                    kan_bezorgen=soort == Soort.MAALTIJDEN and rng.random() < 0.6,
                    dieten=(
                        [Dieet.ZOUTARM, Dieet.DIABETES, Dieet.VEGETARISCH]
                        if v is eigen
                        else rng.sample(DIEETKEUZE, rng.randint(0, 3))
                    )
                    if soort == Soort.MAALTIJDEN
                    else [],
                    talen=[],
                    actief=v.status == VrijwilligerStatus.ACTIEF,
                )
            )
    Aanbod.objects.bulk_create(aanbod)
    Statuswijziging.objects.bulk_create(
        [Statuswijziging(vrijwilliger=v, naar=v.status, toelichting="demo") for v in vrijwilligers]
    )

    # ---- requests: every resident used gets consent 'koppelen' (so the coördinator sees them)
    heeft = set(
        Toestemming.objects.filter(
            persoon__in=[*inwoners, *buren, personen[0]],
            doel=Doel.KOPPELEN,
            ingetrokken_op__isnull=True,
        ).values_list("persoon_id", flat=True)
    )
    Toestemming.objects.bulk_create(
        [
            Toestemming(persoon=p, doel=Doel.KOPPELEN, vastgelegd_door=professional)
            for p in [*inwoners, *buren, personen[0]]
            if p.pk not in heeft
        ]
    )
    vragen = []
    for p in inwoners:
        soort = _kies(rng, VRAAG)
        lat, lon = _punt(rng, p.buurt)
        vragen.append(
            Hulpvraag(
                persoon=p,
                gemeente=gemeente,
                organisatie=welzijn,
                soort=soort,
                dagen=_dagen(rng, 1),
                dieten=rng.sample(DIEETKEUZE[:2], rng.randint(0, 1))
                if soort == Soort.MAALTIJDEN
                else [],
                talen=["tr"] if rng.random() < 0.05 else [],
                huisdieren=rng.random() < 0.2,
                urgentie=rng.choices([0, 1, 2], weights=[80, 15, 5])[0],
                wacht_sinds=vandaag - datetime.timedelta(days=rng.randint(0, 120)),
                kwetsbaar=rng.random() < 0.2,
                ingevoerd_door=rng.choice([professional, coordinator]),
                ingevoerd_rol="professional",
                lat=lat,
                lon=lon,
            )
        )
    Hulpvraag.objects.bulk_create(vragen)

    # ---- about a fifth of the requests already have a match: chosen by the engine itself
    qs_hv = Hulpvraag.objects.filter(gemeente=gemeente)
    qs_a = Aanbod.objects.filter(vrijwilliger__gemeente=gemeente).exclude(vrijwilliger=eigen)
    inv = services.invoer_uit(qs_hv, qs_a)
    result = engine.solve(inv.requests, inv.offers, services.beleid())
    verloop = [KoppelingStatus.ACTIEF] * 6 + [KoppelingStatus.GEEVALUEERD] * 2
    verloop += [KoppelingStatus.KENNISMAKING, KoppelingStatus.VOORGESTELD]
    koppelingen = []
    for m in result.matches[: max(1, len(inv.requests) // 5)]:
        hv = inv.hulpvragen[m.request_id]
        koppelingen.append(_koppeling(rng, hv, inv.aanbod[m.offer_id], m, rng.choice(verloop)))

    # ---- the demo volunteer: one active match and one new proposal, near home
    eigen_aanbod = eigen.aanbod.get()
    eigen_vragen = []
    for p, status in zip(
        buren, [KoppelingStatus.ACTIEF, KoppelingStatus.VOORGESTELD], strict=False
    ):
        lat, lon = _punt(rng, p.buurt)
        eigen_vragen.append(
            (
                Hulpvraag.objects.create(
                    persoon=p,
                    gemeente=gemeente,
                    organisatie=welzijn,
                    soort=Soort.MAALTIJDEN,
                    dagen=[1, 3],
                    dieten=[Dieet.ZOUTARM],
                    wacht_sinds=vandaag - datetime.timedelta(days=30),
                    ingevoerd_door=professional,
                    ingevoerd_rol="professional",
                    lat=lat,
                    lon=lon,
                ),
                status,
            )
        )
    for hv, status in eigen_vragen:
        try:
            m = services.controleer(hv, eigen_aanbod)
        except ValidationError:
            continue  # a small demo may have no neighbour within the volunteer's radius
        koppelingen.append(_koppeling(rng, hv, eigen_aanbod, m, status))

    # ---- the demo resident: a request with a planned introduction
    fatima = personen[0]
    lat, lon = _punt(rng, fatima.buurt)
    hv_f = Hulpvraag.objects.create(
        persoon=fatima,
        gemeente=gemeente,
        organisatie=welzijn,
        soort=Soort.BOODSCHAPPEN,
        dagen=[0, 2, 4],
        wacht_sinds=vandaag - datetime.timedelta(days=12),
        ingevoerd_door=professional,
        ingevoerd_rol="professional",
        lat=lat,
        lon=lon,
    )
    boodschappen = [
        a
        for a in Aanbod.objects.filter(
            soort=Soort.BOODSCHAPPEN, actief=True, vrijwilliger__gemeente=gemeente
        ).select_related("vrijwilliger")
        if a.vrijwilliger.lat is not None
    ]
    if boodschappen and lat is not None:
        dichtst = min(
            boodschappen,
            key=lambda a: engine.haversine_m(lat, lon, a.vrijwilliger.lat, a.vrijwilliger.lon),
        )
        afstand = engine.haversine_m(lat, lon, dichtst.vrijwilliger.lat, dichtst.vrijwilliger.lon)
        m = engine.Match(hv_f.pk, dichtst.pk, round(afstand), ("Met de hand gekoppeld (demo)",))
        koppelingen.append(_koppeling(rng, hv_f, dichtst, m, KoppelingStatus.KENNISMAKING))

    # ---- a concern from the demo volunteer about their active match
    actief = next(
        (k for k in koppelingen if k.aanbod_id == eigen_aanbod.pk and k.status == "actief"), None
    )
    if actief is not None:
        p = actief.hulpvraag.persoon
        Zorgsignaal.objects.create(
            koppeling=actief,
            persoon=p,
            gemeente=gemeente,
            gemeld_door=gebruikers[Rol.VRIJWILLIGER],
            team=p.team
            if p.team_id and User.objects.filter(teams=p.team_id, rol=Rol.PROFESSIONAL).exists()
            else None,
            organisatie=welzijn,
            omschrijving="Mevrouw at de laatste twee keer bijna niets en leek verward.",
        )

    # ---- open vacancies
    for titel, soort, tekst in [
        (
            "Klussers gezocht",
            Soort.KLUSSEN,
            "Help een buurtgenoot met een lamp, een kastje of "
            "een lekkende kraan. Gereedschap is er.",
        ),
        (
            "Thuiskoks gezocht",
            Soort.MAALTIJDEN,
            "Kook één of twee keer per week een extra portie voor iemand bij u in de straat.",
        ),
        (
            "Maatje voor een wandeling",
            Soort.WANDELEN,
            "Wandel een uur per week met een buurtgenoot die niet meer alleen naar buiten gaat.",
        ),
        (
            "Hulp bij post en formulieren",
            Soort.ADMINISTRATIE,
            "Help iemand de post te ordenen en formulieren in te vullen.",
        ),
    ]:
        Vacature.objects.create(
            organisatie=welzijn, gemeente=gemeente, titel=titel, soort=soort, omschrijving=tekst
        )
    audit.vastleggen_lijst(
        handeling="hulpvraag.aanmaken",
        activiteit=services.ACTIVITEIT,
        actor=None,
        objecten=[*inwoners, *buren, fatima],
        gemeente=gemeente.pk,
    )
    if stdout:
        wachtend = Hulpvraag.objects.filter(gemeente=gemeente, status=HulpvraagStatus.WACHTEND)
        stdout.write(
            f"Koppelen: {len(vrijwilligers)} vrijwilligers, {len(aanbod)} aanbiedingen, "
            f"{wachtend.count()} wachtende hulpvragen, {len(koppelingen)} koppelingen."
        )


def _koppeling(rng, hv, aanbod, match, status) -> Koppeling:
    nu = timezone.now()
    vandaag = timezone.localdate()
    k = Koppeling(
        hulpvraag=hv,
        aanbod=aanbod,
        status=status,
        afstand_m=match.distance_m,
        uitleg=list(match.explanation),
        onvervulde_wensen=list(match.unmet_wishes),
        voorgesteld_op=nu - datetime.timedelta(days=rng.randint(50, 120))
        if status != KoppelingStatus.VOORGESTELD
        else nu - datetime.timedelta(days=1),
    )
    if status != KoppelingStatus.VOORGESTELD:
        k.geaccepteerd_op = k.voorgesteld_op + datetime.timedelta(days=2)
    if status == KoppelingStatus.KENNISMAKING:
        k.kennismaking_op = nu + datetime.timedelta(days=rng.randint(2, 9))
    if status in (KoppelingStatus.ACTIEF, KoppelingStatus.GEEVALUEERD):
        k.kennismaking_op = k.voorgesteld_op + datetime.timedelta(days=7)
        k.gestart_op = vandaag - datetime.timedelta(days=rng.randint(10, 90))
        k.evaluatie_voor = Koppeling.evaluatiedatum(k.gestart_op)
    if status == KoppelingStatus.GEEVALUEERD:
        k.geevalueerd_op = k.evaluatie_voor
        k.evaluatie = "Beiden tevreden; we gaan zo door."
    k.save()
    Statuswijziging.objects.create(koppeling=k, naar=status, toelichting="demo")
    hv.status = HulpvraagStatus.GEKOPPELD
    hv.save(update_fields=["status"])
    return k
