/*
 * padjust.h - adjusted p-values for multiple comparisons, as R's
 * p.adjust (stats package, R 4.2): holm, hochberg, hommel, bonferroni,
 * BH (alias fdr), BY and none.
 *
 * Plain C; no PostgreSQL headers.  The arithmetic follows R's code step
 * for step (the same products and quotients in the same order, the
 * harmonic sum of BY in long double as R's sum() does), so that the
 * results agree with R to rounding.
 */
#ifndef RG_CORE_PADJUST_H
#define RG_CORE_PADJUST_H

#include <stdbool.h>
#include <stddef.h>

typedef enum RgPAdjustMethod
{
	RG_PADJ_HOLM = 0,
	RG_PADJ_HOCHBERG,
	RG_PADJ_HOMMEL,
	RG_PADJ_BONFERRONI,
	RG_PADJ_BH,
	RG_PADJ_BY,
	RG_PADJ_NONE
} RgPAdjustMethod;

typedef enum RgPAdjustStatus
{
	RG_PADJ_OK = 0,
	RG_PADJ_BAD_P,				/* a p-value NaN or outside [0, 1] */
	RG_PADJ_NOMEM,				/* out of memory */
	RG_PADJ_INTERRUPTED			/* the interrupt hook asked to stop */
} RgPAdjustStatus;

/* The method names, comma separated, for error hints. */
extern const char rg_padjust_method_list[];

/*
 * Parse a method name of len bytes (not NUL-terminated): exact,
 * case-sensitive match of one of R's names, or "fdr" for BH.
 * Returns 0 on success, -1 for an unknown name.
 */
int			rg_padjust_method_parse(const char *name, size_t len, RgPAdjustMethod *out);

/*
 * If set, called now and then by the long loops (hommel is quadratic in n);
 * a true answer stops the computation with RG_PADJ_INTERRUPTED.
 */
extern bool (*rg_padjust_interrupt_hook) (void);

/*
 * Adjust the n p-values p[0..n-1] (none missing: the caller leaves out
 * R's NA) into out[0..n-1], out[i] belonging to p[i].  out may not alias
 * p.  n <= 1 returns p unchanged, and hommel with n = 2 is hochberg, as in
 * R.  On RG_PADJ_BAD_P, *bad (if not NULL) is the index of the first bad
 * value.
 */
RgPAdjustStatus rg_p_adjust(const double *p, size_t n, RgPAdjustMethod method,
							double *out, size_t *bad);

#endif							/* RG_CORE_PADJUST_H */
