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

/* ---- Interfaces and addresses (netifaces 0.11.0 semantics) --------------
 *
 * The results of netifaces.interfaces(), ifaddresses(), gateways() and the
 * extensions, as JSON in netifaces' key and list order. JSON shape rules:
 * - a Python dict with int keys (address families) has decimal string keys
 *   ("2", "10", "17"); every other key ("default", interface names) is never
 *   all digits, so a reader recovers int keys with `int(k) if k.isdigit()`;
 * - Python tuples are JSON arrays;
 * - interface names are raw bytes on Linux and may be invalid UTF-8: each byte
 *   of an invalid sequence is written as the escape \udc80..\udcff (Python's
 *   surrogateescape convention; json.loads then yields os.fsdecode(raw)).
 *
 * Options: every kernel-facing function takes (const char *options,
 * size_t options_len), a JSON object or NULL for the defaults:
 *   {"netns": "blue"}            a name under /run/netns (as `ip netns add`)
 *   {"netns": "/proc/42/ns/net"} a path (anything containing '/')
 *   {"netns": 7}                 an open namespace file descriptor (>= 1),
 *                                borrowed for the call only
 *   {"netns": null} or {}        the calling thread's namespace (the default;
 *                                so is an empty or `null` document)
 * Strings may use the \udcXX escapes above for non-UTF-8 bytes. Unknown keys,
 * an empty name, a non-object document or invalid JSON yield NIG_EJSON;
 * options longer than NIG_IFENUM_MAX_OPTIONS bytes yield NIG_ETOOBIG. A
 * namespace that cannot be opened or entered yields -errno (e.g. -ENOENT for
 * an unknown name, kind "OSError"). Other kernel failures yield -errno.
 *
 * Errors Python raises as netifaces does carry their exception in the error
 * JSON's "kind": ValueError (NIG_EVALUE), TypeError (NIG_ETYPE),
 * NotImplementedError (NIG_EUNSUPPORTED, non-Linux builds).
 *
 * All functions are thread-safe, open their own netlink socket per call (no
 * state is shared between calls) and block the calling thread only. */

/* Largest accepted options document, in bytes (64 KiB). */
#define NIG_IFENUM_MAX_OPTIONS ((size_t)64 * 1024)

