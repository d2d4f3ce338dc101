/*
 * kernel32/nls.h — what kernel32's locale files share: the table of known
 * locales (localedata.c), the user's overrides (SetLocaleInfo,
 * localeuser.c) and the LCID resolution of locale.c.
 */
#ifndef WLX_KERNEL32_NLS_H
#define WLX_KERNEL32_NLS_H

#include <windows.h>
#include <winnls.h>

#define LCID_EN_US 0x0409

/* a locale wlx knows by name; a neutral one (LCID = its primary language)
 * has no country. Data beyond these identity fields exists for en-US and
 * the invariant locale only (locale.c). */
struct k32_locale
{
    LCID         lcid;
    const WCHAR *name;            /* "de-DE" */
    const WCHAR *abbrev;          /* LOCALE_SABBREVLANGNAME: "DEU" */
    const WCHAR *lang, *country;  /* English names */
    const WCHAR *native_lang, *native_country;
    const WCHAR *lang3;           /* ISO 639-2: "deu" */
    const WCHAR *country3;        /* ISO 3166 alpha-3: "DEU" */
    USHORT       ansi_cp, oem_cp, mac_cp;
    BYTE         group;           /* language group (LGRPID_*) */
};

extern const struct k32_locale k32_locales[];
extern const unsigned int k32_locale_count;

const struct k32_locale *k32_locale_from_lcid(LCID lcid);
const struct k32_locale *k32_locale_from_name(const WCHAR *name);
/* the default specific locale of a neutral one ("de" → de-DE), or NULL */
const struct k32_locale *k32_locale_default_of(LANGID primary);

/* the real locale an LCID stands for (en-US for the defaults), 0 if unknown */
LCID k32_resolve_lcid(LCID lcid);

/* the value SetLocaleInfo gave an LCTYPE of the user's locale, copied to
 * value (K32_USER_VALUE_MAX characters and a terminator); FALSE if none */
#define K32_USER_VALUE_MAX 80
BOOL k32_user_override(LCTYPE type, WCHAR *value);

/* canonical decomposition of a precomposed letter (locale.c's table:
 * Latin, Greek, Cyrillic): the base and up to two marks; the count */
int k32_decompose(WCHAR ch, WCHAR *out);
/* the precomposed letter of base + mark, or 0 */
WCHAR k32_compose(WCHAR base, WCHAR mark);
/* NFKC of src into out (room for 18 per character, normalize.c); the
 * length, negative on an unpaired surrogate */
int k32_nfkc(const WCHAR *src, int len, WCHAR *out);

#endif
