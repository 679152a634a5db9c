/* roster_cells: the checks of one row's cells; see roster_cells.h. */
#include "core/roster_cells.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csvout.h"
#include "core/csvread.h"
#include "core/i18n.h"
#include "core/idcard.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/phone.h"
#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/xalloc.h"


/* ---- checking values ---- */

struct alias {
	const char *text;
	const char *code;
};

static const struct alias sex_alias[] = {
    {"男性", "M"}, {"女性", "F"}, {"男士", "M"}, {"女士", "F"}, {NULL, NULL},
};

static const struct alias id_type_alias[] = {
    {"身份证", "id"},	    {"居民身份证号", "id"},   {"二代身份证", "id"},
    {"港澳通行证", "hkmo"}, {"回乡证", "hkmo"},	      {"港澳居民居住证", "hkmo"},
    {"台胞证", "tw"},	    {"台湾居民居住证", "tw"}, {"外国护照", "passport"},
    {NULL, NULL},
};

static const struct alias relation_alias[] = {
    {"本人", "head"},	{"户主本人", "head"},  {"妻", "spouse"},    {"妻子", "spouse"},
    {"夫", "spouse"},	{"丈夫", "spouse"},    {"爱人", "spouse"},  {"老伴", "spouse"},
    {"夫妻", "spouse"}, {"子", "child"},       {"女", "child"},	    {"儿子", "child"},
    {"女儿", "child"},	{"长子", "child"},     {"长女", "child"},   {"次子", "child"},
    {"次女", "child"},	{"养子", "child"},     {"养女", "child"},   {"继子", "child"},
    {"继女", "child"},	{"独生子", "child"},   {"独生女", "child"}, {"父", "parent"},
    {"母", "parent"},	{"父亲", "parent"},    {"母亲", "parent"},  {"孙子", "other"},
    {"孙女", "other"},	{"外孙", "other"},     {"外孙女", "other"}, {"儿媳", "other"},
    {"女婿", "other"},	{"兄弟", "other"},     {"姐妹", "other"},   {"兄", "other"},
    {"弟", "other"},	{"姐", "other"},       {"妹", "other"},	    {"祖父", "other"},
    {"祖母", "other"},	{"外祖父", "other"},   {"外祖母", "other"}, {"岳父", "other"},
    {"岳母", "other"},	{"公公", "other"},     {"婆婆", "other"},   {"侄子", "other"},
    {"侄女", "other"},	{"保姆", "other"},     {"租户", "other"},   {"租客", "other"},
    {"亲属", "other"},	{"其他亲属", "other"}, {"非亲属", "other"}, {NULL, NULL},
};

static const struct alias status_alias[] = {
    {"在家", "living"},	     {"常住", "living"},     {"居住", "living"},    {"在住人员", "living"},
    {"在本地", "living"},    {"外出务工", "away"},   {"离开", "away"},	    {"不在本地", "away"},
    {"已迁出", "moved_out"}, {"迁走", "moved_out"},  {"搬走", "moved_out"}, {"已故", "deceased"},
    {"去世", "deceased"},    {"已去世", "deceased"}, {"死亡", "deceased"},  {NULL, NULL},
};

static const struct alias tag_alias[] = {
    {"独居", "elderly_alone"},
    {"孤寡老人", "elderly_alone"},
    {"空巢老人", "elderly_alone"},
    {"慢病", "chronic"},
    {"慢性病患者", "chronic"},
    {"基础病", "chronic"},
    {"孕产妇", "pregnant"},
    {"孕妇", "pregnant"},
    {"残疾人", "disabled"},
    {"留守儿童", "child"},
    {"湖北返回", "returnee"},
    {"武汉返回", "returnee"},
    {"重点地区返回人员", "returnee"},
    {"返乡人员", "returnee"},
    {NULL, NULL},
};

/* The stored code for text in an enumeration table or its aliases, or NULL. */
static const char *match_enum(const struct enum_entry *t, const struct alias *a, const char *text)
{
	const struct enum_entry *en = model_enum_match(t, text);

	if (en)
		return en->code;
	for (; a && a->text; a++)
		if (!strcmp(a->text, text))
			return a->code;
	return NULL;
}

/* "户主, 配偶, 子女" for a message. */
static char *enum_choices(const struct enum_entry *t)
{
	struct strbuf b = STRBUF_INIT;

	for (; t->code; t++) {
		if (b.len)
			strbuf_puts(&b, ", ");
		strbuf_puts(&b, t->zh);
	}
	return strbuf_detach(&b);
}

