/* xlsx_read: the sheets of an .xlsx workbook through libzip and expat
 * (xlsx_read.h). */
#include "core/xlsx_read.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/wbcell.h"
#include "core/xalloc.h"

/* What one workbook may unpack to at the most, all parts together, and one
 * cell's text (Excel's own limit is 32,767 characters). */
#define XLSX_MAX_BYTES (512L * 1024 * 1024)
#define XLSX_MAX_CELL (256 * 1024)

struct xlsx {
	zip_t *zip;
	long unpacked; /* bytes inflated so far */
	/* workbook.xml and its relations */
	int date1904;
	int nsheets;
	char **names;
	char **rids;
	char **targets; /* per sheet, the part's path in the zip */
	/* styles.xml: whether each cell format (cellXfs index) shows a date */
	unsigned char *xf_date;
	size_t nxf;
	int *fmt_ids; /* custom number formats that show a date */
	size_t nfmt;
	/* sharedStrings.xml */
	char **sst;
	size_t nsst, sst_cap;
};

/* ---- parsing one part ---- */

struct part {
	struct xlsx *x;
	XML_Parser p;
	struct err *e;
	int failed;
	void *ud; /* the part's own state */
};

static const char *local(const char *name)
{
	const char *s = strrchr(name, '\x01');

	if (s)
		return s + 1;
	s = strrchr(name, ':');
	return s ? s + 1 : name;
}

static const char *attr(const char **atts, const char *want)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), want))
			return atts[i + 1];
	return NULL;
}

static void part_fail(struct part *pt, const char *msg)
{
	if (!pt->failed) {
		err_set(pt->e, "%s", msg);
		pt->failed = 1;
	}
	XML_StopParser(pt->p, XML_FALSE);
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub,
		       int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	part_fail(ud, _("the workbook holds a document type declaration, which Excel never "
			"writes: not read"));
}

/* Streams the zip entry name through a parser with the given handlers.
 * Returns 0, 1 when the part is absent and optional, or -1 with e. */
static int parse_part(struct xlsx *x, const char *name, int optional, XML_StartElementHandler st,
		      XML_EndElementHandler en, XML_CharacterDataHandler ch, void *ud, struct err *e)
{
	struct part pt = {x, NULL, e, 0, ud};
	zip_file_t *f = zip_fopen(x->zip, name, 0);
	char buf[65536];
	zip_int64_t got;
	int rc = 0;

	if (!f) {
		if (optional)
			return 1;
		return err_set(e, _("not an Excel workbook: the part %s is missing"), name);
	}
	pt.p = XML_ParserCreateNS(NULL, '\x01');
	XML_SetUserData(pt.p, &pt);
	XML_SetElementHandler(pt.p, st, en);
	if (ch)
		XML_SetCharacterDataHandler(pt.p, ch);
	XML_SetStartDoctypeDeclHandler(pt.p, on_doctype);
	do {
		got = zip_fread(f, buf, sizeof buf);
		if (got < 0) {
			rc = err_set(e, _("the workbook is damaged: %s cannot be unpacked (%s)"), name,
				     zip_strerror(x->zip));
			break;
		}
		x->unpacked += got;
		if (x->unpacked > XLSX_MAX_BYTES) {
			rc = err_set(e, _("the workbook unpacks to more than %ld MB: not read"),
				     XLSX_MAX_BYTES / (1024 * 1024));
			break;
		}
		if (XML_Parse(pt.p, buf, (int)got, got == 0) == XML_STATUS_ERROR) {
			if (!pt.failed)
				err_set(e, _("the workbook is damaged: %s line %lu: %s"), name,
					(unsigned long)XML_GetCurrentLineNumber(pt.p),
					XML_ErrorString(XML_GetErrorCode(pt.p)));
			rc = -1;
			break;
		}
	} while (got > 0);
	XML_ParserFree(pt.p);
	zip_fclose(f);
	return rc;
}

/* ---- workbook.xml and its relations ---- */

