package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// The rtnetlink area: pyroute2-style requests on handle-based connections.
// Results are JSON Lines of pyroute2-shaped messages (docs/rtnl-json.md);
// every argument rule lives in core/rtnl, the capi only moves bytes. This
// file: connections, requests, dumps in chunks, batches, named namespaces;
// export_rtnl_events.go: subscriptions; export_rtnl_marshal.go: the Python
// binding's marshal result format.

func init() {
	registerExports(map[string]any{
		"nig_rtnl_open":      nig_rtnl_open,
		"nig_rtnl_info":      nig_rtnl_info,
		"nig_rtnl_request":   nig_rtnl_request,
		"nig_rtnl_dump":      nig_rtnl_dump,
		"nig_rtnl_next":      nig_rtnl_next,
		"nig_rtnl_batch":     nig_rtnl_batch,
		"nig_rtnl_subscribe": nig_rtnl_subscribe,
		"nig_rtnl_events":    nig_rtnl_events,
		"nig_netns_create":   nig_netns_create,
		"nig_netns_remove":   nig_netns_remove,
		"nig_netns_list":     nig_netns_list,
	})
	registerDomainStatus(rtnlStatus)
}

// rtnlStatus maps kernel answers to kind NetlinkError (the status stays
// -errno) and the package's sentinel errors to library statuses.
func rtnlStatus(err error) (code int, kind string, ok bool) {
	var ke *rtnl.Error
	if errors.As(err, &ke) && ke.Errno != 0 {
		return -int(ke.Errno), "NetlinkError", true
	}
	var ee *rtnl.EncodeError
	var ae *rtnl.ArgError
	switch {
	case errors.As(err, &ae):
		return statusValue, "ValueError", true
	case errors.Is(err, rtnl.ErrDumpInterrupted):
		return -int(syscall.EINTR), "NetlinkDumpInterrupted", true
	case errors.Is(err, rtnl.ErrUnsupported):
		return statusUnsupported, "UnsupportedError", true
	case errors.Is(err, rtnl.ErrClosed):
		return statusHandle, "ValueError", true
	case errors.Is(err, rtnl.ErrNotFound):
		return statusNotFound, "KeyError", true
	case errors.As(err, &ee):
		return statusValue, "ValueError", true
	}
	return 0, "", false
}

// rtnlMaxInput bounds the options and request documents (1 MiB is far more
// than any request; batches have their own limit).
const rtnlMaxInput = 1 << 20

// rtnlConn is what an rtnl connection handle names.
type rtnlConn struct {
	c       *rtnl.Conn
	netns   string
	marshal bool // results in the Python marshal format
}

func (r *rtnlConn) Close() error { return r.c.Close() }

// rtnlOpenOptions is the options document of nig_rtnl_open.
type rtnlOpenOptions struct {
	NetNS   json.RawMessage `json:"netns"`
	RcvBuf  int             `json:"rcvbuf"`
	Timeout float64         `json:"timeout"` // seconds
	Format  string          `json:"format"`  // "jsonl" (default) or "marshal"
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errJSON(err)
	}
	if dec.More() {
		return errJSON(errors.New("trailing data after the JSON document"))
	}
	return nil
}

func rtnlInput(name string, p *C.nig_cchar, n C.size_t) ([]byte, error) {
	if p != nil && n != C.NIG_NTS && n > rtnlMaxInput {
		return nil, &apiError{code: statusTooBig, kind: "ValueError", msg: name + " is larger than 1 MiB"}
	}
	b, err := input(name, p, n)
	if err == nil && len(b) > rtnlMaxInput {
		return nil, &apiError{code: statusTooBig, kind: "ValueError", msg: name + " is larger than 1 MiB"}
	}
	return b, err
}

