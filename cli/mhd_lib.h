/*
** mhd_lib.h -- libmicrohttpd, loaded when `warta serve` starts.
**
** Linked at start-up, libmicrohttpd brings GnuTLS and the libraries under
** it, and the dynamic loader's work on them was about 9 of the 23 ms of
** every warta command; only `serve` uses it.  So the server calls it
** through the table below, filled by dlopen when it starts (as store_pg.c
** does libpq).
*/
#ifndef WARTA_MHD_LIB_H
#define WARTA_MHD_LIB_H

#include <stdbool.h>
#include <stddef.h>

#include <microhttpd.h>

/* The library's name, as Debian's libmicrohttpd12 installs it;
** WARTA_LIBMICROHTTPD names another file. */
#define MHD_LIB_NAME "libmicrohttpd.so.12"

/* Every libmicrohttpd function the server calls. */
#define MHD_CALLS(X)                                                       \
    X(MHD_add_response_header) X(MHD_create_response_from_buffer)          \
    X(MHD_create_response_from_buffer_with_free_callback_cls)              \
    X(MHD_destroy_response) X(MHD_get_connection_info)                     \
    X(MHD_get_connection_values) X(MHD_get_daemon_info)                    \
    X(MHD_lookup_connection_value) X(MHD_queue_response)                   \
    X(MHD_resume_connection) X(MHD_start_daemon) X(MHD_stop_daemon)        \
    X(MHD_suspend_connection)

#define MHD_POINTER(f) __typeof__(f) *f;
typedef struct mhd_lib {
    MHD_CALLS(MHD_POINTER)
} mhd_lib;
#undef MHD_POINTER

/* libmicrohttpd's functions, once mhd_load has said true. */
extern mhd_lib mhd;

/* Load libmicrohttpd (once).  False, with why in err, when it cannot be
** loaded or lacks a function. */
bool mhd_load(char *err, size_t cap);

#endif
