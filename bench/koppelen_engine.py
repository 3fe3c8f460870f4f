"""Bench for the Koppelen matching engine (socialebasis.koppelen.engine).

    .venv/bin/python bench/koppelen_engine.py            # city: Utrecht, 10,000 x 6,000
    .venv/bin/python bench/koppelen_engine.py --national # 50,000 x 24,000 over NL cities
    .venv/bin/python bench/koppelen_engine.py --quick    # small smoke run

Prints: feasible pairs, end-to-end ``solve`` time vs. a bare OR-Tools SimpleMinCostFlow
solve of the same arrays (built in the same run), peak memory, and matched count vs.
greedy nearest-first. Instances are generated with a fixed seed.
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from socialebasis.koppelen.engine import (  # noqa: E402
    NL_BBOX,
    Offer,
    Policy,
    Request,
    candidate_graph,
    solve,
)

SEED = 20240611
NEEDS = (("maaltijd", 0.5), ("maatje", 0.3), ("vervoer", 0.2))
DIETS = ("halal", "vegetarisch", "zoutarm", "glutenvrij", "diabetes")
LANGS = ("Turks", "Arabisch", "Engels", "Pools", "Tigrinya")
# (name, lat, lon, inhabitants x 1000) for --national.
CITIES = (
    ("Amsterdam", 52.370, 4.895, 930),
    ("Rotterdam", 51.922, 4.479, 660),
    ("Den Haag", 52.070, 4.300, 560),
    ("Utrecht", 52.091, 5.122, 370),
    ("Eindhoven", 51.441, 5.470, 240),
    ("Groningen", 53.219, 6.567, 240),
    ("Tilburg", 51.560, 5.091, 225),
    ("Almere", 52.350, 5.264, 220),
    ("Breda", 51.589, 4.776, 185),
    ("Nijmegen", 51.842, 5.853, 180),
    ("Apeldoorn", 52.211, 5.970, 165),
    ("Arnhem", 51.985, 5.899, 165),
    ("Haarlem", 52.387, 4.646, 165),
    ("Enschede", 52.221, 6.894, 160),
    ("Amersfoort", 52.156, 5.388, 160),
    ("Zaanstad", 52.457, 4.751, 160),
    ("Den Bosch", 51.698, 5.304, 160),
    ("Zwolle", 52.517, 6.083, 130),
    ("Leiden", 52.160, 4.497, 125),
    ("Maastricht", 50.851, 5.691, 120),
    ("Dordrecht", 51.813, 4.690, 120),
    ("Leeuwarden", 53.201, 5.800, 125),
    ("Alkmaar", 52.632, 4.748, 110),
    ("Emmen", 52.785, 6.897, 105),
    ("Delft", 52.012, 4.357, 105),
    ("Deventer", 52.255, 6.163, 100),
    ("Venlo", 51.370, 6.172, 100),
    ("Helmond", 51.476, 5.661, 95),
    ("Heerlen", 50.888, 5.979, 85),
    ("Middelburg", 51.499, 3.611, 50),
)


# --------------------------------------------------------------------------- instances


def _points(rng, n, centers, weights, sigma_m, background, box):
    """n points: a mix of Gaussian clusters around ``centers`` and uniform background."""
    lat0 = np.mean([c[0] for c in centers])
    m_lat = 111_200.0
    m_lon = 111_320.0 * math.cos(math.radians(lat0))
    lat_min, lat_max, lon_min, lon_max = box
    out = np.empty((n, 2))
    filled = 0
    p = np.asarray(weights, float) / np.sum(weights)
    while filled < n:
        k = n - filled
        which = rng.choice(len(centers), size=k, p=p)
        c = np.asarray(centers)[which]
        s = np.asarray(sigma_m)[which] if np.ndim(sigma_m) else sigma_m
        lat = c[:, 0] + rng.normal(0, 1, k) * s / m_lat
        lon = c[:, 1] + rng.normal(0, 1, k) * s / m_lon
        bg = rng.random(k) < background
        lat[bg] = rng.uniform(lat_min, lat_max, bg.sum())
        lon[bg] = rng.uniform(lon_min, lon_max, bg.sum())
        ok = (lat > lat_min) & (lat < lat_max) & (lon > lon_min) & (lon < lon_max)
        take = min(int(ok.sum()), k)
        out[filled : filled + take, 0] = lat[ok][:take]
        out[filled : filled + take, 1] = lon[ok][:take]
        filled += take
    return out


def _subset(rng, items, p_each):
    return frozenset(x for x in items if rng.random() < p_each)


def _days(rng, lo, hi):
    return frozenset(rng.choice(7, size=int(rng.integers(lo, hi + 1)), replace=False).tolist())


def instance(n_req, n_off, centers, weights, sigma_m, background, box, radius, seed=SEED):
    rng = np.random.default_rng(seed)
    need_names = [n for n, _ in NEEDS]
    need_p = [p for _, p in NEEDS]
    rp = _points(rng, n_req, centers, weights, sigma_m, background, box)
    op = _points(rng, n_off, centers, weights, sigma_m, background, box)
    r_need = rng.choice(len(need_names), size=n_req, p=need_p)
    o_need = rng.choice(len(need_names), size=n_off, p=need_p)
    requests = []
    for i in range(n_req):
        need = need_names[r_need[i]]
        diets = _subset(rng, DIETS, 0.12) if need == "maaltijd" else frozenset()
        requests.append(
            Request(
                id=f"r{i:06d}",
                need=need,
                lat=float(rp[i, 0]),
                lon=float(rp[i, 1]),
                diets=diets,
                days=_days(rng, 2, 5),
                needs_vog=bool(rng.random() < 0.2),
                priority=int(rng.choice(3, p=[0.85, 0.12, 0.03])),
                languages=frozenset([LANGS[rng.integers(len(LANGS))]])
                if rng.random() < 0.15
                else frozenset(),
                preferred_days=_days(rng, 1, 1) if rng.random() < 0.2 else frozenset(),
                has_pets=bool(rng.random() < 0.25),
            )
        )
    offers = []
    for j in range(n_off):
        need = need_names[o_need[j]]
        diets = _subset(rng, DIETS, 0.5) if need == "maaltijd" else frozenset()
        offers.append(
            Offer(
                id=f"o{j:06d}",
                need=need,
                lat=float(op[j, 0]),
                lon=float(op[j, 1]),
                radius_m=radius,
                capacity=int(rng.integers(1, 3)),
                diets=diets,
                days=_days(rng, 1, 4),
                has_vog=bool(rng.random() < 0.6),
                languages=_subset(rng, LANGS, 0.1),
                accepts_pets=bool(rng.random() < 0.8),
            )
        )
    return requests, offers


def city_instance(n_req=10_000, n_off=6_000, seed=SEED):
    # 20 x 20 km around Utrecht centre; 40 neighbourhood clusters plus background.
    lat_c, lon_c = 52.09, 5.12
    dlat = 10_000 / 111_200.0
    dlon = 10_000 / (111_320.0 * math.cos(math.radians(lat_c)))
    box = (lat_c - dlat, lat_c + dlat, lon_c - dlon, lon_c + dlon)
    rng = np.random.default_rng(seed + 1)
    centers = [
        (lat_c + rng.normal(0, 0.35) * dlat, lon_c + rng.normal(0, 0.35) * dlon) for _ in range(40)
    ]
    weights = rng.uniform(0.5, 2.0, len(centers))
    return instance(n_req, n_off, centers, weights, 1_200.0, 0.15, box, 2_500.0, seed)


def national_instance(n_req=50_000, n_off=24_000, seed=SEED):
    centers = [(lat, lon) for _, lat, lon, _ in CITIES]
    weights = [pop for *_, pop in CITIES]
    sigma = [600.0 * math.sqrt(pop / 10) for *_, pop in CITIES]  # ~5.8 km Amsterdam
    return instance(n_req, n_off, centers, weights, sigma, 0.05, NL_BBOX, 2_500.0, seed)


# --------------------------------------------------------------------------- measurements


def bare_flow(g) -> tuple[float, int]:
    """Time a bare SimpleMinCostFlow on the same arrays: add arcs, supplies, solve."""
    t0 = time.perf_counter()
    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(g.tails, g.heads, g.capacities, g.costs)
    smcf.set_nodes_supplies(g.supply_nodes, g.supplies)
    status = smcf.solve()
    seconds = time.perf_counter() - t0
    assert status == smcf.OPTIMAL, status
    matched = int((smcf.flows(arcs[: len(g.pr)]) > 0).sum())
    return seconds, matched


def greedy_nearest(g, weights=None) -> tuple[int, int, int]:
    """Greedy nearest-first over feasible pairs: (matched, total distance, priority matched)."""
    order = np.lexsort((g.po, g.pr, g.dist))
    cap = g.free_capacity.copy()
    taken = np.zeros(len(g.requests), bool)
    total = 0
    prio = 0
    for idx in order.tolist():
        r, o = g.pr[idx], g.po[idx]
        if taken[r] or cap[o] == 0:
            continue
        taken[r] = True
        cap[o] -= 1
        total += int(round(g.dist[idx]))
        prio += g.requests[r].priority > 0
    return int(taken.sum()), total, prio


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run(name, requests, offers, policy, repeat):
    print(f"== {name}: {len(requests):,} requests x {len(offers):,} offers")
    print(f"rss before: {maxrss_mb():.0f} MB")
    g = candidate_graph(requests, offers, policy)
    print(
        f"feasible pairs {g.stats['feasible_pairs']:,}, arcs {g.stats['arcs']:,} "
        f"(S={g.stats['scale_distance']:,}, U={g.stats['scale_match']:,})"
    )
    # Interleave bare and full runs so machine noise hits both alike; report the best.
    bare, full, flow, graph, rest = [], [], [], [], []
    for _ in range(repeat):
        seconds, bare_matched = bare_flow(g)
        bare.append(seconds)
        t0 = time.perf_counter()
        result = solve(requests, offers, policy)
        full.append(time.perf_counter() - t0)
        s = result.stats
        graph.append(s["seconds_graph"])
        flow.append(s["seconds_solve"])
        rest.append(s["seconds_total"] - s["seconds_graph"] - s["seconds_solve"])
    print(
        f"solve end-to-end: best {min(full):.2f} s (of {repeat}); best parts: validate+graph "
        f"{min(graph):.2f} s, flow {min(flow):.2f} s, explanations+reasons {min(rest):.2f} s"
    )
    print(f"bare SimpleMinCostFlow (same arrays): best {min(bare):.2f} s")
    print(f"ratio end-to-end / bare: {min(full) / min(bare):.2f}x")
    print(f"peak RSS (process): {maxrss_mb():.0f} MB")
    assert bare_matched == len(result.matches)
    priority_of = {r.id: r.priority for r in requests}
    prio = sum(priority_of[m.request_id] > 0 for m in result.matches)
    g_matched, g_total, g_prio = greedy_nearest(g)
    n_prio = sum(r.priority > 0 for r in requests)
    print(
        f"matched: optimal {len(result.matches):,} "
        f"(priority {prio:,}/{n_prio:,}, total {s['total_distance_m'] / 1000:,.0f} km) vs greedy "
        f"nearest-first {g_matched:,} (priority {g_prio:,}, total {g_total / 1000:,.0f} km)"
    )
    reasons = {}
    for reason in result.unmatched.values():
        key = reason.split(" (")[0].split(" met dieet")[0]
        reasons[key] = reasons.get(key, 0) + 1
    for key, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  unmatched: {count:6,}  {key}")
    return result


def traced_peak(requests, offers, policy) -> float:
    tracemalloc.start()
    solve(requests, offers, policy)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--national", action="store_true", help="50,000 x 24,000 over NL")
    mode.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--repeat", type=int, default=None, help="timing repeats")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args()
    policy = Policy(max_distance_m=5_000)
    t0 = time.perf_counter()
    if args.national:
        requests, offers = national_instance()
        name, repeat = "national", args.repeat or 1
    elif args.quick:
        requests, offers = city_instance(1_000, 600)
        name, repeat = "quick", args.repeat or 1
    else:
        requests, offers = city_instance()
        name, repeat = "city (Utrecht 20x20 km)", args.repeat or 5
    print(f"instance generated in {time.perf_counter() - t0:.1f} s")
    run(name, requests, offers, policy, repeat)
    if not args.no_trace:
        peak = traced_peak(requests, offers, policy)
        print(f"tracemalloc peak during solve (Python + numpy): {peak:.0f} MB")


if __name__ == "__main__":
    main()