func parseOpenOptions(b []byte) (rtnl.Options, string, bool, error) {
	opts := rtnl.Options{ReceiveMode: rtnl.ReceiveBlocking} // entered from foreign threads
	if len(bytes.TrimSpace(b)) == 0 {
		return opts, "", false, nil
	}
	var o rtnlOpenOptions
	if err := decodeStrict(b, &o); err != nil {
		return opts, "", false, err
	}
	var marshal bool
	switch o.Format {
	case "", "jsonl":
	case "marshal":
		marshal = true
	default:
		return opts, "", false, errArg(`format must be "jsonl" or "marshal", not %q`, o.Format)
	}
	ns := ""
	if raw := bytes.TrimSpace(o.NetNS); len(raw) > 0 && !bytes.Equal(raw, []byte("null")) {
		switch raw[0] {
		case '"':
			if err := json.Unmarshal(raw, &ns); err != nil {
				return opts, "", false, errJSON(err)
			}
			if ns == "" {
				return opts, "", false, errArg("netns must not be empty")
			}
			opts.NetNS = ns
		default:
			fd, err := strconv.Atoi(string(raw))
			if err != nil || fd < 1 {
				return opts, "", false, errArg("netns must be a name, a path or a positive file descriptor, not %s", raw)
			}
			opts.NetNSFD = fd
			ns = "fd:" + string(raw)
		}
	}
	if o.RcvBuf < 0 {
		return opts, "", false, errArg("rcvbuf must not be negative, not %d", o.RcvBuf)
	}
	opts.ReadBuffer = o.RcvBuf
	if o.Timeout < 0 || o.Timeout > 3600 {
		return opts, "", false, errArg("timeout must be between 0 and 3600 seconds, not %g", o.Timeout)
	}
	opts.Timeout = time.Duration(o.Timeout * float64(time.Second))
	return opts, ns, marshal, nil
}

//export nig_rtnl_open
func nig_rtnl_open(options *C.nig_cchar, optionsLen C.size_t, outHandle *C.nig_handle) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if outHandle == nil {
			return nil, errArg("out_handle must not be NULL")
		}
		*outHandle = 0
		var b []byte
		if options != nil {
			var err error
			if b, err = rtnlInput("options", options, optionsLen); err != nil {
				return nil, err
			}
		}
		opts, ns, marshal, err := parseOpenOptions(b)
		if err != nil {
			return nil, err
		}
		c, err := rtnl.Dial(opts)
		if err != nil {
			return nil, err
		}
		*outHandle = C.nig_handle(handles.add(&rtnlConn{c: c, netns: ns, marshal: marshal}))
		return nil, nil
	})
}

//export nig_rtnl_info
func nig_rtnl_info(h C.nig_handle, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		switch obj := lookupAny(uint64(h)).(type) {
		case *rtnlConn:
			var ns any
			if obj.netns != "" {
				ns = obj.netns
			}
			format := "jsonl"
			if obj.marshal {
				format = "marshal"
			}
			return json.Marshal(map[string]any{"kind": "connection", "fd": obj.c.Fd(), "pid": obj.c.PID(),
				"strict_check": obj.c.StrictCheck(), "netns": ns, "format": format})
		case *rtnlDump:
			return json.Marshal(map[string]any{"kind": "dump"})
		case *rtnlSub:
			return obj.info()
		}
		_, err := lookupHandle[*rtnlConn](uint64(h))
		return nil, err
	})
}

// lookupAny returns the object behind h, or nil.
func lookupAny(h uint64) handleObject {
	handles.mu.RLock()
	defer handles.mu.RUnlock()
	return handles.objs[h]
}

// parseCall reads a request document {"object","cmd","args"}
// (docs/rtnl-json.md) and builds the netlink request with core/rtnl.
func parseCall(p *C.nig_cchar, n C.size_t) (*rtnl.Built, error) {
	b, err := rtnlInput("request", p, n)
	if err != nil {
		return nil, err
	}
	if !json.Valid(b) {
		var v any
		return nil, errJSON(json.Unmarshal(b, &v))
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return nil, &apiError{code: statusJSON, kind: "ValueError", msg: "request must be a JSON object"}
	}
	c, err := rtnl.ParseCall(b)
	if err != nil {
		return nil, err
	}
	return rtnl.BuildRequest(c, rtnl.BuildOptions{OpenNetNS: openNetNSFile, CloseFD: closeFD})
}

// openNetNSFile opens a namespace for net_ns_fd="name" (or a path).
func openNetNSFile(nameOrPath string) (int, error) {
	path := rtnl.NetNSPath(nameOrPath)
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, &os.PathError{Op: "open netns", Path: path, Err: err}
	}
	return fd, nil
}

func closeFD(fd int) { syscall.Close(fd) }