static void wb_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct part *pt = ud;
	struct xlsx *x = pt->x;
	const char *n = local(el);

	if (!strcmp(n, "workbookPr")) {
		const char *v = attr(atts, "date1904");

		x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(n, "sheet")) {
		const char *name = attr(atts, "name"), *rid = attr(atts, "id");

		if (!name || !rid || x->nsheets >= 4096) {
			part_fail(pt, _("the workbook is damaged: a sheet without a name"));
			return;
		}
		x->names = xrealloc(x->names, (size_t)(x->nsheets + 1) * sizeof *x->names);
		x->rids = xrealloc(x->rids, (size_t)(x->nsheets + 1) * sizeof *x->rids);
		x->targets = xrealloc(x->targets, (size_t)(x->nsheets + 1) * sizeof *x->targets);
		x->names[x->nsheets] = xstrdup(name);
		x->rids[x->nsheets] = xstrdup(rid);
		x->targets[x->nsheets] = NULL;
		x->nsheets++;
	}
}

static void no_end(void *ud, const XML_Char *el)
{
	(void)ud, (void)el;
}

static void rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct part *pt = ud;
	struct xlsx *x = pt->x;
	const char *id, *target;

	if (strcmp(local(el), "Relationship"))
		return;
	id = attr(atts, "Id");
	target = attr(atts, "Target");
	if (!id || !target)
		return;
	for (int i = 0; i < x->nsheets; i++) {
		if (strcmp(x->rids[i], id) || x->targets[i])
			continue;
		/* Relative to xl/, or absolute from the package root. */
		if (target[0] == '/')
			x->targets[i] = xstrdup(target + 1);
		else {
			size_t n = strlen(target) + 4;

			x->targets[i] = xmalloc(n);
			snprintf(x->targets[i], n, "xl/%s", target);
		}
	}
}

/* ---- styles.xml ---- */

struct styles_state {
	int in_cellxfs;
};

static int fmt_is_date(const struct xlsx *x, int id)
{
	if (wbcell_builtin_is_date(id))
		return 1;
	for (size_t i = 0; i < x->nfmt; i++)
		if (x->fmt_ids[i] == id)
			return 1;
	return 0;
}

static void styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct part *pt = ud;
	struct styles_state *s = pt->ud;
	struct xlsx *x = pt->x;
	const char *n = local(el);

	if (!strcmp(n, "numFmt")) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");

		if (id && code && wbcell_format_is_date(code) && x->nfmt < 4096) {
			x->fmt_ids = xrealloc(x->fmt_ids, (x->nfmt + 1) * sizeof *x->fmt_ids);
			x->fmt_ids[x->nfmt++] = atoi(id);
		}
	} else if (!strcmp(n, "cellXfs")) {
		s->in_cellxfs = 1;
	} else if (!strcmp(n, "xf") && s->in_cellxfs && x->nxf < 65536) {
		const char *id = attr(atts, "numFmtId");

		x->xf_date = xrealloc(x->xf_date, x->nxf + 1);
		x->xf_date[x->nxf++] = (unsigned char)(id && fmt_is_date(x, atoi(id)));
	}
}

static void styles_end(void *ud, const XML_Char *el)
{
	struct part *pt = ud;
	struct styles_state *s = pt->ud;

	if (!strcmp(local(el), "cellXfs"))
		s->in_cellxfs = 0;
}

/* ---- sharedStrings.xml ---- */

struct sst_state {
	struct strbuf text;
	int in_si, in_t, in_rph;
};

static void add_text(struct part *pt, struct strbuf *b, const char *s, int len)
{
	if (b->len + (size_t)len > XLSX_MAX_CELL) {
		part_fail(pt, _("a cell of the workbook holds more than 256 KB of text: not read"));
		return;
	}
	strbuf_add(b, s, (size_t)len);
}

