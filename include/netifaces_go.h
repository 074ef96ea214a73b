/*
 * netifaces_go.h - the C ABI of libnetifaces_go (hand-written; this file is the contract).
 *
 * One Go core for a host's network plumbing: interfaces and addresses (netifaces
 * semantics), IP addresses/networks/sets (CPython ipaddress semantics) and rtnetlink
 * (pyroute2-style messages). Link with -lnetifaces_go (pkg-config: netifaces_go).
 *
 * Conventions (apply to every function unless its comment says otherwise)
 * -----------------------------------------------------------------------
 * - Status: every function returns int. NIG_OK (0) is success. A negative value
 *   above NIG_ERR_BASE is -errno from the kernel or OS (e.g. -ENODEV); errno
 *   values are preserved from the kernel. Values <= NIG_ERR_BASE are library errors
 *   (NIG_E* below).
 * - Messages: after a failure, nig_last_error() returns a human-readable message
 *   for the calling thread.
 * - Results: structured results are UTF-8 JSON text, returned through a `char **out`
 *   out-parameter (plus an optional `size_t *out_len`, which receives the length
 *   without the terminating NUL; pass NULL when not needed). Bulk numeric results
 *   are packed binary buffers returned the same way (the buffer is still followed by
 *   one NUL byte, not counted in *out_len). On failure *out receives a JSON error
 *   object {"code":int,"errno":int,"kind":str,"message":str} when `out` is not NULL.
 * - Ownership: every pointer stored into an out-parameter is owned by the caller and
 *   must be released with nig_free() exactly once, never with free(). Input pointers
 *   are borrowed for the duration of the call only; the library keeps no reference.
 * - Input text: `(const char *s, size_t len)` pairs; len == NIG_NTS means s is
 *   NUL-terminated. Inputs larger than NIG_MAX_INPUT bytes are refused (NIG_ETOOBIG).
 * - Handles: long-lived objects are opaque nig_handle values; 0 is never valid.
 *   A closed, never-issued or wrong-kind handle yields NIG_EHANDLE, never a crash.
 * - Threads: every function may be called from any thread concurrently unless noted.
 * - fork(): the Go runtime does not survive fork(). A child process may only call
 *   exec*() (or load the library afresh in a new process). Calls made in a forked
 *   child return NIG_EFORK where the library can detect it (best effort: if the parent
 *   was busy inside the library when it forked, the child may hang instead).
 * - The library never writes to stdout/stderr and installs no handlers for
 *   asynchronous signals (Go's runtime handles SIGSEGV/SIGBUS/SIGFPE/SIGPIPE/SIGURG
 *   and chains to handlers installed before it was loaded).
 * - Panics inside the library are recovered and reported as NIG_EINTERNAL.
 */
#ifndef NETIFACES_GO_H
#define NETIFACES_GO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this header. nig_version() reports the library's. */
#define NIG_VERSION_MAJOR 0
#define NIG_VERSION_MINOR 1
#define NIG_VERSION_PATCH 0
#define NIG_VERSION_STRING "0.1.0"

/* ABI version: bumped only on an incompatible change (with the SONAME major).
 * Compare against nig_abi_version() at run time. */
#define NIG_ABI_VERSION 1

/* Opaque handle to a long-lived library object. 0 is never a valid handle. */
typedef uint64_t nig_handle;

/* `len` value meaning "the string is NUL-terminated". */
#define NIG_NTS ((size_t)-1)

/* Largest accepted input, in bytes (256 MiB). */
#define NIG_MAX_INPUT ((size_t)256 * 1024 * 1024)

/* Status codes. Values between NIG_ERR_BASE and 0 are -errno. Append, never renumber. */
#define NIG_OK 0
#define NIG_ERR_BASE (-1000)
#define NIG_EINVAL (-1000)       /* bad argument: NULL where required, out of range, bad value */
#define NIG_EJSON (-1001)        /* input is not valid JSON, or not the documented shape */
#define NIG_EHANDLE (-1002)      /* unknown, closed or wrong-kind handle */
#define NIG_EUNSUPPORTED (-1003) /* not supported on this platform or kernel */
#define NIG_ETOOBIG (-1004)      /* input larger than NIG_MAX_INPUT or a documented limit */
#define NIG_EINTERNAL (-1005)    /* a bug: an internal panic was recovered */
#define NIG_EFORK (-1006)        /* called in a child after fork() without exec() */
#define NIG_ENOTFOUND (-1007)    /* the named object (interface, namespace, ...) does not exist */
#define NIG_EVALUE (-1008)       /* a well-formed request whose value the domain rejects
                                    (e.g. an invalid IP address); the error JSON's "kind"
                                    names the Python exception class */
#define NIG_ETYPE (-1009)        /* an argument of the wrong type (Python TypeError) */

/* ---- Library ------------------------------------------------------------ */

/* Returns the library version as "MAJOR.MINOR.PATCH".
 * Ownership: static storage, never freed. Thread-safe. Never fails. */
const char *nig_version(void);

/* Returns NIG_ABI_VERSION of the library actually loaded.
 * Thread-safe. Never fails. */
int nig_abi_version(void);

/* Returns the message of the last failed call made on the calling thread, or ""
 * if none failed yet. Successful calls do not clear it.
 * Ownership: borrowed; valid until the next library call on this thread.
 * Thread-safe (per-thread storage). Never fails. */
const char *nig_last_error(void);

/* Returns the last failure on the calling thread as the JSON error object
 * {"code":int,"errno":int,"kind":str,"message":str}, or {"code":0,...} if none.
 * Useful after functions that return no buffer (handles, nig_close).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL).
 * Thread-safe (per-thread storage). */
int nig_last_error_json(char **out, size_t *out_len);

/* Releases a pointer returned through any out-parameter of this library.
 * p == NULL is a no-op returning NIG_OK. A pointer the library did not return, or
 * one already freed, is not touched and yields NIG_EINVAL.
 * Thread-safe. */
int nig_free(void *p);

/* Closes any handle. Closing 0, an unknown or an already closed handle yields
 * NIG_EHANDLE and has no other effect. Thread-safe; concurrent calls using the
 * handle being closed either complete or fail with NIG_EHANDLE. */
int nig_close(nig_handle h);

/* Library diagnostics as JSON:
 * {"allocations_outstanding":int,"bytes_outstanding":int,"handles_outstanding":int,
 *  "goroutines":int,"version":str,"abi_version":int}.
 * allocations_outstanding counts results not yet released with nig_free().
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL).
 * Thread-safe. */
int nig_debug_stats(char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* NETIFACES_GO_H */