//export nig_rtnl_request
func nig_rtnl_request(h C.nig_handle, request *C.nig_cchar, requestLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		conn, err := lookupHandle[*rtnlConn](uint64(h))
		if err != nil {
			return nil, err
		}
		b, err := parseCall(request, requestLen)
		if err != nil {
			return nil, err
		}
		defer b.Close()
		w := newResultWriter(conn.marshal)
		if b.Dump && b.TunTap == nil {
			err := conn.c.DumpFunc(b.Request, func(m *rtnl.Message) error {
				if b.Match != nil && !b.Match(m) {
					return nil
				}
				return w.add(m)
			}, w.reset)
			if err = routeTableMissing(b, err); err != nil {
				return nil, err
			}
			return w.finish(), nil
		}
		msgs, err := conn.c.Run(b)
		if err != nil {
			return nil, err
		}
		for _, m := range msgs {
			if err := w.add(m); err != nil {
				return nil, err
			}
		}
		return w.finish(), nil
	})
}

// resultWriter collects messages in a connection's result format: JSON
// Lines, or the marshal list of per-message blobs; dump chunks may
// instead hold received messages as they are (addRaw).
type resultWriter struct {
	marshal bool
	raw     bool // the messages are received ones, undecoded (addRaw)
	buf     []byte
	n       int
	listAt  int
	scratch []byte
}

func newResultWriter(marshal bool) *resultWriter {
	return &resultWriter{marshal: marshal, buf: make([]byte, 0, 8192)}
}

func (w *resultWriter) add(m *rtnl.Message) error {
	if !w.marshal {
		if w.n > 0 {
			w.buf = append(w.buf, '\n')
		}
		w.buf = m.AppendJSON(w.buf)
		w.n++
		return nil
	}
	if w.n == 0 {
		w.buf, w.listAt = beginPyList(w.buf[:0])
		w.raw = false
	}
	var err error
	if w.buf, err = appendPyMessage(w.buf, m, &w.scratch); err == nil {
		w.n++
	}
	return err
}

// addRaw adds one received message (a whole netlink message) undecoded.
// A chunk of such messages is the marshal tuple (n, wire): wire holds the
// n messages back to back, each padded to 4 bytes, as the kernel sends
// them; the Python binding keeps them so and has nig_rtnl_marshal turn a
// chunk into blobs when one of its messages is first read (a lazy message
// then costs its wire size instead of its blob's, a third of it for a
// route). A writer holds either kind of message, never both.
func (w *resultWriter) addRaw(msg []byte) {
	if w.n == 0 {
		w.buf = append(w.buf[:0], pySmallTuple, 2, pyInt, 0, 0, 0, 0, pyBytes, 0, 0, 0, 0)
		w.raw = true
	}
	w.buf = append(w.buf, msg...)
	for len(w.buf)%4 != rawHeaderLen%4 {
		w.buf = append(w.buf, 0)
	}
	w.n++
}

// rawHeaderLen is the marshal prefix of a chunk of raw messages.
const rawHeaderLen = 12

// addJSON adds one message (or control line) given as JSON.
func (w *resultWriter) addJSON(js []byte) error {
	if !w.marshal {
		if w.n > 0 {
			w.buf = append(w.buf, '\n')
		}
		w.buf = append(w.buf, js...)
		w.n++
		return nil
	}
	if w.n == 0 {
		w.buf, w.listAt = beginPyList(w.buf[:0])
	}
	var err error
	w.buf, err = appendPyBlob(w.buf, js)
	if err == nil {
		w.n++
	}
	return err
}

func (w *resultWriter) size() int { return len(w.buf) }

func (w *resultWriter) reset() { w.buf, w.n = w.buf[:0], 0 }

// finish returns the result; an empty marshal result is an empty list.
func (w *resultWriter) finish() []byte {
	if !w.marshal {
		return w.buf
	}
	if w.raw && w.n > 0 {
		binary.LittleEndian.PutUint32(w.buf[3:], uint32(w.n))
		binary.LittleEndian.PutUint32(w.buf[8:], uint32(len(w.buf)-rawHeaderLen))
		return w.buf
	}
	if w.n == 0 {
		w.buf, w.listAt = beginPyList(w.buf[:0])
	}
	return endPyList(w.buf, w.listAt, w.n)
}

