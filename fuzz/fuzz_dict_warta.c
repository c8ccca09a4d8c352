/*
** fuzz_dict_warta.c -- libFuzzer target: the files of warta's own
** language packs (data/packs/<lang>/: actors, agents, verbs and
** grammar.txt), in a folder named for the language so the pack's
** language applies, loaded on top of a small dictionary that then codes
** two sentences.  The first byte picks the file (low bits) and the
** language (bit 2); the rest is the file.
*/
#include "helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"countries.actors.txt", "agents.txt",
                                        "verbs.txt", "grammar.txt"};
    if (size < 1)
        return 0;
    char name[64];
    snprintf(name, sizeof name, "%s/%s", data[0] & 4 ? "en" : "id",
             names[data[0] & 3]);
    fuzz_dict_file(name, data + 1, size - 1);
    return 0;
}
