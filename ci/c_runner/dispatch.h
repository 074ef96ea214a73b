/* The C vector runner's view of the ABI: arguments decoded from a vector and a
 * generated dispatch (ci/gen_c_dispatch.py) calling each function by name. */
#ifndef NIG_RUNNER_DISPATCH_H
#define NIG_RUNNER_DISPATCH_H

#include <stddef.h>
#include <stdint.h>
#include "netifaces_go.h"

typedef struct {
	const char *s; /* kind b: bytes (may be NULL) */
	size_t n;      /* kind b: length */
	uint64_t u;    /* kinds h, u */
	int64_t i;     /* kinds q, i */
	void *p;       /* kind p */
} runner_arg;

typedef struct {
	const char *name;
	const char *sig; /* e.g. "b>o": inputs, '>', output kind */
} runner_sig;

extern const runner_sig runner_signatures[];

/* Calls `name`; sets *found to 0 if the header declares no such function. */
int runner_dispatch(const char *name, const runner_arg *a, char **out, size_t *out_len,
                    nig_handle *out_handle, int *found);

#endif
