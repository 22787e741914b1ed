/*
 * capture_trap.c - the parts of test/suites/87-capture written in C.
 *
 * The trap itself is generated at test time (test/lib/capture_trap.sh):
 * one assembly stub for every function that libRmath, libgsl and
 * libgslcblas define, each returning a wrong value (0.123456 in xmm0, 7 in
 * eax).  This file adds, by build mode:
 *
 *   RG_TRAP_MODULE   the server module around the stubs (PG_MODULE_MAGIC,
 *                    so that shared_preload_libraries accepts it), with
 *                    rg_capture_probe(): qchisq(0.95, 3) through the
 *                    libRmath of the server's main link-map namespace
 *                    (NULL when none is loaded there);
 *   RG_TRAP_DIRECT   a program linked with -lRmath that calls qbeta and
 *                    pbinom in the ordinary way (run with and without
 *                    LD_PRELOAD of the stubs: the trap is live);
 *   RG_TRAP_DLOPEN   a program that loads the stubs into the global scope
 *                    and then libRmath with dlopen, RTLD_LOCAL alone or with
 *                    RTLD_DEEPBIND, and calls libRmath's own qchisq (which
 *                    calls qgamma, dgamma, ... inside libRmath);
 *   RG_TRAP_HANDLER  a program built with src/core/mathlib.c: GSL's default
 *                    (abort()ing) error handler, put back by someone else,
 *                    does not reach the extension's GSL calls.
 *
 * Right values (R 4.2: qbeta(0.5, 2, 3); pbinom(3, 10, 0.5) = 176/1024;
 * qchisq(0.95, 3)) are checked by the suite, printed with %.6f.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#if defined(RG_TRAP_MODULE)

#include "postgres.h"
#include "fmgr.h"

#include <dlfcn.h>

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(rg_capture_probe);

Datum
rg_capture_probe(PG_FUNCTION_ARGS)
{
	void	   *h = dlopen(RG_TRAP_RMATH, RTLD_NOW | RTLD_NOLOAD);
	double		(*qchisq) (double, double, int, int);
	double		v;

	if (h == NULL)
		PG_RETURN_NULL();
	/* the handle's own definition first: libRmath's qchisq, not the stub */
	*(void **) &qchisq = dlsym(h, "qchisq");
	if (qchisq == NULL)
	{
		dlclose(h);
		PG_RETURN_NULL();
	}
	v = qchisq(0.95, 3.0, 1, 0);
	dlclose(h);
	PG_RETURN_FLOAT8(v);
}

#elif defined(RG_TRAP_DIRECT)

#include <stdio.h>

extern double qbeta(double p, double a, double b, int lower, int log_p);
extern double pbinom(double x, double n, double p, int lower, int log_p);

int
main(void)
{
	printf("qbeta %.6f\n", qbeta(0.5, 2.0, 3.0, 1, 0));
	printf("pbinom %.6f\n", pbinom(3.0, 10.0, 0.5, 1, 0));
	return 0;
}

#elif defined(RG_TRAP_DLOPEN)

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* usage: trap_dlopen STUBS.so local|deepbind */
int
main(int argc, char **argv)
{
	void	   *trap,
			   *h;
	double		(*qchisq) (double, double, int, int);
	int			flags = RTLD_NOW | RTLD_LOCAL;

	if (argc != 3)
		return 2;
	if (strcmp(argv[2], "deepbind") == 0)
		flags |= RTLD_DEEPBIND;
	trap = dlopen(argv[1], RTLD_NOW | RTLD_GLOBAL);
	if (trap == NULL)
	{
		fprintf(stderr, "%s\n", dlerror());
		return 2;
	}
	h = dlopen(RG_TRAP_RMATH, flags);
	if (h == NULL)
	{
		fprintf(stderr, "%s\n", dlerror());
		return 2;
	}
	*(void **) &qchisq = dlsym(h, "qchisq");
	if (qchisq == NULL)
		return 2;
	printf("qchisq %.6f\n", qchisq(0.95, 3.0, 1, 0));
	return 0;
}

#elif defined(RG_TRAP_HANDLER)

#include <dlfcn.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "core/mathlib.h"

/*
 * Another module that links GSL and is loaded after the extension shares
 * the extension's copy of libgsl, and may put GSL's default error handler
 * (abort()) back.  A Cholesky factorisation of a matrix that is not
 * positive definite must still return GSL_EDOM to the extension.
 */
int
main(void)
{
	char		err[256];
	void	   *gsl;
	gsl_error_handler_t *(*set_handler) (gsl_error_handler_t *);
	double		a[4] = {1.0, 2.0, 2.0, 1.0};
	gsl_matrix	m = rg_gsl_matrix(a, 2, 2);
	int			r;

	if (rg_math_load(err, sizeof(err)) != 0)
	{
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	gsl = dlopen(RG_GSL_SONAME, RTLD_NOW | RTLD_NOLOAD);
	if (gsl == NULL)
		return 2;
	*(void **) &set_handler = dlsym(gsl, "gsl_set_error_handler");
	if (set_handler == NULL)
		return 2;
	set_handler(NULL);
	r = rg_math.gsl_linalg_cholesky_decomp1(&m);
	printf("decomp1 %s %s\n", r == GSL_EDOM ? "GSL_EDOM" : "other", rg_math_scope());
	return 0;
}

#else
#error "build with one of RG_TRAP_MODULE, RG_TRAP_DIRECT, RG_TRAP_DLOPEN, RG_TRAP_HANDLER"
#endif
