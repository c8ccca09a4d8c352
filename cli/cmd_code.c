/*
** cmd_code.c -- `warta code`: articles in, events out (JSON lines or a
** readable table), coded with the language packs or the dictionaries
** given with --dict / --project.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "coders.h"

typedef struct code_opts {
    const char *date, *lang;
    int format;                     /* of formats */
    const char *geo;                /* --geo, or NULL */
    warta_format fmt;               /* for every --format but text */
    unsigned flags;                 /* warta_write_event_as's, from --geo */
    dict_list dicts;
    coder_args coder;
    const char *project;            /* its <textfile> is the default input */
    unsigned threads;
    bool explain, no_progress, monads, actors;
} code_opts;

static const char *const formats[] = {"json", "text", "gdelt", "plover",
                                      "csv", NULL};
enum { FORMAT_JSON, FORMAT_TEXT };
static const warta_format format_of[] = {
    WARTA_FORMAT_JSON, WARTA_FORMAT_JSON, WARTA_FORMAT_GDELT,
    WARTA_FORMAT_PLOVER, WARTA_FORMAT_CSV};

static const char usage[] =
    "usage: warta code [options] [FILE|DIR|-]...\n"
    "  Code articles into events; one JSON object per event.\n"
    "  --dict PATH          a dictionary file, pack directory or TABARI\n"
    "                       .project (repeatable; default: the packs in\n"
    "                       packs/ of the data directory, $WARTA_DATA)\n"
    "  --project FILE       a TABARI project: its dictionaries\n"
    "  --format FORMAT      json (default), text, gdelt (GDELT 2.0's\n"
    "                       61 tab-separated columns), plover (PLOVER\n"
    "                       JSON) or csv (a header, then one row each)\n"
    "  --geo fips|iso3      gdelt's place countries: FIPS 10-4 (default,\n"
    "                       as GDELT) or ISO 3166-1 alpha-3\n"
    "  --explain            name the dictionary entries that fired\n"
    "  --monads             also code events with one side unknown (---)\n"
    CODER_SYNTAX_USAGE CODER_MODE_USAGE
    "  --actors             print every actor found instead of events\n"
    "  --threads N          coding threads (default: the cores); the output\n"
    "                       is the same, in input order\n"
    INPUT_USAGE;

typedef struct code_run {
    const code_opts *o;
    const warta_dict *dict;
    warta_buf out;                  /* the header's */
} code_run;

static void print_event_text(const warta_doc *doc, const warta_event *e,
                             bool explain)
{
    const warta_meta *m = warta_doc_meta(doc);
    printf("%s#%zu  %s  %-12s %-5s %-12s  %s", m->id ? m->id : "-",
           e->sentence, e->date[0] ? e->date : "----------", e->source.code,
           e->code, e->target.code, e->label);
    if (e->mode != WARTA_MODE_ASSERTED)
        printf("  [%s]", warta_mode_name((warta_mode)e->mode));
    printf("%s\n", e->historical ? "  [historical]" : "");
    if (!explain)
        return;
    printf("    source \"%.*s\" (%s)  verb \"%.*s\" (%s)  target \"%.*s\" (%s)\n",
           (int)e->source.text.n, e->source.text.p, e->source.entry,
           (int)e->verb.n, e->verb.p, e->rule, (int)e->target.text.n,
           e->target.text.p, e->target.entry);
    const char *src = e->source_how, *tgt = e->target_how;
    if ((src && *src) || (tgt && *tgt))
        printf("    source by %s, target by %s\n", src && *src ? src : "-",
               tgt && *tgt ? tgt : "-");
}

static void print_actor_text(const warta_doc *doc, const warta_mention *m)
{
    printf("%s#%zu  %-14s %.*s\n", warta_doc_meta(doc)->id, m->sentence,
           m->actor.code, (int)m->actor.text.n, m->actor.text.p);
}

/* On a coding thread: code doc, and write its events (or actors) to out
** unless they are printed as text. */
static warta_status code_doc(warta_ctx *ctx, warta_doc *doc, void *ud,
                             warta_buf *out, uint64_t *items)
{
    const code_run *r = ud;
    const code_opts *o = r->o;
    warta_status rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, o->lang);
    warta_code_opts co = coder_args_opts(&o->coder);
    co.allow_monads = o->monads;
    co.list_actors = o->actors;
    if (rc == WARTA_OK)
        rc = warta_doc_code_opts(ctx, doc, r->dict, &co);
    size_t n = o->actors ? warta_doc_n_actors(doc) : warta_doc_n_events(doc);
    bool text = o->format == FORMAT_TEXT;
    unsigned flags = o->flags | (o->explain ? WARTA_WRITE_EXPLAIN : 0);
    for (size_t i = 0; i < n && rc == WARTA_OK && !text; i++)
        rc = o->actors ? warta_write_actor(ctx, doc, i, out)
                       : warta_write_event_as(ctx, doc, i, o->fmt, flags, out);
    *items = n;
    return rc;
}

