-- Every flag holds at every resolution of the unknowns.  A summary with u
-- unknown outcomes stands for u + 1 unknown-free summaries (r of the u
-- recorded, r = 0 .. u); a flag is given only when all of them give it,
-- and is undetermined (NULL for a boolean) otherwise.  Each check below
-- lists every resolution of every small table and compares; "contradicted"
-- counts the tables where the flag differs from what the resolutions say,
-- and must be 0.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- ---- recording_trend ----
-- The defect: 0 of 100, 0 (+1,000 unknown) of 1,000, 8 of 100 was
-- improving, yet with 250 of the 1,000 recorded GNU R's
-- prop.trend.test(c(0, 250, 8), c(100, 1000, 100)) gives p = 0.168525000903272.
SELECT recording_trend(sc, make_recording_stats(n, x, u)) AS flag
  FROM (VALUES (1::float8, 100, 0, 0), (2, 1000, 0, 1000), (3, 100, 8, 0)) AS v(sc, n, x, u);
SELECT abs(trend_p_value(sc, make_recording_stats(n, x)) - 0.168525000903272) < 1e-12 AS p_as_r
  FROM (VALUES (1::float8, 100, 0), (2, 1000, 250), (3, 100, 8)) AS v(sc, n, x);
-- trend_p_value stays NULL with unknowns: it would depend on them
SELECT trend_p_value(sc, make_recording_stats(n, x, u)) IS NULL AS p_null
  FROM (VALUES (1::float8, 100, 0, 0), (2, 1000, 0, 1000), (3, 100, 8, 0)) AS v(sc, n, x, u);

