/*
** stats.c -- `--stats`: where a run's time went, stage by stage, on
** stderr (warta split, warta parse; bench/ reads these lines).
*/
#include "cli.h"

void cli_print_stats(warta_ctx *ctx, uint64_t bytes, uint64_t sents,
                     uint64_t ns_total)
{
    uint64_t ns[WARTA_N_STAGES], sum = 0;
    warta_stage_times(ctx, ns);
    for (int i = 0; i < WARTA_N_STAGES; i++)
        sum += ns[i];
    double secs = (double)ns_total / 1e9;
    fprintf(stderr, "stats: %llu bytes, %llu sentences, %.3f s, %.1f MB/s, "
            "%.0f sentences/s\n", (unsigned long long)bytes,
            (unsigned long long)sents, secs, secs > 0 ? bytes / secs / 1e6 : 0,
            secs > 0 ? sents / secs : 0);
    for (int i = 0; i < WARTA_N_STAGES; i++)
        if (ns[i])
            fprintf(stderr, "stats: stage %-7s %8.3f s  %5.1f%%  %8.1f MB/s\n",
                    warta_stage_name((warta_stage)i), ns[i] / 1e9,
                    100.0 * (double)ns[i] / (double)(ns_total ? ns_total : 1),
                    ns[i] ? bytes / (ns[i] / 1e9) / 1e6 : 0);
    fprintf(stderr, "stats: reading and output %.3f s\n",
            (double)(ns_total > sum ? ns_total - sum : 0) / 1e9);
}
