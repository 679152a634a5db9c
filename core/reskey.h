/* reskey: the search keys stored beside each resident so that the
 * Households filter is an index lookup, not a scan: the pinyin initials of
 * the name (every reading combination of polyphonic characters, space
 * separated), and the ID number and phone reversed (a "last digits" search
 * becomes a prefix range). */
#ifndef DOORSTEP_RESKEY_H
#define DOORSTEP_RESKEY_H

struct reskey {
	char *pinyin;    /* "zs" or "zc zz"; "" when the name has no Han or Latin letter */
	char *id_rev;    /* NULL when there is no ID number */
	char *phone_rev; /* the phone's digits only, reversed; NULL when none */
};

/* Fills k from a resident's name, ID number and phone (each may be NULL).
 * The members are malloc'd; reskey_free releases them. */
void reskey_make(struct reskey *k, const char *name, const char *id_number, const char *phone);
void reskey_free(struct reskey *k);

/* A malloc'd reversed copy of the digits (and X) of s, or NULL when s has
 * none: "0398-2812345" -> "54321828930". */
char *reskey_reverse_digits(const char *s);

#endif
