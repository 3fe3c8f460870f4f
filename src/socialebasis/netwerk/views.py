"""Screens of the persoonlijk netwerk. Thin: access and audit happen in the services."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import Rol
from socialebasis.netwerk import ecogram, services
from socialebasis.netwerk.forms import (
    ActieFormulier,
    BeraadFormulier,
    DoelFormulier,
    EvaluatieFormulier,
    EvaluatieWijzigenFormulier,
    InstellingenFormulier,
    LidFormulier,
    MomentopnameFormulier,
    afspraken_als_tekst,
    vragenlijst_formulier,
)
from socialebasis.netwerk.grafiek import lijngrafiek
from socialebasis.netwerk.instrumenten import INSTRUMENTEN
from socialebasis.netwerk.models import (
    ActieStatus,
    Evaluatie,
    Momentopname,
    Netwerkberaad,
    Netwerklid,
    Planactie,
    Plandoel,
    Scoringsinstellingen,
)
from socialebasis.personen.models import Persoon
from socialebasis.web.views import rol_vereist

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _persoon(request, persoon_id) -> Persoon:
    try:
        return services.persoon_ophalen(request.user, persoon_id)
    except (Persoon.DoesNotExist, PermissionDenied):
        raise Http404 from None


def _eigen_persoon(request) -> Persoon | None:
    persoon = getattr(request.user, "persoon", None)
    if persoon is None:
        return None
    return services.persoon_ophalen(request.user, persoon.uuid)


def _fout(form, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for veld, fouten in e.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, e.messages)


def _htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _kaart(persoon: Persoon, leden, *, prefix: str, titel: str | None = None) -> dict:
    naam = persoon.voornaam or _("inwoner")
    return {
        "svg": ecogram.render_svg(naam, leden, id_prefix=prefix, title=titel),
        "tekst": ecogram.text_alternative(naam, leden),
        "kolommen": ecogram.table_columns(naam),
        "rijen": ecogram.table_rows(naam, leden),
    }


GRENZEN = {
    "djg11": (2.5, _lazy("streepjeslijn: grens; 3 of hoger is eenzaam")),
    "djg6": (1.5, _lazy("streepjeslijn: grens; 2 of hoger is eenzaam")),
    "lsns6": (11.5, _lazy("streepjeslijn: grens; onder 12 is risico op isolement")),
}


def _noot(code: str, instellingen) -> str:
    lsns = (
        _("Grens voor de subschalen: onder %(n)s (niet bevestigd in de bronnen).")
        % {"n": instellingen.lsns6_subscale_threshold}
        if instellingen.lsns6_subscale_threshold
        else _(
            "Voor de subschalen gebruiken we geen grens: de vaak genoemde grens is niet bevestigd."
        )
    )
    ediz = (
        _("Uw gemeente gebruikt %(n)s als signaalgrens (geen officiële grens).")
        % {"n": instellingen.ediz_signal_threshold}
        if instellingen.ediz_signal_threshold
        else _("Uw gemeente heeft geen signaalgrens ingesteld.")
    )
    if code == "djg11":
        return _(
            "Hoe hoger de score, hoe eenzamer. Een subschaal telt als eenzaam vanaf %(n)s punten. "
            "Bronnen verschillen over deze grens (2 of 3); uw gemeente gebruikt %(n)s."
        ) % {"n": instellingen.djg11_subscale_threshold}
    if code == "djg6":
        return _("Hoe hoger de score, hoe eenzamer. Een subschaal telt als eenzaam vanaf 1 punt.")
    if code == "lsns6":
        return " ".join(
            [
                _(
                    "Hoe hoger de score, hoe groter het netwerk van familie en vrienden. "
                    "Onder 12 is er risico op sociaal isolement."
                ),
                lsns,
            ]
        )
    return " ".join(
        [
            _(
                "Hoe hoger de score, hoe zwaarder de zorg voelt. Er is geen officiële grens voor "
                "overbelasting: kijk vooral hoe de score verandert."
            ),
            ediz,
        ]
    )


def _subschalen_tekst(rij) -> str:
    uitkomst = services.uitkomst_van(rij)
    delen = []
    for naam, waarde in uitkomst.subscales.items():
        if waarde is None:
            delen.append(_("%(naam)s: geen score") % {"naam": naam})
            continue
        tekst = f"{naam} {waarde}"
        label = uitkomst.subscale_labels.get(naam)
        if label:
            tekst += f" ({label})"
        delen.append(tekst)
    return ", ".join(delen)


def _historie(persoon: Persoon, rijen) -> list[dict]:
    instellingen = services.instellingen_voor(persoon.gemeente_id)
    uit = []
    for code, instrument in INSTRUMENTEN.items():
        eigen = sorted((r for r in rijen if r.instrument == code), key=lambda r: (r.datum, r.pk))
        grens = (GRENZEN[code][0], str(GRENZEN[code][1])) if code in GRENZEN else None
        if code == "ediz" and instellingen.ediz_signal_threshold:
            grens = (
                instellingen.ediz_signal_threshold - 0.5,
                _("streepjeslijn: signaalgrens van de gemeente"),
            )
        for r in eigen:
            r.subschalen_tekst = _subschalen_tekst(r)
            r.uitkomst = services.uitkomst_van(r)
        uit.append(
            {
                "instrument": instrument,
                "rijen": list(reversed(eigen)),
                "laatste": eigen[-1] if eigen else None,
                "svg": lijngrafiek(
                    [(r.datum, r.totaal) for r in eigen],
                    max_y=instrument.max_totaal,
                    titel=_("%(naam)s: score door de tijd") % {"naam": instrument.naam},
                    id_prefix=f"grafiek-{code}",
                    grens=grens,
                )
                if eigen
                else "",
                "noot": _noot(code, instellingen),
            }
        )
    return uit


# --------------------------------------------------------------------------------------------
# Network map (professional)
# --------------------------------------------------------------------------------------------


@rol_vereist(Rol.PROFESSIONAL)
def persoon(request, persoon_id):
    p = _persoon(request, persoon_id)
    form = LidFormulier(request.POST or None, prefix="lid")
    melding = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                lid = services.lid_toevoegen(request.user, p, form.gegevens())
            except ValidationError as e:
                _fout(form, e)
            else:
                melding = _("%(naam)s staat nu in het netwerk.") % {"naam": lid.naam}
                if not _htmx(request):
                    messages.success(request, melding)
                    return redirect("netwerk:persoon", persoon_id=p.uuid)
                form = LidFormulier(prefix="lid")
        if _htmx(request):  # after an in-place update, the cursor goes back to the name field
            form.fields["naam"].widget.attrs["autofocus"] = True
    return _netwerkpagina(request, p, form, melding)


def _voorzieningen(user, p) -> dict:
    """The services the resident uses (app toeleiding), shown under the map when installed."""
    if not apps.is_installed("socialebasis.toeleiding"):
        return {}
    from socialebasis.toeleiding.views import context

    return context(user, p)


def _netwerkpagina(request, p, form, melding=""):
    beeld = services.netwerk_lezen(request.user, p)
    opgeslagen = {str(lid.uuid): lid for lid in beeld.leden}
    kaart = _kaart(p, beeld.ecogram_leden, prefix="kaart")
    for rij in kaart["rijen"]:
        rij["lid"] = opgeslagen.get(rij["id"])
    return render(
        request,
        "netwerk/persoon.html",
        {
            "persoon": p,
            "beeld": beeld,
            "kaart": kaart,
            "analyse": beeld.analyse,
            "form": form,
            "opname_form": MomentopnameFormulier(prefix="opname"),
            "melding": melding,
            "kan_wijzigen": services.mag_wijzigen(request.user, p),
            **_voorzieningen(request.user, p),
        },
    )


def _lid(request, p, lid_id) -> Netwerklid:
    try:
        return services.lid_lezen(request.user, p, lid_id)
    except Netwerklid.DoesNotExist:
        raise Http404 from None


@rol_vereist(Rol.PROFESSIONAL)
def lid(request, persoon_id, lid_id):
    p = _persoon(request, persoon_id)
    nl = _lid(request, p, lid_id)
    if request.method == "POST":
        form = LidFormulier(request.POST, prefix="lid")
        if form.is_valid():
            try:
                services.lid_wijzigen(request.user, nl, form.gegevens())
            except ValidationError as e:
                _fout(form, e)
            else:
                messages.success(
                    request, _("De gegevens van %(naam)s zijn opgeslagen.") % {"naam": nl.naam}
                )
                return redirect("netwerk:persoon", persoon_id=p.uuid)
    else:
        form = LidFormulier.van(nl, prefix="lid")
    return render(request, "netwerk/lid.html", {"persoon": p, "lid": nl, "form": form})


@rol_vereist(Rol.PROFESSIONAL)
def lid_verwijderen(request, persoon_id, lid_id):
    p = _persoon(request, persoon_id)
    nl = _lid(request, p, lid_id)
    if request.method == "POST":
        naam = nl.naam
        services.lid_verwijderen(request.user, nl)
        melding = _("%(naam)s staat niet meer in het netwerk.") % {"naam": naam}
        if _htmx(request):
            return _netwerkpagina(request, p, LidFormulier(prefix="lid"), melding)
        messages.success(request, melding)
        return redirect("netwerk:persoon", persoon_id=p.uuid)
    return render(request, "netwerk/lid_verwijderen.html", {"persoon": p, "lid": nl})


@rol_vereist(Rol.PROFESSIONAL)
@require_POST
def momentopname(request, persoon_id):
    p = _persoon(request, persoon_id)
    form = MomentopnameFormulier(request.POST, prefix="opname")
    toelichting = form.cleaned_data["toelichting"] if form.is_valid() else ""
    services.momentopname_maken(request.user, p, toelichting)
    messages.success(
        request,
        _("Momentopname gemaakt. Later kunt u die vergelijken met hoe het netwerk dan is."),
    )
    return redirect(reverse("netwerk:persoon", kwargs={"persoon_id": p.uuid}) + "#momentopnamen")


@rol_vereist(Rol.PROFESSIONAL)
def vergelijken(request, persoon_id):
    p = _persoon(request, persoon_id)
    van, naar = request.GET.get("van", ""), request.GET.get("naar", "")
    try:
        oud, nieuw, nieuw_leden, verandering = services.vergelijken(
            request.user, p, van, naar or None
        )
    except (Momentopname.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
    return render(
        request,
        "netwerk/vergelijken.html",
        {
            "persoon": p,
            "oud": oud,
            "nieuw": nieuw,
            "voor": _kaart(
                p,
                oud.ecogram_leden(),
                prefix="voor",
                titel=_("Voor: netwerk op %(d)s") % {"d": oud.datum.strftime("%d-%m-%Y")},
            ),
            "na": _kaart(
                p,
                nieuw_leden,
                prefix="na",
                titel=_("Na: netwerk op %(d)s") % {"d": nieuw.datum.strftime("%d-%m-%Y")}
                if nieuw
                else _("Na: netwerk nu"),
            ),
            "zinnen": verandering.zinnen,
        },
    )


# --------------------------------------------------------------------------------------------
# Questionnaires
# --------------------------------------------------------------------------------------------


@rol_vereist(Rol.PROFESSIONAL)
def vragenlijsten(request, persoon_id):
    p = _persoon(request, persoon_id)
    rijen = services.vragenlijsten_lezen(request.user, p)
    return render(
        request,
        "netwerk/vragenlijsten.html",
        {"persoon": p, "historie": _historie(p, rijen), "instrumenten": INSTRUMENTEN.values()},
    )


def _invullen(request, p, code, *, terug: str, sjabloon_context: dict):
    if code not in INSTRUMENTEN:
        raise Http404
    if not services.mag_vragenlijst_invullen(request.user, p):
        raise Http404
    Formulier = vragenlijst_formulier(code)
    form = Formulier(request.POST or None, prefix="vl")
    if request.method == "POST" and form.is_valid():
        try:
            rij = services.vragenlijst_invullen(
                request.user, p, code, form.antwoorden(), datum=form.cleaned_data.get("datum")
            )
        except ValidationError as e:
            _fout(form, e)
        else:
            uitkomst = services.uitkomst_van(rij)
            messages.success(
                request,
                _("De vragenlijst is opgeslagen. %(uitkomst)s") % {"uitkomst": uitkomst.summary},
            )
            return redirect(terug)
    return render(
        request,
        "netwerk/vragenlijst_invullen.html",
        {
            "persoon": p,
            "form": form,
            "instrument": INSTRUMENTEN[code],
            "vragen": [(v, form[f"v{v.nummer}"]) for v in INSTRUMENTEN[code].vragen],
            "terug": terug,
            **sjabloon_context,
        },
    )


@rol_vereist(Rol.PROFESSIONAL)
def vragenlijst_invullen(request, persoon_id, code):
    p = _persoon(request, persoon_id)
    terug = reverse("netwerk:vragenlijsten", kwargs={"persoon_id": p.uuid})
    return _invullen(request, p, code, terug=terug, sjabloon_context={"zelf": False})


# --------------------------------------------------------------------------------------------
# Netwerkplan
# --------------------------------------------------------------------------------------------


@rol_vereist(Rol.PROFESSIONAL)
def plan(request, persoon_id):
    p = _persoon(request, persoon_id)
    bestaand = p.netwerkplan if hasattr(p, "netwerkplan") else None
    onderdeel = request.POST.get("onderdeel") if request.method == "POST" else None
    data = request.POST if request.method == "POST" else None
    forms = {
        "doel": DoelFormulier(data if onderdeel == "doel" else None, prefix="doel"),
        "actie": ActieFormulier(
            data if onderdeel == "actie" else None, prefix="actie", persoon=p, plan=bestaand
        ),
        "beraad": BeraadFormulier(data if onderdeel == "beraad" else None, prefix="beraad"),
        "evaluatie": EvaluatieFormulier(
            data if onderdeel == "evaluatie" else None, prefix="evaluatie"
        ),
    }
    if onderdeel == "verslag":
        evaluatie = Evaluatie.objects.filter(
            pk=request.POST.get("evaluatie") or 0, plan__persoon=p
        ).first()
        if evaluatie is None:
            raise Http404
        services.evaluatie_verslag(request.user, evaluatie, request.POST.get("verslag", ""))
        messages.success(request, _("Het verslag is opgeslagen."))
        return redirect(reverse("netwerk:plan", kwargs={"persoon_id": p.uuid}) + "#evaluatie")
    if onderdeel in forms:
        form = forms[onderdeel]
        if form.is_valid():
            cd = form.cleaned_data
            try:
                if onderdeel == "doel":
                    services.doel_toevoegen(request.user, p, cd["tekst"])
                    melding = _("Het doel staat in het plan.")
                elif onderdeel == "actie":
                    services.actie_toevoegen(request.user, p, dict(cd))
                    melding = _("De actie staat in het plan.")
                elif onderdeel == "beraad":
                    services.beraad_vastleggen(
                        request.user,
                        p,
                        datum=cd["datum"],
                        afspraken=services.afspraken_uit_tekst(cd["afspraken"]),
                        verslag=cd["verslag"],
                    )
                    melding = _("Het netwerkberaad is vastgelegd.")
                else:
                    services.evaluatie_plannen(request.user, p, datum=cd["datum"])
                    melding = _("De datum om terug te kijken staat in het plan.")
            except ValidationError as e:
                _fout(form, e)
            else:
                messages.success(request, melding)
                return _naar_plan(p, onderdeel)
    return _planpagina(request, p, forms, onderdeel=onderdeel)


def _planpagina(request, p, forms, *, onderdeel=None, melding=""):
    netwerkplan = services.plan_lezen(request.user, p)
    return render(
        request,
        "netwerk/plan.html",
        {
            "persoon": p,
            "plan": netwerkplan,
            "forms": forms,
            "onderdeel": onderdeel,
            "melding": melding,
        },
    )


def _lege_planformulieren(p) -> dict:
    bestaand = p.netwerkplan if hasattr(p, "netwerkplan") else None
    return {
        "doel": DoelFormulier(prefix="doel"),
        "actie": ActieFormulier(prefix="actie", persoon=p, plan=bestaand),
        "beraad": BeraadFormulier(prefix="beraad"),
        "evaluatie": EvaluatieFormulier(prefix="evaluatie"),
    }


# Where on the plan page each part is shown (the anchor to go back to).
ANKERS = {"doel": "doelen", "actie": "acties", "beraad": "beraad", "evaluatie": "evaluatie"}


def _naar_plan(p, onderdeel: str, obj=None):
    anker = f"{onderdeel}-{obj.pk}" if obj is not None else ANKERS.get(onderdeel, onderdeel)
    return redirect(reverse("netwerk:plan", kwargs={"persoon_id": p.uuid}) + f"#{anker}")


def _planonderdeel(request, persoon_id, model, pk, *, lezen: bool = True):
    """The resident (404 when not visible) and one part of their plan (404 when not theirs).
    A GET shows the part's data, so it is logged as a read."""
    p = _persoon(request, persoon_id)
    obj = model.objects.filter(pk=pk, plan__persoon=p).select_related("plan").first()
    if obj is None:
        raise Http404
    obj.plan.persoon = p
    if lezen and request.method == "GET":
        services.gelezen(request.user, f"{model._meta.model_name}.lezen", p, obj)
    return p, obj


