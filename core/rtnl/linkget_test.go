package rtnl

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// buildLinkGet is the generic builder's request for link get with these
// arguments (what nig_rtnl_request sends).
func buildLinkGet(index int64, name string, hasName bool) (*Built, error) {
	args := map[string]any{}
	if index != 0 {
		args["index"] = index
	}
	if hasName {
		args["ifname"] = name
	}
	return BuildRequest(Call{Object: "link", Cmd: "get", Args: args}, BuildOptions{})
}

// checkLinkGetSame fails unless LinkGetRequest and BuildRequest agree: the
// same message type and payload (flags differ by NLM_F_ACK only), or the
// same error text.
func checkLinkGetSame(t *testing.T, index int64, name string, hasName bool) {
	t.Helper()
	fast, ferr := LinkGetRequest(index, name, hasName)
	b, gerr := buildLinkGet(index, name, hasName)
	if (ferr == nil) != (gerr == nil) {
		t.Fatalf("index=%d name=%q: fast error %v, generic error %v", index, name, ferr, gerr)
	}
	if ferr != nil {
		if ferr.Error() != gerr.Error() {
			t.Fatalf("index=%d name=%q: errors differ:\n fast    %v\n generic %v", index, name, ferr, gerr)
		}
		var ae *ArgError
		if !errors.As(ferr, &ae) {
			t.Fatalf("fast error %T, want *ArgError", ferr)
		}
		return
	}
	if fast.Type != b.Request.Type || !bytes.Equal(fast.Data, b.Request.Data) {
		t.Fatalf("index=%d name=%q:\n fast    %d % x\n generic %d % x", index, name,
			fast.Type, fast.Data, b.Request.Type, b.Request.Data)
	}
	if fast.Flags != NLM_F_REQUEST || b.Request.Flags != NLM_F_REQUEST|NLM_F_ACK {
		t.Fatalf("flags fast %#x generic %#x", fast.Flags, b.Request.Flags)
	}
}

func TestLinkGetRequestMatchesBuild(t *testing.T) {
	for _, tc := range []struct {
		index   int64
		name    string
		hasName bool
	}{
		{1, "", false},
		{0, "lo", true},
		{3, "v0", true},
		{2147483647, "", false},
		{0, "", true},                       // empty name: sent as given
		{0, "abcdefghijklmnopq", true},      // longer than IFNAMSIZ: the kernel decides
		{0, "eth0.100", true},               // 8 bytes: two pad bytes
		{0, "ñame-ü", true},                 // UTF-8
		{0, "bad\xffname", true},            // not UTF-8: bytes as they are
		{0, "nul\x00name", true},            // NUL: the same ArgError
		{7, "x\x00", true},                  // both, NUL
		{0, strings.Repeat("n", 300), true}, // long alternative names
	} {
		checkLinkGetSame(t, tc.index, tc.name, tc.hasName)
	}
}

func TestLinkGetRequestIndexRange(t *testing.T) {
	for _, index := range []int64{-1, 1 << 31, 1 << 40} {
		_, err := LinkGetRequest(index, "", false)
		var ae *ArgError
		if !errors.As(err, &ae) || ae.Arg != "index" || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("index %d: %v, want an index *ArgError", index, err)
		}
	}
	r, err := LinkGetRequest(5, "", false)
	if err != nil || r.Type != RTM_GETLINK || len(r.Data) != 16 || r.Data[4] != 5 {
		t.Fatalf("index 5: %+v %v", r, err)
	}
}

func FuzzLinkGetRequest(f *testing.F) {
	f.Add(int64(1), "", false)
	f.Add(int64(0), "lo", true)
	f.Add(int64(9), "a\x00b", true)
	f.Add(int64(0), "\xfe\xff", true)
	f.Fuzz(func(t *testing.T, index int64, name string, hasName bool) {
		if index < 0 || index > 1<<31-1 {
			if _, err := LinkGetRequest(index, name, hasName); err == nil {
				t.Fatalf("index %d accepted", index)
			}
			return
		}
		checkLinkGetSame(t, index, name, hasName)
	})
}