-- Every unknown-free table of three periods of 4, 6 and 4 referrals, scored
-- 1, 2, 3 (set A: the middle period at the mean score) or 1, 2, 4 (set B),
-- with GNU R's prop.trend.test p-value and direction at alpha 0.05 and 0.2
-- (written by test/oracle/flags_trend.R).
CREATE TEMP TABLE trend_r (set text, x1 int, x2 int, x3 int, p float8, at05 text, at20 text);
INSERT INTO trend_r VALUES
('A', 0, 0, 0, NULL, 'no_trend', 'no_trend'),
('A', 0, 0, 1, 0.16981050508552145, 'no_trend', 'improving'),
('A', 0, 0, 2, 0.043308142810792025, 'improving', 'improving'),
('A', 0, 0, 3, 0.0097401224052719067, 'improving', 'improving'),
('A', 0, 0, 4, 0.0017451186995289015, 'improving', 'improving'),
('A', 0, 1, 0, 0.99999999999999978, 'no_trend', 'no_trend'),
('A', 0, 1, 1, 0.31232142167621613, 'no_trend', 'no_trend'),
('A', 0, 1, 2, 0.084837744796570386, 'no_trend', 'improving'),
('A', 0, 1, 3, 0.018881040156098747, 'improving', 'improving'),
('A', 0, 1, 4, 0.0031627637903691003, 'improving', 'improving'),
('A', 0, 2, 0, 0.99999999999999978, 'no_trend', 'no_trend'),
('A', 0, 2, 1, 0.38888541180776526, 'no_trend', 'no_trend'),
('A', 0, 2, 2, 0.11752486809663934, 'no_trend', 'improving'),
('A', 0, 2, 3, 0.02685669550752439, 'improving', 'improving'),
('A', 0, 2, 4, 0.0042667248221761175, 'improving', 'improving'),
('A', 0, 3, 0, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 0, 3, 1, 0.43384806576643958, 'no_trend', 'no_trend'),
('A', 0, 3, 2, 0.14001650319716902, 'no_trend', 'improving'),
('A', 0, 3, 3, 0.032088733978231219, 'improving', 'improving'),
('A', 0, 3, 4, 0.004677734981047274, 'improving', 'improving'),
('A', 0, 4, 0, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 0, 4, 1, 0.46059661870477103, 'no_trend', 'no_trend'),
('A', 0, 4, 2, 0.15304188415881892, 'no_trend', 'improving'),
('A', 0, 4, 3, 0.033894853524689246, 'improving', 'improving'),
('A', 0, 4, 4, 0.0042667248221761175, 'improving', 'improving'),
('A', 0, 5, 0, 0.99999999999999933, 'no_trend', 'no_trend'),
('A', 0, 5, 1, 0.47495853988950726, 'no_trend', 'no_trend'),
('A', 0, 5, 2, 0.15729920705028541, 'no_trend', 'improving'),
('A', 0, 5, 3, 0.03208873397823115, 'improving', 'improving'),
('A', 0, 5, 4, 0.0031627637903690929, 'improving', 'improving'),
('A', 0, 6, 0, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 0, 6, 1, 0.47950012218695381, 'no_trend', 'no_trend'),
('A', 0, 6, 2, 0.15304188415881886, 'no_trend', 'improving'),
('A', 0, 6, 3, 0.026856695507524446, 'improving', 'improving'),
('A', 0, 6, 4, 0.0017451186995289178, 'improving', 'improving'),
('A', 1, 0, 0, 0.16981050508552131, 'no_trend', 'worsening'),
('A', 1, 0, 1, 1, 'no_trend', 'no_trend'),
('A', 1, 0, 2, 0.38888541180776526, 'no_trend', 'no_trend'),
('A', 1, 0, 3, 0.11752486809663844, 'no_trend', 'improving'),
('A', 1, 0, 4, 0.02685669550752439, 'improving', 'improving'),
('A', 1, 1, 0, 0.31232142167621613, 'no_trend', 'no_trend'),
('A', 1, 1, 1, 0.99999999999999989, 'no_trend', 'no_trend'),
('A', 1, 1, 2, 0.43384806576643919, 'no_trend', 'no_trend'),
('A', 1, 1, 3, 0.14001650319716979, 'no_trend', 'improving'),
('A', 1, 1, 4, 0.032088733978231219, 'improving', 'improving'),
('A', 1, 2, 0, 0.38888541180776498, 'no_trend', 'no_trend'),
('A', 1, 2, 1, 0.99999999999999989, 'no_trend', 'no_trend'),
('A', 1, 2, 2, 0.46059661870477114, 'no_trend', 'no_trend'),
('A', 1, 2, 3, 0.15304188415881886, 'no_trend', 'improving'),
('A', 1, 2, 4, 0.03389485352468919, 'improving', 'improving'),
('A', 1, 3, 0, 0.43384806576643892, 'no_trend', 'no_trend'),
('A', 1, 3, 1, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 1, 3, 2, 0.47495853988950665, 'no_trend', 'no_trend'),
('A', 1, 3, 3, 0.15729920705028527, 'no_trend', 'improving'),
('A', 1, 3, 4, 0.032088733978231178, 'improving', 'improving'),
('A', 1, 4, 0, 0.46059661870477148, 'no_trend', 'no_trend'),
('A', 1, 4, 1, 1, 'no_trend', 'no_trend'),
('A', 1, 4, 2, 0.47950012218695354, 'no_trend', 'no_trend'),
('A', 1, 4, 3, 0.15304188415882089, 'no_trend', 'improving'),
('A', 1, 4, 4, 0.02685669550752439, 'improving', 'improving'),
('A', 1, 5, 0, 0.47495853988950665, 'no_trend', 'no_trend'),
('A', 1, 5, 1, 1, 'no_trend', 'no_trend'),
('A', 1, 5, 2, 0.47495853988950643, 'no_trend', 'no_trend'),
('A', 1, 5, 3, 0.14001650319716763, 'no_trend', 'improving'),
('A', 1, 5, 4, 0.018881040156098809, 'improving', 'improving'),
('A', 1, 6, 0, 0.4795001221869532, 'no_trend', 'no_trend'),
('A', 1, 6, 1, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 1, 6, 2, 0.46059661870477081, 'no_trend', 'no_trend'),
('A', 1, 6, 3, 0.1175248680966394, 'no_trend', 'improving'),
('A', 1, 6, 4, 0.0097401224052719101, 'improving', 'improving'),
('A', 2, 0, 0, 0.043308142810792108, 'worsening', 'worsening'),
('A', 2, 0, 1, 0.38888541180776526, 'no_trend', 'no_trend'),
('A', 2, 0, 2, 0.99999999999999944, 'no_trend', 'no_trend'),
('A', 2, 0, 3, 0.4605966187047717, 'no_trend', 'no_trend'),
('A', 2, 0, 4, 0.15304188415882089, 'no_trend', 'improving'),
('A', 2, 1, 0, 0.084837744796571052, 'no_trend', 'worsening'),
('A', 2, 1, 1, 0.43384806576643914, 'no_trend', 'no_trend'),
('A', 2, 1, 2, 1, 'no_trend', 'no_trend'),
('A', 2, 1, 3, 0.47495853988950643, 'no_trend', 'no_trend'),
('A', 2, 1, 4, 0.15729920705028569, 'no_trend', 'improving'),
('A', 2, 2, 0, 0.11752486809663849, 'no_trend', 'worsening'),
('A', 2, 2, 1, 0.46059661870477142, 'no_trend', 'no_trend'),
('A', 2, 2, 2, 0.99999999999999978, 'no_trend', 'no_trend'),
('A', 2, 2, 3, 0.47950012218695381, 'no_trend', 'no_trend'),
('A', 2, 2, 4, 0.15304188415881884, 'no_trend', 'improving'),
('A', 2, 3, 0, 0.14001650319717057, 'no_trend', 'worsening'),
('A', 2, 3, 1, 0.47495853988950687, 'no_trend', 'no_trend'),
('A', 2, 3, 2, 0.99999999999999978, 'no_trend', 'no_trend'),
('A', 2, 3, 3, 0.47495853988950643, 'no_trend', 'no_trend'),
('A', 2, 3, 4, 0.14001650319716763, 'no_trend', 'improving'),
('A', 2, 4, 0, 0.15304188415881892, 'no_trend', 'worsening'),
('A', 2, 4, 1, 0.4795001221869537, 'no_trend', 'no_trend'),
('A', 2, 4, 2, 0.99999999999999978, 'no_trend', 'no_trend'),
('A', 2, 4, 3, 0.46059661870477114, 'no_trend', 'no_trend'),
('A', 2, 4, 4, 0.11752486809663883, 'no_trend', 'improving'),
('A', 2, 5, 0, 0.15729920705028527, 'no_trend', 'worsening'),
('A', 2, 5, 1, 0.47495853988950676, 'no_trend', 'no_trend'),
('A', 2, 5, 2, 0.99999999999999933, 'no_trend', 'no_trend'),
('A', 2, 5, 3, 0.43384806576643931, 'no_trend', 'no_trend'),
('A', 2, 5, 4, 0.084837744796570261, 'no_trend', 'improving'),
('A', 2, 6, 0, 0.15304188415881886, 'no_trend', 'worsening'),
('A', 2, 6, 1, 0.46059661870477242, 'no_trend', 'no_trend'),
('A', 2, 6, 2, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 2, 6, 3, 0.38888541180776526, 'no_trend', 'no_trend'),
('A', 2, 6, 4, 0.043308142810792122, 'improving', 'improving'),
('A', 3, 0, 0, 0.0097401224052719067, 'worsening', 'worsening'),
('A', 3, 0, 1, 0.1175248680966394, 'no_trend', 'worsening'),
('A', 3, 0, 2, 0.46059661870477159, 'no_trend', 'no_trend'),
('A', 3, 0, 3, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 3, 0, 4, 0.47950012218695354, 'no_trend', 'no_trend'),
('A', 3, 1, 0, 0.018881040156098747, 'worsening', 'worsening'),
('A', 3, 1, 1, 0.14001650319717057, 'no_trend', 'worsening'),
('A', 3, 1, 2, 0.47495853988950698, 'no_trend', 'no_trend'),
('A', 3, 1, 3, 1, 'no_trend', 'no_trend'),
('A', 3, 1, 4, 0.47495853988950643, 'no_trend', 'no_trend'),
('A', 3, 2, 0, 0.026856695507524297, 'worsening', 'worsening'),
('A', 3, 2, 1, 0.15304188415881892, 'no_trend', 'worsening'),
('A', 3, 2, 2, 0.4795001221869537, 'no_trend', 'no_trend'),
('A', 3, 2, 3, 0.99999999999999944, 'no_trend', 'no_trend'),
('A', 3, 2, 4, 0.46059661870477081, 'no_trend', 'no_trend'),
('A', 3, 3, 0, 0.032088733978231219, 'worsening', 'worsening'),
('A', 3, 3, 1, 0.15729920705028541, 'no_trend', 'worsening'),
('A', 3, 3, 2, 0.47495853988950643, 'no_trend', 'no_trend'),
('A', 3, 3, 3, 0.99999999999999911, 'no_trend', 'no_trend'),
('A', 3, 3, 4, 0.43384806576643942, 'no_trend', 'no_trend'),
('A', 3, 4, 0, 0.033894853524689246, 'worsening', 'worsening'),
('A', 3, 4, 1, 0.15304188415881892, 'no_trend', 'worsening'),
('A', 3, 4, 2, 0.4605966187047722, 'no_trend', 'no_trend'),
('A', 3, 4, 3, 0.99999999999999956, 'no_trend', 'no_trend'),
('A', 3, 4, 4, 0.3888854118077647, 'no_trend', 'no_trend'),
('A', 3, 5, 0, 0.03208873397823115, 'worsening', 'worsening'),
('A', 3, 5, 1, 0.1400165031971688, 'no_trend', 'worsening'),
('A', 3, 5, 2, 0.43384806576643847, 'no_trend', 'no_trend'),
('A', 3, 5, 3, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 3, 5, 4, 0.31232142167621585, 'no_trend', 'no_trend'),
('A', 3, 6, 0, 0.026856695507524522, 'worsening', 'worsening'),
('A', 3, 6, 1, 0.11752486809663849, 'no_trend', 'worsening'),
('A', 3, 6, 2, 0.38888541180776559, 'no_trend', 'no_trend'),
('A', 3, 6, 3, 0.99999999999999933, 'no_trend', 'no_trend'),
('A', 3, 6, 4, 0.16981050508552176, 'no_trend', 'improving'),
('A', 4, 0, 0, 0.001745118699528907, 'worsening', 'worsening'),
('A', 4, 0, 1, 0.02685669550752439, 'worsening', 'worsening'),
('A', 4, 0, 2, 0.15304188415882103, 'no_trend', 'worsening'),
('A', 4, 0, 3, 0.47950012218695381, 'no_trend', 'no_trend'),
('A', 4, 0, 4, 1, 'no_trend', 'no_trend'),
('A', 4, 1, 0, 0.0031627637903691081, 'worsening', 'worsening'),
('A', 4, 1, 1, 0.032088733978231372, 'worsening', 'worsening'),
('A', 4, 1, 2, 0.15729920705028519, 'no_trend', 'worsening'),
('A', 4, 1, 3, 0.47495853988950748, 'no_trend', 'no_trend'),
('A', 4, 1, 4, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 4, 2, 0, 0.0042667248221761444, 'worsening', 'worsening'),
('A', 4, 2, 1, 0.033894853524689246, 'worsening', 'worsening'),
('A', 4, 2, 2, 0.15304188415882108, 'no_trend', 'worsening'),
('A', 4, 2, 3, 0.46059661870477159, 'no_trend', 'no_trend'),
('A', 4, 2, 4, 1, 'no_trend', 'no_trend'),
('A', 4, 3, 0, 0.0046777349810472697, 'worsening', 'worsening'),
('A', 4, 3, 1, 0.032088733978231219, 'worsening', 'worsening'),
('A', 4, 3, 2, 0.14001650319716979, 'no_trend', 'worsening'),
('A', 4, 3, 3, 0.43384806576643903, 'no_trend', 'no_trend'),
('A', 4, 3, 4, 0.99999999999999967, 'no_trend', 'no_trend'),
('A', 4, 4, 0, 0.0042667248221761296, 'worsening', 'worsening'),
('A', 4, 4, 1, 0.026856695507524342, 'worsening', 'worsening'),
('A', 4, 4, 2, 0.11752486809663844, 'no_trend', 'worsening'),
('A', 4, 4, 3, 0.38888541180776498, 'no_trend', 'no_trend'),
('A', 4, 4, 4, 0.99999999999999911, 'no_trend', 'no_trend'),
('A', 4, 5, 0, 0.0031627637903691112, 'worsening', 'worsening'),
('A', 4, 5, 1, 0.018881040156098747, 'worsening', 'worsening'),
('A', 4, 5, 2, 0.084837744796570386, 'no_trend', 'worsening'),
('A', 4, 5, 3, 0.31232142167621679, 'no_trend', 'no_trend'),
('A', 4, 5, 4, 1, 'no_trend', 'no_trend'),
('A', 4, 6, 0, 0.0017451186995288965, 'worsening', 'worsening'),
('A', 4, 6, 1, 0.0097401224052719067, 'worsening', 'worsening'),
('A', 4, 6, 2, 0.043308142810792143, 'worsening', 'worsening'),
('A', 4, 6, 3, 0.16981050508552126, 'no_trend', 'worsening'),
('A', 4, 6, 4, NULL, 'no_trend', 'no_trend'),
('B', 0, 0, 0, NULL, 'no_trend', 'no_trend'),
('B', 0, 0, 1, 0.12531111138942361, 'no_trend', 'improving'),
('B', 0, 0, 2, 0.024051580332536248, 'improving', 'improving'),
('B', 0, 0, 3, 0.0038983241471482522, 'improving', 'improving'),
('B', 0, 0, 4, 0.00047326029368855322, 'improving', 'improving'),
('B', 0, 1, 0, 0.79835535901519739, 'no_trend', 'no_trend'),
('B', 0, 1, 1, 0.34715252786297968, 'no_trend', 'no_trend'),
('B', 0, 1, 2, 0.077759896439329707, 'no_trend', 'improving'),
('B', 0, 1, 3, 0.013288409316557264, 'improving', 'improving'),
('B', 0, 1, 4, 0.0015873078385830266, 'improving', 'improving'),
('B', 0, 2, 0, 0.70687919212774297, 'no_trend', 'no_trend'),
('B', 0, 2, 1, 0.52126656315632081, 'no_trend', 'no_trend'),
('B', 0, 2, 2, 0.14527153234110549, 'no_trend', 'improving'),
('B', 0, 2, 3, 0.028018381631740318, 'improving', 'improving'),
('B', 0, 2, 4, 0.0034446936330652612, 'improving', 'improving'),
('B', 0, 3, 0, 0.63048402404773862, 'no_trend', 'no_trend'),
('B', 0, 3, 1, 0.66216106373599382, 'no_trend', 'no_trend'),
('B', 0, 3, 2, 0.21652222166103696, 'no_trend', 'no_trend'),
('B', 0, 3, 3, 0.046118177468984563, 'improving', 'improving'),
('B', 0, 3, 4, 0.0057203122482973115, 'improving', 'improving'),
('B', 0, 4, 0, 0.56017926063150991, 'no_trend', 'no_trend'),
('B', 0, 4, 1, 0.7836015807910981, 'no_trend', 'no_trend'),
('B', 0, 4, 2, 0.28749541886916785, 'no_trend', 'no_trend'),
('B', 0, 4, 3, 0.065436433863084578, 'no_trend', 'improving'),
('B', 0, 4, 4, 0.0078354328032509638, 'improving', 'improving'),
('B', 0, 5, 0, 0.4923527717877404, 'no_trend', 'no_trend'),
('B', 0, 5, 1, 0.89422975547326167, 'no_trend', 'no_trend'),
('B', 0, 5, 2, 0.35698132040797476, 'no_trend', 'no_trend'),
('B', 0, 5, 3, 0.083916163511180503, 'no_trend', 'improving'),
('B', 0, 5, 4, 0.009081471812871349, 'improving', 'improving'),
('B', 0, 6, 0, 0.42503065278492808, 'no_trend', 'no_trend'),
('B', 0, 6, 1, 1, 'no_trend', 'no_trend'),
('B', 0, 6, 2, 0.42503065278492702, 'no_trend', 'no_trend'),
('B', 0, 6, 3, 0.099399532161655493, 'no_trend', 'improving'),
('B', 0, 6, 4, 0.0087520985989243683, 'improving', 'improving'),
('B', 1, 0, 0, 0.25029106643158872, 'no_trend', 'no_trend'),
('B', 1, 0, 1, 0.77791434407494886, 'no_trend', 'no_trend'),
('B', 1, 0, 2, 0.22912563754811655, 'no_trend', 'no_trend'),
('B', 1, 0, 3, 0.049276491733799187, 'improving', 'improving'),
('B', 1, 0, 4, 0.007414529854078822, 'improving', 'improving'),
('B', 1, 1, 0, 0.30107096635160846, 'no_trend', 'no_trend'),
('B', 1, 1, 1, 0.93609864417086586, 'no_trend', 'no_trend'),
('B', 1, 1, 2, 0.34379941524551355, 'no_trend', 'no_trend'),
('B', 1, 1, 3, 0.086083582709207698, 'no_trend', 'improving'),
('B', 1, 1, 4, 0.013907291343999383, 'improving', 'improving'),
('B', 1, 2, 0, 0.29728852494592883, 'no_trend', 'no_trend'),
('B', 1, 2, 1, 0.9419478370769262, 'no_trend', 'no_trend'),
('B', 1, 2, 2, 0.4501117785997063, 'no_trend', 'no_trend'),
('B', 1, 2, 3, 0.12627161657375183, 'no_trend', 'improving'),
('B', 1, 2, 4, 0.021288357410786819, 'improving', 'improving'),
('B', 1, 3, 0, 0.27468868417197406, 'no_trend', 'no_trend'),
('B', 1, 3, 1, 0.83681320474752308, 'no_trend', 'no_trend'),
('B', 1, 3, 2, 0.54964442889916321, 'no_trend', 'no_trend'),
('B', 1, 3, 3, 0.16706427691489409, 'no_trend', 'improving'),
('B', 1, 3, 4, 0.028254027550050027, 'improving', 'improving'),
('B', 1, 4, 0, 0.24314107430102069, 'no_trend', 'no_trend'),
('B', 1, 4, 1, 0.73959855250921946, 'no_trend', 'no_trend'),
('B', 1, 4, 2, 0.64510987578477197, 'no_trend', 'no_trend'),
('B', 1, 4, 3, 0.20656651965950379, 'no_trend', 'no_trend'),
('B', 1, 4, 4, 0.033306273013275468, 'improving', 'improving'),
('B', 1, 5, 0, 0.20656651965950446, 'no_trend', 'no_trend'),
('B', 1, 5, 1, 0.64510987578477219, 'no_trend', 'no_trend'),
('B', 1, 5, 2, 0.73959855250921813, 'no_trend', 'no_trend'),
('B', 1, 5, 3, 0.24314107430102028, 'no_trend', 'no_trend'),
('B', 1, 5, 4, 0.034700575334563125, 'improving', 'improving'),
('B', 1, 6, 0, 0.16706427691489403, 'no_trend', 'worsening'),
('B', 1, 6, 1, 0.54964442889916443, 'no_trend', 'no_trend'),
('B', 1, 6, 2, 0.83681320474752141, 'no_trend', 'no_trend'),
('B', 1, 6, 3, 0.27468868417197417, 'no_trend', 'no_trend'),
('B', 1, 6, 4, 0.030410236568874007, 'improving', 'improving'),
('B', 2, 0, 0, 0.0906024670029109, 'no_trend', 'worsening'),
('B', 2, 0, 1, 0.63048402404773896, 'no_trend', 'no_trend'),
('B', 2, 0, 2, 0.66216106373599404, 'no_trend', 'no_trend'),
('B', 2, 0, 3, 0.21652222166103749, 'no_trend', 'no_trend'),
('B', 2, 0, 4, 0.046118177468984577, 'improving', 'improving'),
('B', 2, 1, 0, 0.10882747632730697, 'no_trend', 'worsening'),
('B', 2, 1, 1, 0.56017926063150991, 'no_trend', 'no_trend'),
('B', 2, 1, 2, 0.78360158079109843, 'no_trend', 'no_trend'),
('B', 2, 1, 3, 0.28749541886916835, 'no_trend', 'no_trend'),
('B', 2, 1, 4, 0.06543643386308455, 'no_trend', 'improving'),
('B', 2, 2, 0, 0.10913748251706773, 'no_trend', 'worsening'),
('B', 2, 2, 1, 0.49235277178774017, 'no_trend', 'no_trend'),
('B', 2, 2, 2, 0.89422975547326233, 'no_trend', 'no_trend'),
('B', 2, 2, 3, 0.35698132040797503, 'no_trend', 'no_trend'),
('B', 2, 2, 4, 0.083916163511180919, 'no_trend', 'improving'),
('B', 2, 3, 0, 0.09939953216165609, 'no_trend', 'worsening'),
('B', 2, 3, 1, 0.42503065278492774, 'no_trend', 'no_trend'),
('B', 2, 3, 2, 0.99999999999999978, 'no_trend', 'no_trend'),
('B', 2, 3, 3, 0.42503065278492741, 'no_trend', 'no_trend'),
('B', 2, 3, 4, 0.09939953216165609, 'no_trend', 'improving'),
('B', 2, 4, 0, 0.08391616351118121, 'no_trend', 'worsening'),
('B', 2, 4, 1, 0.35698132040797492, 'no_trend', 'no_trend'),
('B', 2, 4, 2, 0.89422975547326267, 'no_trend', 'no_trend'),
('B', 2, 4, 3, 0.49235277178773984, 'no_trend', 'no_trend'),
('B', 2, 4, 4, 0.10913748251706773, 'no_trend', 'improving'),
('B', 2, 5, 0, 0.065436433863084578, 'no_trend', 'worsening'),
('B', 2, 5, 1, 0.28749541886916863, 'no_trend', 'no_trend'),
('B', 2, 5, 2, 0.78360158079109898, 'no_trend', 'no_trend'),
('B', 2, 5, 3, 0.56017926063150991, 'no_trend', 'no_trend'),
('B', 2, 5, 4, 0.10882747632730695, 'no_trend', 'improving'),
('B', 2, 6, 0, 0.046118177468984674, 'worsening', 'worsening'),
('B', 2, 6, 1, 0.21652222166103804, 'no_trend', 'no_trend'),
('B', 2, 6, 2, 0.66216106373599359, 'no_trend', 'no_trend'),
('B', 2, 6, 3, 0.63048402404773896, 'no_trend', 'no_trend'),
('B', 2, 6, 4, 0.090602467002911233, 'no_trend', 'improving'),
('B', 3, 0, 0, 0.030410236568874129, 'worsening', 'worsening'),
('B', 3, 0, 1, 0.27468868417197395, 'no_trend', 'no_trend'),
('B', 3, 0, 2, 0.83681320474752285, 'no_trend', 'no_trend'),
('B', 3, 0, 3, 0.54964442889916343, 'no_trend', 'no_trend'),
('B', 3, 0, 4, 0.16706427691489409, 'no_trend', 'improving'),
('B', 3, 1, 0, 0.034700575334563007, 'worsening', 'worsening'),
('B', 3, 1, 1, 0.24314107430102055, 'no_trend', 'no_trend'),
('B', 3, 1, 2, 0.73959855250921891, 'no_trend', 'no_trend'),
('B', 3, 1, 3, 0.64510987578477219, 'no_trend', 'no_trend'),
('B', 3, 1, 4, 0.20656651965950426, 'no_trend', 'no_trend'),
('B', 3, 2, 0, 0.033306273013275559, 'worsening', 'worsening'),
('B', 3, 2, 1, 0.20656651965950421, 'no_trend', 'no_trend'),
('B', 3, 2, 2, 0.64510987578477219, 'no_trend', 'no_trend'),
('B', 3, 2, 3, 0.73959855250921891, 'no_trend', 'no_trend'),
('B', 3, 2, 4, 0.24314107430102044, 'no_trend', 'no_trend'),
('B', 3, 3, 0, 0.028254027550050229, 'worsening', 'worsening'),
('B', 3, 3, 1, 0.16706427691489414, 'no_trend', 'worsening'),
('B', 3, 3, 2, 0.54964442889916321, 'no_trend', 'no_trend'),
('B', 3, 3, 3, 0.8368132047475223, 'no_trend', 'no_trend'),
('B', 3, 3, 4, 0.27468868417197445, 'no_trend', 'no_trend'),
('B', 3, 4, 0, 0.021288357410786888, 'worsening', 'worsening'),
('B', 3, 4, 1, 0.12627161657375116, 'no_trend', 'worsening'),
('B', 3, 4, 2, 0.45011177859970714, 'no_trend', 'no_trend'),
('B', 3, 4, 3, 0.94194783707692653, 'no_trend', 'no_trend'),
('B', 3, 4, 4, 0.29728852494592883, 'no_trend', 'no_trend'),
('B', 3, 5, 0, 0.013907291343999383, 'worsening', 'worsening'),
('B', 3, 5, 1, 0.086083582709207906, 'no_trend', 'worsening'),
('B', 3, 5, 2, 0.34379941524551311, 'no_trend', 'no_trend'),
('B', 3, 5, 3, 0.93609864417086586, 'no_trend', 'no_trend'),
('B', 3, 5, 4, 0.3010709663516084, 'no_trend', 'no_trend'),
('B', 3, 6, 0, 0.0074145298540788523, 'worsening', 'worsening'),
('B', 3, 6, 1, 0.049276491733799187, 'worsening', 'worsening'),
('B', 3, 6, 2, 0.22912563754811663, 'no_trend', 'no_trend'),
('B', 3, 6, 3, 0.77791434407494986, 'no_trend', 'no_trend'),
('B', 3, 6, 4, 0.25029106643158905, 'no_trend', 'no_trend'),
('B', 4, 0, 0, 0.0087520985989243613, 'worsening', 'worsening'),
('B', 4, 0, 1, 0.09939953216165559, 'no_trend', 'worsening'),
('B', 4, 0, 2, 0.42503065278492758, 'no_trend', 'no_trend'),
('B', 4, 0, 3, 1, 'no_trend', 'no_trend'),
('B', 4, 0, 4, 0.42503065278492774, 'no_trend', 'no_trend'),
('B', 4, 1, 0, 0.0090814718128713803, 'worsening', 'worsening'),
('B', 4, 1, 1, 0.083916163511180947, 'no_trend', 'worsening'),
('B', 4, 1, 2, 0.35698132040797476, 'no_trend', 'no_trend'),
('B', 4, 1, 3, 0.89422975547326256, 'no_trend', 'no_trend'),
('B', 4, 1, 4, 0.4923527717877404, 'no_trend', 'no_trend'),
('B', 4, 2, 0, 0.0078354328032509812, 'worsening', 'worsening'),
('B', 4, 2, 1, 0.065436433863084578, 'no_trend', 'worsening'),
('B', 4, 2, 2, 0.28749541886916874, 'no_trend', 'no_trend'),
('B', 4, 2, 3, 0.7836015807910981, 'no_trend', 'no_trend'),
('B', 4, 2, 4, 0.56017926063151036, 'no_trend', 'no_trend'),
('B', 4, 3, 0, 0.0057203122482973028, 'worsening', 'worsening'),
('B', 4, 3, 1, 0.0461181774689845, 'worsening', 'worsening'),
('B', 4, 3, 2, 0.21652222166103718, 'no_trend', 'no_trend'),
('B', 4, 3, 3, 0.66216106373599359, 'no_trend', 'no_trend'),
('B', 4, 3, 4, 0.63048402404773862, 'no_trend', 'no_trend'),
('B', 4, 4, 0, 0.0034446936330652638, 'worsening', 'worsening'),
('B', 4, 4, 1, 0.028018381631740401, 'worsening', 'worsening'),
('B', 4, 4, 2, 0.14527153234110718, 'no_trend', 'worsening'),
('B', 4, 4, 3, 0.52126656315632047, 'no_trend', 'no_trend'),
('B', 4, 4, 4, 0.70687919212774253, 'no_trend', 'no_trend'),
('B', 4, 5, 0, 0.0015873078385830342, 'worsening', 'worsening'),
('B', 4, 5, 1, 0.013288409316557264, 'worsening', 'worsening'),
('B', 4, 5, 2, 0.077759896439329707, 'no_trend', 'worsening'),
('B', 4, 5, 3, 0.34715252786298034, 'no_trend', 'no_trend'),
('B', 4, 5, 4, 0.79835535901519739, 'no_trend', 'no_trend'),
('B', 4, 6, 0, 0.00047326029368855127, 'worsening', 'worsening'),
('B', 4, 6, 1, 0.0038983241471482522, 'worsening', 'worsening'),
('B', 4, 6, 2, 0.02405158033253631, 'worsening', 'worsening'),
('B', 4, 6, 3, 0.12531111138942419, 'no_trend', 'worsening'),
('B', 4, 6, 4, NULL, 'no_trend', 'no_trend');
CREATE TEMP TABLE trend_sets (set text, s1 float8, s2 float8, s3 float8);
INSERT INTO trend_sets VALUES ('A', 1, 2, 3), ('B', 1, 2, 4);

