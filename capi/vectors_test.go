package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// vectorCase is one entry of ci/vectors/abi_*.json (see ci/vectors/README.md).
type vectorCase struct {
	Name      string                     `json:"name"`
	Fn        string                     `json:"fn"`
	In        []json.RawMessage          `json:"in"`
	RC        int                        `json:"rc"`
	Out       json.RawMessage            `json:"out"`
	OutSubset map[string]json.RawMessage `json:"out_subset"`
	OutHex    *string                    `json:"out_hex"`
	Error     map[string]json.RawMessage `json:"error"`
	Root      bool                       `json:"root"`
}

func decodeVectorArg(t *testing.T, raw json.RawMessage) vectorArg {
	t.Helper()
	var s string
	if bytes.Equal(raw, []byte("null")) {
		return vectorArg{Null: true}
	}
	if json.Unmarshal(raw, &s) == nil {
		return vectorArg{Bytes: []byte(s)}
	}
	var n int64
	if json.Unmarshal(raw, &n) == nil {
		return vectorArg{Num: n}
	}
	var obj struct {
		Hex    *string `json:"hex"`
		Repeat *string `json:"repeat"`
		Times  int     `json:"times"`
		Ptr    *uint64 `json:"ptr"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		t.Fatalf("undecodable input %s", raw)
	}
	switch {
	case obj.Hex != nil:
		b, err := hex.DecodeString(*obj.Hex)
		if err != nil {
			t.Fatal(err)
		}
		return vectorArg{Bytes: b}
	case obj.Repeat != nil:
		return vectorArg{Bytes: bytes.Repeat([]byte(*obj.Repeat), obj.Times)}
	case obj.Ptr != nil:
		return vectorArg{Ptr: uintptr(*obj.Ptr)}
	}
	t.Fatalf("undecodable input %s", raw)
	return vectorArg{}
}

// sameJSON compares two JSON texts after compacting (key order matters).
func sameJSON(a, b []byte) bool {
	ca, errA := canonicalJSON(a)
	cb, errB := canonicalJSON(b)
	return errA == nil && errB == nil && bytes.Equal(ca, cb)
}

// canonicalJSON re-encodes a JSON text token by token: key order is kept
// (it is part of the contract) while string escapes and number spellings are
// normalised, as the C and Python runners see them after parsing.
func canonicalJSON(b []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
		if d, ok := tok.(json.Delim); ok {
			out.WriteString(d.String())
			continue
		}
		if err := enc.Encode(tok); err != nil {
			return nil, err
		}
		out.WriteByte(' ')
	}
}

func subsetMatches(t *testing.T, want map[string]json.RawMessage, got []byte) {
	t.Helper()
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(got, &obj); err != nil {
		t.Fatalf("result is not a JSON object: %s", got)
	}
	for k, v := range want {
		if !sameJSON(v, obj[k]) {
			t.Errorf("field %s = %s, want %s", k, obj[k], v)
		}
	}
}

func TestSharedVectors(t *testing.T) {
	files, _ := filepath.Glob("../ci/vectors/abi_*.json")
	if len(files) == 0 {
		t.Fatal("no ci/vectors/abi_*.json")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cases []vectorCase
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, c := range cases {
			// Cases run in file order, as in the other runners (a case may read
			// the last error its predecessor left).
			t.Run(filepath.Base(file)+"/"+c.Name, func(t *testing.T) {
				if c.Root && os.Geteuid() != 0 {
					if os.Getenv("CI") == "true" {
						t.Fatal("needs root, and CI=true forbids skipping")
					}
					t.Skip("needs root")
				}
				var args []vectorArg
				for _, raw := range c.In {
					args = append(args, decodeVectorArg(t, raw))
				}
				res, err := callVector(c.Fn, args)
				if err != nil {
					t.Fatal(err)
				}
				if res.RC != c.RC {
					t.Fatalf("rc %d, want %d (%s)", res.RC, c.RC, res.LastError)
				}
				got := res.Out
				if res.RC != 0 && !res.HasOut {
					got = res.LastJSON
				}
				if res.RC != 0 && c.Error != nil {
					subsetMatches(t, c.Error, got)
					var msg string
					if raw, ok := c.Error["message"]; ok && json.Unmarshal(raw, &msg) == nil && msg != res.LastError {
						t.Errorf("nig_last_error() = %q, want %q", res.LastError, msg)
					}
				}
				if c.Out != nil && !sameJSON(c.Out, got) {
					t.Errorf("out = %s, want %s", got, c.Out)
				}
				if c.OutSubset != nil {
					subsetMatches(t, c.OutSubset, got)
				}
				if c.OutHex != nil && hex.EncodeToString(got) != *c.OutHex {
					t.Errorf("out = %x, want %s", got, *c.OutHex)
				}
			})
		}
	}
	if allocs, hs := outstanding(); allocs != 0 || hs != 0 {
		t.Errorf("after the vectors: %d allocations and %d handles outstanding", allocs, hs)
	}
}

// TestBridgeCoversHeader keeps conventionalExports equal to the header's
// conventional functions (the plain ones return no status).
func TestBridgeCoversHeader(t *testing.T) {
	text, err := os.ReadFile("../include/netifaces_go.h")
	if err != nil {
		t.Fatal(err)
	}
	noComments := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAll(text, nil)
	plain := map[string]bool{"nig_version": true, "nig_abi_version": true, "nig_last_error": true}
	var inHeader, inBridge []string
	for _, m := range regexp.MustCompile(`\b(nig_[a-z0-9_]+)\s*\(`).FindAllSubmatch(noComments, -1) {
		if name := string(m[1]); !plain[name] {
			inHeader = append(inHeader, name)
		}
	}
	for name := range conventionalExports {
		inBridge = append(inBridge, name)
	}
	sort.Strings(inHeader)
	sort.Strings(inBridge)
	if strings.Join(inHeader, " ") != strings.Join(inBridge, " ") {
		t.Errorf("header functions %v\nbridge functions %v", inHeader, inBridge)
	}
}
