"""Thin views for Koppelen: coördinator, volunteer, resident and the public sign-up page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import zichtbaar
from socialebasis.koppelen import forms as f
from socialebasis.koppelen import services
from socialebasis.koppelen.models import (
    LOPEND,
    Aanbod,
    Hulpvraag,
    Koppeling,
    KoppelingStatus,
    Soort,
    Vacature,
    Vrijwilliger,
    VrijwilligerStatus,
    Zorgsignaal,
    ZorgsignaalStatus,
)
from socialebasis.personen import services as personen
from socialebasis.personen.models import Persoon
from socialebasis.web.views import rol_vereist


def _fout(request, e: ValidationError) -> None:
    for melding in e.messages:
        messages.error(request, melding)


def _of_404(qs, **kwargs):
    obj = qs.filter(**kwargs).first()
    if obj is None:
        raise Http404
    return obj


# --------------------------------------------------------------------------- coördinator


@rol_vereist(Rol.COORDINATOR)
def overzicht(request):
    qs = services.wachtlijst(request.user)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    services.gelezen_lijst(request.user, pagina.object_list, "hulpvraag.lijst")
    lopend = (
        zichtbaar(request.user, Koppeling)
        .filter(status__in=LOPEND)
        .select_related("hulpvraag")
        .order_by("evaluatie_voor")
    )
    return render(
        request,
        "koppelen/overzicht.html",
        {
            "pagina": pagina,
            "tekort": services.tekort(request.user),
            "aantal_lopend": lopend.count(),
            "evaluatie_te_laat": [k for k in lopend if k.evaluatie_te_laat],
            "soorten": Soort.choices,
        },
    )


@rol_vereist(Rol.COORDINATOR, Rol.PROFESSIONAL)
def hulpvraag_nieuw(request):
    """Enter a request. With ?persoon=<uuid> (from the person's page) only that resident is
    offered; otherwise the residents the user may see. Either way the read is logged."""
    lijst = personen.lijst(request.user).order_by("voornaam", "achternaam")
    gekozen = request.GET.get("persoon")
    if request.method == "POST":
        try:
            kandidaten = list(lijst.filter(uuid=request.POST.get("persoon")))
        except ValidationError:
            kandidaten = []
    elif gekozen:
        try:
            kandidaten = [personen.lezen(request.user, gekozen)]
        except (Persoon.DoesNotExist, PermissionDenied, ValidationError, ValueError):
            raise Http404 from None
    else:
        kandidaten = list(lijst[:500])
        personen.gelezen_lijst(request.user, kandidaten)
    form = f.HulpvraagFormulier(
        request.POST or None, personen=kandidaten, initial={"persoon": gekozen}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        persoon = _of_404(lijst, uuid=data.pop("persoon"))
        toestemming = data.pop("toestemming_koppelen")
        try:
            hv = services.hulpvraag_aanmaken(
                request.user, persoon, data, toestemming_koppelen=toestemming
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("De hulpvraag staat op de wachtlijst."))
            return redirect("koppelen:hulpvraag", hulpvraag_id=hv.uuid)
    return render(request, "koppelen/hulpvraag_nieuw.html", {"form": form})


@rol_vereist(Rol.COORDINATOR, Rol.PROFESSIONAL)
def hulpvraag(request, hulpvraag_id):
    try:
        hv = services.hulpvraag_lezen(request.user, hulpvraag_id)
    except Hulpvraag.DoesNotExist:
        raise Http404 from None
    if request.method == "POST" and "sluiten" in request.POST:
        try:
            services.hulpvraag_sluiten(request.user, hv)
        except (ValidationError, PermissionDenied) as e:
            messages.error(request, getattr(e, "messages", [_("Dit kan niet.")])[0])
        else:
            messages.success(request, _("De hulpvraag is gesloten."))
        return redirect("koppelen:hulpvraag", hulpvraag_id=hv.uuid)
    beoordeling = None
    if request.user.rol == Rol.COORDINATOR and hv.status != "gesloten":
        bezig = request.method == "POST" and "beoordelen" in request.POST
        beoordeling = f.BeoordelingFormulier(
            request.POST if bezig else None,
            initial={"urgentie": hv.urgentie, "kwetsbaar": hv.kwetsbaar},
        )
        if bezig and beoordeling.is_valid():
            try:
                services.hulpvraag_beoordelen(request.user, hv, **beoordeling.cleaned_data)
            except ValidationError as e:
                beoordeling.add_error(None, e)
            else:
                messages.success(request, _("Urgentie en VOG-eis zijn opgeslagen."))
                return redirect("koppelen:hulpvraag", hulpvraag_id=hv.uuid)
    form = None
    if request.user.rol == Rol.COORDINATOR and hv.status == "wachtend":
        aanbod = (
            zichtbaar(request.user, Aanbod)
            .filter(soort=hv.soort, actief=True, vrijwilliger__status=VrijwilligerStatus.ACTIEF)
            .select_related("vrijwilliger__persoon")
        )
        handmatig = request.method == "POST" and "aanbod" in request.POST
        form = f.HandmatigFormulier(request.POST if handmatig else None, aanbod=aanbod)
        if handmatig and form.is_valid():
            a = _of_404(aanbod, uuid=form.cleaned_data["aanbod"])
            try:
                k = services.voorstellen(request.user, hv, a, handmatig=True)
            except ValidationError as e:
                form.add_error("aanbod", e)
            else:
                messages.success(request, _("Het voorstel is naar de vrijwilliger gestuurd."))
                return redirect("koppelen:koppeling", koppeling_id=k.uuid)
    return render(
        request,
        "koppelen/hulpvraag.html",
        {
            "hv": hv,
            "form": form,
            "beoordeling": beoordeling,
            "koppelingen": zichtbaar(request.user, Koppeling)
            .filter(hulpvraag=hv)
            .select_related("aanbod__vrijwilliger__persoon"),
        },
    )


@rol_vereist(Rol.COORDINATOR)
def ronde(request):
    soort = request.GET.get("soort") or request.POST.get("soort") or None
    if soort not in Soort.values:
        soort = None
    if request.method == "POST":
        sleutels = request.POST.getlist("voorstel")
        if "wissen" in request.POST:
            n = services.afwijzingen_wissen(request.user, soort)
            messages.success(
                request,
                _("%(n)s afgewezen voorstel(len) vergeten: ze kunnen weer voorgesteld worden.")
                % {"n": n},
            )
        elif "afwijzen" in request.POST:
            reden = f.RondeAfwijzenFormulier(request.POST)
            reden = reden.cleaned_data["reden"] if reden.is_valid() else ""
            voorstellen, _niet = services.ronde(request.user, soort)
            for v in voorstellen:
                if v.sleutel in set(sleutels):
                    services.voorstel_afwijzen(request.user, v.hulpvraag, v.aanbod, reden)
            messages.success(
                request,
                _(
                    "Het voorstel is afgewezen; de vraag blijft wachten. Een volgende ronde "
                    "stelt dit paar niet opnieuw voor."
                ),
            )
        else:
            voorstellen, _niet = services.ronde(request.user, soort)
            gekozen = {v.sleutel: v for v in voorstellen if v.sleutel in set(sleutels)}
            gelukt = 0
            for v in gekozen.values():
                try:
                    services.voorstellen(request.user, v.hulpvraag, v.aanbod)
                    gelukt += 1
                except ValidationError as e:
                    _fout(request, e)
            if gelukt:
                messages.success(
                    request,
                    _("%(n)s voorstel(len) naar de vrijwilligers gestuurd.") % {"n": gelukt},
                )
        url = redirect("koppelen:ronde").url + (f"?soort={soort}" if soort else "")
        return redirect(url)
    voorstellen, niet = services.ronde(request.user, soort)
    services.gelezen_lijst(
        request.user, [v.hulpvraag for v in voorstellen] + [h for h, _r in niet], "ronde.bekijken"
    )
    afgewezen = services.afgewezen(request.user)
    if soort:
        afgewezen = afgewezen.filter(hulpvraag__soort=soort)
    return render(
        request,
        "koppelen/ronde.html",
        {
            "voorstellen": voorstellen,
            "niet": niet,
            "soort": soort,
            "soorten": Soort.choices,
            "aantal_afgewezen": afgewezen.count(),
        },
    )


@rol_vereist(Rol.COORDINATOR)
def koppelingen(request):
    qs = (
        zichtbaar(request.user, Koppeling)
        .filter(status__in=LOPEND)
        .select_related("hulpvraag__persoon", "aanbod__vrijwilliger__persoon")
        .order_by("status", "evaluatie_voor", "id")
    )
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    services.gelezen_lijst(
        request.user, [k.hulpvraag for k in pagina.object_list], "koppeling.lijst"
    )
    return render(request, "koppelen/koppelingen.html", {"pagina": pagina})


def _koppeling_van(request, koppeling_id):
    k = _of_404(
        zichtbaar(request.user, Koppeling).select_related(
            "hulpvraag__persoon__buurt", "aanbod__vrijwilliger__persoon"
        ),
        uuid=koppeling_id,
    )
    return k


@rol_vereist(Rol.COORDINATOR)
def koppeling(request, koppeling_id):
    k = _koppeling_van(request, koppeling_id)
    services.gelezen_lijst(request.user, [k.hulpvraag], "koppeling.lezen")
    return render(request, "koppelen/koppeling.html", _koppeling_context(k))


def _koppeling_context(k, **formulieren):
    return {
        "k": k,
        "kennismaking_form": formulieren.get("kennismaking") or f.KennismakingFormulier(),
        "start_form": formulieren.get("activeren") or f.StartFormulier(),
        "evaluatie_form": formulieren.get("evalueren") or f.EvaluatieFormulier(),
        "contact_form": formulieren.get("contact") or f.ContactFormulier(),
        "einde_form": formulieren.get("beeindigen") or f.EindeFormulier(),
        "afwijzen_form": formulieren.get("afwijzen") or f.AfwijzenFormulier(),
        "historie": k.historie.select_related("door"),
        "contacten": k.contacten.all(),
        "signalen_aantal": k.signalen.count(),
    }


ACTIES = {
    "accepteren": (None, lambda u, k, d: services.accepteren(u, k)),
    "afwijzen": (f.AfwijzenFormulier, lambda u, k, d: services.afwijzen(u, k, d["reden"])),
    "kennismaking": (
        f.KennismakingFormulier,
        lambda u, k, d: services.kennismaking_plannen(u, k, d["kennismaking_op"]),
    ),
    "activeren": (f.StartFormulier, lambda u, k, d: services.activeren(u, k, d["gestart_op"])),
    "evalueren": (f.EvaluatieFormulier, lambda u, k, d: services.evalueren(u, k, d["evaluatie"])),
    "contact": (
        f.ContactFormulier,
        lambda u, k, d: services.contact_vastleggen(u, k, d["notitie"]),
    ),
    "beeindigen": (
        f.EindeFormulier,
        lambda u, k, d: services.beeindigen(u, k, d["eind_reden"], d["eind_toelichting"]),
    ),
}
KLAAR = {
    "accepteren": _("Vastgelegd: de vrijwilliger heeft ja gezegd."),
    "afwijzen": _("Het voorstel is afgewezen. De vraag staat weer op de wachtlijst."),
    "kennismaking": _("De kennismaking is gepland. De inwoner krijgt bericht."),
    "activeren": _("De koppeling is actief."),
    "evalueren": _("De evaluatie is vastgelegd."),
    "contact": _("Het contactmoment is vastgelegd."),
    "beeindigen": _("De koppeling is beëindigd."),
}


@rol_vereist(Rol.COORDINATOR)
@require_POST
def koppeling_actie(request, koppeling_id, actie):
    if actie not in ACTIES:
        raise Http404
    k = _koppeling_van(request, koppeling_id)
    formulier_klasse, uitvoeren = ACTIES[actie]
    form = formulier_klasse(request.POST) if formulier_klasse else None
    if form is None or form.is_valid():
        try:
            uitvoeren(request.user, k, form.cleaned_data if form else {})
        except ValidationError as e:
            _fout(request, e)  # shown at the top of the page, whichever step is visible
        else:
            messages.success(request, KLAAR[actie])
            return redirect("koppelen:koppeling", koppeling_id=k.uuid)
    k.refresh_from_db()
    return render(
        request, "koppelen/koppeling.html", _koppeling_context(k, **{actie: form}), status=400
    )


@rol_vereist(Rol.COORDINATOR)
def vrijwilligers(request):
    qs = (
        zichtbaar(request.user, Vrijwilliger)
        .select_related("persoon__buurt")
        .prefetch_related("aanbod")
        .order_by("status", "persoon__voornaam")
    )
    status = request.GET.get("status")
    if status in VrijwilligerStatus.values:
        qs = qs.filter(status=status)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    services.gelezen_lijst(request.user, pagina.object_list, "vrijwilliger.lijst")
    return render(
        request,
        "koppelen/vrijwilligers.html",
        {"pagina": pagina, "status": status, "statussen": VrijwilligerStatus.choices},
    )


@rol_vereist(Rol.COORDINATOR)
def vrijwilliger_detail(request, vrijwilliger_id):
    v = _of_404(
        zichtbaar(request.user, Vrijwilliger).select_related("persoon__buurt"), uuid=vrijwilliger_id
    )
    status_form = f.VrijwilligerStatusFormulier(request.POST if "naar" in request.POST else None)
    vog_form = f.VogFormulier(request.POST if "vog_datum" in request.POST else None)
    profiel_form = f.ProfielFormulier(
        request.POST if "profiel" in request.POST else None,
        initial={"talen": v.talen, "huisdieren_geen_bezwaar": v.huisdieren_geen_bezwaar},
        gemeente_id=v.gemeente_id,
    )
    if request.method == "POST":
        try:
            if profiel_form.is_bound and profiel_form.is_valid():
                services.profiel_vastleggen(request.user, v, **profiel_form.cleaned_data)
                messages.success(request, _("Het profiel is opgeslagen."))
                return redirect("koppelen:vrijwilliger_detail", vrijwilliger_id=v.uuid)
            if status_form.is_bound and status_form.is_valid():
                services.vrijwilliger_status(
                    request.user,
                    v,
                    status_form.cleaned_data["naar"],
                    status_form.cleaned_data["toelichting"],
                )
                messages.success(request, _("De status is gewijzigd."))
                return redirect("koppelen:vrijwilliger_detail", vrijwilliger_id=v.uuid)
            if vog_form.is_bound and vog_form.is_valid():
                services.vog_vastleggen(request.user, v, vog_form.cleaned_data["vog_datum"])
                messages.success(request, _("De VOG is vastgelegd."))
                return redirect("koppelen:vrijwilliger_detail", vrijwilliger_id=v.uuid)
        except ValidationError as e:
            (status_form if status_form.is_bound else vog_form).add_error(None, e)
    services.gelezen_lijst(request.user, [v], "vrijwilliger.lezen")
    return render(
        request,
        "koppelen/vrijwilliger_detail.html",
        {
            "v": v,
            "status_form": status_form,
            "vog_form": vog_form,
            "profiel_form": profiel_form,
            "historie": v.historie.select_related("door"),
            "toestemmingen": v.persoon.toestemmingen.filter(doel="koppelen"),
            "koppelingen": Koppeling.objects.filter(aanbod__vrijwilliger=v)
            .filter(hulpvraag__in=zichtbaar(request.user, Hulpvraag))
            .select_related("hulpvraag"),
        },
    )


@rol_vereist(Rol.COORDINATOR, Rol.PROFESSIONAL)
def zorgsignalen(request):
    qs = (
        zichtbaar(request.user, Zorgsignaal)
        .select_related("persoon")
        .order_by("status", "-aangemaakt")
    )
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    services.gelezen_lijst(request.user, pagina.object_list, "zorgsignaal.lijst")
    return render(request, "koppelen/zorgsignalen.html", {"pagina": pagina})


@rol_vereist(Rol.COORDINATOR, Rol.PROFESSIONAL)
def zorgsignaal(request, signaal_id):
    try:
        s = services.zorgsignaal_lezen(request.user, signaal_id)
    except Zorgsignaal.DoesNotExist:
        raise Http404 from None
    if request.method == "POST":
        naar = request.POST.get("naar", "")
        try:
            services.zorgsignaal_status(request.user, s, naar)
        except (ValidationError, KeyError, ValueError) as e:
            messages.error(request, getattr(e, "messages", [str(e)])[0])
        else:
            messages.success(request, _("De status van het signaal is gewijzigd."))
        return redirect("koppelen:zorgsignaal", signaal_id=s.uuid)
    return render(request, "koppelen/zorgsignaal.html", {"s": s, "statussen": ZorgsignaalStatus})


@rol_vereist(Rol.COORDINATOR, Rol.VRIJWILLIGER)
def aanbod_bewerken(request, vrijwilliger_id=None, aanbod_id=None):
    """Add or change an offer: the coördinator (at intake) or the volunteer themself."""
    if request.user.rol == Rol.VRIJWILLIGER:
        v = services.mijn_vrijwilliger(request.user)
        if v is None:
            raise Http404
        terug = redirect("koppelen:vrijwilliger")
    else:
        v = _of_404(zichtbaar(request.user, Vrijwilliger), uuid=vrijwilliger_id)
        terug = redirect("koppelen:vrijwilliger_detail", vrijwilliger_id=v.uuid)
    aanbod = _of_404(v.aanbod.all(), uuid=aanbod_id) if aanbod_id else None
    initial = (
        {veld: getattr(aanbod, veld) for veld in f.AanbodFormulier.base_fields} if aanbod else None
    )
    form = f.AanbodFormulier(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.aanbod_opslaan(request.user, v, form.cleaned_data, aanbod)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Het aanbod is opgeslagen."))
            return terug
    return render(
        request, "koppelen/aanbod.html", {"form": form, "v": v, "aanbod": aanbod, "terug": terug}
    )


@rol_vereist(Rol.COORDINATOR)
def vacatures(request):
    form = f.VacatureFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.vacature_opslaan(request.user, form.cleaned_data)
        except (ValidationError, PermissionDenied) as e:
            form.add_error(None, getattr(e, "messages", [_("U kunt geen vacature plaatsen.")])[0])
        else:
            messages.success(request, _("De vacature staat op de pagina 'Word vrijwilliger'."))
            return redirect("koppelen:vacatures")
    eigen = Vacature.objects.filter(
        gemeente_id=request.user.gemeente_id, organisatie_id=request.user.organisatie_id
    )
    return render(request, "koppelen/vacatures.html", {"form": form, "vacatures": eigen})


@rol_vereist(Rol.COORDINATOR)
@require_POST
def vacature_sluiten(request, vacature_id):
    vac = _of_404(
        Vacature.objects.filter(
            gemeente_id=request.user.gemeente_id, organisatie_id=request.user.organisatie_id
        ),
        uuid=vacature_id,
    )
    services.vacature_sluiten(request.user, vac)
    messages.success(request, _("De vacature is gesloten."))
    return redirect("koppelen:vacatures")


# --------------------------------------------------------------------------- vrijwilliger


@rol_vereist(Rol.VRIJWILLIGER)
def vrijwilliger(request):
    v = services.mijn_vrijwilliger(request.user)
    alle = (
        zichtbaar(request.user, Koppeling)
        .select_related("hulpvraag__persoon__buurt", "aanbod")
        .order_by("-voorgesteld_op")
    )
    voorstellen = [k for k in alle if k.status == KoppelingStatus.VOORGESTELD]
    lopend = [k for k in alle if k.adres_zichtbaar]
    services.gelezen_lijst(request.user, [k.hulpvraag for k in lopend], "koppeling.lijst")
    return render(
        request,
        "koppelen/vrijwilliger.html",
        {
            "v": v,
            "aanbod": v.aanbod.all() if v else [],
            "voorstellen": [(k, services.voorstel_weergave(request.user, k)) for k in voorstellen],
            "lopend": lopend,
            "signalen": zichtbaar(request.user, Zorgsignaal).select_related("persoon"),
        },
    )


@rol_vereist(Rol.VRIJWILLIGER)
def mijn_koppeling(request, koppeling_id):
    k = _koppeling_van(request, koppeling_id)
    form = f.ZorgsignaalFormulier(request.POST if "omschrijving" in request.POST else None)
    if request.method == "POST":
        try:
            if "ja" in request.POST:
                services.accepteren(request.user, k)
                messages.success(request, _("Dank u wel! U ziet nu het adres."))
            elif "nee" in request.POST:
                services.afwijzen(request.user, k, request.POST.get("reden", ""))
                messages.success(request, _("U heeft nee gezegd. De coördinator zoekt verder."))
                return redirect("koppelen:vrijwilliger")
            elif form.is_bound and form.is_valid():
                services.zorgsignaal_melden(
                    request.user, k, form.cleaned_data["omschrijving"], form.cleaned_data["spoed"]
                )
                messages.success(
                    request, _("Uw signaal is ontvangen. De professional neemt het op.")
                )
            else:
                raise ValidationError(_("Vul in wat u opvalt."))
            return redirect("koppelen:mijn_koppeling", koppeling_id=k.uuid)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as e:
            _fout(request, e)
    k.refresh_from_db()
    context = {"k": k, "form": form}
    if k.adres_zichtbaar:
        context["adres"] = services.adres_lezen(request.user, k)
        context["weergave"] = services.voorstel_weergave(request.user, k)
    elif k.status == KoppelingStatus.VOORGESTELD:
        context["weergave"] = services.voorstel_weergave(request.user, k)
    return render(request, "koppelen/mijn_koppeling.html", context)


# --------------------------------------------------------------------------- inwoner


@rol_vereist(Rol.INWONER)
def mijn(request):
    vragen = (
        zichtbaar(request.user, Hulpvraag)
        .select_related("organisatie")
        .prefetch_related("koppelingen__aanbod__vrijwilliger__persoon")
        .order_by("-aangemaakt")
    )
    rijen = []
    for hv in vragen:
        k = next((k for k in hv.koppelingen.all() if k.status in LOPEND), None)
        rijen.append((hv, k))
    services.eigen_gelezen(request.user, [hv for hv, _k in rijen])
    persoon = getattr(request.user, "persoon", None)
    return render(
        request,
        "koppelen/mijn.html",
        {
            "rijen": rijen,
            "kan_aanvragen": persoon is not None
            and services.koppel_organisaties(persoon.gemeente_id).exists(),
        },
    )


@rol_vereist(Rol.INWONER)
def mijn_nieuw(request):
    """The resident asks for a volunteer themself (and gives consent in the same form)."""
    persoon = getattr(request.user, "persoon", None)
    if persoon is None:
        return render(request, "koppelen/mijn_nieuw.html", {"form": None})
    organisaties = services.koppel_organisaties(persoon.gemeente_id).order_by("naam")
    if not organisaties.exists():
        return render(request, "koppelen/mijn_nieuw.html", {"form": None})
    form = f.EigenHulpvraagFormulier(request.POST or None, organisaties=organisaties)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisatie, toestemming = data.pop("organisatie"), data.pop("toestemming_koppelen")
        try:
            services.eigen_hulpvraag_aanmaken(
                request.user, data, organisatie=organisatie, toestemming=toestemming
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("Uw vraag is verstuurd. Een coördinator neemt contact met u op."),
            )
            return redirect("koppelen:mijn")
    return render(request, "koppelen/mijn_nieuw.html", {"form": form})


@rol_vereist(Rol.INWONER)
@require_POST
def mijn_intrekken(request, hulpvraag_id):
    hv = _of_404(zichtbaar(request.user, Hulpvraag).select_related("persoon"), uuid=hulpvraag_id)
    try:
        services.eigen_hulpvraag_intrekken(request.user, hv)
    except ValidationError as e:
        _fout(request, e)
    else:
        messages.success(request, _("Uw vraag is ingetrokken."))
    return redirect("koppelen:mijn")


# --------------------------------------------------------------------------- openbaar


def _te_vaak(request) -> bool:
    """Limit per IP address, counted in the database (shared by all workers)."""
    return not services.aanmelding_toegestaan(request.META.get("REMOTE_ADDR", ""))


def word_vrijwilliger(request):
    form = f.AanmeldFormulier(request.POST or None)
    if request.method == "POST":
        if request.POST.get("website"):  # honeypot filled in: a bot; say thanks, keep nothing
            return redirect("koppelen:bedankt")
        if _te_vaak(request):
            form.is_valid()
            form.add_error(
                None, _("Er zijn veel aanmeldingen vanaf dit adres. Probeer het later opnieuw.")
            )
        elif form.is_valid():
            data = dict(form.cleaned_data)
            data["buurt_id"] = data.pop("buurt") or None
            try:
                services.aanmelden(data)
            except ValidationError as e:
                form.add_error(None, e)
            else:
                return redirect("koppelen:bedankt")
    vacatures = Vacature.objects.filter(open=True).select_related(
        "organisatie", "gemeente", "buurt"
    )[:50]
    return render(
        request, "koppelen/word_vrijwilliger.html", {"form": form, "vacatures": vacatures}
    )


def bedankt(request):
    return render(request, "koppelen/bedankt.html")