/* netifaces.interfaces(): ["lo","v0",...,"v0:1"], link names in kernel dump
 * order, then IPv4 address labels that are not link names.
 * options: see above (NULL = defaults).
 * Returns NIG_OK, NIG_EJSON/NIG_ETOOBIG (options), -errno.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_interfaces(const char *options, size_t options_len, char **out, size_t *out_len);

/* netifaces.ifaddresses(name): {"17":[{"addr","broadcast"|"peer"}],
 * "2":[{"addr","netmask","broadcast"|"peer"}],"10":[...]}; {} for a known
 * interface with nothing to report.
 * name: raw interface name bytes (a link name or an IPv4 label), not NULL.
 * Returns NIG_OK; NIG_EVALUE with message "You must specify a valid interface
 * name." for an unknown name, "embedded null character" for a name holding NUL;
 * NIG_EINVAL for name == NULL; options errors and -errno as above.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_ifaddresses(const char *name, size_t name_len, const char *options,
                           size_t options_len, char **out, size_t *out_len);

/* Every interface at once: {"lo":{ifaddresses("lo")},"v0":{...},...} with
 * the names of netifaces.interfaces() in that order, from one link dump and one
 * address dump (netifaces needs one full dump per interface).
 * Returns NIG_OK, options errors, -errno.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_allifaddresses(const char *options, size_t options_len, char **out, size_t *out_len);

/* netifaces.gateways(), bug-compatible with 0.11.0 on Linux:
 * {"default":{"2":["192.0.2.1","v0"],"10":[...]},"2":[["192.0.2.1","v0",true],...],"10":[...]}.
 * "default" is always present and first.
 * Returns NIG_OK, options errors, -errno.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_gateways(const char *options, size_t options_len, char **out, size_t *out_len);

/* The default route the kernel uses for family (2 = AF_INET, 10 = AF_INET6):
 * main table only, lowest metric, ECMP next hops, gateway-less defaults
 * included; unlike gateways()['default']. Result: null when there is none, else
 * {"family":2,"table":254,"metric":100,"type":"unicast","protocol":"boot",
 *  "prefsrc":null,"nhid":0,"nexthops":[{"gateway":"192.0.2.1"|null,
 *  "ifname":"v0"|null,"ifindex":2,"weight":1,"flags":["onlink",...]}]}.
 * Returns NIG_OK; NIG_EVALUE for another family; options errors; -errno.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_default_gateway(int family, const char *options, size_t options_len, char **out,
                               size_t *out_len);

/* Everything the kernel reports about a link and its addresses:
 * {"index","name","altnames","ifalias","kind","slave_kind","type","type_name",
 *  "flags","flag_names","operstate","carrier","mtu","master","master_name",
 *  "parent","parent_name","parent_netns","address","broadcast","perm_address",
 *  "qdisc","txqlen","stats64","addresses":[{"family","address","prefixlen",
 *  "peer","broadcast","label","scope","flags","preferred_lft","valid_lft"}]}.
 * name: a link name or altname (raw bytes); NULL for every link, returned as a
 * JSON array of such objects in link dump order.
 * Returns NIG_OK; NIG_EVALUE "You must specify a valid interface name." for an
 * unknown name (IPv4 labels are not links); options errors; -errno.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_interface_details(const char *name, size_t name_len, const char *options,
                                 size_t options_len, char **out, size_t *out_len);

/* netifaces.address_families on Linux: {"0":"AF_UNSPEC","1":"AF_FILE",...},
 * 27 entries in netifaces' insertion order. Pure; never touches the kernel.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_address_families(char **out, size_t *out_len);

/* netifaces' 30 AF_* module constants on Linux: {"AF_UNSPEC":0,"AF_UNIX":1,...,
 * "AF_LINK":17,...}, in netifaces' definition order. Pure.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ifenum_af_constants(char **out, size_t *out_len);

/* ---- rtnetlink (pyroute2 IPRoute semantics) ----------------------------------
 *
 * Handle-based rtnetlink connections speaking pyroute2's vocabulary. The JSON
 * schema of requests and results is documented in one place, docs/rtnl-json.md;
 * in short:
 * - a request is {"object":"link"|"addr"|"route"|"neigh"|"rule","cmd":"add"|...,
 *   "args":{pyroute2 keyword arguments}}; core/rtnl applies pyroute2's argument
 *   rules (dst="10.0.0.0/24", state="up", table=, metrics=, multipath=, ...);
 * - results are JSON Lines: one message per line, lines separated by "\n" (no
 *   trailing newline; an empty result is ""). Each message is an object with
 *   the fixed header fields in kernel order (pyroute2's names), "attrs": an
 *   ordered array of [NAME, value] pairs named by kernel constants
 *   ("IFLA_IFNAME", "RTA_DST", "UNKNOWN" for attributes without a name), nested
 *   attributes as {"attrs":[...]}, then "header" (the nlmsghdr), "state"
 *   (links) and "event" ("RTM_NEWLINK", "NLMSG_ERROR", ...) last;
 * - kernel errors return -errno with error kind "NetlinkError" (the message
 *   holds the kernel's extended-ack text when it sent one); argument errors
 *   return NIG_EVALUE/NIG_ETYPE naming the argument; an unknown object or
 *   command is NIG_EVALUE; malformed documents NIG_EJSON; closed or wrong-kind
 *   handles NIG_EHANDLE.
 * Documents are limited to NIG_RTNL_MAX_REQUEST bytes (NIG_ETOOBIG).
 *
 * Threads: a connection serialises its requests (concurrent calls on one
 * handle wait for each other); use one connection per thread for parallelism.
 * A request waits for the kernel on the calling thread (poll(2)); dumps and
 * subscriptions are received by a library thread. */

/* Largest accepted options or request document, in bytes (1 MiB). */
#define NIG_RTNL_MAX_REQUEST ((size_t)1024 * 1024)