/* The message of a rule from core/ without its leading "ID number: " (the
 * column is already named in front of it).  The rule's name is a few words:
 * ASCII letters and spaces, or the UTF-8 of a translation, ending in ": " or
 * the full-width "：" of a Chinese message. */
static const char *rule_message(const struct err *e)
{
	static const char fullwidth_colon[] = "\xef\xbc\x9a";
	const char *c = strstr(e->msg, ": ");
	const char *f = strstr(e->msg, fullwidth_colon);
	size_t skip = 2;

	if (f && (!c || f < c)) {
		c = f;
		skip = sizeof fullwidth_colon - 1;
	}
	if (c && c - e->msg <= 24) {
		for (const char *p = e->msg; p < c; p++)
			if (!isalpha((unsigned char)*p) && *p != ' ' && !((unsigned char)*p & 0x80))
				return e->msg;
		return c + skip;
	}
	return e->msg;
}

/* 1 when s looks like a number that Excel wrote in scientific notation
 * (4.11202E+17): its digits are lost. */
static int is_scientific(const char *s)
{
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p) || *p == '.')
		p++;
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	return *p == '\0';
}

static int has_control(const char *s, int allow_newline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(allow_newline && (*p == '\n' || *p == '\t'))) || *p == 0x7f)
			return 1;
	return 0;
}

/* Parses the dates Excel and people write: 2020-02-15, 2020/2/15, 2020.2.15,
 * 2020年2月15日, 20200215, with an optional time after a space.  With
 * allow_month, 1980-01 / 1980年1月 / 1980.01 (a birth month) give d = 0.
 * Returns 0 or -1. */
static int parse_loose_date(const char *s, struct date *out, int allow_month)
{
	long part[3];
	int np = 0, ndig[3] = {0, 0, 0};
	const char *p = s;

	while (*p && np < 3) {
		if (!isdigit((unsigned char)*p))
			return -1;
		long v = 0;
		int nd = 0;

		while (isdigit((unsigned char)*p) && nd < 9) {
			v = v * 10 + (*p - '0');
			p++;
			nd++;
		}
		if (isdigit((unsigned char)*p))
			return -1;
		ndig[np] = nd;
		part[np++] = v;
		if (!*p)
			break;
		if (*p == '-' || *p == '/' || *p == '.') {
			p++;
		} else if (!strncmp(p, "年", 3) || !strncmp(p, "月", 3)) {
			p += 3;
		} else if (!strncmp(p, "日", 3) || !strncmp(p, "号", 3)) {
			p += 3;
			break;
		} else if (*p == ' ' || *p == 'T') {
			break;
		} else {
			return -1;
		}
		if (!*p)
			break;
	}
	/* A time part, if any, is ignored; anything else after the date is not. */
	if (*p == ' ' || *p == 'T') {
		p++;
		while (isdigit((unsigned char)*p) || *p == ':')
			p++;
	}
	if (*p)
		return -1;
	if (np == 1 && ndig[0] == 8) {
		out->y = (int)(part[0] / 10000);
		out->m = (int)(part[0] / 100 % 100);
		out->d = (int)(part[0] % 100);
	} else if (np == 3 && ndig[0] == 4 && ndig[1] <= 2 && ndig[2] <= 2) {
		out->y = (int)part[0];
		out->m = (int)part[1];
		out->d = (int)part[2];
	} else if (allow_month && np == 2 && ndig[0] == 4 && ndig[1] <= 2) {
		if (part[1] < 1 || part[1] > 12 || !date_valid((int)part[0], (int)part[1], 1))
			return -1;
		out->y = (int)part[0];
		out->m = (int)part[1];
		out->d = 0;
		return 0;
	} else {
		return -1;
	}
	return date_valid(out->y, out->m, out->d) ? 0 : -1;
}


const char *roster_title_of(const struct roster *r, enum roster_field f)
{
	return r->field_col[f] >= 0 ? r->titles[r->field_col[f]] : roster_field_names[f];
}


