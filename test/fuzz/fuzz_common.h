/*
 * fuzz_common.h - shared helpers of the libFuzzer harnesses.
 *
 * A harness checks properties of what the code under test returns; a
 * violated property is reported and abort()s, which libFuzzer records as a
 * crash with its input in artifacts/.
 */
#ifndef RG_FUZZ_COMMON_H
#define RG_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mathlib.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);

/* libRmath and GSL are opened before the first input (src/core/mathlib.h). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char		err[256];

	(void) argc;
	(void) argv;
	if (rg_math_load(err, sizeof(err)) != 0)
	{
		fprintf(stderr, "%s\n", err);
		abort();
	}
	return 0;
}

#define PROPERTY(cond, ...) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "property violated at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fprintf(stderr, "\n"); \
			abort(); \
		} \
	} while (0)

/* A NUL-terminated heap copy of the input (so ASAN sees reads past the end). */
static inline char *
fuzz_cstring(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif							/* RG_FUZZ_COMMON_H */
