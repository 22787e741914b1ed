/*
 * literals.c - numeric_literal_form: the C function behind every numeric
 * form of sql/current/90_literals.sql.
 *
 * A decimal literal such as 0.95 is of type numeric.  Each parameter that
 * users type as a literal (a level, threshold, target, alpha, phi, tau2 or
 * the stepwise p-value threshold) therefore has an exact numeric form in
 * the extension's schema beside its double precision form: a function of
 * the same name and argument types created in a schema later on the
 * search_path is then hidden by the extension's, and cannot take the call.
 *
 * Every numeric form is this one C function.  On its first call at a call
 * site it finds its double precision twin: the function of the same name,
 * in the same schema, whose argument types are its own with numeric
 * replaced by double precision (found by exact signature, never through
 * search_path).  Each call converts the numeric arguments to double
 * precision and calls the twin with the caller's context, so that an
 * aggregate's transition function runs in the same aggregate state and
 * memory context, with the same number of arguments.  Errors are the
 * twin's own, word for word.
 */
#include "recording_gap.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(numeric_literal_form);

typedef struct LiteralForm
{
	FmgrInfo	twin;
	int			nargs;
	bool		is_numeric[FUNC_MAX_ARGS];
} LiteralForm;

static LiteralForm *
literal_form(FunctionCallInfo fcinfo)
{
	LiteralForm *lf = (LiteralForm *) fcinfo->flinfo->fn_extra;
	HeapTuple	tup,
				twin;
	Form_pg_proc proc;
	Oid			argtypes[FUNC_MAX_ARGS];
	Oid			twin_oid;

	if (lf != NULL)
		return lf;
	lf = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(LiteralForm));
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	lf->nargs = proc->pronargs;
	for (int i = 0; i < proc->pronargs; i++)
	{
		Oid			t = proc->proargtypes.values[i];

		lf->is_numeric[i] = (t == NUMERICOID);
		argtypes[i] = lf->is_numeric[i] ? FLOAT8OID : t;
	}
	twin = SearchSysCache3(PROCNAMEARGSNSP, NameGetDatum(&proc->proname),
						   PointerGetDatum(buildoidvector(argtypes, proc->pronargs)),
						   ObjectIdGetDatum(proc->pronamespace));
	if (!HeapTupleIsValid(twin))
		elog(ERROR, "numeric form %s has no double precision form",
			 NameStr(proc->proname));
	twin_oid = ((Form_pg_proc) GETSTRUCT(twin))->oid;
	ReleaseSysCache(twin);
	ReleaseSysCache(tup);
	fmgr_info_cxt(twin_oid, &lf->twin, fcinfo->flinfo->fn_mcxt);
	fmgr_info_set_expr(fcinfo->flinfo->fn_expr, &lf->twin);
	fcinfo->flinfo->fn_extra = lf;
	return lf;
}

Datum
numeric_literal_form(PG_FUNCTION_ARGS)
{
	LiteralForm *lf = literal_form(fcinfo);
	LOCAL_FCINFO(in, FUNC_MAX_ARGS);
	int			nargs = PG_NARGS();
	Datum		result;

	if (nargs != lf->nargs)
		elog(ERROR, "numeric form called with %d arguments, declared with %d", nargs, lf->nargs);
	InitFunctionCallInfoData(*in, &lf->twin, nargs, fcinfo->fncollation,
							 fcinfo->context, fcinfo->resultinfo);
	for (int i = 0; i < nargs; i++)
	{
		in->args[i] = fcinfo->args[i];
		if (lf->is_numeric[i] && !fcinfo->args[i].isnull)
			in->args[i].value = DirectFunctionCall1(numeric_float8, fcinfo->args[i].value);
	}
	result = FunctionCallInvoke(in);
	fcinfo->isnull = in->isnull;
	return result;
}
