package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPanicBecomesInternalError(t *testing.T) {
	rc, obj, last := callPanicking()
	if rc != statusInternal {
		t.Fatalf("rc = %d, want NIG_EINTERNAL (%d)", rc, statusInternal)
	}
	var e errorJSON
	if err := json.Unmarshal(obj, &e); err != nil {
		t.Fatalf("error object %q: %v", obj, err)
	}
	if e.Code != statusInternal || e.Kind != "RuntimeError" || !strings.HasPrefix(e.Message, "internal panic: assignment to entry in nil map") {
		t.Errorf("error object = %+v", e)
	}
	if !strings.HasPrefix(last, "internal panic:") {
		t.Errorf("nig_last_error() = %q", last)
	}
	if allocs, _ := outstanding(); allocs != 0 {
		t.Errorf("%d allocations outstanding", allocs)
	}
}
