/* Tests of core/auditfmt: the audit log's JSON as readable text, Chinese
 * values, escapes, and text that is not of the expected shape. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/auditfmt.h"
#include "core/json.h"

static void expect(const char *json, const char *sep, int n, const char *text)
{
	struct strbuf b = STRBUF_INIT;

	assert_int_equal(auditfmt_changes(json, sep, &b), n);
	assert_string_equal(strbuf_str(&b), text);
	strbuf_free(&b);
}

static void test_shapes(void **state)
{
	(void)state;
	expect("{}", "; ", 0, "");
	expect("{\"name\":\"张三\",\"age\":42}", "; ", 2, "name: 张三; age: 42");
	expect("{\"phone\":[\"13800000000\",\"13912345678\"]}", "\n", 1,
	       "phone: 138****0000 → 139****5678");
	expect("{\"notes\":[null,\"\"], \"x\": [ \"a\" , null ] }", "; ", 2,
	       "notes: — → \"\"; x: a → —");
	expect("{\"q\":\"say \\\"hi\\\"\\n\\u5f20\\ud83d\\ude00\"}", "; ", 1, "q: say \"hi\"\n张😀");
	expect("{\"active\":true,\"t\":-36.5}", "; ", 2, "active: true; t: -36.5");
}

/* The history shows ID numbers and phones masked, like every other view. */
static void test_masked_fields(void **state)
{
	(void)state;
	expect("{\"name\":\"张三\",\"id_number\":\"11010519491231002X\"}", "; ", 2,
	       "name: 张三; id_number: 110105********002X");
	expect("{\"id_number\":[null,\"11010519491231002X\"]}", "; ", 1,
	       "id_number: — → 110105********002X");
	expect("{\"household_phone\":\"0398-2812345\"}", "; ", 1, "household_phone: 0398-****345");
}

static void test_roundtrip_with_writer(void **state)
{
	struct strbuf j = STRBUF_INIT;

	(void)state;
	json_open(&j);
	json_add_str(&j, "code", "3-2-501");
	json_add_change(&j, "head", "王小明", "王 \"大\" 明");
	json_add_int(&j, "residents", 3);
	json_close(&j);
	expect(strbuf_str(&j), "; ", 3, "code: 3-2-501; head: 王小明 → 王 \"大\" 明; residents: 3");
	strbuf_free(&j);
}

static void test_not_json(void **state)
{
	(void)state;
	expect("revealed id_number", "; ", -1, "revealed id_number");
	expect("{\"a\":", "; ", -1, "{\"a\":");
	expect("{\"a\":1} trailing", "; ", -1, "{\"a\":1} trailing");
	expect("{\"a\":[1,2,3]}", "; ", -1, "{\"a\":[1,2,3]}");
	expect(NULL, "; ", -1, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shapes),
	    cmocka_unit_test(test_masked_fields),
	    cmocka_unit_test(test_roundtrip_with_writer),
	    cmocka_unit_test(test_not_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
