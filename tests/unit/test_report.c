/* Unit tests of core/report: the daily summary's numbers, its alignment by
 * display width with a Chinese community name, the cut-off wording. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/report.h"
#include "core/strbuf.h"
#include "core/textwidth.h"

static void sample(struct daily_stats *s)
{
	memset(s, 0, sizeof *s);
	strcpy(s->date, "2020-02-15");
	strcpy(s->as_of, "2020-02-15 09:30:00");
	xstrset(&s->community, "幸福里社区");
	strcpy(s->am_cutoff, "12:00");
	strcpy(s->pm_cutoff, "20:00");
	s->fever_threshold = 373;
	s->households = 300;
	s->residents = 812;
	s->households_done = 250;
	s->visited = 240;
	s->no_answer = 7;
	s->refused = 1;
	s->away = 2;
	s->visits = 254;
	s->residents_checked = 600;
	s->fevers = 2;
	s->iso[STATS_HOME].active = 10;
	s->iso[STATS_CENTRAL].active = 3;
	s->iso[STATS_HOSPITAL].active = 1;
	s->iso_total.active = 14;
	s->checks_due = 14;
	s->checks_am = 12;
	s->missed_am = 2;
	s->am_over = 1;
	s->cash_donations = 2;
	s->donations = 3;
	s->goods_donations = 1;
	s->cash_fen = 123450;
}

/* The line of out that starts with label, or fails the test. */
static const char *find(const char *out, const char *label)
{
	const char *p = out;

	while (p && *p) {
		if (!strncmp(p, label, strlen(label)) && p[strlen(label)] == ' ')
			return p;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	fail_msg("no line \"%s\" in:\n%s", label, out);
	return NULL;
}

/* The display column where the value after label ends (aligned right). */
static int value_end(const char *out, const char *label)
{
	const char *l = find(out, label), *nl = strchr(l, '\n');
	char *copy = strndup(l, (size_t)(nl - l));
	char *sp = copy + strlen(copy);
	int w;

	while (sp > copy && sp[-1] == ' ')
		sp--;
	*sp = '\0';
	/* the number column: the first number after the label column */
	w = textwidth_utf8(copy);
	free(copy);
	return w;
}

static void test_numbers_and_alignment(void **state)
{
	struct daily_stats s;
	struct strbuf b = STRBUF_INIT;
	const char *out;

	(void)state;
	sample(&s);
	report_format(&s, &b);
	out = strbuf_str(&b);
	assert_non_null(strstr(out, "Daily report: 幸福里社区, 2020-02-15 (as of 09:30)\n"));
	assert_int_equal(value_end(out, "  Households"), value_end(out, "  Residents"));
	assert_int_equal(value_end(out, "  Residents"), value_end(out, "    visited"));
	assert_non_null(strstr(find(out, "  Households visited"), "250 of 300\n"));
	assert_non_null(strstr(find(out, "  Fevers found"), "2 (37.3 °C or more)"));
	assert_non_null(strstr(find(out, "  Active at end of day"), "10        3        1       14\n"));
	assert_non_null(strstr(find(out, "  Morning (AM)"), "12 done, 2 missed"));
	assert_non_null(strstr(find(out, "  Evening (PM)"), "0 done, cut-off 20:00 not reached yet"));
	assert_non_null(strstr(find(out, "    cash"), "2  ¥1,234.50"));
	report_stats_clear(&s);
	strbuf_free(&b);
}

static void test_past_day_has_no_as_of(void **state)
{
	struct daily_stats s;
	struct strbuf b = STRBUF_INIT;

	(void)state;
	sample(&s);
	s.as_of[0] = '\0';
	s.pm_over = 1;
	s.missed_pm = 14;
	report_format(&s, &b);
	assert_non_null(strstr(strbuf_str(&b), "Daily report: 幸福里社区, 2020-02-15\n"));
	assert_non_null(strstr(find(strbuf_str(&b), "  Evening (PM)"), "0 done, 14 missed"));
	report_stats_clear(&s);
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_and_alignment),
		cmocka_unit_test(test_past_day_has_no_as_of),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
