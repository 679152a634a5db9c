/* rmbupper: money in Chinese capital numerals; see rmbupper.h. */
#include "core/rmbupper.h"

#include <stdio.h>
#include <string.h>

#include "core/money.h"

static const char *const digit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const place[] = {"", "拾", "佰", "仟"};
/* every four places: 万, 亿, and 兆 (10^12) for the largest amounts */
static const char *const group[] = {"", "万", "亿", "兆"};

static void put(char *out, size_t n, size_t *used, const char *s)
{
	size_t len = strlen(s);

	if (*used + len < n) {
		memcpy(out + *used, s, len + 1);
		*used += len;
	}
}

int rmbupper_format(long long fen, char *out, size_t n)
{
	int d[16], nd = 0, jiao, fen1, pending = 0, written = 0, in_group = 0;
	long long yuan;
	size_t used = 0;

	if (n)
		out[0] = '\0';
	if (fen < 0 || fen > MONEY_MAX_FEN || n == 0)
		return -1;
	yuan = fen / 100;
	jiao = (int)(fen / 10 % 10);
	fen1 = (int)(fen % 10);
	for (long long y = yuan; y > 0; y /= 10)
		d[nd++] = (int)(y % 10);
	for (int i = nd - 1; i >= 0; i--) {
		if (d[i] == 0) {
			pending = written; /* a zero counts only after a digit was written */
		} else {
			if (pending)
				put(out, n, &used, digit[0]);
			pending = 0;
			put(out, n, &used, digit[d[i]]);
			put(out, n, &used, place[i % 4]);
			written = in_group = 1;
		}
		if (i % 4 == 0) {
			/* zeros that end a group need no 零 when the next
			 * group starts with its 仟 (壹拾万柒仟); they get one
			 * when the next group starts lower (壹拾万零柒佰) */
			if (in_group) {
				put(out, n, &used, group[i / 4]);
				pending = 0;
			}
			in_group = 0;
		}
	}
	if (yuan > 0)
		put(out, n, &used, "元");
	if (yuan == 0 && jiao == 0 && fen1 == 0) {
		put(out, n, &used, "零元整");
		return 0;
	}
	if (jiao) {
		if (yuan > 0 && yuan % 10 == 0)
			put(out, n, &used, digit[0]);
		put(out, n, &used, digit[jiao]);
		put(out, n, &used, "角");
	} else if (fen1 && yuan > 0) {
		put(out, n, &used, digit[0]);
	}
	if (fen1) {
		put(out, n, &used, digit[fen1]);
		put(out, n, &used, "分");
	} else {
		put(out, n, &used, "整");
	}
	return 0;
}
