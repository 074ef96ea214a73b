/* Lists interfaces and the addresses of "lo" as JSON (netifaces semantics).
 * Every result is the caller's and is released with nig_free. */
#include <stdio.h>
#include <netifaces_go.h>

int main(void) {
	char *json = NULL;
	if (nig_abi_version() != NIG_ABI_VERSION) {
		fprintf(stderr, "ABI mismatch: library %d, header %d\n", nig_abi_version(), NIG_ABI_VERSION);
		return 1;
	}
	printf("netifaces_go %s\n", nig_version());
	if (nig_ifenum_interfaces(NULL, 0, &json, NULL) != NIG_OK) { /* NULL options: this netns */
		fprintf(stderr, "error: %s\n", nig_last_error());
		return 1;
	}
	printf("interfaces: %s\n", json);
	nig_free(json);
	if (nig_ifenum_ifaddresses("lo", NIG_NTS, NULL, 0, &json, NULL) != NIG_OK) {
		fprintf(stderr, "error: %s\n", nig_last_error());
		nig_free(json); /* on failure json holds the error object */
		return 1;
	}
	printf("lo: %s\n", json);
	nig_free(json);
	return 0;
}
