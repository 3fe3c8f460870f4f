"""Thin views for the UI shell. Data access goes through core.toegang and the services."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from socialebasis.accounts import services as accounts
from socialebasis.accounts.models import Rol, Team, User
from socialebasis.audit import activiteiten
from socialebasis.audit import services as audit
from socialebasis.audit.models import Verwerking
from socialebasis.core.toegang import zichtbaar
from socialebasis.gebieden import kaart
from socialebasis.gebieden.models import Gebied
from socialebasis.personen import services as personen
from socialebasis.personen.models import Persoon
from socialebasis.web.forms import GebruikerFormulier, PersoonFormulier, TeamFormulier

LANDING = {
    Rol.INWONER: "web:mijn",
    Rol.VRIJWILLIGER: "koppelen:vrijwilliger",
    Rol.PROFESSIONAL: "web:professional",
    Rol.COORDINATOR: "koppelen:overzicht",
    Rol.AANBIEDER: "web:aanbieder",
    Rol.BELEIDSMEDEWERKER: "web:beleid",
    Rol.BEHEERDER: "web:beheer",
}
KLEINE_AANTALLEN = 10  # counts below this are shown as "minder dan 10" (small-cell suppression)


def rol_vereist(*rollen):
    def decorator(view):
        @wraps(view)
        @login_required
        def inner(request, *args, **kwargs):
            if request.user.rol not in rollen:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return inner

    return decorator


def home(request):
    gemeenten = Gebied.objects.gemeenten().order_by("naam")
    return render(request, "web/home.html", {"gemeenten": gemeenten})


@login_required
def start(request):
    return redirect(LANDING[request.user.rol])


def verwerkingsactiviteiten(request):
    return render(
        request,
        "web/verwerkingsactiviteiten.html",
        {"activiteiten": activiteiten.REGISTER.values()},
    )


def gebieden(request):
    return render(request, "web/gebieden.html", {"gemeenten": Gebied.objects.gemeenten()})


def gebied(request, code):
    g = get_object_or_404(Gebied.objects.select_related("ouder", "gemeente"), code=code.upper())
    kinderen = list(g.kinderen.order_by("code").prefetch_related("kerncijfers"))
    for kind in kinderen:
        kind.laatste = max(kind.kerncijfers.all(), key=lambda k: k.jaar, default=None)
    cijfers = list(g.kerncijfers.order_by("-jaar"))
    waarden = {k.code: k.laatste.inwoners for k in kinderen if k.laatste and k.laatste.inwoners}
    return render(
        request,
        "web/gebied.html",
        {
            "gebied": g,
            "kinderen": kinderen,
            "cijfers": cijfers,
            "kaart": kaart.svg(
                g,
                kinderen,
                waarden=waarden,
                titel=_("Inwoners per gebied in %(naam)s") % {"naam": g.naam},
            )
            if kinderen
            else kaart.svg(g, [g]),
        },
    )


@rol_vereist(Rol.INWONER)
def mijn(request):
    persoon = getattr(request.user, "persoon", None)
    if persoon is not None:
        persoon = personen.lezen(request.user, persoon.uuid)
    return render(request, "web/mijn.html", {"persoon": persoon})


@rol_vereist(Rol.INWONER)
def mijn_verwerkingen(request):
    persoon = getattr(request.user, "persoon", None)
    rijen = zichtbaar(request.user, Verwerking).select_related("actor") if persoon else []
    pagina = Paginator(rijen, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "web/mijn_verwerkingen.html",
        {
            "pagina": pagina,
            "register": activiteiten.REGISTER,
        },
    )


@rol_vereist(Rol.INWONER)
def toestemming_intrekken(request, toestemming_id):
    if request.method != "POST":
        return redirect("web:mijn")
    persoon = request.user.persoon
    toestemming = get_object_or_404(persoon.toestemmingen, pk=toestemming_id)
    personen.toestemming_intrekken(request.user, toestemming)
    return redirect("web:mijn")


@rol_vereist(Rol.PROFESSIONAL, Rol.COORDINATOR)
def caseload(request):
    qs = personen.lijst(request.user).select_related("buurt", "team")
    # A name search is sent by POST so that names never end up in URLs or access logs.
    zoek = request.POST.get("zoek", "").strip() if request.method == "POST" else ""
    for woord in zoek.split()[:4]:
        qs = qs.filter(Q(voornaam__icontains=woord) | Q(achternaam__icontains=woord))
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina") if not zoek else 1)
    personen.gelezen_lijst(request.user, pagina.object_list)
    sjabloon = (
        "web/professional.html" if request.user.rol == Rol.PROFESSIONAL else "web/coordinator.html"
    )
    return render(request, sjabloon, {"pagina": pagina, "zoek": zoek})


@rol_vereist(Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.INWONER)
def persoon(request, persoon_id):
    try:
        p = personen.lezen(request.user, persoon_id)
    except (Persoon.DoesNotExist, PermissionDenied):
        raise Http404 from None
    return render(
        request,
        "web/persoon.html",
        {
            "persoon": p,
            "toestemmingen": p.toestemmingen.all(),
        },
    )


@rol_vereist(Rol.PROFESSIONAL, Rol.COORDINATOR)
def persoon_nieuw(request):
    form = PersoonFormulier(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        toestemmingen = data.pop("toestemmingen", [])
        try:
            p = personen.aanmaken(request.user, data, toestemmingen=toestemmingen)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            return redirect("web:persoon", persoon_id=p.uuid)
    return render(request, "web/persoon_nieuw.html", {"form": form})


@rol_vereist(Rol.VRIJWILLIGER)
def vrijwilliger(request):
    return render(request, "web/vrijwilliger.html")


@rol_vereist(Rol.AANBIEDER)
def aanbieder(request):
    org = request.user.organisatie
    return render(
        request,
        "web/aanbieder.html",
        {
            "organisatie": org,
            "gemeenten": org.gemeenten.all() if org else [],
        },
    )


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def beleid(request):
    gemeente = request.user.gemeente
    wijken = list(Gebied.objects.wijken().filter(gemeente=gemeente).prefetch_related("kerncijfers"))
    per_wijk = dict(
        Persoon.objects.filter(gemeente=gemeente, buurt__isnull=False)
        .values_list("buurt__ouder")
        .annotate(n=Count("id"))
    )
    rijen = []
    for w in wijken:
        cijfers = max(w.kerncijfers.all(), key=lambda k: k.jaar, default=None)
        n = per_wijk.get(w.pk, 0)
        rijen.append(
            {"wijk": w, "cijfers": cijfers, "personen": n if n >= KLEINE_AANTALLEN else None}
        )
    return render(
        request,
        "web/beleid.html",
        {
            "gemeente": gemeente,
            "rijen": rijen,
            "drempel": KLEINE_AANTALLEN,
            "kaart": kaart.svg(gemeente, wijken) if gemeente and wijken else "",
        },
    )


@rol_vereist(Rol.BEHEERDER)
def beheer(request):
    gemeente = request.user.gemeente
    return render(
        request,
        "web/beheer.html",
        {
            "gebruikers": zichtbaar(request.user, User).select_related("organisatie"),
            "teams": zichtbaar(request.user, Team).prefetch_related("wijken"),
            "gemeente": gemeente,
        },
    )


@rol_vereist(Rol.BEHEERDER)
def logboek(request):
    qs = zichtbaar(request.user, Verwerking).select_related("actor")
    filters = {
        "handeling": request.GET.get("handeling", "").strip(),
        "activiteit": request.GET.get("activiteit", "").strip(),
        "trace": request.GET.get("trace", "").strip(),
        "betrokkene": request.GET.get("betrokkene", "").strip(),
    }
    if filters["betrokkene"]:
        qs = qs.filter(betrokkene=filters["betrokkene"].lower())
    if filters["handeling"]:
        qs = qs.filter(naam__startswith=filters["handeling"])
    if filters["activiteit"]:
        qs = qs.filter(verwerkingsactiviteit=filters["activiteit"])
    if filters["trace"]:
        qs = qs.filter(trace_id=filters["trace"].lower())
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    audit.vastleggen(
        handeling="logboek.zoeken",
        activiteit="toezicht-logboek",
        actor=request.user,
        gemeente=request.user.gemeente_id,
    )
    return render(
        request,
        "web/logboek.html",
        {
            "pagina": pagina,
            "filters": filters,
            "register": activiteiten.REGISTER,
        },
    )


@rol_vereist(Rol.BEHEERDER)
def gebruiker_nieuw(request):
    form = GebruikerFormulier(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.gebruiker_aanmaken(
                request.user, **form.cleaned_data, basis_url=request.build_absolute_uri("/")
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("De gebruiker is toegevoegd en krijgt een uitnodiging."))
            return redirect("web:beheer")
    return render(request, "web/gebruiker_nieuw.html", {"form": form})


@rol_vereist(Rol.INWONER)
def mijn_gegevens_download(request):
    try:
        gegevens = personen.eigen_gegevens(request.user)
    except PermissionDenied:
        raise Http404 from None
    response = JsonResponse(gegevens, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-sociale-basis.json"'
    return response


@rol_vereist(Rol.BEHEERDER)
def team_nieuw(request):
    form = TeamFormulier(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.team_aanmaken(request.user, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Het team is toegevoegd."))
            return redirect("web:beheer")
    return render(request, "web/team_nieuw.html", {"form": form})
