/* rmbupper: an amount of money in Chinese capital numerals (大写金额), as a
 * receipt writes it beside the figures so that nobody can alter them:
 * 123450 fen is 壹仟贰佰叁拾肆元伍角整.
 *
 * The rules are those of the People's Bank's payment regulations: 整 after
 * 元 or 角 when there are no 分; one 零 for any run of zeros inside the
 * number; a 零 between 元 and 角 (or 分) when the 元 digit is zero or 角 is
 * missing (1,680.32 is 壹仟陆佰捌拾元零叁角贰分, 325.04 is
 * 叁佰贰拾伍元零肆分); 拾 always carries its digit (壹拾元整). */
#ifndef DOORSTEP_RMBUPPER_H
#define DOORSTEP_RMBUPPER_H

#include <stddef.h>

/* Room for any amount up to core/money.h's MONEY_MAX_FEN and its NUL. */
#define RMBUPPER_MAX 160

/* Writes fen in capitals into out (n bytes; RMBUPPER_MAX is always enough).
 * Zero is 零元整.  Returns 0, or -1 for a negative amount or one above
 * MONEY_MAX_FEN (out is then ""). */
int rmbupper_format(long long fen, char *out, size_t n);

#endif
