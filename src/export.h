/*
** export.h -- TEMPORARY: the public declarations of src/export.c until
** they move into include/warta.h (the same text sits at the top of
** export.c).  Include it after warta.h.
*/
#ifndef WARTA_EXPORT_H
#define WARTA_EXPORT_H

#include "warta.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Output formats of events: JSON (warta_write_event's), GDELT 2.0's
** 61-column event export (TSV), PLOVER JSON, and flat CSV. */
typedef enum {
    WARTA_FORMAT_JSON,
    WARTA_FORMAT_GDELT,
    WARTA_FORMAT_PLOVER,
    WARTA_FORMAT_CSV
} warta_format;

/* Append event i of doc to out in the given format: one line ending in
** '\n'.  flags (WARTA_WRITE_EXPLAIN) matter for JSON only.  GDELT's
** DATEADDED is the time of the call (UTC), so GDELT output depends on the
** clock.  WARTA_EINVAL for a bad index or format, WARTA_ENOMEM. */
WARTA_API warta_status warta_write_event_as(warta_ctx *ctx,
                                            const warta_doc *doc, size_t i,
                                            warta_format fmt, unsigned flags,
                                            warta_buf *out);

/* Append the header line of a format to out: CSV's column names and a
** newline; nothing for the others (GDELT's export has no header). */
WARTA_API warta_status warta_write_header(warta_ctx *ctx, warta_format fmt,
                                          warta_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* WARTA_EXPORT_H */
