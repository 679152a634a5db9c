/* searchkey: the terms under which a household is found by the Households filter.
 *
 * Filter-as-you-type must answer in a few milliseconds over 100,000
 * residents, whatever the user typed, so every match is an exact lookup of a
 * term in an index ordered like the list (db/search.c): a household is filed
 * under every prefix of its code, every substring of each resident's name,
 * and every substring of each pinyin-initials reading of the name (so `zs`
 * and `s` find 张三, `xm` finds 王小明, and a polyphone's readings all count).
 * Terms are folded like queries (full-width ASCII to ASCII, ASCII lower
 * case) and at most SEARCHKEY_TERM_CHARS characters long; a longer query is
 * looked up by its first SEARCHKEY_TERM_CHARS characters.
 *
 * The last digits of residents' ID numbers and phones are terms only up to
 * SEARCHKEY_TAIL_FILED characters (18 + 11 suffixes per person would triple
 * the index): a short tail matches a thousandth of the residents, too many
 * to gather and sort at each keystroke, so it is one index range like a
 * name.  A longer tail matches a handful of residents and is a prefix range
 * on the reversed columns residents.id_rev and phone_rev (core/reskey): see
 * searchkey_tail.  A household's own phone (one per household) is filed by
 * all its tails. */
#ifndef DOORSTEP_SEARCHKEY_H
#define DOORSTEP_SEARCHKEY_H

#include <stddef.h>

/* The longest term, in characters. */
#define SEARCHKEY_TERM_CHARS 12
/* Readings combinations of one name taken into terms. */
#define SEARCHKEY_MAX_VARIANTS 8
/* The fewest digits a tail query takes. */
#define SEARCHKEY_TAIL_MIN 3
/* The longest tail of a resident's ID number or phone filed as a term. */
#define SEARCHKEY_TAIL_FILED 4

/* A set of distinct terms; zero-initialise, free with searchkey_terms_free. */
struct searchkey_terms {
	char **v; /* sorted and distinct after searchkey_terms_finish */
	size_t n, cap;
};

/* Returns the folded query for what the user typed (malloc'd, never NULL):
 * full-width ASCII and the ideographic space folded, ASCII lower-cased,
 * white space trimmed at both ends and runs of it made one space, cut to
 * SEARCHKEY_TERM_CHARS characters.  "" means no filter. */
char *searchkey_query(const char *typed);

/* Adds the prefixes of code (folded, up to SEARCHKEY_TERM_CHARS characters). */
void searchkey_add_code(struct searchkey_terms *t, const char *code);

/* Adds the substrings of name (folded) and of each of its pinyin-initials
 * readings (at most SEARCHKEY_MAX_VARIANTS of them), each of 1 to
 * SEARCHKEY_TERM_CHARS characters. */
void searchkey_add_name(struct searchkey_terms *t, const char *name);

/* Adds the last SEARCHKEY_TAIL_MIN or more digits of a household's phone
 * (its digits only: "0398-2812345" gives "345" ... "03982812345"), so that
 * a tail query finds the household by its own phone too. */
void searchkey_add_tails(struct searchkey_terms *t, const char *phone);

/* Adds the tails of SEARCHKEY_TAIL_MIN to SEARCHKEY_TAIL_FILED characters of
 * a resident's ID number or phone (its digits and X, folded: "…1234X" gives
 * "234x"; a tail that searchkey_tail would not take as a query, like "34x",
 * is left out), the short tail queries that searchkey_tail_filed says are
 * looked up as terms. */
void searchkey_add_number_tails(struct searchkey_terms *t, const char *number);

/* Sorts the terms (byte order) and drops duplicates. */
void searchkey_terms_finish(struct searchkey_terms *t);

/* Frees the terms and zeroes t. */
void searchkey_terms_free(struct searchkey_terms *t);

/* When the folded query q is a tail query, SEARCHKEY_TAIL_MIN or more digits
 * with an optional last x, writes it reversed and upper-cased into out (n
 * bytes) the way residents.id_rev and phone_rev store numbers ("1234x" ->
 * "X4321") and returns 1; else returns 0. */
int searchkey_tail(const char *q, char *out, size_t n);

/* Whether tail query q (searchkey_tail returned 1) is short enough to be
 * filed as a term (searchkey_add_number_tails), so that the term lookup
 * alone finds every resident it ends. */
int searchkey_tail_filed(const char *q);

/* The filter's answer for a household not yet filed (db/search.c reads it
 * while the household waits in the queue): whether folded query q is a term
 * that searchkey_add_code(code) or searchkey_add_tails(phone) would file. */
int searchkey_match_household(const char *q, const char *code, const char *phone);

/* The same for one resident's name: whether q is a term
 * searchkey_add_name(name) would file (a substring of the folded name or of
 * one of its first SEARCHKEY_MAX_VARIANTS initials readings).  The tails of
 * the resident's ID number and phone are matched by the caller, on
 * residents.id_rev and phone_rev. */
int searchkey_match_name(const char *q, const char *name);

#endif
