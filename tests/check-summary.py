#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second implementation of FORMAT.md's summary, by brute force.

Makes random team bundles, imports each into a new database with
`yardstick --import`, and compares `yardstick --summary` (for the whole
history and for random periods) with the figures computed here straight
from the bundle: every pair of runs listed for the ratio, exact binomial
and Mann–Whitney counts for the ranks, dates read from the text of
`started_at`. Nothing here shares code with Yardstick.

  check-summary.py YARDSTICK [--seed N] [--bundles N]
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import uuid
from datetime import date, datetime, timedelta, timezone

REL = 1e-6
Z = 1.959963984540054


# Ranks ---------------------------------------------------------------------

def median_rank(n):
    """Largest k >= 1 with P(Binomial(n, 1/2) <= k - 1) <= 0.025, or None."""
    best, cum = None, 0
    for k in range(1, n + 1):
        cum += math.comb(n, k - 1)          # P(X <= k - 1) · 2^n
        if 40 * cum <= 2 ** n:
            best = k
        else:
            break
    return best


_U_COUNTS = {}


def u_counts(m, n):
    """How many of the C(m+n, m) orderings give each Mann–Whitney U:
    the coefficients of the Gaussian binomial [m+n, m]_q."""
    key = (min(m, n), max(m, n))
    if key not in _U_COUNTS:
        a, b = key
        size = a * b + 1
        poly = [0] * size
        poly[0] = 1
        for i in range(1, a + 1):
            # times (1 - q^(b+i)), then over (1 - q^i)
            for j in range(size - 1, b + i - 1, -1):
                poly[j] -= poly[j - b - i]
            for j in range(i, size):
                poly[j] += poly[j - i]
        assert sum(poly) == math.comb(a + b, a)
        _U_COUNTS[key] = poly
    return _U_COUNTS[key]


def moses_rank(m, n):
    if m < 50 and n < 50:
        counts = u_counts(m, n)
        total = math.comb(m + n, m)
        best, cum = None, 0
        for k in range(1, m * n + 2):
            cum += counts[k - 1]            # P(U <= k - 1) · total
            if 40 * cum <= total:
                best = k
            else:
                break
        return best
    k = math.floor(m * n / 2 + 0.5 - Z * math.sqrt(m * n * (m + n + 1) / 12))
    return k if k >= 1 else None


# Figures -------------------------------------------------------------------

