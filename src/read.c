/*
** read.c -- stage 0: articles from files.
**
** An input is a .txt file (one article), a JSONL file (one article per
** line; gzip or zstd compressed, told by magic bytes), a directory (walked
** recursively in name order, symlink loops cut) or "-" for stdin (JSONL
** if it starts with '{', else one plain-text article).  A bad article is
** reported by file and line or byte and skipped; the rest is read.
** Hands on: warta_doc objects with metadata and original text.
*/
#define _GNU_SOURCE            /* memmem */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <zlib.h>
#include <zstd.h>

#include "warta_int.h"

/* ---- byte streams: plain, gzip, zstd ------------------------------------- */

typedef enum { COMP_NONE, COMP_GZIP, COMP_ZSTD } compression;

typedef struct stream {
    int fd;
    compression comp;
    unsigned char *in;              /* compressed input buffer */
    size_t in_cap;
    z_stream zs;                    /* gzip */
    bool zs_open, in_member;
    ZSTD_DCtx *zd;                  /* zstd */
    ZSTD_inBuffer zbuf;
    size_t zframe_left;             /* last ZSTD_decompressStream hint */
    unsigned char sniff[4];         /* bytes read to tell the compression */
    size_t n_sniff, sniff_pos;
    uint64_t raw_bytes;             /* bytes taken from the file */
    bool failed;
    char err[160];
} stream;

static ssize_t raw_read(stream *s, void *buf, size_t n)
{
    if (s->sniff_pos < s->n_sniff) {
        size_t k = s->n_sniff - s->sniff_pos;
        if (k > n)
            k = n;
        memcpy(buf, s->sniff + s->sniff_pos, k);
        s->sniff_pos += k;
        return (ssize_t)k;
    }
    ssize_t r;
    do
        r = read(s->fd, buf, n);
    while (r < 0 && errno == EINTR);
    if (r > 0)
        s->raw_bytes += (uint64_t)r;
    else if (r < 0)
        snprintf(s->err, sizeof s->err, "%s", strerror(errno));
    return r;
}

/* Read the first bytes to tell gzip and zstd from plain text; they are
** handed out again by raw_read, so pipes work too. */
static bool stream_open(stream *s, int fd)
{
    memset(s, 0, sizeof *s);
    s->fd = fd;
    while (s->n_sniff < sizeof s->sniff) {
        ssize_t r = read(fd, s->sniff + s->n_sniff, sizeof s->sniff - s->n_sniff);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(s->err, sizeof s->err, "%s", strerror(errno));
            return false;
        }
        if (r == 0)
            break;
        s->n_sniff += (size_t)r;
        s->raw_bytes += (uint64_t)r;
    }
    bool gzip = s->n_sniff >= 2 && s->sniff[0] == 0x1f && s->sniff[1] == 0x8b;
    bool zstd = s->n_sniff == 4 && s->sniff[0] == 0x28 &&
                s->sniff[1] == 0xb5 && s->sniff[2] == 0x2f && s->sniff[3] == 0xfd;
    if (!gzip && !zstd)
        return true;
    s->in_cap = (size_t)1 << 17;
    if (!(s->in = malloc(s->in_cap))) {
        snprintf(s->err, sizeof s->err, "out of memory");
        return false;
    }
    if (gzip) {
        s->comp = COMP_GZIP;
        /* 16 + MAX_WBITS: a gzip header and trailer around deflate data */
        if (inflateInit2(&s->zs, 16 + MAX_WBITS) != Z_OK) {
            snprintf(s->err, sizeof s->err, "cannot start gzip decoding");
            return false;
        }
        s->zs_open = true;
    } else {
        s->comp = COMP_ZSTD;
        if (!(s->zd = ZSTD_createDCtx())) {
            snprintf(s->err, sizeof s->err, "out of memory");
            return false;
        }
        s->zbuf = (ZSTD_inBuffer){s->in, 0, 0};
    }
    return true;
}

