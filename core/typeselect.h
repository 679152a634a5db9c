/* typeselect: choosing an item of a short list by typing its label.
 *
 * In a dropdown the user types what is shown, not a hidden code: the
 * letters typed so far select the next item whose label begins with them
 * (ASCII without case, so "Al" finds "Alipay"), or whose pinyin initials
 * begin with them (any reading of a polyphone: "zfb" finds 支付宝, "wc" 外出),
 * or whose Chinese begins with the characters an input method typed (支).
 * Keys accumulate while they still select something; a key that does not
 * starts a new search on its own. */
#ifndef DOORSTEP_TYPESELECT_H
#define DOORSTEP_TYPESELECT_H

#include <stdint.h>

#define TYPESELECT_MAX 32 /* bytes of typed text kept */

/* What has been typed; zero-initialise (or typeselect_reset). */
struct typeselect {
	char typed[TYPESELECT_MAX];
};

/* Forgets what was typed (after the cursor moved by other keys). */
void typeselect_reset(struct typeselect *ts);

/* Feeds one typed character cp (a Unicode code point) against labels[0..n)
 * (UTF-8, as shown) with current the item now chosen (-1: none).  Returns
 * the index of the item to choose: the current one while it still matches
 * the longer text, else the next that matches after it (wrapping); -1 when
 * no label matches even cp alone (ts is then reset). */
int typeselect_key(struct typeselect *ts, const char *const *labels, int n, int current,
		   uint32_t cp);

/* 1 when label begins with typed as typeselect_key matches, else 0. */
int typeselect_matches(const char *label, const char *typed);

#endif
