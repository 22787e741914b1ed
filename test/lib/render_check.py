#!/usr/bin/python3
"""render_check.py - checks of the SVG pictures and of their renderings.

    render_check.py funnel SVG PNG     the document's own coordinate map
                                       against the data, and the PNG
    render_check.py ratio SVG PNG      the same for a ratio chart
    render_check.py limits SVG         the limit curves as rows of
                                       "level side n value tolerance" (TSV),
                                       for the suite to compare with
                                       funnel_lower/funnel_upper in SQL
    render_check.py page PNG           a rendered HTML page of pictures is
                                       not blank and shows outlier markers
    render_check.py hostile SVG LABEL  LABEL is text in the document, and
                                       there is no script, foreignObject,
                                       external reference or event handler

Each check prints "ok - ..." or "not ok - ..." lines (TAP style) and exits
non-zero when one fails.  Pixel checks use the rendering of Chromium in
headless mode at device scale factor 1, so the SVG's user units are pixels.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.w3.org/2000/svg"}
S = "{http://www.w3.org/2000/svg}"
OUTLIER = (0xD5, 0x5E, 0x00)
failures = 0


def ok(cond, what):
    global failures
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures += 1
    return cond


def hexcol(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def near(c, want, tol=24):
    return all(abs(a - b) <= tol for a, b in zip(c[:3], want))


def plot_map(root):
    g = root.find(".//s:g[@id='rg-plot']", NS)
    m = {k[5:]: float(v) for k, v in g.attrib.items() if k.startswith("data-")}
    return g, m


def to_px(m, x, y):
    return (m["x0"] + (x - m["xmin"]) / (m["xmax"] - m["xmin"]) * (m["x1"] - m["x0"]),
            m["y1"] - (y - m["ymin"]) / (m["ymax"] - m["ymin"]) * (m["y1"] - m["y0"]))


def load_png(path, root):
    from PIL import Image
    img = Image.open(path).convert("RGB")
    w, h = int(root.get("width")), int(root.get("height"))
    ok(img.size[0] >= w and img.size[1] >= h, f"PNG {img.size} holds the {w}x{h} picture")
    return img


def not_blank(img):
    px = img.load()
    w, h = img.size
    colours = set()
    dark = 0
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            c = px[x, y]
            colours.add(c)
            if sum(c) < 600:
                dark += 1
    ok(len(colours) > 20 and dark > 200, f"image is not blank ({len(colours)} colours, {dark} dark samples)")


def colour_within(img, x, y, want, r=1, tol=24):
    px = img.load()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            xx, yy = int(round(x)) + dx, int(round(y)) + dy
            if 0 <= xx < img.size[0] and 0 <= yy < img.size[1] and near(px[xx, yy], want, tol):
                return True
    return False


def path_points(d):
    pts = []
    for cmd, x, y in re.findall(r"([ML])\s*(-?[0-9.]+) (-?[0-9.]+)", d):
        pts.append((cmd, float(x), float(y)))
    return pts


def check_funnel(svg, png):
    root = ET.parse(svg).getroot()
    g, m = plot_map(root)
    units = [u for u in g.findall("s:g", NS) if u.get("class", "").startswith("unit")]
    ok(len(units) > 0, f"{len(units)} units drawn")
    # the map: every marker sits where the data put it (2 decimals)
    worst = 0.0
    for u in units:
        n, x = int(u.get("data-referrals")), int(u.get("data-recorded"))
        c = u.find("s:circle", NS)
        ex, ey = to_px(m, n, x / n)
        worst = max(worst, abs(float(c.get("cx")) - ex), abs(float(c.get("cy")) - ey))
    ok(worst <= 0.0051, f"markers at (referrals, recorded / referrals) through the map (worst {worst:.4f} px)")
    outliers = [u for u in units if "outlier" in u.get("class")]
    undetermined = [u for u in units if "undetermined" in u.get("class")]
    ok(len(outliers) > 0, f"{len(outliers)} outliers")
    for u in undetermined:
        ok(u.find("s:circle", NS).get("fill") == "#ffffff" and int(u.get("data-unknown")) > 0,
           f"undetermined unit {u.find('s:title', NS).text!r} is hollow and has unknowns")
    labels = [t.text for t in g.findall("s:text[@class='outlier-label']", NS)]
    ok(len(labels) == len(outliers), f"one label per outlier ({len(labels)})")
    for u in undetermined:
        name = u.find("s:title", NS).text.rsplit(":", 1)[0]
        ok(name not in labels, f"undetermined {name!r} is not labelled as an outlier")
    if png is None:
        return
    img = load_png(png, root)
    not_blank(img)
    # the outlier colour at every outlier's computed position, and not at the others'
    for u in outliers:
        n, x = int(u.get("data-referrals")), int(u.get("data-recorded"))
        cx, cy = to_px(m, n, x / n)
        ok(colour_within(img, cx, cy, OUTLIER, r=1),
           f"outlier colour at ({cx:.1f}, {cy:.1f}) for {u.find('s:title', NS).text!r}")
    for u in units:
        if "within" in u.get("class").split():
            n, x = int(u.get("data-referrals")), int(u.get("data-recorded"))
            cx, cy = to_px(m, n, x / n)
            covered = any(abs(to_px(m, int(o.get("data-referrals")), int(o.get("data-recorded")) / int(o.get("data-referrals")))[0] - cx) < 7
                          and abs(to_px(m, int(o.get("data-referrals")), int(o.get("data-recorded")) / int(o.get("data-referrals")))[1] - cy) < 7
                          for o in outliers)
            if not covered and colour_within(img, cx, cy, OUTLIER, r=0, tol=10):
                ok(False, f"outlier colour at a unit within the limits ({cx:.1f}, {cy:.1f})")
    # the limit curves: their colour along the sampled points inside the plot area
    for p in g.findall(".//s:path", NS):
        if not p.get("class", "").startswith("limit"):
            continue
        col = hexcol(p.get("stroke"))
        pts = [(x, y) for _, x, y in path_points(p.get("d"))
               if m["x0"] + 3 < x < m["x1"] - 3 and m["y0"] + 3 < y < m["y1"] - 3]
        hits = sum(colour_within(img, x, y, col, r=2, tol=40) for x, y in pts)
        need = 0.5 if p.get("stroke-dasharray") else 0.8
        ok(len(pts) > 10 and hits >= need * len(pts),
           f"{p.get('class')} {p.get('data-level')} curve drawn: {hits} of {len(pts)} points show {p.get('stroke')}")


def check_ratio(svg, png):
    root = ET.parse(svg).getroot()
    g, m = plot_map(root)
    series = g.findall("s:g[@class='series']", NS)
    ok(0 < len(series) <= 8, f"{len(series)} series")
    worst = 0.0
    for s in series:
        for c in s.findall("s:circle", NS):
            n, x = int(c.get("data-referrals")), int(c.get("data-recorded"))
            y, mo, d = map(int, c.get("data-period").split("-"))
            import datetime
            days = (datetime.date(y, mo, d) - datetime.date(2000, 1, 1)).days
            ex, ey = to_px(m, days, x / n)
            worst = max(worst, abs(float(c.get("cx")) - ex), abs(float(c.get("cy")) - ey))
    ok(worst <= 0.0051, f"points at (period, recorded / referrals) through the map (worst {worst:.4f} px)")
    if png is None:
        return
    img = load_png(png, root)
    not_blank(img)
    for s in series:
        col = hexcol(s.get("data-colour"))
        pts = [(float(c.get("cx")), float(c.get("cy"))) for c in s.findall("s:circle", NS)]
        hits = sum(colour_within(img, x, y, col, r=1, tol=40) for x, y in pts)
        ok(hits >= 0.7 * len(pts), f"series {s.find('s:title', NS).text!r}: {hits} of {len(pts)} points show {s.get('data-colour')}")
        bands = s.findall("s:path[@class='band']", NS)
        ok(len(bands) > 0, f"series {s.find('s:title', NS).text!r} has an interval band")


def limits(svg):
    root = ET.parse(svg).getroot()
    g, m = plot_map(root)
    per_px_y = (m["ymax"] - m["ymin"]) / (m["y1"] - m["y0"])
    per_px_x = (m["xmax"] - m["xmin"]) / (m["x1"] - m["x0"])
    tol = 0.0051 * per_px_y + 1e-9
    bad_x = 0
    for p in g.findall(".//s:path", NS):
        cls = p.get("class", "")
        if not cls.startswith("limit"):
            continue
        side = cls.split()[1]
        for _, x, y in path_points(p.get("d")):
            nf = m["xmin"] + (x - m["x0"]) * per_px_x
            n = round(nf)
            if abs(nf - n) > 0.0051 * per_px_x + 1e-9:
                bad_x += 1
            v = m["ymin"] + (m["y1"] - y) * per_px_y
            print(f"{p.get('data-level')}\t{side}\t{n}\t{v:.9f}\t{tol:.9f}")
    if bad_x:
        print(f"x of {bad_x} points is not a whole number of referrals", file=sys.stderr)
        sys.exit(1)


def hostile(svg, label):
    root = ET.parse(svg).getroot()
    names = {el.tag.replace(S, "") for el in root.iter()}
    ok(not names & {"script", "foreignObject", "image", "use", "a", "iframe", "style"},
       f"no active or referring element ({sorted(names)})")
    attrs = [(el.tag, k, v) for el in root.iter() for k, v in el.attrib.items()]
    ok(not [a for a in attrs if a[1].lower().startswith("on")], "no event handler attribute")
    ok(not [a for a in attrs if "href" in a[1]], "no href")
    ok(not [a for a in attrs if re.search(r"url\((?!#)", a[2])], "no url() but fragment references")
    texts = ["".join(el.itertext()) for el in root.iter() if el.tag in (S + "text", S + "title")]
    ok(any(label in t for t in texts), f"the label {label!r} reads back as text")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "funnel":
        check_funnel(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif cmd == "ratio":
        check_ratio(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif cmd == "limits":
        limits(sys.argv[2])
    elif cmd == "page":
        from PIL import Image
        img = Image.open(sys.argv[2]).convert("RGB")
        not_blank(img)
        n = sum(1 for c in img.getdata() if near(c, OUTLIER, 10))
        ok(n >= 50, f"the page shows the outlier colour ({n} pixels)")
    elif cmd == "hostile":
        hostile(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"render_check.py: unknown command {cmd}")
    sys.exit(1 if failures else 0)