/* Opens an rtnetlink connection.
 * options: JSON object or NULL for the defaults:
 *   {"netns": "blue" | "/proc/42/ns/net" | 7}  the namespace: a name under
 *       /run/netns, a path (contains '/'), or an open namespace fd (borrowed
 *       for the call); absent or null = the calling thread's namespace.
 *       The socket is created inside the namespace on a locked OS thread;
 *       nothing forks.
 *   {"rcvbuf": bytes}   SO_RCVBUF(FORCE) of the socket
 *   {"timeout": seconds} bound on each request (default 30)
 *   {"format": "jsonl" | "marshal"}  result format of this connection and its
 *       dumps and subscriptions (not batches): "jsonl" (default) as below, or
 *       "marshal" for the Python binding: a result is Python's marshal (version
 *       4) encoding of a list of bytes objects, each the marshal encoding of one
 *       message object, with "attrs" pairs as tuples and "__align"/"__pad" as
 *       empty tuples (docs/rtnl-json.md); an empty result is an empty list
 * Returns NIG_OK and *out_handle; NIG_EJSON (unknown key, bad JSON), NIG_EINVAL
 * (bad value, out_handle NULL), -ENOENT for an unknown namespace, -errno.
 * Ownership: release the handle with nig_close(). Thread-safe. */
int nig_rtnl_open(const char *options, size_t options_len, nig_handle *out_handle);

/* Describes a handle of this section as JSON:
 *   connection: {"kind":"connection","fd":int,"pid":int,"strict_check":bool,"netns":str|null,
 *                "format":"jsonl"|"marshal"}
 *   dump:       {"kind":"dump"}
 *   subscription: {"kind":"subscription","fd":int,"groups":int,...} (see below)
 * "fd" stays owned by the library (do not close it); a subscription's fd polls
 * readable while events are queued.
 * Returns NIG_OK, NIG_EHANDLE. Ownership: *out is the caller's (nig_free). */
int nig_rtnl_info(nig_handle h, char **out, size_t *out_len);

/* Runs one request and returns its answer as JSON Lines:
 * - "get" commands: the objects (the acknowledgement is dropped);
 * - other commands (add, set, del, replace, ...): the kernel's acknowledgement,
 *   one NLMSG_ERROR message with "error":0 (pyroute2 returns it too);
 * - "dump"/"show": every matching object in one buffer (prefer nig_rtnl_dump
 *   for large tables). Dump arguments filter as pyroute2's do (table=254,
 *   oif=3, ...), in the kernel where it can and in Go otherwise; a dump the
 *   kernel keeps interrupting (NLM_F_DUMP_INTR) is retried, then fails with
 *   -EINTR and kind "NetlinkDumpInterrupted".
 * Returns NIG_OK; -errno from the kernel (kind NetlinkError); NIG_EVALUE,
 * NIG_ETYPE, NIG_EJSON, NIG_ETOOBIG (request); NIG_EHANDLE (h).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL).
 * Thread-safe; requests on one connection are serialised. */
int nig_rtnl_request(nig_handle conn, const char *request, size_t request_len, char **out,
                     size_t *out_len);

/* Starts a dump ("cmd":"dump" or "show") consumed in chunks with nig_rtnl_next:
 * a library thread receives and decodes while the caller reads, and large
 * tables never need one giant string. The connection is busy until the kernel
 * finished the dump (other requests on it wait). The library stays a few chunks
 * ahead of a caller that reads; once the caller takes no chunk for 200 ms the
 * chunks are queued without bound, so the dump finishes even if nobody reads.
 * Returns NIG_OK and *out_handle (an iterator: release with nig_close(), which
 * may be called before the end); NIG_EVALUE if the command is not a dump; the
 * request errors of nig_rtnl_request. Kernel errors are reported by
 * nig_rtnl_next. Thread-safe. */
int nig_rtnl_dump(nig_handle conn, const char *request, size_t request_len, nig_handle *out_handle);

/* Returns the next chunk of a dump: one or more complete messages, about 64 KiB
 * (JSON Lines, or a marshal list on a "format":"marshal" connection), blocking
 * until one is ready. On a "format":"marshal" connection the messages of a dump
 * the library does not filter (no filter arguments) may come instead as
 * received, a chunk being the marshal tuple (n, wire): wire holds n <= 256
 * whole netlink messages back to back (each padded to 4 bytes), which
 * nig_rtnl_marshal turns into the marshal list the connection would have
 * returned; one dump may mix both kinds of chunks. A zero-length chunk ("") means
 * the dump is complete (and stays so). If the kernel interrupted the dump after
 * chunks were returned and the library restarted it, the next chunk holds only
 * the control message {"restart":true}: discard every message received before it.
 * Returns NIG_OK; -errno (kind NetlinkError) if the kernel failed the dump;
 * -EINTR (kind NetlinkDumpInterrupted) if it stayed inconsistent after retries;
 * NIG_EHANDLE. Ownership: *out is the caller's (nig_free). Not for concurrent
 * use on one iterator. */
