/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-metadata-editor-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-metadata-editor-private.h"

#include "docket-review-value.h"

/* The input of each field, built from the field table: an entry, a text
 * view for long text or a drop-down of known values, with its label and
 * the line for its problems, and kept in step with the record both ways. */

#define FIELD_KEY "docket-field"
/* A drop-down's values (a GStrv), in the order of its items. */
#define VALUES_KEY "docket-values"
/* How many of them are the known ones, before a value it does not offer. */
#define N_KNOWN_KEY "docket-n-known"

/* The certainties a date may have, as the drop-down names them. */
static const char *
certainty_label (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return C_("date certainty", "Not set");
  if (g_str_equal (value, "exact"))
    return C_("date certainty", "Exact");
  if (g_str_equal (value, "approximate"))
    return C_("date certainty", "Approximate");
  if (g_str_equal (value, "inferred"))
    return C_("date certainty", "Inferred");
  if (g_str_equal (value, "questionable"))
    return C_("date certainty", "Questionable");
  if (g_str_equal (value, "undated"))
    return C_("date certainty", "Undated");
  return value;
}

static char *
get_input_text (GtkWidget *input)
{
  if (GTK_IS_DROP_DOWN (input))
    {
      GStrv values = g_object_get_data (G_OBJECT (input), VALUES_KEY);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));

      if (selected >= g_strv_length (values))
        return g_strdup ("");
      return g_strdup (values[selected]);
    }
  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
}

/* Selects @value in a drop-down of known values. A value the drop-down
 * does not offer (typed in an older catalog, or by another program) is
 * shown as it is, as one more item, so that nothing is lost unseen; the
 * field's message says to choose another. */
static void
set_choice (GtkDropDown *drop_down,
            const char  *value)
{
  GStrv values = g_object_get_data (G_OBJECT (drop_down), VALUES_KEY);
  GtkStringList *labels = GTK_STRING_LIST (gtk_drop_down_get_model (drop_down));
  guint n_known = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), N_KNOWN_KEY));
  guint n = g_strv_length (values);
  GStrv with_value;

  for (guint i = 0; i < n_known; i++)
    if (g_strcmp0 (values[i], value) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        if (n > n_known)
          {
            gtk_string_list_splice (labels, n_known, n - n_known, NULL);
            g_free (values[n_known]);
            values[n_known] = NULL;
          }
        return;
      }

  /* One unknown value at a time: the last one shown goes. */
  with_value = g_new0 (char *, n_known + 2);
  for (guint i = 0; i < n_known; i++)
    with_value[i] = g_strdup (values[i]);
  with_value[n_known] = g_strdup (value);
  g_object_set_data_full (G_OBJECT (drop_down), VALUES_KEY, with_value, (GDestroyNotify) g_strfreev);
  gtk_string_list_splice (labels, n_known, n - n_known, (const char * const []) { value, NULL });
  gtk_drop_down_set_selected (drop_down, n_known);
}

static void
set_input_text (GtkWidget  *input,
                const char *text)
{
  g_autofree char *current = get_input_text (input);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (current, text) == 0)
    return;

  if (GTK_IS_DROP_DOWN (input))
    {
      set_choice (GTK_DROP_DOWN (input), text);
      return;
    }
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text);
}

void
_docket_metadata_editor_show_field (DocketMetadataEditor *self,
                                    DocketField           field)
{
  FieldWidgets *w = &self->fields[field];

  if (w->input == NULL)
    return;

  self->updating++;
  set_input_text (w->input, self->record != NULL ? docket_record_get (self->record, field) : NULL);
  self->updating--;
  _docket_metadata_editor_validate_field (self, field);
}

static void
input_changed (DocketMetadataEditor *self,
               DocketField           field)
{
  g_autofree char *text = NULL;

  if (self->updating > 0 || self->record == NULL)
    return;

  text = get_input_text (self->fields[field].input);
  docket_record_set (self->record, field, text);
}

static void
entry_changed_cb (GtkEditable          *editable,
                  DocketMetadataEditor *self)
{
  input_changed (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), FIELD_KEY)));
}

static void
choice_changed_cb (GtkDropDown          *drop_down,
                   GParamSpec           *pspec,
                   DocketMetadataEditor *self)
{
  input_changed (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop_down), FIELD_KEY)));
}

static void
buffer_changed_cb (GtkTextBuffer        *buffer,
                   DocketMetadataEditor *self)
{
  input_changed (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buffer), FIELD_KEY)));
}

