/* test_ambiguous: the full-screen program shows no character of East Asian
 * width "ambiguous" (° … — · “” × → ○ ● ▲ box lines ...), which a CJK
 * terminal (xterm -cjk_width, a CJK-configured tmux or PuTTY) draws two
 * columns wide while glibc counts one, so that every column after them
 * moves.  A demo community in zh_CN.UTF-8 at 80x24: every tab, a
 * household's detail, a resident's form, an isolation's check form and its
 * temperature chart (ASCII), the help and a confirmation; every cell of
 * each screen is checked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* Unicode's EastAsianWidth.txt "A" ranges among the symbols (U+00A1-00FF,
 * U+2010-2BFF) and U+FFFD: what a screen could show. */
static const uint32_t ambiguous[][2] = {
    {0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA}, {0x00AD, 0x00AE},
    {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF}, {0x00C6, 0x00C6}, {0x00D0, 0x00D0},
    {0x00D7, 0x00D8}, {0x00DE, 0x00E1}, {0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED},
    {0x00F0, 0x00F0}, {0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
    {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019}, {0x201C, 0x201D}, {0x2020, 0x2022},
    {0x2024, 0x2027}, {0x2030, 0x2030}, {0x2032, 0x2033}, {0x2035, 0x2035}, {0x203B, 0x203B},
    {0x203E, 0x203E}, {0x2074, 0x2074}, {0x207F, 0x207F}, {0x2081, 0x2084}, {0x20AC, 0x20AC},
    {0x2103, 0x2103}, {0x2105, 0x2105}, {0x2109, 0x2109}, {0x2113, 0x2113}, {0x2116, 0x2116},
    {0x2121, 0x2122}, {0x2126, 0x2126}, {0x212B, 0x212B}, {0x2153, 0x2154}, {0x215B, 0x215E},
    {0x2160, 0x216B}, {0x2170, 0x2179}, {0x2189, 0x2189}, {0x2190, 0x2199}, {0x21B8, 0x21B9},
    {0x21D2, 0x21D2}, {0x21D4, 0x21D4}, {0x21E7, 0x21E7}, {0x2200, 0x2200}, {0x2202, 0x2203},
    {0x2207, 0x2208}, {0x220B, 0x220B}, {0x220F, 0x220F}, {0x2211, 0x2211}, {0x2215, 0x2215},
    {0x221A, 0x221A}, {0x221D, 0x2220}, {0x2223, 0x2223}, {0x2225, 0x2225}, {0x2227, 0x222C},
    {0x222E, 0x222E}, {0x2234, 0x2237}, {0x223C, 0x223D}, {0x2248, 0x2248}, {0x224C, 0x224C},
    {0x2252, 0x2252}, {0x2260, 0x2261}, {0x2264, 0x2267}, {0x226A, 0x226B}, {0x226E, 0x226F},
    {0x2282, 0x2283}, {0x2286, 0x2287}, {0x2295, 0x2295}, {0x2299, 0x2299}, {0x22A5, 0x22A5},
    {0x22BF, 0x22BF}, {0x2312, 0x2312}, {0x2460, 0x24E9}, {0x24EB, 0x254B}, {0x2550, 0x2573},
    {0x2580, 0x258F}, {0x2592, 0x2595}, {0x25A0, 0x25A1}, {0x25A3, 0x25A9}, {0x25B2, 0x25B3},
    {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C8}, {0x25CB, 0x25CB},
    {0x25CE, 0x25D1}, {0x25E2, 0x25E5}, {0x25EF, 0x25EF}, {0x2605, 0x2606}, {0x2609, 0x2609},
    {0x260E, 0x260F}, {0x261C, 0x261C}, {0x261E, 0x261E}, {0x2640, 0x2640}, {0x2642, 0x2642},
    {0x2660, 0x2661}, {0x2663, 0x2665}, {0x2667, 0x266A}, {0x266C, 0x266D}, {0x266F, 0x266F},
    {0x269E, 0x269F}, {0x26BF, 0x26BF}, {0x26C6, 0x26CD}, {0x26CF, 0x26D3}, {0x26D5, 0x26E1},
    {0x26E3, 0x26E3}, {0x26E8, 0x26E9}, {0x26EB, 0x26F1}, {0x26F4, 0x26F4}, {0x26F6, 0x26F9},
    {0x26FB, 0x26FC}, {0x26FE, 0x26FF}, {0x273D, 0x273D}, {0x2776, 0x277F}, {0x2B56, 0x2B59},
    {0xFFFD, 0xFFFD},
};

static int is_ambiguous(uint32_t cp)
{
	for (size_t i = 0; i < sizeof ambiguous / sizeof ambiguous[0]; i++)
		if (cp >= ambiguous[i][0] && cp <= ambiguous[i][1])
			return 1;
	return 0;
}

/* Decodes one UTF-8 character (the screen text is valid UTF-8). */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	if ((s[0] & 0xE0) == 0xC0)
		return *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F), 2;
	if ((s[0] & 0xF0) == 0xE0)
		return *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
			     (s[2] & 0x3F),
		       3;
	*cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
	      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return 4;
}

