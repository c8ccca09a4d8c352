/*
** cmd_serve.c -- `warta serve`: the dashboard.  libmicrohttpd reads the
** requests on its thread; this file gathers each one (query string, body
** up to a limit) into an api_request, hands it to the workers (workers.c)
** which answer it with api.c, and sends back what they answer.  What is
** refused before the API sees it is answered at once.  The connections'
** deadlines are in deadlines.c.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "cli.h"
#include "deadlines.h"
#include "mhd_lib.h"
#include "workers.h"

static const char usage[] =
    "usage: warta serve --db FILE [--port N] [--bind ADDRESS] [--token FILE]\n"
    "                   [--dict PATH]...\n"
    "                   [--syntax on|off] [--model PATH]... [--threads N]\n"
    "                   [--query-budget MS] [--answer-memory MB]\n"
    "  Serve the dashboard and its JSON API over an event store (read-only).\n"
    "  --db FILE            the store (made by warta ingest)\n"
    "  --port N             TCP port (default 8080; 0: any free port)\n"
    "  --bind ADDRESS       address to listen on (default 127.0.0.1; any\n"
    "                       other than loopback is warned about)\n"
    "  --token FILE         every request must carry the token FILE holds:\n"
    "                       \"Authorization: Bearer TOKEN\", or ?token=TOKEN\n"
    "                       once (it sets a cookie)\n"
    "  --dict PATH          dictionaries for the \"code a text\" box\n"
    "                       (repeatable; default: the language packs)\n"
    CODER_SYNTAX_USAGE
    "  --threads N          threads making answers (default: the cores)\n"
    "  --query-budget MS    the time a request's store queries may take\n"
    "                       (default 2000); past it the answer is 503\n"
    "  --answer-memory MB   what the answers not yet sent may hold in all\n"
    "                       (default 128); past it the answer is 503\n";

#define MAX_ARGS API_MAX_ARGS
#define MAX_THREADS 64
/* What the answers made and not yet sent may hold in all, by default:
** clients that do not read cannot make the server hold more (a 503 past
** it). */
#define DEFAULT_ANSWER_MEMORY_MB 128

/* ---- requests ------------------------------------------------------------ */

/* What the server's callbacks share. */
typedef struct server {
    workers *ws;
    const char *token;              /* asked of every request; NULL: none */
} server;

#define TOKEN_COOKIE "warta_token"

/* What one request has sent so far, and its job once complete. */
typedef struct request {
    job job;
    size_t n_args;
    const char *names[MAX_ARGS], *values[MAX_ARGS];
    bool too_many_args;
    char *body;
    size_t body_len;
    bool body_too_large;
    bool set_cookie;                /* the token came in the URL */
} request;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind,
                                   const char *name, const char *value)
{
    (void)kind;
    request *r = cls;
    if (r->set_cookie && strcmp(name, "token") == 0)
        return MHD_YES;             /* the server's, not the API's */
    if (r->n_args == MAX_ARGS) {
        r->too_many_args = true;
        return MHD_NO;
    }
    r->names[r->n_args] = name;
    r->values[r->n_args++] = value ? value : "";
    return MHD_YES;
}

/* Keep the body up to the API's limit; past it, only note the excess
** (the rest is read and dropped, so that the answer can be sent). */
static void take_body(request *r, const char *data, size_t n)
{
    if (r->body_too_large || r->body_len + n > API_MAX_BODY) {
        r->body_too_large = true;
        return;
    }
    char *body = realloc(r->body, r->body_len + n + 1);
    if (!body) {
        r->body_too_large = true;
        return;
    }
    memcpy(body + r->body_len, data, n);
    r->body = body;
    r->body_len += n;
    body[r->body_len] = '\0';
}

static void free_answer(void *cls)
{
    api_response_free(cls);
    free(cls);
}

