/* demo: the seeded generator and made-up people of `doorstep demo`; see
 * demo.h. */
#include "core/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "core/uuid.h"
#include "core/xalloc.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void demo_rng_seed(struct demo_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t demo_rng_next(struct demo_rng *r)
{
	uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

int demo_rng_below(struct demo_rng *r, int n)
{
	if (n <= 0)
		return 0;
	/* 32 high bits times n: bias below 1e-9 for the small n used here. */
	return (int)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int demo_rng_range(struct demo_rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + demo_rng_below(r, hi - lo + 1);
}

int demo_rng_chance(struct demo_rng *r, int permille)
{
	return demo_rng_below(r, 1000) < permille;
}

void demo_rng_uuid7(struct demo_rng *r, uint64_t unix_ms, char out[37])
{
	uint64_t a = demo_rng_next(r), b = demo_rng_next(r);
	uint8_t rnd[10];

	for (int i = 6; i < 16; i++)
		rnd[i - 6] = (uint8_t)((i < 11 ? a : b) >> (8 * (i % 8)));
	uuid_v7_from(unix_ms, rnd, out);
}

/* The most common surnames first: the draw favours the head of the list. */
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
	"邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
	"叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
	"陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
	"熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎",
	"贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔",
};
static const char *const rare_surnames[] = {"欧阳", "司马", "上官", "诸葛", "亓", "禤", "邗", "仝"};

static const char *const male_chars[] = {
	"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏",
	"华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙",
	"林", "建", "国", "文", "志", "海", "东", "亮", "峰", "成", "博", "晨", "振", "德",
	"立", "子", "家", "永", "春", "福", "金", "荣", "庆", "安", "宏", "嘉", "轩", "睿",
};
static const char *const female_chars[] = {
	"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "婷", "雪", "琳",
	"晶", "颖", "慧", "倩", "欢", "梅", "红", "兰", "萍", "丹", "洁", "莉", "玉", "英",
	"桂", "凤", "月", "雯", "佳", "琪", "欣", "怡", "春", "彩", "淑", "珍", "晓", "美",
	"子", "雨", "思", "梦", "诗", "可", "蕾", "瑶", "琴", "华", "素", "云", "秋", "萱",
};
/* Characters outside GB2312, some outside the BMP: 䶮 (U+4DAE), 𫖮 (U+2B5AE),
 * 堃, 喆, 淼, 昇, 玥, 𬳵 (U+2CCF5). */
static const char *const rare_chars[] = {"䶮", "𫖮", "堃", "喆", "淼", "昇", "玥", "𬳵"};

#define COUNT(a) (int)(sizeof(a) / sizeof(a)[0])

/* An index favouring the front of a list of n: the smaller of two draws. */
static int skewed(struct demo_rng *r, int n)
{
	int a = demo_rng_below(r, n), b = demo_rng_below(r, n);

	return a < b ? a : b;
}

const char *demo_surname(struct demo_rng *r)
{
	if (demo_rng_chance(r, 8))
		return rare_surnames[demo_rng_below(r, COUNT(rare_surnames))];
	return surnames[skewed(r, COUNT(surnames))];
}

void demo_name(struct demo_rng *r, const char *surname, char sex, char *out, size_t n)
{
	const char *const *chars = sex == 'F' ? female_chars : male_chars;
	int nc = sex == 'F' ? COUNT(female_chars) : COUNT(male_chars);
	const char *a = chars[demo_rng_below(r, nc)], *b = "";

	if (demo_rng_chance(r, 620))
		b = chars[demo_rng_below(r, nc)];
	if (demo_rng_chance(r, 7)) {
		if (*b)
			b = rare_chars[demo_rng_below(r, COUNT(rare_chars))];
		else
			a = rare_chars[demo_rng_below(r, COUNT(rare_chars))];
	}
	snprintf(out, n, "%s%s%s", surname, a, b);
}

static const char *const regions[] = {"411202", "411221", "411224", "420106",
				      "420111", "310104", "110105", "320102"};

const char *demo_region(struct demo_rng *r)
{
	return regions[skewed(r, COUNT(regions))];
}

void demo_id_number(struct demo_rng *r, const char *region, const struct date *birth, char sex,
		    char out[19])
{
	int seq = demo_rng_below(r, 500) * 2 + (sex == 'F' ? 0 : 1);

	snprintf(out, 19, "%.6s%04d%02d%02d%03d", region, birth->y, birth->m, birth->d, seq);
	out[17] = (char)idcard_checksum_char(out);
	out[18] = '\0';
}

void demo_phone(struct demo_rng *r, char out[12])
{
	static const char *const prefixes[] = {"138", "139", "135", "137", "150", "151", "152",
					       "158", "159", "186", "187", "188", "133", "153",
					       "180", "189", "130", "131", "132", "155", "156",
					       "166", "177", "199"};
	const char *p = prefixes[demo_rng_below(r, COUNT(prefixes))];

	snprintf(out, 12, "%s%08d", p, demo_rng_below(r, 100000000));
}

void demo_cn_number(int n, char *out, size_t size)
{
	static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int h = n / 100, t = n / 10 % 10, u = n % 10;

	out[0] = '\0';
	if (n <= 0 || n > 999) {
		snprintf(out, size, "%d", n);
		return;
	}
	if (h) {
		snprintf(out, size, "%s百", d[h]);
		if (t)
			snprintf(out + strlen(out), size - strlen(out), "%s十", d[t]);
		else if (u)
			snprintf(out + strlen(out), size - strlen(out), "零");
	} else if (t) {
		snprintf(out, size, "%s十", t == 1 ? "" : d[t]);
	}
	if (u)
		snprintf(out + strlen(out), size - strlen(out), "%s", d[u]);
}

uint64_t demo_id_key(const char id[18])
{
	uint64_t k = 0;

	for (int i = 0; i < 18; i++)
		k = k * 11 + (uint64_t)(id[i] == 'X' ? 10 : id[i] - '0');
	return k;
}

static int set_insert(uint64_t *slots, size_t cap, uint64_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);

	/* Key 0 (all zeros) cannot be an ID number, so 0 marks a free slot. */
	while (slots[i]) {
		if (slots[i] == key)
			return 0;
		i = (i + 1) & (cap - 1);
	}
	slots[i] = key;
	return 1;
}

int demo_set_add(struct demo_set *s, uint64_t key)
{
	int r;

	if ((s->used + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		uint64_t *slots = xcalloc(cap, sizeof *slots);

		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i])
				set_insert(slots, cap, s->slots[i]);
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	r = set_insert(s->slots, s->cap, key);
	s->used += (size_t)r;
	return r;
}

void demo_set_free(struct demo_set *s)
{
	free(s->slots);
	s->slots = NULL;
	s->cap = s->used = 0;
}