static void sst_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct part *pt = ud;
	struct sst_state *s = pt->ud;
	const char *n = local(el);

	(void)atts;
	if (!strcmp(n, "si")) {
		s->in_si = 1;
		strbuf_reset(&s->text);
	} else if (!strcmp(n, "rPh")) {
		s->in_rph = 1; /* phonetic guide: not part of the text */
	} else if (!strcmp(n, "t") && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void sst_end(void *ud, const XML_Char *el)
{
	struct part *pt = ud;
	struct sst_state *s = pt->ud;
	struct xlsx *x = pt->x;
	const char *n = local(el);

	if (!strcmp(n, "t")) {
		s->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(n, "si")) {
		XGROW(x->sst, x->sst_cap, x->nsst + 1, 256);
		x->sst[x->nsst++] = xstrdup(strbuf_str(&s->text));
		s->in_si = 0;
	}
}

static void sst_chars(void *ud, const XML_Char *txt, int len)
{
	struct part *pt = ud;
	struct sst_state *s = pt->ud;

	if (s->in_t)
		add_text(pt, &s->text, txt, len);
}

/* ---- a worksheet ---- */

struct sheet_state {
	struct wbrows *rows;
	struct strbuf text;
	long row;	/* the current row's number */
	long last_row;	/* the last row ended */
	int in_row;
	int col;	/* the current cell's column, -1 outside a cell */
	int next_col;	/* for a cell without a reference */
	char type[12];	/* the cell's t attribute */
	long style;	/* the cell's s attribute */
	int in_v, in_t, in_is, in_rph;
	int stopped;	/* fn asked to stop */
};

static void cell_start(struct part *pt, struct sheet_state *s, const char **atts)
{
	const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *st = attr(atts, "s");
	long r = 0;

	s->col = s->next_col;
	if (ref) {
		s->col = wbcell_parse_ref(ref, &r);
		if (s->col < 0) {
			part_fail(pt, _("the workbook is damaged: a cell reference past Excel's "
					"limits"));
			return;
		}
	}
	s->next_col = s->col + 1;
	snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
	s->style = st ? atol(st) : -1;
	strbuf_reset(&s->text);
}

static void cell_end(struct part *pt, struct sheet_state *s)
{
	struct xlsx *x = pt->x;
	const char *v = strbuf_str(&s->text);
	char out[64];
	int kind = CELL_TEXT;
	const char *text = v;
	size_t len = s->text.len;

	if (!strcmp(s->type, "s")) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);

		if (!*v || *end || i >= x->nsst) {
			part_fail(pt, _("the workbook is damaged: a cell names a shared string "
					"that is not there"));
			return;
		}
		text = x->sst[i];
		len = strlen(text);
	} else if (!strcmp(s->type, "b")) {
		text = !strcmp(v, "1") || !strcmp(v, "true") ? "TRUE" : "FALSE";
		len = strlen(text);
		kind = CELL_BOOL;
	} else if (!strcmp(s->type, "d")) {
		len = len > 10 ? 10 : len; /* an ISO date, maybe with a time */
		kind = CELL_DATE;
	} else if (!strcmp(s->type, "n") && len) {
		char *end;
		double d = strtod(v, &end);

		if (*end) {
			part_fail(pt, _("the workbook is damaged: a number cell holds text"));
			return;
		}
		int is_date = s->style >= 0 && (size_t)s->style < x->nxf && x->xf_date[s->style];

		kind = is_date ? wbcell_date(d, x->date1904, out, sizeof out) : -1;
		if (kind < 0)
			kind = wbcell_number(d, out, sizeof out);
		text = out;
		len = strlen(out);
	}
	/* inlineStr, str (a formula's text) and e (#N/A ...) are text as they are. */
	if (wbrows_cell(s->rows, s->col, text, len, kind) < 0)
		part_fail(pt, _("the workbook is damaged: a cell reference past Excel's limits"));
}

static void end_row(struct part *pt, struct sheet_state *s)
{
	if (s->stopped)
		return;
	if (wbrows_end_row(s->rows, s->row)) {
		s->stopped = 1;
		XML_StopParser(pt->p, XML_FALSE);
	}
	s->last_row = s->row;
	s->in_row = 0;
}

static void sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct part *pt = ud;
	struct sheet_state *s = pt->ud;
	const char *n = local(el);

	if (!strcmp(n, "row")) {
		const char *r = attr(atts, "r");

		s->row = r ? atol(r) : s->last_row + 1;
		if (s->row <= s->last_row || s->row > WB_MAX_ROWS) {
			part_fail(pt, _("the workbook is damaged: its rows are out of order"));
			return;
		}
		s->in_row = 1;
		s->next_col = 0;
	} else if (!strcmp(n, "c") && s->in_row) {
		cell_start(pt, s, atts);
	} else if (!strcmp(n, "v") && s->col >= 0) {
		s->in_v = 1;
	} else if (!strcmp(n, "is") && s->col >= 0) {
		s->in_is = 1;
	} else if (!strcmp(n, "rPh")) {
		s->in_rph = 1;
	} else if (!strcmp(n, "t") && s->in_is && !s->in_rph) {
		s->in_t = 1;
	}
}

static void sheet_end(void *ud, const XML_Char *el)
{
	struct part *pt = ud;
	struct sheet_state *s = pt->ud;
	const char *n = local(el);

	if (!strcmp(n, "v")) {
		s->in_v = 0;
	} else if (!strcmp(n, "t")) {
		s->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(n, "is")) {
		s->in_is = 0;
	} else if (!strcmp(n, "c") && s->col >= 0) {
		if (!strcmp(s->type, "inlineStr") || s->text.len || !strcmp(s->type, "str"))
			cell_end(pt, s);
		s->col = -1;
	} else if (!strcmp(n, "row") && s->in_row) {
		end_row(pt, s);
	}
}