/* The answer's body as a response, not copied: an answer the API made is
** freed (and its bytes given back to the budget) once it is sent or its
** connection gone; the others are static. */
static struct MHD_Response *response_of(api_response *res)
{
    if (!res->owned)
        return mhd.MHD_create_response_from_buffer(
            res->body_len, (void *)res->body, MHD_RESPMEM_PERSISTENT);
    api_response *kept = malloc(sizeof *kept);
    struct MHD_Response *resp =
        kept ? mhd.MHD_create_response_from_buffer_with_free_callback_cls(
                   res->body_len, res->owned, free_answer, kept)
             : NULL;
    if (resp)
        *kept = *res;
    else {
        free(kept);
        api_response_free(res);
    }
    res->owned = NULL;              /* the response's now, or freed */
    res->held = 0;
    return resp;
}

/* Queue the answer (taken); with a token, set as the cookie that
** carries it on the page's later requests. */
static enum MHD_Result send_answer(struct MHD_Connection *conn,
                                   api_response *res, const char *token)
{
    struct MHD_Response *resp = response_of(res);
    if (!resp)
        return MHD_NO;
    mhd.MHD_add_response_header(resp, "Content-Type", res->type);
    if (res->filename) {
        char disposition[128];
        snprintf(disposition, sizeof disposition,
                 "attachment; filename=\"%s\"", res->filename);
        mhd.MHD_add_response_header(resp, "Content-Disposition", disposition);
    }
    if (token) {
        char cookie[512];
        snprintf(cookie, sizeof cookie, TOKEN_COOKIE "=%s; Path=/; HttpOnly;"
                 " SameSite=Strict", token);
        mhd.MHD_add_response_header(resp, "Set-Cookie", cookie);
    }
    if (res->retry_after) {
        char seconds[16];
        snprintf(seconds, sizeof seconds, "%u", res->retry_after);
        mhd.MHD_add_response_header(resp, "Retry-After", seconds);
    }
    mhd.MHD_add_response_header(resp, "Cache-Control", "no-store");
    mhd.MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    mhd.MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'self'; style-src 'self' "
                                "'unsafe-inline'");
    enum MHD_Result ok =
        mhd.MHD_queue_response(conn, (unsigned)res->status, resp);
    mhd.MHD_destroy_response(resp);
    return ok;
}

/* An answer made here, before the API sees the request. */
static enum MHD_Result send_error(struct MHD_Connection *conn, int status,
                                  const char *json)
{
    api_response res = {.status = status, .body = json,
                        .body_len = strlen(json),
                        .type = "application/json; charset=utf-8"};
    return send_answer(conn, &res, NULL);
}

/* Whether a and b are the same, in a time that does not tell how much
** of them matched. */
static bool same_secret(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    unsigned char diff = n != m;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(a[i] ^ b[i % (m ? m : 1)]);
    return !diff;
}

/* Whether the request carries the server's token: as a bearer, a cookie,
** or ?token= (then *from_url). */
static bool has_token(struct MHD_Connection *conn, const char *token,
                      bool *from_url)
{
    static const char bearer[] = "Bearer ";
    const char *auth =
        mhd.MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
    const char *cookie =
        mhd.MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, TOKEN_COOKIE);
    const char *arg =
        mhd.MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "token");
    *from_url = arg && same_secret(arg, token);
    return (auth && strncmp(auth, bearer, sizeof bearer - 1) == 0 &&
            same_secret(auth + sizeof bearer - 1, token)) ||
           (cookie && same_secret(cookie, token)) || *from_url;
}

static enum MHD_Result refuse_without_token(struct MHD_Connection *conn)
{
    static const char json[] =
        "{\"error\":\"this server asks for its token: send "
        "'Authorization: Bearer TOKEN', or open the page once with "
        "?token=TOKEN\"}";
    api_response res = {.status = 401, .body = json,
                        .body_len = sizeof json - 1,
                        .type = "application/json; charset=utf-8"};
    struct MHD_Response *resp = response_of(&res);
    if (!resp)
        return MHD_NO;
    mhd.MHD_add_response_header(resp, "Content-Type", res.type);
    mhd.MHD_add_response_header(resp, "WWW-Authenticate", "Bearer");
    mhd.MHD_add_response_header(resp, "Cache-Control", "no-store");
    enum MHD_Result ok = mhd.MHD_queue_response(conn, 401, resp);
    mhd.MHD_destroy_response(resp);
    return ok;
}

/* The request line as sent, before libmicrohttpd decodes it: "%00"
** would become a NUL that silently ends the path or value
** ("/index.html%00.txt" would be "/index.html").  What is returned is
** the request's first state. */
static char refused_uri;

