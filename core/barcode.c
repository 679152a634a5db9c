/* barcode: Code 128 through libzint's vector output; see barcode.h. */
#include "core/barcode.h"

#include <stdlib.h>
#include <string.h>
#include <zint.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define QUIET 10 /* modules of white on each side, as the standard asks */

int barcode_code128(const char *data, struct barcode *out, struct err *e)
{
	struct zint_symbol *sym;
	int r = -1, n = 0;

	memset(out, 0, sizeof *out);
	/* libzint would carry other bytes as Latin-1 through FNC4, which a
	 * scanner types as something else: printable ASCII only */
	for (const char *p = data; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return err_set(e, _("cannot make a barcode of \"%s\": only ASCII letters, "
					    "digits and signs can be scanned"),
				       data);
	sym = ZBarcode_Create();
	if (!sym)
		return err_set(e, "%s", _("the barcode library could not start"));
	sym->symbology = BARCODE_CODE128;
	sym->whitespace_width = QUIET;
	sym->show_hrt = 0;
	if (ZBarcode_Encode_and_Buffer_Vector(sym, (const unsigned char *)data, (int)strlen(data),
					      0) >= ZINT_ERROR ||
	    !sym->vector || sym->vector->width <= 0) {
		err_set(e, _("cannot make a barcode of \"%s\": %s"), data, sym->errtxt);
		goto out;
	}
	for (struct zint_vector_rect *q = sym->vector->rectangles; q; q = q->next)
		n++;
	out->bars = xcalloc((size_t)n + 1, sizeof *out->bars);
	for (struct zint_vector_rect *q = sym->vector->rectangles; q; q = q->next) {
		out->bars[out->nbars].x = q->x / sym->vector->width;
		out->bars[out->nbars].w = q->width / sym->vector->width;
		out->nbars++;
	}
	out->modules = sym->width + 2 * QUIET;
	r = 0;
out:
	ZBarcode_Delete(sym);
	return r;
}

void barcode_free(struct barcode *b)
{
	free(b->bars);
	memset(b, 0, sizeof *b);
}
