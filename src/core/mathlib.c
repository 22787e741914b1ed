/*
 * mathlib.c - open libRmath and GSL in their own symbol scope (mathlib.h).
 * Plain C, no PostgreSQL headers.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "mathlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#ifndef RG_RMATH_SONAME
#define RG_RMATH_SONAME "libRmath.so"
#endif
#ifndef RG_GSL_SONAME
#define RG_GSL_SONAME "libgsl.so"
#endif
/* GSL's own BLAS, which libgsl needs ("" when unknown: not checked). */
#ifndef RG_GSLCBLAS_SONAME
#define RG_GSLCBLAS_SONAME ""
#endif

/*
 * AddressSanitizer refuses RTLD_DEEPBIND (its interceptors must stay first)
 * and does not follow a second namespace: a sanitized build (91-sanitize)
 * opens the libraries with RTLD_LOCAL alone.  Normal builds never do.
 */
#if defined(__SANITIZE_ADDRESS__)
#define RG_MATH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RG_MATH_SANITIZED 1
#endif
#endif

RgMath		rg_math;

static int	loaded = 0;
static const char *scope = "not loaded";

#ifndef RG_MATH_SANITIZED
/* The private namespace, once one was needed: both libraries share it. */
static Lmid_t namespace_id;
static int	have_namespace = 0;

/* Is soname (when given) already mapped into the main namespace? */
static int
already_loaded(const char *soname)
{
	void	   *h;

	if (soname == NULL || soname[0] == '\0')
		return 0;
	h = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
	if (h == NULL)
		return 0;
	dlclose(h);
	return 1;
}
#endif

/*
 * Open one library in a scope of its own.  If neither it nor the one
 * dependency of its own that it brings (dep: libgslcblas for GSL) is yet in
 * the process, RTLD_DEEPBIND makes its own definitions (and its
 * dependencies') win every lookup it makes.  If someone else already loaded
 * either, its relocations were bound without us and may point into another
 * library: load a private copy into a namespace of our own instead, where
 * only the math libraries and their system dependencies exist.  Both
 * libraries share one such namespace (glibc allows only 16, and each holds
 * its own copy of libc).
 */
static void *
open_private(const char *soname, const char *dep, char *err, size_t errlen)
{
	void	   *h;

#ifdef RG_MATH_SANITIZED
	(void) dep;
	h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	scope = "local";
#else
	if (already_loaded(soname) || already_loaded(dep))
	{
		h = dlmopen(have_namespace ? namespace_id : LM_ID_NEWLM, soname, RTLD_NOW | RTLD_LOCAL);
		if (h != NULL && !have_namespace)
		{
			if (dlinfo(h, RTLD_DI_LMID, &namespace_id) == 0)
				have_namespace = 1;
		}
		if (h != NULL)
			scope = "namespace";
	}
	else
	{
		h = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
		if (h != NULL && strcmp(scope, "namespace") != 0)
			scope = "deepbind";
	}
#endif
	if (h == NULL)
	{
		const char *why = dlerror();

		snprintf(err, errlen, "could not open %s: %s", soname, why ? why : "unknown error");
	}
	return h;
}

static int
take(void *h, const char *lib, const char *name, void **slot, char *err, size_t errlen)
{
	void	   *f;

	dlerror();
	f = dlsym(h, name);
	if (f == NULL)
	{
		snprintf(err, errlen, "%s has no function %s", lib, name);
		return -1;
	}
	*slot = f;
	return 0;
}

/*
 * GSL keeps its error handler in a global of the library.  A module loaded
 * after the extension that links GSL shares the extension's copy of it (the
 * same soname is found loaded), and may set a handler of its own, or GSL's
 * default one, which calls abort() and would restart the cluster.  So every
 * GSL call of the extension runs with the handler off, and the handler that
 * was there is put back after it.
 */
