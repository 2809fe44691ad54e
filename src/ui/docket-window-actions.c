/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

/* The window's actions ("win.…"); their accelerators are in one table in
 * docket-application.c, and the shortcuts window lists them. */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  if (self->session != NULL)
    docket_edit_session_undo (self->session);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  if (self->session != NULL)
    docket_edit_session_redo (self->session);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!docket_edit_session_keep_mine (self->session, &error))
    {
      if (g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
        _docket_window_show_conflict (self);
      else
        docket_window_show_error (self, error->message);
    }
  docket_window_reload (self);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  if (self->session == NULL)
    return;
  docket_edit_session_take_theirs (self->session);
  _docket_window_show_conflict (self);
  docket_window_reload (self);
}

/* Takes the user to a field, by its key ("date.from"), as a review problem
 * names it: the metadata editor's input, or the document for the text and
 * its footnotes. */
static void
show_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  if (self->session == NULL)
    return;

  gtk_stack_set_visible_child_name (self->side_stack, "metadata");
  if (!docket_metadata_editor_focus_key (self->metadata_editor, key))
    gtk_widget_grab_focus (GTK_WIDGET (docket_document_view_get_text_view (self->document_view)));
}

void
_docket_window_update_actions (DocketWindow *self)
{
  gboolean conflict = self->session != NULL &&
                      docket_edit_session_get_state (self->session) == DOCKET_EDIT_SESSION_CONFLICT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->session != NULL && !conflict &&
                                 docket_edit_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->session != NULL && !conflict &&
                                 docket_edit_session_get_can_redo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", conflict);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.take-theirs", conflict);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->session != NULL && !conflict);
}

void
_docket_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.take-theirs", NULL, take_theirs_action);
  gtk_widget_class_install_action (widget_class, "win.show-field", "s", show_field_action);
  /* Import and export are in docket-window-transfer.c. */
  gtk_widget_class_install_action (widget_class, "win.import", NULL, _docket_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, _docket_window_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort-order", "sort-order");
}
