-- test/lib/hostile.sql - plant hostile objects for the script-security suite.
-- psql variables: schema (where to plant), names (comma-separated function
-- names to shadow), types (comma-separated argument types to use).
-- Every planted function and operator records its call in public.hijack_log.
\set ON_ERROR_STOP 1
-- plant with a trusted path only: the objects planted in public must not
-- capture the calls this script makes itself
SET search_path = pg_catalog;
-- (made here unless it exists: a planting role may have no CREATE on public)
SELECT to_regclass('public.hijack_log') IS NULL AS hostile_need_log \gset
\if :hostile_need_log
CREATE TABLE public.hijack_log (who text, planted_by text, what text);
GRANT ALL ON public.hijack_log TO PUBLIC;
\endif
SET hostile.schema = :'schema';
SET hostile.names = :'names';
SET hostile.types = :'types';
DO $plant$
DECLARE
	s text := current_setting('hostile.schema');
	names text[] := string_to_array(current_setting('hostile.names'), ',');
	types text[] := string_to_array(current_setting('hostile.types'), ',');
	n text;
	t text;
	t2 text;
	op text;
	arity int;
	args text;
	fname text;
	made int := 0;
BEGIN
	-- functions named like those the install scripts call, for several arities and types
	FOREACH n IN ARRAY names LOOP
		FOREACH t IN ARRAY types LOOP
			FOR arity IN 1..4 LOOP
				args := array_to_string(array_fill(t, ARRAY[arity]), ', ');
				BEGIN
					EXECUTE format($f$CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS $b$
						BEGIN INSERT INTO public.hijack_log VALUES (current_user, %L, %L); RETURN $1; END $b$$f$,
						s, n, args, t, current_user, format('%I.%I(%s)', s, n, args));
					made := made + 1;
				EXCEPTION WHEN duplicate_function OR invalid_function_definition OR syntax_error
						OR undefined_object OR feature_not_supported OR invalid_parameter_value THEN
					NULL;
				END;
			END LOOP;
		END LOOP;
	END LOOP;
	-- operators on the same types, and across them
	FOREACH op IN ARRAY ARRAY['=', '<>', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '||', '&', '|', '#', '~', '@@'] LOOP
		FOREACH t IN ARRAY types LOOP
			FOREACH t2 IN ARRAY types LOOP
				fname := format('hostile_op_%s', made);
				BEGIN
					EXECUTE format($f$CREATE FUNCTION %I.%I(a %s, b %s) RETURNS %s LANGUAGE plpgsql AS $b$
						BEGIN INSERT INTO public.hijack_log VALUES (current_user, %L, %L); RETURN %s; END $b$$f$,
						s, fname, t, t2,
						CASE WHEN op IN ('=', '<>', '<', '>', '<=', '>=', '~', '@@') THEN 'boolean' ELSE t END,
						current_user, format('%s.%s(%s, %s)', s, op, t, t2),
						CASE WHEN op IN ('=', '<>', '<', '>', '<=', '>=', '~', '@@') THEN 'false' ELSE 'a' END);
					EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.%I)',
						s, op, t, t2, s, fname);
					made := made + 1;
				EXCEPTION WHEN duplicate_function OR duplicate_object OR invalid_function_definition
						OR undefined_object OR feature_not_supported OR syntax_error OR datatype_mismatch THEN
					NULL;
				END;
			END LOOP;
		END LOOP;
	END LOOP;
	RAISE NOTICE 'planted % hostile objects in schema %', made, s;
END
$plant$;