static void stream_close(stream *s)
{
    if (s->zs_open)
        inflateEnd(&s->zs);
    if (s->zd)
        ZSTD_freeDCtx(s->zd);
    free(s->in);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

/* gzip, member after member (concatenated .gz files are valid gzip). */
static ssize_t gzip_read(stream *s, void *buf, size_t n)
{
    z_stream *zs = &s->zs;
    zs->next_out = buf;
    zs->avail_out = n > (1u << 30) ? 1u << 30 : (uInt)n;
    uInt want = zs->avail_out;
    while (zs->avail_out == want) {
        if (zs->avail_in == 0) {
            ssize_t r = raw_read(s, s->in, s->in_cap);
            if (r < 0)
                return -1;
            if (r == 0) {
                if (s->in_member) {
                    snprintf(s->err, sizeof s->err,
                             "gzip data ends in the middle of a stream");
                    return -1;
                }
                return 0;
            }
            zs->next_in = s->in;
            zs->avail_in = (uInt)r;
        }
        int ret = inflate(zs, Z_NO_FLUSH);
        if (ret == Z_STREAM_END) {
            s->in_member = false;
            inflateReset(zs);
        } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
            s->in_member = true;
        } else {
            snprintf(s->err, sizeof s->err, "gzip: %s",
                     zs->msg ? zs->msg : "corrupt data");
            return -1;
        }
    }
    return (ssize_t)(want - zs->avail_out);
}

static ssize_t zstd_read(stream *s, void *buf, size_t n)
{
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos == 0) {
        if (s->zbuf.pos == s->zbuf.size) {
            ssize_t r = raw_read(s, s->in, s->in_cap);
            if (r < 0)
                return -1;
            if (r == 0) {
                if (s->zframe_left != 0) {
                    snprintf(s->err, sizeof s->err,
                             "zstd data ends in the middle of a frame");
                    return -1;
                }
                return 0;
            }
            s->zbuf = (ZSTD_inBuffer){s->in, (size_t)r, 0};
        }
        size_t ret = ZSTD_decompressStream(s->zd, &out, &s->zbuf);
        if (ZSTD_isError(ret)) {
            snprintf(s->err, sizeof s->err, "zstd: %s", ZSTD_getErrorName(ret));
            return -1;
        }
        s->zframe_left = ret;
    }
    return (ssize_t)out.pos;
}

/* Read up to n bytes; 0 at the end, -1 on error (message in s->err). */
static ssize_t stream_read(stream *s, void *buf, size_t n)
{
    if (s->failed)
        return -1;
    ssize_t r = s->comp == COMP_GZIP   ? gzip_read(s, buf, n)
                : s->comp == COMP_ZSTD ? zstd_read(s, buf, n)
                                       : raw_read(s, buf, n);
    if (r < 0)
        s->failed = true;
    return r;
}

/* ---- inputs: the files an argument names ------------------------------- */

typedef enum { FMT_SNIFF, FMT_TEXT, FMT_JSONL, FMT_TABARI } file_format;

typedef struct input {
    char *path;
    uint64_t size;
    char *error;                    /* a problem met while walking, to be
                                       reported when this input's turn comes */
} input;

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

struct warta_reader {
    warta_ctx *ctx;
    char *date, *lang;              /* metadata for plain-text articles */
    input *inputs;
    size_t n_inputs, cap_inputs, next_input;
    dir_id *seen_dirs;
    size_t n_seen, cap_seen;
    uint64_t total_bytes, done_bytes;
    /* the file being read */
    bool open;
    char *path;                     /* "-" for stdin; borrowed from inputs */
    file_format fmt;
    stream st;
    char *buf;                      /* read buffer */
    size_t buf_cap, buf_len, buf_pos;
    bool eof;
    bool text_done;                 /* a plain-text file's one article read */
    bool regular;                   /* a regular file: its lines end */
    size_t line_no;
};

/* A pipe is read as '-' (standard input): named, a FIFO would block until
** a writer comes, and a device such as /dev/zero has no end. */
#define NOT_REGULAR "not a regular file (a FIFO, device or socket: give " \
                    "its data on standard input, '-')"

static char *str_dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

/* The format a file name promises, once .gz/.zst is taken off. */
static file_format format_of_name(const char *path)
{
    char base[4096];
    snprintf(base, sizeof base, "%s", path);
    if (has_suffix(base, ".gz"))
        base[strlen(base) - 3] = '\0';
    else if (has_suffix(base, ".zst"))
        base[strlen(base) - 4] = '\0';
    if (has_suffix(base, ".jsonl") || has_suffix(base, ".ndjson"))
        return FMT_JSONL;
    if (has_suffix(base, ".txt"))
        return FMT_TEXT;
    return FMT_SNIFF;
}

