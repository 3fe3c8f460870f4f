"""Layout and SVG of the netwerkkaart (pure, no database)."""

import math
import random
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialebasis.netwerk.ecogram import (
    CONTACT,
    GROEPEN,
    MARKER_R,
    Bewoner,
    Netwerklid,
    layout,
    render_svg,
    table_columns,
    table_rows,
    text_alternative,
)

pytestmark = pytest.mark.pure

SVG = "{http://www.w3.org/2000/svg}"

NAMEN = [
    "Ans",
    "Bert",
    "Cor",
    "Dina",
    "Fatima",
    "Ibrahim",
    "Joke",
    "Mohamed",
    "Buurman Piet",
    "Mevrouw Van der Berg-Jansen",
    "Wijkverpleging Zuid",
    "Huisarts De Vries",
    "Maatje Karim",
    "Zeynep",
]


def netwerk(n: int, seed: int = 1, groepen=None, ringen=(1, 2, 2, 3, 3)) -> list[Netwerklid]:
    rnd = random.Random(seed)
    groepen = groepen or list(GROEPEN)
    leden = []
    for i in range(n):
        groep = rnd.choice(groepen)
        leden.append(
            Netwerklid(
                id=i,
                naam=rnd.choice(NAMEN) + ("" if rnd.random() < 0.5 else f" {i}"),
                groep=groep,
                ring=rnd.choice(ringen),
                contact=rnd.choice([*CONTACT, None]),
                steun_aan_bewoner="".join(c for c in "PGAE" if rnd.random() < 0.3),
                steun_van_bewoner="".join(c for c in "PGAE" if rnd.random() < 0.2),
                mantelzorger=rnd.random() < 0.1,
                uren_per_week=rnd.choice([None, 4, 12.5]),
                laag={"vrijwilligers": "vrijwilliger", "professionals": "dienst"}.get(
                    groep, "persoonlijk"
                ),
            )
        )
    return leden


def members_in_svg(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if "lid" in (g.get("class") or "").split()]


def centres(svg: str) -> dict[str, tuple[float, float]]:
    out = {}
    for g in members_in_svg(svg):
        x, y = re.match(r"translate\(([-\d.]+) ([-\d.]+)\)", g.get("transform")).groups()
        out[g.get("data-id")] = (float(x), float(y))
    return out


def assert_no_overlap(resident, leden):
    lay = layout(resident, leden)
    assert lay.overlaps == 0
    boxes = [p.box for p in lay.placed] + [s.box for s in lay.sector_labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    svg = render_svg(resident, leden)
    pts = list(centres(svg).values())
    assert len(pts) == len(leden)
    for i, (x1, y1) in enumerate(pts):
        for x2, y2 in pts[i + 1 :]:
            assert math.hypot(x1 - x2, y1 - y2) >= 2 * MARKER_R
    return svg


@pytest.mark.parametrize("seed", range(1, 7))
def test_sixty_people_no_overlap(seed):
    assert_no_overlap("Mevrouw Jansen", netwerk(60, seed))


@pytest.mark.parametrize(
    ("groepen", "ringen"),
    [
        (["familie"], (1,)),  # everyone in one cell
        (["huishouden", "professionals"], (1, 3)),  # both sides of 12 o'clock
        (["buren"], (2,)),
    ],
)
def test_sixty_people_in_one_place_no_overlap(groepen, ringen):
    assert_no_overlap("Ans", netwerk(60, 3, groepen=groepen, ringen=ringen))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(0, 40), seed=st.integers(0, 10_000))
def test_random_networks_no_overlap(n, seed):
    assert_no_overlap("Bewoner", netwerk(n, seed))


def test_deterministic_and_independent_of_input_order():
    leden = netwerk(30, 5)
    a = render_svg("Ans", leden)
    shuffled = list(leden)
    random.Random(9).shuffle(shuffled)
    assert render_svg("Ans", shuffled) == a
    assert render_svg(Bewoner("Ans"), leden) == a


