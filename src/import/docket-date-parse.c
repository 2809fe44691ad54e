/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-date-parse"

#include "config.h"

#include "docket-date-parse.h"

#include <string.h>

typedef struct
{
  int      year;    /* 0 when absent */
  int      month;   /* 0 when absent */
  int      day;     /* 0 when absent */
  gboolean has_time;
  int      hour;
  int      minute;
  gboolean utc;
} DatePoint;

static const struct
{
  const char *name;
  int         month;
} month_names[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
  { "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
  { "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
  { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 },
  { "nov", 11 }, { "dec", 12 },
};

int
docket_date_parse_month (const char *name)
{
  g_autofree char *lower = NULL;
  gsize len;

  g_return_val_if_fail (name != NULL, 0);

  len = strlen (name);
  if (len > 0 && name[len - 1] == '.')
    len--;
  if (len < 3 || len > 9)
    return 0;
  lower = g_ascii_strdown (name, len);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (lower, month_names[i].name) == 0)
      return month_names[i].month;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Reads up to @max_digits digits; returns the count read (0 if none). */
static int
read_number (const char **pp,
             int          max_digits,
             int         *out_value)
{
  const char *p = *pp;
  int value = 0;
  int n = 0;

  while (g_ascii_isdigit (*p) && n <= max_digits)
    {
      value = value * 10 + (*p - '0');
      p++;
      n++;
    }
  if (n == 0 || n > max_digits)
    return 0;
  *out_value = value;
  *pp = p;
  return n;
}

static gboolean
has_prefix_ci (const char *p,
               const char *prefix)
{
  return g_ascii_strncasecmp (p, prefix, strlen (prefix)) == 0;
}

gboolean
docket_date_parse_time (const char *text,
                        int        *out_hour,
                        int        *out_minute,
                        gboolean   *out_utc)
{
  const char *p;
  int hour = 0;
  int minute = 0;
  gboolean utc = FALSE;
  int digits;

  g_return_val_if_fail (text != NULL, FALSE);

  p = skip_spaces (text);
  if (has_prefix_ci (p, "noon"))
    {
      hour = 12;
      p += 4;
    }
  else if (has_prefix_ci (p, "midnight"))
    {
      hour = 0;
      p += 8;
    }
  else
    {
      digits = read_number (&p, 4, &hour);
      if (digits == 0)
        return FALSE;
      if (digits == 4 || digits == 3)
        {
          /* Military and Zulu times: "1330Z", "0731Z", "1400 hours". */
          minute = hour % 100;
          hour = hour / 100;
          if (*p == 'Z' || *p == 'z')
            {
              utc = TRUE;
              p++;
            }
          else
            {
              p = skip_spaces (p);
              if (!has_prefix_ci (p, "hours"))
                return FALSE;
              p += 5;
            }
        }
      else
        {
          if (*p == ':' || *p == '.')
            {
              p++;
              if (read_number (&p, 2, &minute) != 2)
                return FALSE;
            }
          p = skip_spaces (p);
          if (has_prefix_ci (p, "p.m") || has_prefix_ci (p, "pm"))
            {
              if (hour < 12)
                hour += 12;
            }
          else if (has_prefix_ci (p, "a.m") || has_prefix_ci (p, "am"))
            {
              if (hour == 12)
                hour = 0;
            }
          else if (*p == 'Z' || *p == 'z')
            utc = TRUE;
          else if (has_prefix_ci (p, "noon"))
            p += 0;
          else
            return FALSE;
          while (*p != '\0' && strchr ("aApPmM.Zz", *p) != NULL)
            p++;
          if (has_prefix_ci (p, "noon"))
            p += 4;
        }
    }

  p = skip_spaces (p);
  if (*p == '.')
    p = skip_spaces (p + 1);
  if (*p != '\0' || hour > 23 || minute > 59)
    return FALSE;

  if (out_hour != NULL)
    *out_hour = hour;
  if (out_minute != NULL)
    *out_minute = minute;
  if (out_utc != NULL)
    *out_utc = utc;
  return TRUE;
}

/* Reads a word of letters (with an abbreviation's period) at @pp. */
static gsize
word_length (const char *p)
{
  gsize n = 0;

  while (g_ascii_isalpha (p[n]))
    n++;
  if (n > 0 && p[n] == '.')
    n++;
  return n;
}

static gboolean
parse_month_word (const char **pp,
                  int         *out_month)
{
  gsize n = word_length (*pp);
  g_autofree char *word = NULL;
  int month;

  if (n == 0)
    return FALSE;
  word = g_strndup (*pp, n);
  month = docket_date_parse_month (word);
  if (month == 0)
    return FALSE;
  *out_month = month;
  *pp += n;
  return TRUE;
}

static void
skip_ordinal (const char **pp)
{
  if (has_prefix_ci (*pp, "st") || has_prefix_ci (*pp, "nd") ||
      has_prefix_ci (*pp, "rd") || has_prefix_ci (*pp, "th"))
    {
      if (!g_ascii_isalpha ((*pp)[2]))
        *pp += 2;
    }
  else if (has_prefix_ci (*pp, "d") && !g_ascii_isalpha ((*pp)[1]))
    *pp += 1; /* "2d", "3d", as the period's style had it */
}

/* One date: "May 3, 1964", "May 3", "6 December 1962", "June 1967",
 * "1967", or a bare day ("23", the end of "June 16–23, 1967"). */
static gboolean
parse_point (const char **pp,
             DatePoint   *pt,
             gboolean     allow_bare_day)
{
  const char *p = skip_spaces (*pp);
  const char *save;
  int value;
  int digits;

  memset (pt, 0, sizeof *pt);

  if (g_ascii_isdigit (*p))
    {
      digits = read_number (&p, 4, &value);
      if (digits == 4)
        {
          pt->year = value;
          *pp = p;
          return TRUE;
        }
      if (digits == 0 || digits > 2)
        return FALSE;
      skip_ordinal (&p);
      save = p;
      p = skip_spaces (p);
      if (!parse_month_word (&p, &pt->month))
        {
          if (!allow_bare_day)
            return FALSE;
          /* The end of "June 16–23, 1967": a day, then the year. */
          p = save;
        }
      pt->day = value;
    }
  else if (!parse_month_word (&p, &pt->month))
    return FALSE;
  else
    {
      save = p;
      p = skip_spaces (p);
      if (g_ascii_isdigit (*p) && read_number (&p, 2, &value) > 0 &&
          !g_ascii_isdigit (*p) && *p != ':')
        {
          pt->day = value;
          skip_ordinal (&p);
        }
      else
        p = save;
    }

  /* An optional year after the day or month. */
  save = p;
  if (*p == ',')
    p++;
  p = skip_spaces (p);
  if (read_number (&p, 4, &value) == 4 && !g_ascii_isdigit (*p) &&
      !g_ascii_isalpha (*p) && *p != ':')
    pt->year = value;
  else
    p = save;

  *pp = p;
  return TRUE;
}

/* A separator between the two ends of a range, or NULL. */
static const char *
skip_range_separator (const char *p)
{
  p = skip_spaces (p);
  if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    return skip_spaces (p + 3);
  if (*p == '-')
    return skip_spaces (p + 1);
  if (g_str_has_prefix (p, "to "))
    return skip_spaces (p + 3);
  return NULL;
}

/* The time after a date: "7 p.m.", "0731Z", or a span of times
 * ("9:45–10:15 a.m.", the first taking the second's "a.m." if it has none).
 * A single time goes to @start, a span's end to @end. */
static gboolean
parse_time_tail (const char *p,
                 DatePoint  *start,
                 DatePoint  *end,
                 gboolean   *out_time_span)
{
  const char *dash;
  gsize dash_len = 0;

  *out_time_span = FALSE;
  p = skip_spaces (p);
  if (*p == ',')
    p++;
  p = skip_spaces (p);
  if (*p == '\0')
    return TRUE;

  dash = strstr (p, "–");
  if (dash != NULL)
    dash_len = strlen ("–");
  else if ((dash = strchr (p, '-')) != NULL)
    dash_len = 1;

  if (dash != NULL)
    {
      g_autofree char *first = g_strndup (p, dash - p);
      const char *second = dash + dash_len;
      const char *suffix;

      if (!docket_date_parse_time (second, &end->hour, &end->minute, &end->utc))
        return FALSE;
      if (!docket_date_parse_time (first, &start->hour, &start->minute, &start->utc))
        {
          g_autofree char *with_suffix = NULL;

          /* "9:45–10:15 a.m.": the first time borrows "a.m." */
          suffix = second;
          while (*suffix != '\0' && (g_ascii_isdigit (*suffix) || *suffix == ':' || *suffix == ' '))
            suffix++;
          with_suffix = g_strconcat (first, " ", suffix, NULL);
          if (!docket_date_parse_time (with_suffix, &start->hour, &start->minute, &start->utc))
            return FALSE;
        }
      start->has_time = TRUE;
      end->has_time = TRUE;
      *out_time_span = TRUE;
      return TRUE;
    }

  if (!docket_date_parse_time (p, &start->hour, &start->minute, &start->utc))
    return FALSE;
  start->has_time = TRUE;
  return TRUE;
}

static char *
format_point (const DatePoint *pt,
              gboolean         end)
{
  int month = pt->month;
  int day = pt->day;

  if (month == 0)
    {
      month = end ? 12 : 1;
      day = end ? 31 : 1;
    }
  else if (day == 0)
    day = end ? g_date_get_days_in_month (month, pt->year) : 1;

  if (pt->has_time)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d%s", pt->year, month, day,
                            pt->hour, pt->minute, pt->utc ? "Z" : "");
  return g_strdup_printf ("%04d-%02d-%02d", pt->year, month, day);
}

static gboolean
point_is_valid (const DatePoint *pt)
{
  if (pt->year < 1000 || pt->year > 2999)
    return FALSE;
  if (pt->month == 0)
    return pt->day == 0;
  if (pt->day == 0)
    return TRUE;
  return g_date_valid_dmy (pt->day, pt->month, pt->year);
}

static gboolean
parse_expression (const char  *text,
                  char       **out_from,
                  char       **out_to,
                  gboolean    *out_partial)
{
  const char *p = text;
  const char *after;
  DatePoint a, b;
  gboolean range = FALSE;
  gboolean time_span = FALSE;

  if (!parse_point (&p, &a, FALSE))
    return FALSE;

  after = skip_range_separator (p);
  if (after != NULL && parse_point (&after, &b, TRUE))
    {
      range = TRUE;
      p = after;
      /* The end inherits what it leaves out from the start and the start
       * its year from the end: "June 16–23, 1967", "June 16–July 2, 1967". */
      if (b.month == 0 && b.day != 0)
        b.month = a.month;
      if (b.year == 0)
        b.year = a.year;
      if (a.year == 0)
        a.year = b.year;
    }

  if (range)
    {
      DatePoint unused = { 0 };

      if (!parse_time_tail (p, &b, &unused, &time_span) || time_span)
        return FALSE;
    }
  else
    {
      DatePoint end_time = { 0 };

      if (!parse_time_tail (p, &a, &end_time, &time_span))
        return FALSE;
      b = a;
      if (time_span)
        {
          b.has_time = TRUE;
          b.hour = end_time.hour;
          b.minute = end_time.minute;
          b.utc = end_time.utc;
        }
    }
  if (!point_is_valid (&a) || !point_is_valid (&b))
    return FALSE;

  *out_from = format_point (&a, FALSE);
  *out_to = format_point (&b, TRUE);
  *out_partial = (a.day == 0 || b.day == 0);
  return TRUE;
}

DocketDateParse *
docket_date_parse (const char *text)
{
  g_autoptr(DocketDateParse) date = NULL;
  g_autofree char *work = NULL;
  char *inner;
  gsize len;
  gboolean inferred = FALSE;
  gboolean approximate = FALSE;
  gboolean partial = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  work = g_strstrip (g_strdup (text));
  len = strlen (work);
  /* A final period closes the dateline; "p.m." keeps its own. */
  if (len > 0 && work[len - 1] == '.' &&
      !(len >= 3 && (g_str_has_suffix (work, "a.m.") || g_str_has_suffix (work, "p.m."))))
    work[--len] = '\0';
  if (len == 0 || len > 200)
    return NULL;

  date = g_new0 (DocketDateParse, 1);
  date->text = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (date->text, ".") &&
      !g_str_has_suffix (date->text, "a.m.") && !g_str_has_suffix (date->text, "p.m."))
    date->text[strlen (date->text) - 1] = '\0';

  inner = work;
  if (g_ascii_strcasecmp (inner, "undated") == 0 ||
      g_ascii_strcasecmp (inner, "no date") == 0 ||
      g_ascii_strcasecmp (inner, "n.d") == 0)
    {
      date->certainty = "undated";
      return g_steal_pointer (&date);
    }

  if (inner[0] == '[' && inner[len - 1] == ']')
    {
      inner[len - 1] = '\0';
      inner++;
      inferred = TRUE;
    }
  if (has_prefix_ci (inner, "circa ") || has_prefix_ci (inner, "ca. ") ||
      has_prefix_ci (inner, "c. ") || has_prefix_ci (inner, "about "))
    {
      inner = strchr (inner, ' ') + 1;
      approximate = TRUE;
    }

  if (!parse_expression (inner, &date->from, &date->to, &partial))
    return NULL;

  if (inferred)
    date->certainty = "inferred";
  else if (approximate || partial)
    date->certainty = "approximate";
  else
    date->certainty = "exact";
  return g_steal_pointer (&date);
}