void
_docket_metadata_editor_add_field (DocketMetadataEditor *self,
                                   GtkBox               *group_box,
                                   DocketField           field)
{
  FieldWidgets *w = &self->fields[field];
  DocketFieldFlags flags = docket_field_get_flags (field);
  GtkWidget *row_widget;

  w->label = gtk_label_new (docket_field_get_label (field));
  gtk_label_set_xalign (GTK_LABEL (w->label), 0);
  gtk_label_set_wrap (GTK_LABEL (w->label), TRUE);
  gtk_widget_add_css_class (w->label, "docket-field-label");

  if (field == DOCKET_FIELD_DATE_CERTAINTY)
    {
      /* Chosen from the certainties the catalog accepts, "not set" first. */
      const char * const *certainties = docket_review_value_get_certainties ();
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      GtkStringList *labels = gtk_string_list_new (NULL);

      g_strv_builder_add (values, "");
      gtk_string_list_append (labels, certainty_label (NULL));
      for (guint i = 0; certainties[i] != NULL; i++)
        {
          g_strv_builder_add (values, certainties[i]);
          gtk_string_list_append (labels, certainty_label (certainties[i]));
        }
      w->input = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
      g_object_set_data_full (G_OBJECT (w->input), VALUES_KEY, g_strv_builder_end (values),
                              (GDestroyNotify) g_strfreev);
      g_object_set_data (G_OBJECT (w->input), N_KNOWN_KEY,
                         GUINT_TO_POINTER (g_strv_length (g_object_get_data (G_OBJECT (w->input), VALUES_KEY))));
      gtk_widget_set_halign (w->input, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (w->input), FIELD_KEY, GINT_TO_POINTER (field));
      g_signal_connect (w->input, "notify::selected", G_CALLBACK (choice_changed_cb), self);
    }
  else if ((flags & DOCKET_FIELD_FLAG_MULTILINE) != 0)
    {
      GtkTextBuffer *buffer;

      w->input = gtk_text_view_new ();
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (w->input));
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (w->input), GTK_WRAP_WORD_CHAR);
      /* Tab moves to the next field, as in every other input. */
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (w->input), FALSE);
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      gtk_widget_set_size_request (w->input, -1, 64);
      gtk_widget_add_css_class (w->input, "docket-multiline");
      g_object_set_data (G_OBJECT (buffer), FIELD_KEY, GINT_TO_POINTER (field));
      g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
    }
  else
    {
      w->input = gtk_entry_new ();
      gtk_editable_set_enable_undo (GTK_EDITABLE (w->input), FALSE);
      g_object_set_data (G_OBJECT (w->input), FIELD_KEY, GINT_TO_POINTER (field));
      g_signal_connect (w->input, "changed", G_CALLBACK (entry_changed_cb), self);
    }
  gtk_widget_set_hexpand (w->input, TRUE);

  if ((flags & DOCKET_FIELD_FLAG_READ_ONLY) != 0)
    {
      if (GTK_IS_TEXT_VIEW (w->input))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (w->input), FALSE);
      else
        gtk_editable_set_editable (GTK_EDITABLE (w->input), FALSE);
      gtk_widget_set_tooltip_text (w->input, _("Set by the catalog"));
    }
  else if (field == DOCKET_FIELD_REVIEW_STATUS)
    {
      /* Shown here, changed in the Review pane, which offers only the
       * moves the review allows. */
      gtk_editable_set_editable (GTK_EDITABLE (w->input), FALSE);
      gtk_widget_set_tooltip_text (w->input, _("Change the status in the Review pane"));
    }

  /* The visible label is the input's accessible name. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (w->label), w->input);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (w->input),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, w->label, NULL,
                                  -1);

  w->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->message, 0);
  gtk_label_set_wrap (w->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (w->message), "docket-field-message");
  gtk_widget_set_visible (GTK_WIDGET (w->message), FALSE);

  gtk_box_append (group_box, w->label);

  if (field == DOCKET_FIELD_DATE_TEXT)
    {
      /* The expression as written, with its normalized form beside it. */
      row_widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      self->normalized_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_valign (GTK_WIDGET (self->normalized_label), GTK_ALIGN_CENTER);
      gtk_label_set_selectable (self->normalized_label, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->normalized_label), "docket-normalized-date");
      gtk_box_append (GTK_BOX (row_widget), w->input);
      gtk_box_append (GTK_BOX (row_widget), GTK_WIDGET (self->normalized_label));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (w->input),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->normalized_label, NULL,
                                      -1);
      gtk_box_append (group_box, row_widget);
    }
  else
    gtk_box_append (group_box, w->input);

  gtk_box_append (group_box, GTK_WIDGET (w->message));
}
