/* pinyin_table: the tables that tools/gen_pinyin_table.sh generates from
 * data/pinyin.txt into build/gen/pinyin_table.c.  Only core/pinyin.c reads
 * them; everyone else calls pinyin_initials_mask().
 *
 * Lookup of code point cp < PINYIN_TABLE_LIMIT (the end of CJK Extension H):
 *   block = pinyin_table_stage1[cp >> PINYIN_TABLE_SHIFT]
 *   index = pinyin_table_stage2[(block << PINYIN_TABLE_SHIFT) | (cp & low bits)]
 *   mask  = pinyin_table_masks[index]   (bit 0 = 'a' ... bit 25 = 'z')
 * Block 0 is all zeros, and so is mask 0. */
#ifndef DOORSTEP_PINYIN_TABLE_H
#define DOORSTEP_PINYIN_TABLE_H

#include <stdint.h>

#define PINYIN_TABLE_SHIFT 7
#define PINYIN_TABLE_LIMIT 0x32400u

/* Hidden: the lookup sits in the inner loop of the filter-as-you-type, and
 * hidden data is addressed directly rather than through the GOT. */
#define PINYIN_TABLE_HIDDEN __attribute__((visibility("hidden")))

extern const uint32_t pinyin_table_masks[] PINYIN_TABLE_HIDDEN;
extern const uint16_t
    pinyin_table_stage1[PINYIN_TABLE_LIMIT >> PINYIN_TABLE_SHIFT] PINYIN_TABLE_HIDDEN;
extern const uint16_t pinyin_table_stage2[] PINYIN_TABLE_HIDDEN;

#endif
