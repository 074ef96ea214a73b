/* C runner of the shared vectors (ci/vectors/abi_*.json) against libnetifaces_go.
 *
 *   runner VECTORS.json...
 *
 * Built with -fsanitize=address,undefined: every buffer the library returns is
 * released with nig_free, so LeakSanitizer at exit is the leak gate. At the end it
 * also checks the library's own counters (nig_debug_stats) are back to zero, and
 * exercises the bad-input paths that vectors cannot express (NULL out-pointers,
 * double free). Prints PASS/FAIL per case and a final "N passed, N failed" line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dispatch.h"
#include "netifaces_go.h"

static int passed, failed, skipped;

static void result(int ok, const char *file, const char *name, const char *why) {
	if (ok) {
		passed++;
		printf("PASS %s: %s\n", file, name);
	} else {
		failed++;
		printf("FAIL %s: %s: %s\n", file, name, why);
	}
}

static char *read_file(const char *path) {
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static const char *signature_of(const char *fn) {
	for (const runner_sig *s = runner_signatures; s->name != NULL; s++) {
		if (strcmp(s->name, fn) == 0) {
			return s->sig;
		}
	}
	return NULL;
}

static int hexval(char c) {
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Decodes one vector input into a runner_arg; bytes are malloc'd into *owned. */
static int decode_arg(char kind, const cJSON *v, runner_arg *a, char **owned) {
	memset(a, 0, sizeof *a);
	*owned = NULL;
	if (kind == 'b') {
		if (cJSON_IsNull(v)) {
			return 0;
		}
		if (cJSON_IsString(v)) {
			a->s = v->valuestring;
			a->n = strlen(v->valuestring);
			return 0;
		}
		const cJSON *hex = cJSON_GetObjectItemCaseSensitive(v, "hex");
		const cJSON *rep = cJSON_GetObjectItemCaseSensitive(v, "repeat");
		if (cJSON_IsString(hex)) {
			size_t n = strlen(hex->valuestring) / 2;
			char *b = malloc(n + 1);
			for (size_t i = 0; i < n; i++) {
				b[i] = (char)(hexval(hex->valuestring[2 * i]) << 4 | hexval(hex->valuestring[2 * i + 1]));
			}
			a->s = *owned = b;
			a->n = n;
			return 0;
		}
		if (cJSON_IsString(rep)) {
			size_t unit = strlen(rep->valuestring);
			size_t times = (size_t)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(v, "times"));
			char *b = malloc(unit * times + 1);
			for (size_t i = 0; i < times; i++) {
				memcpy(b + i * unit, rep->valuestring, unit);
			}
			a->s = *owned = b;
			a->n = unit * times;
			return 0;
		}
		return -1;
	}
	if (kind == 'p') {
		const cJSON *ptr = cJSON_GetObjectItemCaseSensitive(v, "ptr");
		a->p = (void *)(uintptr_t)cJSON_GetNumberValue(ptr);
		return 0;
	}
	if (!cJSON_IsNumber(v)) {
		return -1;
	}
	a->u = (uint64_t)v->valuedouble;
	a->i = (int64_t)v->valuedouble;
	return 0;
}

/* Compares two JSON values by their compact printed form (key order matters). */
static int same_json(const cJSON *a, const cJSON *b) {
	char *pa = cJSON_PrintUnformatted(a);
	char *pb = cJSON_PrintUnformatted(b);
	int same = pa != NULL && pb != NULL && strcmp(pa, pb) == 0;
	cJSON_free(pa);
	cJSON_free(pb);
	return same;
}

static int subset_matches(const cJSON *want, const cJSON *got, char *why, size_t whylen) {
	const cJSON *w;
	cJSON_ArrayForEach(w, want) {
		const cJSON *g = cJSON_GetObjectItemCaseSensitive(got, w->string);
		if (g == NULL || !same_json(w, g)) {
			snprintf(why, whylen, "field %s differs", w->string);
			return 0;
		}
	}
	return 1;
}

