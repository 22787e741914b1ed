/*
 * funnel.c - fmgr adapters of src/core/funnel.c: funnel limits (exact, with
 * phi, with tau2), positions under the unknowns rule, z-scores, the exact
 * binomial p-value against the target, and the funnel_phi and funnel_tau2
 * aggregates.
 */
#include "statistics.h"

#include "core/funnel.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(funnel_lower);
PG_FUNCTION_INFO_V1(funnel_upper);
PG_FUNCTION_INFO_V1(funnel_lower_phi);
PG_FUNCTION_INFO_V1(funnel_upper_phi);
PG_FUNCTION_INFO_V1(funnel_lower_tau2);
PG_FUNCTION_INFO_V1(funnel_upper_tau2);
PG_FUNCTION_INFO_V1(funnel_position);
PG_FUNCTION_INFO_V1(funnel_position_tau2);
PG_FUNCTION_INFO_V1(funnel_z);
PG_FUNCTION_INFO_V1(funnel_z_tau2);
PG_FUNCTION_INFO_V1(funnel_p_value);
PG_FUNCTION_INFO_V1(funnel_phi_accum);
PG_FUNCTION_INFO_V1(funnel_phi_combine);
PG_FUNCTION_INFO_V1(funnel_phi_serialize);
PG_FUNCTION_INFO_V1(funnel_phi_deserialize);
PG_FUNCTION_INFO_V1(funnel_phi_final);
PG_FUNCTION_INFO_V1(funnel_tau2_accum);
PG_FUNCTION_INFO_V1(funnel_tau2_final);

static const char *const position_labels[] = {"low", "within", "high", "undetermined"};

/* ---- funnel limits ---- */

/*
 * Limits for n = argument 0 around target = argument 1; phi and tau2 as
 * given (given: RG_A_PHI or RG_A_TAU2 when the user passed it), level from
 * argument level_arg.
 */
static bool
limits_compute(FunctionCallInfo fcinfo, double phi, double tau2, unsigned given,
			   int level_arg, double *lower, double *upper)
{
	RgErrArgs	a = {0};
	RgStatStatus st;

	a.n = PG_GETARG_INT64(0);
	a.have |= RG_A_N;
	a.target = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_TARGET;
	a.level = PG_GETARG_FLOAT8(level_arg);
	a.have |= RG_A_LEVEL;
	a.phi = phi;
	a.tau2 = tau2;
	a.have |= given;
	/* counts above 2^53 would round on the way to double */
	if (a.n > RG_STAT_MAX_COUNT)
		rg_error(RG_DOM_STAT, RG_STAT_TOO_LARGE, &a);
	st = (RgStatStatus) rg_funnel_limits_od((double) a.n, a.target, a.level, phi, tau2,
											lower, upper);
	if (st == RG_STAT_NO_DATA)
		return false;
	rg_error(RG_DOM_STAT, st, &a);
	return true;
}

