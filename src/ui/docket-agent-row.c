/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-agent-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-agent-row.h"

/* One agent of a record in the metadata editor: role, name and office.
 * The row keeps a copy of the agent for what it does not show (authority
 * ids); its base, DocketEditableRow, emits "changed" when the user edits it
 * and "remove" when the user asks to remove it. */
struct _DocketAgentRow
{
  DocketEditableRow  parent_instance;

  GtkDropDown       *role_dropdown;
  GtkEntry          *name_entry;
  GtkEntry          *office_entry;
  GtkWidget         *remove_button;

  DocketAgent       *agent;
};

G_DEFINE_FINAL_TYPE (DocketAgentRow, docket_agent_row, DOCKET_TYPE_EDITABLE_ROW)

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-agent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, office_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAgentRow, remove_button);
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
  DocketEditableRow *row;
  g_autofree char *name_label = NULL;
  g_autofree char *office_label = NULL;
  g_autofree char *role_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (agent != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_AGENT_ROW, NULL);
  row = DOCKET_EDITABLE_ROW (self);
  self->agent = docket_agent_copy (agent);

  /* The visible labels say "Name" in every row; tell screen readers which. */
  name_label = g_strdup_printf (_("Name of agent %u"), index + 1);
  office_label = g_strdup_printf (_("Office of agent %u"), index + 1);
  role_label = g_strdup_printf (_("Role of agent %u"), index + 1);
  remove_label = g_strdup_printf (_("Remove agent %u"), index + 1);

  docket_editable_row_watch_dropdown (row, self->role_dropdown, agent->role, role_label);
  docket_editable_row_watch_entry (row, self->name_entry, agent->name, name_label);
  docket_editable_row_watch_entry (row, self->office_entry, agent->office, office_label);
  docket_editable_row_watch_remove (row, self->remove_button, remove_label);

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
  guint role;

  g_return_val_if_fail (DOCKET_IS_AGENT_ROW (self), NULL);

  agent = docket_agent_copy (self->agent);
  g_free (agent->name);
  agent->name = docket_editable_row_dup_entry_text (self->name_entry);
  g_free (agent->office);
  agent->office = docket_editable_row_dup_entry_text (self->office_entry);
  role = gtk_drop_down_get_selected (self->role_dropdown);
  if (role <= DOCKET_AGENT_MENTIONED)
    agent->role = role;
  return agent;
}
