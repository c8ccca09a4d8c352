/*
** fuzz_jsonl.c -- libFuzzer target: the article reader (src/read.c).  The
** bytes are written to a file and read back article by article: JSONL
** (plain, or gzip or zstd, told by magic bytes), and, for a name that
** does not say, the sniffing of JSONL, TABARI's records or plain text.
** The first byte picks the file's name; the rest is the file.  Articles
** are limited to 1 KiB so the over-the-limit paths are reached too.
*/
#include "helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"in.jsonl", "in.ndjson", "in",
                                        "in.txt"};
    if (size < 1)
        return 0;
    warta_ctx *ctx = fuzz_ctx_with(1024);
    const char *path = fuzz_write(names[data[0] % 4], data + 1, size - 1);
    warta_read_opts opts = {.date = "2024-01-02", .lang = "en"};
    warta_reader *rd;
    if (warta_reader_open(ctx, path, &opts, &rd) != WARTA_OK)
        abort();                    /* the file is there: it must open */
    warta_status rc;
    warta_doc *doc;
    size_t n = 0;
    /* bounded: a reader that loops without moving on is a hang */
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE && n++ < 100000) {
        if (rc != WARTA_OK)
            continue;
        size_t line;
        warta_slice text = warta_doc_text(doc);
        const warta_meta *meta = warta_doc_meta(doc);
        if (!warta_doc_origin(doc, &line) || !meta || text.n == 0)
            abort();
        warta_doc_free(doc);
    }
    uint64_t done, total;
    warta_reader_progress(rd, &done, &total);
    warta_reader_close(rd);
    return 0;
}