static void check_screen(struct harness *h, const char *where)
{
	char *text;
	const unsigned char *p;
	int row = 0;

	harness_settle(h, 300, 3000);
	text = harness_screen_text(h);
	for (p = (const unsigned char *)text; *p;) {
		uint32_t cp;
		size_t n = decode(p, &cp);

		if (cp == '\n')
			row++;
		if (is_ambiguous(cp)) {
			harness_dump(h, stderr);
			HCHECK(h, 0, "%s: U+%04X on row %d", where, (unsigned)cp, row);
		}
		p += n;
	}
	free(text);
}

int main(void)
{
	char *dir, demo[600], *out = NULL;
	static const char *env[] = {"DOORSTEP_NOW=" HARNESS_NOW, "LANG=zh_CN.UTF-8",
				    "LC_ALL=zh_CN.UTF-8", "TERM=xterm", NULL};
	const char *dargs[] = {"--db", demo, "demo", "--households", "30", "--days", "10", NULL};
	const char *args[] = {"--db", demo, "--staff", "李明", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h;
	char *db = harness_new_db(&dir);

	snprintf(demo, sizeof demo, "%s/demo.db", dir);
	HCHECK(NULL, harness_run(env, dargs, &out, 20000) == 0, "demo failed: %s", out);
	free(out);
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "cannot start");
	HWAIT(h, "1 今日", 5000);
	/* Rounds and the gate last: there a digit is a temperature or a pass
	 * number, not a tab */
	for (const char *k = "1245679"; *k; k++) {
		char key[2] = {*k, 0}, where[16];

		harness_type(h, key);
		snprintf(where, sizeof where, "tab %s", key);
		check_screen(h, where);
	}
	harness_type(h, "4");
	harness_settle(h, 300, 3000);
	harness_key(h, "Enter");
	check_screen(h, "isolation check form");
	harness_key(h, "Esc");
	harness_settle(h, 300, 3000);
	/* the temperature chart: ASCII, a reading and the threshold row */
	harness_type(h, "t");
	HWAIT(h, "的体温（上午、下午）", 3000);
	check_screen(h, "temperature chart");
	HCHECK(h, harness_has_text(h, "|---"), "no threshold row in the chart");
	HCHECK(h, harness_has_text(h, "*"), "no reading in the chart");
	HCHECK(h, harness_has_text(h, "37.3 |"), "no threshold label in the chart");
	harness_key(h, "Esc");
	harness_type(h, "2");
	harness_settle(h, 300, 3000);
	harness_key(h, "Enter");
	check_screen(h, "household detail");
	harness_type(h, "e");
	check_screen(h, "resident form");
	harness_key(h, "Esc");
	harness_key(h, "Esc");
	harness_settle(h, 300, 3000);
	harness_type(h, "?");
	check_screen(h, "help");
	harness_key(h, "Esc");
	harness_type(h, "2");
	harness_settle(h, 300, 3000);
	harness_type(h, "d");
	check_screen(h, "delete confirmation");
	harness_key(h, "Esc");
	harness_type(h, "3");
	check_screen(h, "tab 3");
	harness_key(h, "Tab");
	harness_settle(h, 300, 3000);
	harness_type(h, "8");
	check_screen(h, "tab 8");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	puts("ok");
	return 0;
}
