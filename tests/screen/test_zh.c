/* test_zh: under LANG=zh_CN.UTF-8 the Households screen speaks Chinese: tab
 * titles, column titles, forms, messages and the key hints, with CJK text
 * in its columns and nothing cut in half. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600];
	const char *env[4];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	char *row;

	harness_db_env(db, buf, env);
	env[2] = "LANG=zh_CN.UTF-8";
	env[3] = NULL;
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "1 今日", 5000);
	HWAIT(h, "2 住户", 1000);
	HWAIT(h, "8 卡点", 1000);
	harness_type(h, "2");
	HWAIT(h, "尚无住户：按 n 添加第一户。", 3000);
	HWAIT(h, "户号", 1000);
	HWAIT(h, "户主", 1000);
	HWAIT(h, "最近走访", 1000);
	HWAIT(h, "n 新增", 1000); /* the hint line */
	harness_type(h, "n");
	HWAIT(h, "新增住户", 3000);
	HWAIT(h, "网格", 1000);
	harness_type(h, "高河村3组12号");
	harness_key(h, "F10");
	HWAIT(h, "已添加住户 高河村3组12号", 3000);
	HWAIT(h, "住户：1", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "居民 (0)", 3000);
	harness_type(h, "n");
	HWAIT(h, "新增居民", 3000);
	HWAIT(h, "与户主关系", 1000);
	harness_type(h, "欧阳娜娜");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "110101199003074515");
	harness_key(h, "Tab");
	HWAIT(h, "身份证号：校验位应为 4，而不是 5", 3000); /* core's reason, translated */
	harness_key(h, "F10");	       /* refused: the ID number has the focus again */
	harness_pump(h, 200);
	harness_key(h, "C-u");
	harness_key(h, "F10");
	HWAIT(h, "已添加 欧阳娜娜", 3000);
	HWAIT(h, "户主", 1000);
	harness_key(h, "Esc");
	HWAIT(h, "住户：1", 3000);
	harness_type(h, "/oynn");
	HWAIT(h, "筛选：", 3000);
	HWAIT(h, "欧阳娜娜", 3000);
	/* The row holds the code and the head, each whole. */
	{
		int r, c;

		HCHECK(h, harness_find(h, "高河村3组12号", &r, &c), "no row");
		row = harness_row_text(h, r);
		HCHECK(h, strstr(row, "欧阳娜娜") != NULL, "row \"%s\"", row);
		free(row);
	}
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