int nig_rtnl_next(nig_handle iter, char **out, size_t *out_len);

/* Runs many non-dump requests pipelined on the socket (like `ip -batch -force`:
 * a failing request does not stop the others).
 * batch: {"calls":[request,...],"results":"all"|"errors"} or a bare JSON array
 * of requests (= "all"); up to NIG_MAX_INPUT bytes.
 * Result: JSON Lines, one line per call in call order, or with "errors" only
 * for the calls that failed:
 *   {"index":i,"ok":true,"messages":[message,...]}     (the acknowledgement)
 *   {"index":i,"ok":false,"error":{"kind":"netlink"|"argument"|"os"|"error",
 *                                  "code":errno or 0,"message":str}}
 * "" when nothing is reported. Dumps cannot be batched (an "argument" error).
 * Returns NIG_OK even when calls failed; NIG_EJSON (document), NIG_EVALUE (bad
 * "results"), NIG_EHANDLE, -errno if the socket itself failed.
 * Ownership: *out is the caller's (nig_free). Requests on the connection are
 * serialised with the batch. */
int nig_rtnl_batch(nig_handle conn, const char *batch, size_t batch_len, char **out, size_t *out_len);

/* Subscribes to rtnetlink multicast groups in the namespace of conn, on a new
 * socket. A library thread receives and decodes every notification into a queue
 * (a slow reader does not make the kernel drop events); the subscription's fd
 * (nig_rtnl_info) polls readable while events are queued.
 * options: JSON object or NULL:
 *   {"groups": RTMGRP_* bit mask}  default pyroute2's RTMGRP_DEFAULTS (0x40405dd)
 *   {"rcvbuf": bytes}              socket buffer, default 32 MiB (SO_RCVBUFFORCE)
 *   {"resync": bool}               default true: after lost events (kernel
 *                                  ENOBUFS, or the queue limit) re-dump the
 *                                  subscribed object types into the queue
 *   {"max_queue": bytes}           queue limit, default 1 GiB
 * Returns NIG_OK and *out_handle (release with nig_close()); NIG_EJSON,
 * NIG_EINVAL (groups 0, negative sizes), NIG_EHANDLE (conn), -errno.
 * The subscription is independent of conn afterwards. Thread-safe. */
int nig_rtnl_subscribe(nig_handle conn, const char *options, size_t options_len,
                       nig_handle *out_handle);

/* Returns the queued events as JSON Lines, or a marshal list when conn was
 * opened with "format":"marshal" (at most about 4 MiB per call, whole messages),
 * waiting up to timeout_ms milliseconds for the first one (0: do not wait;
 * negative: wait forever). "" when none arrived in time. Lost events are reported
 * in order by a message whose "event" is "OVERFLOW" (header "error" 105); with
 * resync on, a dump of the subscribed object types (RTM_NEW* messages) follows
 * it, then the events received meanwhile. Returns NIG_OK, NIG_EHANDLE (also when the subscription is closed
 * while waiting), -errno if receiving failed for good.
 * Ownership: *out is the caller's (nig_free). Not for concurrent use on one
 * subscription. */
int nig_rtnl_events(nig_handle sub, int timeout_ms, char **out, size_t *out_len);

/* Named network namespaces, as `ip netns add/del/list` (pyroute2.netns). The
 * namespace is created by a locked OS thread (unshare + bind mount on
 * /run/netns/<name>); nothing forks.
 * name: one path element (no '/', not "." or ".."), not NULL.
 * create returns NIG_OK; -EEXIST if it exists; NIG_EVALUE for an invalid name;
 * -errno (e.g. -EPERM without CAP_SYS_ADMIN). remove returns NIG_OK; -ENOENT if
 * it does not exist; NIG_EVALUE; -errno. Thread-safe. */
int nig_netns_create(const char *name, size_t name_len);
int nig_netns_remove(const char *name, size_t name_len);

