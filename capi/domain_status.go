package main

// domainStatus maps the core packages' typed errors to a status and Python
// exception kind. Each core package contributes one case here.
func domainStatus(err error) (code int, kind string, ok bool) {
	return 0, "", false
}