void roster_row_error(struct roster *r, struct cells *c, long line, enum roster_field f,
		      const char *fmt, ...)
{
	char msg[ERR_MSG_MAX + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	roster_add_issue(r, line, roster_title_of(r, f), ROSTER_ERROR, "%s", msg);
	c->bad = 1;
}

/* Takes apostrophes (' and the Chinese ‘ ’) off both ends of b. */
static void strip_quotes(struct strbuf *b)
{
	static const char *const quotes[] = {"'", "\xe2\x80\x98", "\xe2\x80\x99"};
	int again = 1;

	while (again && b->len) {
		again = 0;
		for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
			size_t q = strlen(quotes[i]);

			if (b->len >= q && !memcmp(b->s, quotes[i], q)) {
				memmove(b->s, b->s + q, b->len - q + 1);
				b->len -= q;
				again = 1;
			}
			if (b->len >= q && !memcmp(b->s + b->len - q, quotes[i], q)) {
				b->len -= q;
				b->s[b->len] = '\0';
				again = 1;
			}
		}
	}
}

static int printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Cleans cell f into r->scratch (folding full-width forms when fold); 0 when
 * empty.  Invisible characters (core/textsafe) come out with a warning; a
 * control or bidi character refuses the cell (0, c->refused[f] set). */
static size_t cell_clean(struct roster *r, struct cells *c, enum roster_field f, int fold)
{
	struct strbuf *b = &r->scratch;
	enum textsafe_class cls =
	    f == ROSTER_NOTES || f == ROSTER_HOUSEHOLD_NOTES ? TEXTSAFE_NOTES : TEXTSAFE_LINE;
	struct err e;
	size_t gone;

	roster_clean_into(b, c->raw[f], fold);
	/* Printable ASCII (codes, numbers, most cells) holds no invisible
	 * character and nothing textsafe refuses: both passes are skipped. */
	if (printable_ascii(b->s))
		goto safe;
	gone = textsafe_strip_invisible(b->s);
	if (gone) {
		b->len = strlen(b->s);
		if (!c->warned[f])
			roster_add_issue(r, c->line, roster_title_of(r, f), ROSTER_WARNING,
				  _("%zu invisible character(s) (zero-width, U+FEFF) removed"), gone);
		c->warned[f] = 1;
	}
	/* Translated only for the message: a gettext call per cell was a tenth
	 * of a large import.  (e is written only on a refusal.) */
	if (textsafe_check(b->s, cls, roster_field_names[f], "", &e) < 0) {
		err_clear(&e);
		textsafe_check(b->s, cls, roster_field_names[f], _("the text"), &e);
		if (!c->refused[f])
			roster_row_error(r, c, c->line, f, "%s", e.msg);
		c->refused[f] = 1;
		strbuf_reset(b);
		strbuf_add(b, "", 0);
		return 0;
	}
safe:
	/* The apostrophe a doorstep export puts before a formula-like text
	 * ('=1+1) comes off again, so that an export imports unchanged. */
	if (b->len > 1 && b->s[0] == '\'' && csvout_is_formula(b->s, b->len)) {
		memmove(b->s, b->s + 1, b->len);
		b->len--;
	}
	/* '411202... : the apostrophe Excel users type to keep digits as text. */
	if (f == ROSTER_ID_NUMBER || f == ROSTER_PHONE || f == ROSTER_HOUSEHOLD_PHONE)
		strip_quotes(b);
	return b->len;
}

/* A free text cell: single line unless multiline, at most max bytes. */
/* A text cell of column table.column (its limit: core/limits.h). */
static void check_text(struct roster *r, struct cells *c, long line, enum roster_field f, int fold,
		       int multiline, const char *table, const char *column)
{
	size_t n = cell_clean(r, c, f, fold), chars;
	int max;

	if (!n)
		return;
	max = limits_max(table, column);
	if (has_control(r->scratch.s, multiline)) {
		roster_row_error(r, c, line, f,
			  multiline ? _("control characters in the text")
				    : _("a line break or control character; this "
					"column holds one line"));
		return;
	}
	chars = limits_chars(r->scratch.s);
	if (max && chars > (size_t)max) {
		roster_row_error(r, c, line, f, _("too long (%zu characters, at most %d)"), chars, max);
		return;
	}
	c->val[f] = roster_pool_add(r, r->scratch.s, n);
}

/* A name: trimmed, runs of spaces made one, and no space between two Chinese
 * characters (张  三 is how a two-character name is padded to line up). */
