package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// pyBatchReader decodes the marshal subset of a pybatch into JSON text
// (key order kept, tuples as arrays), resolving references as
// marshal.loads does, so a batch can be compared with AppendJSON.
type pyBatchReader struct {
	b    []byte
	refs []string // JSON text of each referenced object
}

func (r *pyBatchReader) next() (string, error) {
	if len(r.b) == 0 {
		return "", fmt.Errorf("short input")
	}
	c := r.b[0]
	r.b = r.b[1:]
	flag := c&0x80 != 0
	c &^= 0x80
	u32 := func() int {
		v := int(binary.LittleEndian.Uint32(r.b))
		r.b = r.b[4:]
		return v
	}
	var out string
	switch c {
	case 'N':
		out = "null"
	case 'T':
		out = "true"
	case 'F':
		out = "false"
	case 'i':
		out = strconv.Itoa(int(int32(u32())))
	case 'l':
		n := int(int32(u32()))
		neg := n < 0
		if neg {
			n = -n
		}
		v := new(big.Int)
		for i := n - 1; i >= 0; i-- {
			v.Lsh(v, 15)
			v.Or(v, big.NewInt(int64(binary.LittleEndian.Uint16(r.b[2*i:]))))
		}
		r.b = r.b[2*n:]
		if neg {
			v.Neg(v)
		}
		out = v.String()
	case 'z', 'Z':
		n := int(r.b[0])
		js, _ := json.Marshal(string(r.b[1 : 1+n]))
		r.b = r.b[1+n:]
		out = string(js)
	case 'u':
		n := u32()
		js, _ := json.Marshal(string(r.b[:n]))
		r.b = r.b[n:]
		out = string(js)
	case 'r':
		i := u32()
		if i >= len(r.refs) {
			return "", fmt.Errorf("reference %d of %d", i, len(r.refs))
		}
		return r.refs[i], nil
	case ')', '[':
		if flag {
			return "", fmt.Errorf("a container with FLAG_REF")
		}
		var n int
		if c == ')' {
			n = int(r.b[0])
			r.b = r.b[1:]
		} else {
			n = u32()
		}
		items := make([]string, n)
		for i := range items {
			var err error
			if items[i], err = r.next(); err != nil {
				return "", err
			}
		}
		out = "[" + strings.Join(items, ",") + "]"
	case '{':
		if flag {
			return "", fmt.Errorf("a container with FLAG_REF")
		}
		var items []string
		for len(r.b) > 0 && r.b[0] != '0' {
			k, err := r.next()
			if err != nil {
				return "", err
			}
			v, err := r.next()
			if err != nil {
				return "", err
			}
			items = append(items, k+":"+v)
		}
		if len(r.b) == 0 {
			return "", fmt.Errorf("unterminated dict")
		}
		r.b = r.b[1:]
		out = "{" + strings.Join(items, ",") + "}"
	default:
		return "", fmt.Errorf("unknown type %q", c)
	}
	if flag {
		r.refs = append(r.refs, out)
	}
	return out, nil
}

// decodePyBatch returns the messages (as JSON text), slow and overflow
// indices of one pybatch.
func decodePyBatch(t *testing.T, b []byte) (msgs []string, slow, over []int) {
	t.Helper()
	if len(b) < 2 || b[0] != ')' || b[1] != 3 {
		t.Fatalf("not a 3-tuple: % x", b[:min(len(b), 8)])
	}
	r := &pyBatchReader{b: b[2:]}
	if b[2] != '[' {
		t.Fatalf("messages are not a list")
	}
	r.b = b[3:]
	n := int(binary.LittleEndian.Uint32(r.b))
	r.b = r.b[4:]
	for i := 0; i < n; i++ {
		m, err := r.next()
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		msgs = append(msgs, m)
	}
	for _, dst := range []*[]int{&slow, &over} {
		js, err := r.next()
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(js), dst); err != nil {
			t.Fatal(err)
		}
	}
	if len(r.b) != 0 {
		t.Fatalf("%d trailing bytes", len(r.b))
	}
	return msgs, slow, over
}

