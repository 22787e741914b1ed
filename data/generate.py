#!/usr/bin/python3
"""Generate the bundled sample data of recording_gap (data/*.csv).

Deterministic: a fixed seed, the standard library only, rows written in a
fixed order.  Running it again must give byte-identical files (the 60-demo
suite checks this).  data/README.md says which figures are published and
which are synthetic.

    /usr/bin/python3 data/generate.py [OUTDIR]     (default: the script's directory)

Tables written:
    forces.csv         the 46 police forces of the United Kingdom
    nrm_referrals.csv  one row per NRM referral, financial years 2015-16 and 2016-17
    crimes.csv         one row per modern-slavery crime record (offence code 106)

The 2015-16 rows come first and are exactly those of the one-year sample
(same seed, same draws, same order); the 2016-17 rows follow, drawn from
a second seed, so that adding the second year changed no 2015-16 row.
"""
import csv
import datetime as dt
import hashlib
import os
import random
import sys

SEED = 20151231
FY_START = dt.datetime(2015, 4, 1)
FY_DAYS = 366  # 1 April 2015 .. 31 March 2016 (2016 is a leap year)
SEED2 = 20170331
FY2_START = dt.datetime(2016, 4, 1)
FY2_DAYS = 365  # 1 April 2016 .. 31 March 2017

# ---------------------------------------------------------------------------
# Forces: name, nation, region, referrals, recorded, linkable.
#
# Published (IASC annual report 2015-16 and its press coverage):
#   * England and Wales (the 43 territorial forces): 3,146 referrals and
#     884 recorded crimes;
#   * recorded crimes of six forces: Metropolitan Police 248, West Midlands
#     89, West Yorkshire 83, Greater Manchester 80, Kent 29, Essex 29;
#   * no recorded crime in Durham, Dyfed-Powys, Gwent, North Wales, City of
#     London and South Wales;
#   * PSNI recorded a crime for every referral; Police Scotland recorded
#     only referrals with a positive conclusive-grounds decision;
#   * four forces could not say which referrals were recorded.
# Everything else below (the per-force referrals, the other forces'
# recorded counts, which four forces are unknown, Scotland, Northern
# Ireland and BTP volumes) is synthetic.
# ---------------------------------------------------------------------------
# recorded = None: the force's crime records carry neither NRM reference nor
# victim key, so its referrals' linkage is unknown.
FORCES = [
    # name, nation, region, referrals, recorded
    ("Cleveland", "England", "North East", 32, 9),
    ("Durham", "England", "North East", 25, 0),
    ("Northumbria", "England", "North East", 56, 15),
    ("Cheshire", "England", "North West", 55, 14),
    ("Cumbria", "England", "North West", 20, None),
    ("Greater Manchester", "England", "North West", 200, 80),
    ("Lancashire", "England", "North West", 60, None),
    ("Merseyside", "England", "North West", 65, 16),
    ("Humberside", "England", "Yorkshire and the Humber", 45, 13),
    ("North Yorkshire", "England", "Yorkshire and the Humber", 30, 8),
    ("South Yorkshire", "England", "Yorkshire and the Humber", 60, 15),
    ("West Yorkshire", "England", "Yorkshire and the Humber", 170, 83),
    ("Derbyshire", "England", "East Midlands", 45, 11),
    ("Leicestershire", "England", "East Midlands", 65, 14),
    ("Lincolnshire", "England", "East Midlands", 60, 14),
    ("Northamptonshire", "England", "East Midlands", 45, 9),
    ("Nottinghamshire", "England", "East Midlands", 55, 16),
    ("Staffordshire", "England", "West Midlands", 45, 10),
    ("Warwickshire", "England", "West Midlands", 25, 5),
    ("West Mercia", "England", "West Midlands", 50, 12),
    ("West Midlands", "England", "West Midlands", 200, 89),
    ("Bedfordshire", "England", "East of England", 55, 15),
    ("Cambridgeshire", "England", "East of England", 60, 13),
    ("Essex", "England", "East of England", 80, 29),
    ("Hertfordshire", "England", "East of England", 55, 12),
    ("Norfolk", "England", "East of England", 50, 14),
    ("Suffolk", "England", "East of England", 35, None),
    ("City of London", "England", "London", 8, 0),
    ("Metropolitan Police", "England", "London", 707, 248),
    ("Hampshire", "England", "South East", 80, 17),
    ("Kent", "England", "South East", 110, 29),
    ("Surrey", "England", "South East", 40, 10),
    ("Sussex", "England", "South East", 55, 15),
    ("Thames Valley", "England", "South East", 90, 16),
    ("Avon and Somerset", "England", "South West", 70, 15),
    ("Devon and Cornwall", "England", "South West", 55, 8),
    ("Dorset", "England", "South West", 25, 6),
    ("Gloucestershire", "England", "South West", 25, 4),
    ("Wiltshire", "England", "South West", 30, None),
    ("Dyfed-Powys", "Wales", "Wales", 10, 0),
    ("Gwent", "Wales", "Wales", 20, 0),
    ("North Wales", "Wales", "Wales", 18, 0),
    ("South Wales", "Wales", "Wales", 60, 0),
    # Police Scotland: recorded = referrals with a positive conclusive-grounds
    # decision, so its recorded count is whatever the decisions give.
    ("Police Scotland", "Scotland", "Scotland", 145, "cg"),
    ("Police Service of Northern Ireland", "Northern Ireland", "Northern Ireland", 40, "all"),
    # BTP polices the railways of England, Wales and Scotland: it is not a
    # territorial force and is not part of the England and Wales figures.
    ("British Transport Police", "Great Britain (railways)", "British Transport Police", 24, 9),
]

