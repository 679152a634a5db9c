/* Tests of core/sheet (the model and its pagination) and core/sheet_text
 * (aligned text by display width). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/sheet.h"
#include "core/sheet_text.h"
#include "core/textwidth.h"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* A form of n rows, each of `lines` lines. */
static struct sheet *form(int n, int lines)
{
	struct sheet *s = sheet_new("走访登记表", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);

	sheet_column_add(t, "户号", 10, SHEET_LEFT);
	sheet_column_add(t, "体温", 8, SHEET_CENTER);
	for (int i = 0; i < n; i++) {
		sheet_row_add(t, 0);
		sheet_cellf(t, "%d-1-101", i + 1);
		sheet_cell_boxes(t, lines);
	}
	return s;
}

/* Body lines of a form page under the A4 portrait geometry. */
static int form_lines_per_page(void)
{
	struct sheet_geometry g;

	sheet_geometry_get(SHEET_PORTRAIT, &g);
	return (int)((g.page_h - 2 * g.margin - g.header_h - g.footer_h - g.colhead_h) /
		     g.line_form);
}

static void test_cells(void **state)
{
	struct sheet *s = sheet_new("t", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, "caption", SHEET_TABLE_LIST);

	(void)state;
	sheet_column_add(t, "a", 4, SHEET_LEFT);
	sheet_column_add(t, "b", 4, SHEET_LEFT);
	sheet_row_add(t, 0);
	sheet_cell(t, "张三\n李四\n王五");
	sheet_cell_boxes(t, 2);
	sheet_cell(t, "dropped: the row is full");
	sheet_row_add(t, SHEET_ROW_TOTAL);
	sheet_cell_boxes(t, 4);
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->rows[0].lines, 3);
	assert_string_equal(t->rows[0].cells[0].text, "张三\n李四\n王五");
	assert_int_equal(t->rows[0].cells[1].boxes, 2);
	assert_int_equal(t->rows[1].lines, 4);
	assert_null(t->rows[1].cells[1].text); /* not filled: drawn empty */
	sheet_header_add(s, "网格", NULL);
	assert_string_equal(s->fields[0].value, "—");
	assert_int_equal(s->nsignatures, 2);
	assert_string_equal(s->signatures[0], "填表人");
	assert_string_equal(s->signatures[1], "审核人");
	sheet_signatures_set(s, "经手人", (char *)NULL);
	assert_int_equal(s->nsignatures, 1);
	sheet_free(&s);
	assert_null(s);
	sheet_free(&s);
}

static void test_pages_follow_rows(void **state)
{
	struct sheet_geometry g;
	struct sheet_pages p;
	int per = form_lines_per_page();
	struct sheet *s;

	(void)state;
	assert_int_equal(per, 32); /* the docs promise 32 lines a page */
	sheet_geometry_get(SHEET_PORTRAIT, &g);
	s = form(1000, 1);
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.npages, (1000 + per - 1) / per);
	sheet_pages_free(&p);
	sheet_free(&s);

	/* two residents a household: 16 households a page, 1000 → 63 pages */
	s = form(1000, 2);
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.npages, 63);
	for (int i = 0; i < p.nslices; i++)
		assert_true(p.slices[i].count == 16 || i == p.nslices - 1);
	sheet_pages_free(&p);
	sheet_free(&s);

	/* exactly one page full, then one row more */
	s = form(per, 1);
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.npages, 1);
	sheet_pages_free(&p);
	sheet_free(&s);
	s = form(per + 1, 1);
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.npages, 2);
	assert_int_equal(p.slices[1].first, per);
	assert_int_equal(p.slices[1].count, 1);
	sheet_pages_free(&p);
	sheet_free(&s);
}

