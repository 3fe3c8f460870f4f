"""Public pages of the sociale kaart: search (list + map), detail and a printable version.

No login needed. Only published entries are shown (core.toegang: DienstRegel); staff also see
their own concepts on the detail page. A confidential location shows only its wijk.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from socialebasis.core.toegang import zichtbaar
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import kaartsvg, services
from socialebasis.kaart.forms import ZoekForm
from socialebasis.kaart.models import Dienst, DienstOpLocatie, Rooster

PER_PAGINA = 20


def _met_details(qs):
    return qs.select_related("organisatie").prefetch_related(
        "termen",
        Prefetch("roosters", queryset=Rooster.objects.prefetch_related("uitzonderingen")),
        Prefetch(
            "op_locaties",
            queryset=DienstOpLocatie.objects.select_related(
                "locatie__wijk", "locatie__buurt"
            ).prefetch_related("locatie__adressen"),
        ),
    )


def _vraag(form) -> services.Zoekvraag:
    d = form.cleaned_data
    return services.Zoekvraag(
        tekst=d.get("q") or "",
        termen=[d["categorie"].id] if d.get("categorie") else [],
        doelgroep=d.get("doelgroep") or "",
        gebied=form.gebieden.get(d.get("gebied") or ""),
        kosten=d.get("kosten") or "",
        weekdag=d.get("dag"),
        toegankelijkheid=d.get("toegankelijk") or "",
        vanaf=form.postcodeplaats or form.gebieden.get(d.get("dichtbij") or ""),
    )


def _kaartgemeente(vraag, diensten):
    gebied = vraag.gebied or vraag.vanaf
    if gebied is not None:
        return Gebied.objects.filter(pk=gebied.gemeente_id).first()
    gemeente_id = (
        Dienst.objects.filter(publicatie="gepubliceerd", gemeente__isnull=False)
        .values("gemeente_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("gemeente_id", flat=True)
        .first()
    )
    return Gebied.objects.filter(pk=gemeente_id).first() if gemeente_id else None


def zoeken(request):
    form = ZoekForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # a wrong field (postcode) shows its error; the other filters apply
        vraag = _vraag(form)
    else:
        vraag = services.Zoekvraag()
    qs = services.zoeken(vraag, basis=zichtbaar(request.user, Dienst))
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    diensten = list(_met_details(Dienst.objects.filter(pk__in=[d.pk for d in pagina])))
    volgorde = {d.pk: i for i, d in enumerate(pagina)}
    afstanden = {d.pk: services.afstand_km(d) for d in pagina}
    diensten.sort(key=lambda d: volgorde[d.pk])
    now = timezone.now()
    for d in diensten:
        d.volgende = d.volgende_keer(now)
        d.afstand = afstanden[d.pk]
    gemeente = _kaartgemeente(vraag, diensten)
    kaart = ""
    if gemeente is not None:
        wijken = Gebied.objects.wijken().filter(gemeente=gemeente)
        kaart = kaartsvg.met_punten(gemeente, wijken, diensten)
    context = {
        "form": form,
        "pagina": pagina,
        "diensten": diensten,
        "kaart": kaart,
        "thesaurus": services.thesaurus_termen(vraag.tekst) if vraag.tekst else set(),
        "vraag": vraag,
    }
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        # oob: the error summary and the postcode field are renewed too (message at the field)
        return render(request, "kaart/_resultaten.html", {**context, "oob": True})
    return render(request, "kaart/zoeken.html", context)


def _dienst(request, pk):
    qs = _met_details(zichtbaar(request.user, Dienst)).prefetch_related("telefoons", "contacten")
    dienst = qs.filter(pk=pk).first()
    if dienst is None:
        raise Http404
    dienst.volgende = dienst.volgende_keer()
    vandaag = timezone.localdate()
    dienst.komende_uitzonderingen = [
        u for r in dienst.roosters.all() for u in r.uitzonderingen.all() if u.datum >= vandaag
    ]
    return dienst


def dienst(request, pk):
    d = _dienst(request, pk)
    return render(request, "kaart/dienst.html", {"dienst": d})


def afdrukken(request, pk):
    d = _dienst(request, pk)
    return render(request, "kaart/afdrukken.html", {"dienst": d})
