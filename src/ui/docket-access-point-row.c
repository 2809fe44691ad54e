/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-access-point-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-access-point-row.h"

/* One access point of a record in the metadata editor: kind, term and
 * vocabulary. The row keeps a copy of the access point for what it does not
 * show (authority id, role); its base, DocketEditableRow, emits "changed"
 * when the user edits it and "remove" when the user asks to remove it. */
struct _DocketAccessPointRow
{
  DocketEditableRow  parent_instance;

  GtkDropDown       *kind_dropdown;
  GtkEntry          *term_entry;
  GtkEntry          *source_entry;
  GtkWidget         *remove_button;

  DocketAccessPoint *point;
};

G_DEFINE_FINAL_TYPE (DocketAccessPointRow, docket_access_point_row, DOCKET_TYPE_EDITABLE_ROW)

static void
docket_access_point_row_dispose (GObject *object)
{
  DocketAccessPointRow *self = DOCKET_ACCESS_POINT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_ACCESS_POINT_ROW);
  g_clear_pointer (&self->point, docket_access_point_free);

  G_OBJECT_CLASS (docket_access_point_row_parent_class)->dispose (object);
}

static void
docket_access_point_row_class_init (DocketAccessPointRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_access_point_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-access-point-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, term_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, source_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, remove_button);
}

static void
docket_access_point_row_init (DocketAccessPointRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_access_point_row_new:
 * @point: the access point to show (copied)
 * @index: its place in the list, from 0, for the names screen readers read
 */
GtkWidget *
docket_access_point_row_new (const DocketAccessPoint *point,
                             guint                    index)
{
  DocketAccessPointRow *self;
  DocketEditableRow *row;
  g_autofree char *term_label = NULL;
  g_autofree char *source_label = NULL;
  g_autofree char *kind_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_ACCESS_POINT_ROW, NULL);
  row = DOCKET_EDITABLE_ROW (self);
  self->point = docket_access_point_copy (point);

  term_label = g_strdup_printf (_("Term of access point %u"), index + 1);
  source_label = g_strdup_printf (_("Vocabulary of access point %u"), index + 1);
  kind_label = g_strdup_printf (_("Kind of access point %u"), index + 1);
  remove_label = g_strdup_printf (_("Remove access point %u"), index + 1);

  docket_editable_row_watch_dropdown (row, self->kind_dropdown, point->kind, kind_label);
  docket_editable_row_watch_entry (row, self->term_entry, point->term, term_label);
  docket_editable_row_watch_entry (row, self->source_entry, point->source, source_label);
  docket_editable_row_watch_remove (row, self->remove_button, remove_label);

  return GTK_WIDGET (self);
}

/**
 * docket_access_point_row_dup_point:
 *
 * Returns: (transfer full): the access point as the row now shows it
 */
DocketAccessPoint *
docket_access_point_row_dup_point (DocketAccessPointRow *self)
{
  DocketAccessPoint *point;
  guint kind;

  g_return_val_if_fail (DOCKET_IS_ACCESS_POINT_ROW (self), NULL);

  point = docket_access_point_copy (self->point);
  g_free (point->term);
  point->term = docket_editable_row_dup_entry_text (self->term_entry);
  g_free (point->source);
  point->source = docket_editable_row_dup_entry_text (self->source_entry);
  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  if (kind <= DOCKET_ACCESS_POINT_TITLE)
    point->kind = kind;
  return point;
}
