/* namesort: the order of names people read in a picker: grids and staff.
 *
 * 第一网格, 第二网格, 第十一网格 and 王芳, 李强 are ordered as a Chinese
 * reader expects: Han characters by the initial of their pinyin (the first
 * reading alphabetically, core/pinyin), ties by the character; numbers by
 * value, written in Arabic digits or in Chinese numerals (二, 十一, 一百零五,
 * 二〇二〇); ASCII letters without case among the pinyin initials (Li
 * before 王).  The key is a plain string whose byte order is that order
 * (numbers as core/natsort encodes them). */
#ifndef DOORSTEP_NAMESORT_H
#define DOORSTEP_NAMESORT_H

/* The malloc'd sort key of name (never NULL; NULL sorts as ""). */
char *namesort_key(const char *name);

/* Compares two names by their keys, then bytewise: <0, 0, >0. */
int namesort_cmp(const char *a, const char *b);

#endif