static gboolean
is_place_name (const char *start,
               gsize       len)
{
  guint words = 1;

  if (len == 0 || len > 48 || !g_ascii_isupper (start[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (start[i]) || start[i] == ':' || start[i] == ';')
        return FALSE;
      if (start[i] == ' ')
        words++;
    }
  return words <= 5;
}

DocketDateParse *
docket_date_parse_dateline (const char  *line,
                            char       **out_place)
{
  const char *comma;
  DocketDateParse *date;

  g_return_val_if_fail (line != NULL, NULL);

  if (out_place != NULL)
    *out_place = NULL;
  if (strlen (line) > 120)
    return NULL;

  /* "November 10, 1960." has no place. */
  date = docket_date_parse (line);
  if (date != NULL)
    return date;

  /* The place runs to a comma; try the first few so that
   * "Glassboro, New Jersey, June 23, 1967" works too. */
  comma = line;
  for (guint tries = 0; tries < 3; tries++)
    {
      comma = strchr (comma, ',');
      if (comma == NULL || !is_place_name (line, comma - line))
        return NULL;
      date = docket_date_parse (comma + 1);
      if (date != NULL)
        {
          if (out_place != NULL)
            *out_place = g_strndup (line, comma - line);
          return date;
        }
      comma++;
    }
  return NULL;
}

void
docket_date_parse_apply (const DocketDateParse *date,
                         DocketRecord          *record)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (DOCKET_IS_RECORD (record));

  docket_record_set (record, DOCKET_FIELD_DATE_TEXT, date->text);
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, date->from);
  docket_record_set (record, DOCKET_FIELD_DATE_TO, date->to);
  docket_record_set (record, DOCKET_FIELD_DATE_CERTAINTY, date->certainty);
}

void
docket_date_parse_free (DocketDateParse *date)
{
  if (date == NULL)
    return;
  g_free (date->text);
  g_free (date->from);
  g_free (date->to);
  g_free (date);
}
