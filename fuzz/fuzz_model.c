/*
** fuzz_model.c -- libFuzzer target: the syntax model loader (src/model.c,
** perceptron.c's tables).  With a first byte below 128 the rest is a model
** file (syn_model_read_mem: header, zstd frame, checksum, payload); from
** 128 on, the rest is a payload alone (syn_model_read_payload), which
** reaches the tables' reader past the checksum that guards it in a file.
** A model that loads must tag and parse: two sentences, each a tree.
** Seeds: a small real model, its truncations and its payload, made by
** `make fuzz` in build/fuzz/seeds/fuzz_model.
*/
#include "helpers.h"
#include "syntax.h"

static const char *const sentences[][12] = {
    {"The", "minister", "did", "n't", "meet", "Lavrov", "in", "Moscow", ".", NULL},
    {"Presiden", "bertemu", "mitra", "nya", "di", "Jakarta", ",", "kata",
     "nya", ".", NULL},
};

static void parse_is_a_tree(const syn_model *m, const char *const *forms)
{
    syn_word w[16];
    int32_t heads[16];
    size_t n = 0;
    for (; forms[n]; n++)
        syn_word_init(&w[n], forms[n], strlen(forms[n]));
    syn_model_analyse(m, w, n);
    for (size_t i = 0; i < n; i++) {
        if (w[i].tag >= m->tags.n || w[i].label >= m->labels.n)
            abort();
        heads[i] = w[i].head;
    }
    fuzz_check_tree(heads, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    warta_ctx *ctx = fuzz_ctx();
    syn_model m;
    const char *bytes = (const char *)data + 1;
    warta_status rc = data[0] < 128
        ? syn_model_read_mem(&m, ctx, "fuzz.model", bytes, size - 1)
        : syn_model_read_payload(&m, ctx, "fuzz.model", bytes, size - 1);
    if (rc != WARTA_OK) {
        if (!strstr(warta_errmsg(ctx), "fuzz.model"))
            abort();                    /* a refusal names the file */
        return 0;
    }
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++)
        parse_is_a_tree(&m, sentences[i]);
    syn_model_free(&m);
    return 0;
}
