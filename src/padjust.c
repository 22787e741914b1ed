/*
 * padjust.c - the window function p_adjust(p, method) OVER (...): R's
 * p.adjust over the p-values of the window partition (src/core/padjust.c).
 *
 * The whole partition is read and adjusted on its first row, and the
 * answers are kept in the partition's local memory, which the executor
 * frees when the partition ends; each later row returns its own answer.
 * Nothing is kept across partitions or calls, so the method is parsed from
 * its value in every partition.
 */
#include "recording_gap.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "windowapi.h"

#include "core/padjust.h"

PG_FUNCTION_INFO_V1(p_adjust);

typedef struct PAdjustPartition
{
	bool		done;
	int64		rows;
	double	   *adjusted;		/* rows entries; NaN where p is NULL */
} PAdjustPartition;

static RgPAdjustMethod
parse_method(text *t)
{
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	RgPAdjustMethod m;

	if (rg_padjust_method_parse(s, len, &m) != 0)
	{
		int			clip = pg_mbcliplen(s, (int) len, 64);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown p-value adjustment method \"%.*s%s\"",
						clip, s, (size_t) clip < len ? "..." : ""),
				 errhint("Valid methods are %s.", rg_padjust_method_list)));
	}
	return m;
}

static const char *
method_name(RgPAdjustMethod m)
{
	static const char *const names[] = {"holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "none"};

	return names[m];
}

static void
padjust_partition(WindowObject winobj, PAdjustPartition *part)
{
	MemoryContext cxt = GetMemoryChunkContext(part);
	int64		rows = part->rows;
	double	   *p;
	int64	   *where;
	size_t		k = 0,
				bad = 0;
	RgPAdjustMethod method = RG_PADJ_HOLM;
	RgPAdjustStatus st;

	part->adjusted = MemoryContextAllocHuge(cxt, sizeof(double) * rows);
	p = palloc_extended(sizeof(double) * rows, MCXT_ALLOC_HUGE);
	where = palloc_extended(sizeof(int64) * rows, MCXT_ALLOC_HUGE);

	for (int64 i = 0; i < rows; i++)
	{
		bool		isnull,
					isout;
		Datum		d;
		RgPAdjustMethod m;

		CHECK_FOR_INTERRUPTS();
		d = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("method of p_adjust must not be null"),
					 errhint("Valid methods are %s.", rg_padjust_method_list)));
		m = parse_method(DatumGetTextPP(d));
		if (i == 0)
			method = m;
		else if (m != method)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("method of p_adjust must be the same for every row of a window partition"),
					 errdetail("Methods %s and %s were given.", method_name(method), method_name(m)),
					 errhint("Use one method per partition, or PARTITION BY the method.")));

		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
		{
			part->adjusted[i] = get_float8_nan();
			continue;
		}
		p[k] = DatumGetFloat8(d);
		if (!(p[k] >= 0.0 && p[k] <= 1.0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("p-value must be between 0 and 1"),
					 errdetail("The p-value is %s.", float8out_internal(p[k])),
					 errhint("NULL p-values are allowed: they stay NULL and are not counted.")));
		where[k] = i;
		k++;
	}

	{
		double	   *out = palloc_extended(sizeof(double) * (k > 0 ? k : 1), MCXT_ALLOC_HUGE);

		/* the interrupt hook is set in _PG_init (recording_gap.c) */
		st = rg_p_adjust(p, k, method, out, &bad);
		if (st != RG_PADJ_OK)
		{
			RgErrArgs	a = {RG_A_PVALUES};

			a.n = (int64) k;
			rg_error(RG_DOM_PADJUST, st, &a);
		}
		for (size_t j = 0; j < k; j++)
			part->adjusted[where[j]] = out[j];
		pfree(out);
	}
	pfree(p);
	pfree(where);
	part->done = true;
}

Datum
p_adjust(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PAdjustPartition *part;
	int64		pos;
	double		v;

	part = (PAdjustPartition *) WinGetPartitionLocalMemory(winobj, sizeof(PAdjustPartition));
	if (!part->done)
	{
		part->rows = WinGetPartitionRowCount(winobj);
		padjust_partition(winobj, part);
	}
	pos = WinGetCurrentPosition(winobj);
	if (pos < 0 || pos >= part->rows)
		elog(ERROR, "p_adjust: row %lld outside its partition of %lld rows",
			 (long long) pos, (long long) part->rows);
	v = part->adjusted[pos];
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}
