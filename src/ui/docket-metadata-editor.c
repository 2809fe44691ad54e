/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-metadata-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-metadata-editor.h"

#include "docket-access-point-row.h"
#include "docket-agent-row.h"
#include "docket-review-value.h"

/* Every field of a record, generated from the field table (docket-field.h)
 * and grouped as there, each with a visible label that is also its
 * accessible name. Edits go straight into the record; whoever watches the
 * record (the edit session) saves them. Problems are shown under the field
 * as they are typed. */

typedef enum
{
  SEVERITY_NONE,
  SEVERITY_WARNING,
  SEVERITY_ERROR,
} Severity;

typedef struct
{
  GtkWidget *label;
  GtkWidget *input;     /* GtkEntry, GtkTextView for long text, or GtkDropDown */
  GtkLabel  *message;
  Severity   severity;
} FieldWidgets;

struct _DocketMetadataEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkBox        *groups_box;

  FieldWidgets   fields[DOCKET_N_FIELDS];
  GtkLabel      *normalized_label;
  GtkListBox    *agents_list;
  GtkListBox    *access_points_list;

  DocketRecord  *record;
  gulong         changed_id;
  guint          updating;   /* > 0 while the editor itself changes widgets or record */
};

G_DEFINE_FINAL_TYPE (DocketMetadataEditor, docket_metadata_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Validation */

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

static void
validate_field (DocketMetadataEditor *self,
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

static void
update_normalized_date (DocketMetadataEditor *self)
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

/* Field widgets ↔ record */

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

static void
show_field (DocketMetadataEditor *self,
            DocketField           field)
{
  FieldWidgets *w = &self->fields[field];

  if (w->input == NULL)
    return;

  self->updating++;
  set_input_text (w->input, self->record != NULL ? docket_record_get (self->record, field) : NULL);
  self->updating--;
  validate_field (self, field);
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

/* Lists */

static void agents_edited_cb (DocketMetadataEditor *self);
static void access_points_edited_cb (DocketMetadataEditor *self);

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;
    }
}

static void
agent_remove_cb (DocketMetadataEditor *self,
                 DocketAgentRow       *row)
{
  gtk_list_box_remove (self->agents_list, GTK_WIDGET (row));
  agents_edited_cb (self);
}

static void
show_agents (DocketMetadataEditor *self)
{
  GPtrArray *agents;

  remove_all_rows (self->agents_list);
  if (self->record == NULL)
    return;

  agents = docket_record_get_agents (self->record);
  for (guint i = 0; i < agents->len; i++)
    {
      GtkWidget *row = docket_agent_row_new (g_ptr_array_index (agents, i), i);

      g_signal_connect_swapped (row, "changed", G_CALLBACK (agents_edited_cb), self);
      g_signal_connect_swapped (row, "remove", G_CALLBACK (agent_remove_cb), self);
      gtk_list_box_append (self->agents_list, row);
    }
}

static void
agents_edited_cb (DocketMetadataEditor *self)
{
  GPtrArray *agents;

  if (self->record == NULL || self->updating > 0)
    return;

  agents = docket_record_get_agents (self->record);
  g_ptr_array_set_size (agents, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agents_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DOCKET_IS_AGENT_ROW (child))
      g_ptr_array_add (agents, docket_agent_row_dup_agent (DOCKET_AGENT_ROW (child)));

  self->updating++;
  docket_record_changed (self->record, "agents");
  self->updating--;
}

static void
access_point_remove_cb (DocketMetadataEditor *self,
                        DocketAccessPointRow *row)
{
  gtk_list_box_remove (self->access_points_list, GTK_WIDGET (row));
  access_points_edited_cb (self);
}

static void
show_access_points (DocketMetadataEditor *self)
{
  GPtrArray *points;

  remove_all_rows (self->access_points_list);
  if (self->record == NULL)
    return;

  points = docket_record_get_access_points (self->record);
  for (guint i = 0; i < points->len; i++)
    {
      GtkWidget *row = docket_access_point_row_new (g_ptr_array_index (points, i), i);

      g_signal_connect_swapped (row, "changed", G_CALLBACK (access_points_edited_cb), self);
      g_signal_connect_swapped (row, "remove", G_CALLBACK (access_point_remove_cb), self);
      gtk_list_box_append (self->access_points_list, row);
    }
}

static void
access_points_edited_cb (DocketMetadataEditor *self)
{
  GPtrArray *points;

  if (self->record == NULL || self->updating > 0)
    return;

  points = docket_record_get_access_points (self->record);
  g_ptr_array_set_size (points, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->access_points_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DOCKET_IS_ACCESS_POINT_ROW (child))
      g_ptr_array_add (points, docket_access_point_row_dup_point (DOCKET_ACCESS_POINT_ROW (child)));

  self->updating++;
  docket_record_changed (self->record, "access_points");
  self->updating--;
}

static void
focus_last_row (GtkListBox *list)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (list));

  if (last != NULL && GTK_IS_LIST_BOX_ROW (last))
    gtk_widget_child_focus (last, GTK_DIR_TAB_FORWARD);
}