static void test_no_row_split(void **state)
{
	struct sheet_geometry g;
	struct sheet_pages p;
	struct sheet *s = form(100, 3);
	int per = form_lines_per_page(), seen = 0;

	(void)state;
	sheet_geometry_get(SHEET_PORTRAIT, &g);
	sheet_paginate(s, &g, &p);
	for (int i = 0; i < p.nslices; i++) {
		assert_int_equal(p.slices[i].page, i);
		assert_int_equal(p.slices[i].first, seen);
		assert_int_equal(p.slices[i].count, per / 3); /* 10 rows of 3 lines, not 10⅔ */
		seen += p.slices[i].count;
	}
	assert_int_equal(seen, 100);
	sheet_pages_free(&p);
	sheet_free(&s);

	/* a row taller than a page (a household of 40) is split at a line
	 * boundary: it starts under the rows before it, continues on the next
	 * page, and every line is on exactly one page */
	s = form(3, 1);
	sheet_row_add(s->tables[0], 0);
	sheet_cell(s->tables[0], "big");
	sheet_cell_boxes(s->tables[0], per + 5);
	sheet_row_add(s->tables[0], 0);
	sheet_cell(s->tables[0], "after");
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.npages, 2);
	assert_int_equal(p.nslices, 2);
	assert_int_equal(p.slices[0].first, 0);
	assert_int_equal(p.slices[0].count, 4);
	assert_int_equal(p.slices[0].line0, 0);
	assert_int_equal(p.slices[0].line1, per - 3);
	assert_int_equal(p.slices[1].first, 3);
	assert_int_equal(p.slices[1].count, 2);
	assert_int_equal(p.slices[1].line0, per - 3);
	assert_int_equal(p.slices[1].line1, 0);
	assert_int_equal(p.slices[1].page, 1);
	sheet_pages_free(&p);
	sheet_free(&s);

	/* three pages' worth in one row: split over four pages, no line lost */
	s = form(1, 1);
	sheet_row_add(s->tables[0], 0);
	sheet_cell(s->tables[0], "huge");
	sheet_cell_boxes(s->tables[0], 3 * per);
	sheet_paginate(s, &g, &p);
	{
		int lines = 0;

		for (int i = 0; i < p.nslices; i++) {
			const struct sheet_slice *sl = &p.slices[i];
			int last = sl->first + sl->count - 1;

			for (int r = sl->first; r <= last; r++) {
				int from = r == sl->first ? sl->line0 : 0;
				int to = r == last && sl->line1 ? sl->line1 : s->tables[0]->rows[r].lines;

				assert_true(to > from);
				lines += to - from;
			}
		}
		assert_int_equal(lines, 1 + 3 * per);
	}
	assert_int_equal(p.npages, 4);
	sheet_pages_free(&p);
	sheet_free(&s);
}

static void test_wrap(void **state)
{
	struct strbuf b = STRBUF_INIT;
	struct sheet *s = sheet_new("t", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);

	(void)state;
	sheet_wrap("阿卜杜热合曼·买买提明", 8, &b);
	assert_string_equal(strbuf_str(&b), "阿卜杜热\n合曼·\n买买提明");
	strbuf_reset(&b);
	sheet_wrap("宏达物业 服务有限公司", 12, &b);
	assert_string_equal(strbuf_str(&b), "宏达物业\n服务有限公司");
	strbuf_reset(&b);
	sheet_wrap("张三\n李四", 8, &b); /* short lines stay as they are */
	assert_string_equal(strbuf_str(&b), "张三\n李四");
	strbuf_reset(&b);
	sheet_wrap("2020-A-0001", 4, &b);
	assert_string_equal(strbuf_str(&b), "2020\n-A-0\n001");
	strbuf_reset(&b);
	sheet_wrap("张", 1, &b); /* a character wider than the column stands alone */
	assert_string_equal(strbuf_str(&b), "张");
	strbuf_free(&b);
	assert_int_equal(sheet_text_lines("阿卜杜热合曼·买买提明", 8), 3);

	/* the row grows with the wrapped cell */
	sheet_column_add(t, "姓名", 8, SHEET_LEFT);
	sheet_row_add(t, 0);
	sheet_cell(t, "阿卜杜热合曼·买买提明");
	assert_int_equal(t->rows[0].lines, 3);
	sheet_free(&s);
}

