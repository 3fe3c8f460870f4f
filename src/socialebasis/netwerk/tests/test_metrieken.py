"""Network metrics on constructed networks (pure, no database)."""

import pytest

from socialebasis.netwerk.ecogram import Netwerklid
from socialebasis.netwerk.metrieken import (
    aandeel_professionals,
    afhankelijkheid,
    analyseer,
    grootte,
    mantelzorg,
    steungraaf,
    steunsoorten,
    verandering,
    wederkerigheid,
)

pytestmark = pytest.mark.pure


def lid(id, naam, groep="familie", ring=2, geeft="", krijgt="", **kw):
    return Netwerklid(
        id=id,
        naam=naam,
        groep=groep,
        ring=ring,
        steun_aan_bewoner=geeft,
        steun_van_bewoner=krijgt,
        **kw,
    )


ANS = lid(1, "Ans", "huishouden", 1, geeft="PGAE", krijgt="G", mantelzorger=True, uren_per_week=20)
BERT = lid(2, "Bert", "vrienden", 2, geeft="G")
COR = lid(3, "Cor", "buren", 3, geeft="P", krijgt="P")
WIJK = lid(4, "Wijkteam", "professionals", 3, geeft="A", laag="dienst")


def test_size_per_group():
    g = grootte([ANS, BERT, COR, WIJK])
    assert g.totaal == 3 and g.voorzieningen == 1  # a service from the kaart is not a person
    assert g.per_groep == {
        "huishouden": 1,
        "familie": 0,
        "vrienden": 1,
        "buren": 1,
        "kennissen": 0,
        "vrijwilligers": 0,
        "professionals": 0,
    }
    assert g.per_ring == {1: 1, 2: 1, 3: 1}
    assert g.zin == (
        "Het netwerk heeft 3 personen: 1 huishouden, 1 vrienden en 1 buren. "
        "Niemand bij familie, kennissen, vrijwilligers of professionals. "
        "Daarnaast 1 voorziening uit de sociale kaart."
    )
    assert grootte([]).zin == "Er staan nog geen mensen in het netwerk."
    assert grootte([WIJK]).zin == (
        "Er staan nog geen mensen in het netwerk. Wel 1 voorziening uit de sociale kaart."
    )


def test_support_types_and_only_source_sentence():
    s = steunsoorten([ANS, BERT, COR, WIJK])
    assert s["E"].gevers == ("Ans",)
    assert s["E"].kwetsbaar
    assert s["E"].zin == (
        "Emotionele steun komt van 1 persoon: Ans. Als Ans wegvalt, is er niemand meer voor "
        "emotionele steun."
    )
    assert s["G"].gevers == ("Ans", "Bert")
    assert s["G"].zin == "Gezelschap komt van 2 personen: Ans en Bert."
    assert s["P"].gevers == ("Ans", "Cor")
    s2 = steunsoorten([BERT])
    assert not s2["E"].gedekt
    assert s2["E"].zin == "Niemand geeft emotionele steun."


def test_dependence_top_person_over_half():
    a = afhankelijkheid([ANS, BERT, COR, WIJK])
    assert a.totaal_links == 7
    assert a.top_naam == "Ans" and a.top_links == 4
    assert a.aandeel == pytest.approx(4 / 7)
    assert a.enige_bron_van == ("E",)
    assert a.signaal
    assert a.zin == (
        "Ans geeft 4 van de 7 vormen van steun (57%). Veel steun hangt af van één persoon: Ans. "
        "Ans is de enige die emotionele steun geeft."
    )


def test_dependence_only_source_without_majority():
    leden = [lid(1, "A", geeft="PE"), lid(2, "B", geeft="PG"), lid(3, "C", geeft="GA")]
    a = afhankelijkheid(leden)
    assert a.aandeel == pytest.approx(2 / 6)
    assert a.top_naam == "A"  # tie: first in map order
    assert a.enige_bron_van == ("E",)
    assert a.signaal


def test_dependence_spread_no_signal():
    leden = [
        lid(1, "A", geeft="PE"),
        lid(2, "B", geeft="PE"),
        lid(3, "C", geeft="GA"),
        lid(4, "D", geeft="GA"),
    ]
    a = afhankelijkheid(leden)
    assert not a.signaal
    assert a.zin == "A geeft 2 van de 8 vormen van steun (25%)."


def test_dependence_exactly_half_is_not_flagged_by_share():
    leden = [lid(1, "A", geeft="PG"), lid(2, "B", geeft="P"), lid(3, "C", geeft="G")]
    a = afhankelijkheid(leden)
    assert a.aandeel == 0.5
    assert not a.signaal


def test_dependence_empty():
    a = afhankelijkheid([BERT.__class__(id=9, naam="X", groep="buren")])
    assert a.totaal_links == 0 and not a.signaal and a.top_naam is None