/* funnel_lower(n, target, level), funnel_upper(...): the exact limits */
Datum
funnel_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, 1.0, 0.0, 0, 2, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
funnel_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, 1.0, 0.0, 0, 2, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* funnel_lower_phi(n, target, phi, level), funnel_upper_phi(...) */
Datum
funnel_lower_phi(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, PG_GETARG_FLOAT8(2), 0.0, RG_A_PHI, 3, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
funnel_upper_phi(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, PG_GETARG_FLOAT8(2), 0.0, RG_A_PHI, 3, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* funnel_lower_tau2(n, target, tau2, level), funnel_upper_tau2(...) */
Datum
funnel_lower_tau2(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, 1.0, PG_GETARG_FLOAT8(2), RG_A_TAU2, 3, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
funnel_upper_tau2(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!limits_compute(fcinfo, 1.0, PG_GETARG_FLOAT8(2), RG_A_TAU2, 3, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* ---- positions ---- */

static Datum
position_compute(FunctionCallInfo fcinfo, double level, double phi, double tau2,
				 unsigned given)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgFunnelPosition pos = RG_FUNNEL_WITHIN;
	RgStatStatus st;

	a.target = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_TARGET;
	a.level = level;
	a.have |= RG_A_LEVEL;
	a.phi = phi;
	a.tau2 = tau2;
	a.have |= given;
	a.n = s->referrals;
	a.have |= RG_A_N;
	st = rg_funnel_position_od(s, a.target, level, phi, tau2, &pos);
	if (st == RG_STAT_NO_DATA)
		PG_RETURN_NULL();
	if (st == RG_STAT_BAD_COUNTS)
		rg_check_counts(s);
	rg_error(RG_DOM_STAT, st, &a);
	return rg_enum_result(fcinfo, position_labels, 4, (int) pos);
}

/* funnel_position(s, target, level, phi) */
Datum
funnel_position(PG_FUNCTION_ARGS)
{
	return position_compute(fcinfo, PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), 0.0, RG_A_PHI);
}

/* funnel_position_tau2(s, target, tau2, level) */
Datum
funnel_position_tau2(PG_FUNCTION_ARGS)
{
	return position_compute(fcinfo, PG_GETARG_FLOAT8(3), 1.0, PG_GETARG_FLOAT8(2), RG_A_TAU2);
}

/* ---- z-scores and the exact test ---- */

/*
 * funnel_z and funnel_p_value are NULL for no referrals and for a summary
 * with unknown outcomes (the figure would depend on how they resolve).
 */
static bool
z_compute(FunctionCallInfo fcinfo, double tau2, double *z)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgStatStatus st;

	a.target = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_TARGET;
	a.tau2 = tau2;
	if (tau2 != 0.0)
		a.have |= RG_A_TAU2;
	a.n = s->referrals;
	a.have |= RG_A_N;
	rg_check_counts(s);
	st = rg_funnel_z(s->recorded, s->referrals, a.target, tau2, z);
	if (st == RG_STAT_NO_DATA)
		return false;
	rg_error(RG_DOM_STAT, st, &a);
	return s->unknown == 0;
}

Datum
funnel_z(PG_FUNCTION_ARGS)
{
	double		z;

	if (!z_compute(fcinfo, 0.0, &z))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(z);
}

Datum
funnel_z_tau2(PG_FUNCTION_ARGS)
{
	double		z;

	if (!z_compute(fcinfo, PG_GETARG_FLOAT8(2), &z))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(z);
}

Datum
funnel_p_value(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgStatStatus st;
	double		p;

	a.target = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_TARGET;
	a.n = s->referrals;
	a.have |= RG_A_N;
	rg_check_counts(s);
	st = rg_binom_test_p(s->recorded, s->referrals, a.target, &p);
	if (st == RG_STAT_NO_DATA)
		PG_RETURN_NULL();
	rg_error(RG_DOM_STAT, st, &a);
	if (s->unknown > 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p);
}

/* ---- funnel_phi and funnel_tau2 aggregates ---- */

/*
 * The (referrals, recorded) pair of every unit whose outcomes are all known,
 * and the common target.  from_worker marks a state rebuilt by the
 * deserialisation function from a parallel worker's partial state: the
 * combine function frees it once merged.
 */
typedef struct PhiState
{
	double		target;
	int64		count;
	int64		cap;
	bool		from_worker;
	int64	   *n;
	int64	   *x;
} PhiState;

static PhiState *
phi_state_new(MemoryContext cxt, double target, int64 cap)
{
	PhiState   *st = MemoryContextAllocZero(cxt, sizeof(PhiState));

	st->target = target;
	st->cap = cap < 16 ? 16 : cap;
	st->n = MemoryContextAllocHuge(cxt, sizeof(int64) * st->cap);
	st->x = MemoryContextAllocHuge(cxt, sizeof(int64) * st->cap);
	return st;
}

static void
phi_state_free(PhiState *st)
{
	pfree(st->n);
	pfree(st->x);
	pfree(st);
}

static void
phi_state_reserve(PhiState *st, int64 extra)
{
	int64		cap = rg_agg_grow(st->cap, st->count + extra, sizeof(int64));

	if (cap == st->cap)
		return;
	if (cap < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many units for a funnel overdispersion estimate"),
				 errdetail("More than %lld units were given.", (long long) st->cap)));
	st->n = repalloc_huge(st->n, sizeof(int64) * cap);
	st->x = repalloc_huge(st->x, sizeof(int64) * cap);
	st->cap = cap;
}

static void
phi_check_target(double target)
{
	if (!(target > 0.0 && target < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target of funnel_phi must be greater than 0 and less than 1"),
				 errdetail("The target is %s.", float8out_internal(target)),
				 errhint("The z-scores divide by the binomial standard deviation at the target, which is 0 at 0 and 1.")));
}

static void
tau2_check_target(double target)
{
	if (!(target >= 0.0 && target <= 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target of funnel_tau2 must be between 0 and 1"),
				 errdetail("The target is %s.", float8out_internal(target)),
				 errhint("The target is a proportion, such as the national recording ratio.")));
}

static void
phi_same_target(double a, double b)
{
	if (a != b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target of a funnel overdispersion estimate must be the same for every row"),
				 errdetail("Targets %s and %s were given.",
						   float8out_internal(a), float8out_internal(b)),
				 errhint("Compute the target once, for example in a subquery, and pass that value.")));
}

/*
 * Add one row.  Rows with a NULL summary or target are skipped, as by a
 * strict function; a unit without referrals has no z-score; a unit with
 * unknown outcomes is left out (the estimate is made from the units whose
 * outcomes are all known).
 */