-- the extension on the unknown-free tables agrees with R: the p-value to
-- 1e-12 relative (NULL where every referral has the same outcome) and the
-- direction at both alphas
SELECT count(*) AS tables,
       count(*) FILTER (WHERE NOT (p IS NULL AND e.p_ext IS NULL
                                   OR abs(e.p_ext - p) <= 1e-12 * p)) AS p_differs,
       count(*) FILTER (WHERE e.d05::text <> at05 OR e.d20::text <> at20) AS flag_differs
  FROM trend_r JOIN trend_sets USING (set),
       LATERAL (SELECT trend_p_value(sc, make_recording_stats(n, x)) AS p_ext,
                       recording_trend(sc, make_recording_stats(n, x)) AS d05,
                       recording_trend(sc, make_recording_stats(n, x), 0.2) AS d20
                  FROM (VALUES (s1, 4, x1), (s2, 6, x2), (s3, 4, x3)) AS v(sc, n, x)) AS e;

-- every table with unknowns (x_i recorded and u_i unknown, x_i + u_i at
-- most n_i): 15 * 28 * 15 = 6,300 per set of scores
CREATE TEMP TABLE trend_u AS
SELECT a.x AS x1, a.u AS u1, b.x AS x2, b.u AS u2, c.x AS x3, c.u AS u3
  FROM (SELECT x, u FROM generate_series(0, 4) x, generate_series(0, 4 - x) u) a,
       (SELECT x, u FROM generate_series(0, 6) x, generate_series(0, 6 - x) u) b,
       (SELECT x, u FROM generate_series(0, 4) x, generate_series(0, 4 - x) u) c;