static void check_name(struct roster *r, struct cells *c, long line)
{
	const unsigned char *p;
	struct strbuf *out = &r->scratch2;
	unsigned prev = 0;
	int pending_space = 0;
	size_t len;

	if (!cell_clean(r, c, ROSTER_NAME, 0)) {
		if (!c->refused[ROSTER_NAME])
			roster_row_error(r, c, line, ROSTER_NAME,
				  _("empty; every row needs the resident's name"));
		return;
	}
	if (has_control(r->scratch.s, 0)) {
		roster_row_error(r, c, line, ROSTER_NAME,
			  _("a line break or control character in a name"));
		return;
	}
	strbuf_reset(out);
	strbuf_add(out, "", 0);
	for (p = (const unsigned char *)r->scratch.s; *p; p += len) {
		unsigned cp = roster_utf8_next(p, &len);

		if (roster_is_space_cp(cp)) {
			pending_space = 1;
			continue;
		}
		if (pending_space && !(roster_is_cjk(prev) && roster_is_cjk(cp)))
			strbuf_putc(out, ' ');
		pending_space = 0;
		strbuf_add(out, (const char *)p, len);
		prev = cp;
	}
	if (limits_chars(out->s) > (size_t)limits_max("residents", "name")) {
		roster_row_error(r, c, line, ROSTER_NAME, _("too long (%zu characters, at most %d)"),
			  limits_chars(out->s), limits_max("residents", "name"));
		return;
	}
	c->val[ROSTER_NAME] = roster_pool_add(r, out->s, out->len);
}

static void check_enum(struct roster *r, struct cells *c, long line, enum roster_field f,
		       const struct enum_entry *t, const struct alias *a)
{
	const char *code;

	if (!cell_clean(r, c, f, 1))
		return;
	code = match_enum(t, a, r->scratch.s);
	if (!code) {
		char *choices = enum_choices(t);

		roster_row_error(r, c, line, f, _("unknown value \"%s\"; use one of %s"), r->scratch.s,
			  choices);
		free(choices);
		return;
	}
	c->val[f] = roster_pool_add(r, code, strlen(code));
}

/* A masked number (411202********1234, 138****5678: an export without
 * --full-ids) cannot be imported: said once for the file, not per cell. */
static int is_masked(struct roster *r, struct cells *c, long line, enum roster_field f)
{
	if (!strchr(r->scratch.s, '*'))
		return 0;
	if (!r->masked_reported) {
		roster_row_error(r, c, line, f,
			  _("\"%s\" is masked, and so may be other numbers of the file: an "
			    "export made without --full-ids cannot be imported; export again with "
			    "--full-ids"),
			  r->scratch.s);
		r->masked_reported = 1;
	} else {
		c->bad = 1;
	}
	return 1;
}

static void check_phone(struct roster *r, struct cells *c, long line, enum roster_field f)
{
	char out[PHONE_MAX];
	struct err e;

	if (!cell_clean(r, c, f, 1))
		return;
	if (is_scientific(r->scratch.s) || c->kind[f] == CELL_LOST_DIGITS) {
		roster_row_error(r, c, line, f,
			  _("\"%s\" is a number that Excel shortened; format the column as text "
			    "and type the number again"),
			  r->scratch.s);
		return;
	}
	if (is_masked(r, c, line, f))
		return;
	if (c->kind[f] == CELL_NUMBER && r->scratch.s[0] != '1' && r->scratch.len >= 9 &&
	    r->scratch.len <= 11) {
		roster_row_error(r, c, line, f,
			  _("%s is stored as a number, which loses the 0 in front of an area "
			    "code; format the column as text and type the number again"),
			  r->scratch.s);
		return;
	}
	err_clear(&e);
	/* a resident's number abroad, with a document other than an ID card */
	if (phone_parse_any(r->scratch.s,
			    f == ROSTER_PHONE && c->val[ROSTER_ID_TYPE] &&
				phone_abroad_allowed(
				    idcard_type_from_code(r->pool + c->val[ROSTER_ID_TYPE])),
			    out, sizeof out, &e) < 0) {
		roster_row_error(r, c, line, f, "%s", rule_message(&e));
		return;
	}
	c->val[f] = roster_pool_add(r, out, strlen(out));
}

static void check_date(struct roster *r, struct cells *c, long line, enum roster_field f,
		       struct date *d)
{
	char iso[DATE_STR];