# Crime records of the four unknown forces: kept, but they carry neither
# NRM reference nor victim key, so they cannot be linked (synthetic).
UNLINKABLE_CRIMES = {"Cumbria": 5, "Lancashire": 21, "Suffolk": 9, "Wiltshire": 7}

# ---------------------------------------------------------------------------
# 2016-17: referrals and recorded per force.
#
# Published (IASC annual report 2016-17): England and Wales recorded 2,255
# modern-slavery crimes, against 884 the year before.  Everything else here
# is synthetic: the referrals per force (3,658 in England and Wales), the
# split of the 2,255 between forces, Scotland, PSNI and BTP.  The split is
# chosen so that the change has something to find: most forces improve;
# Durham, Lincolnshire, Thames Valley, Devon and Cornwall and
# Gloucestershire stay about where they were; Essex and Northamptonshire
# record a smaller share than in 2015-16.  The four forces whose linkage
# was unknown in 2015-16 (Cumbria, Lancashire, Suffolk, Wiltshire) put the
# NRM reference on their crime records from 1 April 2016, so their 2016-17
# referrals link (forces.csv: linkable true, linkable_from 2016-04-01).
# ---------------------------------------------------------------------------
YEAR2 = {
    "Cleveland": (38, 22), "Durham": (28, 1), "Northumbria": (66, 44), "Cheshire": (62, 37),
    "Cumbria": (24, 14), "Greater Manchester": (236, 175), "Lancashire": (70, 38),
    "Merseyside": (76, 50), "Humberside": (52, 30), "North Yorkshire": (34, 19),
    "South Yorkshire": (70, 42), "West Yorkshire": (198, 150), "Derbyshire": (52, 30),
    "Leicestershire": (76, 48), "Lincolnshire": (68, 18), "Northamptonshire": (52, 3),
    "Nottinghamshire": (64, 44), "Staffordshire": (52, 32), "Warwickshire": (29, 17),
    "West Mercia": (58, 34), "West Midlands": (232, 180), "Bedfordshire": (64, 42),
    "Cambridgeshire": (70, 45), "Essex": (94, 14), "Hertfordshire": (64, 37), "Norfolk": (58, 34),
    "Suffolk": (40, 9), "City of London": (10, 5), "Metropolitan Police": (820, 640),
    "Hampshire": (94, 60), "Kent": (128, 80), "Surrey": (46, 27), "Sussex": (64, 38),
    "Thames Valley": (104, 21), "Avon and Somerset": (82, 52), "Devon and Cornwall": (64, 10),
    "Dorset": (29, 17), "Gloucestershire": (29, 5), "Wiltshire": (35, 20), "Dyfed-Powys": (12, 6),
    "Gwent": (23, 12), "North Wales": (21, 11), "South Wales": (70, 42),
    "Police Scotland": (160, "cg"),
    "Police Service of Northern Ireland": (45, "all"),
    "British Transport Police": (28, 12),
}
# The first day from which a force's crime records carry NRM reference or
# victim key (forces that could always be linked: empty).
LINKABLE_FROM = {"Cumbria": "2016-04-01", "Lancashire": "2016-04-01",
                 "Suffolk": "2016-04-01", "Wiltshire": "2016-04-01"}