// ---- dumps consumed in chunks ----------------------------------------------

// rtnlChunkSize is the size at which a dump chunk is handed over: big
// enough to amortise a call, small enough to stream.
const rtnlChunkSize = 64 << 10

// rtnlRawMessages bounds the messages of a chunk of raw messages: the
// binding refers to each by its index in the chunk, and CPython shares
// the int objects up to 256.
const rtnlRawMessages = 256

// restartLine is the chunk that tells the consumer of a dump the kernel
// interrupted (after earlier chunks were delivered) to discard them.
const restartLine = `{"restart":true}`

// rtnlDump streams one dump: a producer goroutine appends chunks,
// nig_rtnl_next takes them in order. While the consumer keeps taking
// chunks the producer stays at most rtnlAhead chunks ahead, so a dump of
// any size holds a few chunks in Go memory, not the table; a consumer that
// takes none for rtnlStall makes the queue unbounded for the rest of the
// dump, so the kernel finishes and the connection is released whatever
// the caller does meanwhile.
type rtnlDump struct {
	mu        sync.Mutex
	cond      sync.Cond
	chunks    [][]byte
	delivered int  // chunks handed out
	restart   bool // prefix the next chunk with restartLine
	done      bool
	err       error
	closed    bool
	marshal   bool
	// spare holds chunk buffers nig_rtnl_next has copied out, for the
	// producer to fill again: while the consumer keeps up, a dump of any
	// size cycles through a few buffers instead of growing the Go heap.
	spare   [][]byte
	stalled bool // the consumer took no chunk for rtnlStall: stop waiting for it
}

const (
	// rtnlAhead is how many chunks the producer may queue before it waits
	// for the consumer.
	rtnlAhead = 3
	// rtnlSpareChunks bounds the buffers kept for reuse: every buffer of a
	// consumer that keeps up (those queued, the one being filled, the one
	// being copied out), so that such a dump allocates none after its first
	// few chunks.
	rtnlSpareChunks = rtnlAhead + 2
	// rtnlStall is how long the producer waits for a consumer that takes
	// no chunk before it queues without bound.
	rtnlStall = 200 * time.Millisecond
)

// buffer returns an empty chunk buffer, a spare one if there is one.
func (d *rtnlDump) buffer() []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := len(d.spare); n > 0 {
		b := d.spare[n-1]
		d.spare[n-1] = nil
		d.spare = d.spare[:n-1]
		return b[:0]
	}
	// Small to begin with: a chunk of raw routes takes 16 KiB, and small
	// dumps are the common case; reused buffers keep what they grew to.
	return make([]byte, 0, 16<<10)
}

// recycle takes back a chunk once nig_rtnl_next copied it to the caller.
func (d *rtnlDump) recycle(b []byte) {
	if cap(b) < 16<<10 {
		return // a control chunk, or an empty end
	}
	d.mu.Lock()
	if !d.closed && len(d.spare) < rtnlSpareChunks {
		d.spare = append(d.spare, b[:0])
	}
	d.mu.Unlock()
}

func (d *rtnlDump) Close() error {
	d.mu.Lock()
	d.closed = true
	d.chunks, d.spare = nil, nil
	d.mu.Unlock()
	d.cond.Broadcast() // a producer waiting for room stops waiting
	return nil
}

func (d *rtnlDump) push(b []byte) {
	d.mu.Lock()
	if len(d.chunks) >= rtnlAhead && !d.closed && !d.stalled {
		taken := d.delivered
		t := time.AfterFunc(rtnlStall, func() {
			d.mu.Lock()
			if d.delivered == taken {
				d.stalled = true
			}
			d.mu.Unlock()
			d.cond.Broadcast()
		})
		for len(d.chunks) >= rtnlAhead && !d.closed && !d.stalled {
			if d.delivered != taken { // progress: give the consumer time again
				taken = d.delivered
				t.Reset(rtnlStall)
			}
			d.cond.Wait()
		}
		t.Stop()
	}
	if !d.closed {
		d.chunks = append(d.chunks, b)
	}
	d.mu.Unlock()
	d.cond.Broadcast()
}

