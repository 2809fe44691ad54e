/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-agent-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-agent-row.h"

/* One agent of a record in the metadata editor: role, name and office.
 * The row keeps a copy of the agent for what it does not show (authority
 * ids); it emits "changed" when the user edits it and "remove" when the
 * user asks to remove it. */
struct _DocketAgentRow
{
  GtkListBoxRow  parent_instance;

  GtkDropDown   *role_dropdown;
  GtkEntry      *name_entry;
  GtkEntry      *office_entry;
  GtkWidget     *remove_button;

  DocketAgent   *agent;
};

G_DEFINE_FINAL_TYPE (DocketAgentRow, docket_agent_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edited_cb (DocketAgentRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (DocketAgentRow *self,
                   GtkButton      *button)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
docket_agent_row_dispose (GObject *object)
{
  DocketAgentRow *self = DOCKET_AGENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_AGENT_ROW);
  g_clear_pointer (&self->agent, docket_agent_free);

  G_OBJECT_CLASS (docket_agent_row_parent_class)->dispose (object);
}

static void
docket_agent_row_class_init (DocketAgentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_agent_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-agent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, office_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
docket_agent_row_init (DocketAgentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_agent_row_new:
 * @agent: the agent to show (copied)
 * @index: its place in the list, from 0, for the names screen readers read
 */
GtkWidget *
docket_agent_row_new (const DocketAgent *agent,
                      guint              index)
{
  DocketAgentRow *self;
  g_autofree char *name_label = NULL;
  g_autofree char *office_label = NULL;
  g_autofree char *role_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (agent != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_AGENT_ROW, NULL);
  self->agent = docket_agent_copy (agent);

  gtk_drop_down_set_selected (self->role_dropdown, agent->role);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), agent->name != NULL ? agent->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->office_entry), agent->office != NULL ? agent->office : "");

  /* The visible labels say "Name" in every row; tell screen readers which. */
  name_label = g_strdup_printf (_("Name of agent %u"), index + 1);
  office_label = g_strdup_printf (_("Office of agent %u"), index + 1);
  role_label = g_strdup_printf (_("Role of agent %u"), index + 1);
  remove_label = g_strdup_printf (_("Remove agent %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->office_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, office_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (edited_cb), self);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (edited_cb), self);
  g_signal_connect_swapped (self->office_entry, "changed", G_CALLBACK (edited_cb), self);

  return GTK_WIDGET (self);
}

/**
 * docket_agent_row_dup_agent:
 *
 * Returns: (transfer full): the agent as the row now shows it
 */
DocketAgent *
docket_agent_row_dup_agent (DocketAgentRow *self)
{
  DocketAgent *agent;
  const char *name, *office;
  guint role;

  g_return_val_if_fail (DOCKET_IS_AGENT_ROW (self), NULL);

  agent = docket_agent_copy (self->agent);
  name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  office = gtk_editable_get_text (GTK_EDITABLE (self->office_entry));
  role = gtk_drop_down_get_selected (self->role_dropdown);

  g_free (agent->name);
  agent->name = name[0] != '\0' ? g_strdup (name) : NULL;
  g_free (agent->office);
  agent->office = office[0] != '\0' ? g_strdup (office) : NULL;
  if (role <= DOCKET_AGENT_MENTIONED)
    agent->role = role;
  return agent;
}