static void *check_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls, (void)conn;
    return strstr(uri, "%00") ? &refused_uri : NULL;
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind,
                                    const char *name, const char *value)
{
    (void)kind, (void)value;
    unsigned *n = cls;
    n[0] += strcasecmp(name, "Content-Length") == 0;
    n[1] += strcasecmp(name, "Transfer-Encoding") == 0;
    return MHD_YES;
}

/* Two lengths, or a length and chunks, can be read two ways (one by a
** proxy in front, another here: request smuggling): refused. */
static bool body_length_ambiguous(struct MHD_Connection *conn)
{
    unsigned n[2] = {0, 0};
    mhd.MHD_get_connection_values(conn, MHD_HEADER_KIND, count_header, n);
    return n[0] + n[1] > 1;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
    (void)version;
    server *srv = cls;
    request *r = *state;
    if (r == (void *)&refused_uri) {
        deadlines_enter(conn, PHASE_ANSWER);
        return send_error(conn, 400, "{\"error\":\"the URL holds %00, a NUL "
                                     "byte\"}");
    }
    if (!r) {                       /* first call: the headers are in */
        deadlines_enter(conn, PHASE_BODY);
        if (body_length_ambiguous(conn))
            return send_error(conn, 400, "{\"error\":\"more than one "
                                         "Content-Length or Transfer-Encoding "
                                         "header\"}");
        bool from_url = false;
        if (srv->token && !has_token(conn, srv->token, &from_url))
            return refuse_without_token(conn);
        r = calloc(1, sizeof *r);
        *state = r;
        if (r)
            r->set_cookie = from_url;
        return r ? MHD_YES : MHD_NO;
    }
    if (*upload_size) {
        take_body(r, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (atomic_load(&r->job.done))  /* resumed: a worker has answered */
        return send_answer(conn, &r->job.res,
                           r->set_cookie ? srv->token : NULL);
    deadlines_enter(conn, PHASE_ANSWER);
    mhd.MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, r);
    api_request req = {.method = method, .path = url, .n_args = r->n_args,
                       .names = r->names, .values = r->values,
                       .body = r->body, .body_len = r->body_len};
    if (r->body_too_large)
        req.body_len = API_MAX_BODY + 1;    /* api.c answers 413 */
    if (r->too_many_args)
        return send_error(conn, 400, "{\"error\":\"too many parameters\"}");
    r->job.conn = conn;
    r->job.req = req;
    if (!workers_take(srv->ws, &r->job))
        return send_error(conn, 503, "{\"error\":\"the server is "
                                     "stopping\"}");
    return MHD_YES;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)why;
    deadlines_enter(conn, PHASE_HEADERS);   /* of the next request */
    request *r = *state;
    if (r && r != (void *)&refused_uri) {
        if (atomic_load(&r->job.done))      /* made, but never sent */
            api_response_free(&r->job.res);
        free(r->body);
        free(r);
    }
    *state = NULL;
}

typedef struct serve_opts {
    const char *db, *bind, *token_file;
    unsigned port;
    dict_list dicts;
    coder_args coder;               /* its --mode is the request's */
    unsigned threads, answer_memory_mb;
    api_limits limits;
} serve_opts;

static int parse_options(int argc, char **argv, serve_opts *o)
{
    cli_opt opts[] = {
        OPT("db", OPT_TEXT, &o->db, .required = true),
        OPT("port", OPT_NUMBER, &o->port, .min = 0, .max = 65535),
        OPT("bind", OPT_TEXT, &o->bind),
        OPT("token", OPT_TEXT, &o->token_file),
        DICT_OPTION(&o->dicts),
        CODER_SYNTAX_OPTIONS(&o->coder),
        OPT("threads", OPT_NUMBER, &o->threads, .min = 1, .max = MAX_THREADS),
        OPT("query-budget", OPT_NUMBER, &o->limits.query_ms, .min = 1,
            .max = 600000),
        OPT("answer-memory", OPT_NUMBER, &o->answer_memory_mb, .min = 1,
            .max = 65536),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, NULL);
    return rc ? rc : coder_args_check(&o->coder);
}

