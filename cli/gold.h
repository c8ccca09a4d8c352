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
    bool partial;       /* TABARI's "-{": the events listed must be coded,
                           others may be too */
    char *directive;    /* TABARI's "{ OPTION: ... }" lines, one a line:
                           the record is not scored, its options apply to
                           the records after it; NULL for other records */
} gold_record;

typedef struct gold_set {
    gold_record *records;
    size_t n;
    /* PETRARCH <Environment> files, resolved relative to the XML file's
    ** directory; NULL when not named (and always for JSONL). */
    char *verbs, *actors, *agents, *discards;
    /* A TABARI .project (the dictionaries and options it names), when the
    ** records came from one; NULL otherwise. */
    char *project;
} gold_set;

/* Read a gold file into *out (which the caller frees with gold_free, also
** after a failure).  A name ending in ".project" is a TABARI project (its
** <textfile> is read); otherwise the format is told by the first
** non-blank byte: '<' is PETRARCH XML, '{' is JSONL, a digit is TABARI's
** validation text.  Returns 0, or -1 with a message "file:line: ..." in
** err. */
int gold_read(const char *path, gold_set *out, char *err, size_t n_err);
void gold_free(gold_set *g);

/* TABARI validation records (gold_tabari.c): the text of a .project's
** <textfile>, or a text file itself (project NULL). */
int gold_read_tabari(const char *path, bool is_project, gold_set *out,
                     char *err, size_t n_err);

/* Shared by the readers. */
char *gold_dup(const char *s);
char *gold_dup_n(const char *s, size_t n);
gold_record *gold_add_record(gold_set *g, size_t *cap);
gold_event *gold_add_event(gold_record *r, size_t *cap);
/* The lines of s[0..n), trimmed, the empty ones dropped, joined with
** single spaces. */
char *gold_join_lines(const char *s, size_t n);
/* name resolved against the directory of the file at path. */
char *gold_resolve(const char *path, const char *name);

/* Copy an event code field, cutting it to fit dst (n bytes with the NUL)
** on a UTF-8 boundary; n > 0.  Returns false when it had to cut. */
bool gold_copy_code(char *dst, size_t n, const char *src);

#endif
