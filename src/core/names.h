/*
 * names.h - a name given as text, looked up in a fixed table of names (the
 * confidence interval methods, the p-value adjustment methods).
 *
 * Plain C: no PostgreSQL header may be included here.
 */
#ifndef RG_CORE_NAMES_H
#define RG_CORE_NAMES_H

#include <stddef.h>

/* One accepted name and the enum value it stands for. */
typedef struct RgName
{
	const char *name;
	int			value;
} RgName;

/*
 * Find the name of len bytes (not NUL-terminated) in names[0..n-1]: an
 * exact, case-sensitive match of the whole name.  Sets *value and returns 0
 * on success; returns -1 (leaving *value alone) for an unknown name.
 */
int			rg_name_find(const RgName *names, size_t n, const char *name, size_t len,
						 int *value);

#endif							/* RG_CORE_NAMES_H */