def _verwijderen(request, p, obj, *, onderdeel, weghalen, melding, context):
    """Removal asks first: GET shows the question, POST removes and goes back to the plan."""
    if request.method == "POST":
        weghalen(request.user, obj)
        messages.success(request, melding)
        return _naar_plan(p, onderdeel)
    terug = reverse("netwerk:plan", kwargs={"persoon_id": p.uuid}) + f"#{onderdeel}-{obj.pk}"
    return render(
        request, "netwerk/plan_verwijderen.html", {"persoon": p, "terug": terug, **context}
    )


@rol_vereist(Rol.PROFESSIONAL)
def doel(request, persoon_id, doel_id):
    p, d = _planonderdeel(request, persoon_id, Plandoel, doel_id)
    form = DoelFormulier(request.POST or None, prefix="doel", initial={"tekst": d.tekst})
    if request.method == "POST" and form.is_valid():
        try:
            services.doel_wijzigen(request.user, d, form.cleaned_data["tekst"])
        except ValidationError as e:
            _fout(form, e)
        else:
            messages.success(request, _("Het doel is opgeslagen."))
            return _naar_plan(p, "doel", d)
    return render(request, "netwerk/doel.html", {"persoon": p, "doel": d, "form": form})


@rol_vereist(Rol.PROFESSIONAL)
def doel_verwijderen(request, persoon_id, doel_id):
    p, d = _planonderdeel(request, persoon_id, Plandoel, doel_id)
    return _verwijderen(
        request,
        p,
        d,
        onderdeel="doel",
        weghalen=services.doel_verwijderen,
        melding=_("Het doel is uit het plan gehaald."),
        context={
            "vraag": _("Dit doel uit het plan halen?"),
            "wat": d.tekst,
            "uitleg": _("Acties bij dit doel blijven in het plan staan, maar zonder doel."),
            "knop": _("Ja, doel uit het plan halen"),
        },
    )


