/*
** fuzz_dict_petrarch.c -- libFuzzer target: PETRARCH's dictionary files
** as they ship (Phoenix.*.actors.txt, Phoenix.agents.txt, CAMEO.2.0.txt
** verbs with synsets and "--- NAME ---" blocks, discards, issues), loaded
** on top of a small dictionary that then codes two sentences.  The first
** byte picks the file's name (its kind); the rest is the file.
*/
#include "helpers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {
        "Phoenix.Countries.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt",
        "Phoenix.discards.txt", "Phoenix.IssueCoding.txt"};
    if (size < 1)
        return 0;
    fuzz_dict_file(names[data[0] % 5], data + 1, size - 1);
    return 0;
}