/* The names under /run/netns as a sorted JSON array ([] if none).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_netns_list(char **out, size_t *out_len);

/* ---- rtnetlink: single-link lookup ---------------------------------------
 *
 * pyroute2's link("get", index=..., ifname=...) without a request document:
 * the hottest request of the Python binding, served in one datagram each way.
 * The binding asks for the kernel's answer as received and has it encoded
 * (nig_rtnl_marshal) only when a message is read beyond its fixed header. */

/* Asks the kernel for one link, as nig_rtnl_request does for
 * {"object":"link","cmd":"get","args":{"index":index,"ifname":name}}.
 * index: the ifindex, 0..2147483647; 0 = not given (look up by name only).
 * name:  the interface name (or an alternative name), name_len bytes or NIG_NTS;
 *        NULL = not given. The bytes are sent as they are (no UTF-8 requirement).
 *        With neither index nor name the kernel answers -EINVAL.
 * wire:  0 = the result nig_rtnl_request returns for that call, in the
 *        connection's format (JSON Lines, or a marshal list of one message);
 *        1 = the kernel's answer as received: one netlink message (struct
 *        nlmsghdr, struct ifinfomsg, attributes), which nig_rtnl_marshal turns
 *        into the marshal result.
 * An answer without a link (never seen from Linux) is an empty result: "" or
 * an empty list.
 * Returns NIG_OK; -errno from the kernel with kind NetlinkError (-ENODEV: no
 * such link); NIG_EVALUE (index out of range, name with a NUL byte), NIG_EINVAL
 * (wire not 0 or 1, out NULL), NIG_ETOOBIG (name over 1 MiB), NIG_EHANDLE (conn).
 * Ownership: *out is the caller's (nig_free). Thread-safe; requests on one
 * connection are serialised. */
int nig_rtnl_get_link(nig_handle conn, int64_t index, const char *name, size_t name_len, int wire,
                      char **out, size_t *out_len);

/* Encodes netlink messages as received from the kernel (one or more whole
 * messages, back to back, e.g. from nig_rtnl_get_link with wire 1) in the
 * marshal result format of "format":"marshal" connections: exactly what such a
 * connection returns for those answers. messages_len 0 gives an empty list.
 * Returns NIG_OK; NIG_EVALUE (kind ValueError) for a malformed message;
 * NIG_EINVAL (messages or out NULL); NIG_ETOOBIG.
 * Ownership: *out is the caller's (nig_free). Thread-safe (no state). */
int nig_rtnl_marshal(const char *messages, size_t messages_len, char **out, size_t *out_len);

/* ---- IP addresses, networks, sets (CPython 3.13 ipaddress semantics) ----
 *
 * Parsing, validation, error messages, special-purpose tables and the bulk
 * algorithms of core/ipaddr, for python/netifaces_go/ipaddress.py and C callers.
 *
 * Records. Values cross the ABI as packed 20-byte records (nig_ipaddr_record,
 * alignment 1, no padding): ip[16] is the integer value big-endian (an IPv4
 * value sits in ip[12..15], ip[0..11] zero), then prefixlen (32/128 for a bare
 * address), family (4 or 6), flags (NIG_IPADDR_F_*) and a zero byte. A record
 * buffer is records back to back, its length a multiple of 20. Records carry
 * no IPv6 scope id. Records given to the library are checked: family 4 or 6,
 * prefixlen <= 32/128, IPv4 ip[0..11] zero, known flags, an address record
 * with the full prefix length; otherwise NIG_EINVAL ("item N: ..."). A
 * network record's host bits are ignored (strict=False).
 * Other integers in packed buffers (counts, offsets, values) are uint32 in
 * host byte order.
 *
 * Errors. Every rejection CPython raises carries its exception class in the
 * error JSON's "kind" (AddressValueError, NetmaskValueError, ValueError:
 * NIG_EVALUE; TypeError: NIG_ETYPE) and a message byte-identical to str(exc)
 * of CPython 3.13 (with the security fixes of later 3.13 releases) for the
 * same input, Python repr() of the text included; which non-ASCII characters
 * repr() shows as is follows Go's Unicode tables (the Python binding sends
 * non-ASCII text through stand-ins and renders it with its own repr()). Bulk
 * functions stop at the first bad item; their message is "item <index>: "
 * followed by the item's message. Buffer-shape errors are NIG_EINVAL.
 *
 * All functions are thread-safe. Set and table handles serialise their own
 * updates (a mutex per handle); closing one with nig_close while another thread
 * uses it is safe (that call completes or fails with NIG_EHANDLE). */