def test_share_of_professionals():
    p = aandeel_professionals([ANS, BERT, COR, WIJK])
    assert (p.aantal, p.totaal) == (1, 4)
    assert p.zin == "1 van de 4 mensen in het netwerk is een professional (25%)."
    assert aandeel_professionals([ANS]).zin == "Er staan geen professionals in het netwerk."
    two = aandeel_professionals([WIJK, lid(5, "Huisarts", "professionals")])
    assert two.zin == "2 van de 2 mensen in het netwerk zijn professionals (100%)."


def test_reciprocity():
    w = wederkerigheid([ANS, BERT, COR, WIJK, lid(9, "Zonder steun")])
    assert w.namen == ("Ans", "Cor")
    assert (w.aantal, w.totaal) == (2, 4)
    assert w.zin == (
        "Met 2 van de 4 mensen is de steun wederzijds: ze geven en krijgen iets (Ans en Cor)."
    )
    one = wederkerigheid([ANS, BERT])
    assert one.zin == "Met 1 van de 2 mensen is de steun wederzijds: Ans geeft en krijgt iets."
    assert wederkerigheid([BERT]).aantal == 0
    assert "Met niemand" in wederkerigheid([BERT]).zin
    assert wederkerigheid([]).totaal == 0


def test_graph_edges():
    g = steungraaf([ANS, BERT])
    assert g.number_of_nodes() == 3
    assert g.edges[("lid", 1), ("bewoner",)]["steun"] == frozenset("PGAE")
    assert g.edges[("bewoner",), ("lid", 1)]["steun"] == frozenset("G")
    assert not g.has_edge(("bewoner",), ("lid", 2))


def test_mantelzorg_single_carer():
    m = mantelzorg([ANS, BERT])
    assert (m.aantal, m.uren_totaal, m.signaal) == (1, 20.0, True)
    assert m.zin == (
        "Alleen Ans is mantelzorger (20 uur per week). Als Ans wegvalt, is er geen andere "
        "mantelzorger."
    )


def test_mantelzorg_shared():
    leden = [ANS, lid(5, "Dochter", mantelzorger=True, uren_per_week=5)]
    m = mantelzorg(leden)
    assert (m.aantal, m.uren_totaal, m.signaal) == (2, 25.0, False)
    assert m.grootste_naam == "Ans" and m.grootste_aandeel == pytest.approx(0.8)
    assert m.zin == "2 mantelzorgers geven samen 25 uur per week. Ans geeft er 20 van (80%)."


def test_mantelzorg_one_carries_all_hours():
    leden = [ANS, lid(5, "Dochter", mantelzorger=True, uren_per_week=0)]
    m = mantelzorg(leden)
    assert m.signaal
    assert m.zin.endswith("Ans draagt alle uren.")


def test_mantelzorg_none_and_unknown_hours():
    assert mantelzorg([BERT]).zin == "Er is geen mantelzorger genoteerd."
    leden = [lid(5, "A", mantelzorger=True), lid(6, "B", mantelzorger=True)]
    assert mantelzorg(leden).zin == "2 mantelzorgers: A en B. De uren zijn niet bekend."


def test_change_between_snapshots():
    oud = [ANS, BERT, COR]
    nieuw = [
        lid(1, "Ans", "huishouden", 1, geeft="PGA", krijgt="GE", mantelzorger=True),
        lid(2, "Bert", "vrienden", 1, geeft="G"),
        WIJK,
    ]
    v = verandering(oud, nieuw)
    assert [m.naam for m in v.nieuw] == ["Wijkteam"]
    assert [m.naam for m in v.weg] == ["Cor"]
    assert [(m.naam, a, b) for m, a, b in v.ring] == [("Bert", 2, 1)]
    assert [n.naam for _o, n in v.steun] == ["Ans"]
    assert v.zinnen == [
        "Nieuw in het netwerk: Wijkteam (professionals).",
        "Niet meer in het netwerk: Cor.",
        "Steun veranderd: Ans geeft geen emotionele steun meer; Ans krijgt nu ook emotionele "
        "steun.",
        "Dichterbij gekomen: Bert (van midden naar dichtbij).",
    ]


def test_change_moved_out_and_group():
    v = verandering([lid(1, "A", "buren", 1)], [lid(1, "A", "vrienden", 3)])
    assert v.zinnen == [
        "A staat nu bij vrienden (was buren).",
        "Verder weg geraakt: A (van dichtbij naar verder).",
    ]
    assert verandering([ANS], [ANS]).zinnen == ["Er is niets veranderd in het netwerk."]


def test_analysis_sentences_and_signals():
    a = analyseer([ANS, BERT, COR, WIJK])
    assert len(a.zinnen) == 1 + 4 + 4
    assert a.ontbrekende_steun == []
    assert any("Emotionele steun komt van 1 persoon" in s for s in a.signalen)
    assert a.afhankelijkheid.zin in a.signalen
    assert a.mantelzorg.zin in a.signalen
    leeg = analyseer([BERT])
    assert leeg.ontbrekende_steun == ["P", "A", "E"]


def test_duplicate_ids_rejected():
    with pytest.raises(ValueError, match="twee keer"):
        analyseer([ANS, lid(1, "Ander")])