static void test_tables_and_captions(void **state)
{
	struct sheet_geometry g;
	struct sheet_pages p;
	struct sheet *s = sheet_new("捐赠公示", SHEET_PORTRAIT);
	struct sheet_table *a = sheet_table_add(s, "一、捐赠明细", SHEET_TABLE_LIST);
	struct sheet_table *b = sheet_table_add(s, "二、物资发放", SHEET_TABLE_LIST);
	double avail;
	int fit;

	(void)state;
	sheet_geometry_get(SHEET_PORTRAIT, &g);
	avail = g.page_h - 2 * g.margin - g.header_h - g.footer_h;
	sheet_column_add(a, "收据号", 12, SHEET_LEFT);
	sheet_column_add(b, "物资", 12, SHEET_LEFT);
	/* fill the first page with table a so that b's caption, header and one
	 * row no longer fit under it: b must start on page 2, caption and all */
	fit = (int)((avail - g.caption_h - g.colhead_h) / g.line_list);
	for (int i = 0; i < fit - 1; i++) {
		sheet_row_add(a, 0);
		sheet_cellf(a, "2020-A-%04d", i + 1);
	}
	sheet_row_add(b, 0);
	sheet_cell(b, "口罩");
	sheet_table_add(s, "三、物资结存", SHEET_TABLE_LIST); /* empty: still shown */
	sheet_paginate(s, &g, &p);
	assert_int_equal(p.nslices, 3);
	assert_int_equal(p.slices[0].page, 0);
	assert_int_equal(p.slices[0].count, fit - 1);
	assert_true(p.slices[0].caption);
	assert_int_equal(p.slices[1].page, 1);
	assert_int_equal(p.slices[1].table, 1);
	assert_true(p.slices[1].caption);
	assert_int_equal(p.slices[2].table, 2);
	assert_int_equal(p.slices[2].count, 0);
	assert_int_equal(p.npages, 2);
	sheet_pages_free(&p);

	/* continuation slices repeat the column header, not the caption */
	for (int i = 0; i < 200; i++) {
		sheet_row_add(b, 0);
		sheet_cell(b, "消毒液");
	}
	sheet_paginate(s, &g, &p);
	assert_true(p.nslices > 3);
	assert_true(p.slices[1].caption);
	assert_false(p.slices[2].caption);
	assert_int_equal(p.slices[2].table, 1);
	sheet_pages_free(&p);
	sheet_free(&s);
}

/* Every line of the text between the first and last rule of a table has the
 * same display width, and the '|' fall in the same columns. */
static void assert_aligned(const char *text)
{
	const char *p = text;
	int width = -1, rows = 0;
	char first_bars[256] = "";

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);

		if (line[0] == '|' || line[0] == '+') {
			char bars[256];
			int col = 0, nb = 0;

			if (width < 0)
				width = textwidth_utf8(line);
			assert_int_equal(textwidth_utf8(line), width);
			/* columns of the separators */
			for (const char *q = line; *q && nb < 250;) {
				size_t one = 1;

				while ((q[one] & 0xc0) == 0x80)
					one++;
				char *ch = strndup(q, one);
				if (*q == '|' || *q == '+')
					bars[nb++] = (char)(col % 250 + 1);
				col += textwidth_utf8(ch);
				free(ch);
				q += one;
			}
			bars[nb] = '\0';
			if (line[0] == '|' && strchr(line + 1, '|') && rows++ == 0)
				strcpy(first_bars, bars);
			else if (line[0] == '|' && nb > 2)
				assert_string_equal(bars, first_bars);
		}
		free(line);
		p += len + (nl != NULL);
	}
	assert_true(rows > 0);
}

