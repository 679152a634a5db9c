/* test_outdir: one output folder (issue 22).  The folder set in Settings
 * (here ~/导出) is shown in the Settings form, the Export form and the
 * Sheets tab; an export with no file name and a sheet's PDF land there.
 * zh_CN at 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static void file_appears(struct harness *h, const char *path)
{
	for (int waited = 0; waited <= 5000; waited += 50) {
		if (access(path, R_OK) == 0)
			return;
		harness_pump(h, 50);
	}
	HCHECK(h, 0, "%s was not written", path);
}

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], home[700], out[800], file[900], *s;
	const char *env[5];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h;
	int st;

	snprintf(home, sizeof home, "HOME=%s", dir);
	snprintf(out, sizeof out, "%s/导出", dir);
	HCHECK(NULL, mkdir(out, 0700) == 0, "mkdir %s", out);
	s = harness_sql(db, "UPDATE settings SET output_dir = '~/导出'");
	HCHECK(NULL, s != NULL, "fixture");
	free(s);
	harness_db_env(db, buf, env);
	env[2] = "LANG=zh_CN.UTF-8";
	env[3] = home;
	env[4] = NULL;
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "今日", 5000);

	harness_key(h, "F2");
	HWAIT(h, "输出文件夹", 3000);
	HWAIT(h, "~/导出", 3000);
	harness_key(h, "Esc");
	HGONE(h, "输出文件夹", 3000);

	harness_type(h, "7");
	harness_settle(h, 150, 2000);
	harness_key(h, "Enter");
	HWAIT(h, "~/导出", 3000);
	harness_key(h, "F10");
	snprintf(file, sizeof file, "%s/residents-2020-02-15.csv", out);
	file_appears(h, file);

	harness_type(h, "6");
	HWAIT(h, "~/导出", 3000);
	harness_type(h, "s");
	snprintf(file, sizeof file, "%s/rounds-2020-02-15.pdf", out);
	file_appears(h, file);

	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
