#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "emcompat/error.h"

static _Thread_local char message[2048];
static _Thread_local int pending;
static _Thread_local enum ec_exit pending_code;

int error(enum ec_exit code, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	if (!pending) {
		va_start(ap, fmt);
		vsnprintf(message, sizeof(message), fmt, ap);
		va_end(ap);
		pending = 1;
		pending_code = code;
	}
	errno = saved;
	return -1;
}

int error_pending(void)
{
	return pending;
}

const char *error_message(void)
{
	return pending ? message : "";
}

enum ec_exit error_code(void)
{
	return pending ? pending_code : EC_EXIT_INTERNAL;
}

void error_clear(void)
{
	pending = 0;
	message[0] = '\0';
}