static void test_text_alignment(void **state)
{
	struct sheet *s = sheet_new("走访登记表", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	char *text;

	(void)state;
	sheet_header_add(s, "社区", "幸福里社区");
	sheet_column_add(t, "户号", 10, SHEET_LEFT);
	sheet_column_add(t, "居民", 8, SHEET_LEFT);
	sheet_column_add(t, "电话", 11, SHEET_RIGHT);
	sheet_column_add(t, "体温", 6, SHEET_CENTER);
	sheet_row_add(t, 0);
	sheet_cell(t, "3-2-501");
	sheet_cell(t, "张三\n欧阳娜娜娜娜娜娜\nAnna");
	sheet_cell(t, "138****5678");
	sheet_cell_boxes(t, 3);
	sheet_row_add(t, 0);
	sheet_cell(t, "高河村3组12号");
	sheet_cell(t, "李四");
	sheet_cell(t, "");
	sheet_cell_boxes(t, 1);
	text = sheet_render_text(s);
	assert_aligned(text);
	assert_non_null(strstr(text, "社区：幸福里社区"));
	/* columns grow to their widest value: nothing is cut */
	assert_non_null(strstr(text, "| 欧阳娜娜娜娜娜娜 |"));
	assert_non_null(strstr(text, "| 张三             |"));
	assert_non_null(strstr(text, "| [    ] |"));
	assert_non_null(strstr(text, "| 高河村3组12号 |"));
	assert_null(strstr(text, "…"));
	assert_non_null(strstr(text, "填表人："));
	assert_non_null(strstr(text, "审核人："));
	free(text);
	sheet_free(&s);
}

static void test_text_wrap(void **state)
{
	struct sheet *s = sheet_new("捐赠公示", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	char *text, *long_reason = NULL;

	(void)state;
	sheet_column_add(t, "收据号", 12, SHEET_LEFT);
	sheet_column_add(t, "作废原因", 10, SHEET_LEFT);
	/* 60 columns: wider than SHEET_TEXT_MAX_COLS, so it wraps at 40 */
	long_reason = strdup("捐赠人要求更正金额并重新开具收据，原收据已收回销毁存档备查");
	sheet_row_add(t, 0);
	sheet_cell(t, "2020-A-0001");
	sheet_cell(t, long_reason);
	sheet_row_add(t, 0);
	sheet_cell(t, "2020-A-0002");
	sheet_cell(t, "短");
	text = sheet_render_text(s);
	assert_aligned(text);
	/* broken after the comma in the line's second half */
	assert_non_null(strstr(text, "| 2020-A-0001 | 捐赠人要求更正金额并重新开具收据，       |"));
	assert_non_null(strstr(text, "|             | 原收据已收回销毁存档备查                 |"));
	/* a multi-line row is ruled off from the next */
	assert_non_null(strstr(text, "备查                 |\n+-"));
	free(long_reason);
	free(text);
	sheet_free(&s);
}

static void test_text_plain(void **state)
{
	struct sheet *s = sheet_new("隔离人员健康监测表", SHEET_LANDSCAPE);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	char *p, *text;

	(void)state;
	p = sheet_text_plain("体温 37.3℃ 或 37.3 °C…“无”—阿卜杜热合曼·买买提明▁█");
	assert_string_equal(p, "体温 37.3C 或 37.3 C...「无」-阿卜杜热合曼・买买提明_#");
	free(p);
	sheet_header_add(s, "网格", NULL); /* "—" in the model */
	sheet_note_set(s, "体温达到 37.3℃ 即为发热");
	sheet_column_add(t, "体温(℃)", 8, SHEET_LEFT);
	sheet_row_add(t, 0);
	sheet_cell(t, "阿卜杜热合曼·买买提明");
	text = sheet_render_text(s);
	assert_aligned(text);
	for (const char *amb = "℃°…—·“”"; *amb;) {
		char one[5] = {0};
		int n = (*amb & 0xe0) == 0xc0 ? 2 : 3;

		memcpy(one, amb, (size_t)n);
		assert_null(strstr(text, one));
		amb += n;
	}
	assert_non_null(strstr(text, "阿卜杜热合曼・买买提明"));
	assert_non_null(strstr(text, "体温(C)")); /* 体温(度) in zh_CN */
	free(text);
	sheet_free(&s);
}

static void test_text_empty_table(void **state)
{
	struct sheet *s = sheet_new("隔离人员健康监测表", SHEET_LANDSCAPE);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	char *text;

	(void)state;
	sheet_column_add(t, "姓名", 8, SHEET_LEFT);
	sheet_column_add(t, "上午", 16, SHEET_CENTER);
	sheet_table_empty_set(t, "（当日没有隔离人员）");
	text = sheet_render_text(s);
	assert_non_null(strstr(text, "（当日没有隔离人员）"));
	assert_aligned(text);
	free(text);
	sheet_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cells),	   cmocka_unit_test(test_pages_follow_rows),
	    cmocka_unit_test(test_no_row_split),   cmocka_unit_test(test_tables_and_captions),
	    cmocka_unit_test(test_text_alignment), cmocka_unit_test(test_text_empty_table),
	    cmocka_unit_test(test_wrap),		cmocka_unit_test(test_text_wrap),
	    cmocka_unit_test(test_text_plain),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
