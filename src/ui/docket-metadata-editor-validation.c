/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-metadata-editor-validation"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-metadata-editor-private.h"

#include "docket-review-value.h"

/* The problems shown under a field as it is typed (an ISO 8601 date that
 * is not one, a range that ends before it starts, a field DACS requires
 * left empty), and the normalized date shown beside the date as written. */

static gboolean
parse_iso_date (const char *text,
                char       *out,
                gsize       out_size)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int year, month = 1, day = 1;
  g_autofree char *m = NULL;
  g_autofree char *d = NULL;
  g_autofree char *y = NULL;

  regex = g_regex_new ("^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$", 0, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  y = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  d = g_match_info_fetch (match, 3);
  year = atoi (y);
  if (m != NULL && m[0] != '\0')
    month = atoi (m);
  if (d != NULL && d[0] != '\0')
    day = atoi (d);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (out != NULL)
    g_strlcpy (out, text, out_size);
  return TRUE;
}

static char *
check_field (DocketMetadataEditor *self,
             DocketField           field,
             Severity             *severity)
{
  const char *value = docket_record_get (self->record, field);
  DocketFieldFlags flags = docket_field_get_flags (field);
  gboolean empty = value == NULL || value[0] == '\0';

  *severity = SEVERITY_NONE;

  if (empty)
    {
      if ((flags & DOCKET_FIELD_FLAG_DACS_REQ) != 0 && (flags & DOCKET_FIELD_FLAG_READ_ONLY) == 0)
        {
          *severity = SEVERITY_WARNING;
          return g_strdup (_("Required by DACS: a single-level description needs this element"));
        }
      return NULL;
    }

  switch (field)
    {
    case DOCKET_FIELD_DATE_FROM:
    case DOCKET_FIELD_DATE_TO:
      if (!parse_iso_date (value, NULL, 0))
        {
          *severity = SEVERITY_ERROR;
          return g_strdup (_("Not an ISO 8601 date: write YYYY, YYYY-MM or YYYY-MM-DD, such as 1967-06-21"));
        }
      if (field == DOCKET_FIELD_DATE_TO)
        {
          const char *from = docket_record_get (self->record, DOCKET_FIELD_DATE_FROM);

          if (from != NULL && parse_iso_date (from, NULL, 0) && strcmp (value, from) < 0)
            {
              *severity = SEVERITY_ERROR;
              return g_strdup (_("The range ends before it starts"));
            }
        }
      return NULL;

    case DOCKET_FIELD_LANGUAGE:
      {
        g_auto(GStrv) codes = g_strsplit_set (value, " ,;", -1);

        for (guint i = 0; codes[i] != NULL; i++)
          if (codes[i][0] != '\0' &&
              !g_regex_match_simple ("^[a-z]{3}$", codes[i], 0, 0))
            {
              *severity = SEVERITY_WARNING;
              return g_strdup (_("Use three-letter ISO 639-2 codes, such as eng"));
            }
        return NULL;
      }

    case DOCKET_FIELD_DATE_CERTAINTY:
      if (!g_strv_contains (docket_review_value_get_certainties (), value))
        {
          *severity = SEVERITY_ERROR;
          return g_strdup (_("Not a certainty the catalog accepts: choose one from the list"));
        }
      return NULL;

    case DOCKET_FIELD_URL:
      if (!g_str_has_prefix (value, "https://") && !g_str_has_prefix (value, "http://"))
        {
          *severity = SEVERITY_WARNING;
          return g_strdup (_("Not a web address: it should start with https://"));
        }
      return NULL;

    default:
      return NULL;
    }
}

void
_docket_metadata_editor_validate_field (DocketMetadataEditor *self,
                                        DocketField           field)
{
  FieldWidgets *w = &self->fields[field];
  g_autofree char *message = NULL;
  Severity severity = SEVERITY_NONE;

  if (w->input == NULL)
    return;

  if (self->record != NULL)
    message = check_field (self, field, &severity);

  gtk_label_set_label (w->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (w->message), message != NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (w->message), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (w->message), "error");
  gtk_widget_remove_css_class (w->input, "warning");
  gtk_widget_remove_css_class (w->input, "error");
  if (severity != SEVERITY_NONE)
    {
      const char *css = severity == SEVERITY_ERROR ? "error" : "warning";

      gtk_widget_add_css_class (GTK_WIDGET (w->message), css);
      gtk_widget_add_css_class (w->input, css);
    }
  w->severity = severity;

  gtk_accessible_update_state (GTK_ACCESSIBLE (w->input),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               severity == SEVERITY_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (w->input),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (w->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
_docket_metadata_editor_update_normalized_date (DocketMetadataEditor *self)
{
  const char *written = NULL;
  const char *from = NULL;
  const char *to = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (self->record != NULL)
    {
      written = docket_record_get (self->record, DOCKET_FIELD_DATE_TEXT);
      from = docket_record_get (self->record, DOCKET_FIELD_DATE_FROM);
      to = docket_record_get (self->record, DOCKET_FIELD_DATE_TO);
    }

  /* No date written, nothing to normalize: the message under the field
   * says what is missing. */
  gtk_widget_set_visible (GTK_WIDGET (self->normalized_label), written != NULL && written[0] != '\0');
  if (written == NULL || written[0] == '\0')
    {
      gtk_label_set_label (self->normalized_label, "");
      return;
    }

  ok = from != NULL && parse_iso_date (from, NULL, 0) &&
       (to == NULL || parse_iso_date (to, NULL, 0));

  if (!ok)
    text = g_strdup (_("not normalized"));
  else if (to != NULL && g_strcmp0 (from, to) != 0)
    /* Translators: a date range, from – to */
    text = g_strdup_printf (_("%s – %s"), from, to);
  else
    text = g_strdup (from);

  gtk_label_set_label (self->normalized_label, text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->normalized_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->normalized_label), "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->normalized_label),
                               ok ? _("The date as normalized (ISO 8601)")
                                  : _("Fill in the ISO 8601 date below"));
}