#define NIG_IPADDR_RECORD_SIZE 20
#define NIG_IPADDR_F_ADDRESS 1   /* an address (ip_address), not a network */
#define NIG_IPADDR_F_INTERFACE 2 /* an interface: ip is the interface address */
#define NIG_IPADDR_F_ZONE 4      /* the text had a scope id (see nig_ipaddr_parsed) */

typedef struct nig_ipaddr_record {
	uint8_t ip[16];
	uint8_t prefixlen;
	uint8_t family;
	uint8_t flags;
	uint8_t reserved;
} nig_ipaddr_record;

/* The result of nig_ipaddr_parse (32 bytes). When rec.flags has
 * NIG_IPADDR_F_ZONE, the scope id is text[zone_offset .. zone_offset+zone_len)
 * of the parsed text (byte offsets). */
typedef struct nig_ipaddr_parsed {
	nig_ipaddr_record rec;
	uint32_t zone_offset;
	uint32_t zone_len;
	uint32_t reserved;
} nig_ipaddr_parsed;

/* Parse modes: which CPython constructor nig_ipaddr_parse applies to the text. */
#define NIG_IPADDR_MODE_ADDRESS 0                   /* ip_address(str) */
#define NIG_IPADDR_MODE_IPV4_ADDRESS 1              /* IPv4Address(str) */
#define NIG_IPADDR_MODE_IPV6_ADDRESS 2              /* IPv6Address(str) */
#define NIG_IPADDR_MODE_NETWORK 3                   /* ip_network(str) */
#define NIG_IPADDR_MODE_NETWORK_NONSTRICT 4         /* ip_network(str, strict=False) */
#define NIG_IPADDR_MODE_IPV4_NETWORK 5              /* IPv4Network(str) */
#define NIG_IPADDR_MODE_IPV4_NETWORK_NONSTRICT 6    /* IPv4Network(str, strict=False) */
#define NIG_IPADDR_MODE_IPV6_NETWORK 7              /* IPv6Network(str) */
#define NIG_IPADDR_MODE_IPV6_NETWORK_NONSTRICT 8    /* IPv6Network(str, strict=False) */
#define NIG_IPADDR_MODE_INTERFACE 9                 /* ip_interface(str) */
#define NIG_IPADDR_MODE_IPV4_INTERFACE 10           /* IPv4Interface(str) */
#define NIG_IPADDR_MODE_IPV6_INTERFACE 11           /* IPv6Interface(str) */
#define NIG_IPADDR_MODE_IPV4_NETMASK 12  /* the mask of IPv4Network((addr, str)): length, netmask or hostmask */
#define NIG_IPADDR_MODE_IPV6_NETMASK 13  /* the mask of IPv6Network((addr, str)) */
#define NIG_IPADDR_MODE_IPV4_NETMASK_INT 14 /* the mask of IPv4Network((addr, int)), text = decimal int */
#define NIG_IPADDR_MODE_IPV6_NETMASK_INT 15 /* the mask of IPv6Network((addr, int)) */
#define NIG_IPADDR_MODE_IPV4_INT 16      /* IPv4Address(int), text = decimal int (any size, '-' allowed) */
#define NIG_IPADDR_MODE_IPV6_INT 17      /* IPv6Address(int) */
#define NIG_IPADDR_MODE_IPV4_PACKED 18   /* IPv4Address(bytes), text = the bytes */
#define NIG_IPADDR_MODE_IPV6_PACKED 19   /* IPv6Address(bytes) */

/* Applies one constructor (mode) to text and writes the result to
 * *out_parsed, without allocating: rec is the address (flags ADDRESS), the
 * network (flags 0; ip is the network address after strict/non-strict
 * handling) or the interface (flags INTERFACE; ip is the interface address).
 * Netmask modes give ip = the netmask, prefixlen = its length, flags 0.
 * text: the input, not NULL; any bytes (UTF-8 for text modes; length counts).
 * out_parsed: a nig_ipaddr_parsed (32 bytes), or NULL to validate only.
 * Returns NIG_OK; NIG_EVALUE/NIG_ETYPE with CPython's exception and message
 * (read them with nig_last_error_json); NIG_EINVAL for NULL text, an unknown
 * mode or a malformed decimal in the int modes; NIG_ETOOBIG above NIG_MAX_INPUT.
 * Thread-safe; nothing is allocated on success. */
