"""Network metrics for a resident's netwerkkaart, each with a plain Dutch sentence (B1).

All functions are pure and work on ``ecogram.Netwerklid`` lists. The support network is built as
a networkx DiGraph (member -> resident for support the member gives, resident -> member for
support the resident gives); degree and reciprocity come from networkx.

Only one threshold is used, from the brief: dependence is flagged when one person carries more
than half of all support links, or is the only source of a support type. No clinical cut-offs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from .ecogram import (
    GROEPEN,
    RINGEN,
    STEUN,
    Netwerklid,
    format_hours,
    letters_sorted,
    nl_list,
    support_words,
)

__all__ = [
    "Afhankelijkheid",
    "Mantelzorg",
    "Netwerkanalyse",
    "Steunbron",
    "Verandering",
    "aandeel_professionals",
    "afhankelijkheid",
    "analyseer",
    "grootte",
    "mantelzorg",
    "steungraaf",
    "steunsoorten",
    "verandering",
    "wederkerigheid",
]

DEPENDENCE_SHARE = 0.5  # flag when the top person carries more than this share of support links

_BEWONER = ("bewoner",)  # graph node for the resident; members are ("lid", id)


def _node(lid: Netwerklid) -> tuple:
    return ("lid", lid.id)


def _members(members: Iterable[Netwerklid]) -> list[Netwerklid]:
    leden = sorted(members, key=lambda lid: lid.sort_key)
    ids = [lid.id for lid in leden]
    if len(ids) != len(set(ids)):
        raise ValueError("Een netwerklid staat er twee keer in (dubbel id).")
    return leden


def _people(n: int) -> str:
    return "1 persoon" if n == 1 else f"{n} personen"


def _pct(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0


def steungraaf(members: Iterable[Netwerklid]) -> nx.DiGraph:
    """DiGraph of support: edge member->resident (``steun`` = letters the member gives) and
    resident->member (letters the member receives). Every member is a node."""
    g = nx.DiGraph()
    g.add_node(_BEWONER)
    for lid in _members(members):
        g.add_node(_node(lid), lid=lid)
        if lid.steun_aan_bewoner:
            g.add_edge(
                _node(lid), _BEWONER, steun=lid.steun_aan_bewoner, weight=len(lid.steun_aan_bewoner)
            )
        if lid.steun_van_bewoner:
            g.add_edge(
                _BEWONER, _node(lid), steun=lid.steun_van_bewoner, weight=len(lid.steun_van_bewoner)
            )
    return g


# --------------------------------------------------------------------------------------------
# Size
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grootte:
    totaal: int  # people (services from the sociale kaart are counted apart)
    per_groep: dict[str, int]
    per_ring: dict[int, int]
    zin: str
    voorzieningen: int = 0  # members of the "dienst" layer: services, not people


def grootte(members: Iterable[Netwerklid]) -> Grootte:
    alle = _members(members)
    leden = [lid for lid in alle if lid.laag != "dienst"]
    diensten = len(alle) - len(leden)
    per_groep = {g: sum(1 for lid in leden if lid.groep == g) for g in GROEPEN}
    per_ring = {r: sum(1 for lid in leden if lid.ring == r) for r in RINGEN}
    if not leden:
        zin = "Er staan nog geen mensen in het netwerk."
    else:
        delen = [f"{n} {g}" for g, n in per_groep.items() if n]
        zin = f"Het netwerk heeft {_people(len(leden))}: {nl_list(delen)}."
        leeg = [g for g, n in per_groep.items() if not n]
        if leeg:
            zin += f" Niemand bij {nl_list(leeg, 'of')}."
    if diensten:
        woord = "voorziening" if diensten == 1 else "voorzieningen"
        zin += f" {'Daarnaast' if leden else 'Wel'} {diensten} {woord} uit de sociale kaart."
    return Grootte(len(leden), per_groep, per_ring, zin, diensten)


# --------------------------------------------------------------------------------------------
# Support coverage
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Steunbron:
    letter: str
    soort: str  # Dutch name of the support type
    gevers: tuple[str, ...]  # names of members who give it, in map order
    gever_ids: tuple
    zin: str

    @property
    def gedekt(self) -> bool:
        return bool(self.gevers)

    @property
    def kwetsbaar(self) -> bool:
        """Only one person gives this type of support."""
        return len(self.gevers) == 1


def steunsoorten(members: Iterable[Netwerklid]) -> dict[str, Steunbron]:
    """For each support type P, G, A, E: who gives it to the resident."""
    leden = _members(members)
    out = {}
    for letter, soort in STEUN.items():
        gevers = [lid for lid in leden if letter in lid.steun_aan_bewoner]
        namen = tuple(lid.naam for lid in gevers)
        hoofd = soort[0].upper() + soort[1:]
        if not gevers:
            zin = f"Niemand geeft {soort}."
        elif len(gevers) == 1:
            naam = namen[0]
            zin = (
                f"{hoofd} komt van 1 persoon: {naam}. Als {naam} wegvalt, is er niemand meer "
                f"voor {soort}."
            )
        else:
            zin = f"{hoofd} komt van {_people(len(gevers))}: {nl_list(list(namen))}."
        out[letter] = Steunbron(letter, soort, namen, tuple(lid.id for lid in gevers), zin)
    return out


# --------------------------------------------------------------------------------------------
# Dependence
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Afhankelijkheid:
    totaal_links: int  # number of (member, support type) pairs given to the resident
    top_naam: str | None
    top_id: object
    top_links: int
    aandeel: float  # share of all support links carried by the top person (0..1)
    enige_bron_van: tuple[str, ...]  # support letters for which the top person is the only source
    signaal: bool
    zin: str


def afhankelijkheid(members: Iterable[Netwerklid]) -> Afhankelijkheid:
    """Does one person carry most of the support? Flag when the top person carries more than
    half of all support links, or is the only source of any support type."""
    leden = _members(members)
    g = steungraaf(leden)
    totaal = int(g.in_degree(_BEWONER, weight="weight"))
    if totaal == 0:
        return Afhankelijkheid(
            0, None, None, 0, 0.0, (), False, "Er is nog geen steun aan de bewoner genoteerd."
        )
    # The member with the heaviest edge towards the resident; on a tie the first in map order.
    gewicht = {
        lid.id: g.edges[_node(lid), _BEWONER]["weight"] if g.has_edge(_node(lid), _BEWONER) else 0
        for lid in leden
    }
    top = max(leden, key=lambda lid: gewicht[lid.id])
    top_links = len(top.steun_aan_bewoner)
    aandeel = top_links / totaal
    bronnen = steunsoorten(leden)
    enige = tuple(letter for letter, bron in bronnen.items() if bron.gever_ids == (top.id,))
    signaal = aandeel > DEPENDENCE_SHARE or bool(enige)
    zin = (
        f"{top.naam} geeft {top_links} van de {totaal} vormen van steun "
        f"({_pct(top_links, totaal)}%)."
    )
    if aandeel > DEPENDENCE_SHARE:
        zin += f" Veel steun hangt af van één persoon: {top.naam}."
    if enige:
        zin += f" {top.naam} is de enige die {support_words(enige)} geeft."
    return Afhankelijkheid(totaal, top.naam, top.id, top_links, aandeel, enige, signaal, zin)


# --------------------------------------------------------------------------------------------
# Professionals and reciprocity
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aandeel:
    aantal: int
    totaal: int
    aandeel: float
    namen: tuple[str, ...]
    zin: str


def aandeel_professionals(members: Iterable[Netwerklid]) -> Aandeel:
    """Share of professionals (group 'professionals') in the network. Reported, not judged."""
    leden = _members(members)
    pro = [lid for lid in leden if lid.groep == "professionals"]
    n = len(leden)
    if not n:
        zin = "Er staan nog geen mensen in het netwerk."
    elif not pro:
        zin = "Er staan geen professionals in het netwerk."
    else:
        woord = "is een professional" if len(pro) == 1 else "zijn professionals"
        zin = f"{len(pro)} van de {n} mensen in het netwerk {woord} ({_pct(len(pro), n)}%)."
    return Aandeel(len(pro), n, len(pro) / n if n else 0.0, tuple(lid.naam for lid in pro), zin)


def wederkerigheid(members: Iterable[Netwerklid]) -> Aandeel:
    """Members who both give support to and receive support from the resident, out of all
    members with any support recorded."""
    leden = _members(members)
    g = steungraaf(leden)
    met_steun = [lid for lid in leden if g.degree(_node(lid)) > 0]
    per_node = nx.reciprocity(g, [_node(lid) for lid in met_steun]) if met_steun else {}
    if isinstance(per_node, float):  # networkx returns a float for a single node
        per_node = {_node(met_steun[0]): per_node}
    beide = [lid for lid in met_steun if per_node.get(_node(lid), 0) == 1]
    n = len(met_steun)
    if not n:
        zin = "Er is nog geen steun genoteerd, dus ook geen steun over en weer."
    elif not beide:
        zin = "Met niemand is de steun wederzijds: de steun gaat steeds één kant op."
    else:
        woord = "persoon" if len(beide) == 1 else "mensen"
        zin = (
            f"Met {len(beide)} van de {n} {woord} is de steun wederzijds: "
            f"ze geven en krijgen iets ({nl_list([lid.naam for lid in beide])})."
        )
        if len(beide) == 1:
            zin = (
                f"Met 1 van de {n} mensen is de steun wederzijds: {beide[0].naam} geeft en "
                "krijgt iets."
            )
    return Aandeel(
        len(beide), n, len(beide) / n if n else 0.0, tuple(lid.naam for lid in beide), zin
    )


# --------------------------------------------------------------------------------------------
# Mantelzorg
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mantelzorg:
    aantal: int
    uren_totaal: float
    per_persoon: tuple[tuple[str, float | None], ...]
    grootste_naam: str | None
    grootste_aandeel: float  # share of the known hours given by the carer with most hours
    signaal: bool  # one carer carries everything
    zin: str


def mantelzorg(members: Iterable[Netwerklid]) -> Mantelzorg:
    """Mantelzorg load: hours, number of carers; flag when one carer carries everything."""
    leden = _members(members)
    zorgers = [lid for lid in leden if lid.mantelzorger]
    uren = [(lid.naam, lid.uren_per_week) for lid in zorgers]
    totaal = float(sum(u for _n, u in uren if u))
    if not zorgers:
        return Mantelzorg(0, 0.0, (), None, 0.0, False, "Er is geen mantelzorger genoteerd.")
    top = max(zorgers, key=lambda lid: (lid.uren_per_week or 0, -zorgers.index(lid)))
    top_uren = top.uren_per_week or 0.0
    aandeel = top_uren / totaal if totaal else (1.0 if len(zorgers) == 1 else 0.0)
    met_uren = [lid for lid in zorgers if lid.uren_per_week]
    alles = len(zorgers) == 1 or (bool(totaal) and len(met_uren) == 1)
    if len(zorgers) == 1:
        zin = f"Alleen {top.naam} is mantelzorger"
        zin += f" ({format_hours(top_uren)} uur per week)." if top_uren else "."
        zin += f" Als {top.naam} wegvalt, is er geen andere mantelzorger."
    else:
        zin = f"{len(zorgers)} mantelzorgers"
        if totaal:
            zin += f" geven samen {format_hours(totaal)} uur per week."
            zin += f" {top.naam} geeft er {format_hours(top_uren)} van ({_pct(top_uren, totaal)}%)."
            if alles:
                zin += f" {top.naam} draagt alle uren."
        else:
            zin += ": " + nl_list([lid.naam for lid in zorgers]) + ". De uren zijn niet bekend."
    return Mantelzorg(len(zorgers), totaal, tuple(uren), top.naam, aandeel, alles, zin)


# --------------------------------------------------------------------------------------------
# Change between two snapshots
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wijziging:
    soort: str  # nieuw, weg, ring, groep, steun
    id: object
    naam: str
    zin: str


@dataclass(frozen=True)
class Verandering:
    nieuw: tuple[Netwerklid, ...]
    weg: tuple[Netwerklid, ...]
    ring: tuple[tuple[Netwerklid, int, int], ...]  # (member now, old ring, new ring)
    steun: tuple[tuple[Netwerklid, Netwerklid], ...]  # (old, new) with changed support
    wijzigingen: tuple[Wijziging, ...] = field(default_factory=tuple)

    @property
    def zinnen(self) -> list[str]:
        if not self.wijzigingen:
            return ["Er is niets veranderd in het netwerk."]
        return [w.zin for w in self.wijzigingen]


def _support_change(naam: str, oud: frozenset, nieuw: frozenset, richting: str) -> list[str]:
    bij, af = nieuw - oud, oud - nieuw
    delen = []
    if richting == "geeft":
        if bij:
            delen.append(f"{naam} geeft nu ook {support_words(bij)}")
        if af:
            delen.append(f"{naam} geeft geen {support_words(af)} meer")
    else:
        if bij:
            delen.append(f"{naam} krijgt nu ook {support_words(bij)}")
        if af:
            delen.append(f"{naam} krijgt geen {support_words(af)} meer")
    return delen


def verandering(oud: Iterable[Netwerklid], nieuw: Iterable[Netwerklid]) -> Verandering:
    """Compare two snapshots of the same network (members matched by id)."""
    oud_l, nieuw_l = _members(oud), _members(nieuw)
    oud_by = {lid.id: lid for lid in oud_l}
    nieuw_by = {lid.id: lid for lid in nieuw_l}
    added = tuple(lid for lid in nieuw_l if lid.id not in oud_by)
    removed = tuple(lid for lid in oud_l if lid.id not in nieuw_by)
    moved = []
    steun = []
    wijz: list[Wijziging] = []
    for lid in added:
        wijz.append(
            Wijziging("nieuw", lid.id, lid.naam, f"Nieuw in het netwerk: {lid.naam} ({lid.groep}).")
        )
    for lid in removed:
        wijz.append(Wijziging("weg", lid.id, lid.naam, f"Niet meer in het netwerk: {lid.naam}."))
    for lid in nieuw_l:
        voor = oud_by.get(lid.id)
        if voor is None:
            continue
        if voor.groep != lid.groep:
            wijz.append(
                Wijziging(
                    "groep",
                    lid.id,
                    lid.naam,
                    f"{lid.naam} staat nu bij {lid.groep} (was {voor.groep}).",
                )
            )
        if voor.ring != lid.ring:
            moved.append((lid, voor.ring, lid.ring))
            richting = "Dichterbij gekomen" if lid.ring < voor.ring else "Verder weg geraakt"
            wijz.append(
                Wijziging(
                    "ring",
                    lid.id,
                    lid.naam,
                    f"{richting}: {lid.naam} (van {RINGEN[voor.ring]} naar {RINGEN[lid.ring]}).",
                )
            )
        if (
            voor.steun_aan_bewoner != lid.steun_aan_bewoner
            or voor.steun_van_bewoner != lid.steun_van_bewoner
        ):
            steun.append((voor, lid))
            delen = _support_change(
                lid.naam, voor.steun_aan_bewoner, lid.steun_aan_bewoner, "geeft"
            ) + _support_change(lid.naam, voor.steun_van_bewoner, lid.steun_van_bewoner, "krijgt")
            zin = "Steun veranderd: " + "; ".join(delen) + "."
            wijz.append(Wijziging("steun", lid.id, lid.naam, zin))
    return Verandering(added, removed, tuple(moved), tuple(steun), tuple(wijz))


# --------------------------------------------------------------------------------------------
# All together
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Netwerkanalyse:
    grootte: Grootte
    steunsoorten: dict[str, Steunbron]
    afhankelijkheid: Afhankelijkheid
    professionals: Aandeel
    wederkerigheid: Aandeel
    mantelzorg: Mantelzorg

    @property
    def ontbrekende_steun(self) -> list[str]:
        return letters_sorted(k for k, b in self.steunsoorten.items() if not b.gedekt)

    @property
    def zinnen(self) -> list[str]:
        """All sentences in display order."""
        return [
            self.grootte.zin,
            *(b.zin for b in self.steunsoorten.values()),
            self.afhankelijkheid.zin,
            self.professionals.zin,
            self.wederkerigheid.zin,
            self.mantelzorg.zin,
        ]

    @property
    def signalen(self) -> list[str]:
        """Sentences that deserve attention in the conversation with the resident."""
        out = [b.zin for b in self.steunsoorten.values() if not b.gedekt or b.kwetsbaar]
        if self.afhankelijkheid.signaal:
            out.append(self.afhankelijkheid.zin)
        if self.mantelzorg.signaal:
            out.append(self.mantelzorg.zin)
        return out


def analyseer(members: Iterable[Netwerklid]) -> Netwerkanalyse:
    leden = _members(members)
    return Netwerkanalyse(
        grootte=grootte(leden),
        steunsoorten=steunsoorten(leden),
        afhankelijkheid=afhankelijkheid(leden),
        professionals=aandeel_professionals(leden),
        wederkerigheid=wederkerigheid(leden),
        mantelzorg=mantelzorg(leden),
    )