// canonJSON re-encodes JSON text keeping key order, so texts written by
// different encoders compare equal when they mean the same.
func canonJSON(t *testing.T, js string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(js))
	dec.UseNumber()
	out, err := canonValue(dec)
	if err != nil {
		t.Fatalf("%v in %s", err, js)
	}
	return out
}

func canonValue(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		b, err := json.Marshal(tok)
		return string(b), err
	}
	var items []string
	for dec.More() {
		item := ""
		if d == '{' {
			k, err := dec.Token()
			if err != nil {
				return "", err
			}
			b, _ := json.Marshal(k)
			item = string(b) + ":"
		}
		v, err := canonValue(dec)
		if err != nil {
			return "", err
		}
		items = append(items, item+v)
	}
	if _, err := dec.Token(); err != nil { // the closing delimiter
		return "", err
	}
	if d == '{' {
		return "{" + strings.Join(items, ",") + "}", nil
	}
	return "[" + strings.Join(items, ",") + "]", nil
}

// kernelMessages decodes the captured kernel messages (capturedWires).
func kernelMessages(t testing.TB) []*rtnl.Message {
	t.Helper()
	var out []*rtnl.Message
	for _, wire := range capturedWires(t) {
		m, _, err := rtnl.DecodeMessage(wire)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// expectPy is the JSON of what the binding receives for m: AppendJSON's,
// plus "target" and "stats" (None) in the header of the schema kinds.
func expectPy(t *testing.T, m *rtnl.Message) (js string, slow bool) {
	js = string(m.AppendJSON(nil))
	if len(m.FixedKeys()) == 0 || m.IsOverflow() {
		return canonJSON(t, js), true
	}
	i := strings.Index(js, `,"header":{`)
	j := i + strings.Index(js[i:], "}")
	js = js[:j] + `,"target":"localhost","stats":null` + js[j:]
	var probe struct{ Attrs [][2]json.RawMessage }
	if err := json.Unmarshal([]byte(js), &probe); err != nil {
		t.Fatal(err)
	}
	for _, a := range probe.Attrs {
		if c := a[1][0]; c == '{' || c == '[' {
			slow = true
		}
	}
	return canonJSON(t, js), slow
}

func TestPyBatchMatchesJSON(t *testing.T) {
	msgs := append(kernelMessages(t), rtnl.OverflowMessage())
	errMsg, _, err := rtnl.DecodeMessage(hexBytes(t, "24000000020000000100000002000000"+"efffffff"+"1400000010000500010000000200000000000000"))
	if err != nil {
		t.Fatal(err)
	}
	msgs = append(msgs, errMsg)
	q := &batchQueue{}
	for _, m := range msgs {
		if err := q.push([]*rtnl.Message{m}); err != nil {
			t.Fatal(err)
		}
	}
	out := q.pop(rtnlMaxBatch)
	if !q.empty() || q.size() != 0 || q.pop(rtnlMaxBatch) != nil {
		t.Fatalf("queue not drained: %d bytes", q.size())
	}
	got, slow, over := decodePyBatch(t, out)
	if len(got) != len(msgs) {
		t.Fatalf("%d messages, want %d", len(got), len(msgs))
	}
	var wantSlow []int
	for i, m := range msgs {
		want, isSlow := expectPy(t, m)
		if isSlow {
			wantSlow = append(wantSlow, i)
		}
		if g := canonJSON(t, got[i]); g != want {
			t.Errorf("message %d (%s):\n got  %s\n want %s", i, m.Event(), g, want)
		}
	}
	if fmt.Sprint(slow) != fmt.Sprint(wantSlow) {
		t.Errorf("slow %v, want %v", slow, wantSlow)
	}
	if fmt.Sprint(over) != fmt.Sprint([]int{len(msgs) - 2}) {
		t.Errorf("overflows %v, want [%d]", over, len(msgs)-2)
	}
	// Names are written once per batch, then referenced.
	if n := bytes.Count(out, []byte("\x07RTA_DST")); n != 1 {
		t.Errorf("RTA_DST written %d times", n)
	}
}

func hexBytes(t *testing.T, s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPyBatchRollbackAndChunks(t *testing.T) {
	msgs := kernelMessages(t)
	q := &batchQueue{}
	if err := q.push(msgs[:10]); err != nil {
		t.Fatal(err)
	}
	mark := q.mark()
	if err := q.push(msgs[10:]); err != nil {
		t.Fatal(err)
	}
	q.rollback(mark)
	if err := q.push(msgs[20:22]); err != nil {
		t.Fatal(err)
	}
	got, _, _ := decodePyBatch(t, q.pop(rtnlMaxBatch))
	if len(got) != 12 {
		t.Fatalf("%d messages after rollback, want 12", len(got))
	}
	for i, m := range append(msgs[:10:10], msgs[20:22]...) {
		if want, _ := expectPy(t, m); canonJSON(t, got[i]) != want {
			t.Errorf("message %d after rollback differs", i)
		}
	}

	// A long burst is cut into batches, each valid on its own.
	total := 0
	for q.size() <= 2*pyBatchMax {
		if err := q.push(msgs); err != nil {
			t.Fatal(err)
		}
		total += len(msgs)
	}
	mark = q.mark()
	q.push(msgs)
	q.rollback(mark) // across a chunk boundary, possibly
	batches := 0
	for !q.empty() {
		out := q.pop(rtnlMaxBatch)
		if len(out) > pyBatchMax+64<<10 {
			t.Fatalf("batch of %d bytes", len(out))
		}
		got, _, _ := decodePyBatch(t, out)
		total -= len(got)
		batches++
	}
	if total != 0 || batches < 3 {
		t.Fatalf("%d messages unaccounted for, %d batches", total, batches)
	}
}

func TestLinesQueue(t *testing.T) {
	msgs := kernelMessages(t)
	q := newEvQueue(false)
	q.push(msgs[:3])
	mark := q.mark()
	q.push(msgs[3:])
	q.rollback(mark)
	side := newEvQueue(false)
	side.push(msgs[8:9])
	q.appendQueue(side)
	lines := bytes.Split(q.pop(1<<20), []byte("\n"))
	if len(lines) != 4 || !q.empty() {
		t.Fatalf("%d lines", len(lines))
	}
	for i, m := range []*rtnl.Message{msgs[0], msgs[1], msgs[2], msgs[8]} {
		if string(lines[i]) != m.String() {
			t.Errorf("line %d differs", i)
		}
	}
	q.push(msgs[8:12])
	first := q.pop(1) // smaller than one line: still one whole line
	if string(first) != msgs[8].String() {
		t.Errorf("first line %q", first)
	}
	if rest := q.pop(1 << 20); bytes.Count(rest, []byte("\n")) != 2 {
		t.Errorf("rest %q", rest)
	}
}

func BenchmarkPyBatchRoute(b *testing.B) {
	var route *rtnl.Message
	for _, m := range kernelMessages(b) {
		if m.Event() == "RTM_NEWROUTE" && m.Header.Length == 60 {
			route = m
			break
		}
	}
	one := []*rtnl.Message{route}
	q := &batchQueue{}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q.push(one)
		if i%10000 == 9999 {
			q.pop(rtnlMaxBatch)
		}
	}
}

func BenchmarkLinesRoute(b *testing.B) {
	var route *rtnl.Message
	for _, m := range kernelMessages(b) {
		if m.Event() == "RTM_NEWROUTE" && m.Header.Length == 60 {
			route = m
			break
		}
	}
	one := []*rtnl.Message{route}
	q := &linesQueue{}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q.push(one)
		if i%10000 == 9999 {
			pyLines(q.pop(rtnlMaxBatch))
		}
	}
}
