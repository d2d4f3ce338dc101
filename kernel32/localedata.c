/*
 * kernel32/localedata.c — the locales wlx knows by name and LCID: their
 * identity (names in English and in their own language, ISO codes, code
 * pages, language group). Neutral locales (a language, no country) come
 * right after the specific ones of their language; the first specific
 * locale of a language is its default ("de" → de-DE).
 *
 * The formats and names of days and months are known for en-US and the
 * invariant locale only (locale.c); the others answer GetLocaleInfo for
 * these identity fields and fail the rest rather than answer with en-US
 * data.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);

#define W 1     /* LGRPID_WESTERN_EUROPE */
#define CE 2    /* LGRPID_CENTRAL_EUROPE */
#define BA 3    /* LGRPID_BALTIC */
#define GR 4    /* LGRPID_GREEK */
#define CY 5    /* LGRPID_CYRILLIC */
#define TU 6    /* LGRPID_TURKIC */
#define JA 7    /* LGRPID_JAPANESE */
#define KO 8    /* LGRPID_KOREAN */
#define TC 9    /* LGRPID_TRADITIONAL_CHINESE */
#define SC 10   /* LGRPID_SIMPLIFIED_CHINESE */
#define TH 11   /* LGRPID_THAI */
#define HE 12   /* LGRPID_HEBREW */
#define AR 13   /* LGRPID_ARABIC */
#define VI 14   /* LGRPID_VIETNAMESE */
#define ID 15   /* LGRPID_INDIC */