static void
add_agent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (widget);

  if (self->record == NULL)
    return;
  docket_record_add_agent (self->record, docket_agent_new (DOCKET_AGENT_AUTHOR, NULL, NULL));
  focus_last_row (self->agents_list);
}

static void
add_access_point_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (widget);

  if (self->record == NULL)
    return;
  docket_record_add_access_point (self->record,
                                  docket_access_point_new (DOCKET_ACCESS_POINT_SUBJECT, NULL, NULL));
  focus_last_row (self->access_points_list);
}

static void
record_changed_cb (DocketMetadataEditor *self,
                   const char           *what,
                   DocketRecord         *record)
{
  DocketField field;

  if (docket_field_from_key (what, &field))
    {
      show_field (self, field);
      if (field == DOCKET_FIELD_DATE_FROM || field == DOCKET_FIELD_DATE_TO)
        validate_field (self, DOCKET_FIELD_DATE_TO);
      if (field == DOCKET_FIELD_DATE_TEXT || field == DOCKET_FIELD_DATE_FROM || field == DOCKET_FIELD_DATE_TO)
        update_normalized_date (self);
      return;
    }

  if (self->updating > 0)
    return;
  if (g_strcmp0 (what, "agents") == 0)
    show_agents (self);
  else if (g_strcmp0 (what, "access_points") == 0)
    show_access_points (self);
}

/* Building the form */

static GtkWidget *
make_list_group (DocketMetadataEditor *self,
                 GtkBox               *group_box,
                 const char           *empty_text,
                 const char           *add_label,
                 const char           *add_action,
                 const char           *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (empty_text);
  GtkWidget *add = gtk_button_new_with_mnemonic (add_label);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "docket-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 6);
  gtk_widget_set_margin_bottom (placeholder, 6);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), add_action);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 6);

  gtk_box_append (group_box, list);
  gtk_box_append (group_box, add);
  return list;
}

static void
add_field (DocketMetadataEditor *self,
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

static void
build_form (DocketMetadataEditor *self)
{
  for (guint group = 0; group < DOCKET_N_FIELD_GROUPS; group++)
    {
      GtkWidget *title = gtk_label_new (docket_field_group_get_label (group));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "docket-group-title");
      gtk_widget_add_css_class (box, "docket-group");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                      -1);
      gtk_box_append (self->groups_box, title);
      gtk_box_append (self->groups_box, box);

      if (group == DOCKET_FIELD_GROUP_AGENTS)
        self->agents_list = GTK_LIST_BOX (make_list_group (self, GTK_BOX (box),
                                                           _("No authors, recipients or persons named"),
                                                           _("_Add Agent"), "metadata.add-agent",
                                                           _("Agents")));
      else if (group == DOCKET_FIELD_GROUP_ACCESS_POINTS)
        self->access_points_list = GTK_LIST_BOX (make_list_group (self, GTK_BOX (box),
                                                                  _("No subjects, places or names"),
                                                                  _("A_dd Access Point"), "metadata.add-access-point",
                                                                  _("Access points")));

      for (guint field = 0; field < DOCKET_N_FIELDS; field++)
        if (docket_field_get_group (field) == group)
          add_field (self, GTK_BOX (box), field);
    }
}

static void
docket_metadata_editor_dispose (GObject *object)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  docket_metadata_editor_set_record (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_METADATA_EDITOR);

  G_OBJECT_CLASS (docket_metadata_editor_parent_class)->dispose (object);
}

