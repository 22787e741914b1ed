-- demo/pictures.sql - the pictures of the demo (doc/pictures.md): the
-- funnel plot of the forces of England and Wales, a monthly trend chart of
-- England and of Wales, and an HTML page that shows both, written to the
-- directory given as psql variable outdir (demo/run: demo/out).
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only on
\pset footer off

\o :outdir/funnel.svg
SELECT funnel_plot_svg(force, s, NULL,
                       'England and Wales: recording of NRM referrals by force (sample data)')
FROM force_stats
WHERE area = 'England and Wales';

\o :outdir/trend.svg
SELECT ratio_chart_svg(month, s, nation, 0.5)
FROM (SELECT date_trunc('month', r.referred_at)::date AS month, f.nation,
             recording_stats(l.recorded, l.timely) AS s
      FROM referral_links(90) l
      JOIN nrm_referrals r ON r.nrm_reference = l.nrm_reference
      JOIN force_stats f ON f.force = r.force
      WHERE f.area = 'England and Wales'
      GROUP BY 1, 2) m;

\o :outdir/index.html
\qecho <!DOCTYPE html>
\qecho <html lang="en"><head><meta charset="utf-8">
\qecho <title>recording_gap: pictures of the sample data</title>
\qecho <style>body { font-family: sans-serif; margin: 16px; } img { display: block; margin: 8px 0 24px; }</style>
\qecho </head><body>
\qecho <h1>Recording of NRM referrals: sample data</h1>
\qecho <h2>Funnel plot of the forces of England and Wales</h2>
\qecho <img src="funnel.svg" width="800" height="500" alt="Funnel plot: recorded / referrals against referrals per force, with 95% and 99.8% limits">
\qecho <h2>Monthly recording ratio, England and Wales</h2>
\qecho <img src="trend.svg" width="800" height="500" alt="Line chart: recorded / referrals per month, with 95% Wilson interval bands">
\qecho </body></html>
\o
