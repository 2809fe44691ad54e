/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/* Whether @text is a normalized date as the catalog keeps it: ISO 8601
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD", the last optionally followed by a time
 * ("T19:00", "T13:30:05Z", "T09:00+02:00"). */
gboolean     docket_review_value_is_iso8601           (const char  *text);

/* Whether the range from @from to @to ends before it starts, comparing at
 * the precision both give ("1967" does not end before "1967-06-21").
 * %FALSE when either is not a normalized date. */
gboolean     docket_review_value_range_is_reversed    (const char  *from,
                                                       const char  *to);

/* The recognized marking ("Top Secret", "Secret", "Confidential", "Limited
 * Official Use", "Unclassified") that @text spells, in any case, or %NULL. */
const char  *docket_review_value_match_classification (const char  *text);

/* Whether @caveat opens with a recognized handling caveat or precedence
 * ("Nodis", "Exdis", "Eyes Only", "Noforn", "Priority", …). */
gboolean     docket_review_value_is_recognized_caveat (const char  *caveat);

/* The date certainties the catalog accepts ("exact", "approximate",
 * "inferred", "questionable", "undated"), most certain first. */
const char * const *docket_review_value_get_certainties (void);

/* Checks that @value may be stored in @field: UTF-8, one line unless the
 * field is multi-line, and the field's own form (ISO 8601 dates, a known
 * certainty, classification, caveat, review status or language code).
 * %NULL and "" (clearing the field) are always allowed. Does not look at
 * the read-only flag. */
gboolean     docket_review_value_validate             (DocketField  field,
                                                       const char  *value,
                                                       GError     **error);

G_END_DECLS