/* The listening address, IPv4 or IPv6. */
static bool make_address(const serve_opts *o, struct sockaddr_storage *sa,
                         unsigned *flags)
{
    memset(sa, 0, sizeof *sa);
    struct sockaddr_in *v4 = (struct sockaddr_in *)sa;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)sa;
    if (inet_pton(AF_INET, o->bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)o->port);
        return true;
    }
    if (inet_pton(AF_INET6, o->bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)o->port);
        *flags |= MHD_USE_IPv6;
        return true;
    }
    cli_error("--bind takes an IP address such as 127.0.0.1 or ::1, not '%s'",
              o->bind);
    return false;
}

/* Connections from one address at once (a browser opens about six). */
#define PER_ADDRESS_CONNECTIONS 32
#define MAX_CONNECTIONS 4096

/* As many connections as file descriptors allow, up to MAX_CONNECTIONS:
** the soft limit is raised to the hard one (often 1024 and more). */
static unsigned connection_limit(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1000;
    if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < MAX_CONNECTIONS + 64) {
        rl.rlim_cur = rl.rlim_max < MAX_CONNECTIONS + 64 ? rl.rlim_max
                                                         : MAX_CONNECTIONS + 64;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    rlim_t n = rl.rlim_cur > 128 ? rl.rlim_cur - 64 : 64;   /* store, logs */
    return n > MAX_CONNECTIONS ? MAX_CONNECTIONS : (unsigned)n;
}

/* The kernel's buffer of what is sent on a connection: fixed, where it
** would grow to 4 MB for a client that reads nothing, and a thousand such
** clients would hold 4 GB of the system's memory. */
#define SEND_BUFFER (256 << 10)

/* A connection opens or closes (cls: the deadlines). */
static void on_connection(void *cls, struct MHD_Connection *conn,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    const union MHD_ConnectionInfo *info =
        mhd.MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (code == MHD_CONNECTION_NOTIFY_STARTED && info) {
        int size = SEND_BUFFER;
        setsockopt(info->connect_fd, SOL_SOCKET, SO_SNDBUF, &size,
                   sizeof size);
    }
    deadlines_notify(cls, conn, socket_context, code);
}

/* libmicrohttpd's messages on stderr, at most LOG_LINES_PER_MINUTE a
** minute: it has one for each connection refused or cut, and an attack
** makes thousands. */
#define LOG_LINES_PER_MINUTE 20

typedef struct http_log {
    pthread_mutex_t lock;
    uint64_t minute_ns;             /* when the current minute began */
    unsigned shown, held_back;
} http_log;

static void log_http(void *cls, const char *fmt, va_list ap)
{
    http_log *l = cls;
    pthread_mutex_lock(&l->lock);
    uint64_t now = clock_ns();
    if (now - l->minute_ns > 60000000000ull) {
        if (l->held_back)
            cli_error("(%u more messages of libmicrohttpd in that minute)",
                      l->held_back);
        l->minute_ns = now;
        l->shown = l->held_back = 0;
    }
    if (l->shown++ < LOG_LINES_PER_MINUTE) {
        fputs("warta: ", stderr);
        vfprintf(stderr, fmt, ap);
    } else
        l->held_back++;
    pthread_mutex_unlock(&l->lock);
}

static struct MHD_Daemon *start_daemon(const serve_opts *o, unsigned flags,
                                       struct sockaddr_storage *sa,
                                       server *srv, deadlines *dl)
{
    static http_log log = {.lock = PTHREAD_MUTEX_INITIALIZER};
    log.minute_ns = clock_ns();
    struct MHD_OptionItem options[] = {
        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)log_http, &log},
        {MHD_OPTION_SOCK_ADDR, 0, sa},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)check_uri, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, NULL},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)on_connection, dl},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)64 << 10, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, connection_limit(), NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, PER_ADDRESS_CONNECTIONS, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    return mhd.MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL,
                                on_request, srv, MHD_OPTION_ARRAY, options,
                                MHD_OPTION_END);
}

/* Whether the address is this host's own (127.0.0.0/8, ::1). */
static bool is_loopback(const struct sockaddr_storage *sa)
{
    if (sa->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >>
                24) == 127;
    const struct in6_addr *a6 = &((const struct sockaddr_in6 *)sa)->sin6_addr;
    return IN6_IS_ADDR_LOOPBACK(a6);
}

