/*
** export_args.c -- what `warta code` and `warta query` share about the
** export formats: --geo, the country codes of GDELT's geography columns.
*/
#include <string.h>

#include "cli.h"

bool cli_geo_option(const char *geo, bool gdelt, unsigned *flags)
{
    if (!geo)
        return true;
    if (!gdelt) {
        cli_error("--geo chooses the country codes of GDELT's places: it "
                  "needs --format gdelt");
        return false;
    }
    if (strcmp(geo, "iso3") == 0) {
        *flags |= WARTA_WRITE_GEO_ISO3;
        return true;
    }
    if (strcmp(geo, "fips") == 0)
        return true;
    cli_error("--geo must be fips (FIPS 10-4, as GDELT) or iso3, not '%s'",
              geo);
    return false;
}
