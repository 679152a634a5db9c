/* views: the domain rules that SQL must run (counts, lists, exports), each
 * written once.  The rule itself lives in core/; here is its one SQL form,
 * and tests/unit/test_views.c checks that the two agree on a table of cases.
 *
 * Schema views (db/schema.c, migration "rules as views"):
 * - isolation_spans: every column of isolations plus last_day, the span's
 *   last day as core/isolation isolation_span_compute gives it
 *   (start + max(days + extended_days, 1) - 1);
 * - stock_moves: what enters and leaves donated stock and on which day
 *   (item, unit, date, received, distributed, value_fen): a goods donation
 *   on its received date, its void (when voided) as the same quantity taken
 *   back on the void's date, a distribution on its date;
 * - stock: stock_moves summed per item and unit (received, distributed,
 *   value_fen, on_hand = received - distributed, core/stock
 *   stock_on_hand), for items with anything received or given out.
 *
 * An isolation "on a date" is one of two questions (core/isolation
 * isolation_due_on and isolation_held_on), written as SQL fragments over an
 * isolation alias A and a date expression D (an ISO date parameter):
 * - ISO_DUE_ON: started and not ended by the end of D (start <= D and no
 *   end or end > D): its AM and PM checks are expected that day.  Used by
 *   the active, due, missed, checks done and last-day counts (db/stats), the
 *   active lists and sites (db/isolation_list), the gate (db/passes);
 * - ISO_HELD_ON: isolated at some time of D (start <= D <= end, or no end):
 *   the due ones plus those whose isolation ended that day.  Used where the
 *   day's ends are listed or counted (db/stats released / ended otherwise,
 *   the isolation sheet of a day in db/sheets). */
#ifndef DOORSTEP_VIEWS_H
#define DOORSTEP_VIEWS_H

#define ISO_DUE_ON(A, D)                                                                           \
	"(" A ".start_date <= " D " AND (" A ".end_date IS NULL OR " A ".end_date > " D "))"
/* ISO_CHECKS_OURS: the isolation's checks are the committee's (core/isolation
 * isolation_checks_ours): home isolation always, central and hospital when
 * the settings' checks_central / checks_hospital say so.  Used where checks
 * are expected or missed (db/stats, db/isolation_list). */
#define ISO_CHECKS_OURS(A)                                                                         \
	"(" A ".kind NOT IN ('central', 'hospital') OR coalesce((SELECT CASE " A ".kind"          \
	" WHEN 'central' THEN checks_central ELSE checks_hospital END FROM settings"               \
	" WHERE deleted_at IS NULL LIMIT 1), 0) = 1)"
#define ISO_HELD_ON(A, D)                                                                          \
	"(" A ".start_date <= " D " AND (" A ".end_date IS NULL OR " A ".end_date >= " D "))"

/* A voided donation: either mark set (older rows may carry only one). */
#define DONATION_VOIDED(A) "(" A ".void_reason IS NOT NULL OR " A ".voided_at IS NOT NULL)"
/* The day a donation's void counts on: the void's date (the receipt's date
 * for an older row voided without a time). */
#define DONATION_VOID_DATE(A) "coalesce(substr(" A ".voided_at, 1, 10), " A ".received_date)"

/* The name of household H's head (or, without one, of its first member by
 * UUID): the name a list shows beside the household's code. */
#define HOUSEHOLD_HEAD_NAME(H)                                                                     \
	"(SELECT r.name FROM residents r WHERE r.household_id = " H ".id AND r.deleted_at IS NULL" \
	" ORDER BY r.relation <> 'head', r.uuid LIMIT 1)"

#endif
