/* barcode: Code 128 symbols for the pass cards, through libzint.
 *
 * A USB barcode scanner at the gate reads a 1D symbol and types its digits
 * and Enter, which is what the gate screen takes; 1D scanners cannot read
 * QR codes, so passes carry Code 128.  The symbol is returned as bars in
 * units of its own width (quiet zones of ten modules included on both
 * sides), for the PDF renderer to draw at any size with cairo. */
#ifndef DOORSTEP_BARCODE_H
#define DOORSTEP_BARCODE_H

#include "core/err.h"

struct barcode_bar {
	double x, w; /* left edge and width as fractions of the symbol's width */
};

struct barcode {
	struct barcode_bar *bars; /* left to right; owned */
	int nbars;
	int modules; /* the symbol's width in modules, quiet zones included */
};

/* Encodes data (printable ASCII) as Code 128 into *out (free with
 * barcode_free).  Returns 0, or -1 with libzint's reason (a character Code
 * 128 cannot carry, data too long); *out is then empty. */
int barcode_code128(const char *data, struct barcode *out, struct err *e);

/* Frees the bars of b and empties it; an empty b is fine. */
void barcode_free(struct barcode *b);

#endif