# Forces that improve record more of their later referrals: the weight of a
# referral in quarter q (0..3) of 2016-17 is 1 + RAMP * q.
RAMP = 0.6

FIRST_RESPONDERS = [
    ("Police", 0.38),
    ("Home Office (UK Visas and Immigration)", 0.24),
    ("Local authority", 0.12),
    ("Salvation Army", 0.12),
    ("Home Office (Border Force)", 0.05),
    ("Home Office (Immigration Enforcement)", 0.03),
    ("Barnardo's", 0.02),
    ("Gangmasters Licensing Authority", 0.02),
    ("Migrant Help", 0.02),
]
EXPLOITATION_ADULT = [("labour", 0.40), ("sexual", 0.32), ("domestic servitude", 0.12),
                      ("criminal", 0.06), ("not specified", 0.10)]
EXPLOITATION_CHILD = [("criminal", 0.28), ("sexual", 0.30), ("labour", 0.26),
                      ("domestic servitude", 0.06), ("not specified", 0.10)]
# Home Office outcome types; None = still under investigation.
OUTCOMES = [(1, 0.18), (14, 0.10), (15, 0.14), (16, 0.12), (18, 0.08), (20, 0.06), (None, 0.32)]

SHARE_KEY_ONLY = 0.13     # crimes that lack the NRM reference but carry the victim key
SHARE_TIMELY = 0.42       # reference-linked crimes recorded within 24 hours


def pick(rng, table):
    x = rng.random()
    acc = 0.0
    for value, w in table:
        acc += w
        if x < acc:
            return value
    return table[-1][0]