const struct k32_locale k32_locales[] =
{
    { 0x0409, L"en-US", L"ENU", L"English", L"United States", L"English", L"United States", L"eng", L"USA", 1252, 437, 10000, W },
    { 0x0809, L"en-GB", L"ENG", L"English", L"United Kingdom", L"English", L"United Kingdom", L"eng", L"GBR", 1252, 850, 10000, W },
    { 0x0c09, L"en-AU", L"ENA", L"English", L"Australia", L"English", L"Australia", L"eng", L"AUS", 1252, 850, 10000, W },
    { 0x1009, L"en-CA", L"ENC", L"English", L"Canada", L"English", L"Canada", L"eng", L"CAN", 1252, 850, 10000, W },
    { 0x1409, L"en-NZ", L"ENZ", L"English", L"New Zealand", L"English", L"New Zealand", L"eng", L"NZL", 1252, 850, 10000, W },
    { 0x1809, L"en-IE", L"ENI", L"English", L"Ireland", L"English", L"Ireland", L"eng", L"IRL", 1252, 850, 10000, W },
    { 0x1c09, L"en-ZA", L"ENS", L"English", L"South Africa", L"English", L"South Africa", L"eng", L"ZAF", 1252, 437, 10000, W },
    { 0x4009, L"en-IN", L"ENN", L"English", L"India", L"English", L"India", L"eng", L"IND", 1252, 437, 10000, W },
    { 0x4809, L"en-SG", L"ENE", L"English", L"Singapore", L"English", L"Singapore", L"eng", L"SGP", 1252, 437, 10000, W },
    { 0x0009, L"en", L"ENU", L"English", NULL, L"English", NULL, L"eng", NULL, 1252, 437, 10000, W },
    { 0x0407, L"de-DE", L"DEU", L"German", L"Germany", L"Deutsch", L"Deutschland", L"deu", L"DEU", 1252, 850, 10000, W },
    { 0x0c07, L"de-AT", L"DEA", L"German", L"Austria", L"Deutsch", L"Österreich", L"deu", L"AUT", 1252, 850, 10000, W },
    { 0x0807, L"de-CH", L"DES", L"German", L"Switzerland", L"Deutsch", L"Schweiz", L"deu", L"CHE", 1252, 850, 10000, W },
    { 0x1007, L"de-LU", L"DEL", L"German", L"Luxembourg", L"Deutsch", L"Luxemburg", L"deu", L"LUX", 1252, 850, 10000, W },
    { 0x0007, L"de", L"DEU", L"German", NULL, L"Deutsch", NULL, L"deu", NULL, 1252, 850, 10000, W },
    { 0x040c, L"fr-FR", L"FRA", L"French", L"France", L"français", L"France", L"fra", L"FRA", 1252, 850, 10000, W },
    { 0x080c, L"fr-BE", L"FRB", L"French", L"Belgium", L"français", L"Belgique", L"fra", L"BEL", 1252, 850, 10000, W },
    { 0x0c0c, L"fr-CA", L"FRC", L"French", L"Canada", L"français", L"Canada", L"fra", L"CAN", 1252, 850, 10000, W },
    { 0x100c, L"fr-CH", L"FRS", L"French", L"Switzerland", L"français", L"Suisse", L"fra", L"CHE", 1252, 850, 10000, W },
    { 0x140c, L"fr-LU", L"FRL", L"French", L"Luxembourg", L"français", L"Luxembourg", L"fra", L"LUX", 1252, 850, 10000, W },
    { 0x000c, L"fr", L"FRA", L"French", NULL, L"français", NULL, L"fra", NULL, 1252, 850, 10000, W },
    { 0x0410, L"it-IT", L"ITA", L"Italian", L"Italy", L"italiano", L"Italia", L"ita", L"ITA", 1252, 850, 10000, W },
    { 0x0810, L"it-CH", L"ITS", L"Italian", L"Switzerland", L"italiano", L"Svizzera", L"ita", L"CHE", 1252, 850, 10000, W },
    { 0x0010, L"it", L"ITA", L"Italian", NULL, L"italiano", NULL, L"ita", NULL, 1252, 850, 10000, W },
    { 0x0c0a, L"es-ES", L"ESN", L"Spanish", L"Spain", L"español", L"España", L"spa", L"ESP", 1252, 850, 10000, W },
    { 0x080a, L"es-MX", L"ESM", L"Spanish", L"Mexico", L"español", L"México", L"spa", L"MEX", 1252, 850, 10000, W },
    { 0x2c0a, L"es-AR", L"ESS", L"Spanish", L"Argentina", L"español", L"Argentina", L"spa", L"ARG", 1252, 850, 10000, W },
    { 0x240a, L"es-CO", L"ESO", L"Spanish", L"Colombia", L"español", L"Colombia", L"spa", L"COL", 1252, 850, 10000, W },
    { 0x340a, L"es-CL", L"ESL", L"Spanish", L"Chile", L"español", L"Chile", L"spa", L"CHL", 1252, 850, 10000, W },
    { 0x540a, L"es-US", L"EST", L"Spanish", L"United States", L"español", L"Estados Unidos", L"spa", L"USA", 1252, 850, 10000, W },
    { 0x000a, L"es", L"ESN", L"Spanish", NULL, L"español", NULL, L"spa", NULL, 1252, 850, 10000, W },
    { 0x0416, L"pt-BR", L"PTB", L"Portuguese", L"Brazil", L"português", L"Brasil", L"por", L"BRA", 1252, 850, 10000, W },
    { 0x0816, L"pt-PT", L"PTG", L"Portuguese", L"Portugal", L"português", L"Portugal", L"por", L"PRT", 1252, 850, 10000, W },
    { 0x0016, L"pt", L"PTB", L"Portuguese", NULL, L"português", NULL, L"por", NULL, 1252, 850, 10000, W },
    { 0x0413, L"nl-NL", L"NLD", L"Dutch", L"Netherlands", L"Nederlands", L"Nederland", L"nld", L"NLD", 1252, 850, 10000, W },
    { 0x0813, L"nl-BE", L"NLB", L"Dutch", L"Belgium", L"Nederlands", L"België", L"nld", L"BEL", 1252, 850, 10000, W },
    { 0x0013, L"nl", L"NLD", L"Dutch", NULL, L"Nederlands", NULL, L"nld", NULL, 1252, 850, 10000, W },
    { 0x041d, L"sv-SE", L"SVE", L"Swedish", L"Sweden", L"svenska", L"Sverige", L"swe", L"SWE", 1252, 850, 10000, W },
    { 0x081d, L"sv-FI", L"SVF", L"Swedish", L"Finland", L"svenska", L"Finland", L"swe", L"FIN", 1252, 850, 10000, W },
    { 0x001d, L"sv", L"SVE", L"Swedish", NULL, L"svenska", NULL, L"swe", NULL, 1252, 850, 10000, W },
    { 0x0406, L"da-DK", L"DAN", L"Danish", L"Denmark", L"dansk", L"Danmark", L"dan", L"DNK", 1252, 850, 10000, W },
    { 0x0006, L"da", L"DAN", L"Danish", NULL, L"dansk", NULL, L"dan", NULL, 1252, 850, 10000, W },
    { 0x0414, L"nb-NO", L"NOR", L"Norwegian Bokmål", L"Norway", L"norsk bokmål", L"Norge", L"nob", L"NOR", 1252, 850, 10000, W },
    { 0x040b, L"fi-FI", L"FIN", L"Finnish", L"Finland", L"suomi", L"Suomi", L"fin", L"FIN", 1252, 850, 10000, W },
    { 0x000b, L"fi", L"FIN", L"Finnish", NULL, L"suomi", NULL, L"fin", NULL, 1252, 850, 10000, W },
    { 0x040f, L"is-IS", L"ISL", L"Icelandic", L"Iceland", L"íslenska", L"Ísland", L"isl", L"ISL", 1252, 850, 10000, W },
    { 0x0403, L"ca-ES", L"CAT", L"Catalan", L"Spain", L"català", L"Espanya", L"cat", L"ESP", 1252, 850, 10000, W },
    { 0x042d, L"eu-ES", L"EUQ", L"Basque", L"Spain", L"euskara", L"Espainia", L"eus", L"ESP", 1252, 850, 10000, W },
    { 0x0421, L"id-ID", L"IND", L"Indonesian", L"Indonesia", L"Indonesia", L"Indonesia", L"ind", L"IDN", 1252, 850, 10000, W },
    { 0x043e, L"ms-MY", L"MSL", L"Malay", L"Malaysia", L"Melayu", L"Malaysia", L"msa", L"MYS", 1252, 850, 10000, W },
    { 0x0415, L"pl-PL", L"PLK", L"Polish", L"Poland", L"polski", L"Polska", L"pol", L"POL", 1250, 852, 10029, CE },
    { 0x0015, L"pl", L"PLK", L"Polish", NULL, L"polski", NULL, L"pol", NULL, 1250, 852, 10029, CE },
    { 0x0405, L"cs-CZ", L"CSY", L"Czech", L"Czechia", L"čeština", L"Česko", L"ces", L"CZE", 1250, 852, 10029, CE },
    { 0x0005, L"cs", L"CSY", L"Czech", NULL, L"čeština", NULL, L"ces", NULL, 1250, 852, 10029, CE },
    { 0x040e, L"hu-HU", L"HUN", L"Hungarian", L"Hungary", L"magyar", L"Magyarország", L"hun", L"HUN", 1250, 852, 10029, CE },
    { 0x041b, L"sk-SK", L"SKY", L"Slovak", L"Slovakia", L"slovenčina", L"Slovensko", L"slk", L"SVK", 1250, 852, 10029, CE },
    { 0x0424, L"sl-SI", L"SLV", L"Slovenian", L"Slovenia", L"slovenščina", L"Slovenija", L"slv", L"SVN", 1250, 852, 10029, CE },
    { 0x041a, L"hr-HR", L"HRV", L"Croatian", L"Croatia", L"hrvatski", L"Hrvatska", L"hrv", L"HRV", 1250, 852, 10082, CE },
    { 0x0418, L"ro-RO", L"ROM", L"Romanian", L"Romania", L"română", L"România", L"ron", L"ROU", 1250, 852, 10029, CE },
    { 0x241a, L"sr-Latn-RS", L"SRM", L"Serbian (Latin)", L"Serbia", L"srpski", L"Srbija", L"srp", L"SRB", 1250, 852, 10029, CE },
    { 0x0425, L"et-EE", L"ETI", L"Estonian", L"Estonia", L"eesti", L"Eesti", L"est", L"EST", 1257, 775, 10029, BA },
    { 0x0426, L"lv-LV", L"LVI", L"Latvian", L"Latvia", L"latviešu", L"Latvija", L"lav", L"LVA", 1257, 775, 10029, BA },
    { 0x0427, L"lt-LT", L"LTH", L"Lithuanian", L"Lithuania", L"lietuvių", L"Lietuva", L"lit", L"LTU", 1257, 775, 10029, BA },
    { 0x0408, L"el-GR", L"ELL", L"Greek", L"Greece", L"Ελληνικά", L"Ελλάδα", L"ell", L"GRC", 1253, 737, 10006, GR },
    { 0x0008, L"el", L"ELL", L"Greek", NULL, L"Ελληνικά", NULL, L"ell", NULL, 1253, 737, 10006, GR },
    { 0x0419, L"ru-RU", L"RUS", L"Russian", L"Russia", L"русский", L"Россия", L"rus", L"RUS", 1251, 866, 10007, CY },
    { 0x0019, L"ru", L"RUS", L"Russian", NULL, L"русский", NULL, L"rus", NULL, 1251, 866, 10007, CY },
    { 0x0422, L"uk-UA", L"UKR", L"Ukrainian", L"Ukraine", L"українська", L"Україна", L"ukr", L"UKR", 1251, 866, 10017, CY },
    { 0x0402, L"bg-BG", L"BGR", L"Bulgarian", L"Bulgaria", L"български", L"България", L"bul", L"BGR", 1251, 866, 10007, CY },
    { 0x041f, L"tr-TR", L"TRK", L"Turkish", L"Turkey", L"Türkçe", L"Türkiye", L"tur", L"TUR", 1254, 857, 10081, TU },
    { 0x001f, L"tr", L"TRK", L"Turkish", NULL, L"Türkçe", NULL, L"tur", NULL, 1254, 857, 10081, TU },
    { 0x0411, L"ja-JP", L"JPN", L"Japanese", L"Japan", L"日本語", L"日本", L"jpn", L"JPN", 932, 932, 10001, JA },
    { 0x0011, L"ja", L"JPN", L"Japanese", NULL, L"日本語", NULL, L"jpn", NULL, 932, 932, 10001, JA },
    { 0x0412, L"ko-KR", L"KOR", L"Korean", L"Korea", L"한국어", L"대한민국", L"kor", L"KOR", 949, 949, 10003, KO },
    { 0x0012, L"ko", L"KOR", L"Korean", NULL, L"한국어", NULL, L"kor", NULL, 949, 949, 10003, KO },
    { 0x0804, L"zh-CN", L"CHS", L"Chinese (Simplified)", L"China", L"中文", L"中国", L"zho", L"CHN", 936, 936, 10008, SC },
    { 0x1004, L"zh-SG", L"ZHI", L"Chinese (Simplified)", L"Singapore", L"中文", L"新加坡", L"zho", L"SGP", 936, 936, 10008, SC },
    { 0x0404, L"zh-TW", L"CHT", L"Chinese (Traditional)", L"Taiwan", L"中文", L"台灣", L"zho", L"TWN", 950, 950, 10002, TC },
    { 0x0c04, L"zh-HK", L"ZHH", L"Chinese (Traditional)", L"Hong Kong SAR", L"中文", L"香港特別行政區", L"zho", L"HKG", 950, 950, 10002, TC },
    { 0x041e, L"th-TH", L"THA", L"Thai", L"Thailand", L"ไทย", L"ไทย", L"tha", L"THA", 874, 874, 10021, TH },
    { 0x040d, L"he-IL", L"HEB", L"Hebrew", L"Israel", L"עברית", L"ישראל", L"heb", L"ISR", 1255, 862, 10005, HE },
    { 0x0401, L"ar-SA", L"ARA", L"Arabic", L"Saudi Arabia", L"العربية", L"المملكة العربية السعودية", L"ara", L"SAU", 1256, 720, 10004, AR },
    { 0x0c01, L"ar-EG", L"ARE", L"Arabic", L"Egypt", L"العربية", L"مصر", L"ara", L"EGY", 1256, 720, 10004, AR },
    { 0x0001, L"ar", L"ARA", L"Arabic", NULL, L"العربية", NULL, L"ara", NULL, 1256, 720, 10004, AR },
    { 0x0429, L"fa-IR", L"FAR", L"Persian", L"Iran", L"فارسی", L"ایران", L"fas", L"IRN", 1256, 720, 10004, AR },
    { 0x042a, L"vi-VN", L"VIT", L"Vietnamese", L"Vietnam", L"Tiếng Việt", L"Việt Nam", L"vie", L"VNM", 1258, 1258, 10000, VI },
    { 0x0439, L"hi-IN", L"HIN", L"Hindi", L"India", L"हिंदी", L"भारत", L"hin", L"IND", 0, 1, 2, ID },
};