CREATE TEMP TABLE trend_check AS
SELECT t.*, set, alpha,
       (SELECT recording_trend(sc, make_recording_stats(n, x, u), alpha)::text
          FROM (VALUES (s1, 4, x1, u1), (s2, 6, x2, u2), (s3, 4, x3, u3)) AS v(sc, n, x, u)) AS flag,
       (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
          FROM trend_r r, LATERAL (SELECT CASE WHEN alpha = 0.05 THEN r.at05 ELSE r.at20 END AS f) z
         WHERE r.set = ts.set
           AND r.x1 BETWEEN t.x1 AND t.x1 + t.u1
           AND r.x2 BETWEEN t.x2 AND t.x2 + t.u2
           AND r.x3 BETWEEN t.x3 AND t.x3 + t.u3) AS every_resolution
  FROM trend_u t, trend_sets ts, unnest(ARRAY[0.05, 0.2]::float8[]) AS alpha;
SELECT count(*) AS tables,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted,
       count(DISTINCT flag) AS distinct_flags
  FROM trend_check;

-- ---- one summary: verdicts, below_threshold, funnel positions ----
-- every (n, x, u) with 1 <= n <= 14: 15 + ... = 679 summaries
CREATE TEMP TABLE summ AS
SELECT n, x, u FROM generate_series(1, 14) n, generate_series(0, n) x, generate_series(0, n - x) u;
SELECT count(*) AS summaries FROM summ;

