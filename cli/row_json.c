/*
** row_json.c -- a row of a store query (column names and text values) as
** a JSON object, numbers as numbers: how `warta query --format json` and
** the dashboard's API (api.c) write rows.
*/
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The columns that are numbers in JSON; historical is true or false; the
** rest, codes like "041" included, are strings.  A two-way table's
** period columns ("2024-03") count events. */
static bool numeric_column(const char *name)
{
    static const char *const numeric[] = {
        "id", "quad", "goldstein", "mentions", "sources", "articles",
        "events", "lat", "lon", "place_id", "sentence", "current_mentions",
        "quad1", "quad2", "quad3", "quad4"};
    if (name[0] >= '0' && name[0] <= '9')
        return true;
    for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++)
        if (strcmp(name, numeric[i]) == 0)
            return true;
    return false;
}

static json_t *json_cell(const char *name, const char *v)
{
    if (!v)
        return json_null();
    if (strcmp(name, "historical") == 0)    /* SQLite's 0 or 1 */
        return json_boolean(strcmp(v, "0") != 0);
    if (!numeric_column(name))
        return json_string(v);
    return strchr(v, '.') ? json_real(strtod(v, NULL))
                          : json_integer(strtoll(v, NULL, 10));
}

json_t *row_json(int n, const char *const *names, const char *const *values)
{
    json_t *o = json_object();
    for (int i = 0; o && i < n; i++)
        json_object_set_new(o, names[i], json_cell(names[i], values[i]));
    return o;
}