const unsigned int k32_locale_count = sizeof(k32_locales) / sizeof(k32_locales[0]);

static BOOL name_equal(const WCHAR *a, const WCHAR *b)
{
    while (*a && RtlDowncaseUnicodeChar(*a) == RtlDowncaseUnicodeChar(*b)) a++, b++;
    return RtlDowncaseUnicodeChar(*a) == RtlDowncaseUnicodeChar(*b);
}

const struct k32_locale *k32_locale_from_lcid(LCID lcid)
{
    unsigned int i;
    for (i = 0; i < k32_locale_count; i++) if (k32_locales[i].lcid == lcid) return &k32_locales[i];
    return NULL;
}

/* also accepts '_' for '-' ("en_US"), as Windows does */
const struct k32_locale *k32_locale_from_name(const WCHAR *name)
{
    WCHAR buf[LOCALE_NAME_MAX_LENGTH];
    unsigned int i;

    for (i = 0; name[i] && i < LOCALE_NAME_MAX_LENGTH - 1; i++) buf[i] = name[i] == '_' ? '-' : name[i];
    if (name[i]) return NULL;
    buf[i] = 0;
    for (i = 0; i < k32_locale_count; i++) if (name_equal(k32_locales[i].name, buf)) return &k32_locales[i];
    return NULL;
}

const struct k32_locale *k32_locale_default_of(LANGID primary)
{
    unsigned int i;
    for (i = 0; i < k32_locale_count; i++)
        if (k32_locales[i].country && PRIMARYLANGID(k32_locales[i].lcid) == PRIMARYLANGID(primary))
            return &k32_locales[i];
    return NULL;
}
