/* staff_list: the staff and volunteers (F4): who they are, their phones,
 * who is a party member (党员), and this month's volunteer service hours
 * (core/volunteer.h).  Enter or `e` edits the phone, role and party
 * membership of the selected person (audited); Esc goes back. */
#ifndef DOORSTEP_STAFF_LIST_H
#define DOORSTEP_STAFF_LIST_H

struct app;

/* Opens the list.  Returns 0 or -1. */
int staff_list_push(struct app *app);

#endif
