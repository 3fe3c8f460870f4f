"""Pure matching engine for Koppelen: volunteers (offers) matched to residents (requests).

No Django, no database: plain dataclasses in, plain dataclasses out. See
docs/koppelen-engine.md for the model. In short:

* candidate pairs are generated per need with a spatial grid and vectorised haversine
  distances (numpy), then filtered on diet, days and VOG;
* the assignment is one min-cost flow (OR-Tools ``SimpleMinCostFlow``)::

      request r (supply 1) --[cap 1, cost d*S + soft]--> offer o --[cap = free capacity]--> sink
      request r            --[cap 1, cost U * w(r)]------------------------------------> sink

  The second arc is the "not matched" bypass, so the flow is always feasible and
  leaving a request unmatched costs ``U * w(r)``;
* the integer scales ``S`` and ``U`` make the scalar cost exactly lexicographic:
  (1) priority-weighted number of matches, (2) total distance in whole metres,
  (3) soft-preference penalty. The argument (also in the docs): the difference between
  the solver's optimum and any better solution decomposes into simple cycles of the
  residual graph, one of which must itself be a lexicographic improvement. A simple
  cycle visits the sink at most once, so it adds at most one request and drops at most
  one; and it uses at most ``2*m`` request-offer arcs, ``m`` being the largest, over
  the need groups, of the smaller side (requests or offers) of that group.
  ``S > 2*m*max_soft`` and ``U > 2*m*max_arc_cost`` then make every such cycle also a
  strict improvement of the scalar cost, a contradiction.
* weights ``w(r) = 1 + rank of r.priority`` are strictly increasing in priority. The sets
  of requests that can be matched together form a matroid (a transversal matroid), so any
  strictly increasing positive weights give the same optimum: a maximum number of
  matches, and among those, lexicographically the most matches of the highest priority,
  then the next priority, and so on. A priority request is thus never dropped for
  distance, nor for lower-priority requests.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow

__all__ = [
    "ALL_DAYS",
    "DAY_NAMES",
    "NL_BBOX",
    "Match",
    "Offer",
    "Policy",
    "Request",
    "Result",
    "haversine_m",
    "solve",
]

EARTH_RADIUS_M = 6_371_008.8
#: (min lat, max lat, min lon, max lon): a rough bounding box of the Netherlands.
NL_BBOX = (50.7, 53.7, 3.2, 7.3)
#: Day numbers follow ``date.weekday()``: 0 = Monday ... 6 = Sunday.
DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")
ALL_DAYS = frozenset(range(7))

# OR-Tools refuses (BAD_COST_RANGE) when max |cost| * (nodes + 1) overflows int64; stay a
# factor two below that.
_COST_LIMIT = 2**62


# --------------------------------------------------------------------------- records


def _as_frozenset(value: Any) -> frozenset:
    if isinstance(value, frozenset):
        return value
    if isinstance(value, str):  # "halal" means {"halal"}, not {"h", "a", "l"}
        return frozenset((value,))
    return frozenset(value)


@dataclass(frozen=True, slots=True)
class Request:
    """A resident's request for help.

    Hard: ``need``, location, ``diets`` (all must be cookable), ``days`` (at least one in
    common), ``needs_vog``. Soft (only break ties at equal total distance): ``languages``
    (any one in common), ``preferred_days``, ``has_pets``.
    """

    id: Hashable
    need: str
    lat: float
    lon: float
    diets: frozenset[str] = frozenset()
    days: frozenset[int] = ALL_DAYS
    needs_vog: bool = False
    priority: int = 0
    languages: frozenset[str] = frozenset()
    preferred_days: frozenset[int] = frozenset()
    has_pets: bool = False

    def __post_init__(self) -> None:
        for name in ("diets", "days", "languages", "preferred_days"):
            object.__setattr__(self, name, _as_frozenset(getattr(self, name)))


@dataclass(frozen=True, slots=True)
class Offer:
    """A volunteer's offer: ``capacity`` requests within ``radius_m`` metres."""

    id: Hashable
    need: str
    lat: float
    lon: float
    radius_m: float
    capacity: int
    diets: frozenset[str] = frozenset()
    days: frozenset[int] = ALL_DAYS
    has_vog: bool = False
    languages: frozenset[str] = frozenset()
    accepts_pets: bool = True

    def __post_init__(self) -> None:
        for name in ("diets", "days", "languages"):
            object.__setattr__(self, name, _as_frozenset(getattr(self, name)))


@dataclass(frozen=True, slots=True)
class Policy:
    """Organisation-wide rules.

    ``max_distance_m`` caps every offer's radius. ``soft_preferences=False`` ignores
    languages, preferred days and pets entirely.
    """

    max_distance_m: float = 5000.0
    soft_preferences: bool = True


