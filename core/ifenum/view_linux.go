//go:build linux

package ifenum

import (
	"errors"
	"sync"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// Views. Programs call netifaces.ifaddresses() once per name of
// interfaces(), so in a namespace with many links the same tables are
// read over and over. A view keeps the links and IPv4 addresses of one
// dump for reuse while the kernel confirms that none changed: a socket
// joined to the link and IPv4 address notification groups is opened
// before the dump, and the kernel queues a notification on it for every
// change of a link or an IPv4 address before the call that made the change
// returns. A view answers only while that socket has nothing queued (no
// notification, no ENOBUFS); anything queued drops the view and its
// socket.
//
// IPv6 addresses are never kept: the kernel adds some without notifying
// until later (addresses added with nodad or optimistic DAD are announced
// by a work item after the adding call returned; SLAAC and temporary
// addresses only when DAD completes), while dumps list them at once. So a
// view's answer asks the kernel for the IPv6 addresses it reports (one
// filtered dump of the link's, or of all for AllIfAddresses). Interface
// names never depend on IPv6 addresses. With that, an answer from a view
// is what a dump made at the time of the call would give, for every change
// completed before the call.
//
// Building a view costs a link and an IPv4 address dump, so it is built
// when it pays off: by AllIfAddresses and Interfaces, which dump those
// anyway (Interfaces' names are mostly passed to IfAddresses next); and,
// ski rental, once the IfAddresses calls answered without a view since the
// last change have cost about what a dump costs (threshold). Views are
// kept and expired with the idle sockets of their namespace
// (conns_linux.go): the watch socket keeps the namespace alive.

const (
	// viewMinMisses is the threshold while a namespace's size is unknown.
	viewMinMisses = 32
	// viewWatchBuffer is the watch socket's receive buffer: one
	// notification is enough to drop a view, and an overflow (ENOBUFS)
	// drops it as well.
	viewWatchBuffer = 32 << 10
)

var viewGroups = []uint32{rtnl.RTNLGRP_LINK, rtnl.RTNLGRP_IPV4_IFADDR}

// view is the kept state of one namespace, and what keeps it current.
type view struct {
	mu     sync.Mutex
	watch  *rtnl.Subscription // nil: no current state
	state  *viewState         // nil with watch
	links  int                // links seen by the last dump (sizes the threshold)
	misses int                // calls answered without a state since it was dropped
	dead   bool               // expired: never build again
	used   time.Time
}

// viewState is what one dump of links and IPv4 addresses gives. It is
// never changed once built (a rebuild makes a new one), so calls use it
// after releasing view.mu, while they ask the kernel for IPv6 addresses.
type viewState struct {
	names  Names
	byName map[string]IfAddrs // without IPv6 addresses
	link   map[string]Link    // link name -> link
	index  map[int]Link       // ifindex -> link
}

// viewTable holds the views of the namespaces in use.
type viewTable struct {
	mu    sync.Mutex
	views map[nsKey]*view
}

var views viewTable

// get returns key's view, made on first use. The table holds at most
// connIdleMax views; the least recently used goes first.
func (t *viewTable) get(key nsKey) *view {
	now := time.Now()
	t.mu.Lock()
	v := t.views[key]
	var evict *view
	if v == nil {
		if t.views == nil {
			t.views = map[nsKey]*view{}
		}
		if len(t.views) >= connIdleMax {
			var oldKey nsKey
			for k, o := range t.views {
				if evict == nil || o.used.Before(evict.used) {
					evict, oldKey = o, k
				}
			}
			delete(t.views, oldKey)
		}
		v = &view{}
		t.views[key] = v
	}
	v.used = now
	t.mu.Unlock()
	if evict != nil {
		evict.kill()
	}
	return v
}

// expire drops the views last used before cutoff (all for the zero time)
// and reports how many remain.
func (t *viewTable) expire(cutoff time.Time) int {
	var old []*view
	t.mu.Lock()
	for k, v := range t.views {
		if cutoff.IsZero() || v.used.Before(cutoff) {
			old = append(old, v)
			delete(t.views, k)
		}
	}
	n := len(t.views)
	t.mu.Unlock()
	for _, v := range old {
		v.kill()
	}
	return n
}

func (v *view) kill() {
	v.mu.Lock()
	v.dead = true
	v.drop()
	v.mu.Unlock()
}

// drop forgets the results and closes the watch socket. v.mu is held.
func (v *view) drop() {
	if v.watch != nil {
		v.watch.Close()
	}
	v.watch, v.state = nil, nil
}

// current reports whether the results still hold, dropping them if not.
// v.mu is held.
func (v *view) current() bool {
	if v.watch == nil {
		return false
	}
	if pending, err := v.watch.Pending(); err == nil && !pending {
		return true
	}
	v.drop()
	return false
}

func (v *view) threshold() int {
	return max(viewMinMisses, v.links/2)
}

// errNoView: the view could not be built; answer without it.
var errNoView = errors.New("ifenum: no view")

// build subscribes, then dumps links and IPv4 addresses through c, in the
// namespace nsfd refers to. v.mu is held.
func (v *view) build(c *rtnl.Conn, nsfd int) error {
	v.misses = 0
	if v.dead || nsfd <= 0 {
		return errNoView
	}
	w, err := rtnl.Subscribe(rtnl.Options{NetNSFD: nsfd, ReadBuffer: viewWatchBuffer}, viewGroups...)
	if err != nil {
		return errNoView
	}
	s := &Snapshot{}
	err = dumpError("getifaddrs", readLinks(c, s))
	if err == nil {
		err = dumpError("getifaddrs", readAddresses(c, AF_INET, s))
	}
	if err != nil {
		w.Close()
		return err
	}
	all := s.AllIfAddresses()
	st := &viewState{
		names:  make(Names, len(all)),
		byName: make(map[string]IfAddrs, len(all)),
		link:   make(map[string]Link, len(s.Links)),
		index:  make(map[int]Link, len(s.Links)),
	}
	for i, a := range all {
		st.names[i] = a.Name
		st.byName[a.Name] = a.Addrs
	}
	for _, l := range s.Links {
		st.link[l.Name] = l
		st.index[l.Index] = l
	}
	v.watch, v.state, v.links = w, st, len(s.Links)
	return nil
}

// ifAddresses answers ifaddresses(name) from st plus a dump of the link's
// IPv6 addresses.
func (st *viewState) ifAddresses(c *rtnl.Conn, name string) (IfAddrs, error) {
	a, found := st.byName[name]
	if !found {
		return nil, ErrInvalidInterfaceName
	}
	out := a.clone()
	l, isLink := st.link[name]
	if !isLink {
		return out, nil // an IPv4 label: it has no IPv6 addresses
	}
	var s Snapshot
	err := dumpError("ifaddresses", c.ScanAddresses(rtnl.AddressFilter{Family: AF_INET6, Index: l.Index},
		func(a *rtnl.Address) error {
			if a.Family == AF_INET6 && int(a.Index) == l.Index {
				s.Addresses = append(s.Addresses, addressFromRtnl(a))
			}
			return nil
		}, func() { s.Addresses = s.Addresses[:0] }))
	if err != nil {
		return nil, err
	}
	for _, ad := range s.Addresses {
		if e, ok := addrEntry(ad, l); ok {
			out = out.add(e.family, e.dict)
		}
	}
	return out, nil
}

// allIfAddresses answers allifaddresses() from st plus a dump of every
// IPv6 address.
func (st *viewState) allIfAddresses(c *rtnl.Conn) (AllIfAddrs, error) {
	out := make(AllIfAddrs, len(st.names))
	pos := make(map[string]int, len(st.names))
	for i, n := range st.names {
		out[i] = NamedIfAddrs{Name: n, Addrs: st.byName[n].clone()}
		pos[n] = i
	}
	var s Snapshot
	if err := dumpError("getifaddrs", readAddresses(c, AF_INET6, &s)); err != nil {
		return nil, err
	}
	for _, ad := range s.Addresses {
		l, ok := st.index[ad.Index]
		if !ok {
			continue // a link that appeared after the view: the next call drops it
		}
		if e, ok := addrEntry(ad, l); ok {
			if i, ok := pos[e.name]; ok {
				out[i].Addrs = out[i].Addrs.add(e.family, e.dict)
			}
		}
	}
	return out, nil
}

// ready returns v's current state, building one when force is set or
// enough calls went without. A nil state with a nil error means: answer
// without the view.
func (v *view) ready(c *rtnl.Conn, nsfd int, force bool) (*viewState, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.current() {
		return v.state, nil
	}
	v.misses++
	if !force && v.misses < v.threshold() {
		return nil, nil
	}
	switch err := v.build(c, nsfd); {
	case err == nil:
		return v.state, nil
	case errors.Is(err, errNoView):
		return nil, nil
	default:
		return nil, err
	}
}

// viewOf returns the view for a borrowed socket and the namespace
// descriptor to subscribe through, or nil when the socket's namespace has
// no stable identity.
func viewOf(b *borrowed, opts Options) (*view, int) {
	if !b.pooled {
		return nil, -1
	}
	nsfd := b.nsfd
	if opts.NetNSFD > 0 {
		nsfd = opts.NetNSFD
	}
	return views.get(b.key), nsfd
}

func (a IfAddrs) clone() IfAddrs {
	out := make(IfAddrs, len(a))
	for i, fa := range a {
		out[i] = FamilyAddrs{Family: fa.Family, Addrs: append([]AddrDict(nil), fa.Addrs...)}
	}
	return out
}