static bool add_input_full(warta_reader *rd, const char *path, uint64_t size,
                           const char *error)
{
    if (rd->n_inputs == rd->cap_inputs) {
        size_t cap = rd->cap_inputs ? rd->cap_inputs * 2 : 16;
        input *p = realloc(rd->inputs, cap * sizeof *p);
        if (!p)
            return false;
        rd->inputs = p;
        rd->cap_inputs = cap;
    }
    char *copy = strdup(path);
    char *err = error ? strdup(error) : NULL;
    if (!copy || (error && !err)) {
        free(copy);
        free(err);
        return false;
    }
    rd->inputs[rd->n_inputs++] = (input){copy, size, err};
    rd->total_bytes += size;
    return true;
}

static bool add_input(warta_reader *rd, const char *path, uint64_t size)
{
    return add_input_full(rd, path, size, NULL);
}

/* Something under a directory that cannot be read: it is reported in its
** turn, like an unreadable file named on the command line. */
static bool add_problem(warta_reader *rd, const char *path, const char *why)
{
    return add_input_full(rd, path, 0, why);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Has this directory been walked already (a symlink loop)?  If not,
** remember it. */
static bool dir_seen(warta_reader *rd, const struct stat *sb)
{
    for (size_t i = 0; i < rd->n_seen; i++)
        if (rd->seen_dirs[i].dev == sb->st_dev &&
            rd->seen_dirs[i].ino == sb->st_ino)
            return true;
    if (rd->n_seen == rd->cap_seen) {
        size_t cap = rd->cap_seen ? rd->cap_seen * 2 : 16;
        dir_id *p = realloc(rd->seen_dirs, cap * sizeof *p);
        if (!p)
            return true;
        rd->seen_dirs = p;
        rd->cap_seen = cap;
    }
    rd->seen_dirs[rd->n_seen++] = (dir_id){sb->st_dev, sb->st_ino};
    return false;
}

/* Collect the article files under a directory, in name order. */
static warta_status walk_dir(warta_reader *rd, const char *dir,
                             const struct stat *dsb)
{
    warta_ctx *ctx = rd->ctx;
    if (dir_seen(rd, dsb)) {
        ctx_log(ctx, WARTA_LOG_WARN, "%s: directory already read (a link loop?), skipped", dir);
        return WARTA_OK;
    }
    DIR *d = opendir(dir);
    if (!d)
        return ctx_error(ctx, WARTA_EIO, "%s: %s", dir, strerror(errno));
    errno = 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    warta_status rc = WARTA_OK;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;                   /* ., .. and hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(de->d_name))) {
            rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n && rc == WARTA_OK; i++) {
        char path[4096];
        struct stat sb;
        bool ok = true;
        int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (len < 0 || (size_t)len >= sizeof path) {
            ok = add_problem(rd, names[i], "path too long");
        } else if (stat(path, &sb) != 0) {
            ok = add_problem(rd, path, strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            warta_status r = walk_dir(rd, path, &sb);
            if (r == WARTA_ENOMEM)
                rc = r;
            else if (r != WARTA_OK)
                ok = add_problem(rd, path, strerror(errno ? errno : EIO));
        } else if (S_ISREG(sb.st_mode) && format_of_name(path) != FMT_SNIFF) {
            ok = add_input(rd, path, (uint64_t)sb.st_size);
        }
        if (!ok)
            rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

warta_status warta_reader_open(warta_ctx *ctx, const char *path,
                               const warta_read_opts *opts,
                               warta_reader **out)
{
    if (!ctx || !path || !out)
        return WARTA_EINVAL;
    *out = NULL;
    warta_reader *rd = calloc(1, sizeof *rd);
    if (!rd)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    rd->ctx = ctx;
    rd->st.fd = -1;
    if (opts) {
        rd->date = str_dup(opts->date);
        rd->lang = str_dup(opts->lang);
    }
    warta_status rc = WARTA_OK;
    struct stat sb;
    if (strcmp(path, "-") == 0) {
        if (!add_input(rd, "-", 0))
            rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    } else if (stat(path, &sb) != 0) {
        rc = ctx_error(ctx, WARTA_EIO, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(sb.st_mode)) {
        rc = walk_dir(rd, path, &sb);
    } else if (!S_ISREG(sb.st_mode)) {
        rc = ctx_error(ctx, WARTA_EIO, "%s: " NOT_REGULAR, path);
    } else if (!add_input(rd, path, (uint64_t)sb.st_size)) {
        rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    }
    if (rc != WARTA_OK) {
        warta_reader_close(rd);
        return rc;
    }
    *out = rd;
    return WARTA_OK;
}

static void close_current(warta_reader *rd)
{
    if (!rd->open)
        return;
    rd->done_bytes += rd->st.raw_bytes;
    if (rd->st.fd >= 0)
        close(rd->st.fd);
    stream_close(&rd->st);
    rd->open = false;
}

void warta_reader_close(warta_reader *rd)
{
    if (!rd)
        return;
    close_current(rd);
    for (size_t i = 0; i < rd->n_inputs; i++) {
        free(rd->inputs[i].path);
        free(rd->inputs[i].error);
    }
    free(rd->inputs);
    free(rd->seen_dirs);
    free(rd->buf);
    free(rd->date);
    free(rd->lang);
    free(rd);
}

void warta_reader_progress(const warta_reader *rd, uint64_t *done,
                           uint64_t *total)
{
    *done = rd->done_bytes + (rd->open ? rd->st.raw_bytes : 0);
    *total = rd->total_bytes;
}

/* ---- buffered reading of the current file ------------------------------- */

#define READ_CHUNK ((size_t)1 << 16)

/* Make sure at least `want` unread bytes are in the buffer, or the end
** has been reached.  False on a read error (rd->st.err says why). */
static bool fill(warta_reader *rd, size_t want)
{
    if (rd->buf_pos > 0 && rd->buf_pos == rd->buf_len)
        rd->buf_pos = rd->buf_len = 0;
    while (!rd->eof && rd->buf_len - rd->buf_pos < want) {
        if (rd->buf_pos > 0) {          /* slide unread bytes down */
            memmove(rd->buf, rd->buf + rd->buf_pos, rd->buf_len - rd->buf_pos);
            rd->buf_len -= rd->buf_pos;
            rd->buf_pos = 0;
        }
        if (rd->buf_cap - rd->buf_len < READ_CHUNK) {
            size_t cap = rd->buf_cap ? rd->buf_cap * 2 : READ_CHUNK * 4;
            char *p = realloc(rd->buf, cap);
            if (!p) {
                snprintf(rd->st.err, sizeof rd->st.err, "out of memory");
                return false;
            }
            rd->buf = p;
            rd->buf_cap = cap;
        }
        ssize_t r = stream_read(&rd->st, rd->buf + rd->buf_len,
                                rd->buf_cap - rd->buf_len);
        if (r < 0)
            return false;
        if (r == 0)
            rd->eof = true;
        rd->buf_len += (size_t)r;
    }
    return true;
}

typedef enum { LINE_OK, LINE_END, LINE_TOO_LONG, LINE_ERROR } line_result;

/* The next line (without its newline), borrowed from the buffer until the
** next call.  A line over `max` bytes is skipped to its end; on standard
** input, which may have none, only up to LINE_SKIP_MAX times max: then the
** rest is not read (LINE_ERROR). */
#define LINE_SKIP_MAX 4
static line_result next_line(warta_reader *rd, size_t max, const char **line,
                             size_t *n)
{
    size_t scanned = 0;
    if (!rd->buf && !fill(rd, 1))   /* no arithmetic on a NULL buffer */
        return LINE_ERROR;
    for (;;) {
        char *start = rd->buf + rd->buf_pos;
        size_t avail = rd->buf_len - rd->buf_pos;
        char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned)
                                   : NULL;
        if (nl) {
            *line = start;
            *n = (size_t)(nl - start);
            rd->buf_pos += *n + 1;
            rd->line_no++;
            return *n > max ? LINE_TOO_LONG : LINE_OK;
        }
        if (rd->eof) {
            if (avail == 0)
                return LINE_END;
            *line = start;
            *n = avail;
            rd->buf_pos = rd->buf_len;
            rd->line_no++;
            return LINE_OK;
        }
        if (avail > max) {                  /* skip to the end of it */
            rd->line_no++;
            uint64_t skipped = 0;
            for (;;) {
                skipped += rd->buf_len - rd->buf_pos;
                if (!rd->regular && skipped > LINE_SKIP_MAX * (uint64_t)max) {
                    snprintf(rd->st.err, sizeof rd->st.err,
                             "line %zu does not end within %llu bytes: the "
                             "rest is not read", rd->line_no,
                             (unsigned long long)skipped);
                    return LINE_ERROR;
                }
                rd->buf_pos = rd->buf_len;
                if (!fill(rd, 1))
                    return LINE_ERROR;
                if (rd->buf_len == rd->buf_pos)
                    return LINE_TOO_LONG;
                char *e = memchr(rd->buf + rd->buf_pos, '\n',
                                 rd->buf_len - rd->buf_pos);
                if (e) {
                    rd->buf_pos = (size_t)(e - rd->buf) + 1;
                    return LINE_TOO_LONG;
                }
            }
        }
        scanned = avail;
        if (!fill(rd, avail + 1))
            return LINE_ERROR;
    }
}

/* ---- articles ---------------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The id of a plain-text article: its file name without the extensions
** warta knows (".txt", ".gz"), so "2024.01.05-a.txt" stays itself. */
static void text_id(const char *path, char *out, size_t n)
{
    static const char *const exts[] = {".gz", ".zst", ".txt"};
    snprintf(out, n, "%s", strcmp(path, "-") == 0 ? "stdin" : base_name(path));
    for (size_t k = 0; k < ARRAY_LEN(exts); k++) {
        size_t len = strlen(out), el = strlen(exts[k]);
        if (len > el && strcmp(out + len - el, exts[k]) == 0)
            out[len - el] = '\0';
    }
}

static warta_status make_doc(warta_reader *rd, const char *text, size_t n,
                             const warta_meta *meta, warta_doc **out)
{
    warta_ctx *ctx = rd->ctx;
    size_t i = 0;
    while (i < n && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
        i++;
    if (i == n)
        return ctx_error(ctx, WARTA_EDATA, "empty article");
    warta_status rc = warta_doc_new(ctx, text, n, meta, out);
    if (rc == WARTA_OK)
        doc_set_origin(*out, rd->path, rd->fmt != FMT_TEXT ? rd->line_no : 0);
    return rc;
}

/* Prefix the context's message with where the article came from. */
static warta_status located(warta_reader *rd, warta_status rc)
{
    char msg[sizeof rd->ctx->errmsg];
    snprintf(msg, sizeof msg, "%s", rd->ctx->errmsg);
    if (rd->fmt != FMT_TEXT)
        return ctx_error(rd->ctx, rc, "%s:%zu: %s", rd->path, rd->line_no, msg);
    return ctx_error(rd->ctx, rc, "%s: %s", rd->path, msg);
}

static warta_status read_text_article(warta_reader *rd, warta_doc **out)
{
    warta_ctx *ctx = rd->ctx;
    size_t max = ctx->max_doc_bytes;
    if (!fill(rd, max + 1))
        return ctx_error(ctx, WARTA_EIO, "%s: %s", rd->path, rd->st.err);
    size_t n = rd->buf_len - rd->buf_pos;
    rd->text_done = true;
    rd->buf_pos = rd->buf_len;
    if (n > max)
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: article is over the limit of %zu bytes, skipped",
                         rd->path, max);
    char id[256];
    text_id(rd->path, id, sizeof id);
    warta_meta meta = {.id = id, .date = rd->date, .lang = rd->lang};
    warta_status rc = make_doc(rd, rd->buf + rd->buf_pos - n, n, &meta, out);
    return rc == WARTA_OK ? rc : located(rd, rc);
}

static const char *json_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static warta_status parse_jsonl_article(warta_reader *rd, const char *line,
                                        size_t n, warta_doc **out)
{
    warta_ctx *ctx = rd->ctx;
    json_error_t err;
    json_t *obj = json_loadb(line, n, 0, &err);
    if (!obj)
        return ctx_error(ctx, WARTA_EDATA, "not JSON: %s (column %d)",
                         err.text, err.column);
    warta_status rc;
    json_t *text = json_object_get(obj, "text");
    if (!json_is_object(obj)) {
        rc = ctx_error(ctx, WARTA_EDATA, "not a JSON object");
    } else if (!json_is_string(text)) {
        rc = ctx_error(ctx, WARTA_EDATA, "no \"text\" string");
    } else {
        char idbuf[64];
        const char *id = json_str(obj, "id");
        json_t *idv = json_object_get(obj, "id");
        if (json_is_integer(idv)) {
            snprintf(idbuf, sizeof idbuf, "%lld",
                     (long long)json_integer_value(idv));
            id = idbuf;
        } else if (!id) {
            snprintf(idbuf, sizeof idbuf, "line-%zu", rd->line_no);
            id = idbuf;
        }
        const char *date = json_str(obj, "date");
        const char *lang = json_str(obj, "lang");
        warta_meta meta = {
            .id = id,
            .date = date && *date ? date : rd->date,
            .lang = lang && *lang ? lang : rd->lang,
            .url = json_str(obj, "url"),
            .title = json_str(obj, "title"),
            .source = json_str(obj, "source"),
        };
        rc = make_doc(rd, json_string_value(text), json_string_length(text),
                      &meta, out);
    }
    json_decref(obj);
    return rc;
}

static warta_status read_jsonl_article(warta_reader *rd, warta_doc **out)
{
    warta_ctx *ctx = rd->ctx;
    /* JSON escapes can double an article's size on the line. */
    size_t max = ctx->max_doc_bytes * 2 + 4096;
    for (;;) {
        const char *line;
        size_t n;
        switch (next_line(rd, max, &line, &n)) {
        case LINE_END:
            return WARTA_DONE;
        case LINE_ERROR:
            return ctx_error(ctx, WARTA_EIO, "%s: %s (after line %zu)",
                             rd->path, rd->st.err, rd->line_no);
        case LINE_TOO_LONG:
            return ctx_error(ctx, WARTA_EDATA,
                             "%s:%zu: line is over the limit of %zu bytes, "
                             "skipped", rd->path, rd->line_no, max);
        case LINE_OK:
            break;
        }
        size_t i = 0;
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i == n)
            continue;                       /* blank lines are allowed */
        warta_status rc = parse_jsonl_article(rd, line, n, out);
        return rc == WARTA_OK ? rc : located(rd, rc);
    }
}

