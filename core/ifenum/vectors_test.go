package ifenum

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

const vectorsPath = "../../ci/vectors/ifenum.json"

type vector struct {
	Name  string          `json:"name"`
	Fn    string          `json:"fn"`
	In    json.RawMessage `json:"in"`
	Out   json.RawMessage `json:"out"`
	Error *struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
	} `json:"error"`
}

type vectorInput struct {
	Snapshot json.RawMessage `json:"snapshot"`
	Name     json.RawMessage `json:"name"`
	Family   int             `json:"family"`
}

// runVector evaluates one vector and returns the result JSON or an error.
func runVector(v vector) ([]byte, error) {
	var in vectorInput
	if err := json.Unmarshal(v.In, &in); err != nil {
		return nil, fmt.Errorf("decoding in: %w", err)
	}
	var s Snapshot
	if in.Snapshot != nil {
		if err := json.Unmarshal(in.Snapshot, &s); err != nil {
			return nil, fmt.Errorf("decoding snapshot: %w", err)
		}
	}
	switch v.Fn {
	case "interfaces":
		return Names(s.Interfaces()).AppendJSON(nil), nil
	case "ifaddresses":
		name, err := UnquoteJSONString(in.Name)
		if err != nil {
			return nil, err
		}
		a, err := s.IfAddresses(name)
		if err != nil {
			return nil, err
		}
		return a.AppendJSON(nil), nil
	case "all_ifaddresses":
		return s.AllIfAddresses().AppendJSON(nil), nil
	case "gateways":
		return s.Gateways().AppendJSON(nil), nil
	case "default_gateway":
		d, err := s.DefaultRoute(in.Family)
		if err != nil {
			return nil, err
		}
		return d.AppendJSON(nil), nil
	case "address_families":
		return AddressFamilies().AppendJSON(nil), nil
	case "af_constants":
		return AFConstants().AppendJSON(nil), nil
	}
	return nil, fmt.Errorf("unknown fn %q", v.Fn)
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(vectorsPath))
	if err != nil {
		t.Fatalf("reading vectors: %v", err)
	}
	var doc struct {
		Vectors []vector `json:"vectors"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("decoding vectors: %v", err)
	}
	if len(doc.Vectors) == 0 {
		t.Fatal("no vectors")
	}
	return doc.Vectors
}

func TestVectors(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range loadVectors(t) {
		if seen[v.Name] {
			t.Errorf("duplicate vector name %q", v.Name)
		}
		seen[v.Name] = true
		t.Run(v.Name, func(t *testing.T) {
			got, err := runVector(v)
			if v.Error != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("got %s, %v; want %s error %q", got, err, v.Error.Kind, v.Error.Message)
				}
				if string(e.Kind) != v.Error.Kind || e.Message != v.Error.Message {
					t.Fatalf("got %s %q, want %s %q", e.Kind, e.Message, v.Error.Kind, v.Error.Message)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v", err)
			}
			want, err := canonJSON(v.Out)
			if err != nil {
				t.Fatalf("vector out: %v", err)
			}
			gotC, err := canonJSON(got)
			if err != nil {
				t.Fatalf("result is not valid JSON (%v): %s", err, got)
			}
			if !bytes.Equal(gotC, want) {
				t.Errorf("got  %s\nwant %s", gotC, want)
			}
			// The encoder's own output must already be canonical.
			if !bytes.Equal(gotC, got) {
				t.Errorf("encoder output not canonical:\n%s\n%s", got, gotC)
			}
		})
	}
}

// canonJSON re-encodes a JSON document keeping key order, with strings
// decoded by UnquoteJSONString (so \udcXX keeps its byte meaning) and
// re-encoded by AppendJSONString, and no insignificant whitespace.
func canonJSON(b []byte) ([]byte, error) {
	p := &jsonParser{b: b}
	out, err := p.value(nil)
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.i != len(p.b) {
		return nil, fmt.Errorf("trailing data at %d", p.i)
	}
	return out, nil
}

type jsonParser struct {
	b []byte
	i int
}

func (p *jsonParser) ws() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

func (p *jsonParser) value(dst []byte) ([]byte, error) {
	p.ws()
	if p.i >= len(p.b) {
		return nil, errors.New("unexpected end")
	}
	switch c := p.b[p.i]; {
	case c == '{' || c == '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		dst = append(dst, c)
		p.i++
		p.ws()
		if p.i < len(p.b) && p.b[p.i] == closer {
			p.i++
			return append(dst, closer), nil
		}
		for n := 0; ; n++ {
			if n > 0 {
				dst = append(dst, ',')
			}
			var err error
			if c == '{' {
				p.ws()
				if dst, err = p.str(dst); err != nil {
					return nil, err
				}
				p.ws()
				if p.i >= len(p.b) || p.b[p.i] != ':' {
					return nil, fmt.Errorf("want ':' at %d", p.i)
				}
				p.i++
				dst = append(dst, ':')
			}
			if dst, err = p.value(dst); err != nil {
				return nil, err
			}
			p.ws()
			if p.i < len(p.b) && p.b[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.b) && p.b[p.i] == closer {
				p.i++
				return append(dst, closer), nil
			}
			return nil, fmt.Errorf("want ',' or %q at %d", closer, p.i)
		}
	case c == '"':
		return p.str(dst)
	default:
		j := p.i
		for j < len(p.b) && bytes.IndexByte([]byte(",]} \n\t\r"), p.b[j]) < 0 {
			j++
		}
		tok := string(p.b[p.i:j])
		p.i = j
		switch tok {
		case "true", "false", "null":
			return append(dst, tok...), nil
		}
		if _, err := strconv.ParseFloat(tok, 64); err != nil {
			return nil, fmt.Errorf("bad token %q", tok)
		}
		return append(dst, tok...), nil
	}
}

func (p *jsonParser) str(dst []byte) ([]byte, error) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, fmt.Errorf("want string at %d", p.i)
	}
	j := p.i + 1
	for j < len(p.b) && p.b[j] != '"' {
		if p.b[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(p.b) {
		return nil, errors.New("unterminated string")
	}
	s, err := UnquoteJSONString(p.b[p.i : j+1])
	if err != nil {
		return nil, err
	}
	p.i = j + 1
	return AppendJSONString(dst, s), nil
}
