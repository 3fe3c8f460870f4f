"""Tests for the pure Koppelen matching engine (no database)."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialebasis.koppelen import engine
from socialebasis.koppelen.engine import (
    Offer,
    Policy,
    Request,
    candidate_graph,
    haversine_m,
    solve,
)

pytestmark = pytest.mark.pure

LAT0, LON0 = 52.09, 5.12  # Utrecht
M_PER_DEG_LAT = 111_195.0


def _hav(lat1, lon1, lat2, lon2):
    """Independent haversine (atan2 form) for the checks."""
    r = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.atan2(math.sqrt(a), math.sqrt(1 - a))


def _feasible(r: Request, o: Offer, policy: Policy) -> bool:
    d = _hav(r.lat, r.lon, o.lat, o.lon)
    return (
        r.need == o.need
        and d <= o.radius_m
        and d <= policy.max_distance_m
        and r.diets <= o.diets
        and bool(r.days & o.days)
        and (not r.needs_vog or o.has_vog)
    )


def _soft(r: Request, o: Offer) -> int:
    pen = 0
    if r.languages and not (r.languages & o.languages):
        pen += 1
    if r.preferred_days and not (r.preferred_days & r.days & o.days):
        pen += 1
    if r.has_pets and not o.accepts_pets:
        pen += 1
    return pen


def _key(pairs, reqs, offs, levels):
    """Lexicographic objective, larger is better: matches per priority class from the
    highest class down, then total distance (whole metres), then soft penalty."""
    by_r = {r.id: r for r in reqs}
    by_o = {o.id: o for o in offs}
    counts = tuple(sum(1 for rid, _ in pairs if by_r[rid].priority == p) for p in levels)
    dist = sum(round(_hav(by_r[a].lat, by_r[a].lon, by_o[b].lat, by_o[b].lon)) for a, b in pairs)
    soft = sum(_soft(by_r[a], by_o[b]) for a, b in pairs)
    return counts, -dist, -soft


def _near(rng: random.Random, spread_m: float) -> tuple[float, float]:
    dlat = rng.uniform(-spread_m, spread_m) / M_PER_DEG_LAT
    dlon = rng.uniform(-spread_m, spread_m) / (M_PER_DEG_LAT * math.cos(math.radians(LAT0)))
    return LAT0 + dlat, LON0 + dlon


def _random_instance(
    rng: random.Random, n_req: int, n_off: int, spread_m: float = 2000, spots: int = 0
):
    """Random instance around Utrecht. With ``spots``, everyone sits within a few metres
    of one of a few spots, so totals often differ by only 1-3 m (near ties)."""
    needs = ["maaltijd", "maatje"]
    centres = [_near(rng, spread_m) for _ in range(spots)]

    def place():
        if not centres:
            return _near(rng, spread_m)
        lat, lon = rng.choice(centres)
        return lat + rng.uniform(-2, 2) / M_PER_DEG_LAT, lon + rng.uniform(-2, 2) / 68_000

    reqs = []
    for i in range(n_req):
        lat, lon = place()
        reqs.append(
            Request(
                id=f"r{i}",
                need=rng.choice(needs[:1] * 3 + needs[1:]),
                lat=lat,
                lon=lon,
                diets=frozenset(d for d in ("halal", "zoutarm") if rng.random() < 0.25),
                days=frozenset(d for d in range(7) if rng.random() < 0.5) or frozenset({0}),
                needs_vog=rng.random() < 0.2,
                priority=rng.choice([0, 0, 0, 1, 2]),
                languages=frozenset({"tr"}) if rng.random() < 0.3 else frozenset(),
                preferred_days=frozenset({rng.randrange(7)}) if rng.random() < 0.3 else frozenset(),
                has_pets=rng.random() < 0.3,
            )
        )
    offs = []
    for j in range(n_off):
        lat, lon = place()
        offs.append(
            Offer(
                id=f"o{j}",
                need=rng.choice(needs[:1] * 3 + needs[1:]),
                lat=lat,
                lon=lon,
                radius_m=rng.choice([800, 1500, 2500, 4000]),
                capacity=rng.choice([0, 1, 1, 2]),
                diets=frozenset(d for d in ("halal", "zoutarm", "vega") if rng.random() < 0.6),
                days=frozenset(d for d in range(7) if rng.random() < 0.6),
                has_vog=rng.random() < 0.6,
                languages=frozenset({"tr"}) if rng.random() < 0.3 else frozenset(),
                accepts_pets=rng.random() < 0.7,
            )
        )
    return reqs, offs


def _brute_force_best(reqs, offs, policy, existing=()):
    fixed = dict(existing)
    cap = {o.id: o.capacity for o in offs}
    for oid in fixed.values():
        cap[oid] -= 1
    free = [r for r in reqs if r.id not in fixed]
    options = [[None] + [o.id for o in offs if _feasible(r, o, policy)] for r in free]
    levels = sorted({r.priority for r in reqs}, reverse=True)
    best_key, best_count = None, 0
    for choice in itertools.product(*options):
        used: dict = {}
        ok = True
        for oid in choice:
            if oid is not None:
                used[oid] = used.get(oid, 0) + 1
                if used[oid] > cap[oid]:
                    ok = False
                    break
        if not ok:
            continue
        pairs = [(r.id, oid) for r, oid in zip(free, choice, strict=True) if oid is not None]
        key = _key(pairs, reqs, offs, levels)
        best_count = max(best_count, len(pairs))
        if best_key is None or key > best_key:
            best_key = key
    return best_key, best_count, levels


def _check_hard(result, reqs, offs, policy, existing=()):
    by_r = {r.id: r for r in reqs}
    by_o = {o.id: o for o in offs}
    seen = set()
    load = {o.id: 0 for o in offs}
    for _, oid in existing:
        load[oid] += 1
    fixed = {rid for rid, _ in existing}
    for m in result.matches:
        r, o = by_r[m.request_id], by_o[m.offer_id]
        assert m.request_id not in seen, "request matched twice"
        assert m.request_id not in fixed, "existing request matched again"
        seen.add(m.request_id)
        assert _feasible(r, o, policy), (m.request_id, m.offer_id)
        assert abs(m.distance_m - _hav(r.lat, r.lon, o.lat, o.lon)) <= 0.5 + 1e-6
        load[o.id] += 1
    for o in offs:
        new = load[o.id] - sum(1 for _, oid in existing if oid == o.id)
        assert new == 0 or load[o.id] <= o.capacity, f"offer {o.id} over capacity"
    # Every free request is either matched or has a reason; nothing else is listed.
    free = {r.id for r in reqs} - fixed
    assert set(result.unmatched) == free - seen
    assert set(result.existing) == set(existing)


# --------------------------------------------------------------------------- optimality


@pytest.mark.parametrize("spots", [0, 2, 3])
def test_optimal_against_brute_force(spots):
    rng = random.Random(7 + spots)
    policy = Policy(max_distance_m=3000)
    checked = 0
    for _ in range(250):
        n_req, n_off = rng.randint(1, 6), rng.randint(1, 4)
        reqs, offs = _random_instance(rng, n_req, n_off, 1800, spots)
        result = solve(reqs, offs, policy)
        best_key, best_count, levels = _brute_force_best(reqs, offs, policy)
        _check_hard(result, reqs, offs, policy)
        assert len(result.pairs) == best_count  # maximum number of matches, always
        assert _key(result.pairs, reqs, offs, levels) == best_key
        checked += best_count > 1
    assert checked > 50  # the instances are not trivial


def test_optimal_against_brute_force_with_existing():
    rng = random.Random(11)
    policy = Policy(max_distance_m=5000)
    for _ in range(80):
        reqs, offs = _random_instance(rng, 6, 3, 1500)
        offs = [
            Offer(o.id, "maaltijd", o.lat, o.lon, 5000, o.capacity + 1, o.diets, o.days, o.has_vog)
            for o in offs
        ]
        existing = [(reqs[0].id, offs[0].id)]
        if rng.random() < 0.5:
            existing.append((reqs[1].id, offs[rng.randrange(3)].id))
        result = solve(reqs, offs, policy, existing=existing)
        best_key, best_count, levels = _brute_force_best(reqs, offs, policy, existing)
        _check_hard(result, reqs, offs, policy, existing)
        assert len(result.pairs) == best_count
        assert _key(result.pairs, reqs, offs, levels) == best_key


def test_optimal_against_cp_sat_on_medium_instances():
    """Independent lexicographic CP-SAT model (one solve per objective level)."""
    from ortools.sat.python import cp_model

    rng = random.Random(3)
    policy = Policy(max_distance_m=2500)
    for spots in (0, 0, 0, 3, 4, 6):
        reqs, offs = _random_instance(rng, 40, 15, 1500, spots)
        levels = sorted({r.priority for r in reqs}, reverse=True)
        arcs = [(r, o) for r in reqs for o in offs if _feasible(r, o, policy)]
        dist = {(r.id, o.id): round(_hav(r.lat, r.lon, o.lat, o.lon)) for r, o in arcs}
        model = cp_model.CpModel()
        x = {(r.id, o.id): model.new_bool_var(f"x_{r.id}_{o.id}") for r, o in arcs}
        for r in reqs:
            model.add(sum(v for (a, _), v in x.items() if a == r.id) <= 1)
        for o in offs:
            model.add(sum(v for (_, b), v in x.items() if b == o.id) <= o.capacity)
        prio = {r.id: r.priority for r in reqs}
        by_r = {r.id: r for r in reqs}
        by_o = {o.id: o for o in offs}
        objectives = [
            -sum(v for (a, _), v in x.items() if prio[a] == p) for p in levels
        ]  # minimise the negative counts, highest class first
        objectives.append(sum(dist[k] * v for k, v in x.items()))
        objectives.append(sum(_soft(by_r[k[0]], by_o[k[1]]) * v for k, v in x.items()))
        values = []
        for obj in objectives:
            model.minimize(obj)
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 2
            assert solver.solve(model) == cp_model.OPTIMAL
            value = round(solver.objective_value)
            values.append(value)
            model.add(obj == value)
        result = solve(reqs, offs, policy)
        counts, neg_dist, neg_soft = _key(result.pairs, reqs, offs, levels)
        assert [-c for c in counts] + [-neg_dist, -neg_soft] == values


def test_matching_count_beats_distance():
    # r1 could take the close o1, but then r2 (who only reaches o1) stays alone.
    policy = Policy(max_distance_m=5000)
    r1 = Request("r1", "maatje", LAT0, LON0)
    r2 = Request("r2", "maatje", LAT0 + 1500 / M_PER_DEG_LAT, LON0)
    o1 = Offer("o1", "maatje", LAT0 + 700 / M_PER_DEG_LAT, LON0, 1000, 1)
    o2 = Offer("o2", "maatje", LAT0 - 2000 / M_PER_DEG_LAT, LON0, 2500, 1)
    result = solve([r1, r2], [o1, o2], policy)
    assert sorted(result.pairs) == [("r1", "o2"), ("r2", "o1")]


def test_distance_minimised_at_equal_count():
    r1 = Request("r1", "maatje", LAT0, LON0)
    r2 = Request("r2", "maatje", LAT0 + 1000 / M_PER_DEG_LAT, LON0)
    o1 = Offer("o1", "maatje", LAT0 + 100 / M_PER_DEG_LAT, LON0, 2500, 1)
    o2 = Offer("o2", "maatje", LAT0 + 1100 / M_PER_DEG_LAT, LON0, 2500, 1)
    assert sorted(solve([r1, r2], [o2, o1]).pairs) == [("r1", "o1"), ("r2", "o2")]


def test_priority_gets_the_only_slot_even_when_farther():
    close = Request("a-close", "maaltijd", LAT0 + 50 / M_PER_DEG_LAT, LON0, priority=0)
    urgent = Request("z-urgent", "maaltijd", LAT0 + 2400 / M_PER_DEG_LAT, LON0, priority=1)
    offer = Offer("o1", "maaltijd", LAT0, LON0, 2500, 1)
    result = solve([close, urgent], [offer])
    assert result.pairs == [("z-urgent", "o1")]
    assert result.unmatched == {"a-close": "wel kandidaten (1), maar capaciteit vol"}


def test_priority_is_not_traded_for_two_lower_priority_matches():
    # o1 (cap 1) is the only option for the urgent request; taking it away from r-a
    # costs nothing in count because r-a can move to o2, but that is a longer trip.
    urgent = Request("r-u", "maatje", LAT0, LON0, priority=2)
    ra = Request("r-a", "maatje", LAT0 + 200 / M_PER_DEG_LAT, LON0)
    rb = Request("r-b", "maatje", LAT0 + 3000 / M_PER_DEG_LAT, LON0)
    o1 = Offer("o1", "maatje", LAT0 + 100 / M_PER_DEG_LAT, LON0, 500, 1)
    o2 = Offer("o2", "maatje", LAT0 + 2500 / M_PER_DEG_LAT, LON0, 2500, 1)
    result = solve([urgent, ra, rb], [o1, o2])
    assert ("r-u", "o1") in result.pairs
    assert len(result.pairs) == 2


def test_soft_preferences_are_lower_order_than_distance():
    here = (LAT0, LON0)
    req = Request("r1", "maatje", *here, languages={"tr"}, has_pets=True)
    near = Offer("o1", "maatje", LAT0 + 100 / M_PER_DEG_LAT, LON0, 2500, 1, accepts_pets=False)
    far_tr = Offer("o2", "maatje", LAT0 + 101 / M_PER_DEG_LAT, LON0, 2500, 1, languages={"tr"})
    assert solve([req], [near, far_tr]).pairs == [("r1", "o1")]
    # Same spot: now the wishes decide (o1 has the smaller id, so not by accident).
    same_tr = Offer("o2", "maatje", near.lat, near.lon, 2500, 1, languages={"tr"})
    result = solve([req], [near, same_tr])
    assert result.pairs == [("r1", "o2")]
    assert result.matches[0].unmet_wishes == ()
    assert solve([req], [near, same_tr], Policy(soft_preferences=False)).pairs == [("r1", "o1")]


@pytest.mark.parametrize(
    ("shrink", "note"),
    [(2, "niet strikt ondergeschikt"), (10**6, "Zachte voorkeuren genegeerd")],
)
def test_soft_preferences_degrade_gracefully_when_costs_would_overflow(monkeypatch, shrink, note):
    rng = random.Random(5)
    reqs, offs = _random_instance(rng, 40, 12, 1500)
    exact = solve(reqs, offs)
    assert exact.notes == ()
    levels = len({r.priority for r in reqs})
    needed = exact.stats["scale_match"] * levels * (len(reqs) + len(offs) + 2)
    monkeypatch.setattr(engine, "_COST_LIMIT", needed // shrink)
    degraded = solve(reqs, offs)
    assert len(degraded.notes) == 1 and note in degraded.notes[0]
    assert degraded.stats["scale_distance"] < exact.stats["scale_distance"]
    _check_hard(degraded, reqs, offs, Policy())
    levels = sorted({r.priority for r in reqs}, reverse=True)
    k_exact = _key(exact.pairs, reqs, offs, levels)
    k_degraded = _key(degraded.pairs, reqs, offs, levels)
    assert k_degraded[:2] == k_exact[:2]  # count and distance still optimal


# --------------------------------------------------------------------------- properties


@st.composite
def instances(draw):
    seed = draw(st.integers(0, 2**32 - 1))
    n_req = draw(st.integers(0, 60))
    n_off = draw(st.integers(0, 25))
    rng = random.Random(seed)
    reqs, offs = _random_instance(rng, n_req, n_off, draw(st.sampled_from([500, 2000, 6000])))
    existing = []
    if reqs and offs and draw(st.booleans()):
        for r in rng.sample(reqs, k=min(len(reqs), 3)):
            existing.append((r.id, rng.choice(offs).id))
    return reqs, offs, existing, seed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.sampled_from([1000.0, 2500.0, 5000.0]))
def test_property_hard_constraints_and_determinism(instance, max_d):
    reqs, offs, existing, seed = instance
    policy = Policy(max_distance_m=max_d)
    result = solve(reqs, offs, policy, existing=existing)
    _check_hard(result, reqs, offs, policy, existing)
    # Maximality: no unmatched request has a feasible offer with room left.
    load = {o.id: 0 for o in offs}
    for _, oid in [*existing, *result.pairs]:
        load[oid] += 1
    for rid in result.unmatched:
        r = next(x for x in reqs if x.id == rid)
        for o in offs:
            assert not (_feasible(r, o, policy) and load[o.id] < o.capacity)
    # Same input in another order gives the very same result.
    rng = random.Random(seed + 1)
    shuffled_r, shuffled_o, shuffled_e = reqs[:], offs[:], existing[:]
    rng.shuffle(shuffled_r)
    rng.shuffle(shuffled_o)
    rng.shuffle(shuffled_e)
    again = solve(shuffled_r, shuffled_o, policy, existing=shuffled_e)
    assert again.matches == result.matches
    assert list(again.unmatched.items()) == list(result.unmatched.items())


def test_grid_finds_exactly_the_brute_force_pairs():
    rng = random.Random(2)
    reqs, offs = [], []
    for i in range(300):  # spread over the whole country, plus a dense city core
        lat, lon = (
            (rng.uniform(50.75, 53.65), rng.uniform(3.25, 7.25)) if i % 3 else _near(rng, 3000)
        )
        reqs.append(Request(i, rng.choice("ab"), lat, lon))
    for j in range(200):
        lat, lon = (
            (rng.uniform(50.75, 53.65), rng.uniform(3.25, 7.25)) if j % 3 else _near(rng, 3000)
        )
        radius = rng.choice([0, 300, 2500, 9000, 60000])
        offs.append(Offer(j, rng.choice("ab"), lat, lon, radius, 1))
    policy = Policy(max_distance_m=40_000)
    g = candidate_graph(reqs, offs, policy)
    got = {(g.requests[a].id, g.offers[b].id) for a, b in zip(g.pr, g.po, strict=True)}
    want = {(r.id, o.id) for r in reqs for o in offs if _feasible(r, o, policy)}
    assert got == want
    assert len(want) > 300


# --------------------------------------------------------------------------- explanations


def test_explanation_contents():
    req = Request(
        "r1",
        "maaltijd",
        LAT0,
        LON0,
        diets={"zoutarm", "halal"},
        days={1, 3, 5},
        needs_vog=True,
        priority=2,
        languages={"Turks"},
        preferred_days={6},
        has_pets=True,
    )
    offer = Offer(
        "o1",
        "maaltijd",
        LAT0 + 850 / M_PER_DEG_LAT,
        LON0,
        radius_m=3000,
        capacity=1,
        diets={"halal", "zoutarm", "vegetarisch"},
        days={0, 1, 3},
        has_vog=True,
        languages={"Turks", "Engels"},
        accepts_pets=False,
    )
    result = solve([req], [offer], Policy(max_distance_m=2500))
    (match,) = result.matches
    assert match.distance_m == round(haversine_m(req.lat, req.lon, offer.lat, offer.lon))
    assert 845 <= match.distance_m <= 855
    assert match.explanation == (
        "Afstand 850 m (maximaal 2,5 km)",
        "Dieet: halal, zoutarm — kan de vrijwilliger koken",
        "Gemeenschappelijke dagen: di, do",
        "VOG aanwezig (vereist)",
        "Voorrang: prioriteit 2",
        "Spreekt Turks",
    )
    assert match.unmet_wishes == (
        "Voorkeursdag niet mogelijk: zo",
        "Vrijwilliger heeft liever geen huisdieren",
    )
    assert result.unmatched == {}


def test_distance_formatting():
    assert engine._fmt_km(0) == "0 m"
    assert engine._fmt_km(853) == "850 m"
    assert engine._fmt_km(996) == "1 km"
    assert engine._fmt_km(1234) == "1,2 km"
    assert engine._fmt_km(5000) == "5 km"


def test_haversine_utrecht_amsterdam():
    d = haversine_m(52.0907, 5.1214, 52.3731, 4.8932)  # Dom -> Dam
    assert 34_500 < d < 35_500
    assert abs(d - _hav(52.0907, 5.1214, 52.3731, 4.8932)) < 1e-6


def test_unmatched_reasons():
    far = LAT0 + 20_000 / M_PER_DEG_LAT
    reqs = [
        Request("r-need", "klussen", LAT0, LON0),  # unknown need: allowed, just no offer
        Request("r-far", "maaltijd", far, LON0),
        Request("r-diet", "maaltijd", LAT0, LON0, diets={"glutenvrij", "halal"}),
        Request("r-combo", "maaltijd", LAT0, LON0, diets={"halal", "vegan"}),
        Request("r-days", "vervoer", LAT0, LON0, days={5, 6}),
        Request("r-nodays", "vervoer", LAT0, LON0, days=set()),
        Request("r-vog", "maatje", LAT0, LON0, needs_vog=True),
        Request("r-full", "oppas", LAT0, LON0),
    ]
    offs = [
        Offer("o-halal", "maaltijd", LAT0, LON0, 2500, 5, diets={"halal"}),
        Offer("o-vegan", "maaltijd", LAT0, LON0, 2500, 5, diets={"vegan"}),
        Offer("o-weekday", "vervoer", LAT0, LON0, 2500, 5, days={0, 1}),
        Offer("o-novog", "maatje", LAT0, LON0, 2500, 5),
        Offer("o-full", "oppas", LAT0, LON0, 2500, 0),
    ]
    assert solve(reqs, offs).unmatched == {
        "r-combo": "geen vrijwilliger binnen bereik die alle diëten combineert (halal, vegan)",
        "r-days": "geen geschikte vrijwilliger op de gevraagde dagen (za, zo)",
        "r-diet": "geen vrijwilliger binnen bereik met dieet glutenvrij",
        "r-far": "geen vrijwilliger binnen bereik",
        "r-full": "wel kandidaten (1), maar capaciteit vol",
        "r-need": "geen vrijwilliger voor 'klussen'",
        "r-nodays": "hulpvraag heeft geen beschikbare dagen",
        "r-vog": "geen vrijwilliger met VOG binnen bereik",
    }


# --------------------------------------------------------------------------- existing


def test_existing_matches_kept_and_consume_capacity():
    reqs = [Request(f"r{i}", "maatje", LAT0 + i * 10 / M_PER_DEG_LAT, LON0) for i in range(4)]
    offer = Offer("o1", "maatje", LAT0, LON0, 2500, 2)
    result = solve(reqs, [offer], existing=[("r3", "o1")])
    assert result.existing == (("r3", "o1"),)
    assert result.pairs == [("r0", "o1")]  # one seat left, taken by the nearest
    assert result.all_pairs == [("r0", "o1"), ("r3", "o1")]
    assert set(result.unmatched) == {"r1", "r2"}
    # Existing matches beyond the (lowered) capacity stay; nothing new is added.
    over = solve(reqs, [offer], existing=[("r1", "o1"), ("r2", "o1"), ("r3", "o1")])
    assert over.pairs == [] and len(over.existing) == 3
    assert over.unmatched == {"r0": "wel kandidaten (1), maar capaciteit vol"}


@pytest.mark.parametrize(
    ("existing", "fragment"),
    [
        ([("r9", "o1")], "hulpvraag 'r9' bestaat niet"),
        ([("r1", "o9")], "aanbod 'o9' bestaat niet"),
        ([("r1", "o1"), ("r1", "o1")], "hulpvraag 'r1' is al gekoppeld"),
        ([("r1",)], "geen paar"),
    ],
)
def test_existing_validation(existing, fragment):
    reqs = [Request("r1", "maatje", LAT0, LON0)]
    offs = [Offer("o1", "maatje", LAT0, LON0, 2500, 2)]
    with pytest.raises(ValueError, match=fragment):
        solve(reqs, offs, existing=existing)


# --------------------------------------------------------------------------- bad input


def _r(rid="r1", **kw):
    base = dict(id=rid, need="maatje", lat=LAT0, lon=LON0)
    base.update(kw)
    return Request(**base)


def _o(oid="o1", **kw):
    base = dict(id=oid, need="maatje", lat=LAT0, lon=LON0, radius_m=2500, capacity=1)
    base.update(kw)
    return Offer(**base)


@pytest.mark.parametrize(
    ("reqs", "offs", "policy", "fragment"),
    [
        ([_r("r1"), _r("r1")], [], None, "Dubbel id bij hulpvragen: 'r1'"),
        ([], [_o(7), _o(7)], None, "Dubbel id bij aanbod: 7 komt meer dan eens voor"),
        ([_r("parijs", lat=48.85, lon=2.35)], [], None, "Hulpvraag 'parijs' ligt buiten Nederland"),
        ([], [_o("o2", lat=52.1, lon=8.0)], None, "Aanbod 'o2' ligt buiten Nederland"),
        ([_r(lat=float("nan"))], [], None, "Hulpvraag 'r1' ligt buiten Nederland"),
        ([_r(lat="noord")], [], None, "Hulpvraag 'r1' heeft ongeldige coördinaten"),
        ([], [_o(capacity=-1)], None, "Aanbod 'o1' heeft een negatieve capaciteit"),
        ([], [_o(capacity=1.5)], None, "capaciteit moet een geheel getal zijn"),
        ([], [_o(radius_m=-5)], None, "Aanbod 'o1' heeft een negatieve straal"),
        ([], [_o(days={7})], None, "Aanbod 'o1': ongeldige dag 7"),
        ([_r(priority="hoog")], [], None, "prioriteit moet een geheel getal zijn"),
        ([_r(diets={3})], [], None, "dieet moet tekst zijn"),
        ([], [], Policy(max_distance_m=-1), "maximale afstand"),
        ([_r(["lijst"])], [], None, "ongeldig id"),
        ("geen lijst", [], None, "Verwacht een hulpvraag"),
    ],
)
def test_bad_input_raises_dutch_value_error(reqs, offs, policy, fragment):
    with pytest.raises(ValueError, match=fragment):
        solve(reqs, offs, policy)


def test_empty_inputs():
    assert solve([], []).pairs == []
    assert solve([], [_o()]).pairs == []
    result = solve([_r(), _r("r2", need="vervoer")], [])
    assert result.pairs == []
    assert result.unmatched == {
        "r1": "geen vrijwilliger voor 'maatje'",
        "r2": "geen vrijwilliger voor 'vervoer'",
    }


def test_numpy_integers_are_accepted():
    np = pytest.importorskip("numpy")
    req = _r(priority=np.int64(1), days={np.int64(2)})
    assert solve([req], [_o(capacity=np.int64(1))]).pairs == [("r1", "o1")]


def test_single_string_diet_is_one_diet_and_int_ids_work():
    req = Request(1, "maaltijd", LAT0, LON0, diets="halal")
    assert req.diets == frozenset({"halal"})
    offs = [_o(2, need="maaltijd", diets=["halal"]), _o("2", need="maaltijd")]
    assert solve([req], offs).pairs == [(1, 2)]


def test_excluded_pair_is_never_proposed_and_the_next_offer_is_chosen():
    near = Offer("near", "maaltijden", LAT0 + 0.001, LON0, 3000, 1)
    far = Offer("far", "maaltijden", LAT0 + 0.01, LON0, 3000, 1)
    r = Request("r1", "maaltijden", LAT0, LON0)
    assert solve([r], [near, far]).pairs == [("r1", "near")]
    result = solve([r], [near, far], excluded=[("r1", "near")])
    assert result.pairs == [("r1", "far")]
    assert result.stats["excluded"] == 1
    # only excluded candidates left: a reason that says so, not "capacity full"
    result = solve([r], [near], excluded=[("r1", "near"), ("unknown", "near")])
    assert result.pairs == []
    assert result.unmatched == {"r1": "alleen vrijwilligers die al zijn afgewezen voor deze vraag"}
    with pytest.raises(ValueError, match="geen paar"):
        solve([r], [near], excluded=[("r1",)])
