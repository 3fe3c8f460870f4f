"""Demo data for toeleiding: some Utrecht demo residents use services of the demo sociale kaart.

Called by the demo loader (inside its transaction) after the kaart and netwerk demos, so the
services and the residents' networks exist. The residents with a network get one to three
services near home (their own wijk first); the demo inwoner uses one and was referred to
another, so her netwerkkaart shows all three layers. Confidential services (vertrouwelijke
locaties) are never used in the demo.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.kaart.models import Dienst
from socialebasis.toeleiding.models import GebruikStatus, Voorzieninggebruik

NOTITIES = ["gaat op dinsdag", "samen met de buurvrouw", "eerste keer met de sociaal werker", ""]


def laden(*, gemeente, personen, gebruikers, stdout=None, **_) -> dict:
    rng = random.Random(344)  # own generator: the other demos stay the same
    pro = gebruikers[Rol.PROFESSIONAL]
    inwoner = gebruikers[Rol.INWONER]
    diensten = list(
        Dienst.objects.filter(gemeente=gemeente, publicatie="gepubliceerd", status="active")
        .exclude(locaties__vertrouwelijk=True)
        .order_by("naam", "id")
        .distinct()
    )
    if not diensten:
        return {"voorzieningen": 0}
    per_wijk: dict = {}
    for d in diensten:
        per_wijk.setdefault(d.wijk_id, []).append(d)
    from socialebasis.netwerk.models import Netwerklid

    eigen = next((p.pk for p in personen if p.account_id == inwoner.pk), None)
    met_netwerk = sorted(
        set(
            Netwerklid.objects.filter(persoon__gemeente=gemeente).values_list(
                "persoon_id", flat=True
            )
        ),
        key=lambda pk: (pk != eigen, pk),
    )
    lookup = {p.pk: p for p in personen}
    vandaag = timezone.localdate()
    rijen = []
    for pk in met_netwerk:
        p = lookup.get(pk)
        if p is None:
            continue
        is_eigen = p.account_id == inwoner.pk
        dichtbij = per_wijk.get(p.buurt.ouder_id if p.buurt_id else None, []) or diensten
        aantal = 2 if is_eigen else rng.randint(0, 3)
        gekozen = rng.sample(dichtbij, min(aantal, len(dichtbij)))
        for i, d in enumerate(gekozen):
            sinds = vandaag - datetime.timedelta(days=rng.randint(10, 300))
            status = GebruikStatus.VERWEZEN if i == 1 else GebruikStatus.IN_GEBRUIK
            if not is_eigen and rng.random() < 0.2:
                status = GebruikStatus.GESTOPT
            rijen.append(
                Voorzieninggebruik(
                    persoon=p,
                    dienst=d,
                    gemeente=gemeente,
                    status=status,
                    sinds=sinds,
                    tot=vandaag - datetime.timedelta(days=5)
                    if status == GebruikStatus.GESTOPT
                    else None,
                    notitie=rng.choice(NOTITIES),
                    vastgelegd_door=inwoner if is_eigen and i == 0 else pro,
                )
            )
    Voorzieninggebruik.objects.bulk_create(rijen)
    if stdout is not None:
        stdout.write(f"Toeleiding: {len(rijen)} voorzieningen in gebruik bij inwoners.\n")
    return {"voorzieningen": len(rijen)}