func (d *rtnlDump) onRestart() {
	d.mu.Lock()
	d.chunks = nil
	if d.delivered > 0 {
		d.restart = true
	}
	d.mu.Unlock()
}

func (d *rtnlDump) restartChunk() []byte {
	w := &resultWriter{marshal: d.marshal}
	_ = w.addJSON([]byte(restartLine)) // a constant that transcodes
	return w.finish()
}

func (d *rtnlDump) isClosed() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.closed
}

func (d *rtnlDump) finish(err error) {
	d.mu.Lock()
	d.done, d.err = true, err
	d.mu.Unlock()
	d.cond.Broadcast()
}

// routeTableMissing turns "no such table" (ENOENT for a route dump
// filtered by table) into an empty result, as core/rtnl's Run does.
func routeTableMissing(b *rtnl.Built, err error) error {
	if b.Object == "route" && errors.Is(err, syscall.ENOENT) {
		return nil
	}
	return err
}

// errAbandoned stops feeding a dump whose handle was closed.
var errAbandoned = errors.New("dump abandoned")

func (d *rtnlDump) run(c *rtnl.Conn, b *rtnl.Built) {
	defer b.Close()
	w := &resultWriter{marshal: d.marshal, buf: d.buffer()}
	// hand hands over the chunk under construction.
	hand := func() error {
		if d.isClosed() {
			return errAbandoned
		}
		d.push(w.finish())
		w = &resultWriter{marshal: d.marshal, buf: d.buffer(), scratch: w.scratch}
		return nil
	}
	// next makes room for a message (raw or not) in the chunk.
	next := func(raw bool) error {
		if w.n > 0 && w.raw != raw {
			return hand()
		}
		return nil
	}
	full := func() error {
		if w.size() >= rtnlChunkSize || (w.raw && w.n >= rtnlRawMessages) {
			return hand()
		}
		return nil
	}
	add := func(m *rtnl.Message) error {
		if b.Match != nil && !b.Match(m) {
			return nil
		}
		if err := next(false); err != nil {
			return err
		}
		if err := w.add(m); err != nil {
			return err
		}
		return full()
	}
	onRestart := func() {
		w.reset()
		d.onRestart()
	}
	var err error
	if d.marshal {
		// The Python binding's format: the messages of unfiltered dumps
		// (get_routes(), get_links()...) are handed over undecoded.
		err = c.DumpWireFunc(b.Request, func(msg []byte) error {
			raw, keep, err := dumpRaw(msg, b)
			if err != nil || (raw && !keep) {
				return err
			}
			if !raw {
				m, _, err := rtnl.DecodeMessage(msg)
				if err != nil {
					return err
				}
				return add(m)
			}
			if err := next(true); err != nil {
				return err
			}
			w.addRaw(msg)
			return full()
		}, add, onRestart)
	} else {
		err = c.DumpFunc(b.Request, add, onRestart)
	}
	err = routeTableMissing(b, err)
	if w.n > 0 && err == nil {
		d.push(w.finish())
	}
	d.finish(err)
}

// next blocks until a chunk is available or the dump ended.
func (d *rtnlDump) next() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for len(d.chunks) == 0 && !d.done {
		d.cond.Wait()
	}
	if len(d.chunks) > 0 {
		b := d.chunks[0]
		if d.restart {
			// A chunk of its own, so that both formats stay simple.
			d.restart = false
			return d.restartChunk(), nil
		}
		d.chunks[0] = nil
		d.chunks = d.chunks[1:]
		d.delivered++
		d.cond.Broadcast() // room for a producer waiting in push
		return b, nil
	}
	if d.err != nil && !errors.Is(d.err, errAbandoned) {
		return nil, d.err
	}
	if d.restart {
		// The retry produced nothing: tell the consumer to drop what it has.
		d.restart = false
		return d.restartChunk(), nil
	}
	return []byte{}, nil
}

