/*
 * count_args.h - counts given as SQL arguments of any integer type or
 * numeric, and NULL counts: the shared argument checks of the constructor
 * and the scalar shortcuts.
 */
#ifndef RG_COUNT_ARGS_H
#define RG_COUNT_ARGS_H

#include "recording_gap.h"

/* The SQL type an overload declares for its count arguments. */
typedef enum RgArgKind
{
	RG_ARG_INT2,
	RG_ARG_INT4,
	RG_ARG_INT8,
	RG_ARG_NUMERIC
} RgArgKind;

/*
 * Argument i (not NULL) as int64.  A numeric with a fraction or NaN raises
 * invalid_parameter_value (22023), one beyond bigint or infinite raises
 * numeric_value_out_of_range (22003); both name func and argname.  The
 * invariants are left to the caller.
 */
extern int64 rg_count_arg(FunctionCallInfo fcinfo, int i, RgArgKind kind,
						  const char *func, const char *argname);

/*
 * Raise null_value_not_allowed (22004) naming the first NULL argument among
 * the first nargs, with a hint to write coalesce(x, 0).
 */
extern void rg_reject_null_counts(FunctionCallInfo fcinfo, int nargs,
								  const char *func, const char *const *argnames);

#endif							/* RG_COUNT_ARGS_H */
