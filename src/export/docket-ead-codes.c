/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docket-ead-private.h"

/* The code lists that ead-200804.xsd enumerates for @langcode (ISO 639-2b),
 * @countrycode (ISO 3166-1 alpha-2) and @scriptcode (ISO 15924), sorted for
 * bsearch(). EAD3 and the 20210412 EAD 2002 schema accept any NMTOKEN there,
 * so a code in these lists is valid in every schema Docket validates with. */

static const char * const language_codes[] = {
  "aar", "abk", "ace", "ach", "ada", "ady", "afa", "afh", "afr", "aka", "akk", "alb",
  "ale", "alg", "amh", "ang", "apa", "ara", "arc", "arg", "arm", "arn", "arp", "art",
  "arw", "asm", "ast", "ath", "aus", "ava", "ave", "awa", "aym", "aze", "bad", "bai",
  "bak", "bal", "bam", "ban", "baq", "bas", "bat", "bej", "bel", "bem", "ben", "ber",
  "bho", "bih", "bik", "bin", "bis", "bla", "bnt", "bod", "bos", "bra", "bre", "btk",
  "bua", "bug", "bul", "bur", "byn", "cad", "cai", "car", "cat", "cau", "ceb", "cel",
  "ces", "cha", "chb", "che", "chg", "chi", "chk", "chm", "chn", "cho", "chp", "chr",
  "chu", "chv", "chy", "cmc", "cop", "cor", "cos", "cpe", "cpf", "cpp", "cre", "crh",
  "crp", "csb", "cus", "cym", "cze", "dak", "dan", "dar", "day", "del", "den", "deu",
  "dgr", "din", "div", "doi", "dra", "dsb", "dua", "dum", "dut", "dyu", "dzo", "efi",
  "egy", "eka", "ell", "elx", "eng", "enm", "epo", "est", "eus", "ewe", "ewo", "fan",
  "fao", "fas", "fat", "fij", "fil", "fin", "fiu", "fon", "fra", "fre", "frm", "fro",
  "fry", "ful", "fur", "gaa", "gay", "gba", "gem", "geo", "ger", "gez", "gil", "gla",
  "gle", "glg", "glv", "gmh", "goh", "gon", "gor", "got", "grb", "grc", "gre", "grn",
  "guj", "gwi", "hai", "hat", "hau", "haw", "heb", "her", "hil", "him", "hin", "hit",
  "hmn", "hmo", "hrv", "hsb", "hun", "hup", "hye", "iba", "ibo", "ice", "ido", "iii",
  "ijo", "iku", "ile", "ilo", "ina", "inc", "ind", "ine", "inh", "ipk", "ira", "iro",
  "isl", "ita", "jav", "jbo", "jpn", "jpr", "jrb", "kaa", "kab", "kac", "kal", "kam",
  "kan", "kar", "kas", "kat", "kau", "kaw", "kaz", "kbd", "kha", "khi", "khm", "kho",
  "kik", "kin", "kir", "kmb", "kok", "kom", "kon", "kor", "kos", "kpe", "krc", "kro",
  "kru", "kua", "kum", "kur", "kut", "lad", "lah", "lam", "lao", "lat", "lav", "lez",
  "lim", "lin", "lit", "lol", "loz", "ltz", "lua", "lub", "lug", "lui", "lun", "luo",
  "lus", "mac", "mad", "mag", "mah", "mai", "mak", "mal", "man", "mao", "map", "mar",
  "mas", "may", "mdf", "mdr", "men", "mga", "mic", "min", "mis", "mkd", "mkh", "mlg",
  "mlt", "mnc", "mni", "mno", "moh", "mol", "mon", "mos", "mri", "msa", "mul", "mun",
  "mus", "mwl", "mwr", "mya", "myn", "myv", "nah", "nai", "nap", "nau", "nav", "nbl",
  "nde", "ndo", "nds", "nep", "new", "nia", "nic", "niu", "nld", "nno", "nob", "nog",
  "non", "nor", "nso", "nub", "nwc", "nya", "nym", "nyn", "nyo", "nzi", "oci", "oji",
  "ori", "orm", "osa", "oss", "ota", "oto", "paa", "pag", "pal", "pam", "pan", "pap",
  "pau", "peo", "per", "phi", "phn", "pli", "pol", "pon", "por", "pra", "pro", "pus",
  "que", "raj", "rap", "rar", "roa", "roh", "rom", "ron", "rum", "run", "rus", "sad",
  "sag", "sah", "sai", "sal", "sam", "san", "sas", "sat", "scc", "scn", "sco", "scr",
  "sel", "sem", "sga", "sgn", "shn", "sid", "sin", "sio", "sit", "sla", "slk", "slo",
  "slv", "sma", "sme", "smi", "smj", "smn", "smo", "sms", "sna", "snd", "snk", "sog",
  "som", "son", "sot", "spa", "sqi", "srd", "srp", "srr", "ssa", "ssw", "suk", "sun",
  "sus", "sux", "swa", "swe", "syr", "tah", "tai", "tam", "tat", "tel", "tem", "ter",
  "tet", "tgk", "tgl", "tha", "tib", "tig", "tir", "tiv", "tkl", "tlh", "tli", "tmh",
  "tog", "ton", "tpi", "tsi", "tsn", "tso", "tuk", "tum", "tup", "tur", "tut", "tvl",
  "twi", "tyv", "udm", "uga", "uig", "ukr", "umb", "und", "urd", "uzb", "vai", "ven",
  "vie", "vol", "vot", "wak", "wal", "war", "was", "wel", "wen", "wln", "wol", "xal",
  "xho", "yao", "yap", "yid", "yor", "ypk", "zap", "zen", "zha", "zho", "znd", "zul",
  "zun",
};

