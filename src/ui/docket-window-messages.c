/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-messages"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

/* What the window tells the user: an error in a banner, what it waits for
 * in place of the record, and a conflict between this version of the open
 * record and the catalog's, with the fields where they differ. */

void
docket_window_show_error (DocketWindow *self,
                          const char   *message)
{
  g_return_if_fail (DOCKET_IS_WINDOW (self));

  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
dismiss_error_cb (DocketWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/**
 * docket_window_set_busy:
 * @message: (nullable): what the window waits for, or %NULL when done
 */
void
docket_window_set_busy (DocketWindow *self,
                        const char   *message)
{
  g_return_if_fail (DOCKET_IS_WINDOW (self));

  if (message != NULL)
    {
      gtk_label_set_label (self->placeholder_title_label, message);
      gtk_label_set_label (self->placeholder_label, "");
    }
  else
    {
      gtk_label_set_label (self->placeholder_title_label, _("No Record Open"));
      gtk_label_set_label (self->placeholder_label, _("Choose a record in the list to read and describe it"));
    }
}

void
_docket_window_show_conflict (DocketWindow *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->session == NULL ||
      docket_edit_session_get_state (self->session) != DOCKET_EDIT_SESSION_CONFLICT)
    {
      gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
      return;
    }

  lines = docket_edit_session_list_conflicting_fields (self->session);
  if (docket_edit_session_get_theirs (self->session) == NULL)
    g_string_append (text, _("The record could not be read back from the catalog; it may have been deleted."));
  else if (lines->len == 0)
    g_string_append (text, _("Both versions hold the same values; keeping yours saves them again."));
  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (lines, i));
    }
  gtk_label_set_label (self->conflict_detail_label, text->str);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
}

void
_docket_window_class_messages_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
}
