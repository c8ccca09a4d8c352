/*
** fuzz_petrarch_xml.c -- libFuzzer target: the gold readers of `warta
** eval` (cli/gold.c): PETRARCH's validation XML through expat and, when
** the first byte is '{', warta's gold JSONL.  The bytes are the file.
*/
#include "helpers.h"
#include "../cli/gold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("records.xml", data, size);
    gold_set g;
    char err[512];
    if (gold_read(path, &g, err, sizeof err) == 0) {
        for (size_t i = 0; i < g.n; i++) {
            const gold_record *r = &g.records[i];
            if (!r->id || (r->n_events && !r->events))
                abort();
            for (size_t k = 0; k < r->n_events; k++)
                if (strlen(r->events[k].source) >= 32 ||
                    strlen(r->events[k].code) >= 8)
                    abort();
        }
    }
    gold_free(&g);
    return 0;
}