/* ---- TABARI's text files --------------------------------------------------- */

/* "950101 DEMO-01" (or "950101*INTRO"): a date (YYMMDD) and an id open
** a TABARI record; any number of blanks may come between ("950101  DEMO-01",
** as most of TABARI's own records have).  Returns where the id starts, or
** 0 when s is no header. */
static size_t tabari_header_id(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i != 6 || i + 1 >= n || (s[i] != ' ' && s[i] != '\t' && s[i] != '*'))
        return 0;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i < n && s[i] != '\n' && s[i] != '\r' ? i : 0;
}

static bool is_tabari_header(const char *s, size_t n)
{
    return tabari_header_id(s, n) != 0;
}

/* Does TABARI's text start here: a record header, after any comment
** lines TABARI's files open with ('#', '~', '/')? */
#define SNIFF_BYTES 4096
static bool tabari_text(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '#' || s[i] == '~' || s[i] == '/' ||
                     s[i] == '\n' || s[i] == '\r')) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl)
            return false;
        i = (size_t)(nl - s) + 1;
    }
    return i < n && is_tabari_header(s + i, n - i);
}

/* One TABARI record: the header, then text lines up to a blank line or a
** "/" "*" comment (which runs to its close and is dropped). */
static warta_status read_tabari_article(warta_reader *rd, warta_doc **out)
{
    warta_ctx *ctx = rd->ctx;
    size_t max = ctx->max_doc_bytes;
    char *text = NULL, id[128] = "", date[11] = "";
    size_t n_text = 0;
    bool in_comment = false, in_record = false;
    warta_status rc = WARTA_DONE;
    for (;;) {
        const char *line;
        size_t n;
        line_result lr = next_line(rd, max, &line, &n);
        if (lr == LINE_ERROR) {
            rc = ctx_error(ctx, WARTA_EIO, "%s: %s", rd->path, rd->st.err);
            break;
        }
        if (lr == LINE_END || (lr == LINE_OK && n == 0 && in_record && !in_comment))
            break;
        if (lr == LINE_TOO_LONG)
            continue;
        const char *open = in_comment ? line : memmem(line, n, "/*", 2);
        const char *close = open ? memmem(open, n - (size_t)(open - line), "*/", 2)
                                 : NULL;
        size_t keep = open ? (size_t)(open - line) : n;
        in_comment = open && !close;
        if (!in_record) {
            if (!is_tabari_header(line, n))
                continue;           /* comments and blank lines between */
            in_record = true;
            size_t at = tabari_header_id(line, n), id_n = n - at;
            while (id_n && (line[at + id_n - 1] == ' ' ||
                            line[at + id_n - 1] == '\t' ||
                            line[at + id_n - 1] == '\r'))
                id_n--;
            snprintf(id, sizeof id, "%.*s", (int)(id_n < 100 ? id_n : 100),
                     line + at);
            int32_t days;
            if (date_parse_ymd(line, 6, &days)) {
                int y = 1900 + (line[0] - '0') * 10 + (line[1] - '0');
                if (y < 1930)
                    y += 100;
                snprintf(date, sizeof date, "%04d-%.2s-%.2s", y, line + 2,
                         line + 4);
            }
            continue;
        }
        if (keep == 0)
            continue;
        char *grown = realloc(text, n_text + keep + 2);
        if (!grown) {
            rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
            break;
        }
        text = grown;
        memcpy(text + n_text, line, keep);
        n_text += keep;
        text[n_text++] = ' ';   /* a record's lines are wrapped text, not
                                   breaks (TABARI reads them so) */
    }
    if (in_record && rc == WARTA_DONE) {
        warta_meta meta = {.id = id, .date = date[0] ? date : rd->date,
                           .lang = rd->lang};
        rc = make_doc(rd, text ? text : "", n_text, &meta, out);
        if (rc != WARTA_OK)
            rc = located(rd, rc);
    }
    free(text);
    return rc;
}

