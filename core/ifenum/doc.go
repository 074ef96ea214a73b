// Package ifenum is the Go core of `import netifaces_go as netifaces`: the
// netifaces 0.11.0 view of a Linux host (interfaces(), ifaddresses(),
// gateways(), address_families), built from rtnetlink through core/rtnl
// instead of glibc's getifaddrs(), plus calls netifaces never had.
//
// # Layers
//
// Snapshot holds links, addresses and routes as small structs (Link,
// Address, Route) in kernel dump order. Its methods Interfaces,
// IfAddresses, AllIfAddresses, Gateways and DefaultRoute are pure: they
// replay what glibc's getifaddrs() and netifaces' formatting do with that
// input (attribute order, IPv4 labels as interface names, broadcast vs
// peer, the 169.254/16 rule, netifaces' IPv6 netmask text, %ifname on
// link-local addresses, AF_PACKET entries, gateways()' metric bugs). They
// are tested from synthetic input (ci/vectors/ifenum.json) without root.
//
// adapter.go copies core/rtnl's typed views into those structs. The
// package-level functions (Interfaces, IfAddresses, AllIfAddresses,
// Gateways, DefaultGateway, InterfaceDetails, AllInterfaceDetails,
// ReadSnapshot) ask the kernel for as little as each needs and call the
// pure layer; on non-Linux systems they return ErrUnsupported. Options selects a network namespace
// by name, path or open fd.
//
// # Cost
//
// Calls reuse rtnetlink sockets: each borrows an idle socket of the
// namespace it targets, identified afresh on every call by the
// namespace's (device, inode) — the calling thread's, the file a name or
// path refers to, or the fd — so a thread that changed namespace, or a
// name rebound to a new one, never reaches a socket of the old one.
// Sockets idle for a second are closed, since a socket keeps its
// namespace alive; CloseIdleConnections closes them at once. IfAddresses
// asks for the link and its addresses in one round trip; Gateways,
// Interfaces and the snapshots read typed views straight from the receive
// buffer and keep only what the result needs. ifaddresses('lo') costs
// about 20 µs in Go (two thirds of it kernel work); gateways() with 20k
// routes about as much as netifaces, nearly all of it the kernel's dump.
//
// # Interface names
//
// Names are Go strings holding the kernel's raw bytes; they need not be
// UTF-8 (Linux allows "b\xffd", which crashes netifaces). In JSON, every
// byte that is not part of valid UTF-8 is written as the lone surrogate
// \udc80..\udcff — Python's surrogateescape convention — so json.loads
// yields os.fsdecode(raw) (what socket.if_nameindex() returns) and
// os.fsencode gives the bytes back. Valid UTF-8 is written as is.
// AppendJSONString and UnquoteJSONString implement the pair.
//
// # JSON shapes
//
// Every result has AppendJSON(dst []byte) []byte and MarshalJSON, with keys
// in netifaces' order and no insignificant whitespace. Python dict keys
// that are ints are written as decimal strings; no other key at those
// levels is all digits, so a reader restores them with
// {int(k) if k.isdigit() else k: v}. Tuples are arrays.
//
//	Interfaces        ["lo","v0","v0:1"]
//	IfAddresses       {"17":[{"addr":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff"}],
//	                   "2":[{"addr":"192.0.2.1","netmask":"255.255.255.0","broadcast":"192.0.2.255"}],
//	                   "10":[{"addr":"fe80::1%v0","netmask":"ffff:ffff:ffff:ffff::/64"}]}
//	                  family keys in first-seen order (17, 2, 10); each dict has
//	                  "addr", "netmask", then "broadcast" or "peer", each only when
//	                  set; {} for a known name with nothing to report.
//	AllIfAddresses    {"lo":{...ifaddresses("lo")...},"v0":{...},"v0:1":{...}}
//	                  keyed by name (raw-byte names escaped as above), in
//	                  interfaces() order. These keys are names and stay strings,
//	                  even all-digit ones (a link may be called "2").
//	Gateways          {"default":{"2":["192.0.2.254","v0"],"10":["fe80::1","v0"]},
//	                   "2":[["192.0.2.254","v0",true]],"10":[["fe80::1","v0",true]]}
//	                  "default" always first (maybe {}); then one key per family
//	                  with routes, in dump order; [gw, ifname, is_default] triples.
//	DefaultGateway    null, or {"family":2,"table":254,"metric":100,"type":"unicast",
//	                   "protocol":"boot","prefsrc":null,"nhid":0,"nexthops":
//	                   [{"gateway":"192.0.2.254","ifname":"v0","ifindex":2,"weight":1,
//	                     "flags":["onlink"]}]}   gateway/ifname null when absent.
//	InterfaceDetails  see (*Details).AppendJSON; AllInterfaceDetails is a list of those.
//	AddressFamilies   {"0":"AF_UNSPEC","1":"AF_FILE",...}   (address_families, 27 items)
//	AFConstants       {"AF_UNSPEC":0,"AF_UNIX":1,...}      (the 30 AF_* attributes)
//	*Error            {"kind":"ValueError","message":"...","errno":19}  (errno only
//	                   for OSError with an errno)
//
// A Snapshot has a JSON form too (see snapshot_json.go), used by the
// shared test vectors.
//
// # Errors
//
// Every error returned is an *Error whose Kind names the Python exception
// netifaces raises and whose Message is its exact text:
// ErrInvalidInterfaceName ("You must specify a valid interface name."),
// ErrEmbeddedNull, the TypeError texts of ArgTypeError, ArgCountError,
// NoKeywordsError and NoArgsError (for the Python layer's argument
// checks), ErrTruncated, and OSError for kernel and namespace failures
// (Errno set, Err keeping the cause so errors.Is(err, unix.ENOENT) works;
// raise OSError(errno, os.strerror(errno))). Non-Linux builds return
// ErrUnsupported (NotImplementedError).
//
// # Where this differs from netifaces 0.11.0
//
//   - Non-UTF-8 names work (netifaces segfaults in interfaces()).
//   - A link or address that vanishes during a call is left out instead of
//     restarting (glibc) or failing; an ifaddresses() name that vanished is
//     ErrInvalidInterfaceName, as a name that never existed.
//   - gateways(): netifaces restarts an interrupted route dump without
//     clearing results, which can list routes twice; here one dump (retried
//     by core/rtnl) is used. A dump the kernel keeps interrupting is used
//     as read rather than failing.
//   - IfAddresses(name) asks for one link and its addresses only; an IPv4
//     address on another link whose label equals this link's name (raw
//     netlink allows it, iproute2 does not) is therefore not listed there.
//     AllIfAddresses, which reads everything, lists it as netifaces does.
//   - Only AF_INET and AF_INET6 addresses are emulated (glibc would also
//     hex-dump other families the kernel's AF_UNSPEC dump returns, e.g.
//     MCTP).
//   - %ifname on link-local addresses is the link's name in the dump;
//     glibc resolves it again with if_indextoname while formatting.
//
// Everything else, quirks included, follows shared/spec/netifaces.md.
package ifenum