static const char * const country_codes[] = {
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AN", "AO", "AQ", "AR", "AS", "AT", "AU",
  "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BM", "BN",
  "BO", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH",
  "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CS", "CU", "CV", "CX", "CY", "CZ", "DE",
  "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ",
  "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GH", "GI", "GL", "GM", "GN",
  "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IN", "IO", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG",
  "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK",
  "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "MG", "MH", "MK", "ML", "MM",
  "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE",
  "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE",
  "RO", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL",
  "SM", "SN", "SO", "SR", "ST", "SV", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ",
  "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US",
  "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
  "ZM", "ZW",
};

static const char * const script_codes[] = {
  "Arab", "Armn", "Bali", "Batk", "Beng", "Blis", "Bopo", "Brah", "Brai", "Bugi", "Buhd",
  "Cans", "Cham", "Cher", "Cirt", "Copt", "Cprt", "Cyrl", "Cyrs", "Deva", "Dsrt", "Egyd",
  "Egyh", "Egyp", "Ethi", "Geok", "Geor", "Glag", "Goth", "Grek", "Gujr", "Guru", "Hang",
  "Hani", "Hano", "Hans", "Hant", "Hebr", "Hira", "Hmng", "Hrkt", "Hung", "Inds", "Ital",
  "Java", "Kali", "Kana", "Khar", "Khmr", "Knda", "Laoo", "Latf", "Latg", "Latn", "Lepc",
  "Limb", "Lina", "Linb", "Mand", "Maya", "Mero", "Mlym", "Mong", "Mymr", "Nkoo", "Ogam",
  "Orkh", "Orya", "Osma", "Perm", "Phag", "Phnx", "Plrd", "Qaaa", "Qabx", "Roro", "Runr",
  "Sara", "Shaw", "Sinh", "Sylo", "Syrc", "Syre", "Syrj", "Syrn", "Tagb", "Tale", "Talu",
  "Taml", "Telu", "Teng", "Tfng", "Tglg", "Thaa", "Thai", "Tibt", "Ugar", "Vaii", "Visp",
  "Xpeo", "Xsux", "Yiii", "Zxxx", "Zyyy", "Zzzz",
};

static int
compare_code (const void *key,
              const void *item)
{
  return strcmp (key, *(const char * const *) item);
}

static gboolean
in_codes (const char * const *codes,
          gsize               n_codes,
          const char         *code)
{
  if (code == NULL)
    return FALSE;
  return bsearch (code, codes, n_codes, sizeof codes[0], compare_code) != NULL;
}

gboolean
_docket_ead_is_language_code (const char *code)
{
  return in_codes (language_codes, G_N_ELEMENTS (language_codes), code);
}

gboolean
_docket_ead_is_country_code (const char *code)
{
  return in_codes (country_codes, G_N_ELEMENTS (country_codes), code);
}

gboolean
_docket_ead_is_script_code (const char *code)
{
  return in_codes (script_codes, G_N_ELEMENTS (script_codes), code);
}

/* English names of the languages FRUS documents are written in, for the
 * text of `language`; other codes are written with the code as text. */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "ara", "Arabic" }, { "chi", "Chinese" }, { "cze", "Czech" },
  { "dut", "Dutch" }, { "eng", "English" }, { "fre", "French" },
  { "ger", "German" }, { "gre", "Greek, Modern (1453-)" }, { "heb", "Hebrew" },
  { "hin", "Hindi" }, { "ita", "Italian" }, { "jpn", "Japanese" },
  { "kor", "Korean" }, { "lao", "Lao" }, { "khm", "Khmer" },
  { "per", "Persian" }, { "pol", "Polish" }, { "por", "Portuguese" },
  { "rus", "Russian" }, { "spa", "Spanish" }, { "tha", "Thai" },
  { "tur", "Turkish" }, { "ukr", "Ukrainian" }, { "urd", "Urdu" },
  { "vie", "Vietnamese" }, { "und", "Undetermined" }, { "mul", "Multiple languages" },
};

const char *
_docket_ead_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_strcmp0 (language_names[i].code, code) == 0)
      return language_names[i].name;
  return NULL;
}

const char *
_docket_ead_language_code_for (const char *text)
{
  g_autofree char *lower = NULL;
  const char * const *code;

  if (text == NULL)
    return NULL;
  lower = g_ascii_strdown (text, -1);
  g_strstrip (lower);
  code = bsearch (lower, language_codes, G_N_ELEMENTS (language_codes), sizeof language_codes[0],
                  compare_code);
  if (code != NULL)
    return *code;
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_ascii_strcasecmp (language_names[i].name, lower) == 0)
      return language_names[i].code;
  return NULL;
}
