/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include <string.h>

#include "docket-text-import-private.h"

/* What a text block is, from its text alone: salutation, closing, section
 * heading or a line of a signature. */

gboolean
_docket_text_is_salutation (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 60 || (text[len - 1] != ':' && text[len - 1] != ','))
    return FALSE;
  return g_str_has_prefix (text, "Dear ") || g_str_has_prefix (text, "My dear ") ||
         g_str_has_prefix (text, "Mr. ") || g_str_has_prefix (text, "Madam") ||
         g_str_has_prefix (text, "Sir") || g_str_has_prefix (text, "Esteemed ") ||
         g_str_has_prefix (text, "Excellency") || g_str_has_prefix (text, "Your Excellency");
}

gboolean
_docket_text_is_closing (const char *text)
{
  static const char *closings[] = {
    "Sincerely", "Respectfully", "Faithfully", "Cordially", "Yours",
    "Very truly", "Very sincerely", "Very respectfully", "With best",
    "With warm", "With kind", "With all good", "With respect", "With regards",
    "Best regards", "Best wishes", "Warm regards", "Warmest regards",
    "Kind regards", "Regards", "Faithfully yours", "Ever yours",
  };
  gsize len = strlen (text);

  if (len == 0 || len > 48 || text[len - 1] != ',')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (closings); i++)
    if (g_str_has_prefix (text, closings[i]))
      return TRUE;
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *text != '\0'; text++)
    {
      if (*text == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

gboolean
_docket_text_is_section (const char *text)
{
  gsize len = strlen (text);
  gboolean has_letter = FALSE;

  if (len == 0 || len > 80)
    return FALSE;
  if (text[len - 1] == ':' && count_words (text) <= 8 && g_ascii_isupper (text[0]))
    return TRUE;
  /* "THE PROBLEM", "MAIN TRENDS IN JAPAN'S EXTERNAL RELATIONS" */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p))
        return FALSE;
      if (g_ascii_isupper (*p))
        has_letter = TRUE;
    }
  return has_letter && count_words (text) >= 2 && text[len - 1] != '.';
}

gboolean
_docket_text_looks_like_signature (const char *text)
{
  gsize len = strlen (text);
  char last;

  if (len == 0 || len > 64 || !g_ascii_isupper (text[0]))
    return FALSE;
  if (count_words (text) > 8)
    return FALSE;
  last = text[len - 1];
  if (last == ':' || last == ';' || last == ',' || last == ']' || last == '?' || last == '!')
    return FALSE;
  if (last == '.')
    {
      /* Initials ("L.B.J.") sign; a sentence does not. */
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_islower (*p))
          return FALSE;
    }
  return TRUE;
}