@rol_vereist(Rol.PROFESSIONAL)
def actie(request, persoon_id, actie_id):
    p, a = _planonderdeel(request, persoon_id, Planactie, actie_id)
    form = ActieFormulier(request.POST or None, instance=a, prefix="actie", persoon=p, plan=a.plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.actie_wijzigen(request.user, a, dict(form.cleaned_data))
        except ValidationError as e:
            _fout(form, e)
        else:
            messages.success(request, _("De actie is opgeslagen."))
            return _naar_plan(p, "actie", a)
    return render(request, "netwerk/actie.html", {"persoon": p, "actie": a, "form": form})


@rol_vereist(Rol.PROFESSIONAL)
def actie_verwijderen(request, persoon_id, actie_id):
    p, a = _planonderdeel(request, persoon_id, Planactie, actie_id)
    return _verwijderen(
        request,
        p,
        a,
        onderdeel="actie",
        weghalen=services.actie_verwijderen,
        melding=_("De actie is uit het plan gehaald."),
        context={
            "vraag": _("Deze actie uit het plan halen?"),
            "wat": a.omschrijving,
            "uitleg": "",
            "knop": _("Ja, actie uit het plan halen"),
        },
    )


@rol_vereist(Rol.PROFESSIONAL)
@require_POST
def actie_status(request, persoon_id, actie_id):
    """One click: 'Gedaan' (or back to 'bezig'). With htmx the plan is updated in place."""
    p, a = _planonderdeel(request, persoon_id, Planactie, actie_id, lezen=False)
    status = request.POST.get("status", "")
    if status not in ActieStatus.values:
        raise Http404
    try:
        services.actie_wijzigen(request.user, a, {"status": status})
    except ValidationError as e:  # e.g. the person who would do it left the network
        messages.error(request, " ".join(e.messages))
        wijzigen = reverse("netwerk:actie", kwargs={"persoon_id": p.uuid, "actie_id": a.pk})
        if _htmx(request):
            return HttpResponse(headers={"HX-Redirect": wijzigen})
        return redirect(wijzigen)
    melding = _("%(actie)s: %(status)s.") % {
        "actie": a.omschrijving,
        "status": a.get_status_display(),
    }
    if _htmx(request):
        return _planpagina(request, p, _lege_planformulieren(p), melding=melding)
    messages.success(request, melding)
    return _naar_plan(p, "actie", a)


@rol_vereist(Rol.PROFESSIONAL)
def beraad(request, persoon_id, beraad_id):
    p, b = _planonderdeel(request, persoon_id, Netwerkberaad, beraad_id)
    form = BeraadFormulier(
        request.POST or None,
        prefix="beraad",
        initial={
            "datum": b.datum,
            "afspraken": afspraken_als_tekst(b.afspraken),
            "verslag": b.verslag,
        },
    )
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            services.beraad_wijzigen(
                request.user,
                b,
                {
                    "datum": cd["datum"],
                    "afspraken": services.afspraken_uit_tekst(cd["afspraken"]),
                    "verslag": cd["verslag"],
                },
            )
        except ValidationError as e:
            _fout(form, e)
        else:
            messages.success(request, _("Het netwerkberaad is opgeslagen."))
            return _naar_plan(p, "beraad", b)
    return render(request, "netwerk/beraad.html", {"persoon": p, "beraad": b, "form": form})


@rol_vereist(Rol.PROFESSIONAL)
def beraad_verwijderen(request, persoon_id, beraad_id):
    p, b = _planonderdeel(request, persoon_id, Netwerkberaad, beraad_id)
    return _verwijderen(
        request,
        p,
        b,
        onderdeel="beraad",
        weghalen=services.beraad_verwijderen,
        melding=_("Het netwerkberaad is uit het plan gehaald."),
        context={
            "vraag": _("Het netwerkberaad van %(datum)s uit het plan halen?")
            % {"datum": date_format(b.datum)},
            "wat": "",
            "uitleg": _("Wat iedereen op dit netwerkberaad heeft afgesproken, is dan weg."),
            "knop": _("Ja, netwerkberaad uit het plan halen"),
        },
    )


@rol_vereist(Rol.PROFESSIONAL)
def evaluatie(request, persoon_id, evaluatie_id):
    p, e = _planonderdeel(request, persoon_id, Evaluatie, evaluatie_id)
    form = EvaluatieWijzigenFormulier(
        request.POST or None,
        prefix="evaluatie",
        initial={"datum": e.datum, "verslag": e.verslag},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluatie_wijzigen(request.user, e, dict(form.cleaned_data))
        except ValidationError as fout:
            _fout(form, fout)
        else:
            messages.success(request, _("Het terugkijken is opgeslagen."))
            return _naar_plan(p, "evaluatie", e)
    return render(request, "netwerk/evaluatie.html", {"persoon": p, "evaluatie": e, "form": form})


@rol_vereist(Rol.PROFESSIONAL)
def evaluatie_verwijderen(request, persoon_id, evaluatie_id):
    p, e = _planonderdeel(request, persoon_id, Evaluatie, evaluatie_id)
    return _verwijderen(
        request,
        p,
        e,
        onderdeel="evaluatie",
        weghalen=services.evaluatie_verwijderen,
        melding=_("De datum om terug te kijken is uit het plan gehaald."),
        context={
            "vraag": _("Het terugkijken van %(datum)s uit het plan halen?")
            % {"datum": date_format(e.datum)},
            "wat": e.verslag,
            "uitleg": "",
            "knop": _("Ja, uit het plan halen"),
        },
    )


def _pdf_antwoord(request, p) -> HttpResponse:
    inhoud = services.plan_afdrukken(request.user, p)
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = 'inline; filename="netwerkplan.pdf"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@rol_vereist(Rol.PROFESSIONAL, Rol.INWONER)
def plan_pdf(request, persoon_id):
    return _pdf_antwoord(request, _persoon(request, persoon_id))


# --------------------------------------------------------------------------------------------
# The resident's own pages
# --------------------------------------------------------------------------------------------


@rol_vereist(Rol.INWONER)
def mijn_plan(request):
    p = _eigen_persoon(request)
    context = {"persoon": p}
    if p is not None:
        beeld = services.netwerk_lezen(request.user, p)
        context.update(
            plan=services.plan_lezen(request.user, p),
            kaart=_kaart(p, beeld.ecogram_leden, prefix="mijnkaart", titel=_("Mijn netwerk")),
            historie=_historie(p, services.vragenlijsten_lezen(request.user, p)),
            instrumenten=INSTRUMENTEN.values(),
            **_voorzieningen(request.user, p),
        )
    return render(request, "netwerk/mijn_plan.html", context)


@rol_vereist(Rol.INWONER)
def mijn_vragenlijst(request, code):
    p = _eigen_persoon(request)
    if p is None:
        raise Http404
    terug = reverse("netwerk:mijn_plan") + "#vragenlijsten"
    return _invullen(request, p, code, terug=terug, sjabloon_context={"zelf": True})


@rol_vereist(Rol.INWONER)
def mijn_plan_pdf(request):
    p = _eigen_persoon(request)
    if p is None:
        raise Http404
    return _pdf_antwoord(request, p)


# --------------------------------------------------------------------------------------------
# Settings (beheerder)
# --------------------------------------------------------------------------------------------


@rol_vereist(Rol.BEHEERDER)
def instellingen(request):
    rij = Scoringsinstellingen.objects.filter(gemeente_id=request.user.gemeente_id).first()
    if rij is None:
        rij = Scoringsinstellingen(gemeente_id=request.user.gemeente_id)
    form = InstellingenFormulier(request.POST or None, instance=rij)
    if request.method == "POST" and form.is_valid():
        try:
            services.instellingen_wijzigen(request.user, dict(form.cleaned_data))
        except ValidationError as e:
            _fout(form, e)
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("netwerk:instellingen")
    return render(request, "netwerk/instellingen.html", {"form": form})
