/*
** fuzz_dict_tabari.c -- libFuzzer target: TABARI's dictionary files
** (.actors, .verbs, .options; ';' comments, six-digit dates, "{ A | B }"
** pattern choices), loaded on top of a small dictionary that is then
** used to code two sentences.  The first byte picks the file's name (its
** kind); the rest is the file.  Project files are left out: they name
** other files to read, anywhere on disk.
*/
#include "helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"TABARI.Fuzz.actors",
                                        "TABARI.Fuzz.verbs",
                                        "TABARI.Fuzz.options"};
    if (size < 1)
        return 0;
    fuzz_dict_file(names[data[0] % 3], data + 1, size - 1);
    return 0;
}
