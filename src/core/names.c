/*
 * names.c - a name given as text, looked up in a fixed table of names.
 * No PostgreSQL headers.
 */
#include "names.h"

#include <string.h>

int
rg_name_find(const RgName *names, size_t n, const char *name, size_t len, int *value)
{
	for (size_t i = 0; i < n; i++)
	{
		if (strlen(names[i].name) == len && memcmp(name, names[i].name, len) == 0)
		{
			*value = names[i].value;
			return 0;
		}
	}
	return -1;
}
