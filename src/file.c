/*
** file.c -- whole files read into memory: dictionaries, treebanks and
** models are read at once, then parsed in place.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "warta_int.h"

char *file_slurp(warta_ctx *ctx, const char *path, size_t *n)
{
    struct stat st;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ctx_error(ctx, WARTA_EIO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        ctx_error(ctx, WARTA_EIO, "%s: not a regular file", path);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0, got;
    char *buf = ctx_alloc(ctx, cap);
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        int more = len + 1 == cap ? fgetc(f) : EOF;
        if (more != EOF) {              /* the file grew while read */
            char *p = ctx_realloc(ctx, buf, cap, cap * 2);
            if (!p) {
                ctx_free(ctx, buf, cap);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
            buf[len++] = (char)more;
        }
    }
    bool err = ferror(f);
    fclose(f);
    if (!buf || err) {
        if (buf)
            ctx_free(ctx, buf, cap);
        ctx_error(ctx, buf ? WARTA_EIO : WARTA_ENOMEM, "%s: cannot read", path);
        return NULL;
    }
    buf[len] = '\0';
    *n = len;
    /* The caller frees with the size it knows: shrink to exactly n + 1. */
    char *fit = cap == len + 1 ? buf : ctx_realloc(ctx, buf, cap, len + 1);
    if (!fit) {
        ctx_free(ctx, buf, cap);
        ctx_error(ctx, WARTA_ENOMEM, "%s: out of memory", path);
    }
    return fit;
}
