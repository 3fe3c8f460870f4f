import pytest
from django.core.management import call_command
from django.utils import timezone

from socialebasis.accounts.models import Rol, User
from socialebasis.demo import services
from socialebasis.gebieden.models import Kerncijfers
from socialebasis.personen.models import Persoon

pytestmark = pytest.mark.django_db


def _vingerafdruk():
    return [
        (p.voornaam, p.achternaam, p.buurt.code, p.geboortejaar)
        for p in Persoon.objects.filter(is_demo=True).select_related("buurt").order_by("id")
    ]


def test_demo_is_utrecht_met_echte_cijfers_en_een_account_per_rol(capsys):
    call_command("demo_laden", aantal=400)
    uit = capsys.readouterr().out
    for rol in Rol:
        assert f"{rol.value}@{services.DEMO_DOMEIN}" in uit
        assert User.objects.get(email=f"{rol.value}@{services.DEMO_DOMEIN}").check_password(
            services.DEMO_WACHTWOORD
        )
    assert Persoon.objects.filter(is_demo=True).count() == 400
    inwoner = User.objects.get(rol=Rol.INWONER, email__endswith=services.DEMO_DOMEIN)
    assert inwoner.persoon.voornaam == "Fatima"


def test_inwoners_verdeeld_naar_echte_bevolking_en_aandeel_65_plus():
    services.laden(aantal=2000, seed=7)
    jaar = Kerncijfers.objects.order_by("-jaar").values_list("jaar", flat=True).first()
    cijfers = {
        k.gebied.code: k
        for k in Kerncijfers.objects.filter(jaar=jaar, gebied__niveau="buurt").select_related(
            "gebied"
        )
    }
    totaal = sum(k.inwoners or 0 for k in cijfers.values())
    huidig = timezone.now().year
    for code, k in cijfers.items():
        qs = Persoon.objects.filter(is_demo=True, buurt__code=code)
        n = qs.count()
        verwacht = 2000 * (k.inwoners or 0) / totaal
        assert abs(n - verwacht) < 1, code
        if n and k.aandeel_65_plus is not None:
            ouderen = qs.filter(geboortejaar__lte=huidig - 65).count()
            assert ouderen == round(n * k.aandeel_65_plus), code


def test_demo_is_deterministisch_en_een_tweede_keer_verandert_niets():
    services.laden(aantal=300, seed=11)
    eerste = _vingerafdruk()
    assert services.laden(aantal=300, seed=11) == {"nieuw": False}
    assert _vingerafdruk() == eerste
    Persoon.objects.filter(is_demo=True).delete()
    services.laden(aantal=300, seed=11)
    assert _vingerafdruk() == eerste


@pytest.mark.parametrize(
    "gewichten,totaal",
    [({"a": 1, "b": 1, "c": 1}, 10), ({"a": 0, "b": 5}, 3), ({"a": 0}, 4)],
)
def test_verdeling_telt_op(gewichten, totaal):
    uitkomst = services.verdeel(totaal, gewichten)
    assert sum(uitkomst.values()) == (totaal if any(gewichten.values()) else 0)
