package main

// domainMappers map the core packages' typed errors to a status and Python
// exception kind; each export_*.go file registers one for its package.
var domainMappers []func(err error) (code int, kind string, ok bool)

func registerDomainStatus(m func(err error) (code int, kind string, ok bool)) {
	domainMappers = append(domainMappers, m)
}

func domainStatus(err error) (code int, kind string, ok bool) {
	for _, m := range domainMappers {
		if code, kind, ok := m(err); ok {
			return code, kind, true
		}
	}
	return 0, "", false
}
