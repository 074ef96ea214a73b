//go:build linux

package rtnl

import (
	"encoding/binary"
	"encoding/json"
	"time"

	"golang.org/x/sys/unix"
)

// BatchResult is the outcome of one request of a batch.
type BatchResult struct {
	Messages []*Message // objects the request produced, then its ACK
	Err      error      // *Error (kernel) or *ArgError (not sent)
}

// batchChunk bounds the requests in flight: their ACKs (one skb each)
// must fit the receive buffer or the kernel drops them.
const batchChunk = 64

// Batch sends many non-dump requests pipelined on the socket (one
// sendmsg per chunk of batchChunk) and collects every answer. A failing
// request does not stop the others (like `ip -batch -force`); each result
// carries its own error. The returned error is for the transport only.
func (c *Conn) Batch(reqs []Request) ([]BatchResult, error) {
	res := make([]BatchResult, len(reqs))
	for i := range reqs {
		if reqs[i].IsDump() {
			res[i].Err = &ArgError{Reason: "dump requests cannot be batched"}
		}
	}
	if c.closed.Load() {
		return nil, ErrClosed
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for start := 0; start < len(reqs); {
		var wire []byte
		seqs := map[uint32]int{}
		end := start
		for ; end < len(reqs) && len(seqs) < batchChunk && len(wire) < 48<<10; end++ {
			if res[end].Err != nil {
				continue
			}
			r := reqs[end]
			r.Flags |= NLM_F_REQUEST | NLM_F_ACK
			seq := c.nextSeq()
			seqs[seq] = end
			wire = r.AppendWire(wire, seq, c.pid)
		}
		start = end
		if len(seqs) == 0 {
			continue
		}
		if err := c.send(wire); err != nil {
			return res, err
		}
		if err := c.collect(seqs, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// collect reads answers until every sequence number in pending has its
// NLMSG_ERROR (ACK or error).
func (c *Conn) collect(pending map[uint32]int, res []BatchResult) error {
	deadline := time.Now().Add(c.timeout)
	for len(pending) > 0 {
		b, err := c.recv(deadline)
		if err != nil {
			return err
		}
		for len(b) >= nlmsgHeaderLen {
			l := int(binary.NativeEndian.Uint32(b))
			if l < nlmsgHeaderLen || l > len(b) {
				return &DecodeError{Reason: "bad netlink message length in datagram", Len: l}
			}
			msg := b[:l]
			adv := align4(l)
			if adv > len(b) {
				adv = len(b)
			}
			b = b[adv:]
			seq := binary.NativeEndian.Uint32(msg[8:])
			i, ok := pending[seq]
			if !ok {
				continue
			}
			m, _, derr := DecodeMessage(msg)
			if derr != nil {
				res[i].Err = derr
				continue
			}
			if m.Header.Type == NLMSG_ERROR {
				delete(pending, seq)
				if e := errorFromAck(EventName(reqTypeOfAck(m)), m); e != nil {
					res[i].Err = e
					continue
				}
			}
			res[i].Messages = append(res[i].Messages, m)
		}
	}
	return nil
}

// reqTypeOfAck returns the request type echoed in an NLMSG_ERROR.
func reqTypeOfAck(m *Message) uint16 {
	if len(m.Raw) >= 6 {
		return binary.NativeEndian.Uint16(m.Raw[4:])
	}
	return NLMSG_ERROR
}

// BatchCalls builds and runs pyroute2-style calls as one batch. Calls that
// do not build, or that are dumps or tun/tap creations, fail individually.
func (c *Conn) BatchCalls(calls []Call) ([]BatchResult, error) {
	reqs := make([]Request, len(calls))
	pre := make([]error, len(calls))
	var built []*Built
	defer func() {
		for _, b := range built {
			b.Close()
		}
	}()
	for i, call := range calls {
		b, err := BuildRequest(call, BuildOptions{OpenNetNS: openNetNSFile, CloseFD: func(fd int) { unix.Close(fd) }})
		switch {
		case err != nil:
			pre[i] = err
		case b.Dump || b.TunTap != nil:
			pre[i] = &ArgError{Object: b.Object, Cmd: b.Cmd, Reason: "cannot be batched"}
			b.Close()
		default:
			built = append(built, b)
			reqs[i] = b.Request
		}
		if pre[i] != nil {
			// A placeholder the batch skips: mark it as a dump.
			reqs[i] = Request{Flags: NLM_F_DUMP}
		}
	}
	res, err := c.Batch(reqs)
	for i := range res {
		if pre[i] != nil {
			res[i] = BatchResult{Err: pre[i]}
		}
	}
	return res, err
}

// BatchJSON runs a JSON array of calls and appends a JSON array of
// results: {"ok":true,"messages":[...]} or
// {"ok":false,"error":{"kind":"netlink"|"argument","code":17,"message":"..."}}.
func (c *Conn) BatchJSON(dst []byte, callsJSON []byte) ([]byte, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(callsJSON, &raws); err != nil {
		return dst, &ArgError{Reason: "bad batch JSON (want an array of calls): " + err.Error()}
	}
	calls := make([]Call, len(raws))
	bad := make([]error, len(raws))
	for i, r := range raws {
		calls[i], bad[i] = ParseCall(r)
		if bad[i] != nil {
			calls[i] = Call{Object: "invalid"}
		}
	}
	res, err := c.BatchCalls(calls)
	if err != nil {
		return dst, err
	}
	dst = append(dst, '[')
	for i, r := range res {
		if i > 0 {
			dst = append(dst, ',')
		}
		if bad[i] != nil {
			r.Err = bad[i]
		}
		dst = appendResultJSON(dst, r)
	}
	return append(dst, ']'), nil
}

func appendResultJSON(dst []byte, r BatchResult) []byte {
	if r.Err == nil {
		dst = append(dst, `{"ok":true,"messages":`...)
		dst = AppendJSONArray(dst, r.Messages)
		return append(dst, '}')
	}
	dst = append(dst, `{"ok":false,"error":`...)
	dst = AppendErrorJSON(dst, r.Err)
	return append(dst, '}')
}
