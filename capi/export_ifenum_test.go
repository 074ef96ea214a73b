package main

import (
	"errors"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/netifaces-go/netifaces-go/core/ifenum"
)

func TestParseIfenumOptions(t *testing.T) {
	ok := []struct {
		in   string
		want ifenum.Options
	}{
		{"", ifenum.Options{Blocking: true}},
		{"  \n", ifenum.Options{Blocking: true}},
		{"null", ifenum.Options{Blocking: true}},
		{"{}", ifenum.Options{Blocking: true}},
		{`{"netns":null}`, ifenum.Options{Blocking: true}},
		{`{"netns":"blue"}`, ifenum.Options{NetNS: "blue", Blocking: true}},
		{`{"netns":"/proc/1/ns/net"}`, ifenum.Options{NetNS: "/proc/1/ns/net", Blocking: true}},
		{`{"netns":"\udcff\udcfe"}`, ifenum.Options{NetNS: "\xff\xfe", Blocking: true}},
		{`{"netns":"\u00e4"}`, ifenum.Options{NetNS: "ä", Blocking: true}},
		{`{"netns":7}`, ifenum.Options{NetNSFD: 7, Blocking: true}},
		{`{"netns":2147483647}`, ifenum.Options{NetNSFD: 2147483647, Blocking: true}},
	}
	for _, c := range ok {
		got, err := parseIfenumOptions([]byte(c.in))
		if err != nil || got != c.want {
			t.Errorf("parseIfenumOptions(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in, msg string
		code    int
	}{
		{"{", "invalid JSON", statusJSON},
		{"[1]", "invalid JSON", statusJSON},
		{`"blue"`, "invalid JSON", statusJSON},
		{`{"netnz":"x"}`, `options: unknown key "netnz" (known: "netns")`, statusJSON},
		{`{"netns":""}`, "options: netns must not be empty", statusJSON},
		{`{"netns":"a\u0000b"}`, "options: netns must not contain NUL", statusJSON},
		{`{"netns":"\ud800"}`, "options: netns: ", statusJSON},
		{`{"netns":0}`, "file descriptor >= 1, not 0", statusJSON},
		{`{"netns":-1}`, "not -1", statusJSON},
		{`{"netns":1.5}`, "not 1.5", statusJSON},
		{`{"netns":true}`, "not true", statusJSON},
		{`{"netns":2147483648}`, "not 2147483648", statusJSON},
		{`{"netns":{}}`, "not {}", statusJSON},
		{strings.Repeat(" ", maxIfenumOptions+1), "NIG_IFENUM_MAX_OPTIONS", statusTooBig},
	}
	for _, c := range bad {
		_, err := parseIfenumOptions([]byte(c.in))
		var ae *apiError
		if !errors.As(err, &ae) || ae.code != c.code || !strings.Contains(ae.msg, c.msg) {
			t.Errorf("parseIfenumOptions(%.40q) = %v; want code %d containing %q", c.in, err, c.code, c.msg)
		}
	}
}

func TestIfenumErrKeepsErrnoAndKind(t *testing.T) {
	// A value error stays a value error; an OS error carries only its errno,
	// so statusOf reports kind OSError whatever other mappers claim.
	if code, _, kind := statusOf(ifenumErr(ifenum.ErrInvalidInterfaceName)); code != statusValue || kind != "ValueError" {
		t.Errorf("invalid name: %d %s", code, kind)
	}
	wrapped := &ifenum.Error{Kind: ifenum.KindOSError, Message: "netlink: boom", Errno: 2, Err: errENOENT{}}
	code, en, kind := statusOf(ifenumErr(wrapped))
	if code != -2 || en != 2 || kind != "OSError" {
		t.Errorf("OSError: %d %d %s", code, en, kind)
	}
	if code, _, kind := statusOf(ifenumErr(ifenum.ErrTruncated)); code != statusInternal || kind != "OSError" {
		t.Errorf("truncated: %d %s", code, kind)
	}
}

type errENOENT struct{}

func (errENOENT) Error() string { return "no such file or directory" }
func (errENOENT) Unwrap() error { return syscall.ENOENT }

// FuzzParseIfenumOptions: never panics; any netns string the library can
// write (AppendJSONString) reads back as the same bytes.
func FuzzParseIfenumOptions(f *testing.F) {
	for _, s := range []string{"blue", "/proc/1/ns/net", "\xff\xfe", "ä", "a\"b\\c", "\x01", "x y"} {
		f.Add(s, `{"netns":`+string(ifenum.AppendJSONString(nil, s))+`}`)
	}
	f.Add("", `{"netns":12}`)
	f.Add("", `{"netns":"\udcff"`)
	f.Fuzz(func(t *testing.T, name, doc string) {
		_, _ = parseIfenumOptions([]byte(doc)) // must not panic
		if name == "" || strings.IndexByte(name, 0) >= 0 {
			return
		}
		enc := `{"netns":` + string(ifenum.AppendJSONString(nil, name)) + `}`
		got, err := parseIfenumOptions([]byte(enc))
		if len(enc) > maxIfenumOptions {
			return
		}
		if err != nil || got.NetNS != name {
			t.Fatalf("round trip of %q (valid UTF-8: %v) via %s: %+v, %v", name, utf8.ValidString(name), enc, got, err)
		}
	})
}
