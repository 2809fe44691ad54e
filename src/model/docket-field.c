/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-field"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-field.h"

typedef struct
{
  const char       *key;
  const char       *label;
  DocketFieldGroup  group;
  DocketFieldFlags  flags;
} FieldInfo;

/* The order follows DocketField. Keys are the JSON keys of `show --json`,
 * with a dot for nested objects (date.from is {"date": {"from": …}}). */
static const FieldInfo fields[DOCKET_N_FIELDS] = {
  [DOCKET_FIELD_ID]                = { "id", N_("Identifier"), DOCKET_FIELD_GROUP_IDENTIFICATION, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_NUMBER]            = { "number", N_("Document number"), DOCKET_FIELD_GROUP_IDENTIFICATION, 0 },
  [DOCKET_FIELD_COLLECTION]        = { "collection", N_("Collection"), DOCKET_FIELD_GROUP_IDENTIFICATION, DOCKET_FIELD_FLAG_READ_ONLY },
  [DOCKET_FIELD_HEADING]           = { "heading", N_("Heading"), DOCKET_FIELD_GROUP_TITLES, 0 },
  [DOCKET_FIELD_SUBJECT]           = { "subject", N_("Subject line"), DOCKET_FIELD_GROUP_TITLES, 0 },
  [DOCKET_FIELD_TITLE]             = { "title", N_("Devised title"), DOCKET_FIELD_GROUP_TITLES, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_TYPE]              = { "type", N_("Document type"), DOCKET_FIELD_GROUP_TITLES, 0 },
  [DOCKET_FIELD_DATE_TEXT]         = { "date.text", N_("Date as written"), DOCKET_FIELD_GROUP_DATE_PLACE, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_DATE_FROM]         = { "date.from", N_("Date (ISO 8601) from"), DOCKET_FIELD_GROUP_DATE_PLACE, 0 },
  [DOCKET_FIELD_DATE_TO]           = { "date.to", N_("Date (ISO 8601) to"), DOCKET_FIELD_GROUP_DATE_PLACE, 0 },
  [DOCKET_FIELD_DATE_CERTAINTY]    = { "date.certainty", N_("Date certainty"), DOCKET_FIELD_GROUP_DATE_PLACE, 0 },
  [DOCKET_FIELD_PLACE]             = { "place", N_("Place of writing"), DOCKET_FIELD_GROUP_DATE_PLACE, 0 },
  [DOCKET_FIELD_CLASSIFICATION]    = { "classification", N_("Classification"), DOCKET_FIELD_GROUP_CLASSIFICATION, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_CAVEATS]           = { "caveats", N_("Caveats"), DOCKET_FIELD_GROUP_CLASSIFICATION, 0 },
  [DOCKET_FIELD_DECLASSIFICATION]  = { "declassification", N_("Declassification status"), DOCKET_FIELD_GROUP_CLASSIFICATION, 0 },
  [DOCKET_FIELD_SOURCE_TEXT]       = { "source.text", N_("Source note"), DOCKET_FIELD_GROUP_PROVENANCE, DOCKET_FIELD_FLAG_MULTILINE },
  [DOCKET_FIELD_SOURCE_REPOSITORY] = { "source.repository", N_("Repository"), DOCKET_FIELD_GROUP_PROVENANCE, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_SOURCE_COLLECTION] = { "source.collection", N_("Collection or record group"), DOCKET_FIELD_GROUP_PROVENANCE, 0 },
  [DOCKET_FIELD_SOURCE_FILE]       = { "source.file", N_("Series or file"), DOCKET_FIELD_GROUP_PROVENANCE, 0 },
  [DOCKET_FIELD_PRINTING_NOTE]     = { "printing_note", N_("Printing note"), DOCKET_FIELD_GROUP_PHYSICAL, 0 },
  [DOCKET_FIELD_PUBLICATION]       = { "publication", N_("Publication"), DOCKET_FIELD_GROUP_PHYSICAL, 0 },
  [DOCKET_FIELD_PAGES]             = { "pages", N_("Pages"), DOCKET_FIELD_GROUP_PHYSICAL, 0 },
  [DOCKET_FIELD_URL]               = { "url", N_("Web address"), DOCKET_FIELD_GROUP_PHYSICAL, 0 },
  [DOCKET_FIELD_LANGUAGE]          = { "language", N_("Language (ISO 639-2)"), DOCKET_FIELD_GROUP_PHYSICAL, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_EXTENT]            = { "extent", N_("Extent"), DOCKET_FIELD_GROUP_PHYSICAL, DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_SCOPE]             = { "scope", N_("Scope and content"), DOCKET_FIELD_GROUP_SCOPE, DOCKET_FIELD_FLAG_MULTILINE | DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_ACCESS_CONDITIONS] = { "access", N_("Conditions governing access"), DOCKET_FIELD_GROUP_CLASSIFICATION, DOCKET_FIELD_FLAG_MULTILINE | DOCKET_FIELD_FLAG_DACS_REQ },
  [DOCKET_FIELD_USE_CONDITIONS]    = { "use", N_("Conditions governing use"), DOCKET_FIELD_GROUP_CLASSIFICATION, DOCKET_FIELD_FLAG_MULTILINE },
  [DOCKET_FIELD_REVIEW_STATUS]     = { "review.status", N_("Review status"), DOCKET_FIELD_GROUP_REVIEW, 0 },
  [DOCKET_FIELD_REVIEWER]          = { "review.reviewer", N_("Reviewer"), DOCKET_FIELD_GROUP_REVIEW, 0 },
  [DOCKET_FIELD_REVIEW_DATE]       = { "review.date", N_("Review date"), DOCKET_FIELD_GROUP_REVIEW, 0 },
  [DOCKET_FIELD_REVIEW_COMMENT]    = { "review.comment", N_("Review comment"), DOCKET_FIELD_GROUP_REVIEW, DOCKET_FIELD_FLAG_MULTILINE },
  [DOCKET_FIELD_LEVEL]             = { "level", N_("Level of description"), DOCKET_FIELD_GROUP_IDENTIFICATION, 0 },
  [DOCKET_FIELD_PARENT_PATH]       = { "parent_path", N_("Place in the finding aid"), DOCKET_FIELD_GROUP_IDENTIFICATION, DOCKET_FIELD_FLAG_READ_ONLY },
  [DOCKET_FIELD_CHAPTER]           = { "chapter", N_("Chapter"), DOCKET_FIELD_GROUP_IDENTIFICATION, 0 },
};

