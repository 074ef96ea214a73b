module github.com/netifaces-go/netifaces-go

go 1.26.8

require (
	github.com/gaissmai/bart v0.30.0
	github.com/mdlayher/netlink v1.11.2
	go4.org/netipx v0.0.0-20260823151212-3075585bcbeb
	golang.org/x/sys v0.49.0
)

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/mdlayher/socket v0.6.0 // indirect
	golang.org/x/net v0.53.0 // indirect
	golang.org/x/sync v0.20.0 // indirect
)
