/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DocketField:
 *
 * The scalar (text) fields of a record. Each has a stable key, the JSON key
 * used by `docket-cli show --json` and `docket-cli set`, a translatable
 * label, and the group the metadata editor shows it in.
 *
 * Lists (agents, access points, body, footnotes) are not fields; they have
 * their own accessors on #DocketRecord.
 */
typedef enum
{
  DOCKET_FIELD_ID,
  DOCKET_FIELD_NUMBER,
  DOCKET_FIELD_COLLECTION,
  DOCKET_FIELD_HEADING,
  DOCKET_FIELD_SUBJECT,
  DOCKET_FIELD_TITLE,
  DOCKET_FIELD_TYPE,
  DOCKET_FIELD_DATE_TEXT,
  DOCKET_FIELD_DATE_FROM,
  DOCKET_FIELD_DATE_TO,
  DOCKET_FIELD_DATE_CERTAINTY,
  DOCKET_FIELD_PLACE,
  DOCKET_FIELD_CLASSIFICATION,
  DOCKET_FIELD_CAVEATS,
  DOCKET_FIELD_DECLASSIFICATION,
  DOCKET_FIELD_SOURCE_TEXT,
  DOCKET_FIELD_SOURCE_REPOSITORY,
  DOCKET_FIELD_SOURCE_COLLECTION,
  DOCKET_FIELD_SOURCE_FILE,
  DOCKET_FIELD_PRINTING_NOTE,
  DOCKET_FIELD_PUBLICATION,
  DOCKET_FIELD_PAGES,
  DOCKET_FIELD_URL,
  DOCKET_FIELD_LANGUAGE,
  DOCKET_FIELD_EXTENT,
  DOCKET_FIELD_SCOPE,
  DOCKET_FIELD_ACCESS_CONDITIONS,
  DOCKET_FIELD_USE_CONDITIONS,
  DOCKET_FIELD_REVIEW_STATUS,
  DOCKET_FIELD_REVIEWER,
  DOCKET_FIELD_REVIEW_DATE,
  DOCKET_FIELD_REVIEW_COMMENT,
  DOCKET_FIELD_LEVEL,        /* EAD level: "item", "file", "series", or an otherlevel name */
  DOCKET_FIELD_PARENT_PATH,  /* ids of the enclosing series/files, outermost first, '/'-separated */
  DOCKET_FIELD_CHAPTER,      /* the head of the chapter a FRUS document belongs to */
  DOCKET_N_FIELDS
} DocketField;

typedef enum
{
  DOCKET_FIELD_GROUP_IDENTIFICATION,
  DOCKET_FIELD_GROUP_TITLES,
  DOCKET_FIELD_GROUP_AGENTS,
  DOCKET_FIELD_GROUP_DATE_PLACE,
  DOCKET_FIELD_GROUP_CLASSIFICATION,
  DOCKET_FIELD_GROUP_PROVENANCE,
  DOCKET_FIELD_GROUP_PHYSICAL,
  DOCKET_FIELD_GROUP_ACCESS_POINTS,
  DOCKET_FIELD_GROUP_SCOPE,
  DOCKET_FIELD_GROUP_REVIEW,
  DOCKET_N_FIELD_GROUPS
} DocketFieldGroup;

typedef enum
{
  DOCKET_FIELD_FLAG_NONE       = 0,
  DOCKET_FIELD_FLAG_READ_ONLY  = 1 << 0, /* set by the catalog, not typed */
  DOCKET_FIELD_FLAG_MULTILINE  = 1 << 1,
  DOCKET_FIELD_FLAG_DACS_REQ   = 1 << 2, /* DACS single-level minimum */
} DocketFieldFlags;

const char       *docket_field_get_key         (DocketField field);
const char       *docket_field_get_label       (DocketField field);
DocketFieldGroup  docket_field_get_group       (DocketField field);
DocketFieldFlags  docket_field_get_flags       (DocketField field);
gboolean          docket_field_from_key        (const char  *key,
                                                DocketField *out_field);
const char       *docket_field_group_get_label (DocketFieldGroup group);
/* The items of a list held in one text field ("Nodis; Eyes Only" →
 * "Nodis", "Eyes Only"): split at ';' and ',', trimmed, empties dropped. */
GStrv             docket_field_split_list      (const char      *value);

G_END_DECLS