-- recording_verdict by a margin and below_threshold, at thresholds on and
-- between the ratios
SELECT count(*) AS cases,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted,
       count(*) FILTER (WHERE below IS DISTINCT FROM
                        CASE every_resolution WHEN 'below' THEN true WHEN 'meets' THEN false END) AS boolean_contradicted
  FROM (SELECT recording_verdict(make_recording_stats(n, x, u), t)::text AS flag,
               below_threshold(make_recording_stats(n, x, u), t) AS below,
               (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
                  FROM generate_series(0, u) r,
                       LATERAL (SELECT recording_verdict(make_recording_stats(n, x + r), t)::text AS f) z) AS every_resolution
          FROM summ, unnest(ARRAY[0, 0.25, 1 / 3.0, 0.5, 0.6, 0.7, 0.95, 1]::float8[]) AS t) q;

-- recording_verdict beyond chance, every method, at two levels
SELECT count(*) AS cases,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted
  FROM (SELECT recording_verdict(make_recording_stats(n, x, u), t, l, m)::text AS flag,
               (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
                  FROM generate_series(0, u) r,
                       LATERAL (SELECT recording_verdict(make_recording_stats(n, x + r), t, l, m)::text AS f) z) AS every_resolution
          FROM summ, unnest(ARRAY[0.25, 0.5, 0.7, 0.95]::float8[]) AS t,
               unnest(ARRAY[0.5, 0.95]::float8[]) AS l,
               unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m) q;