static gsl_error_handler_t *(*gsl_set_handler) (gsl_error_handler_t *h);
static gsl_error_handler_t *(*gsl_handler_off) (void);
static int	(*gsl_cholesky_decomp1) (gsl_matrix *A);
static int	(*gsl_cholesky_solve) (const gsl_matrix *LLT, const gsl_vector *b, gsl_vector *x);
static int	(*gsl_cholesky_invert) (gsl_matrix *LLT);

static int
quiet_cholesky_decomp1(gsl_matrix *A)
{
	gsl_error_handler_t *was = gsl_handler_off();
	int			r = gsl_cholesky_decomp1(A);

	gsl_set_handler(was);
	return r;
}

static int
quiet_cholesky_solve(const gsl_matrix *LLT, const gsl_vector *b, gsl_vector *x)
{
	gsl_error_handler_t *was = gsl_handler_off();
	int			r = gsl_cholesky_solve(LLT, b, x);

	gsl_set_handler(was);
	return r;
}

static int
quiet_cholesky_invert(gsl_matrix *LLT)
{
	gsl_error_handler_t *was = gsl_handler_off();
	int			r = gsl_cholesky_invert(LLT);

	gsl_set_handler(was);
	return r;
}

/* Undo a load that failed half-way, so that a retry starts afresh. */
static void
unload(void *rmath, void *gsl)
{
	if (gsl != NULL)
		dlclose(gsl);
	if (rmath != NULL)
		dlclose(rmath);
#ifndef RG_MATH_SANITIZED
	have_namespace = 0;
#endif
	scope = "not loaded";
}

int
rg_math_load(char *err, size_t errlen)
{
	RgMath		m;
	void	   *rmath,
			   *gsl;
	int			bad = 0;

	if (loaded)
		return 0;
	memset(&m, 0, sizeof(m));
	rmath = open_private(RG_RMATH_SONAME, NULL, err, errlen);
	if (rmath == NULL)
	{
		unload(NULL, NULL);
		return -1;
	}
	gsl = open_private(RG_GSL_SONAME, RG_GSLCBLAS_SONAME, err, errlen);
	if (gsl == NULL)
	{
		unload(rmath, NULL);
		return -1;
	}

#define R(field, sym) bad |= take(rmath, RG_RMATH_SONAME, sym, (void **) &m.field, err, errlen)
#define G(var, sym) bad |= take(gsl, RG_GSL_SONAME, sym, (void **) &var, err, errlen)
	R(dbinom, "dbinom");
	R(pbinom, "pbinom");
	R(qbinom, "qbinom");
	R(dhyper, "dhyper");
	R(phyper, "phyper");
	R(qbeta, "qbeta");
	R(pnorm, "pnorm5");
	R(qnorm, "qnorm5");
	R(pchisq, "pchisq");
	R(qchisq, "qchisq");
	R(ppois, "ppois");
	G(m.gsl_set_error_handler_off, "gsl_set_error_handler_off");
	G(gsl_handler_off, "gsl_set_error_handler_off");
	G(gsl_set_handler, "gsl_set_error_handler");
	G(gsl_cholesky_decomp1, "gsl_linalg_cholesky_decomp1");
	G(gsl_cholesky_solve, "gsl_linalg_cholesky_solve");
	G(gsl_cholesky_invert, "gsl_linalg_cholesky_invert");
#undef R
#undef G
	if (bad)
	{
		unload(rmath, gsl);
		return -1;
	}

	/*
	 * GSL's default error handler calls abort(), which in a backend would
	 * restart the whole cluster.  Every GSL call checks its status instead,
	 * and runs with the handler off even if another module turns it on.
	 */
	m.gsl_linalg_cholesky_decomp1 = quiet_cholesky_decomp1;
	m.gsl_linalg_cholesky_solve = quiet_cholesky_solve;
	m.gsl_linalg_cholesky_invert = quiet_cholesky_invert;
	m.gsl_set_error_handler_off();
	rg_math = m;
	loaded = 1;
	return 0;
}

const char *
rg_math_scope(void)
{
	return scope;
}
