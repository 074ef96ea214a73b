package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"syscall"

	"github.com/netifaces-go/netifaces-go/core/ifenum"
)

// The netifaces area: core/ifenum's results as JSON. Python only turns the
// JSON into Python objects (int keys, tuples); every rule lives in the core.

func init() {
	registerExports(map[string]any{
		"nig_ifenum_interfaces":        nig_ifenum_interfaces,
		"nig_ifenum_ifaddresses":       nig_ifenum_ifaddresses,
		"nig_ifenum_allifaddresses":    nig_ifenum_allifaddresses,
		"nig_ifenum_gateways":          nig_ifenum_gateways,
		"nig_ifenum_default_gateway":   nig_ifenum_default_gateway,
		"nig_ifenum_interface_details": nig_ifenum_interface_details,
		"nig_ifenum_address_families":  nig_ifenum_address_families,
		"nig_ifenum_af_constants":      nig_ifenum_af_constants,
	})
	registerDomainStatus(ifenumStatus)
}

// ifenumStatus maps *ifenum.Error kinds to statuses. OSErrors carrying an
// errno are left to statusOf, which keeps the errno in the error object.
func ifenumStatus(err error) (code int, kind string, ok bool) {
	var e *ifenum.Error
	if !errors.As(err, &e) {
		return 0, "", false
	}
	switch e.Kind {
	case ifenum.KindValueError:
		return statusValue, string(e.Kind), true
	case ifenum.KindTypeError:
		return statusType, string(e.Kind), true
	case ifenum.KindNotImplementedError:
		return statusUnsupported, string(e.Kind), true
	case ifenum.KindOSError:
		var en syscall.Errno
		if errors.As(err, &en) && en != 0 {
			return 0, "", false // ifenumErr keeps these away from here
		}
		return statusInternal, string(e.Kind), true // e.g. "netlink message truncated"
	}
	return 0, "", false
}

// ifenumErr reduces a kernel or OS failure of the core to its message and
// errno, so statusOf reports netifaces' OSError with the errno, whatever
// other areas' mappers do with the rtnl errors inside.
func ifenumErr(err error) error {
	var e *ifenum.Error
	if err == nil || errors.As(err, &e) && e.Kind != ifenum.KindOSError {
		return err
	}
	var en syscall.Errno
	if errors.As(err, &en) && en != 0 {
		return &ifenumErrnoError{msg: err.Error(), errno: en}
	}
	return err
}

type ifenumErrnoError struct {
	msg   string
	errno syscall.Errno
}

func (e *ifenumErrnoError) Error() string { return e.msg }
func (e *ifenumErrnoError) Unwrap() error { return e.errno }

const maxIfenumOptions = C.NIG_IFENUM_MAX_OPTIONS

// ifenumOptions decodes the options argument {"netns": name|path|fd}.
func ifenumOptions(p *C.nig_cchar, n C.size_t) (ifenum.Options, error) {
	if p == nil {
		return parseIfenumOptions(nil)
	}
	if n != C.NIG_NTS && n > maxIfenumOptions {
		return ifenum.Options{}, ifenumOptionsTooBig()
	}
	b, err := input("options", p, n)
	if err != nil {
		return ifenum.Options{}, err
	}
	return parseIfenumOptions(b)
}

// parseIfenumOptions decodes an options document; nil or blank means the
// defaults.
func parseIfenumOptions(b []byte) (ifenum.Options, error) {
	opts := ifenum.Options{Blocking: true} // entered from C: wait on this thread
	if len(b) > maxIfenumOptions {
		return opts, ifenumOptionsTooBig()
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return opts, nil
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		return opts, errJSON(err)
	}
	for k, v := range doc {
		if k != "netns" {
			return opts, ifenumOptionsError("unknown key %s (known: \"netns\")", strconv.Quote(k))
		}
		if err := ifenumSetNetNS(&opts, v); err != nil {
			return opts, err
		}
	}
	return opts, nil
}

