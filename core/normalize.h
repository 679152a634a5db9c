/* normalize: folding what a Chinese input method types into plain ASCII.
 *
 * With a Chinese IME switched on, digits, letters and punctuation often arrive
 * as their full-width forms (１２３, ＸＸ, －) and spaces as the ideographic
 * space U+3000.  ID numbers, phone numbers, temperatures and amounts are all
 * ASCII, so their parsers fold these forms first with this module. */
#ifndef DOORSTEP_NORMALIZE_H
#define DOORSTEP_NORMALIZE_H

/* Returns a malloc'd copy of s (the caller frees it) in which every full-width
 * ASCII form U+FF01..U+FF5E becomes its ASCII character (U+FF10 → '0') and the
 * ideographic space U+3000 becomes ' ', with ASCII white space (space, tab,
 * CR, LF) trimmed from both ends.  Other bytes, including other UTF-8 text and
 * invalid sequences, are copied unchanged.  NULL gives "". Never returns NULL. */
char *normalize_fullwidth(const char *s);

#endif
