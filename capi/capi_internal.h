/* Internal C helpers of the capi package (not part of the public ABI; these names
 * are not exported from the shared library: the version script lists the API). */
#ifndef NETIFACES_GO_CAPI_INTERNAL_H
#define NETIFACES_GO_CAPI_INTERNAL_H

#include <stdlib.h>
#include <string.h>

/* Stores msg (NUL-terminated, copied) as the calling thread's last error. */
void capi_set_last_error(const char *msg, size_t len);
/* Returns the calling thread's last error ("" if none). */
const char *capi_get_last_error(void);
/* Stores json (copied) as the calling thread's last error object. */
void capi_set_last_error_json(const char *json, size_t len);
/* Returns the calling thread's last error object (NULL if none). */
const char *capi_get_last_error_json(void);
/* Nonzero in a child created by fork() after the library was loaded. */
int capi_forked(void);

/* const-qualified char, so cgo's generated prototypes match the public header. */
typedef const char nig_cchar;

#endif