func ifenumOptionsTooBig() error {
	return &apiError{code: statusTooBig, kind: "ValueError",
		msg: "options larger than NIG_IFENUM_MAX_OPTIONS (65536 bytes)"}
}

func ifenumOptionsError(format string, args ...any) error {
	e := errArg("options: "+format, args...).(*apiError)
	e.code = statusJSON
	return e
}

// ifenumSetNetNS reads the "netns" value: null, a string (the surrogateescape
// convention of core/ifenum maps \udcXX back to raw bytes) or an fd.
func ifenumSetNetNS(opts *ifenum.Options, v json.RawMessage) error {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return nil
	case v[0] == '"':
		s, err := ifenum.UnquoteJSONString(v)
		if err != nil {
			return ifenumOptionsError("netns: %v", err)
		}
		if s == "" {
			return ifenumOptionsError("netns must not be empty (use null for the calling thread's namespace)")
		}
		if bytes.IndexByte([]byte(s), 0) >= 0 {
			return ifenumOptionsError("netns must not contain NUL")
		}
		opts.NetNS = s
		return nil
	}
	fd, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil || fd < 1 || fd > math.MaxInt32 {
		return ifenumOptionsError("netns must be a name, a path or a file descriptor >= 1, not %s", ifenumTruncate(string(v), 64))
	}
	opts.NetNSFD = int(fd)
	return nil
}

func ifenumTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

//export nig_ifenum_interfaces
func nig_ifenum_interfaces(options *C.nig_cchar, optionsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		names, err := ifenum.Interfaces(opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return names.AppendJSON(nil), nil
	})
}

//export nig_ifenum_ifaddresses
func nig_ifenum_ifaddresses(name *C.nig_cchar, nameLen C.size_t, options *C.nig_cchar, optionsLen C.size_t,
	out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		nb, err := input("name", name, nameLen)
		if err != nil {
			return nil, err
		}
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		a, err := ifenum.IfAddresses(string(nb), opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return a.AppendJSON(make([]byte, 0, 512)), nil
	})
}

//export nig_ifenum_allifaddresses
func nig_ifenum_allifaddresses(options *C.nig_cchar, optionsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		all, err := ifenum.AllIfAddresses(opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return all.AppendJSON(make([]byte, 0, 256*len(all))), nil
	})
}

//export nig_ifenum_gateways
func nig_ifenum_gateways(options *C.nig_cchar, optionsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		g, err := ifenum.Gateways(opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return g.AppendJSON(nil), nil
	})
}

//export nig_ifenum_default_gateway
func nig_ifenum_default_gateway(family C.int, options *C.nig_cchar, optionsLen C.size_t,
	out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		d, err := ifenum.DefaultGateway(int(family), opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return d.AppendJSON(nil), nil
	})
}

//export nig_ifenum_interface_details
func nig_ifenum_interface_details(name *C.nig_cchar, nameLen C.size_t, options *C.nig_cchar, optionsLen C.size_t,
	out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		nb, err := optionalInput("name", name, nameLen)
		if err != nil {
			return nil, err
		}
		opts, err := ifenumOptions(options, optionsLen)
		if err != nil {
			return nil, err
		}
		if name != nil {
			d, err := ifenum.InterfaceDetails(string(nb), opts)
			if err != nil {
				return nil, ifenumErr(err)
			}
			return d.AppendJSON(nil), nil
		}
		all, err := ifenum.AllInterfaceDetails(opts)
		if err != nil {
			return nil, ifenumErr(err)
		}
		return all.AppendJSON(make([]byte, 0, 2048*len(all))), nil
	})
}

//export nig_ifenum_address_families
func nig_ifenum_address_families(out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		return ifenum.AddressFamilies().AppendJSON(nil), nil
	})
}

//export nig_ifenum_af_constants
func nig_ifenum_af_constants(out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		return ifenum.AFConstants().AppendJSON(nil), nil
	})
}
