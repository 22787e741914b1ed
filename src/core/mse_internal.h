/*
 * mse_internal.h - helpers shared by the mse_*.c files of the core; not
 * part of the interface (see mse.h).
 */
#ifndef RG_CORE_MSE_INTERNAL_H
#define RG_CORE_MSE_INTERNAL_H

#include "mse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define RG_MSE_MAX_PARAMS	(1 + RG_MSE_MAX_LISTS + RG_MSE_MAX_PAIRS)

/* printf into an error buffer of RG_MSE_ERR_MAX bytes (err may be NULL) */
void		rg_mse_set_err(char *err, const char *fmt,...) __attribute__((format(printf, 2, 3)));

/* 2 <= k <= RG_MSE_MAX_LISTS, else an error status with a message */
RgMseStatus rg_mse_check_k(int k, char *err);

/* true when the interrupt hook asks to stop */
static inline bool
rg_mse_interrupted(void)
{
	return rg_mse_interrupt_hook != NULL && rg_mse_interrupt_hook();
}

/* someone observed on both lists i and j */
bool		rg_mse_overlaps(const int64_t *cells, size_t ncell, int i, int j);

/* The design matrix of a model, implicitly (rows are cells 1 .. 2^k - 1). */
typedef struct RgMseDesign
{
	int			k;
	size_t		ncell;			/* 2^k */
	int			npairs;
	const uint8_t (*pairs)[2];
	bool		intercept;		/* else the intercept is the fixed offset */
	int			p;				/* number of columns */
} RgMseDesign;

void		rg_mse_design_init(RgMseDesign *d, int k, const uint8_t (*pairs)[2],
							   int npairs, bool intercept);
/* active columns (value 1) of row c; returns how many */
int			rg_mse_row_active(const RgMseDesign *d, uint32_t c, int *cols);

typedef struct RgMseFitOut
{
	double		deviance;
	double		loglik;
	double		beta0;			/* intercept (when d->intercept) */
	double		se0;			/* its standard error */
	double		last;			/* last coefficient */
	double		se_last;		/* its standard error */
} RgMseFitOut;

/*
 * Poisson IRLS fit of cells 1 .. ncell - 1 to the design, with a fixed
 * offset added to every linear predictor.  Numerical failures return
 * RG_MSE_NOT_CONVERGED, RG_MSE_SINGULAR or RG_MSE_NOT_FINITE.
 */
RgMseStatus rg_mse_irls(const RgMseDesign *d, const int64_t *cells, double offset,
						RgMseFitOut *out, char *err);
/* the same, and the fitted counts into mu_out[1 .. ncell - 1] (may be NULL) */
RgMseStatus rg_mse_irls_mu(const RgMseDesign *d, const int64_t *cells, double offset,
						   RgMseFitOut *out, double *mu_out, char *err);

/* big-endian helpers */
static inline void
rg_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

static inline uint32_t
rg_get32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static inline void
rg_put64(unsigned char *p, uint64_t v)
{
	rg_put32(p, (uint32_t) (v >> 32));
	rg_put32(p + 4, (uint32_t) v);
}

static inline uint64_t
rg_get64(const unsigned char *p)
{
	return ((uint64_t) rg_get32(p) << 32) | rg_get32(p + 4);
}

static inline void
rg_putd(unsigned char *p, double d)
{
	uint64_t	v;

	memcpy(&v, &d, sizeof(v));
	rg_put64(p, v);
}

static inline double
rg_getd(const unsigned char *p)
{
	uint64_t	v = rg_get64(p);
	double		d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

#endif							/* RG_CORE_MSE_INTERNAL_H */