int nig_ipaddr_parse(const char *text, size_t text_len, int mode, void *out_parsed);

/* nig_ipaddr_parse over many texts: text holds the items separated by "\n"
 * (nothing is trimmed; an empty text is zero items); mode is one of the first
 * twelve (ADDRESS .. IPV6_INTERFACE). *out receives one record per item, then,
 * for each item with a scope id, {uint32 index, uint32 len, len bytes}.
 * Returns NIG_OK, or the first bad item's error ("item N: ..."); NIG_EINVAL
 * for NULL text or another mode.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipaddr_parse_many(const char *text, size_t text_len, int mode, char **out, size_t *out_len);

/* What nig_ipaddr_describe writes; the TEXT_ selectors also serve
 * nig_ipaddr_format_many. */
#define NIG_IPADDR_TEXT_COMPRESSED 0      /* str(): "::ffff:1.2.3.4", "10.0.0.0/8", "::1/64" */
#define NIG_IPADDR_TEXT_EXPLODED 1        /* .exploded */
#define NIG_IPADDR_TEXT_REVERSE_POINTER 2 /* .reverse_pointer */
#define NIG_IPADDR_TEXT_PLAIN 3           /* _string_from_ip_int: no dotted IPv4-mapped tail;
                                             interfaces: .with_prefixlen */
#define NIG_IPADDR_DESCRIBE_PROPERTIES 4  /* out[0] = NIG_IPADDR_IS_* bits, out[1] = 0 */
#define NIG_IPADDR_DESCRIBE_SIZE 128      /* size of nig_ipaddr_describe's output buffer */

/* Answers one question about one record (rec_len must be 20), as CPython
 * does for the address, network or interface it describes (by its flags),
 * without scope id: a TEXT_ selector writes the text NUL-terminated,
 * NIG_IPADDR_DESCRIBE_PROPERTIES the property bits (see nig_ipaddr_properties).
 * out: NIG_IPADDR_DESCRIBE_SIZE bytes.
 * Returns NIG_OK; NIG_EINVAL for NULL arguments, a bad record or selector.
 * Thread-safe; nothing is allocated. */
int nig_ipaddr_describe(const char *rec, size_t rec_len, int what, void *out);

/* The TEXT_ forms of nig_ipaddr_describe over a record buffer, joined with "\n".
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipaddr_format_many(const char *recs, size_t recs_len, int what, char **out, size_t *out_len);

/* Property bits (nig_ipaddr_properties, NIG_IPADDR_DESCRIBE_PROPERTIES). */
#define NIG_IPADDR_IS_PRIVATE 1
#define NIG_IPADDR_IS_GLOBAL 2
#define NIG_IPADDR_IS_MULTICAST 4
#define NIG_IPADDR_IS_RESERVED 8
#define NIG_IPADDR_IS_LOOPBACK 16
#define NIG_IPADDR_IS_LINK_LOCAL 32
#define NIG_IPADDR_IS_UNSPECIFIED 64
#define NIG_IPADDR_IS_SITE_LOCAL 128

/* The is_* properties of each record (address, network or interface, by its
 * flags; IPv4-mapped addresses answer from their IPv4 address, gh-122792):
 * one byte of NIG_IPADDR_IS_* bits per record.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipaddr_properties(const char *recs, size_t recs_len, char **out, size_t *out_len);

/* collapse_addresses over records (addresses, or networks with their host
 * bits cleared): the network records of the result, in order. Mixed versions
 * give CPython's TypeError (NIG_ETYPE) and message.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipaddr_collapse(const char *recs, size_t recs_len, char **out, size_t *out_len);

/* summarize_address_range over pairs of address records (first, last, first,
 * last, ...): *out is one uint32 count per pair, then every pair's networks in
 * order. Errors are CPython's for the first bad pair ("item <pair index>: ...").
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipaddr_summarize(const char *pairs, size_t pairs_len, char **out, size_t *out_len);

/* IP sets: mutable sets of IPv4 and IPv6 addresses behind a handle (scope ids
 * are ignored). nig_ipset_new creates an empty one; release it with nig_close.
 * Returns NIG_OK; NIG_EINVAL if out is NULL. */
