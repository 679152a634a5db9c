/* libFuzzer harness of the audit history's formatter (core/auditfmt).
 * Twice per input: the bytes as the stored JSON (a text it cannot read is
 * shown exactly as it is), and the bytes cut at 0x00 into the members of a
 * JSON object built the way db_audit builds one (core/json), inserts and
 * updates mixed: then every member is read back, and no ID number or phone
 * of 11 or more digits shows whole in the history. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/auditfmt.h"
#include "core/json.h"
#include "core/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const keys[] = {"id_number", "phone", "household_phone", "name", "notes"};
#define NKEYS (sizeof keys / sizeof keys[0])

/* 1 when v is 11 or more digits (an X allowed last), a number masking hides. */
static int maskable(const char *v)
{
	size_t n = v ? strlen(v) : 0, d = strspn(v ? v : "", "0123456789");

	return n >= 11 && (d == n || (d == n - 1 && (v[n - 1] == 'X' || v[n - 1] == 'x')));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *piece[64], *hidden[64];
	struct strbuf out = STRBUF_INIT, json = STRBUF_INIT, shown = STRBUF_INIT;
	size_t np = 0, nh = 0, start = 0;
	int members = 0;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (auditfmt_changes(s, "; ", &out) < 0 && strcmp(strbuf_str(&out), s) != 0)
		abort();
	strbuf_reset(&out);

	for (size_t i = 0; i <= size && np < 64; i++)
		if (i == size || s[i] == '\0') {
			piece[np++] = s + start;
			start = i + 1;
		}
	json_open(&json);
	for (size_t i = 0; i + 1 < np; i += 2) {
		const char *key = keys[(unsigned char)piece[i][0] % NKEYS];
		int masked = !strcmp(key, "id_number") || strstr(key, "phone");

		if ((unsigned char)piece[i][0] & 0x80) { /* an update: old, new */
			const char *old_v = piece[i + 1][0] ? piece[i + 1] : NULL;
			const char *new_v = i + 2 < np ? piece[i + 2] : "";

			json_add_change(&json, key, old_v, new_v);
			if (masked && maskable(old_v))
				hidden[nh++] = old_v;
			if (masked && maskable(new_v))
				hidden[nh++] = new_v;
			if (!masked)
				strbuf_printf(&shown, "%s\n%s\n", old_v ? old_v : "", new_v);
			i++;
		} else {
			json_add_str(&json, key, piece[i + 1]);
			if (masked && maskable(piece[i + 1]))
				hidden[nh++] = piece[i + 1];
			if (!masked)
				strbuf_printf(&shown, "%s\n", piece[i + 1]);
		}
		members++;
	}
	json_close(&json);
	if (auditfmt_changes(strbuf_str(&json), "\n", &out) != members)
		abort();
	/* (a number that an unmasked field also holds is shown there) */
	for (size_t i = 0; i < nh; i++)
		if (strstr(strbuf_str(&out), hidden[i]) && !strstr(strbuf_str(&shown), hidden[i]))
			abort();
	strbuf_free(&json);
	strbuf_free(&shown);
	strbuf_free(&out);
	free(s);
	return 0;
}