static const char *group_labels[DOCKET_N_FIELD_GROUPS] = {
  [DOCKET_FIELD_GROUP_IDENTIFICATION] = N_("Identification"),
  [DOCKET_FIELD_GROUP_TITLES]         = N_("Titles"),
  [DOCKET_FIELD_GROUP_AGENTS]         = N_("Agents"),
  [DOCKET_FIELD_GROUP_DATE_PLACE]     = N_("Date and place"),
  [DOCKET_FIELD_GROUP_CLASSIFICATION] = N_("Classification and access"),
  [DOCKET_FIELD_GROUP_PROVENANCE]     = N_("Provenance"),
  [DOCKET_FIELD_GROUP_PHYSICAL]       = N_("Physical and publication"),
  [DOCKET_FIELD_GROUP_ACCESS_POINTS]  = N_("Access points"),
  [DOCKET_FIELD_GROUP_SCOPE]          = N_("Scope and content"),
  [DOCKET_FIELD_GROUP_REVIEW]         = N_("Review"),
};

const char *
docket_field_get_key (DocketField field)
{
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return fields[field].key;
}

const char *
docket_field_get_label (DocketField field)
{
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, fields[field].label);
}

DocketFieldGroup
docket_field_get_group (DocketField field)
{
  g_return_val_if_fail (field < DOCKET_N_FIELDS, 0);
  return fields[field].group;
}

DocketFieldFlags
docket_field_get_flags (DocketField field)
{
  g_return_val_if_fail (field < DOCKET_N_FIELDS, 0);
  return fields[field].flags;
}

gboolean
docket_field_from_key (const char  *key,
                       DocketField *out_field)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      if (g_strcmp0 (fields[i].key, key) == 0)
        {
          if (out_field != NULL)
            *out_field = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
docket_field_group_get_label (DocketFieldGroup group)
{
  g_return_val_if_fail (group < DOCKET_N_FIELD_GROUPS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, group_labels[group]);
}

GStrv
docket_field_split_list (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (value, ";,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}
