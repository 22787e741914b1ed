/*
 * mathlib.h - libRmath and GSL, reached only through their own symbol scope.
 *
 * The extension never links libRmath or GSL.  rg_math_load() opens them
 * with dlopen(RTLD_LOCAL | RTLD_DEEPBIND) and takes every function it needs
 * with dlsym() on the library's own handle.  So:
 *
 *   - a call from the extension reaches the libRmath or GSL function, never
 *     one of the same name in the server (PostgreSQL 18 has its own dgamma)
 *     or in a library loaded earlier (shared_preload_libraries);
 *   - a call inside libRmath or GSL (qchisq -> qgamma -> dgamma, ...) binds
 *     first in the library itself and its own dependencies (RTLD_DEEPBIND);
 *   - if another module loaded the library (or libgslcblas, GSL's own
 *     BLAS) first, its relocations may already point elsewhere: then a
 *     private copy is loaded into a link-map namespace of its own
 *     (dlmopen(LM_ID_NEWLM)), one namespace for both libraries;
 *   - a sanitized build (AddressSanitizer refuses RTLD_DEEPBIND) opens them
 *     with RTLD_LOCAL alone, without that guarantee.
 *
 * test/suites/87-capture proves it with a preloaded module that exports
 * every function of libRmath, libgsl and libgslcblas (doc/install.md).
 *
 * Plain C, no PostgreSQL headers.  The unit tests call rg_math_load() too.
 */
#ifndef RG_CORE_MATHLIB_H
#define RG_CORE_MATHLIB_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

typedef struct RgMath
{
	/* libRmath (names as exported: qnorm5 is Rmath.h's qnorm) */
	double		(*dbinom) (double x, double n, double p, int give_log);
	double		(*pbinom) (double x, double n, double p, int lower, int log_p);
	double		(*qbinom) (double p, double n, double pr, int lower, int log_p);
	double		(*dhyper) (double x, double r, double b, double n, int give_log);
	double		(*phyper) (double x, double r, double b, double n, int lower, int log_p);
	double		(*qbeta) (double p, double a, double b, int lower, int log_p);
	double		(*pnorm) (double x, double mu, double sigma, int lower, int log_p);
	double		(*qnorm) (double p, double mu, double sigma, int lower, int log_p);
	double		(*pchisq) (double x, double df, int lower, int log_p);
	double		(*qchisq) (double p, double df, int lower, int log_p);
	double		(*ppois) (double x, double lambda, int lower, int log_p);
	/* GSL */
	void	   *(*gsl_set_error_handler_off) (void);
	int			(*gsl_linalg_cholesky_decomp1) (gsl_matrix *A);
	int			(*gsl_linalg_cholesky_solve) (const gsl_matrix *LLT, const gsl_vector *b, gsl_vector *x);
	int			(*gsl_linalg_cholesky_invert) (gsl_matrix *LLT);
} RgMath;

/* Valid once rg_math_load() has returned 0. */
extern RgMath rg_math;

/*
 * Open the libraries and resolve every function (idempotent).  Returns 0,
 * or -1 with a message in err naming the library or symbol that failed.
 * GSL's error handler (which would call abort()) is switched off here.
 */
extern int	rg_math_load(char *err, size_t errlen);

/* How the libraries were loaded: "deepbind", "namespace" or "local". */
extern const char *rg_math_scope(void);

/* A GSL view over caller-owned storage, built without calling GSL. */
static inline gsl_matrix
rg_gsl_matrix(double *data, size_t rows, size_t cols)
{
	gsl_matrix	m;

	m.size1 = rows;
	m.size2 = cols;
	m.tda = cols;
	m.data = data;
	m.block = NULL;
	m.owner = 0;
	return m;
}

static inline gsl_vector
rg_gsl_vector(double *data, size_t n)
{
	gsl_vector	v;

	v.size = n;
	v.stride = 1;
	v.data = data;
	v.block = NULL;
	v.owner = 0;
	return v;
}

#endif
