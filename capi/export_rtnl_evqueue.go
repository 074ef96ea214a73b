package main

import (
	"bytes"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// evQueue holds a subscription's encoded events in its result format,
// oldest first. Not safe for concurrent use: rtnlSub's mutex guards it.
type evQueue interface {
	// push encodes msgs onto the end; on error the queue is unchanged.
	push(msgs []*rtnl.Message) error
	// mark and rollback undo pushes (an over-limit datagram is dropped
	// whole).
	mark() evMark
	rollback(evMark)
	// appendQueue moves o's events to the end (o must not be used after).
	appendQueue(o evQueue)
	// size is the number of bytes queued, for the max_queue limit.
	size() int
	empty() bool
	// pop removes and returns the next result (JSON Lines of whole
	// messages up to about max bytes, or one pybatch); nil when empty.
	pop(max int) []byte
}

type evMark struct {
	chunks int
	chunk  chunkMark
	bytes  int
}

func newEvQueue(batch bool) evQueue {
	if batch {
		return &batchQueue{}
	}
	return &linesQueue{}
}

// ---- JSON Lines ------------------------------------------------------------

type linesQueue struct{ buf []byte }

func (q *linesQueue) push(msgs []*rtnl.Message) error {
	for _, m := range msgs {
		if len(q.buf) > 0 {
			q.buf = append(q.buf, '\n')
		}
		q.buf = m.AppendJSON(q.buf)
	}
	return nil
}

func (q *linesQueue) mark() evMark      { return evMark{bytes: len(q.buf)} }
func (q *linesQueue) rollback(m evMark) { q.buf = q.buf[:m.bytes] }
func (q *linesQueue) size() int         { return len(q.buf) }
func (q *linesQueue) empty() bool       { return len(q.buf) == 0 }

func (q *linesQueue) appendQueue(o evQueue) {
	lines := o.(*linesQueue).buf
	if len(lines) == 0 {
		return
	}
	if len(q.buf) > 0 {
		q.buf = append(q.buf, '\n')
	}
	q.buf = append(q.buf, lines...)
}

func (q *linesQueue) pop(max int) []byte {
	out := q.buf
	if len(out) == 0 {
		return nil
	}
	if len(out) <= max {
		q.buf = nil
		return out
	}
	cut := bytes.LastIndexByte(out[:max], '\n')
	if cut <= 0 {
		cut = bytes.IndexByte(out, '\n')
	}
	if cut <= 0 {
		q.buf = nil
		return out
	}
	q.buf = append([]byte(nil), out[cut+1:]...)
	return out[:cut]
}

// ---- pybatch ---------------------------------------------------------------

// pyBatchMax is the size at which a pybatch is closed. Python decodes a
// batch into about ten objects per message: batches that fit in the CPU
// caches (~1k routes) decode 1.5x faster per message than 4 MiB ones.
const pyBatchMax = 256 << 10

// batchQueue is a list of pybatch chunks; new events go into the last one
// until it reaches pyBatchMax. A chunk is handed out whole.
type batchQueue struct {
	chunks  []*pyChunk
	bytes   int
	scratch []byte
}

func (q *batchQueue) last() *pyChunk {
	if len(q.chunks) == 0 {
		return nil
	}
	return q.chunks[len(q.chunks)-1]
}

func (q *batchQueue) push(msgs []*rtnl.Message) error {
	mk := q.mark()
	for _, m := range msgs {
		c := q.last()
		if c == nil || c.size() >= pyBatchMax {
			c = newPyChunk()
			q.chunks = append(q.chunks, c)
		}
		before := c.size()
		if err := c.add(m, &q.scratch); err != nil {
			q.rollback(mk)
			return err
		}
		q.bytes += c.size() - before
	}
	return nil
}

func (q *batchQueue) mark() evMark {
	m := evMark{chunks: len(q.chunks), bytes: q.bytes}
	if c := q.last(); c != nil {
		m.chunk = c.mark()
	}
	return m
}

func (q *batchQueue) rollback(m evMark) {
	for i := m.chunks; i < len(q.chunks); i++ {
		q.chunks[i] = nil
	}
	q.chunks = q.chunks[:m.chunks]
	if c := q.last(); c != nil {
		c.rollback(m.chunk)
	}
	q.bytes = m.bytes
}

func (q *batchQueue) appendQueue(o evQueue) {
	b := o.(*batchQueue)
	for _, c := range b.chunks {
		if c.n > 0 {
			q.chunks = append(q.chunks, c)
			q.bytes += c.size()
		}
	}
	b.chunks, b.bytes = nil, 0
}

func (q *batchQueue) size() int   { return q.bytes }
func (q *batchQueue) empty() bool { return len(q.chunks) == 0 }

func (q *batchQueue) pop(int) []byte {
	if len(q.chunks) == 0 {
		return nil
	}
	c := q.chunks[0]
	q.chunks[0] = nil
	q.chunks = q.chunks[1:]
	if len(q.chunks) == 0 {
		q.chunks = nil // let the backing array go
	}
	q.bytes -= c.size()
	return c.result()
}
