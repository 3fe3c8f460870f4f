"""Validated questionnaires: item texts, answer options and scoring.

Instruments (see docs/instrumenten.md and DOMAIN.md section 1):

- ``djg11``: De Jong Gierveld eenzaamheidsschaal, 11 items.
- ``djg6``: De Jong Gierveld, short scale with 6 items.
- ``lsns6``: Lubben Social Network Scale, 6 items (Dutch text is our own translation).
- ``ediz``: Ervaren Druk door Informele Zorg, 9 items.

``score(code, answers, settings=...)`` is pure: no database, no Django. Answers are given in item
order; ``None`` means "not answered". Invalid input raises ``ValueError`` with a Dutch message that
a UI can show as is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "INSTRUMENTEN",
    "Antwoord",
    "Instrument",
    "ScoreResult",
    "ScoringSettings",
    "Vraag",
    "score",
]


# --------------------------------------------------------------------------------------------
# Data for rendering a questionnaire
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vraag:
    """One item. ``schaal`` is the subscale key (or None); ``kop`` an optional section heading."""

    nummer: int
    tekst: str
    schaal: str | None = None
    positief: bool = False  # positively worded item (scored reversed)
    kop: str = ""


@dataclass(frozen=True)
class Antwoord:
    """One answer option: ``waarde`` is what ``score`` accepts, ``label`` what a UI shows."""

    waarde: str | int
    label: str


@dataclass(frozen=True)
class Instrument:
    code: str
    naam: str
    inleiding: str
    vragen: tuple[Vraag, ...]
    antwoorden: tuple[Antwoord, ...]
    bron: str
    bron_urls: tuple[str, ...]
    min_totaal: int
    max_totaal: int
    subschalen: tuple[str, ...] = ()
    opmerking: str = ""

    @property
    def aantal_vragen(self) -> int:
        return len(self.vragen)


_DJG_INLEIDING = (
    "Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste "
    "tijd bent, van toepassing is?"
)

_DJG11_ITEMS = (
    (
        "Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes "
        "terecht kan.",
        "sociaal",
    ),
    ("Ik mis een echt goede vriend of vriendin.", "emotioneel"),
    ("Ik ervaar een leegte om me heen.", "emotioneel"),
    (
        "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.",
        "sociaal",
    ),
    ("Ik mis gezelligheid om me heen.", "emotioneel"),
    ("Ik vind mijn kring van kennissen te beperkt.", "emotioneel"),
    ("Ik heb veel mensen op wie ik volledig kan vertrouwen.", "sociaal"),
    ("Er zijn voldoende mensen met wie ik me nauw verbonden voel.", "sociaal"),
    ("Ik mis mensen om me heen.", "emotioneel"),
    ("Vaak voel ik me in de steek gelaten.", "emotioneel"),
    (
        "Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht.",
        "sociaal",
    ),
)

# Short scale: 11-item numbers 3, 4, 7, 9, 8, 10 in the order of administration.
_DJG6_FROM_DJG11 = (3, 4, 7, 9, 8, 10)

_DJG_ANTWOORDEN = (
    Antwoord("ja", "ja"),
    Antwoord("min of meer", "min of meer"),
    Antwoord("nee", "nee"),
)

_EDIZ_ITEMS = (
    "Door de situatie van mijn naaste kom ik te weinig aan mijn leven toe.",
    "Het combineren van de verantwoordelijkheid voor mijn naaste en de verantwoordelijkheid voor "
    "mijn werk en/of gezin valt niet mee.",
    "Door mijn betrokkenheid bij mijn naaste doe ik anderen tekort.",
    "Ik moet altijd maar klaarstaan voor mijn naaste.",
    "Mijn zelfstandigheid komt in de knel.",
    "De situatie van mijn naaste eist voortdurend mijn aandacht.",
    "Door mijn betrokkenheid bij mijn naaste krijg ik conflicten thuis en/of op mijn werk.",
    "De situatie van mijn naaste laat mij nooit los.",
    "Ik voel me over het geheel genomen erg onder druk staan door de situatie van mijn naaste.",
)

_EDIZ_ANTWOORDEN = (
    Antwoord("nee!", "nee!"),
    Antwoord("nee", "nee"),
    Antwoord("min of meer", "min of meer"),
    Antwoord("ja", "ja"),
    Antwoord("ja!", "ja!"),
)

# LSNS-6: our own Dutch translation of Lubben et al. (2006). No official Dutch wording was found.
_LSNS_KOP_FAMILIE = (
    "Familie. Denk aan de mensen met wie u familie bent: door geboorte, huwelijk, adoptie of op "
    "een andere manier."
)
_LSNS_KOP_VRIENDEN = "Vrienden. Denk aan al uw vrienden, ook vrienden die bij u in de buurt wonen."
_LSNS_ITEMS = (
    ("Hoeveel familieleden ziet of spreekt u minstens één keer per maand?", "familie"),
    ("Met hoeveel familieleden kunt u goed praten over persoonlijke dingen?", "familie"),
    ("Hoeveel familieleden staan zo dicht bij u dat u ze om hulp kunt vragen?", "familie"),
    ("Hoeveel vrienden ziet of spreekt u minstens één keer per maand?", "vrienden"),
    ("Met hoeveel vrienden kunt u goed praten over persoonlijke dingen?", "vrienden"),
    ("Hoeveel vrienden staan zo dicht bij u dat u ze om hulp kunt vragen?", "vrienden"),
)
_LSNS_ANTWOORDEN = (
    Antwoord(0, "geen"),
    Antwoord(1, "één"),
    Antwoord(2, "twee"),
    Antwoord(3, "drie of vier"),
    Antwoord(4, "vijf tot en met acht"),
    Antwoord(5, "negen of meer"),
)

_DJG_URLS = (
    "https://home.fsw.vu.nl/tg.van.tilburg/manual_loneliness_scale_1999.html",
    "https://www.rivm.nl/media/eenzaamheid/verantwoording.html",
    "https://www.vzinfo.nl/eenzaamheid/verantwoording/methoden",
    "https://u10.buurtmonitor.nl",
)


def _djg11() -> Instrument:
    vragen = tuple(
        Vraag(nummer=i, tekst=tekst, schaal=schaal, positief=schaal == "sociaal")
        for i, (tekst, schaal) in enumerate(_DJG11_ITEMS, start=1)
    )
    return Instrument(
        code="djg11",
        naam="De Jong Gierveld eenzaamheidsschaal (11 vragen)",
        inleiding=_DJG_INLEIDING,
        vragen=vragen,
        antwoorden=_DJG_ANTWOORDEN,
        bron=("De Jong Gierveld & Kamphuis (1985); cut-offs Van Tilburg & De Jong Gierveld (1999)"),
        bron_urls=_DJG_URLS,
        min_totaal=0,
        max_totaal=11,
        subschalen=("emotioneel", "sociaal"),
        opmerking=(
            "U mag ook de vijf antwoorden ja!, ja, min of meer, nee en nee! gebruiken. "
            "Ja! telt als ja en nee! telt als nee."
        ),
    )


def _djg6() -> Instrument:
    vragen = tuple(
        Vraag(
            nummer=i,
            tekst=_DJG11_ITEMS[oud - 1][0],
            schaal=_DJG11_ITEMS[oud - 1][1],
            positief=_DJG11_ITEMS[oud - 1][1] == "sociaal",
        )
        for i, oud in enumerate(_DJG6_FROM_DJG11, start=1)
    )
    return Instrument(
        code="djg6",
        naam="De Jong Gierveld eenzaamheidsschaal (6 vragen)",
        inleiding=_DJG_INLEIDING,
        vragen=vragen,
        antwoorden=_DJG_ANTWOORDEN,
        bron=(
            "De Jong Gierveld & Kamphuis (1985); korte schaal en cut-offs Van Tilburg & "
            "De Jong Gierveld (1999), 'A short scale'; Nederlandse tekst CBS (2023)"
        ),
        bron_urls=_DJG_URLS[:1],
        min_totaal=0,
        max_totaal=6,
        subschalen=("emotioneel", "sociaal"),
        opmerking=(
            "U mag ook de vijf antwoorden ja!, ja, min of meer, nee en nee! gebruiken. "
            "Ja! telt als ja en nee! telt als nee."
        ),
    )


def _lsns6() -> Instrument:
    vragen = tuple(
        Vraag(
            nummer=i,
            tekst=tekst,
            schaal=schaal,
            kop={1: _LSNS_KOP_FAMILIE, 4: _LSNS_KOP_VRIENDEN}.get(i, ""),
        )
        for i, (tekst, schaal) in enumerate(_LSNS_ITEMS, start=1)
    )
    return Instrument(
        code="lsns6",
        naam="Lubben Social Network Scale (LSNS-6)",
        inleiding="Deze vragen gaan over uw familie en uw vrienden.",
        vragen=vragen,
        antwoorden=_LSNS_ANTWOORDEN,
        bron=(
            "Lubben et al. (2006), The Gerontologist 46(4):503–513; "
            "Nederlandse tekst: eigen vertaling Sociale Basis"
        ),
        bron_urls=(),
        min_totaal=0,
        max_totaal=30,
        subschalen=("familie", "vrienden"),
        opmerking=(
            "Eigen vertaling. Er is geen officiële Nederlandse tekst van de LSNS-6 gevonden. "
            "Deze Nederlandse vragen zijn onze vertaling van het Engelse origineel."
        ),
    )


def _ediz() -> Instrument:
    vragen = tuple(Vraag(nummer=i, tekst=tekst) for i, tekst in enumerate(_EDIZ_ITEMS, start=1))
    return Instrument(
        code="ediz",
        naam="Ervaren Druk door Informele Zorg (EDIZ)",
        inleiding=(
            "Geef aan of de afgelopen paar weken de volgende stellingen op u van toepassing waren."
        ),
        vragen=vragen,
        antwoorden=_EDIZ_ANTWOORDEN,
        bron="Pot, Van Dyck & Deeg (1995)",
        bron_urls=(),
        min_totaal=0,
        max_totaal=9,
        opmerking=(
            "Er is geen officiële grens voor overbelasting. Kijk naar de score en hoe die "
            "verandert. Een gemeente kan zelf een signaalgrens instellen."
        ),
    )


INSTRUMENTEN: Mapping[str, Instrument] = MappingProxyType(
    {i.code: i for i in (_djg11(), _djg6(), _lsns6(), _ediz())}
)


# --------------------------------------------------------------------------------------------
# Settings and result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoringSettings:
    """Thresholds that sources disagree on or that are not confirmed.

    - ``djg11_subscale_threshold``: a DJG-11 subscale score at or above this value counts as
      lonely on that subscale. Default 2 (RIVM 2016 text); vzinfo uses 3.
    - ``lsns6_subscale_threshold``: an LSNS-6 subscale below this value counts as "risico".
      The value 6 is commonly quoted but unconfirmed, so it is off (None) by default.
    - ``ediz_signal_threshold``: an EDIZ total at or above this value gives "signaal". There is no
      official cut-off; a municipality may set one. Off (None) by default.
    """

    djg11_subscale_threshold: int = 2
    lsns6_subscale_threshold: int | None = None
    ediz_signal_threshold: int | None = None

    def __post_init__(self) -> None:
        checks = (
            ("djg11_subscale_threshold", self.djg11_subscale_threshold, 1, 5, False),
            ("lsns6_subscale_threshold", self.lsns6_subscale_threshold, 1, 15, True),
            ("ediz_signal_threshold", self.ediz_signal_threshold, 1, 9, True),
        )
        for naam, waarde, laag, hoog, mag_leeg in checks:
            if waarde is None and mag_leeg:
                continue
            if (
                isinstance(waarde, bool)
                or not isinstance(waarde, int)
                or not laag <= waarde <= hoog
            ):
                raise ValueError(
                    f"Instelling {naam}: {waarde!r} is niet geldig; "
                    f"kies een heel getal van {laag} tot en met {hoog}."
                )


DEFAULT_SETTINGS = ScoringSettings()


@dataclass(frozen=True)
class ScoreResult:
    """Outcome of ``score``.

    ``total`` and subscale values are None when not scorable. ``category`` is a slug,
    ``category_label`` its Dutch text. ``reason`` explains in Dutch why a score is missing.
    """

    code: str
    total: int | None
    max_total: int
    subscales: dict[str, int | None]
    category: str | None
    category_label: str | None
    subscale_categories: dict[str, str | None] = field(default_factory=dict)
    subscale_labels: dict[str, str | None] = field(default_factory=dict)
    missing: int = 0
    missing_items: tuple[int, ...] = ()
    answers: tuple[str | int | None, ...] = ()
    source: str = ""
    reason: str = ""
    settings: ScoringSettings = DEFAULT_SETTINGS

    @property
    def scorable(self) -> bool:
        return self.total is not None

    @property
    def summary(self) -> str:
        """One Dutch sentence for display, e.g. 'Score 5 van 11: matig eenzaam.'"""
        if self.total is None:
            return self.reason or "Geen score: niet alle vragen zijn beantwoord."
        tekst = f"Score {self.total} van {self.max_total}"
        if self.category_label:
            tekst += f": {self.category_label}"
        return tekst + "."


# --------------------------------------------------------------------------------------------
# Answer parsing
# --------------------------------------------------------------------------------------------

_WOORDEN = {
    "ja!": "ja!",
    "ja": "ja",
    "min of meer": "min of meer",
    "nee": "nee",
    "nee!": "nee!",
}


def _normalise_word(raw: str) -> str | None:
    text = " ".join(raw.replace("-", " ").replace("_", " ").split()).casefold()
    text = text.replace(" !", "!")
    return _WOORDEN.get(text)


def _fmt_number_list(nummers: Iterable[int]) -> str:
    items = [str(n) for n in nummers]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def _missing_reason(nummers: tuple[int, ...]) -> str:
    if len(nummers) == 1:
        return f"vraag {nummers[0]} is niet beantwoord"
    return f"vragen {_fmt_number_list(nummers)} zijn niet beantwoord"


def _parse_words(instrument: Instrument, answers: list, *, five_point: bool) -> list[str | None]:
    if five_point:
        keuze = "nee!, nee, min of meer, ja of ja!"
    else:
        keuze = "ja, min of meer of nee"
    out: list[str | None] = []
    for nummer, raw in enumerate(answers, start=1):
        if raw is None:
            out.append(None)
            continue
        if not isinstance(raw, str):
            raise ValueError(
                f"Vraag {nummer}: {raw!r} is geen geldig antwoord; "
                f"geef een woord als antwoord: {keuze}."
            )
        if not raw.strip():
            out.append(None)  # an empty form field counts as not answered
            continue
        woord = _normalise_word(raw)
        if woord is None:
            raise ValueError(
                f"Vraag {nummer}: '{raw.strip()}' is geen geldig antwoord; kies {keuze}."
            )
        if not five_point:
            woord = woord.rstrip("!")
        out.append(woord)
    return out


def _parse_numbers(answers: list) -> list[int | None]:
    out: list[int | None] = []
    for nummer, raw in enumerate(answers, start=1):
        if raw is None:
            out.append(None)
        elif isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(
                f"Vraag {nummer}: {raw!r} is geen geldig antwoord; "
                "geef een heel getal van 0 tot en met 5."
            )
        elif not 0 <= raw <= 5:
            raise ValueError(
                f"Vraag {nummer}: {raw} is geen geldig antwoord; kies een getal van 0 tot en met 5."
            )
        else:
            out.append(raw)
    return out


def _as_list(instrument: Instrument, answers: object) -> list:
    if isinstance(answers, str | bytes | Mapping) or not isinstance(answers, Iterable):
        raise ValueError(
            f"Geef de antwoorden als een lijst, in de volgorde van de vragen "
            f"({instrument.aantal_vragen} antwoorden)."
        )
    items = list(answers)
    if len(items) != instrument.aantal_vragen:
        raise ValueError(
            f"De vragenlijst {instrument.naam} heeft {instrument.aantal_vragen} vragen, "
            f"maar er zijn {len(items)} antwoorden gegeven."
        )
    return items


def _settings(settings: ScoringSettings | Mapping | None) -> ScoringSettings:
    if settings is None:
        return DEFAULT_SETTINGS
    if isinstance(settings, ScoringSettings):
        return settings
    if isinstance(settings, Mapping):
        try:
            return ScoringSettings(**settings)
        except TypeError as exc:
            raise ValueError(f"Onbekende instelling voor het scoren: {exc}") from exc
    raise ValueError("De instellingen voor het scoren hebben een onbekende vorm.")


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

_LONELY_LABELS = {
    "niet": "niet eenzaam",
    "matig": "matig eenzaam",
    "sterk": "sterk eenzaam",
    "zeer_sterk": "zeer sterk eenzaam",
}

_SUBSCALE_LONELY_LABELS = {
    ("emotioneel", "niet"): "niet emotioneel eenzaam",
    ("emotioneel", "eenzaam"): "emotioneel eenzaam",
    ("sociaal", "niet"): "niet sociaal eenzaam",
    ("sociaal", "eenzaam"): "sociaal eenzaam",
}

_LSNS_LABELS = {
    "risico": "risico op sociaal isolement",
    "geen_risico": "geen verhoogd risico op sociaal isolement",
}

_LSNS_SUB_LABELS = {
    ("familie", "risico"): "klein netwerk van familie",
    ("familie", "geen_risico"): "geen klein netwerk van familie",
    ("vrienden", "risico"): "klein netwerk van vrienden",
    ("vrienden", "geen_risico"): "geen klein netwerk van vrienden",
}

_EDIZ_LABELS = {
    "signaal": "op of boven de signaalgrens van de gemeente",
    "geen_signaal": "onder de signaalgrens van de gemeente",
}


def _lonely_item(woord: str | None, vraag: Vraag) -> int | None:
    """1 when the answer counts as lonely. The neutral answer counts in both directions."""
    if woord is None:
        return None
    if vraag.positief:  # social items are positively worded: nee or min of meer = lonely
        return 1 if woord in ("nee", "min of meer") else 0
    return 1 if woord in ("ja", "min of meer") else 0


def _djg11_category(total: int) -> str:
    if total <= 2:
        return "niet"
    if total <= 8:
        return "matig"
    if total <= 10:
        return "sterk"
    return "zeer_sterk"


def _djg6_category(total: int) -> str:
    if total <= 1:
        return "niet"
    if total <= 4:
        return "matig"
    return "sterk"


def _score_djg(
    instrument: Instrument, woorden: list[str | None], settings: ScoringSettings
) -> dict:
    punten = [_lonely_item(w, v) for w, v in zip(woorden, instrument.vragen, strict=True)]
    missing_items = tuple(
        v.nummer for v, p in zip(instrument.vragen, punten, strict=True) if p is None
    )
    subscales: dict[str, int | None] = {}
    for schaal in instrument.subschalen:
        eigen = [p for p, v in zip(punten, instrument.vragen, strict=True) if v.schaal == schaal]
        subscales[schaal] = None if None in eigen else sum(eigen)

    if instrument.code == "djg11":
        # Our rule: no total when any item is missing (manual syntax covers only the short scale).
        total = None if missing_items else sum(punten)
        drempel = settings.djg11_subscale_threshold
        category = _djg11_category(total) if total is not None else None
    else:
        # Manual syntax for the short scale: total = COUNT of lonely answers over the answered
        # items; total missing when more than 1 item is missing. No extrapolation.
        total = None if len(missing_items) > 1 else sum(p for p in punten if p is not None)
        drempel = 1  # short scale subscales: 0 = niet, 1-3 = eenzaam
        category = _djg6_category(total) if total is not None else None

    sub_cats: dict[str, str | None] = {}
    for schaal, waarde in subscales.items():
        sub_cats[schaal] = None if waarde is None else ("eenzaam" if waarde >= drempel else "niet")

    reason = ""
    if total is None:
        if instrument.code == "djg11":
            reason = f"Geen totaalscore: {_missing_reason(missing_items)}."
        else:
            reason = (
                f"Geen totaalscore: {_missing_reason(missing_items)}. "
                "Bij deze korte lijst mag hooguit 1 vraag open blijven."
            )
    return {
        "total": total,
        "subscales": subscales,
        "category": category,
        "category_label": _LONELY_LABELS.get(category) if category else None,
        "subscale_categories": sub_cats,
        "subscale_labels": {
            s: (_SUBSCALE_LONELY_LABELS[(s, c)] if c else None) for s, c in sub_cats.items()
        },
        "missing_items": missing_items,
        "reason": reason,
    }


def _score_lsns6(
    instrument: Instrument, getallen: list[int | None], settings: ScoringSettings
) -> dict:
    missing_items = tuple(
        v.nummer for v, g in zip(instrument.vragen, getallen, strict=True) if g is None
    )
    total = None if missing_items else sum(getallen)
    subscales: dict[str, int | None] = {}
    for schaal in instrument.subschalen:
        eigen = [g for g, v in zip(getallen, instrument.vragen, strict=True) if v.schaal == schaal]
        subscales[schaal] = None if None in eigen else sum(eigen)
    category = None if total is None else ("risico" if total < 12 else "geen_risico")
    drempel = settings.lsns6_subscale_threshold
    sub_cats: dict[str, str | None] = {}
    for schaal, waarde in subscales.items():
        if drempel is None or waarde is None:
            sub_cats[schaal] = None
        else:
            sub_cats[schaal] = "risico" if waarde < drempel else "geen_risico"
    return {
        "total": total,
        "subscales": subscales,
        "category": category,
        "category_label": _LSNS_LABELS.get(category) if category else None,
        "subscale_categories": sub_cats,
        "subscale_labels": {
            s: (_LSNS_SUB_LABELS[(s, c)] if c else None) for s, c in sub_cats.items()
        },
        "missing_items": missing_items,
        "reason": f"Geen totaalscore: {_missing_reason(missing_items)}." if missing_items else "",
    }


def _score_ediz(
    instrument: Instrument, woorden: list[str | None], settings: ScoringSettings
) -> dict:
    missing_items = tuple(
        v.nummer for v, w in zip(instrument.vragen, woorden, strict=True) if w is None
    )
    # Our rule (as for DJG-11): no total when any item is missing.
    total = None if missing_items else sum(1 for w in woorden if w in ("ja!", "ja", "min of meer"))
    drempel = settings.ediz_signal_threshold
    category = None
    if total is not None and drempel is not None:
        category = "signaal" if total >= drempel else "geen_signaal"
    return {
        "total": total,
        "subscales": {},
        "category": category,
        "category_label": _EDIZ_LABELS.get(category) if category else None,
        "subscale_categories": {},
        "subscale_labels": {},
        "missing_items": missing_items,
        "reason": f"Geen totaalscore: {_missing_reason(missing_items)}." if missing_items else "",
    }


def score(
    code: str,
    answers: Iterable[str | int | None],
    *,
    settings: ScoringSettings | Mapping | None = None,
) -> ScoreResult:
    """Score one filled-in questionnaire.

    ``answers`` are in item order. Words for djg11/djg6/ediz (case and spacing do not matter;
    "min-of-meer" is accepted), integers 0-5 for lsns6, ``None`` (or an empty string for the word
    instruments) for a missing answer. Raises ``ValueError`` with a Dutch message on bad input.
    """
    instrument = INSTRUMENTEN.get(code) if isinstance(code, str) else None
    if instrument is None:
        raise ValueError(f"Onbekende vragenlijst {code!r}. Kies uit: {', '.join(INSTRUMENTEN)}.")
    instellingen = _settings(settings)
    items = _as_list(instrument, answers)
    if code in ("djg11", "djg6"):
        parsed: list = _parse_words(instrument, items, five_point=False)
        uitkomst = _score_djg(instrument, parsed, instellingen)
    elif code == "ediz":
        parsed = _parse_words(instrument, items, five_point=True)
        uitkomst = _score_ediz(instrument, parsed, instellingen)
    else:
        parsed = _parse_numbers(items)
        uitkomst = _score_lsns6(instrument, parsed, instellingen)
    missing_items = uitkomst.pop("missing_items")
    return ScoreResult(
        code=code,
        max_total=instrument.max_totaal,
        missing=len(missing_items),
        missing_items=missing_items,
        answers=tuple(parsed),
        source=instrument.bron,
        settings=instellingen,
        **uitkomst,
    )
