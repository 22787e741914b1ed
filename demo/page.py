#!/usr/bin/python3
"""Write OUTDIR/index.html: the demo's text report (OUTDIR/report.txt) and
the pictures it wrote (OUTDIR/*.svg), in one self-contained page that any
browser opens from the file system.

    /usr/bin/python3 demo/page.py OUTDIR
"""
import html
import os
import sys

CAPTIONS = {
    "funnel-2016-17.svg": "Funnel plot: the forces of England and Wales, 2016-17, around their national rate",
    "trend.svg": "Share of referrals recorded, per quarter: England and Wales and the four largest forces",
}


def main(outdir):
    with open(os.path.join(outdir, "report.txt"), encoding="utf-8") as f:
        report = f.read()
    svgs = sorted(n for n in os.listdir(outdir) if n.endswith(".svg"))
    figures = "\n".join(
        '<figure><img src="%s" alt="%s"><figcaption>%s</figcaption></figure>'
        % (html.escape(n, quote=True), html.escape(CAPTIONS.get(n, n), quote=True),
           html.escape(CAPTIONS.get(n, n)))
        for n in svgs) or "<p>No pictures: this build of recording_gap has no SVG functions.</p>"
    page = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>NRM referrals and recorded crimes: the recording_gap demo report</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #111; background: #fff; }
pre { font-size: 13px; line-height: 1.3; }
figure { margin: 1.5em 0; }
img { max-width: 100%%; border: 1px solid #ccc; }
</style>
</head>
<body>
<h1>NRM referrals and the crimes recorded for them</h1>
<p>Sample data: the national totals are the published ones; the split between forces is synthetic.</p>
%s
<h2>The report</h2>
<pre>%s</pre>
</body>
</html>
""" % (figures, html.escape(report))
    with open(os.path.join(outdir, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo/out")