@dataclass(frozen=True, slots=True)
class Match:
    request_id: Hashable
    offer_id: Hashable
    distance_m: int
    #: Dutch lines for the coordinator: distance, diet, days, VOG, priority, wishes met.
    explanation: tuple[str, ...]
    #: Dutch lines: soft wishes of the resident this match does not fulfil.
    unmet_wishes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    #: New matches only, sorted by request id. Existing matches are in ``existing``.
    matches: tuple[Match, ...] = ()
    #: Request id -> Dutch reason, for every request that is not matched (new or existing).
    unmatched: dict[Hashable, str] = field(default_factory=dict)
    #: The fixed existing pairs, as given (sorted by request id).
    existing: tuple[tuple[Hashable, Hashable], ...] = ()
    #: Counters and timings, for logging and the bench.
    stats: dict[str, Any] = field(default_factory=dict)
    #: Dutch remarks about the run itself (e.g. a degraded soft-preference order).
    notes: tuple[str, ...] = ()

    @property
    def pairs(self) -> list[tuple[Hashable, Hashable]]:
        """New (request id, offer id) pairs, sorted by request id."""
        return [(m.request_id, m.offer_id) for m in self.matches]

    @property
    def all_pairs(self) -> list[tuple[Hashable, Hashable]]:
        """Existing plus new pairs, sorted by request id."""
        return sorted([*self.existing, *self.pairs], key=lambda p: _id_key(p[0]))


