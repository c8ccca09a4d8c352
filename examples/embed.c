/*
** embed.c -- warta as a library: open a context, load the English pack and
** syntax model from warta's data directory, code one sentence, print its
** events.  Build it against an installed warta (`make install`):
**
**     cc embed.c $(pkg-config --cflags --libs warta) -o embed && ./embed
*/
#include <stdio.h>
#include <string.h>
#include <warta.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1]
        : "Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
          "Minister Wang Yi in Beijing on Monday.";
    warta_meta meta = {.id = "embed", .date = "2023-08-08", .lang = "en"};
    char pack[4096], model_path[4096];
    snprintf(pack, sizeof pack, "%s/packs/en", warta_data_dir());
    snprintf(model_path, sizeof model_path, "%s/models/en.model",
             warta_data_dir());
    warta_ctx *ctx;
    warta_dict *dict = NULL;
    warta_model *model = NULL;
    warta_doc *doc = NULL;
    if (warta_open(NULL, &ctx) != WARTA_OK)
        return 1;
    int ok = warta_dict_new(ctx, &dict) == WARTA_OK &&
             warta_dict_load(ctx, dict, pack) == WARTA_OK &&
             warta_model_load(ctx, model_path, &model) == WARTA_OK &&
             warta_use_model(ctx, NULL, model) == WARTA_OK &&
             warta_doc_new(ctx, text, strlen(text), &meta, &doc) == WARTA_OK &&
             warta_doc_code(ctx, doc, dict) == WARTA_OK;
    if (!ok)
        fprintf(stderr, "embed: %s\n", warta_errmsg(ctx));
    for (size_t i = 0; ok && i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        printf("%s %s %s %s %s\n", e->date, e->source.code, e->code,
               e->target.code, e->place.name[0] ? e->place.name : "-");
    }
    warta_doc_free(doc);
    warta_model_free(model);
    warta_dict_free(dict);
    warta_close(ctx);
    return ok ? 0 : 1;
}
