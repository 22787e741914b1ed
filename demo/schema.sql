-- demo/schema.sql - the sample tables, in the shape real systems keep them,
-- loaded from data/*.csv (run by psql from the repository root).

CREATE TABLE forces (
	force       text PRIMARY KEY,          -- e.g. 'Avon and Somerset'
	code        text NOT NULL UNIQUE,      -- prefix of the force's crime references
	nation      text NOT NULL,             -- England, Wales, Scotland, Northern Ireland, Great Britain (railways)
	region      text NOT NULL,
	linkable    boolean NOT NULL,          -- do its crime records carry the NRM reference or a victim key?
	linkable_from date                     -- since when (NULL: throughout the data)
);

CREATE TABLE nrm_referrals (
	nrm_reference     text PRIMARY KEY,
	referred_at       timestamp NOT NULL,  -- when the first responder made the referral
	force             text NOT NULL REFERENCES forces,
	first_responder   text NOT NULL,
	exploitation_type text NOT NULL CHECK (exploitation_type IN
		('labour', 'sexual', 'criminal', 'domestic servitude', 'not specified')),
	age_group         text NOT NULL CHECK (age_group IN ('adult', 'child')),
	rg_decision       text NOT NULL CHECK (rg_decision IN ('positive', 'negative')),
	rg_decision_date  date NOT NULL,
	cg_decision       text CHECK (cg_decision IN ('positive', 'negative')),  -- NULL: none yet
	cg_decision_date  date,
	victim_key        text NOT NULL        -- pseudonymous person key (name + date of birth)
);

CREATE TABLE crimes (
	crime_reference text PRIMARY KEY,
	force           text NOT NULL REFERENCES forces,
	offence_code    text NOT NULL,         -- Home Office offence code 106: modern slavery
	recorded_at     timestamp NOT NULL,
	nrm_reference   text,                  -- often missing
	victim_key      text,                  -- often missing too
	outcome_type    integer                -- Home Office outcome type; NULL: under investigation
);

\copy forces FROM 'data/forces.csv' WITH (FORMAT csv, HEADER)
\copy nrm_referrals FROM 'data/nrm_referrals.csv' WITH (FORMAT csv, HEADER)
\copy crimes FROM 'data/crimes.csv' WITH (FORMAT csv, HEADER)

CREATE INDEX ON crimes (nrm_reference);
CREATE INDEX ON crimes (force, victim_key);
ANALYZE forces;
ANALYZE nrm_referrals;
ANALYZE crimes;

-- The linkage rule (doc/linkage.md): a referral is recorded when a crime
-- record carries its NRM reference; failing that, when a crime record of
-- the same force without any NRM reference carries the referral's victim
-- key and was recorded from the referral up to window_days after it.
-- window_days NULL: by NRM reference only.  Referrals of a force whose
-- crime records carry neither reference nor key (not linkable, or referred
-- before linkable_from) are unknown (NULL).  Each referral appears once,
-- however many crimes match it.  financial_year: '2015-16' for a referral
-- made from 1 April 2015 to 31 March 2016, and so on.
CREATE FUNCTION referral_links(window_days integer)
	RETURNS TABLE (nrm_reference text, force text, recorded boolean,
				   timely boolean, linked_by text, financial_year text)
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT r.nrm_reference, r.force,
		   CASE WHEN k.linkable THEN l.crime_reference IS NOT NULL END,
		   -- NCRS: recorded within 24 hours of the referral (or before it)
		   CASE WHEN k.linkable AND l.crime_reference IS NOT NULL
				THEN l.recorded_at <= r.referred_at + interval '24 hours' END,
		   CASE WHEN NOT k.linkable THEN 'unknown'
				WHEN l.crime_reference IS NULL THEN 'not recorded'
				WHEN l.by_reference THEN 'NRM reference'
				ELSE 'victim key' END,
		   format('%s-%s', y.fy, lpad(((y.fy + 1) % 100)::text, 2, '0'))
	FROM nrm_referrals r
	JOIN forces f ON f.force = r.force
	CROSS JOIN LATERAL (SELECT f.linkable AND (f.linkable_from IS NULL
											   OR r.referred_at >= f.linkable_from) AS linkable) k
	CROSS JOIN LATERAL (SELECT extract(year FROM r.referred_at - interval '3 months')::int AS fy) y
	LEFT JOIN LATERAL (
		SELECT c.crime_reference, c.recorded_at,
			   c.nrm_reference IS NOT NULL AS by_reference
		FROM crimes c
		WHERE c.nrm_reference = r.nrm_reference
		   OR (window_days IS NOT NULL
			   AND c.nrm_reference IS NULL
			   AND c.force = r.force
			   AND c.victim_key = r.victim_key
			   AND c.recorded_at >= r.referred_at
			   AND c.recorded_at <= r.referred_at + make_interval(days => window_days))
		ORDER BY by_reference DESC, c.recorded_at, c.crime_reference
		LIMIT 1
	) l ON k.linkable
$$;

-- The links under the rule (90-day window), with the force's nation and
-- the period of the referral, once for the summaries below.
CREATE TEMPORARY TABLE links_90 AS
	SELECT l.*, r.referred_at,
		   date_trunc('quarter', r.referred_at)::date AS quarter,
		   f.nation, f.region,
		   CASE WHEN f.nation IN ('England', 'Wales') THEN 'England and Wales'
				ELSE f.nation END AS area,
		   CASE f.nation WHEN 'England' THEN 1 WHEN 'Wales' THEN 1 WHEN 'Scotland' THEN 2
				WHEN 'Northern Ireland' THEN 3 ELSE 4 END AS area_order
	FROM referral_links(90) l
	JOIN nrm_referrals r USING (nrm_reference)
	JOIN forces f ON f.force = l.force;

-- One summary per force and financial year (2015-16, 2016-17).
CREATE TABLE force_year_stats AS
	SELECT force, nation, region, area, area_order, financial_year,
		   recording_stats(recorded, timely) AS s
	FROM links_90
	GROUP BY force, nation, region, area, area_order, financial_year;

-- One summary per force and quarter (the quarter's first day).
CREATE TABLE force_quarter_stats AS
	SELECT force, nation, region, area, area_order, quarter,
		   recording_stats(recorded, timely) AS s
	FROM links_90
	GROUP BY force, nation, region, area, area_order, quarter;

-- One summary per force for 2015-16, the year of the published figures.
CREATE TABLE force_stats AS
	SELECT force, nation, region, area, area_order, s
	FROM force_year_stats
	WHERE financial_year = '2015-16';

DROP TABLE links_90;
