from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from socialebasis.accounts import services
from socialebasis.accounts.forms import CodeFormulier, InlogFormulier


class InlogView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogFormulier
    redirect_authenticated_user = True


@login_required
def tweestaps_instellen(request):
    device = services.tweestaps_apparaat(request.user)
    form = CodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.tweestaps_bevestigen(request, device, form.cleaned_data["code"]):
            return redirect("web:start")
        form.add_error(
            "code", _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
        )
    return render(
        request,
        "accounts/tweestaps_instellen.html",
        {
            "form": form,
            "qr": services.qr_svg_data_uri(device),
            "geheim": services.geheim_base32(device),
        },
    )


@login_required
def tweestaps(request):
    form = CodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.tweestaps_controleren(request, form.cleaned_data["code"]):
            return redirect(request.GET.get("next") or "web:start")
        form.add_error("code", _("Deze code klopt niet. Probeer de nieuwe code uit de app."))
    return render(request, "accounts/tweestaps.html", {"form": form})
