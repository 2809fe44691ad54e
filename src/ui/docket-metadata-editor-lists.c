/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-metadata-editor-lists"

#include "config.h"

#include "docket-metadata-editor-private.h"

#include "docket-access-point-row.h"
#include "docket-agent-row.h"

/* The lists of agents and of access points: a row for each, edited in
 * place, with a button to add one. */

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

void
_docket_metadata_editor_show_agents (DocketMetadataEditor *self)
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

void
_docket_metadata_editor_show_access_points (DocketMetadataEditor *self)
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

GtkWidget *
_docket_metadata_editor_make_list_group (DocketMetadataEditor *self,
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

void
_docket_metadata_editor_class_lists_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "metadata.add-agent", NULL, add_agent_action);
  gtk_widget_class_install_action (widget_class, "metadata.add-access-point", NULL, add_access_point_action);
}
