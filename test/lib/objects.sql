-- test/lib/objects.sql - print the recording_gap objects of the current
-- database as the sorted arrays of test/pgtap/00_objects.sql, to help
-- review a change to that file:
--
--   psql -X -At -d DB -f test/lib/objects.sql
--
-- The lists in test/pgtap/00_objects.sql are written and reviewed by hand;
-- this script is never run by the tests (a list generated at test time
-- would agree with whatever the scripts happen to create).
SET search_path = public;

WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'recording_gap'),
members AS (
	SELECT classid, objid FROM pg_depend, ext
	WHERE refclassid = 'pg_extension'::regclass AND refobjid = ext.oid AND deptype = 'e'),
items(kind, ord, item) AS (
	SELECT 'functions', 1, p.oid::regprocedure::text
	  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid WHERE p.prokind = 'f'
	UNION ALL
	SELECT 'aggregates', 2, p.oid::regprocedure::text
	  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid WHERE p.prokind = 'a'
	UNION ALL
	SELECT 'window functions', 2, p.oid::regprocedure::text
	  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid WHERE p.prokind = 'w'
	UNION ALL
	SELECT 'procedures', 2, p.oid::regprocedure::text
	  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid WHERE p.prokind = 'p'
	UNION ALL
	SELECT 'types', 3, format_type(t.oid, NULL)
	  FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	 -- implicit array types, members from PostgreSQL 17, are not listed
	 WHERE NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
	UNION ALL
	SELECT 'operators', 4, o.oid::regoperator::text
	  FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT 'opclasses', 5, c.opcname || ' USING ' || am.amname
	  FROM members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
	  JOIN pg_am am ON am.oid = c.opcmethod
	UNION ALL
	SELECT 'opclasses', 5, 'FAMILY ' || f.opfname || ' USING ' || am.amname
	  FROM members m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	  JOIN pg_am am ON am.oid = f.opfmethod
	UNION ALL
	SELECT 'casts', 7, format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL)
	  FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'other', 8, pg_describe_object(m.classid, m.objid, 0)
	  FROM members m WHERE m.classid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass,
		'pg_opclass'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass))
SELECT '-- ' || kind || E'\nARRAY[\n\t' || string_agg(quote_literal(item), E',\n\t' ORDER BY item COLLATE "C")
	|| E'\n]::text[]'
FROM items GROUP BY kind, ord ORDER BY ord;

-- enum labels, in their sort order
SELECT format(E'SELECT enum_has_labels(%L, %L, ARRAY[%s]);', 'public', t.typname,
	string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder))
FROM pg_depend d JOIN pg_type t ON d.classid = 'pg_type'::regclass AND t.oid = d.objid
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'recording_gap')
GROUP BY t.typname ORDER BY t.typname;
