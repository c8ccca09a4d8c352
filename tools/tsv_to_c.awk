# tsv_to_c.awk -- what the table generators share (tools/gen_table.sh runs
# it before a table's own program): reporting a bad row, C literals, and
# closing the table.

# Report the row being read as bad, as file:line: message, and stop.
function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    bad = 1
    exit 1
}

# A C string literal for s: backslashes and double quotes escaped, bytes
# outside ASCII as octal escapes (the en and em dash).  A loop, not gsub:
# awks disagree on what "\\" means in a replacement.
function cstr(s,    i, c, r) {
    r = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" || c == "\"")
            r = r "\\" c
        else if (!(c in ascii))
            r = r sprintf("\\%03o", ord[c])
        else
            r = r c
    }
    return "\"" r "\""
}

BEGIN {
    for (i = 32; i < 127; i++)
        ascii[sprintf("%c", i)] = 1
    for (i = 128; i < 256; i++)
        ord[sprintf("%c", i)] = i
}

# After the table's program: close the array it printed, or fail when no
# row was good (the program counts them in `rows`).
END {
    if (bad)
        exit 1
    if (rows == 0) {
        printf "%s: no rows\n", src > "/dev/stderr"
        exit 1
    }
    print "};"
}