-- funnel_position, plain (phi 1) and with phi 2.5
SELECT count(*) AS cases,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted
  FROM (SELECT funnel_position(make_recording_stats(n, x, u), tg, l, phi)::text AS flag,
               (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
                  FROM generate_series(0, u) r,
                       LATERAL (SELECT funnel_position(make_recording_stats(n, x + r), tg, l, phi)::text AS f) z) AS every_resolution
          FROM summ, unnest(ARRAY[0.3, 0.5, 0.8]::float8[]) AS tg,
               unnest(ARRAY[0.95, 0.998]::float8[]) AS l,
               unnest(ARRAY[1, 2.5]::float8[]) AS phi) q;

-- funnel_position_tau2, tau2 0 and 0.05
SELECT count(*) AS cases,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted
  FROM (SELECT funnel_position_tau2(make_recording_stats(n, x, u), tg, tau2, l)::text AS flag,
               (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
                  FROM generate_series(0, u) r,
                       LATERAL (SELECT funnel_position_tau2(make_recording_stats(n, x + r), tg, tau2, l)::text AS f) z) AS every_resolution
          FROM summ, unnest(ARRAY[0.3, 0.5, 0.8]::float8[]) AS tg,
               unnest(ARRAY[0, 0.05]::float8[]) AS tau2,
               unnest(ARRAY[0.95, 0.998]::float8[]) AS l) q;

