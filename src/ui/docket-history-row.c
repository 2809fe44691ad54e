/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-history-row.h"

/* One saved change to a record: the field, its value before and after, who
 * made it and when, and a button that reverts it (review.revert, which the
 * review pane provides). */

#define MAX_SHOWN_CHARS 400

struct _DocketHistoryRow
{
  GtkListBoxRow   parent_instance;

  GtkLabel       *field_label;
  GtkLabel       *when_label;
  GtkLabel       *old_label;
  GtkLabel       *new_label;
  GtkLabel       *who_label;
  GtkButton      *revert_button;

  DocketRevision *revision;
};

G_DEFINE_FINAL_TYPE (DocketHistoryRow, docket_history_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * docket_history_row_dup_field_title:
 * @field: a revision's or a review problem's field (a field key, a list
 *   name, "record", …)
 *
 * Returns: (transfer full): the name the user knows it by
 */
char *
docket_history_row_dup_field_title (const char *field)
{
  DocketField scalar;

  if (field == NULL)
    return g_strdup ("");
  if (docket_field_from_key (field, &scalar))
    return g_strdup (docket_field_get_label (scalar));
  if (g_str_equal (field, "record"))
    return g_strdup (_("Record created"));
  if (g_str_equal (field, "agents") || g_str_equal (field, "authors"))
    return g_strdup (_("Agents"));
  if (g_str_equal (field, "access_points"))
    return g_strdup (_("Access points"));
  if (g_str_equal (field, "body"))
    return g_strdup (_("Text"));
  if (g_str_equal (field, "footnotes"))
    return g_strdup (_("Footnotes"));
  if (g_str_equal (field, "extra_xml"))
    return g_strdup (_("Kept EAD elements"));
  if (g_str_equal (field, "provisional_id"))
    return g_strdup (_("Provisional identifier"));
  return g_strdup (field);
}

/**
 * docket_history_row_format_time:
 * @iso8601: (nullable): a time as the catalog keeps it, in UTC
 *
 * Returns: (transfer full): the time in the local time zone, to the minute,
 *   or @iso8601 itself when it cannot be read
 */
char *
docket_history_row_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: a date and time in the history, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

/* A value as one line: a long one is cut (the tooltip holds more), and an
 * empty one says so. */
static void
show_value (GtkLabel   *label,
            const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    {
      gtk_label_set_label (label, _("(empty)"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "docket-old-value");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      return;
    }

  line = g_string_new (NULL);
  for (const char *p = value; *p != '\0' && g_utf8_strlen (line->str, -1) < MAX_SHOWN_CHARS;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (line, c == '\n' || c == '\t' ? ' ' : c);
    }
  if (g_utf8_strlen (value, -1) > MAX_SHOWN_CHARS)
    g_string_append (line, "…");
  gtk_label_set_label (label, line->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), line->str);
}

static void
docket_history_row_finalize (GObject *object)
{
  DocketHistoryRow *self = DOCKET_HISTORY_ROW (object);

  g_clear_pointer (&self->revision, docket_revision_free);

  G_OBJECT_CLASS (docket_history_row_parent_class)->finalize (object);
}

static void
docket_history_row_class_init (DocketHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = docket_history_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, field_label);
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, old_label);
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, new_label);
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, who_label);
  gtk_widget_class_bind_template_child (widget_class, DocketHistoryRow, revert_button);
}

static void
docket_history_row_init (DocketHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_history_row_new:
 * @revision: the change to show (copied)
 */
GtkWidget *
docket_history_row_new (const DocketRevision *revision)
{
  DocketHistoryRow *self;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *accessible = NULL;
  gboolean creation;

  g_return_val_if_fail (revision != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_HISTORY_ROW, NULL);
  self->revision = docket_revision_copy (revision);
  title = docket_history_row_dup_field_title (revision->field);
  when = docket_history_row_format_time (revision->when);
  creation = g_strcmp0 (revision->field, "record") == 0;

  gtk_label_set_label (self->field_label, title);
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->who_label, revision->who != NULL ? revision->who : "");
  show_value (self->old_label, revision->old_value);
  show_value (self->new_label, revision->new_value);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->old_label)), !creation);

  /* The creation of the record and a change of its identifier are not
   * undone from here. */
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button),
                          !creation && g_strcmp0 (revision->field, docket_field_get_key (DOCKET_FIELD_ID)) != 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->revert_button), "x", revision->id);

  /* Translators: how a screen reader reads a change in the history: the
   * field, who changed it, and when. */
  accessible = g_strdup_printf (_("%s, changed by %s on %s"), title,
                                revision->who != NULL ? revision->who : "", when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return GTK_WIDGET (self);
}

const DocketRevision *
docket_history_row_get_revision (DocketHistoryRow *self)
{
  g_return_val_if_fail (DOCKET_IS_HISTORY_ROW (self), NULL);
  return self->revision;
}

GtkButton *
docket_history_row_get_revert_button (DocketHistoryRow *self)
{
  g_return_val_if_fail (DOCKET_IS_HISTORY_ROW (self), NULL);
  return self->revert_button;
}