# --------------------------------------------------------------------------- helpers


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (same formula as the vectorised engine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    s1 = math.sin((p2 - p1) * 0.5)
    s2 = math.sin(math.radians(lon2 - lon1) * 0.5)
    a = s1 * s1 + math.cos(p1) * math.cos(p2) * s2 * s2
    return 2.0 * EARTH_RADIUS_M * math.asin(math.sqrt(min(a, 1.0)))


def _id_key(value: Hashable) -> tuple[str, Any]:
    # Ids of different types (int and str) still sort, deterministically.
    return (type(value).__name__, value)


def _fmt_id(value: Hashable) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _fmt_km(metres: float) -> str:
    """850 -> '850 m', 2500 -> '2,5 km', 5000 -> '5 km' (rounded to 10 m / 100 m)."""
    if metres < 995:
        return f"{int(round(metres / 10.0)) * 10} m"
    km = round(metres / 1000.0, 1)
    text = f"{km:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} km"


def _fmt_days(days: Iterable[int]) -> str:
    return ", ".join(DAY_NAMES[d] for d in sorted(days))


def _fmt_set(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _day_mask(days: frozenset[int]) -> int:
    mask = 0
    for d in days:
        mask |= 1 << d
    return mask


def _set_masks(sets: list[frozenset[str]], vocab: dict[str, int], words: int) -> np.ndarray:
    """Bit masks (n, words) of uint64; items outside ``vocab`` are ignored."""
    out = np.zeros((len(sets), words), dtype=np.uint64)
    for i, items in enumerate(sets):
        if not items:
            continue
        value = 0
        for item in items:
            bit = vocab.get(item)
            if bit is not None:
                value |= 1 << bit
        for w in range(words):
            out[i, w] = (value >> (64 * w)) & 0xFFFFFFFFFFFFFFFF
    return out


def _vocab(sets: Iterable[frozenset[str]]) -> tuple[dict[str, int], int]:
    items = sorted(set().union(*sets)) if sets else []
    return {item: i for i, item in enumerate(items)}, max(1, (len(items) + 63) // 64)


# --------------------------------------------------------------------------- validation


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_id(kind: str, rid: Any) -> None:
    try:
        hash(rid)
    except TypeError:
        raise ValueError(f"{kind} heeft een ongeldig id {rid!r} (niet hashbaar).") from None


def _check_coord(kind: str, rid: Hashable, lat: Any, lon: Any) -> None:
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValueError(
            f"{kind} {_fmt_id(rid)} heeft ongeldige coördinaten ({lat!r}, {lon!r})."
        ) from None
    lat_min, lat_max, lon_min, lon_max = NL_BBOX
    if not (lat_min <= lat_f <= lat_max and lon_min <= lon_f <= lon_max):
        raise ValueError(
            f"{kind} {_fmt_id(rid)} ligt buiten Nederland (lat {lat_f}, lon {lon_f}); "
            f"verwacht lat {lat_min}–{lat_max}, lon {lon_min}–{lon_max}."
        )


def _check_days(kind: str, rid: Hashable, name: str, days: frozenset) -> None:
    for d in days:
        if not _is_int(d) or not 0 <= d <= 6:
            raise ValueError(
                f"{kind} {_fmt_id(rid)}: ongeldige dag {d!r} in {name} "
                "(gebruik 0 = maandag t/m 6 = zondag)."
            )


def _check_strings(kind: str, rid: Hashable, name: str, values: frozenset) -> None:
    for v in values:
        if not isinstance(v, str):
            raise ValueError(f"{kind} {_fmt_id(rid)}: {name} moet tekst zijn, niet {v!r}.")


def _validate(
    requests: list[Request], offers: list[Offer], policy: Policy
) -> tuple[dict[Hashable, Request], dict[Hashable, Offer]]:
    try:
        max_d = float(policy.max_distance_m)
    except (TypeError, ValueError):
        max_d = math.nan
    if not (max_d >= 0 and math.isfinite(max_d)):
        raise ValueError(
            f"Beleid: maximale afstand moet 0 of meer meter zijn, niet {policy.max_distance_m!r}."
        )
    by_req: dict[Hashable, Request] = {}
    for r in requests:
        if not isinstance(r, Request):
            raise ValueError(f"Verwacht een hulpvraag (Request), kreeg {type(r).__name__}.")
        _check_id("Hulpvraag", r.id)
        if r.id in by_req:
            raise ValueError(f"Dubbel id bij hulpvragen: {_fmt_id(r.id)} komt meer dan eens voor.")
        by_req[r.id] = r
        if not isinstance(r.need, str):
            raise ValueError(f"Hulpvraag {_fmt_id(r.id)}: soort hulp moet tekst zijn.")
        _check_coord("Hulpvraag", r.id, r.lat, r.lon)
        _check_days("Hulpvraag", r.id, "dagen", r.days)
        _check_days("Hulpvraag", r.id, "voorkeursdagen", r.preferred_days)
        _check_strings("Hulpvraag", r.id, "dieet", r.diets)
        _check_strings("Hulpvraag", r.id, "taal", r.languages)
        if not _is_int(r.priority):
            raise ValueError(
                f"Hulpvraag {_fmt_id(r.id)}: prioriteit moet een geheel getal zijn, "
                f"niet {r.priority!r}."
            )
    by_off: dict[Hashable, Offer] = {}
    for o in offers:
        if not isinstance(o, Offer):
            raise ValueError(f"Verwacht een aanbod (Offer), kreeg {type(o).__name__}.")
        _check_id("Aanbod", o.id)
        if o.id in by_off:
            raise ValueError(f"Dubbel id bij aanbod: {_fmt_id(o.id)} komt meer dan eens voor.")
        by_off[o.id] = o
        if not isinstance(o.need, str):
            raise ValueError(f"Aanbod {_fmt_id(o.id)}: soort hulp moet tekst zijn.")
        _check_coord("Aanbod", o.id, o.lat, o.lon)
        _check_days("Aanbod", o.id, "dagen", o.days)
        _check_strings("Aanbod", o.id, "dieet", o.diets)
        _check_strings("Aanbod", o.id, "taal", o.languages)
        if not _is_int(o.capacity):
            raise ValueError(
                f"Aanbod {_fmt_id(o.id)}: capaciteit moet een geheel getal zijn, "
                f"niet {o.capacity!r}."
            )
        if o.capacity < 0:
            raise ValueError(
                f"Aanbod {_fmt_id(o.id)} heeft een negatieve capaciteit ({o.capacity})."
            )
        try:
            radius = float(o.radius_m)
        except (TypeError, ValueError):
            radius = math.nan
        if math.isnan(radius):
            raise ValueError(f"Aanbod {_fmt_id(o.id)} heeft een ongeldige straal ({o.radius_m!r}).")
        if radius < 0:
            raise ValueError(f"Aanbod {_fmt_id(o.id)} heeft een negatieve straal ({o.radius_m}).")
    return by_req, by_off


def _validate_existing(
    existing: Iterable[tuple[Hashable, Hashable]],
    by_req: dict[Hashable, Request],
    by_off: dict[Hashable, Offer],
) -> dict[Hashable, Hashable]:
    fixed: dict[Hashable, Hashable] = {}
    for pair in existing:
        try:
            rid, oid = pair
        except (TypeError, ValueError):
            raise ValueError(
                f"Bestaande koppeling {pair!r} is geen paar (hulpvraag-id, aanbod-id)."
            ) from None
        label = f"Bestaande koppeling ({_fmt_id(rid)}, {_fmt_id(oid)})"
        if rid not in by_req:
            raise ValueError(f"{label}: hulpvraag {_fmt_id(rid)} bestaat niet.")
        if oid not in by_off:
            raise ValueError(f"{label}: aanbod {_fmt_id(oid)} bestaat niet.")
        if rid in fixed:
            raise ValueError(
                f"{label}: hulpvraag {_fmt_id(rid)} is al gekoppeld aan "
                f"aanbod {_fmt_id(fixed[rid])}."
            )
        fixed[rid] = oid
    return fixed


# --------------------------------------------------------------------------- candidates


def _expand(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ragged expansion: for row i, positions starts[i] .. starts[i] + counts[i] - 1."""
    total = int(counts.sum())
    rows = np.repeat(np.arange(len(counts)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return rows, np.repeat(starts, counts) + offsets


@dataclass
class _Side:
    """Column arrays of one side (requests or offers), in canonical id order."""

    need: np.ndarray  # int codes
    lat: np.ndarray  # radians
    lon: np.ndarray
    cos: np.ndarray
    x: np.ndarray  # local planar metres, only for bucketing
    y: np.ndarray
    days: np.ndarray  # 7-bit masks
    vog: np.ndarray  # requests: needs VOG; offers: has VOG
    diet: list[np.ndarray]  # one uint64 mask array per 64 diets of the request vocabulary


def _side(records: list, need_codes: dict[str, int], cos0: float, diets, vog_attr) -> _Side:
    n = len(records)
    lat = np.radians(np.fromiter((float(r.lat) for r in records), float, n))
    lon = np.radians(np.fromiter((float(r.lon) for r in records), float, n))
    masks = _set_masks([r.diets for r in records], *diets)
    return _Side(
        need=np.fromiter((need_codes[r.need] for r in records), np.int64, n),
        lat=lat,
        lon=lon,
        cos=np.cos(lat),
        x=EARTH_RADIUS_M * cos0 * lon,
        y=EARTH_RADIUS_M * lat,
        days=np.fromiter((_day_mask(r.days) for r in records), np.int64, n),
        vog=np.fromiter((bool(getattr(r, vog_attr)) for r in records), bool, n),
        diet=[np.ascontiguousarray(masks[:, w]) for w in range(masks.shape[1])],
    )


def _distances(req: _Side, off: _Side, pr: np.ndarray, po: np.ndarray) -> np.ndarray:
    s1 = np.sin((off.lat[po] - req.lat[pr]) * 0.5)
    s2 = np.sin((off.lon[po] - req.lon[pr]) * 0.5)
    a = s1 * s1 + req.cos[pr] * off.cos[po] * s2 * s2
    return 2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _days_ok(req: _Side, off: _Side, pr: np.ndarray, po: np.ndarray) -> np.ndarray:
    return (req.days[pr] & off.days[po]) != 0


def _vog_ok(req: _Side, off: _Side, pr: np.ndarray, po: np.ndarray) -> np.ndarray:
    return ~req.vog[pr] | off.vog[po]


def _diet_ok(req: _Side, off: _Side, pr: np.ndarray, po: np.ndarray) -> np.ndarray:
    ok = np.ones(len(pr), dtype=bool)
    for r_w, o_w in zip(req.diet, off.diet, strict=True):
        ok &= (r_w[pr] & ~o_w[po]) == 0
    return ok


def _feasible(req: _Side, off: _Side, pr: np.ndarray, po: np.ndarray) -> np.ndarray:
    ok = _days_ok(req, off, pr, po)
    ok &= _vog_ok(req, off, pr, po)
    ok &= _diet_ok(req, off, pr, po)
    return ok


def _pairs(
    req: _Side,
    off: _Side,
    reach: np.ndarray,
    r_sel: np.ndarray,
    o_sel: np.ndarray,
    hard_filter: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(request, offer, distance) for all pairs in ``r_sel`` x ``o_sel`` of the same need
    within the offer's reach, optionally only those passing the hard filters.

    Per need, offers are bucketed on a square grid with cells of half the largest reach
    in that need, so only the 5x5 cells around a request need checking. The planar
    projection uses the cosine of the northernmost latitude, so planar offsets do not
    exceed the true distance (a 2 % + 2 m margin covers the approximation); a planar
    circle test and the cheap integer filters run before the haversine, which decides.
    Order is deterministic (not sorted).
    """
    prs, pos, ds = [], [], []
    r_need, o_need = req.need[r_sel], off.need[o_sel]
    bound = reach * 1.02 + 2.0  # planar prefilter radius per offer, with margin
    bound2 = bound * bound
    span = 2  # cells per bound: 5x5 cells cover less area than 3x3 cells of one bound
    for code in np.unique(r_need):
        ridx = r_sel[r_need == code]
        oidx = o_sel[o_need == code]
        if len(oidx) == 0:
            continue
        cell = float(bound[oidx].max()) / span
        okey = (np.floor(off.x[oidx] / cell).astype(np.int64) << 32) + np.floor(
            off.y[oidx] / cell
        ).astype(np.int64)
        order = np.argsort(okey, kind="stable")
        oidx, okey = oidx[order], okey[order]
        ukeys, ustart, ucount = np.unique(okey, return_index=True, return_counts=True)
        rkey = (np.floor(req.x[ridx] / cell).astype(np.int64) << 32) + np.floor(
            req.y[ridx] / cell
        ).astype(np.int64)
        for dx in range(-span, span + 1):
            for dy in range(-span, span + 1):
                q = rkey + (dx << 32) + dy
                at = np.minimum(np.searchsorted(ukeys, q), len(ukeys) - 1)
                hit = ukeys[at] == q
                if not hit.any():
                    continue
                rows, opos = _expand(ustart[at[hit]], ucount[at[hit]])
                pr = ridx[hit][rows]
                po = oidx[opos]
                ddx = off.x[po] - req.x[pr]
                ddy = off.y[po] - req.y[pr]
                ok = ddx * ddx + ddy * ddy <= bound2[po]
                if hard_filter:
                    ok &= _feasible(req, off, pr, po)
                pr, po = pr[ok], po[ok]
                d = _distances(req, off, pr, po)
                keep = d <= reach[po]
                prs.append(pr[keep])
                pos.append(po[keep])
                ds.append(d[keep])
    if not prs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(prs), np.concatenate(pos), np.concatenate(ds)


@dataclass
class CandidateGraph:
    """Feasible candidate pairs and the min-cost-flow arrays built from them.

    Exposed for the bench (to time a bare OR-Tools solve on exactly this graph) and for
    debugging; ``solve`` is the public entry point.
    """

    policy: Policy
    requests: list[Request]  # free requests (not in existing), canonical order
    offers: list[Offer]  # all offers, canonical order
    existing: dict[Hashable, Hashable]  # request id -> offer id, validated
    free_capacity: np.ndarray  # per offer, after existing matches
    # Feasible pairs (all hard constraints, offer has free capacity): request-offer arcs.
    pr: np.ndarray
    po: np.ndarray
    dist: np.ndarray  # float metres
    soft: np.ndarray  # soft penalty per pair (0 .. 3)
    # Flow arrays: the request-offer arcs first (same order as pr/po), then bypass and
    # offer-sink arcs.
    tails: np.ndarray
    heads: np.ndarray
    capacities: np.ndarray
    costs: np.ndarray
    supply_nodes: np.ndarray
    supplies: np.ndarray
    stats: dict[str, Any]
    notes: list[str]
    # Internal column arrays, reused for the unmatched reasons.
    _req: _Side
    _off: _Side
    _reach: np.ndarray
    _excluded: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def candidate_graph(
    requests: Iterable[Request],
    offers: Iterable[Offer],
    policy: Policy | None = None,
    existing: Iterable[tuple[Hashable, Hashable]] = (),
    excluded: Iterable[tuple[Hashable, Hashable]] = (),
) -> CandidateGraph:
    """Validate the input and build candidates and flow arrays (no solving).

    ``excluded`` pairs (request id, offer id) are never candidates (e.g. a proposal a person
    already said no to); unknown ids in it are ignored."""
    t0 = time.perf_counter()
    policy = policy or Policy()
    requests, offers = list(requests), list(offers)
    by_req, by_off = _validate(requests, offers, policy)
    fixed = _validate_existing(existing, by_req, by_off)

    free = sorted((r for r in requests if r.id not in fixed), key=lambda r: _id_key(r.id))
    offers = sorted(offers, key=lambda o: _id_key(o.id))
    used: dict[Hashable, int] = {}
    for oid in fixed.values():
        used[oid] = used.get(oid, 0) + 1
    free_cap = np.fromiter(
        (max(0, o.capacity - used.get(o.id, 0)) for o in offers), np.int64, len(offers)
    )
    max_d = float(policy.max_distance_m)
    reach = np.fromiter((min(float(o.radius_m), max_d) for o in offers), float, len(offers))

    needs = sorted({r.need for r in free} | {o.need for o in offers})
    need_codes = {n: i for i, n in enumerate(needs)}
    all_lat = [float(r.lat) for r in free] + [float(o.lat) for o in offers]
    cos0 = math.cos(math.radians(min(90.0, max(all_lat, default=52.0) + 0.1)))
    diets = _vocab([r.diets for r in free])  # only diets someone asks for matter
    req = _side(free, need_codes, cos0, diets, "needs_vog")
    off = _side(offers, need_codes, cos0, diets, "has_vog")
    pr, po, dist = _pairs(
        req, off, reach, np.arange(len(free)), np.flatnonzero(free_cap > 0), hard_filter=True
    )
    banned = _excluded_keys(excluded, free, offers)
    if len(banned) and len(pr):
        keep = ~np.isin(pr * len(offers) + po, banned)
        pr, po, dist = pr[keep], po[keep], dist[keep]
    t_pairs = time.perf_counter()

    # Soft penalties: one unit per unmet wish.
    soft = np.zeros(len(pr), dtype=np.int64)
    if policy.soft_preferences and len(pr):
        langs = _vocab([r.languages for r in free])
        r_lang = _set_masks([r.languages for r in free], *langs)
        o_lang = _set_masks([o.languages for o in offers], *langs)
        wants_lang = np.any(r_lang != 0, axis=1)
        shared = np.zeros(len(pr), dtype=bool)
        for w in range(r_lang.shape[1]):
            shared |= (r_lang[pr, w] & o_lang[po, w]) != 0
        soft += wants_lang[pr] & ~shared
        r_pref = np.fromiter((_day_mask(r.preferred_days) for r in free), np.int64, len(free))
        pref = r_pref[pr]
        soft += (pref != 0) & ((pref & req.days[pr] & off.days[po]) == 0)
        r_pets = np.fromiter((bool(r.has_pets) for r in free), bool, len(free))
        o_pets = np.fromiter((bool(o.accepts_pets) for o in offers), bool, len(offers))
        soft += r_pets[pr] & ~o_pets[po]

    d_int = np.rint(dist).astype(np.int64)
    n_req, n_off = len(free), len(offers)
    sink = n_req + n_off
    active_r = np.flatnonzero(np.bincount(pr, minlength=n_req))
    active_o = np.flatnonzero(np.bincount(po, minlength=n_off))

    notes: list[str] = []
    scale_s, scale_u, weights = _scales(
        req, off, active_r, active_o, d_int, soft, free, n_nodes=sink + 1, notes=notes
    )
    if scale_s == 0:  # soft preferences dropped to keep costs in range
        soft = np.zeros_like(soft)
        scale_s = 1
    tails = np.concatenate([pr, active_r, n_req + active_o])
    heads = np.concatenate([n_req + po, np.full(len(active_r), sink), np.full(len(active_o), sink)])
    capacities = np.concatenate([np.ones(len(pr) + len(active_r), np.int64), free_cap[active_o]])
    costs = np.concatenate(
        [d_int * scale_s + soft, scale_u * weights, np.zeros(len(active_o), np.int64)]
    )
    supply_nodes = np.concatenate([active_r, [sink]]).astype(np.int64)
    supplies = np.concatenate([np.ones(len(active_r), np.int64), [-len(active_r)]])
    stats = {
        "requests": len(requests),
        "free_requests": n_req,
        "offers": n_off,
        "existing": len(fixed),
        "excluded": int(len(banned)),
        "feasible_pairs": int(len(pr)),
        "arcs": int(len(tails)),
        "scale_distance": int(scale_s),
        "scale_match": int(scale_u),
        "seconds_pairs": t_pairs - t0,
        "seconds_graph": time.perf_counter() - t0,
    }
    return CandidateGraph(
        policy=policy,
        requests=free,
        offers=offers,
        existing=fixed,
        free_capacity=free_cap,
        pr=pr,
        po=po,
        dist=dist,
        soft=soft,
        tails=tails.astype(np.int64),
        heads=heads.astype(np.int64),
        capacities=capacities,
        costs=costs.astype(np.int64),
        supply_nodes=supply_nodes,
        supplies=supplies.astype(np.int64),
        stats=stats,
        notes=notes,
        _req=req,
        _off=off,
        _reach=reach,
        _excluded=banned,
    )


def _excluded_keys(excluded, free: list[Request], offers: list[Offer]) -> np.ndarray:
    """Excluded pairs as sorted keys ``request index * n_offers + offer index``."""
    r_index = {r.id: i for i, r in enumerate(free)}
    o_index = {o.id: j for j, o in enumerate(offers)}
    keys = set()
    for pair in excluded:
        try:
            rid, oid = pair
        except (TypeError, ValueError):
            raise ValueError(
                f"Uitgesloten paar {pair!r} is geen paar (hulpvraag-id, aanbod-id)."
            ) from None
        if rid in r_index and oid in o_index:
            keys.add(r_index[rid] * len(offers) + o_index[oid])
    return np.array(sorted(keys), dtype=np.int64)


def _scales(
    req: _Side,
    off: _Side,
    active_r: np.ndarray,
    active_o: np.ndarray,
    d_int: np.ndarray,
    soft: np.ndarray,
    free: list[Request],
    n_nodes: int,
    notes: list[str],
) -> tuple[int, int, np.ndarray]:
    """Integer scales S (distance) and U (a match) and per-request weights (1 + rank).

    ``m`` bounds, per need group, the smaller side of the graph: a simple residual cycle
    holds at most ``2*m`` request-offer arcs (see the module docstring).
    """
    if len(active_r) == 0:
        return 1, 1, np.zeros(0, np.int64)
    n_codes = int(max(req.need.max(initial=0), off.need.max(initial=0))) + 1
    r_per_need = np.bincount(req.need[active_r], minlength=n_codes)
    o_per_need = np.bincount(off.need[active_o], minlength=n_codes)
    m = max(1, int(np.minimum(r_per_need, o_per_need).max()))
    max_d = int(d_int.max())
    max_soft = int(soft.max())
    prio = np.fromiter((free[i].priority for i in active_r), np.int64, len(active_r))
    levels, rank = np.unique(prio, return_inverse=True)
    weights = (rank + 1).astype(np.int64)
    n_levels = len(levels)

    def match_scale(s: int, soft_max: int) -> int:
        return 2 * m * (max_d * s + soft_max) + 1

    scale_s = 2 * m * max_soft + 1 if max_soft else 1
    if match_scale(scale_s, max_soft) * n_levels * (n_nodes + 1) >= _COST_LIMIT:
        # Strict order for soft preferences does not fit in int64: keep them as a
        # per-pair tie-breaker (worth less than 1 m on a single pair) if that fits.
        room = _COST_LIMIT // (n_levels * (n_nodes + 1))
        scale_s = ((room - 1) // (2 * m) - max_soft) // max(1, max_d)
        if scale_s > max_soft:
            notes.append(
                "Zachte voorkeuren wegen per koppeling minder dan 1 meter, maar zijn "
                "wegens de omvang niet strikt ondergeschikt aan de totale afstand."
            )
        else:
            notes.append("Zachte voorkeuren genegeerd wegens de omvang van de invoer.")
            return 0, match_scale(1, 0), weights
    return scale_s, match_scale(scale_s, max_soft), weights


# --------------------------------------------------------------------------- solving


def _run_flow(g: CandidateGraph) -> np.ndarray:
    """Indices (into g.pr/g.po) of the pairs chosen by the min-cost flow."""
    if len(g.supply_nodes) <= 1:  # only the sink: nothing to match
        return np.zeros(0, dtype=np.int64)
    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(g.tails, g.heads, g.capacities, g.costs)
    smcf.set_nodes_supplies(g.supply_nodes, g.supplies)
    status = smcf.solve()
    if status != smcf.OPTIMAL:
        raise RuntimeError(f"Koppelen: de solver vond geen optimale oplossing (status {status}).")
    return np.flatnonzero(smcf.flows(arcs[: len(g.pr)]) > 0)


def _explain(r: Request, o: Offer, distance_m: int, policy: Policy) -> tuple[tuple, tuple]:
    reach = min(float(o.radius_m), float(policy.max_distance_m))
    lines = [f"Afstand {_fmt_km(distance_m)} (maximaal {_fmt_km(reach)})"]
    if r.diets:
        lines.append(f"Dieet: {_fmt_set(r.diets)} — kan de vrijwilliger koken")
    lines.append(f"Gemeenschappelijke dagen: {_fmt_days(r.days & o.days)}")
    if o.has_vog:
        lines.append("VOG aanwezig (vereist)" if r.needs_vog else "VOG aanwezig")
    if r.priority > 0:
        lines.append(f"Voorrang: prioriteit {r.priority}")
    unmet = []
    if r.languages:
        common = r.languages & o.languages
        if common:
            lines.append(f"Spreekt {_fmt_set(common)}")
        else:
            unmet.append(f"Voorkeurstaal niet gesproken: {_fmt_set(r.languages)}")
    if r.preferred_days:
        possible = r.preferred_days & r.days & o.days
        if possible:
            lines.append(f"Voorkeursdag mogelijk: {_fmt_days(possible)}")
        else:
            unmet.append(f"Voorkeursdag niet mogelijk: {_fmt_days(r.preferred_days)}")
    if r.has_pets:
        if o.accepts_pets:
            lines.append("Huisdieren: geen bezwaar")
        else:
            unmet.append("Vrijwilliger heeft liever geen huisdieren")
    return tuple(lines), tuple(unmet)


def _reasons(g: CandidateGraph, matched: np.ndarray) -> dict[Hashable, str]:
    """Dutch reason per unmatched free request: the first hard filter that empties its
    candidate list (need, range, diet, days, VOG), else 'capacity full'.

    Runs a second, unfiltered grid query for the unmatched requests only (against all
    offers, including full ones), so the main path never pays for it.
    """
    todo = np.flatnonzero(~matched)
    if len(todo) == 0:
        return {}
    req, off = g._req, g._off
    pr, po, _ = _pairs(req, off, g._reach, todo, np.arange(len(g.offers)), hard_filter=False)
    order = np.argsort(pr, kind="stable")
    pr, po = pr[order], po[order]
    n = len(g.requests)
    in_range = np.bincount(pr, minlength=n)
    ok = _diet_ok(req, off, pr, po)
    c_diet = np.bincount(pr[ok], minlength=n)
    ok &= _days_ok(req, off, pr, po)
    c_days = np.bincount(pr[ok], minlength=n)
    ok &= _vog_ok(req, off, pr, po)
    c_feasible = np.bincount(pr[ok], minlength=n)
    if len(g._excluded):
        ok &= ~np.isin(pr * len(g.offers) + po, g._excluded)
    c_allowed = np.bincount(pr[ok], minlength=n)
    offered_needs = {o.need for o in g.offers}
    out: dict[Hashable, str] = {}
    for i in todo:
        r = g.requests[i]
        if r.need not in offered_needs:
            reason = f"geen vrijwilliger voor {r.need!r}"
        elif in_range[i] == 0:
            reason = "geen vrijwilliger binnen bereik"
        elif c_diet[i] == 0:
            lo, hi = np.searchsorted(pr, [i, i + 1])
            cooked = set().union(*(g.offers[j].diets for j in po[lo:hi]))
            missing = r.diets - cooked
            if missing:
                reason = f"geen vrijwilliger binnen bereik met dieet {_fmt_set(missing)}"
            else:
                reason = (
                    "geen vrijwilliger binnen bereik die alle diëten combineert "
                    f"({_fmt_set(r.diets)})"
                )
        elif c_days[i] == 0:
            if r.days:
                reason = f"geen geschikte vrijwilliger op de gevraagde dagen ({_fmt_days(r.days)})"
            else:
                reason = "hulpvraag heeft geen beschikbare dagen"
        elif c_feasible[i] == 0:
            reason = "geen vrijwilliger met VOG binnen bereik"
        elif c_allowed[i] == 0:
            reason = "alleen vrijwilligers die al zijn afgewezen voor deze vraag"
        else:
            reason = f"wel kandidaten ({int(c_allowed[i])}), maar capaciteit vol"
        out[r.id] = reason
    return out


def solve(
    requests: Iterable[Request],
    offers: Iterable[Offer],
    policy: Policy | None = None,
    existing: Iterable[tuple[Hashable, Hashable]] = (),
    excluded: Iterable[tuple[Hashable, Hashable]] = (),
) -> Result:
    """Match requests to offers optimally; see the module docstring for the objective.

    ``existing`` pairs (request id, offer id) are fixed: they use capacity, their requests
    are not matched again, and they are returned unchanged in ``Result.existing``.
    ``excluded`` pairs are never proposed (the request may get another offer).
    Raises ValueError (Dutch message naming the record) on invalid input.
    """
    t0 = time.perf_counter()
    g = candidate_graph(requests, offers, policy, existing, excluded)
    t_graph = time.perf_counter()
    chosen = _run_flow(g)
    t_solve = time.perf_counter()

    chosen = chosen[np.argsort(g.pr[chosen], kind="stable")]  # canonical: by request id
    matched = np.zeros(len(g.requests), dtype=bool)
    matched[g.pr[chosen]] = True
    matches = []
    for k in chosen.tolist():
        r, o = g.requests[g.pr[k]], g.offers[g.po[k]]
        d = int(np.rint(g.dist[k]))
        explanation, unmet = _explain(r, o, d, g.policy)
        matches.append(Match(r.id, o.id, d, explanation, unmet))
    unmatched = _reasons(g, matched)
    existing_pairs = tuple(sorted(g.existing.items(), key=lambda p: _id_key(p[0])))
    stats = dict(g.stats)
    stats.update(
        matched=len(matches),
        unmatched=len(unmatched),
        total_distance_m=sum(m.distance_m for m in matches),
        seconds_solve=t_solve - t_graph,
        seconds_total=time.perf_counter() - t0,
    )
    return Result(tuple(matches), unmatched, existing_pairs, stats, tuple(g.notes))