-- ---- two summaries: recording_change ----
-- every pair of summaries of 2, 5 or 8 referrals: 72 * 72 = 5,184 pairs
CREATE TEMP TABLE pair_side AS
SELECT n, x, u FROM unnest(ARRAY[2, 5, 8]) n, generate_series(0, n) x, generate_series(0, n - x) u;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE flag <> every_resolution) AS contradicted
  FROM (SELECT recording_change(make_recording_stats(b.n, b.x, b.u), make_recording_stats(a.n, a.x, a.u), alpha)::text AS flag,
               (SELECT CASE WHEN count(DISTINCT f) = 1 THEN min(f) ELSE 'undetermined' END
                  FROM generate_series(0, b.u) rb, generate_series(0, a.u) ra,
                       LATERAL (SELECT recording_change(make_recording_stats(b.n, b.x + rb),
                                                        make_recording_stats(a.n, a.x + ra), alpha)::text AS f) z) AS every_resolution
          FROM pair_side b, pair_side a, unnest(ARRAY[0.05, 0.3]::float8[]) AS alpha) q;

-- ---- booleans are NULL when the unknowns decide ----
-- 5 recorded and 5 unknown of 10 against 0.6: 0.5 (below) to 1.0 (meets).
-- 5 of 10 is below 0.6; 6 (+4) of 10 meets it (0.6 >= 0.6); 1 (+4) of 10
-- is below even at its best, 0.5.
SELECT below_threshold(make_recording_stats(10, 5, 5), 0.6) AS undetermined,
       below_threshold(make_recording_stats(10, 5), 0.6) AS known_below,
       below_threshold(make_recording_stats(10, 6, 4), 0.6) AS meets_at_worst,
       below_threshold(make_recording_stats(10, 1, 4), 0.6) AS below_at_best,
       below_threshold(make_recording_stats(0, 0), 0.6) AS no_referrals;
