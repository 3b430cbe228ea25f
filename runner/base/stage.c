#include <string.h>

#include "emcompat/stage.h"

static const char *const names[STAGE_COUNT] = {
	"std", "compile", "link", "main", "inspect", "load", "run",
};

const char *stage_name(enum stage s)
{
	return (unsigned)s < STAGE_COUNT ? names[s] : "?";
}

int stage_from_name(const char *name)
{
	for (int i = 0; i < STAGE_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}
