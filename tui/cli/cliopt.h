/* cliopt: a command's options as a table, and the one loop that reads them.
 *
 * Each command states its options once, one line each, with where each
 * value goes and how it is checked:
 *
 *	const char *from = NULL;
 *	int dry = 0;
 *	char date[DATE_STR] = "";
 *	struct cliopt opts[] = {
 *		CLIOPT_TEXT("from", 0, &from, NULL),
 *		CLIOPT_FLAG("dry-run", 0, &dry),
 *		CLIOPT_DATE("date", date),
 *		CLIOPT_END,
 *	};
 *	if (cliopt_parse("mine", opts, argc, argv) != CLI_OK)
 *		return CLI_USAGE;
 *	... the operands are argv[optind .. argc-1]
 *
 * Long options are --name VALUE or --name=VALUE; a letter adds -x VALUE.
 * Options may follow operands (glibc permutes); cli_run has reset getopt. */
#ifndef DOORSTEP_CLIOPT_H
#define DOORSTEP_CLIOPT_H

enum cliopt_kind {
	CLIOPT_IS_FLAG,	 /* no value: the int at `to` becomes 1 */
	CLIOPT_IS_TEXT,	 /* the value itself, in the const char * at `to` */
	CLIOPT_IS_DATE,	 /* a date as forms take it (0215, -1 ...), as ISO text in the
			  * char[DATE_STR] at `to` (cli_parse_date) */
	CLIOPT_IS_COUNT, /* a whole decimal number from lo to hi, in the long long at `to` */
	CLIOPT_IS_CALL,	 /* call(to, value) stores it: 0, or -1 when it refuses it */
};

struct cliopt {
	const char *name; /* without "--"; NULL ends the table */
	char letter;	  /* its one-letter form (-o), or 0 */
	enum cliopt_kind kind;
	void *to;
	/* What a refused value gets told (an English msgid): for a count and
	 * a call a format given the value (%s); for a text the message for an
	 * empty value (NULL: an empty value is taken). */
	const char *refusal;
	long long lo, hi; /* a count's range */
	int (*call)(void *to, const char *value);
};

/* One option each (letter: its one-letter form, or 0). */
#define CLIOPT_FLAG(name, letter, to)                                                              \
	{                                                                                          \
		name, letter, CLIOPT_IS_FLAG, to, NULL, 0, 0, NULL                                 \
	}
#define CLIOPT_TEXT(name, letter, to, if_empty)                                                    \
	{                                                                                          \
		name, letter, CLIOPT_IS_TEXT, to, if_empty, 0, 0, NULL                             \
	}
#define CLIOPT_DATE(name, to)                                                                      \
	{                                                                                          \
		name, 0, CLIOPT_IS_DATE, to, NULL, 0, 0, NULL                                      \
	}
#define CLIOPT_COUNT(name, to, lo, hi, refusal)                                                    \
	{                                                                                          \
		name, 0, CLIOPT_IS_COUNT, to, refusal, lo, hi, NULL                                \
	}
#define CLIOPT_CALL(name, to, call, refusal)                                                       \
	{                                                                                          \
		name, 0, CLIOPT_IS_CALL, to, refusal, 0, 0, call                                   \
	}
#define CLIOPT_END                                                                                 \
	{                                                                                          \
		NULL, 0, CLIOPT_IS_FLAG, NULL, NULL, 0, 0, NULL                                    \
	}

/* Reads argv's options (argv[0] is the command) as opts says, leaving
 * optind at the first operand.  Returns CLI_OK, or CLI_USAGE after saying
 * what is wrong on stderr (cli_usage_error): an unknown option, a missing
 * or refused value.  A command whose table has a "help" option points at
 * it when an option is unknown. */
int cliopt_parse(const char *command, const struct cliopt *opts, int argc, char **argv);

/* The usage error for an operand nobody expected (argv[i]): CLI_USAGE
 * when i < argc, else CLI_OK. */
int cliopt_no_more(const char *command, int argc, char **argv, int i);

#endif