static void sheet_chars(void *ud, const XML_Char *txt, int len)
{
	struct part *pt = ud;
	struct sheet_state *s = pt->ud;

	if (s->in_v || s->in_t)
		add_text(pt, &s->text, txt, len);
}

/* ---- opening ---- */

static void xlsx_close(struct xlsx *x)
{
	for (int i = 0; i < x->nsheets; i++) {
		free(x->names[i]);
		free(x->rids[i]);
		free(x->targets[i]);
	}
	free(x->names);
	free(x->rids);
	free(x->targets);
	xfree_strv(x->sst, x->nsst);
	free(x->xf_date);
	free(x->fmt_ids);
	if (x->zip)
		zip_discard(x->zip);
	memset(x, 0, sizeof *x);
}

static int xlsx_open(const char *path, struct xlsx *x, struct err *e)
{
	int zerr = 0;

	memset(x, 0, sizeof *x);
	x->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!x->zip)
		return err_set(e, _("not an Excel workbook (.xlsx): the file is not a zip archive"));
	if (parse_part(x, "xl/workbook.xml", 0, wb_start, no_end, NULL, NULL, e) < 0 ||
	    parse_part(x, "xl/_rels/workbook.xml.rels", 0, rels_start, no_end, NULL, NULL, e) < 0) {
		xlsx_close(x);
		return -1;
	}
	if (!x->nsheets) {
		xlsx_close(x);
		return err_set(e, _("the workbook has no sheets"));
	}
	return 0;
}

int xlsx_zip_check(const char *path, const char *formats, struct err *e)
{
	int zerr = 0, rc;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);

	if (!z)
		return err_set(e, _("a damaged zip archive: not a workbook that can be read "
				    "(formats read: %s)"),
			       formats);
	if (zip_name_locate(z, "xl/workbook.xml", 0) >= 0)
		rc = 0;
	else if (zip_name_locate(z, "content.xml", 0) >= 0)
		rc = err_set(e, _("an OpenDocument spreadsheet (.ods) is not read: save it as "
				  ".xlsx or CSV (formats read: %s)"),
			     formats);
	else
		rc = err_set(e, _("a zip archive that is no Excel workbook (formats read: %s)"),
			     formats);
	zip_discard(z);
	return rc;
}

int xlsx_sheet_names(const char *path, char ***names, int *n, struct err *e)
{
	struct xlsx x;

	if (xlsx_open(path, &x, e) < 0)
		return -1;
	*names = x.names;
	*n = x.nsheets;
	x.names = NULL;
	for (int i = 0; i < x.nsheets; i++) {
		free(x.rids[i]);
		free(x.targets[i]);
	}
	x.nsheets = 0;
	xlsx_close(&x);
	return 0;
}

int xlsx_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e)
{
	struct xlsx x;
	struct styles_state ss = {0};
	struct sst_state sst;
	struct sheet_state sh;
	int rc;

	if (xlsx_open(path, &x, e) < 0)
		return -1;
	if (index < 0 || index >= x.nsheets || !x.targets[index]) {
		xlsx_close(&x);
		return err_set(e, _("the workbook is damaged: sheet %d has no part"), index + 1);
	}
	memset(&sst, 0, sizeof sst);
	rc = parse_part(&x, "xl/styles.xml", 1, styles_start, styles_end, NULL, &ss, e);
	if (rc >= 0)
		rc = parse_part(&x, "xl/sharedStrings.xml", 1, sst_start, sst_end, sst_chars, &sst,
				e);
	strbuf_free(&sst.text);
	if (rc < 0) {
		xlsx_close(&x);
		return -1;
	}
	memset(&sh, 0, sizeof sh);
	sh.col = -1;
	sh.rows = wbrows_new(fn, ctx);
	rc = parse_part(&x, x.targets[index], 0, sheet_start, sheet_end, sheet_chars, &sh, e);
	if (rc == 0 && sh.stopped)
		rc = 1;
	else if (rc > 0 || (rc < 0 && sh.stopped))
		rc = sh.stopped ? 1 : -1;
	wbrows_free(&sh.rows);
	strbuf_free(&sh.text);
	xlsx_close(&x);
	return rc;
}
