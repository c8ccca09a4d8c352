/*
** gold.h -- gold-standard records for `warta eval`: what a coder should
** produce for each sentence, read from PETRARCH validation XML or from
** warta's gold JSONL.  Independent of the coder.
*/
#ifndef WARTA_CLI_GOLD_H
#define WARTA_CLI_GOLD_H

#include <stdbool.h>
#include <stddef.h>

/* One expected (or predicted) event.  Codes are compared as strings: a
** source of "---GOV" or a target of "" counts as written.  An actor code
** longer than 31 bytes is cut to 31 (on a UTF-8 boundary), the most that
** warta_actor.code can hold, so gold and prediction are cut alike. */
typedef struct gold_event {
    char source[32], target[32], code[8];
} gold_event;

typedef struct gold_record {
    char *id, *date /* YYYY-MM-DD, or NULL */, *lang, *text, *category;
    gold_event *events;
    size_t n_events;
    bool expect_none;   /* noevents="True", no <EventCoding>, or "events":[] */
    bool expect_error;  /* <EventCoding error=...>: skip in scoring, count
                           separately */
    bool allow_monads;  /* <Config option="require_dyad" value="false">
                           was in force: one-sided events are expected */
} gold_record;

typedef struct gold_set {
    gold_record *records;
    size_t n;
    /* PETRARCH <Environment> files, resolved relative to the XML file's
    ** directory; NULL when not named (and always for JSONL). */
    char *verbs, *actors, *agents, *discards;
} gold_set;

/* Read a gold file into *out (which the caller frees with gold_free, also
** after a failure).  The format is told by the first non-blank byte: '<'
** is PETRARCH XML, '{' is JSONL.  Returns 0, or -1 with a message
** "file:line: ..." in err. */
int gold_read(const char *path, gold_set *out, char *err, size_t n_err);
void gold_free(gold_set *g);

/* Copy an event code field, cutting it to fit dst (n bytes with the NUL)
** on a UTF-8 boundary; n > 0.  Returns false when it had to cut. */
bool gold_copy_code(char *dst, size_t n, const char *src);

#endif