def test_every_member_appears_in_svg_table_and_text():
    leden = netwerk(60, 2)
    svg = render_svg("Ans", leden)
    assert sorted(centres(svg)) == sorted(str(lid.id) for lid in leden)
    rows = table_rows("Ans", leden)
    assert [r["id"] for r in rows] == [
        str(lid.id) for lid in sorted(leden, key=lambda m: m.sort_key)
    ]
    tekst = text_alternative("Ans", leden)
    for lid in leden:
        assert lid.naam in tekst


def test_stable_order_group_ring_name_id():
    leden = [
        Netwerklid(id=2, naam="bert", groep="familie", ring=2),
        Netwerklid(id=1, naam="Bert", groep="familie", ring=2),
        Netwerklid(id=3, naam="Anna", groep="familie", ring=3),
        Netwerklid(id=4, naam="Zus", groep="huishouden", ring=3),
        Netwerklid(id=5, naam="Aad", groep="familie", ring=1),
    ]
    rows = table_rows("X", leden)
    assert [r["id"] for r in rows] == ["4", "5", "1", "2", "3"]


def test_title_desc_and_accessibility():
    svg = render_svg("Ans", netwerk(8, 1), title="Netwerk van Ans, mei 2025")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("lang") == "nl"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Netwerk van Ans, mei 2025"
    assert desc.text.startswith("Netwerkkaart van Ans met 8 personen.")
    assert set(root.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    # Default title in Dutch.
    assert '<title id="ecogram-titel">Netwerkkaart van Ans</title>' in render_svg("Ans", [])


def test_id_prefix_keeps_ids_unique():
    svg = render_svg("Ans", netwerk(3, 1), id_prefix="kaart-2")
    assert 'id="kaart-2-titel"' in svg and 'id="kaart-2-pijl"' in svg
    assert 'id="ecogram-titel"' not in svg


NASTY = [
    '<script>alert("x")</script>',
    "Piet & Co",
    'Jan "de Man" O\'Brien',
    "]]><!-- -->",
    "Bell\x07 en \x00nul",
    "Zoë 🌷 Çelik",
]


def test_all_user_text_is_escaped():
    leden = [
        Netwerklid(id=f"<{i}>&", naam=naam, groep=g, ring=1 + i % 3, steun_aan_bewoner="E")
        for i, (naam, g) in enumerate(zip(NASTY, GROEPEN, strict=False))
    ]
    svg = render_svg('<b>Ans & "Bert"</b>', leden, title="<Titel> & 'meer'")
    root = ET.fromstring(svg)  # well-formed XML
    assert "<script" not in svg and "<b>" not in svg and "<Titel>" not in svg
    texts = "".join(root.itertext())
    assert "Piet & Co" in texts
    assert '<script>alert("x")</script>' in texts
    assert "Bell en nul" in texts
    assert "Zoë 🌷 Çelik" in texts
    assert root.find(f"{SVG}title").text == "<Titel> & 'meer'"
    assert len(members_in_svg(svg)) == len(leden)
    assert {g.get("data-id") for g in members_in_svg(svg)} == {f"<{i}>&" for i in range(6)}


def test_no_external_resources():
    svg = render_svg("Ans", netwerk(20, 4))
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in svg
    assert "@import" not in svg and "@font-face" not in svg and "<image" not in svg
    assert "<script" not in svg


def test_meaning_not_only_by_colour():
    leden = [
        Netwerklid(
            id=1, naam="Twee", groep="familie", steun_aan_bewoner="P", steun_van_bewoner="G"
        ),
        Netwerklid(id=2, naam="Geeft", groep="vrienden", steun_aan_bewoner="E"),
        Netwerklid(id=3, naam="Krijgt", groep="buren", steun_van_bewoner="PA"),
        Netwerklid(id=4, naam="Niets", groep="kennissen"),
    ]
    svg = render_svg("Ans", leden)
    root = ET.fromstring(svg)
    lines = list(root.iter(f"{SVG}line"))
    kaart_lines = list(root.find(f".//{SVG}g[@class='lijnen']").iter(f"{SVG}line"))
    dashed = [el for el in kaart_lines if el.get("stroke-dasharray")]
    assert len(dashed) == 2  # the two one-way links
    assert all(el.get("marker-end") for el in dashed)
    assert len(lines) > len(kaart_lines)  # legend lines too
    texts = " ".join(root.itertext())
    assert "geeft P · krijgt G" in texts
    assert "geeft E" in texts and "krijgt PA" in texts
    # Sector labels and the legend name every group and its shape.
    for label in ("familie (1)", "vrienden (1)", "buren (1)", "kennissen (1)", "professionals (0)"):
        assert label in texts
    assert "vierkant" in texts and "driehoek" in texts
    # A different shape per group.
    shapes = {(g[1].tag, len((g[1].get("points") or "").split())) for g in members_in_svg(svg)}
    assert len(shapes) == 4
    assert "P = praktische steun" in texts


def test_direction_of_one_way_arrow():
    geeft = Netwerklid(id=1, naam="A", groep="familie", ring=2, steun_aan_bewoner="P")
    krijgt = Netwerklid(id=1, naam="A", groep="familie", ring=2, steun_van_bewoner="P")

    def line(svg):
        root = ET.fromstring(svg)
        el = next(root.find(f".//{SVG}g[@class='lijnen']").iter(f"{SVG}line"))
        return [float(el.get(k)) for k in ("x1", "y1", "x2", "y2")]

    x1, y1, x2, y2 = line(render_svg("B", [geeft]))
    assert math.hypot(x2, y2) < math.hypot(x1, y1)  # arrow points at the resident
    x1, y1, x2, y2 = line(render_svg("B", [krijgt]))
    assert math.hypot(x2, y2) > math.hypot(x1, y1)  # arrow points at the member


def test_print_friendly_black_on_white():
    svg = render_svg("Ans", netwerk(10, 1))
    root = ET.fromstring(svg)
    background = root.find(f"{SVG}rect")
    assert background.get("fill") == "#fff"
    assert 'font-family="Arial' in svg


def test_empty_network():
    svg = render_svg("Ans", [])
    root = ET.fromstring(svg)
    assert "Er staan nog geen mensen in het netwerk." in root.find(f"{SVG}desc").text
    assert members_in_svg(svg) == []
    assert text_alternative("Ans", []).startswith("Netwerkkaart van Ans.")


def test_long_names_are_shortened_on_the_map_but_not_in_table():
    lang = "Mevrouw Wilhelmina van Oranje-Nassau tot Amsberg"
    leden = [Netwerklid(id=1, naam=lang, groep="familie")]
    svg = render_svg("Ans", leden)
    root = ET.fromstring(svg)
    g = members_in_svg(svg)[0]
    assert g.find(f"{SVG}title").text.startswith(lang)
    assert any(t.text and t.text.endswith("…") for t in g.iter(f"{SVG}text"))
    assert table_rows("Ans", leden)[0]["naam"] == lang
    assert root is not None


def test_text_alternative_content():
    leden = [
        Netwerklid(
            id=1,
            naam="Piet",
            groep="huishouden",
            ring=1,
            contact="dagelijks",
            steun_aan_bewoner="PE",
            steun_van_bewoner="G",
            mantelzorger=True,
            uren_per_week=12,
        ),
        Netwerklid(id=2, naam="Buurthuis", groep="professionals", ring=3, laag="dienst"),
    ]
    tekst = text_alternative("Ans", leden)
    assert "Netwerkkaart van Ans met 2 personen." in tekst
    assert (
        "- Piet (huishouden, dichtbij); geeft praktische steun en emotionele steun; "
        "krijgt gezelschap van Ans; dagelijks contact; mantelzorger, 12 uur per week."
    ) in tekst
    assert (
        "Buurthuis (professionals, verder); geen steun genoteerd; dienst van de sociale kaart"
        in (tekst)
    )
    assert "Niemand geeft advies en informatie." in tekst
    assert "Niemand in de groep: familie, vrienden, buren, kennissen en vrijwilligers." in tekst


def test_table_rows_and_columns():
    leden = [
        Netwerklid(
            id="a",
            naam="Piet",
            groep="huishouden",
            ring=1,
            contact="wekelijks",
            steun_aan_bewoner="PE",
            mantelzorger=True,
            uren_per_week=2.5,
            laag="persoonlijk",
        )
    ]
    cols = table_columns("Ans")
    row = table_rows("Ans", leden)[0]
    assert [k for k, _ in cols] == [
        "naam",
        "groep",
        "ring",
        "contact",
        "geeft",
        "krijgt",
        "mantelzorg",
        "bron",
    ]
    assert dict(cols)["geeft"] == "Geeft aan Ans"
    assert row == {
        "id": "a",
        "naam": "Piet",
        "groep": "huishouden en gezin",
        "ring": "dichtbij",
        "contact": "wekelijks",
        "geeft": "praktische steun en emotionele steun",
        "krijgt": "niets genoteerd",
        "mantelzorg": "ja, 2,5 uur per week",
        "bron": "eigen netwerk",
    }


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"naam": " "}, "naam of bijnaam"),
        ({"groep": "collega's"}, "'collega's' is geen geldige groep"),
        ({"ring": 4}, "ring 4 bestaat niet"),
        ({"ring": True}, "ring True bestaat niet"),
        ({"contact": "jaarlijks"}, "geen geldige contactfrequentie"),
        ({"steun_aan_bewoner": "PX"}, "'X' is geen soort steun"),
        ({"steun_van_bewoner": 5}, "moet een reeks letters zijn"),
        ({"laag": "extern"}, "geen geldige bron"),
        ({"uren_per_week": 200}, "200 uur per week kan niet"),
    ],
)
def test_member_validation_in_dutch(kwargs, message):
    base = {"id": 1, "naam": "Piet", "groep": "familie"}
    with pytest.raises(ValueError, match=re.escape(message)):
        Netwerklid(**{**base, **kwargs})