def sample(rng, items, k):
    """k distinct items, in their original order (Fisher-Yates on indexes)."""
    idx = list(range(len(items)))
    for i in range(len(idx) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        idx[i], idx[j] = idx[j], idx[i]
    return [items[i] for i in sorted(idx[:k])]


def ts(t):
    return t.strftime("%Y-%m-%d %H:%M")


def day(t):
    return t.strftime("%Y-%m-%d") if t else ""


def victim_key(n):
    # pseudonymous key, as a hash of name and date of birth would give
    return "VK" + hashlib.sha256(b"recording_gap sample victim %d" % n).hexdigest()[:12].upper()


CODE_OVERRIDES = {"Northumbria": "NTB", "Northamptonshire": "NTH", "Norfolk": "NFK",
                  "West Mercia": "WMC", "West Midlands": "WMP", "Metropolitan Police": "MPS",
                  "Greater Manchester": "GMP", "Nottinghamshire": "NTT", "Police Scotland": "SCO"}


def force_code(name):
    if name in CODE_OVERRIDES:
        return CODE_OVERRIDES[name]
    words = [w for w in name.replace("-", " ").split() if w not in ("of", "and", "the")]
    code = "".join(w[0] for w in words).upper()
    return code if len(code) > 1 else name[:3].upper()


def draw_referral(rng, name, start, days, vk):
    """One referral of force `name` in the year from `start` (draws in a fixed order)."""
    at = start + dt.timedelta(days=int(rng.random() * days),
                              minutes=8 * 60 + int(rng.random() * 12 * 60))
    child = rng.random() < 0.30
    expl = pick(rng, EXPLOITATION_CHILD if child else EXPLOITATION_ADULT)
    fr = pick(rng, FIRST_RESPONDERS)
    rg_at = at + dt.timedelta(days=1 + int(rng.random() * 9))
    rg_pos = rng.random() < 0.88
    cg, cg_at = None, None
    if rg_pos:
        u = rng.random()
        if u < 0.72:
            cg = "positive"
        elif u < 0.92:
            cg = "negative"
        if cg:
            cg_at = rg_at + dt.timedelta(days=45 + int(rng.random() * 160))
    return {
        "force": name, "referred_at": at, "age_group": "child" if child else "adult",
        "exploitation_type": expl, "first_responder": fr,
        "rg_decision": "positive" if rg_pos else "negative", "rg_decision_date": rg_at,
        "cg_decision": cg, "cg_decision_date": cg_at, "victim_key": victim_key(vk),
    }


def draw_crime(rng, name, r, rec):
    """The crime record of linked referral r (rec == "cg": Police Scotland's rule)."""
    key_only = rec != "cg" and rng.random() < SHARE_KEY_ONLY
    if rec == "cg":
        # Police Scotland records once the conclusive-grounds decision is positive
        at = r["cg_decision_date"] + dt.timedelta(days=1 + int(rng.random() * 20),
                                                  minutes=int(rng.random() * 600))
    elif key_only:
        # recorded by another team, without the reference, 0..90 days later
        at = r["referred_at"] + dt.timedelta(minutes=30 + int(rng.random() * 90 * 24 * 60 - 60))
    elif rng.random() < SHARE_TIMELY:
        # within 24 hours of the referral; a few were recorded before it
        at = r["referred_at"] + dt.timedelta(minutes=int(rng.random() * 30 * 60) - 6 * 60)
    else:
        at = r["referred_at"] + dt.timedelta(days=1, minutes=1 + int(rng.random() * 60 * 24 * 60))
    return {"force": name, "recorded_at": at,
            "nrm_reference": None if key_only else r["nrm_reference"],
            "victim_key": r["victim_key"] if (key_only or rng.random() < 0.5) else None,
            "outcome": pick(rng, OUTCOMES)}


def weighted_sample(rng, items, k, weight):
    """k distinct items drawn with probability proportional to weight(item)
    (Efraimidis-Spirakis keys), in their original order."""
    keyed = sorted(((rng.random() ** (1.0 / weight(x)), i) for i, x in enumerate(items)), reverse=True)
    return [items[i] for i in sorted(i for _, i in keyed[:k])]


def main(outdir):
    rng = random.Random(SEED)

    codes = {}
    for f in FORCES:
        c = force_code(f[0])
        while c in codes.values():
            c += "X"
        codes[f[0]] = c

    ew = [f for f in FORCES if f[1] in ("England", "Wales")]
    assert len(ew) == 43, len(ew)
    assert sum(f[3] for f in ew) == 3146, sum(f[3] for f in ew)
    assert sum(f[4] for f in ew if isinstance(f[4], int)) == 884
    assert sum(1 for f in ew if f[4] is None) == 4
    assert sorted(YEAR2) == sorted(f[0] for f in FORCES)
    assert sum(YEAR2[f[0]][1] for f in ew) == 2255, sum(YEAR2[f[0]][1] for f in ew)
    assert sorted(LINKABLE_FROM) == sorted(f[0] for f in FORCES if f[4] is None)

    # ==== 2015-16 ====
    # ---- referrals ----
    referrals = []
    vk = 0
    for name, nation, region, n, rec in FORCES:
        for _ in range(n):
            vk += 1
            referrals.append(draw_referral(rng, name, FY_START, FY_DAYS, vk))
    referrals.sort(key=lambda r: (r["referred_at"], r["victim_key"]))
    for i, r in enumerate(referrals, 1):
        r["nrm_reference"] = "NRM-%s-%05d" % (r["referred_at"].strftime("%y%m"), i)

    # ---- crimes ----
    crimes = []
    by_force = {}
    for r in referrals:
        by_force.setdefault(r["force"], []).append(r)
    for name, nation, region, n, rec in FORCES:
        rs = by_force.get(name, [])
        if rec is None:
            for _ in range(UNLINKABLE_CRIMES[name]):
                at = FY_START + dt.timedelta(days=int(rng.random() * FY_DAYS),
                                             minutes=int(rng.random() * 24 * 60))
                crimes.append({"force": name, "recorded_at": at, "nrm_reference": None,
                               "victim_key": None, "outcome": pick(rng, OUTCOMES)})
            continue
        if rec == "cg":
            linked = [r for r in rs if r["cg_decision"] == "positive"]
        elif rec == "all":
            linked = rs
        else:
            # referrals with a positive reasonable-grounds decision are more
            # likely to be recorded, as in practice
            pos = [r for r in rs if r["rg_decision"] == "positive"]
            neg = [r for r in rs if r["rg_decision"] != "positive"]
            k_pos = min(len(pos), rec)
            linked = sample(rng, pos, k_pos) + sample(rng, neg, rec - k_pos)
        for r in linked:
            crimes.append(draw_crime(rng, name, r, rec))
    crimes.sort(key=lambda c: (c["recorded_at"], c["force"], c["nrm_reference"] or "", c["victim_key"] or ""))
    seq = {}
    for c in crimes:
        seq[c["force"]] = seq.get(c["force"], 0) + 1
        c["crime_reference"] = "%s/%05d/%s" % (codes[c["force"]], seq[c["force"]],
                                               c["recorded_at"].strftime("%y"))

    # ==== 2016-17: a second generator, so that no 2015-16 draw moves ====
    rng2 = random.Random(SEED2)
    referrals2 = []
    for name, nation, region, n, rec in FORCES:
        for _ in range(YEAR2[name][0]):
            vk += 1
            referrals2.append(draw_referral(rng2, name, FY2_START, FY2_DAYS, vk))
    referrals2.sort(key=lambda r: (r["referred_at"], r["victim_key"]))
    for i, r in enumerate(referrals2, len(referrals) + 1):
        r["nrm_reference"] = "NRM-%s-%05d" % (r["referred_at"].strftime("%y%m"), i)
    by_force2 = {}
    for r in referrals2:
        by_force2.setdefault(r["force"], []).append(r)
    crimes2 = []
    for name, nation, region, n, rec in FORCES:
        rs = by_force2.get(name, [])
        n2, rec2 = YEAR2[name]
        if rec2 == "cg":
            linked = [r for r in rs if r["cg_decision"] == "positive"]
        elif rec2 == "all":
            linked = rs
        else:
            before = rec / n if isinstance(rec, int) else None
            ramp = RAMP if before is None or rec2 / n2 > before + 0.1 else 0.0

            def weight(r):
                q = (r["referred_at"] - FY2_START).days * 4 // FY2_DAYS
                return (1.0 + ramp * q) * (3.0 if r["rg_decision"] == "positive" else 1.0)
            linked = weighted_sample(rng2, rs, rec2, weight)
        for r in linked:
            crimes2.append(draw_crime(rng2, name, r, rec2))
    crimes2.sort(key=lambda c: (c["recorded_at"], c["force"], c["nrm_reference"] or "", c["victim_key"] or ""))
    for c in crimes2:
        # crime references go on numbering each force's records
        seq[c["force"]] = seq.get(c["force"], 0) + 1
        c["crime_reference"] = "%s/%05d/%s" % (codes[c["force"]], seq[c["force"]],
                                               c["recorded_at"].strftime("%y"))
    referrals += referrals2
    crimes += crimes2

    # ---- write ----
    def write(fname, header, rows):
        with open(os.path.join(outdir, fname), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write("forces.csv", ["force", "code", "nation", "region", "linkable", "linkable_from"],
          [(f[0], codes[f[0]], f[1], f[2], "true", LINKABLE_FROM.get(f[0], "")) for f in FORCES])
    write("nrm_referrals.csv",
          ["nrm_reference", "referred_at", "force", "first_responder", "exploitation_type",
           "age_group", "rg_decision", "rg_decision_date", "cg_decision", "cg_decision_date",
           "victim_key"],
          [(r["nrm_reference"], ts(r["referred_at"]), r["force"], r["first_responder"],
            r["exploitation_type"], r["age_group"], r["rg_decision"], day(r["rg_decision_date"]),
            r["cg_decision"] or "", day(r["cg_decision_date"]), r["victim_key"]) for r in referrals])
    write("crimes.csv",
          ["crime_reference", "force", "offence_code", "recorded_at", "nrm_reference",
           "victim_key", "outcome_type"],
          [(c["crime_reference"], c["force"], "106", ts(c["recorded_at"]), c["nrm_reference"] or "",
            c["victim_key"] or "", "" if c["outcome"] is None else c["outcome"]) for c in crimes])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