//export nig_rtnl_dump
func nig_rtnl_dump(h C.nig_handle, request *C.nig_cchar, requestLen C.size_t, outHandle *C.nig_handle) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if outHandle == nil {
			return nil, errArg("out_handle must not be NULL")
		}
		*outHandle = 0
		conn, err := lookupHandle[*rtnlConn](uint64(h))
		if err != nil {
			return nil, err
		}
		b, err := parseCall(request, requestLen)
		if err != nil {
			return nil, err
		}
		if !b.Dump {
			b.Close()
			return nil, &apiError{code: statusValue, kind: "ValueError",
				msg: fmt.Sprintf("%s %s is not a dump; use nig_rtnl_request", b.Object, b.Cmd)}
		}
		d := &rtnlDump{marshal: conn.marshal}
		d.cond.L = &d.mu
		go d.run(conn.c, b)
		*outHandle = C.nig_handle(handles.add(d))
		return nil, nil
	})
}

//export nig_rtnl_next
func nig_rtnl_next(h C.nig_handle, out **C.char, outLen *C.size_t) C.int {
	var d *rtnlDump
	var chunk []byte
	rc := call(out, outLen, true, func() ([]byte, error) {
		var err error
		if d, err = lookupHandle[*rtnlDump](uint64(h)); err != nil {
			return nil, err
		}
		chunk, err = d.next()
		return chunk, err
	})
	if rc == statusOK && d != nil {
		d.recycle(chunk) // call copied it into *out
	}
	return rc
}

// ---- batches ---------------------------------------------------------------

// rtnlBatchDoc is the batch document: {"calls":[call,...],"results":"all"|"errors"}.
type rtnlBatchDoc struct {
	Calls   []json.RawMessage `json:"calls"`
	Results string            `json:"results"`
}

//export nig_rtnl_batch
func nig_rtnl_batch(h C.nig_handle, batch *C.nig_cchar, batchLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		conn, err := lookupHandle[*rtnlConn](uint64(h))
		if err != nil {
			return nil, err
		}
		b, err := input("batch", batch, batchLen)
		if err != nil {
			return nil, err
		}
		var doc rtnlBatchDoc
		if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
			if err := json.Unmarshal(b, &doc.Calls); err != nil {
				return nil, errJSON(err)
			}
		} else if err := decodeStrict(b, &doc); err != nil {
			return nil, err
		}
		errorsOnly := false
		switch doc.Results {
		case "", "all":
		case "errors":
			errorsOnly = true
		default:
			return nil, errArg(`batch "results" must be "all" or "errors", not %q`, doc.Results)
		}
		calls := make([]rtnl.Call, len(doc.Calls))
		bad := make([]error, len(doc.Calls))
		for i, raw := range doc.Calls {
			if calls[i], bad[i] = rtnl.ParseCall(raw); bad[i] != nil {
				calls[i] = rtnl.Call{Object: "invalid"}
			}
		}
		res, err := conn.c.BatchCalls(calls)
		if err != nil {
			return nil, err
		}
		var dst []byte
		for i, r := range res {
			if bad[i] != nil {
				r.Err = bad[i]
			}
			if errorsOnly && r.Err == nil {
				continue
			}
			if len(dst) > 0 {
				dst = append(dst, '\n')
			}
			dst = append(dst, `{"index":`...)
			dst = strconv.AppendInt(dst, int64(i), 10)
			if r.Err == nil {
				dst = append(dst, `,"ok":true,"messages":`...)
				dst = rtnl.AppendJSONArray(dst, r.Messages)
			} else {
				dst = append(dst, `,"ok":false,"error":`...)
				dst = rtnl.AppendErrorJSON(dst, r.Err)
			}
			dst = append(dst, '}')
		}
		return dst, nil
	})
}

// ---- named network namespaces ----------------------------------------------

func netnsName(p *C.nig_cchar, n C.size_t) (string, error) {
	b, err := rtnlInput("name", p, n)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

//export nig_netns_create
func nig_netns_create(name *C.nig_cchar, nameLen C.size_t) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		n, err := netnsName(name, nameLen)
		if err != nil {
			return nil, err
		}
		return nil, rtnl.CreateNetNS(n)
	})
}

//export nig_netns_remove
func nig_netns_remove(name *C.nig_cchar, nameLen C.size_t) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		n, err := netnsName(name, nameLen)
		if err != nil {
			return nil, err
		}
		return nil, rtnl.RemoveNetNS(n)
	})
}

//export nig_netns_list
func nig_netns_list(out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		names, err := rtnl.ListNetNS()
		if err != nil {
			return nil, err
		}
		return json.Marshal(names)
	})
}