/* Open the next input file.  WARTA_DONE when there is none. */
static warta_status open_next(warta_reader *rd)
{
    warta_ctx *ctx = rd->ctx;
    if (rd->next_input >= rd->n_inputs)
        return WARTA_DONE;
    input *in = &rd->inputs[rd->next_input++];
    rd->path = in->path;
    if (in->error)
        return ctx_error(ctx, WARTA_EIO, "%s: %s, skipped", in->path,
                         in->error);
    /* O_NONBLOCK: a FIFO put where a file was does not block the open */
    bool is_stdin = strcmp(in->path, "-") == 0;
    int fd = is_stdin ? dup(STDIN_FILENO)
                      : open(in->path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return ctx_error(ctx, WARTA_EIO, "%s: %s", in->path, strerror(errno));
    struct stat sb;
    rd->regular = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
    if (!is_stdin &&
        (!rd->regular ||
         fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)) {
        close(fd);
        return ctx_error(ctx, WARTA_EIO, "%s: %s", in->path,
                         rd->regular ? strerror(errno) : NOT_REGULAR);
    }
    if (!stream_open(&rd->st, fd)) {
        warta_status rc = ctx_error(ctx, WARTA_EIO, "%s: %s", in->path,
                                    rd->st.err);
        stream_close(&rd->st);
        close(fd);
        return rc;
    }
    rd->open = true;
    rd->eof = false;
    rd->text_done = false;
    rd->buf_len = rd->buf_pos = 0;
    rd->line_no = 0;
    rd->fmt = format_of_name(in->path);
    if (rd->fmt == FMT_SNIFF) {
        /* JSONL if the first thing in it is '{'; TABARI's text if it
        ** starts with a record header (after comment lines); else one
        ** plain-text article */
        if (!fill(rd, SNIFF_BYTES)) {
            warta_status rc = ctx_error(ctx, WARTA_EIO, "%s: %s", in->path,
                                        rd->st.err);
            close_current(rd);
            return rc;
        }
        size_t i = rd->buf_pos;
        while (i < rd->buf_len && (rd->buf[i] == ' ' || rd->buf[i] == '\n' ||
                                   rd->buf[i] == '\r' || rd->buf[i] == '\t'))
            i++;
        rd->fmt = i < rd->buf_len && rd->buf[i] == '{' ? FMT_JSONL
                  : tabari_text(rd->buf + i, rd->buf_len - i) ? FMT_TABARI
                                                               : FMT_TEXT;
    }
    return WARTA_OK;
}

warta_status warta_reader_next(warta_reader *rd, warta_doc **out)
{
    if (!rd || !out)
        return WARTA_EINVAL;
    *out = NULL;
    for (;;) {
        if (!rd->open) {
            warta_status rc = open_next(rd);
            if (rc != WARTA_OK)
                return rc;
        }
        warta_status rc;
        if (rd->fmt == FMT_TEXT)
            rc = rd->text_done ? WARTA_DONE : read_text_article(rd, out);
        else if (rd->fmt == FMT_TABARI)
            rc = read_tabari_article(rd, out);
        else
            rc = read_jsonl_article(rd, out);
        if (rc == WARTA_DONE || rc == WARTA_EIO ||
            (rd->fmt == FMT_TEXT && rd->text_done))
            close_current(rd);
        if (rc != WARTA_DONE)
            return rc;
    }
}