static void run_case(const char *file, const cJSON *c) {
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "name"));
	const char *fn = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "fn"));
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(c, "in");
	const cJSON *rcj = cJSON_GetObjectItemCaseSensitive(c, "rc");
	char why[512] = "";
	if (name == NULL || fn == NULL) {
		result(0, file, name ? name : "?", "case lacks name or fn");
		return;
	}
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "root")) && geteuid() != 0) {
		const char *ci = getenv("CI");
		if (ci != NULL && strcmp(ci, "true") == 0) {
			result(0, file, name, "needs root, and CI=true forbids skipping");
		} else {
			skipped++;
			printf("SKIP %s: %s: needs root\n", file, name);
		}
		return;
	}
	const char *sig = signature_of(fn);
	if (sig == NULL) {
		result(0, file, name, "fn is not a conventional function of the header");
		return;
	}
	runner_arg args[8];
	char *owned[8] = {0};
	int nin = (int)(strchr(sig, '>') - sig);
	if (nin > 8 || cJSON_GetArraySize(in) != nin) {
		result(0, file, name, "wrong number of inputs for the signature");
		return;
	}
	for (int i = 0; i < nin; i++) {
		if (decode_arg(sig[i], cJSON_GetArrayItem(in, i), &args[i], &owned[i]) != 0) {
			result(0, file, name, "undecodable input");
			goto done;
		}
	}
	char *out = NULL;
	size_t out_len = 0;
	nig_handle h = 0;
	int found = 0;
	int rc = runner_dispatch(fn, args, &out, &out_len, &h, &found);
	int want_rc = rcj ? (int)rcj->valuedouble : 0;
	int ok = found;
	if (!found) {
		snprintf(why, sizeof why, "no dispatch for %s", fn);
	} else if (rc != want_rc) {
		ok = 0;
		snprintf(why, sizeof why, "rc %d, want %d (%s)", rc, want_rc, nig_last_error());
	} else {
		const char *outkind = strchr(sig, '>') + 1;
		cJSON *got = NULL;
		if (*outkind == 'o' || rc != 0) {
			if (*outkind == 'o') {
				got = cJSON_ParseWithLength(out ? out : "", out_len);
			} else {
				char *ej = NULL;
				nig_last_error_json(&ej, NULL);
				got = cJSON_Parse(ej);
				nig_free(ej);
			}
		}
		const cJSON *want;
		if (rc != 0 && (want = cJSON_GetObjectItemCaseSensitive(c, "error")) != NULL) {
			ok = got != NULL && subset_matches(want, got, why, sizeof why);
			const cJSON *msg = cJSON_GetObjectItemCaseSensitive(want, "message");
			if (ok && cJSON_IsString(msg) && strcmp(msg->valuestring, nig_last_error()) != 0) {
				ok = 0;
				snprintf(why, sizeof why, "nig_last_error() is %s", nig_last_error());
			}
		}
		if (ok && (want = cJSON_GetObjectItemCaseSensitive(c, "out")) != NULL) {
			ok = got != NULL && same_json(want, got);
			if (!ok) {
				snprintf(why, sizeof why, "out is %.400s", out ? out : "(null)");
			}
		}
		if (ok && (want = cJSON_GetObjectItemCaseSensitive(c, "out_subset")) != NULL) {
			ok = got != NULL && subset_matches(want, got, why, sizeof why);
		}
		if (ok && (want = cJSON_GetObjectItemCaseSensitive(c, "out_hex")) != NULL) {
			const char *hx = cJSON_GetStringValue(want);
			ok = strlen(hx) == 2 * out_len;
			for (size_t i = 0; ok && i < out_len; i++) {
				ok = ((unsigned char)out[i]) == (hexval(hx[2 * i]) << 4 | hexval(hx[2 * i + 1]));
			}
			if (!ok) {
				snprintf(why, sizeof why, "binary output differs");
			}
		}
		cJSON_Delete(got);
	}
	if (out != NULL && nig_free(out) != NIG_OK) {
		ok = 0;
		snprintf(why, sizeof why, "nig_free of the result failed");
	}
	if (h != 0) {
		nig_close(h);
	}
	result(ok, file, name, why);
done:
	for (int i = 0; i < nin; i++) {
		free(owned[i]);
	}
}

/* Contract checks that need C: NULL out-pointers, double free, version macros. */
static void run_contract_checks(void) {
	const char *f = "contract";
	result(nig_abi_version() == NIG_ABI_VERSION, f, "abi version matches header", "mismatch");
	result(strcmp(nig_version(), NIG_VERSION_STRING) == 0, f, "version matches header", nig_version());
	result(nig_debug_stats(NULL, NULL) == NIG_EINVAL, f, "NULL out is NIG_EINVAL", "accepted NULL");
	result(strstr(nig_last_error(), "NULL") != NULL, f, "NULL out sets last error", nig_last_error());
	char *out = NULL;
	int rc = nig_debug_stats(&out, NULL);
	result(rc == NIG_OK && out != NULL, f, "debug_stats without out_len", "failed");
	result(nig_free(out) == NIG_OK, f, "free result", "failed");
	result(nig_free(out) == NIG_EINVAL, f, "double free is refused", "accepted");
	result(nig_free(NULL) == NIG_OK, f, "free NULL", "failed");
	result(nig_close(0) == NIG_EHANDLE, f, "close 0", "accepted");
}

/* The library's own counters must be back to zero: nothing leaked across the ABI. */
static void check_counters(void) {
	char *out = NULL;
	if (nig_debug_stats(&out, NULL) != NIG_OK) {
		result(0, "final", "debug_stats", nig_last_error());
		return;
	}
	cJSON *j = cJSON_Parse(out);
	nig_free(out);
	double allocs = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "allocations_outstanding"));
	double hs = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "handles_outstanding"));
	char why[128];
	snprintf(why, sizeof why, "allocations_outstanding=%g handles_outstanding=%g", allocs, hs);
	result(allocs == 0 && hs == 0, "final", "no outstanding allocations or handles", why);
	cJSON_Delete(j);
}

int main(int argc, char **argv) {
	for (int i = 1; i < argc; i++) {
		char *text = read_file(argv[i]);
		if (text == NULL) {
			fprintf(stderr, "runner: cannot read %s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		cJSON *cases = cJSON_Parse(text);
		free(text);
		if (!cJSON_IsArray(cases)) {
			fprintf(stderr, "runner: %s is not a JSON list\n", argv[i]);
			return 2;
		}
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		const cJSON *c;
		cJSON_ArrayForEach(c, cases) {
			run_case(base, c);
		}
		cJSON_Delete(cases);
	}
	run_contract_checks();
	check_counters();
	printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed == 0 ? 0 : 1;
}
