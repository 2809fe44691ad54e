/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * DocketDateParse:
 * @text: the date expression as written ("May 3, 1964, 7 p.m.")
 * @from: the normalized start, ISO 8601 ("1964-05-03T19:00"), or %NULL
 *   when the document is undated
 * @to: the normalized end; equal to @from for a single date
 * @certainty: "exact", "approximate", "inferred" or "undated"
 *
 * A date expression of a FRUS document, normalized. Shared by the plain-text
 * and TEI readers. Times are kept when the expression gives one: local times
 * ("7 p.m.") as "T19:00", Zulu times ("1330Z") as "T13:30Z".
 */
typedef struct
{
  char       *text;
  char       *from;
  char       *to;
  const char *certainty;
} DocketDateParse;

/* Parses a whole date expression: "January 22, 1964", "June 1967", "1967",
 * "6 December 1962", "June 16–23, 1967", "undated", "[June 1967]" (inferred),
 * "circa June 1967" (approximate), each optionally followed by a time.
 * A trailing period is ignored. Returns %NULL when @text is not a date. */
DocketDateParse *docket_date_parse          (const char            *text);

/* Parses a dateline ("Tokyo, May 3, 1964, 7 p.m.", "Moscow, undated.",
 * "November 10, 1960."). Returns %NULL when @line is not a dateline; else
 * the date, and the place (or %NULL) in @out_place. */
DocketDateParse *docket_date_parse_dateline (const char            *line,
                                             char                 **out_place);

/* Parses a time of day: "7 p.m.", "3:05 p.m.", "noon", "midnight", "1330Z".
 * Returns %FALSE when @text is not a time. */
gboolean         docket_date_parse_time     (const char            *text,
                                             int                   *out_hour,
                                             int                   *out_minute,
                                             gboolean              *out_utc);

/* The month (1–12) for an English month name or abbreviation ("Sept."), or 0. */
int              docket_date_parse_month    (const char            *name);

/* Copies the date into the record's date text, from, to and certainty. */
void             docket_date_parse_apply    (const DocketDateParse *date,
                                             DocketRecord          *record);

void             docket_date_parse_free     (DocketDateParse       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketDateParse, docket_date_parse_free)

G_END_DECLS