def test_letters_normalised():
    lid = Netwerklid(
        id=1, naam="P", groep="familie", steun_aan_bewoner="p, e", steun_van_bewoner=["g"]
    )
    assert lid.steun_aan_bewoner == frozenset("PE")
    assert lid.steun_van_bewoner == frozenset("G")


def test_duplicate_ids_rejected():
    leden = [Netwerklid(id=1, naam="A", groep="familie"), Netwerklid(id=1, naam="B", groep="buren")]
    with pytest.raises(ValueError, match="twee keer"):
        render_svg("Ans", leden)


def test_drukversie_zonder_paint_order_met_witte_rand_als_kopie():
    leden = [
        Netwerklid(1, "Ans", "familie", 1, steun_aan_bewoner="PE"),
        Netwerklid(2, "Wijkteam", "professionals", 3, laag="dienst"),
    ]
    scherm = render_svg("Fatima", leden)
    druk = render_svg("Fatima", leden, druk=True)
    assert "paint-order" in scherm and "paint-order" not in druk
    assert scherm.count(">Ans</text>") == 1 and druk.count(">Ans</text>") == 2
    halo = druk.index('stroke="#fff" stroke-width="3" stroke-linejoin="round" aria-hidden="true"')
    assert halo < druk.index(">Ans</text>")  # the outline copy is drawn first (underneath)
    assert druk.count(">dichtbij</text>") == 2 and druk.count(">familie (1)</text>") == 2
    ET.fromstring(druk)  # still well-formed
