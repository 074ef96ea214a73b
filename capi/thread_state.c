// Per-thread last-error storage and the fork marker. These live in C because Go
// has no thread-local storage; every export runs on its caller's OS thread, so a
// __thread slot set from the export's own goroutine is the caller's.
#include <pthread.h>
#include "capi_internal.h"

static __thread char *last_error;
static __thread char *last_error_json;
static volatile int forked_child;

static void store(char **slot, const char *text, size_t len) {
	char *copy = malloc(len + 1);
	if (copy == NULL) {
		return; /* keep the previous message rather than lose the call's status */
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	free(*slot);
	*slot = copy;
}

void capi_set_last_error(const char *msg, size_t len) {
	store(&last_error, msg, len);
}

void capi_set_last_error_json(const char *json, size_t len) {
	store(&last_error_json, json, len);
}

const char *capi_get_last_error_json(void) {
	return last_error_json;
}

const char *capi_get_last_error(void) {
	return last_error != NULL ? last_error : "";
}

int capi_forked(void) {
	return forked_child;
}

static void mark_child(void) {
	forked_child = 1;
}

__attribute__((constructor)) static void register_fork_marker(void) {
	pthread_atfork(NULL, NULL, mark_child);
}