static void
docket_metadata_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_metadata_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      docket_metadata_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_metadata_editor_class_init (DocketMetadataEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_metadata_editor_dispose;
  object_class->get_property = docket_metadata_editor_get_property;
  object_class->set_property = docket_metadata_editor_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-metadata-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketMetadataEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketMetadataEditor, groups_box);

  gtk_widget_class_install_action (widget_class, "metadata.add-agent", NULL, add_agent_action);
  gtk_widget_class_install_action (widget_class, "metadata.add-access-point", NULL, add_access_point_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
docket_metadata_editor_init (DocketMetadataEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metadata"), -1);
  build_form (self);
  docket_metadata_editor_set_record (self, NULL);
}

GtkWidget *
docket_metadata_editor_new (void)
{
  return g_object_new (DOCKET_TYPE_METADATA_EDITOR, NULL);
}

DocketRecord *
docket_metadata_editor_get_record (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->record;
}

/**
 * docket_metadata_editor_set_record:
 * @record: (nullable): the record to edit
 */
void
docket_metadata_editor_set_record (DocketMetadataEditor *self,
                                   DocketRecord         *record)
{
  gboolean changed;

  g_return_if_fail (DOCKET_IS_METADATA_EDITOR (self));
  g_return_if_fail (record == NULL || DOCKET_IS_RECORD (record));

  changed = self->record != record;
  if (self->record != NULL && changed)
    g_clear_signal_handler (&self->changed_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL && changed)
    self->changed_id = g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  for (guint field = 0; field < DOCKET_N_FIELDS; field++)
    show_field (self, field);
  update_normalized_date (self);
  show_agents (self);
  show_access_points (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_box), record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.add-agent", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.add-access-point", record != NULL);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* The input (GtkEntry, GtkTextView or GtkDropDown) that edits @field. */
GtkWidget *
docket_metadata_editor_get_field_widget (DocketMetadataEditor *self,
                                         DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return self->fields[field].input;
}

GtkWidget *
docket_metadata_editor_get_field_label (DocketMetadataEditor *self,
                                        DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return self->fields[field].label;
}

/* The problem shown under @field, or %NULL. */
const char *
docket_metadata_editor_get_field_message (DocketMetadataEditor *self,
                                          DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);

  if (self->fields[field].message == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self->fields[field].message)))
    return NULL;
  return gtk_label_get_label (self->fields[field].message);
}

/* The normalized date shown beside the date as written, or %NULL when
 * nothing is shown there (no date written). */
const char *
docket_metadata_editor_get_normalized_date (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->normalized_label)))
    return NULL;
  return gtk_label_get_label (self->normalized_label);
}

GtkListBox *
docket_metadata_editor_get_agents_list (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->agents_list;
}

GtkListBox *
docket_metadata_editor_get_access_points_list (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->access_points_list;
}

/* Moves the keyboard focus to @field and scrolls it into view. */
void
docket_metadata_editor_focus_field (DocketMetadataEditor *self,
                                    DocketField           field)
{
  g_return_if_fail (DOCKET_IS_METADATA_EDITOR (self));
  g_return_if_fail (field < DOCKET_N_FIELDS);

  if (self->fields[field].input != NULL)
    gtk_widget_grab_focus (self->fields[field].input);
}

/**
 * docket_metadata_editor_focus_key:
 * @key: a field key ("date.from"; see docket_field_get_key()), or "agents",
 *   "authors" or "access_points" for those lists
 *
 * Moves the keyboard focus to what @key names, as a review problem gives
 * it, and scrolls it into view.
 *
 * Returns: %FALSE if the editor has nothing for @key (the body and the
 *   footnotes are edited in the document)
 */
gboolean
docket_metadata_editor_focus_key (DocketMetadataEditor *self,
                                  const char           *key)
{
  GtkListBox *list = NULL;
  DocketField field;

  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (docket_field_from_key (key, &field))
    {
      if (self->fields[field].input == NULL)
        return FALSE;
      return gtk_widget_grab_focus (self->fields[field].input);
    }

  if (g_str_equal (key, "agents") || g_str_equal (key, "authors"))
    list = self->agents_list;
  else if (g_str_equal (key, "access_points"))
    list = self->access_points_list;
  if (list == NULL)
    return FALSE;

  /* The first row, or the Add button after an empty list. */
  if (gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD))
    return TRUE;
  return gtk_widget_grab_focus (gtk_widget_get_next_sibling (GTK_WIDGET (list)));
}