-- a WHERE NOT keeps only the summaries that meet whatever the unknowns are
SELECT n, x, u FROM (VALUES (10, 5, 5), (10, 5, 0), (10, 6, 4), (10, 1, 4)) AS v(n, x, u)
 WHERE NOT below_threshold(make_recording_stats(n, x, u), 0.6);

-- the same answers in a PL/pgSQL loop and from a generic plan
DO $$
DECLARE
	r record;
	b boolean;
BEGIN
	FOR r IN SELECT * FROM (VALUES (5, 5, NULL::boolean), (5, 0, true), (6, 4, false)) AS v(x, u, want) LOOP
		b := below_threshold(make_recording_stats(10, r.x, r.u), 0.6);
		IF b IS DISTINCT FROM r.want THEN
			RAISE EXCEPTION 'below_threshold(10, %, %) gave %', r.x, r.u, b;
		END IF;
	END LOOP;
END
$$;
SET plan_cache_mode = force_generic_plan;
PREPARE bt(bigint, bigint, bigint, float8) AS
	SELECT below_threshold(make_recording_stats($1, $2, $3), $4) AS below;
EXECUTE bt(10, 5, 5, 0.6);
EXECUTE bt(10, 5, 0, 0.6);
PREPARE tr(bigint) AS
	SELECT recording_trend(sc, make_recording_stats(n, x, u)) AS flag
	  FROM (VALUES (1::float8, 100::bigint, 0::bigint, 0::bigint), (2, 1000, 0, $1), (3, 100, 8, 0)) AS v(sc, n, x, u);
EXECUTE tr(1000);
EXECUTE tr(0);
DEALLOCATE ALL;
RESET plan_cache_mode;
