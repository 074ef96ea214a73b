// Command capi is the C ABI of netifaces-go, built with -buildmode=c-shared into
// libnetifaces_go.so. include/netifaces_go.h is the contract: the preamble below
// includes it so the compiler checks every //export against its prototype.
//
// Every export goes through call() (status.go), which recovers panics, maps Go
// errors to status codes in one place and records the per-thread last error.
package main

/*
#cgo CFLAGS: -I${SRCDIR}/../include -std=gnu99 -Wall -Werror
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

func main() {}