def median(values):
    s = sorted(values)
    n = len(s)
    if n == 0:
        return None
    return (s[(n - 1) // 2] + s[n // 2]) / 2


def median_ci(values):
    s = sorted(values)
    k = median_rank(len(s))
    if k is None:
        return None
    return [s[k - 1], s[len(s) - k]]


def ratio_change(without, with_ai, runs_to_settle=True):
    m, n = len(without), len(with_ai)
    out = {"ratio": None, "ratio_ci95": None, "enough_data": m >= 6 and n >= 6,
           "clear": False}
    if runs_to_settle:
        out["runs_to_settle"] = None
    if m == 0 or n == 0:
        return out
    logs = sorted(math.log(y / x) for x in without for y in with_ai)
    mn = len(logs)
    out["ratio"] = math.exp((logs[(mn - 1) // 2] + logs[mn // 2]) / 2)
    k = moses_rank(m, n)
    if k is None:
        return out
    lo, hi = math.exp(logs[k - 1]), math.exp(logs[mn - k])
    out["ratio_ci95"] = [lo, hi]
    out["clear"] = out["enough_data"] and (hi < 1 or lo > 1)
    if runs_to_settle and out["enough_data"] and not out["clear"] and out["ratio"] != 1:
        h = (math.log(hi) - math.log(lo)) / 2
        d = abs(math.log(out["ratio"]))
        harmonic = 2 * m * n / (m + n)
        more = harmonic * (h / d) ** 2 - harmonic
        if abs(more - round(more)) <= 1e-9 * max(1, abs(round(more))):
            more = round(more)
        out["runs_to_settle"] = min(999, max(1, math.ceil(more)))
    return out


def rate(part, whole):
    return part / whole if whole else None


def mode_figures(runs):
    durations = [r["duration_seconds"] for r in runs]
    known = [r for r in runs if r.get("used") is not None]
    return {
        "runs": len(runs),
        "median_seconds": median(durations),
        "median_ci95": median_ci(durations),
        "corrections_per_run": rate(sum(r["corrections"] for r in runs), len(runs)),
        "correction_rate": rate(sum(1 for r in runs if r["corrections"] >= 1), len(runs)),
        "used_rate": rate(sum(1 for r in known if r["used"]), len(known)),
    }


def run_day(run):
    return run["started_at"][:10]


def summarise(bundle, period=None):
    workflows = {w["id"]: w for w in bundle["workflows"] if not w.get("deleted")}
    tools = {t["id"]: t for t in bundle["tools"] if not t.get("deleted")}
    runs = [r for r in bundle["runs"] if not r.get("deleted") and r["workflow"] in workflows]
    answers = [f for f in bundle["feedback"]
               if not f.get("deleted") and f["workflow"] in workflows]

    # Beyond three active workflows, the import archives the later ones.
    active = sorted((w for w in workflows.values() if not w["archived"]),
                    key=lambda w: (w["updated_at"], w["id"]))
    archived = {w["id"] for w in active[3:]}

    if period:
        start, end = period
    elif runs:
        start, end = min(map(run_day, runs)), max(map(run_day, runs))
    else:
        start = end = None
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1 if start else 0
    weeks = max(1.0, days / 7)

    result = {"from": start, "to": end, "workflows": {}}
    for wid, w in workflows.items():
        mine = [r for r in runs if r["workflow"] == wid and start <= run_day(r) <= end] \
            if start else []
        without = [r for r in mine if r["mode"] == "without-ai"]
        with_ai = [r for r in mine if r["mode"] == "with-ai"]
        before, after = mode_figures(without), mode_figures(with_ai)
        change = {"percent": None}
        if without and with_ai:
            # Python's round: an exact half to the even neighbour.
            change["percent"] = round(
                (after["median_seconds"] - before["median_seconds"])
                / before["median_seconds"] * 100, 1)
        change.update(ratio_change([r["duration_seconds"] for r in without],
                                   [r["duration_seconds"] for r in with_ai]))

        how = [r.get("assignment", "chosen") for r in mine]
        drawn_without = [r["duration_seconds"] for r in without
                         if r.get("assignment") == "drawn"]
        drawn_with = [r["duration_seconds"] for r in with_ai if r.get("assignment") == "drawn"]
        fair = {"drawn": how.count("drawn"), "overridden": how.count("overridden"),
                "chosen": how.count("chosen"),
                "change": ratio_change(drawn_without, drawn_with, runs_to_settle=False)}

        saved = per_person = None
        if change["enough_data"]:
            saved = round((before["median_seconds"] - after["median_seconds"])
                          * after["runs"] / weeks)
            per_person = round(saved / w["people"])

        named = {r["tool"] for r in with_ai} | \
            {f["tool"] for f in answers if f["workflow"] == wid and start and
             start <= f["given_on"] <= end}
        tool_rows = []
        for tid in named:
            if tid not in tools:
                continue
            theirs = [r for r in with_ai if r["tool"] == tid]
            said = [f for f in answers if f["workflow"] == wid and f["tool"] == tid
                    and start <= f["given_on"] <= end]
            yes = sum(1 for f in said if f["saves_time"])
            no = len(said) - yes
            figures = mode_figures(theirs)
            row = {"id": tid, "name": tools[tid]["name"], "runs": len(theirs),
                   "median_seconds": figures["median_seconds"],
                   "used_rate": figures["used_rate"],
                   "feedback": {"yes": yes, "no": no, "yes_share": rate(yes, yes + no)},
                   "divergent": None}
            if len(theirs) >= 6 and yes + no >= 3 and len(without) >= 6:
                less = figures["median_seconds"] < before["median_seconds"]
                share = row["feedback"]["yes_share"]
                row["divergent"] = (share > 0.5 and not less) or (share < 0.5 and less)
            tool_rows.append(row)
        tool_rows.sort(key=lambda t: (t["name"], t["id"]))

        result["workflows"][wid] = {
            "id": wid, "name": w["name"], "archived": w["archived"] or wid in archived,
            "without_ai": before, "with_ai": after, "change": change, "fair_test": fair,
            "time_saved_per_week_seconds": saved,
            "time_saved_per_person_per_week_seconds": per_person,
            "tools": tool_rows,
        }
    return result


# Comparing -----------------------------------------------------------------

def compare(ours, theirs, where, problems):
    if isinstance(ours, bool) or isinstance(theirs, bool) or ours is None or theirs is None:
        if ours != theirs or type(ours) is not type(theirs):
            problems.append(f"{where}: expected {ours!r}, yardstick says {theirs!r}")
    elif isinstance(ours, (int, float)):
        if not isinstance(theirs, (int, float)) or \
                abs(ours - theirs) > REL * max(abs(ours), abs(theirs)):
            problems.append(f"{where}: expected {ours!r}, yardstick says {theirs!r}")
    elif isinstance(ours, str):
        if ours != theirs:
            problems.append(f"{where}: expected {ours!r}, yardstick says {theirs!r}")
    elif isinstance(ours, list):
        if not isinstance(theirs, list) or len(ours) != len(theirs):
            problems.append(f"{where}: expected {ours!r}, yardstick says {theirs!r}")
        else:
            for i, (a, b) in enumerate(zip(ours, theirs)):
                compare(a, b, f"{where}[{i}]", problems)
    elif isinstance(ours, dict):
        if not isinstance(theirs, dict):
            problems.append(f"{where}: expected {ours!r}, yardstick says {theirs!r}")
            return
        for key in sorted(set(ours) ^ set(theirs)):
            problems.append(f"{where}.{key}: " + ("missing" if key in ours else "not expected"))
        for key in ours:
            if key in theirs:
                compare(ours[key], theirs[key], f"{where}.{key}", problems)


def check(summary, expected, label):
    problems = []
    compare(expected["from"], summary["from"], f"{label} from", problems)
    compare(expected["to"], summary["to"], f"{label} to", problems)
    listed = {w["id"]: w for w in summary["workflows"]}
    if set(listed) != set(expected["workflows"]):
        problems.append(f"{label}: workflows {sorted(expected['workflows'])} expected, "
                        f"yardstick lists {sorted(listed)}")
    for wid, w in expected["workflows"].items():
        if wid in listed:
            theirs = dict(listed[wid])
            theirs.pop("costs", None)
            compare(w, theirs, f"{label} {w['name']}", problems)
    return problems


# Random team bundles -------------------------------------------------------

def stamp(moment, offset_minutes):
    zone = timezone(timedelta(minutes=offset_minutes))
    text = moment.astimezone(zone).isoformat(timespec="seconds")
    return text.replace("+00:00", "Z") if offset_minutes == 0 else text


def make_bundle(rng):
    base = datetime(2026, 3, 1, tzinfo=timezone.utc)
    updated = stamp(base, 0)
    workflows, tools, runs, feedback = [], [], [], []

    for i in range(rng.randint(1, 4)):
        workflows.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "name": f"Workflow {i + 1}", "description": "", "people": rng.randint(1, 12),
            "archived": rng.random() < 0.15,
            "updated_at": stamp(base + timedelta(minutes=rng.randint(0, 5)), 0),
            "deleted": rng.random() < 0.1,
        })
    for i in range(rng.randint(1, 3)):
        tools.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                      "name": f"Tool {chr(65 + i)}", "updated_at": updated,
                      "deleted": rng.random() < 0.1})

    # Sizes from a few runs (no interval, exact ranks) to past 50 a side
    # (the normal formula); durations often tied, as whole minutes are.
    for w in workflows:
        size = rng.choice([3, 8, 15, 30, 60, 120])
        effect = rng.choice([0.5, 0.8, 1.0, 1.0, 1.3])
        drawn_share = rng.choice([0.0, 0.5, 0.9, 1.0])
        grain = rng.choice([1, 60, 300])
        span_days = rng.choice([10, 60, 200])
        for _ in range(size):
            with_ai = rng.random() < 0.5
            minutes = rng.lognormvariate(math.log(60), 0.5) * (effect if with_ai else 1)
            duration = max(1, min(604800, grain * max(1, round(minutes * 60 / grain))))
            moment = base + timedelta(seconds=rng.randint(0, span_days * 86400))
            run = {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "workflow": w["id"],
                "mode": "with-ai" if with_ai else "without-ai",
                "tool": rng.choice(tools)["id"] if with_ai else None,
                "started_at": stamp(moment, rng.choice([0, 60, 120, -300, 330, -600, 840])),
                "duration_seconds": duration,
                "corrections": rng.choice([0, 0, 1, 2, 5]),
                "used": rng.choice([True, False, None]),
                "note": "",
                "updated_at": updated,
                "deleted": rng.random() < 0.05,
            }
            how = rng.random()
            if how < drawn_share:
                run["assignment"] = "drawn"
            elif how < drawn_share + 0.1:
                run["assignment"] = "overridden"
            elif rng.random() < 0.5:
                run["assignment"] = "chosen"
            runs.append(run)
        for _ in range(rng.randint(0, 8)):
            feedback.append({
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "workflow": w["id"], "tool": rng.choice(tools)["id"],
                "saves_time": rng.random() < 0.6,
                "given_on": (base + timedelta(days=rng.randint(0, span_days))).date().isoformat(),
                "comment": "", "updated_at": updated, "deleted": rng.random() < 0.05,
            })

    return {"format": "yardstick-bundle", "version": 1, "exported_at": updated,
            "workflows": workflows, "tools": tools, "runs": runs, "feedback": feedback}


def yardstick(binary, database, *args):
    done = subprocess.run([binary, "--database", database, *args], capture_output=True,
                          text=True)
    if done.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("yardstick")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--bundles", type=int, default=40)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory(prefix="ys-check-summary-") as work:
        for b in range(args.bundles):
            bundle = make_bundle(rng)
            path = os.path.join(work, f"team-{b}.json")
            database = os.path.join(work, f"team-{b}.db")
            with open(path, "w") as f:
                json.dump(bundle, f)
            yardstick(args.yardstick, database, "--import", path)

            periods = [None]
            days = sorted({r["started_at"][:10] for r in bundle["runs"]})
            if days:
                first, last = rng.choice(days), rng.choice(days)
                periods.append((min(first, last), max(first, last)))
                periods.append(("2026-03-01", "2026-05-31"))
            for period in periods:
                extra = ["--from", period[0], "--to", period[1]] if period else []
                summary = json.loads(yardstick(args.yardstick, database, "--summary", *extra))
                label = f"bundle {b} (seed {args.seed}), {period or 'all time'}:"
                problems = check(summary, summarise(bundle, period), label)
                checked += 1
                if problems:
                    failures += 1
                    print("\n".join(problems[:20]), file=sys.stderr)
                    kept = os.path.join(tempfile.gettempdir(), f"check-summary-{args.seed}-{b}.json")
                    with open(kept, "w") as f:
                        json.dump(bundle, f, indent=1)
                    print(f"{label} the bundle is kept as {kept}", file=sys.stderr)

    print(f"{checked} summaries compared, {failures} differed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
