package rtnl

import (
	"strings"
)

// Request flags per pyroute2 command kind (spec §1.2).
const (
	flagsReq     = NLM_F_REQUEST | NLM_F_ACK
	flagsCreate  = flagsReq | NLM_F_CREATE | NLM_F_EXCL
	flagsAppend  = flagsReq | NLM_F_CREATE | NLM_F_APPEND
	flagsChange  = flagsReq | NLM_F_REPLACE
	flagsReplace = flagsChange | NLM_F_CREATE
	flagsDump    = NLM_F_REQUEST | NLM_F_DUMP
	flagsRoot    = NLM_F_REQUEST | NLM_F_ROOT | NLM_F_ATOMIC
)

type cmdSpec struct {
	typ   uint16
	flags uint16
}

// dump reports dump/show commands: the only ones sent without NLM_F_ACK.
func (c cmdSpec) dump() bool { return c.flags&NLM_F_ACK == 0 }

var commands = map[string]map[string]cmdSpec{
	"link": {
		"add": {RTM_NEWLINK, flagsCreate}, "set": {RTM_NEWLINK, flagsReq},
		"update": {RTM_SETLINK, flagsCreate},
		"del":    {RTM_DELLINK, flagsReq}, "remove": {RTM_DELLINK, flagsReq}, "delete": {RTM_DELLINK, flagsReq},
		"property_add": {RTM_NEWLINKPROP, flagsAppend}, "property_del": {RTM_DELLINKPROP, flagsReq},
		"get": {RTM_GETLINK, flagsReq}, "dump": {RTM_GETLINK, flagsDump}, "show": {RTM_GETLINK, flagsDump},
	},
	"addr": {
		"add": {RTM_NEWADDR, flagsCreate}, "replace": {RTM_NEWADDR, flagsReplace},
		"del": {RTM_DELADDR, flagsReq}, "remove": {RTM_DELADDR, flagsReq}, "delete": {RTM_DELADDR, flagsReq},
		"dump": {RTM_GETADDR, flagsDump}, "show": {RTM_GETADDR, flagsDump},
	},
	"route": {
		"add": {RTM_NEWROUTE, flagsCreate}, "set": {RTM_NEWROUTE, flagsReplace},
		"replace": {RTM_NEWROUTE, flagsReplace}, "change": {RTM_NEWROUTE, flagsChange},
		"append": {RTM_NEWROUTE, flagsAppend},
		"del":    {RTM_DELROUTE, flagsReq}, "remove": {RTM_DELROUTE, flagsReq}, "delete": {RTM_DELROUTE, flagsReq},
		"get": {RTM_GETROUTE, flagsReq}, "dump": {RTM_GETROUTE, flagsDump}, "show": {RTM_GETROUTE, flagsDump},
	},
	"neigh": {
		"add": {RTM_NEWNEIGH, flagsCreate}, "set": {RTM_NEWNEIGH, flagsReplace},
		"replace": {RTM_NEWNEIGH, flagsReplace}, "change": {RTM_NEWNEIGH, flagsChange},
		"append": {RTM_NEWNEIGH, flagsAppend},
		"del":    {RTM_DELNEIGH, flagsReq}, "remove": {RTM_DELNEIGH, flagsReq}, "delete": {RTM_DELNEIGH, flagsReq},
		"get": {RTM_GETNEIGH, flagsReq}, "dump": {RTM_GETNEIGH, flagsDump}, "show": {RTM_GETNEIGH, flagsDump},
	},
	"rule": {
		"add": {RTM_NEWRULE, flagsCreate},
		"del": {RTM_DELRULE, flagsReq}, "remove": {RTM_DELRULE, flagsReq}, "delete": {RTM_DELRULE, flagsReq},
		"dump": {RTM_GETRULE, flagsRoot}, "show": {RTM_GETRULE, flagsRoot},
	},
}

var objectAliases = map[string]string{
	"link": "link", "addr": "addr", "address": "addr", "route": "route",
	"neigh": "neigh", "neighbour": "neigh", "neighbor": "neigh", "rule": "rule",
}

// BuildOptions gives the request builder what it cannot do alone.
type BuildOptions struct {
	// OpenNetNS opens a namespace by name or path for net_ns_fd=; the
	// returned fd is closed with CloseFD once the request was sent.
	OpenNetNS func(nameOrPath string) (int, error)
	CloseFD   func(fd int)
}

// Built is a request ready to send, made from a Call.
type Built struct {
	Object, Cmd string
	Request     Request
	// Dump is true for dump/show: send with Conn dump semantics and keep
	// the messages Match accepts (pyroute2 filters dumps by kwargs).
	Dump  bool
	Match func(*Message) bool
	// whole describes the messages Match accepts when it accepts every
	// one of a kind (a dump without Go-side filters), or is nil.
	whole *wholeKind
	// Get is true for get commands: the answer objects are the result
	// (the trailing ACK is dropped).
	Get bool
	// TunTap is set for link add of kind tuntap/tun/tap, which the kernel
	// only creates through /dev/net/tun ioctls, not rtnetlink.
	TunTap *TunTapSpec

	fds     []int
	closeFD func(int)
}

// Close releases file descriptors the builder opened (net_ns_fd names).
func (b *Built) Close() {
	if b == nil {
		return
	}
	for _, fd := range b.fds {
		if b.closeFD != nil {
			b.closeFD(fd)
		}
	}
	b.fds = nil
}

// BuildRequest turns a pyroute2-style call into a netlink request,
// applying pyroute2's argument normalisation (addresses with /prefix,
// mask=, state='up', kind-specific link data, metrics, multipath hops,
// named tables/protocols/scopes/types, MPLS labels...). Errors are
// *ArgError and name the argument.
func BuildRequest(c Call, opts BuildOptions) (*Built, error) {
	obj, ok := objectAliases[strings.ToLower(c.Object)]
	if !ok {
		return nil, &ArgError{Object: c.Object, Reason: "unknown object (want link, addr, route, neigh or rule)"}
	}
	cmd := strings.ToLower(c.Cmd)
	spec, ok := commands[obj][cmd]
	if !ok {
		return nil, &ArgError{Object: obj, Cmd: c.Cmd, Reason: "unknown command"}
	}
	args := c.Args
	if args == nil {
		args = map[string]any{}
	}
	b := &Built{Object: obj, Cmd: cmd, Dump: spec.dump(), Get: cmd == "get", closeFD: opts.CloseFD}
	var err error
	switch obj {
	case "link":
		err = buildLink(b, spec, args, &opts)
	case "addr":
		err = buildAddr(b, spec, args)
	case "route":
		err = buildRoute(b, spec, args)
	case "neigh":
		err = buildNeigh(b, spec, args)
	case "rule":
		err = buildRule(b, spec, args)
	}
	if err != nil {
		b.Close()
		if ae, ok := err.(*ArgError); ok {
			ae.Object, ae.Cmd = obj, cmd
		}
		return nil, err
	}
	return b, nil
}