static Datum
overdispersion_accum(FunctionCallInfo fcinfo, bool tau2)
{
	MemoryContext aggcxt;
	PhiState   *st = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	RecordingStats *s;
	double		target;

	aggcxt = rg_agg_context(fcinfo, tau2 ? "funnel_tau2_accum" : "funnel_phi_accum");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	s = PG_GETARG_RECORDING_STATS_P(1);
	target = PG_GETARG_FLOAT8(2);
	if (tau2)
		tau2_check_target(target);
	else
		phi_check_target(target);
	if (st == NULL)
		st = phi_state_new(aggcxt, target, 16);
	else
		phi_same_target(st->target, target);
	rg_check_counts(s);
	rg_stat_check_size(s);
	if (s->referrals > 0 && s->unknown == 0)
	{
		phi_state_reserve(st, 1);
		st->n[st->count] = s->referrals;
		st->x[st->count] = s->recorded;
		st->count++;
	}
	PG_RETURN_POINTER(st);
}

Datum
funnel_phi_accum(PG_FUNCTION_ARGS)
{
	return overdispersion_accum(fcinfo, false);
}

Datum
funnel_tau2_accum(PG_FUNCTION_ARGS)
{
	return overdispersion_accum(fcinfo, true);
}

/*
 * Merge b into a.  A state that came from a worker (b, or a when it is the
 * first) is owned by this call: adopted as the running state, or freed once
 * copied, so that the partial states do not pile up in the aggregate
 * context until the group ends.
 */
Datum
funnel_phi_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	PhiState   *a = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	PhiState   *b = PG_ARGISNULL(1) ? NULL : (PhiState *) PG_GETARG_POINTER(1);

	aggcxt = rg_agg_context(fcinfo, "funnel_phi_combine");
	RG_COMBINE_RETURN_IF_NO_SECOND(a, b);
	if (a == NULL)
	{
		if (b->from_worker)
		{
			/* deserialised in the aggregate context: take it over */
			b->from_worker = false;
			PG_RETURN_POINTER(b);
		}
		a = phi_state_new(aggcxt, b->target, b->count);
	}
	else
		phi_same_target(a->target, b->target);
	phi_state_reserve(a, b->count);
	memcpy(a->n + a->count, b->n, sizeof(int64) * b->count);
	memcpy(a->x + a->count, b->x, sizeof(int64) * b->count);
	a->count += b->count;
	if (b->from_worker)
		phi_state_free(b);
	PG_RETURN_POINTER(a);
}

Datum
funnel_phi_serialize(PG_FUNCTION_ARGS)
{
	PhiState   *st = (PhiState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	(void) rg_agg_context(fcinfo, "funnel_phi_serialize");
	rg_agg_serial_begin(&buf, st->target, st->count);
	for (int64 i = 0; i < st->count; i++)
	{
		pq_sendint64(&buf, st->n[i]);
		pq_sendint64(&buf, st->x[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
funnel_phi_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = rg_agg_context(fcinfo, "funnel_phi_deserialize");
	StringInfoData buf;
	PhiState   *st;
	double		target;
	int64		count = rg_agg_serial_open(fcinfo, 0, &buf, &target, 16,
										   "funnel overdispersion state");

	st = phi_state_new(aggcxt, target, count);
	for (int64 i = 0; i < count; i++)
	{
		st->n[i] = pq_getmsgint64(&buf);
		st->x[i] = pq_getmsgint64(&buf);
	}
	st->count = count;
	st->from_worker = true;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/*
 * funnel_phi (tau2 false): NULL without a unit whose outcomes are all
 * known; funnel_tau2 (tau2 true): NULL with fewer than two such units.
 */
static Datum
overdispersion_final(FunctionCallInfo fcinfo, bool tau2)
{
	PhiState   *st = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	RgErrArgs	a = {0};
	double	   *work;
	double		v;
	RgStatStatus rs;

	if (st == NULL || st->count < (tau2 ? 2 : 1))
		PG_RETURN_NULL();
	work = palloc_extended(sizeof(double) * st->count, MCXT_ALLOC_HUGE);
	a.target = st->target;
	a.have |= RG_A_TARGET;
	if (tau2)
		rs = rg_funnel_tau2(st->n, st->x, (size_t) st->count, st->target, work, &v, NULL);
	else
		rs = rg_funnel_phi(st->n, st->x, (size_t) st->count, st->target, work, &v);
	pfree(work);
	if (rs == RG_STAT_NO_DATA)
		PG_RETURN_NULL();
	rg_error(RG_DOM_STAT, rs, &a);
	PG_RETURN_FLOAT8(v);
}

Datum
funnel_phi_final(PG_FUNCTION_ARGS)
{
	return overdispersion_final(fcinfo, false);
}

Datum
funnel_tau2_final(PG_FUNCTION_ARGS)
{
	return overdispersion_final(fcinfo, true);
}