int nig_ipset_new(nig_handle *out);

#define NIG_IPSET_ADD 0           /* add each record (an address, or a whole network) */
#define NIG_IPSET_REMOVE 1        /* remove each record */
#define NIG_IPSET_ADD_RANGES 2    /* recs are (first, last) address pairs: add each range */
#define NIG_IPSET_REMOVE_RANGES 3 /* remove each range */

/* Changes set by op (NIG_IPSET_ADD ...) with a record buffer. A bad range is
 * CPython's summarize_address_range error ("item <pair index>: ..."); nothing is
 * changed when any item is refused.
 * Returns NIG_OK; NIG_EHANDLE; NIG_EINVAL; NIG_EVALUE/NIG_ETYPE. */
int nig_ipset_update(nig_handle set, int op, const char *recs, size_t recs_len);

#define NIG_IPSET_UNION 0
#define NIG_IPSET_INTERSECTION 1
#define NIG_IPSET_DIFFERENCE 2           /* a - b */
#define NIG_IPSET_SYMMETRIC_DIFFERENCE 3

/* A new set (*out, closed with nig_close) = a op b; a and b are unchanged and
 * may be the same handle. Returns NIG_OK; NIG_EHANDLE; NIG_EINVAL. */
int nig_ipset_combine(nig_handle a, nig_handle b, int op, nig_handle *out);

/* Membership of each record: one byte per record, 1 when the address (or
 * every address of the network) is in set, else 0.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipset_contains(nig_handle set, const char *recs, size_t recs_len, char **out, size_t *out_len);

#define NIG_IPSET_CIDRS 0  /* the fewest networks, IPv4 first, ascending */
#define NIG_IPSET_RANGES 1 /* maximal ranges as (first, last) address record pairs */

/* The set's contents as records (what: NIG_IPSET_CIDRS or NIG_IPSET_RANGES).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipset_export(nig_handle set, int what, char **out, size_t *out_len);

/* {"size":"<number of addresses, decimal>","ranges_v4":n,"ranges_v6":n}.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_ipset_info(nig_handle set, char **out, size_t *out_len);

/* Prefix tables: network -> uint32 value maps answering longest-prefix
 * matches (scope ids ignored; an IPv4-mapped IPv6 address only matches IPv6
 * networks). Values are the caller's (e.g. indexes into its own array);
 * NIG_PREFIXTABLE_NONE is reserved. Results are columnar: n records, then n
 * uint32 values. nig_prefixtable_new creates an empty table; release it with
 * nig_close. Returns NIG_OK; NIG_EINVAL if out is NULL. */
#define NIG_PREFIXTABLE_NONE 0xffffffffu
int nig_prefixtable_new(nig_handle *out);

/* Inserts or replaces networks (recs, host bits ignored) with values (one
 * uint32 per record). *out: per record, the value it replaced or
 * NIG_PREFIXTABLE_NONE (uint32 each). Nothing is inserted when any item is
 * refused (NIG_EINVAL: shapes, a NIG_PREFIXTABLE_NONE value).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_prefixtable_insert(nig_handle table, const char *recs, size_t recs_len, const char *values,
                           size_t values_len, char **out, size_t *out_len);

/* Deletes networks (records); *out: per record, the value removed or
 * NIG_PREFIXTABLE_NONE.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_prefixtable_delete(nig_handle table, const char *recs, size_t recs_len, char **out,
                           size_t *out_len);

#define NIG_PREFIXTABLE_LONGEST 0 /* longest stored network containing the address (or network) */
#define NIG_PREFIXTABLE_EXACT 1   /* the entry for exactly this network */

/* Looks up each record: *out is n records (the matching networks; all zero,
 * family 0, where none matched), then n uint32 values (NIG_PREFIXTABLE_NONE
 * where none matched).
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_prefixtable_lookup(nig_handle table, int what, const char *recs, size_t recs_len, char **out,
                           size_t *out_len);

/* Every entry, IPv4 first, in network order: n records, then n uint32 values.
 * Ownership: *out is the caller's (nig_free). out must not be NULL (NIG_EINVAL). */
int nig_prefixtable_entries(nig_handle table, char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* NETIFACES_GO_H */
