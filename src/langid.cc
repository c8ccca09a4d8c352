/*
** langid.cc -- the one C++ file: a C function over CLD2, Google's compact
** language detector (Debian's libcld2).  Called by lang.c; it knows
** nothing of documents.
*/
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" {
#include "warta_int.h"
}

/* CLD2 still says "iw" and "jw" for Hebrew and Javanese. */
static const char *modern_code(const char *code)
{
    if (std::strcmp(code, "iw") == 0)
        return "he";
    if (std::strcmp(code, "jw") == 0)
        return "jv";
    return code;
}

extern "C" bool langid_detect(const char *text, size_t n, const char *hint,
                              char out[4], int *percent)
{
    CLD2::Language top3[3];
    int percent3[3];
    double scores[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                            CLD2::UNKNOWN_LANGUAGE};
    if (hint && *hint)
        hints.language_hint = CLD2::GetLanguageFromName(hint);
    int len = n > 0x7fffffff ? 0x7fffffff : static_cast<int>(n);
    CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
        text, len, true, &hints, 0, top3, percent3, scores, nullptr,
        &text_bytes, &reliable);
    const char *code = modern_code(CLD2::LanguageCode(lang));
    size_t k = 0;
    while (k < 3 && code[k] && code[k] != '-')
        k++;
    if (lang == CLD2::UNKNOWN_LANGUAGE || k < 2) {
        std::memcpy(out, "un", 3);
        reliable = false;
    } else {
        std::memcpy(out, code, k);
        out[k] = '\0';
    }
    if (percent)
        *percent = top3[0] == lang ? percent3[0] : 0;
    return reliable;
}
