/*
 * padjust.c - R's p.adjust in plain C.  Each method below quotes the R
 * expression it reproduces.  No PostgreSQL headers.
 */
#include "padjust.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

const char	rg_padjust_method_list[] =
"holm, hochberg, hommel, bonferroni, BH (or fdr), BY, none";

bool		(*rg_padjust_interrupt_hook) (void) = NULL;

static const RgName methods[] =
{
	{"holm", RG_PADJ_HOLM},
	{"hochberg", RG_PADJ_HOCHBERG},
	{"hommel", RG_PADJ_HOMMEL},
	{"bonferroni", RG_PADJ_BONFERRONI},
	{"BH", RG_PADJ_BH},
	{"fdr", RG_PADJ_BH},
	{"BY", RG_PADJ_BY},
	{"none", RG_PADJ_NONE},
};

int
rg_padjust_method_parse(const char *name, size_t len, RgPAdjustMethod *out)
{
	int			v;

	if (rg_name_find(methods, sizeof methods / sizeof methods[0], name, len, &v) != 0)
		return -1;
	*out = (RgPAdjustMethod) v;
	return 0;
}

/* ---- ordering ---- */

typedef struct Ranked
{
	double		p;
	size_t		idx;
} Ranked;

/* R's order(p): increasing, ties in their original order (stable) */
static int
cmp_up(const void *a, const void *b)
{
	const Ranked *x = a,
			   *y = b;

	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

/* R's order(p, decreasing = TRUE): decreasing, ties in original order */
static int
cmp_down(const void *a, const void *b)
{
	const Ranked *x = a,
			   *y = b;

	if (x->p != y->p)
		return x->p > y->p ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

static inline double
min1(double v)
{
	return v < 1.0 ? v : 1.0;
}

static bool
interrupted(void)
{
	return rg_padjust_interrupt_hook != NULL && rg_padjust_interrupt_hook();
}

/*
 * hommel, on p sorted increasingly (ps[0..n-1], n >= 3), R's code with
 * 1-based i, j translated to 0-based arrays:
 *
 *   q <- pa <- rep.int(min(n * p/i), n)
 *   for (j in (n - 1L):2L) {
 *       ij <- seq_len(n - j + 1L)
 *       i2 <- (n - j + 2L):n
 *       q1 <- min(j * p[i2]/(2L:j))
 *       q[ij] <- pmin(j * p[ij], q1)
 *       q[i2] <- q[n - j + 1L]
 *       pa <- pmax(pa, q)
 *   }
 *   pmax(pa, p)
 */
static RgPAdjustStatus
hommel(const double *ps, size_t n, double *pa, double *q)
{
	double		dn = (double) n,
				m0;

	m0 = dn * ps[0] / 1.0;
	for (size_t i = 1; i < n; i++)
	{
		double		v = dn * ps[i] / (double) (i + 1);

		if (v < m0)
			m0 = v;
	}
	for (size_t i = 0; i < n; i++)
		pa[i] = q[i] = m0;
	for (size_t j = n - 1; j >= 2; j--)
	{
		double		dj = (double) j,
					q1;
		size_t		nij = n - j + 1;	/* ij = 1..n-j+1 */

		if ((j & 63) == 0 && interrupted())
			return RG_PADJ_INTERRUPTED;
		/* i2 = n-j+2 .. n (1-based), divisors 2..j */
		q1 = dj * ps[nij] / 2.0;
		for (size_t k = 1; k < j - 1; k++)
		{
			double		v = dj * ps[nij + k] / (double) (k + 2);

			if (v < q1)
				q1 = v;
		}
		for (size_t i = 0; i < nij; i++)
		{
			double		v = dj * ps[i];

			q[i] = v < q1 ? v : q1;
		}
		for (size_t i = nij; i < n; i++)
			q[i] = q[nij - 1];
		for (size_t i = 0; i < n; i++)
			if (q[i] > pa[i])
				pa[i] = q[i];
	}
	for (size_t i = 0; i < n; i++)
		if (ps[i] > pa[i])
			pa[i] = ps[i];
	return RG_PADJ_OK;
}

RgPAdjustStatus
rg_p_adjust(const double *p, size_t n, RgPAdjustMethod method, double *out,
			size_t *bad)
{
	Ranked	   *r;
	double		dn = (double) n;

	for (size_t i = 0; i < n; i++)
	{
		if (!(p[i] >= 0.0 && p[i] <= 1.0))
		{
			if (bad)
				*bad = i;
			return RG_PADJ_BAD_P;
		}
	}
	/* if (n <= 1) return(p0) */
	if (n <= 1 || method == RG_PADJ_NONE)
	{
		memcpy(out, p, n * sizeof(double));
		return RG_PADJ_OK;
	}
	/* if (n == 2 && method == "hommel") method <- "hochberg" */
	if (n == 2 && method == RG_PADJ_HOMMEL)
		method = RG_PADJ_HOCHBERG;
	if (method == RG_PADJ_BONFERRONI)
	{
		/* pmin(1, n * p) */
		for (size_t i = 0; i < n; i++)
			out[i] = min1(dn * p[i]);
		return RG_PADJ_OK;
	}

	if (n > SIZE_MAX / sizeof(Ranked))
		return RG_PADJ_NOMEM;
	r = malloc(n * sizeof(Ranked));
	if (r == NULL)
		return RG_PADJ_NOMEM;
	for (size_t i = 0; i < n; i++)
	{
		r[i].p = p[i];
		r[i].idx = i;
	}

	switch (method)
	{
		case RG_PADJ_HOLM:
			{
				/* pmin(1, cummax((n + 1L - i) * p[o]))[ro], i = 1..n */
				double		cm = 0.0;

				qsort(r, n, sizeof(Ranked), cmp_up);
				for (size_t k = 0; k < n; k++)
				{
					double		v = (dn + 1.0 - (double) (k + 1)) * r[k].p;

					if (k == 0 || v > cm)
						cm = v;
					out[r[k].idx] = min1(cm);
				}
				break;
			}
		case RG_PADJ_HOCHBERG:
		case RG_PADJ_BH:
		case RG_PADJ_BY:
			{
				/*
				 * i <- n:1; o <- order(p, decreasing = TRUE)
				 * hochberg: pmin(1, cummin((n + 1L - i) * p[o]))[ro]
				 * BH:       pmin(1, cummin(n/i * p[o]))[ro]
				 * BY:       q <- sum(1/(1L:n)); pmin(1, cummin(q * n/i * p[o]))[ro]
				 */
				double		cm = 0.0,
							qn = dn;

				if (method == RG_PADJ_BY)
				{
					long double s = 0.0L;

					for (size_t k = 1; k <= n; k++)
						s += (long double) (1.0 / (double) k);
					qn = (double) s * dn;
				}
				qsort(r, n, sizeof(Ranked), cmp_down);
				for (size_t k = 0; k < n; k++)
				{
					double		i = (double) (n - k);
					double		v;

					if (method == RG_PADJ_HOCHBERG)
						v = (dn + 1.0 - i) * r[k].p;
					else
						v = qn / i * r[k].p;
					if (k == 0 || v < cm)
						cm = v;
					out[r[k].idx] = min1(cm);
				}
				break;
			}
		case RG_PADJ_HOMMEL:
			{
				double	   *ps,
						   *pa,
						   *q;
				RgPAdjustStatus st;

				if (n > SIZE_MAX / (3 * sizeof(double)))
				{
					free(r);
					return RG_PADJ_NOMEM;
				}
				ps = malloc(3 * n * sizeof(double));
				if (ps == NULL)
				{
					free(r);
					return RG_PADJ_NOMEM;
				}
				pa = ps + n;
				q = pa + n;
				qsort(r, n, sizeof(Ranked), cmp_up);
				for (size_t k = 0; k < n; k++)
					ps[k] = r[k].p;
				st = hommel(ps, n, pa, q);
				if (st == RG_PADJ_OK)
					for (size_t k = 0; k < n; k++)
						out[r[k].idx] = pa[k];
				free(ps);
				free(r);
				return st;
			}
		default:
			break;
	}
	free(r);
	return RG_PADJ_OK;
}