	d->y = 0;
	if (!cell_clean(r, c, f, 1))
		return;
	if (parse_loose_date(r->scratch.s, d, f == ROSTER_BIRTH_DATE) < 0) {
		d->y = 0;
		roster_row_error(r, c, line, f, _("\"%s\" is not a date (write 2020-02-15)"),
			  r->scratch.s);
		return;
	}
	if (d->d && date_cmp(d, &r->today) > 0) {
		roster_row_error(r, c, line, f, _("%s is in the future"), r->scratch.s);
		d->y = 0;
		return;
	}
	if (d->d) {
		date_format(d, iso);
		c->val[f] = roster_pool_add(r, iso, strlen(iso));
	}
}

static void check_tags(struct roster *r, struct cells *c, long line)
{
	struct strbuf *out = &r->scratch2;
	char *copy, *tok, *save = NULL;

	if (!cell_clean(r, c, ROSTER_TAGS, 1))
		return;
	copy = xstrdup(r->scratch.s);
	/* Separators: , ; / space and the Chinese 、，；／ (，； fold to ASCII). */
	for (char *p = copy; *p; p++)
		if (!strncmp(p, "、", 3))
			memcpy(p, ",  ", 3);
	strbuf_reset(out);
	strbuf_add(out, "", 0);
	for (tok = strtok_r(copy, ",;/ ", &save); tok; tok = strtok_r(NULL, ",;/ ", &save)) {
		const char *code = match_enum(model_tag, tag_alias, tok);

		if (!code) {
			char *choices = enum_choices(model_tag);

			roster_row_error(r, c, line, ROSTER_TAGS, _("unknown tag \"%s\"; use %s"), tok,
				  choices);
			free(choices);
			free(copy);
			return;
		}
		/* Each tag once. */
		int dup = 0;
		size_t cl = strlen(code);

		for (const char *q = out->s; q && *q;) {
			const char *comma = strchr(q, ',');
			size_t ql = comma ? (size_t)(comma - q) : strlen(q);

			if (ql == cl && !strncmp(q, code, cl))
				dup = 1;
			q += ql + (comma ? 1 : 0);
		}
		if (dup)
			continue;
		if (out->len)
			strbuf_putc(out, ',');
		strbuf_puts(out, code);
	}
	free(copy);
	if (out->len)
		c->val[ROSTER_TAGS] = roster_pool_add(r, out->s, out->len);
}

/* ID type, number, birth date and sex together: the number gives the other
 * two, which must then agree with their columns. */
