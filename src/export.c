/*
 * export.c - a recording_stats summary as numbers for other tools: a JSON
 * object (casts to json and jsonb) and a row of four bigint columns.
 */
#include "recording_gap.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

PG_FUNCTION_INFO_V1(recording_stats_json);
PG_FUNCTION_INFO_V1(recording_stats_jsonb);
PG_FUNCTION_INFO_V1(recording_stats_columns);

/* {"referrals": n, "recorded": n, "unknown": n, "timely": n} */
static char *
stats_json_text(const RecordingStats *s)
{
	return psprintf("{\"referrals\": %lld, \"recorded\": %lld, \"unknown\": %lld, \"timely\": %lld}",
					(long long) s->referrals, (long long) s->recorded,
					(long long) s->unknown, (long long) s->timely);
}

Datum
recording_stats_json(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(stats_json_text(PG_GETARG_RECORDING_STATS_P(0))));
}

Datum
recording_stats_jsonb(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	JsonbParseState *state = NULL;
	JsonbValue *res;

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < 4; i++)
	{
		JsonbValue	k,
					v;

		k.type = jbvString;
		k.val.string.val = (char *) rg_field_names[i];
		k.val.string.len = strlen(rg_field_names[i]);
		pushJsonbValue(&state, WJB_KEY, &k);
		v.type = jbvNumeric;
		v.val.numeric = int64_to_numeric(rg_counts_field(s, i));
		pushJsonbValue(&state, WJB_VALUE, &v);
	}
	res = pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	PG_RETURN_POINTER(JsonbValueToJsonb(res));
}

Datum
recording_stats_columns(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("recording_stats_columns must be called where a row is expected"),
				 errdetail("The function returns a row of four bigint columns.")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (int i = 0; i < 4; i++)
		values[i] = Int64GetDatum(rg_counts_field(s, i));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