/* In input order: doc's events (or actors), as text or as code_doc wrote
** them. */
static void print_doc(const warta_doc *doc, const warta_buf *out, void *ud)
{
    const code_opts *o = ((const code_run *)ud)->o;
    if (o->format != FORMAT_TEXT) {
        if (out->n)
            fwrite(out->p, 1, out->n, stdout);
        return;
    }
    size_t n = o->actors ? warta_doc_n_actors(doc) : warta_doc_n_events(doc);
    for (size_t i = 0; i < n; i++) {
        if (o->actors)
            print_actor_text(doc, warta_doc_actor(doc, i));
        else
            print_event_text(doc, warta_doc_event(doc, i), o->explain);
    }
}

/* A TABARI project names its text: "<textfile> TABARI.Demo.text", relative
** to the project's folder. */
static bool project_text_file(const char *project, char *out, size_t n)
{
    FILE *f = fopen(project, "r");
    if (!f)
        return false;
    char line[1024];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        char name[512];
        if (sscanf(line, " <textfile> %511s", name) == 1) {
            const char *slash = strrchr(project, '/');
            snprintf(out, n, "%.*s%s", slash ? (int)(slash - project + 1) : 0,
                     project, name);
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* The options, checked; 0 to go on, else the exit status. */
static int parse_options(int argc, char **argv, code_opts *o, int *n_inputs)
{
    cli_opt opts[] = {
        DICT_OPTION(&o->dicts),
        OPT("project", OPT_TEXT, &o->project),
        OPT("format", OPT_CHOICE, &o->format, .choices = formats),
        OPT("geo", OPT_TEXT, &o->geo),
        OPT("explain", OPT_FLAG, &o->explain),
        OPT("monads", OPT_FLAG, &o->monads),
        CODER_SYNTAX_OPTIONS(&o->coder),
        CODER_MODE_OPTIONS(&o->coder),
        OPT("actors", OPT_FLAG, &o->actors),
        OPT("threads", OPT_NUMBER, &o->threads, .min = 1,
            .max = CODERS_MAX_THREADS),
        INPUT_OPTIONS(&o->date, &o->lang, &o->no_progress),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, n_inputs);
    if (rc)
        return rc;
    /* a project is a dictionary too, after those given */
    if (o->project && !dict_list_add(&o->dicts, o->project))
        return EXIT_USAGE;
    o->fmt = format_of[o->format];
    if (!cli_geo_option(o->geo, o->fmt == WARTA_FORMAT_GDELT, &o->flags))
        return EXIT_USAGE;
    if (o->actors && o->fmt != WARTA_FORMAT_JSON) {
        cli_error("--actors prints json or text, not %s", formats[o->format]);
        return EXIT_USAGE;
    }
    return coder_args_check(&o->coder);
}

/* Write the output's header (CSV's), if it has one; false when it fails. */
static bool write_header(warta_ctx *ctx, code_run *run)
{
    if (warta_write_header(ctx, run->o->fmt, &run->out) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        return false;
    }
    if (run->out.n)
        fwrite(run->out.p, 1, run->out.n, stdout);
    return true;
}

int cmd_code(int argc, char **argv)
{
    code_opts o = {.threads = coders_default_threads()};
    int n_inputs;
    int rc = parse_options(argc, argv, &o, &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    coder_args_start(&o.coder);
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK) {
        coder_args_free(&o.coder);
        return EXIT_FAILED;
    }
    warta_dict *dict = cli_load_dicts(ctx, &o.dicts);
    code_run run = {.o = &o, .dict = dict};
    /* CSV's header, once, before the first row (alone if none follows). */
    if (!dict || !coder_args_load(ctx, &o.coder) || !write_header(ctx, &run)) {
        warta_buf_free(ctx, &run.out);
        warta_dict_free(dict);
        coder_args_free(&o.coder);
        warta_close(ctx);
        return EXIT_FAILED;
    }
    progress pg;
    progress_start(&pg, "events", !o.no_progress);
    warta_read_opts ro = {.date = o.date, .lang = o.lang};
    coders_spec spec = {.threads = o.threads, .cfg = &cfg,
                        .models = &o.coder.models, .read_opts = &ro,
                        .code = code_doc, .take = print_doc, .ud = &run,
                        .progress = &pg};
    run_totals t = {0};
    char text_file[PATH_MAX];
    char *project_input[] = {text_file};
    bool ran;
    if (n_inputs == 0 && o.project && project_text_file(o.project, text_file,
                                                        sizeof text_file))
        ran = coders_run(ctx, project_input, 1, &spec, &t);
    else
        ran = coders_run(ctx, argv + 1, n_inputs, &spec, &t);
    fflush(stdout);
    warta_buf_free(ctx, &run.out);
    if (t.skipped)
        cli_error("%llu articles coded, %zu skipped",
                  (unsigned long long)t.docs, t.skipped);
    warta_dict_free(dict);
    coder_args_free(&o.coder);
    warta_close(ctx);
    return !ran ? EXIT_FAILED : t.skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
}
