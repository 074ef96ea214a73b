/* Prints the library version and its diagnostics; every result is freed with nig_free. */
#include <stdio.h>
#include <netifaces_go.h>

int main(void) {
	char *json = NULL;
	if (nig_abi_version() != NIG_ABI_VERSION) {
		fprintf(stderr, "ABI mismatch: library %d, header %d\n", nig_abi_version(), NIG_ABI_VERSION);
		return 1;
	}
	printf("netifaces_go %s\n", nig_version());
	if (nig_debug_stats(&json, NULL) != NIG_OK) {
		fprintf(stderr, "error: %s\n", nig_last_error());
		return 1;
	}
	printf("%s\n", json);
	nig_free(json);
	return 0;
}