static void check_identity(struct roster *r, struct cells *c, long line)
{
	enum idcard_type type = IDCARD_RESIDENT;
	struct idcard card;
	struct date birth = {0, 0, 0};
	struct err e;
	char iso[DATE_STR];
	int have_card = 0;

	check_enum(r, c, line, ROSTER_ID_TYPE, model_id_type, id_type_alias);
	if (c->val[ROSTER_ID_TYPE])
		type = (enum idcard_type)idcard_type_from_code(r->pool + c->val[ROSTER_ID_TYPE]);
	else if (cell_clean(r, c, ROSTER_ID_TYPE, 1))
		type = (enum idcard_type) - 1; /* a wrong type, already reported */
	check_enum(r, c, line, ROSTER_SEX, model_sex, sex_alias);
	check_date(r, c, line, ROSTER_BIRTH_DATE, &birth);

	if (cell_clean(r, c, ROSTER_ID_NUMBER, 1)) {
		const char *s = r->scratch.s;

		err_clear(&e);
		if (is_masked(r, c, line, ROSTER_ID_NUMBER)) {
			/* said once */
		} else if (is_scientific(s) || c->kind[ROSTER_ID_NUMBER] == CELL_LOST_DIGITS) {
			roster_row_error(r, c, line, ROSTER_ID_NUMBER,
				  _("\"%s\" is a number that Excel shortened; format the column as "
				    "text and type the number again"),
				  s);
		} else if ((int)type < 0) {
			/* The ID type column was wrong: already reported. */
		} else if (idcard_parse(s, type, &r->today, &card, &e) < 0) {
			size_t n = strlen(s);

			if (type == IDCARD_RESIDENT && n == 18 && !strcmp(s + 15, "000") &&
			    idcard_checksum_char(s) != s[17])
				roster_row_error(r, c, line, ROSTER_ID_NUMBER,
					  _("%s (its last digits are 000: Excel keeps only 15 "
					    "digits of a number; format the column as text)"),
					  rule_message(&e));
			else
				roster_row_error(r, c, line, ROSTER_ID_NUMBER, "%s", rule_message(&e));
		} else {
			have_card = 1;
			c->val[ROSTER_ID_NUMBER] = roster_pool_add(r, card.number, strlen(card.number));
			if (type == IDCARD_RESIDENT && strlen(card.number) == 18 &&
			    !strcmp(card.number + 15, "000"))
				roster_add_issue(r, line, roster_title_of(r, ROSTER_ID_NUMBER), ROSTER_WARNING,
					  _("%s ends in 000: a roster kept in Excel may have lost "
					    "its last digits; check it against the ID card"),
					  card.number);
			if (!c->val[ROSTER_ID_TYPE] && type == IDCARD_RESIDENT)
				c->val[ROSTER_ID_TYPE] = roster_pool_add(r, "id", 2);
		}
	}
	if (!have_card) {
		if (birth.y && !birth.d)
			roster_row_error(r, c, line, ROSTER_BIRTH_DATE,
				  _("only a month is given; write the whole date (2020-02-15)"));
		return;
	}
	if (card.birth.y) {
		date_format(&card.birth, iso);
		if (birth.y && (birth.y != card.birth.y || birth.m != card.birth.m ||
				(birth.d && birth.d != card.birth.d)))
			roster_row_error(r, c, line, ROSTER_BIRTH_DATE,
				  _("%s does not match the ID number, which gives %s"),
				  c->raw[ROSTER_BIRTH_DATE], iso);
		else if (!c->val[ROSTER_BIRTH_DATE] || birth.d == 0)
			c->val[ROSTER_BIRTH_DATE] = roster_pool_add(r, iso, strlen(iso));
	} else if (birth.y && !birth.d) {
		roster_row_error(r, c, line, ROSTER_BIRTH_DATE,
			  _("only a month is given; write the whole date (2020-02-15)"));
	}
	if (card.sex) {
		const char *sex = card.sex == 'M' ? "M" : "F";

		if (c->val[ROSTER_SEX] && strcmp(r->pool + c->val[ROSTER_SEX], sex))
			roster_row_error(r, c, line, ROSTER_SEX, _("%s does not match the ID number (%s)"),
				  c->raw[ROSTER_SEX], card.sex == 'M' ? "男" : "女");
		else if (!c->val[ROSTER_SEX])
			c->val[ROSTER_SEX] = roster_pool_add(r, sex, 1);
	}
}

void roster_check_cells(struct roster *r, struct cells *c)
{
	long line = c->line;
	int has_code;

	/* The household code; empty continues the household above. */
	has_code = cell_clean(r, c, ROSTER_CODE, 1) > 0;
	if (has_code) {
		check_text(r, c, line, ROSTER_CODE, 1, 0, "households", "code");
	} else if (r->prev_code) {
		c->val[ROSTER_CODE] = r->prev_code;
	} else {
		roster_row_error(r, c, line, ROSTER_CODE,
			  _("empty; the first row of a household needs its code"));
	}
	check_text(r, c, line, ROSTER_COMPOUND, 0, 0, "households", "compound");
	check_text(r, c, line, ROSTER_BUILDING, 1, 0, "households", "building");
	check_text(r, c, line, ROSTER_UNIT, 1, 0, "households", "unit");
	check_text(r, c, line, ROSTER_ROOM, 1, 0, "households", "room");
	check_text(r, c, line, ROSTER_ADDRESS, 0, 0, "households", "address");
	check_text(r, c, line, ROSTER_GRID, 0, 0, "grids", "name");
	check_phone(r, c, line, ROSTER_HOUSEHOLD_PHONE);
	check_text(r, c, line, ROSTER_HOUSEHOLD_NOTES, 0, 1, "households", "notes");

	check_name(r, c, line);
	check_identity(r, c, line);
	check_phone(r, c, line, ROSTER_PHONE);
	check_enum(r, c, line, ROSTER_RELATION, model_relation, relation_alias);
	check_enum(r, c, line, ROSTER_STATUS, model_status, status_alias);
	check_tags(r, c, line);
	check_text(r, c, line, ROSTER_RETURNED_FROM, 0, 0, "residents", "returned_from");
	{
		struct date d;

		check_date(r, c, line, ROSTER_RETURN_DATE, &d);
	}
	check_text(r, c, line, ROSTER_TRAVEL, 0, 0, "residents", "travel");
	check_text(r, c, line, ROSTER_NOTES, 0, 1, "residents", "notes");
}