/* Serve until SIGINT or SIGTERM, sweeping the connections past their
** deadlines once a second. */
static int run_server(const serve_opts *o, server *srv)
{
    struct sockaddr_storage sa;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ERROR_LOG;
    if (!make_address(o, &sa, &flags))
        return EXIT_USAGE;
    if (!is_loopback(&sa))
        cli_error("warning: --bind %s is not a loopback address: whoever can "
                  "reach it can read the whole store%s", o->bind,
                  srv->token ? " (with the token)"
                             : "; --token FILE asks them for a token");
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);    /* the server's threads too */
    deadlines *dl = deadlines_new();
    struct MHD_Daemon *d = dl ? start_daemon(o, flags, &sa, srv, dl) : NULL;
    if (!d) {
        cli_error("cannot listen on %s port %u", o->bind, o->port);
        deadlines_free(dl);
        return EXIT_FAILED;
    }
    const union MHD_DaemonInfo *info =
        mhd.MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "warta: serving %s on http://%s%s%s:%u/\n", o->db,
            flags & MHD_USE_IPv6 ? "[" : "", o->bind,
            flags & MHD_USE_IPv6 ? "]" : "", info ? info->port : o->port);
    const struct timespec second = {1, 0};
    while (sigtimedwait(&stop, NULL, &second) < 0)
        deadlines_sweep(dl);
    workers_stop(srv->ws);          /* first: they resume what they hold */
    mhd.MHD_stop_daemon(d);
    deadlines_free(dl);
    return EXIT_ALL_OK;
}

/* The token in FILE (its first line), into buf; false with a message
** naming the file when it cannot be read or will not do. */
static bool read_token(const char *file, char *buf, size_t size)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        cli_error("--token: cannot read %s: %s", file, strerror(errno));
        return false;
    }
    bool read = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    size_t n = read ? strcspn(buf, "\r\n") : 0;
    bool whole = read && buf[n] != '\0';      /* the line ended in it */
    buf[n] = '\0';
    bool printable = n > 0;
    for (size_t i = 0; i < n; i++)      /* fit for a header and a cookie */
        printable &= buf[i] > ' ' && buf[i] < 0x7f && buf[i] != ';' &&
                     buf[i] != ',' && buf[i] != '"' && buf[i] != '\\';
    if (!printable || (!whole && n == size - 1)) {
        cli_error("--token: %s line 1: a token is 1 to %zu printable "
                  "characters without spaces, ';', ',', '\"' or '\\'", file,
                  size - 2);
        return false;
    }
    return true;
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

int cmd_serve(int argc, char **argv)
{
    /* Buffers over 256 KB (answers) in pages of their own, given back to
    ** the system when freed: past its first big free, glibc would raise
    ** that threshold and keep later answers in its heaps, and the memory
    ** of clients that did not read stayed after they left. */
    mallopt(M_MMAP_THRESHOLD, 256 << 10);
    serve_opts o = {.bind = "127.0.0.1", .port = 8080,
                    .threads = default_threads(),
                    .answer_memory_mb = DEFAULT_ANSWER_MEMORY_MB};
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    char token[258];
    if (o.token_file && !read_token(o.token_file, token, sizeof token))
        return EXIT_USAGE;
    char why[256];
    if (!mhd_load(why, sizeof why)) {
        cli_error("%s", why);
        return EXIT_FAILED;
    }
    coder_args_start(&o.coder);
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK) {
        coder_args_free(&o.coder);
        return EXIT_FAILED;
    }
    warta_dict *dict = cli_load_dicts(ctx, &o.dicts);
    workers *ws = dict && coder_args_load(ctx, &o.coder)
                      ? workers_start(o.threads, o.db, dict, &o.coder.models,
                                      &o.limits,
                                      (size_t)o.answer_memory_mb << 20)
                      : NULL;
    server srv = {.ws = ws, .token = o.token_file ? token : NULL};
    rc = ws ? run_server(&o, &srv) : EXIT_FAILED;
    workers_free(ws);
    warta_dict_free(dict);
    coder_args_free(&o.coder);
    warta_close(ctx);
    return rc;
}
