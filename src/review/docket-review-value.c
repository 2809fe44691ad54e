/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-review-value.h"
#include "docket-source-note.h"
#include "docket-review-error.h"
#include "docket-review-status.h"

static const char * const certainties[] = {
  "exact", "approximate", "inferred", "questionable", "undated", NULL,
};

const char * const *
docket_review_value_get_certainties (void)
{
  return certainties;
}

static gboolean
read_digits (const char **p,
             guint        n,
             guint       *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* "Z", "+02:00" or "+0200" at @p, to the end of the text. */
static gboolean
is_zone (const char *p)
{
  guint hours;
  guint minutes;

  if (g_str_equal (p, "Z"))
    return TRUE;
  if (*p != '+' && *p != '-')
    return FALSE;
  p++;
  if (!read_digits (&p, 2, &hours) || hours > 14)
    return FALSE;
  if (*p == ':')
    p++;
  if (!read_digits (&p, 2, &minutes) || minutes > 59)
    return FALSE;
  return *p == '\0';
}

static gboolean
is_time (const char *p)
{
  guint hour;
  guint minute;
  guint second = 0;

  if (!read_digits (&p, 2, &hour) || *p != ':')
    return FALSE;
  p++;
  if (!read_digits (&p, 2, &minute) || minute > 59)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &second) || second > 60)
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }
  if (hour > 24 || (hour == 24 && (minute != 0 || second != 0)))
    return FALSE;
  return *p == '\0' || is_zone (p);
}

gboolean
docket_review_value_is_iso8601 (const char *text)
{
  const char *p = text;
  guint year;
  guint month;
  guint day;

  if (text == NULL)
    return FALSE;
  if (!read_digits (&p, 4, &year) || year == 0)
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p != '-')
    return FALSE;
  p++;
  if (!read_digits (&p, 2, &month) || month < 1 || month > 12)
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p != '-')
    return FALSE;
  p++;
  if (!read_digits (&p, 2, &day) || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p != 'T')
    return FALSE;
  return is_time (p + 1);
}

/* The date and time without a zone: zones are compared as written, since a
 * range's two ends are normally written in the same zone. */
static gsize
length_without_zone (const char *text)
{
  const char *t = strchr (text, 'T');
  gsize len = strlen (text);

  if (t == NULL)
    return len;
  for (const char *p = t + 1; *p != '\0'; p++)
    if (*p == 'Z' || *p == '+' || *p == '-')
      return p - text;
  return len;
}

gboolean
docket_review_value_range_is_reversed (const char *from,
                                       const char *to)
{
  gsize n;

  if (!docket_review_value_is_iso8601 (from) || !docket_review_value_is_iso8601 (to))
    return FALSE;
  /* Fixed-width fields compare as strings; at a common precision the end
   * must not sort before the start. */
  n = MIN (length_without_zone (from), length_without_zone (to));
  return strncmp (to, from, n) < 0;
}

const char *
docket_review_value_match_classification (const char *text)
{
  return docket_source_note_match_level (text);
}

gboolean
docket_review_value_is_recognized_caveat (const char *caveat)
{
  return docket_source_note_is_caveat (caveat);
}

static gboolean
is_language_code (const char *code)
{
  return strlen (code) == 3 && g_ascii_islower (code[0]) &&
         g_ascii_islower (code[1]) && g_ascii_islower (code[2]);
}

static gboolean
invalid (GError    **error,
         DocketField field,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         DocketField field,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the first %s is a field key ("date.from"), the second says
   * what the field takes. */
  g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_VALUE,
               _("Bad value for %s: %s"), docket_field_get_key (field), reason);
  return FALSE;
}

static gboolean
is_one_line (const char *value,
             gboolean    multiline)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (multiline && (*p == '\n' || *p == '\t'))
        continue;
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return FALSE;
    }
  return TRUE;
}

gboolean
docket_review_value_validate (DocketField   field,
                              const char   *value,
                              GError      **error)
{
  gboolean multiline;

  g_return_val_if_fail (field < DOCKET_N_FIELDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL || value[0] == '\0')
    return TRUE;

  multiline = (docket_field_get_flags (field) & DOCKET_FIELD_FLAG_MULTILINE) != 0;
  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, field, _("the text is not UTF-8"));
  if (!is_one_line (value, multiline))
    return invalid (error, field, multiline ? _("control characters are not allowed")
                                            : _("the field takes one line of text"));

  switch (field)
    {
    case DOCKET_FIELD_DATE_FROM:
    case DOCKET_FIELD_DATE_TO:
    case DOCKET_FIELD_REVIEW_DATE:
      if (!docket_review_value_is_iso8601 (value))
        return invalid (error, field,
                        _("“%s” is not an ISO 8601 date; write YYYY, YYYY-MM or YYYY-MM-DD, "
                          "optionally with a time (1967-06-21T19:00)"), value);
      break;

    case DOCKET_FIELD_DATE_CERTAINTY:
      if (!g_strv_contains (certainties, value))
        return invalid (error, field,
                        _("“%s” is not a certainty; use exact, approximate, inferred, "
                          "questionable or undated"), value);
      break;

    case DOCKET_FIELD_CLASSIFICATION:
      if (docket_review_value_match_classification (value) == NULL)
        return invalid (error, field,
                        _("“%s” is not a classification; use Top Secret, Secret, Confidential, "
                          "Limited Official Use, Official Use Only, Restricted or Unclassified (caveats go in caveats)"), value);
      break;

    case DOCKET_FIELD_CAVEATS:
      {
        g_auto(GStrv) parts = docket_field_split_list (value);

        for (guint i = 0; parts[i] != NULL; i++)
          if (!docket_review_value_is_recognized_caveat (parts[i]))
            return invalid (error, field,
                            _("“%s” is not a recognized caveat (such as Nodis, Exdis, Limdis, "
                              "Eyes Only, Noforn); separate caveats with “;”"), parts[i]);
      }
      break;

    case DOCKET_FIELD_REVIEW_STATUS:
      {
        DocketReviewStatus status;

        if (!docket_review_status_from_string (value, &status))
          return invalid (error, field,
                          _("“%s” is not a review status; use draft, in-review, approved "
                            "or changes-requested"), value);
      }
      break;

    case DOCKET_FIELD_LANGUAGE:
      {
        g_auto(GStrv) codes = docket_field_split_list (value);

        for (guint i = 0; codes[i] != NULL; i++)
          if (!is_language_code (codes[i]))
            return invalid (error, field,
                            _("“%s” is not an ISO 639-2 language code (three lower-case "
                              "letters, such as eng; separate several with “;”)"), codes[i]);
      }
      break;

    case DOCKET_FIELD_URL:
      if (!g_uri_is_valid (value, G_URI_FLAGS_NONE, NULL))
        return invalid (error, field, _("“%s” is not a web address"), value);
      break;

    default:
      break;
    }
  return TRUE;
}
