/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-review-pane.h"

#include "docket-history-row.h"
#include "docket-problem-row.h"
#include "docket-review.h"

/* The review of the record open in the window: its status, with the moves
 * the review workflow allows from there; the problems the review checks
 * find, each leading to its field; and the record's saved changes, newest
 * first, each of which can be reverted.
 *
 * Status changes are made to the edit session's record, so they are undone
 * and saved like any edit. A revert is made in the catalog, after the
 * session saved what was pending, and the session then reads the record
 * again: nothing typed is overwritten and nothing goes unseen. Checks and
 * history are read again, off the main thread, after every save. */

#define MAX_HISTORY_ROWS 200

struct _DocketReviewPane
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkWidget         *scroller;
  GtkLabel          *status_label;
  GtkLabel          *reviewed_label;
  GtkLabel          *comment_label;
  GtkEditable       *reviewer_entry;
  GtkEditable       *comment_entry;
  GtkWidget         *in_review_button;
  GtkWidget         *approved_button;
  GtkWidget         *changes_requested_button;
  GtkWidget         *draft_button;
  GtkLabel          *message_label;
  GtkLabel          *checks_label;
  GtkListBox        *problems_list;
  GtkLabel          *history_label;
  GtkListBox        *history_list;

  DocketEditSession *session;
  DocketStore       *store;
  DocketRecord      *record;        /* the session's */
  GSettings         *settings;
  GCancellable      *cancellable;   /* the session's work: reverts */
  GCancellable      *refresh_cancellable;
  char              *status_class;
  char              *default_reviewer;
  guint              pending;       /* refresh_work + revert_work */
  guint              refresh_work;  /* under refresh_cancellable */
  guint              revert_work;   /* under cancellable */
};

G_DEFINE_FINAL_TYPE (DocketReviewPane, docket_review_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Busy while checks, history or a revert are running (tests wait for it).
 * Work is counted by the cancellable it runs under: whoever cancels it
 * ends it (cancel_work), so that a cancelled callback need not touch the
 * pane, which may be gone. */

static void
begin_work (DocketReviewPane *self,
            guint            *work)
{
  (*work)++;
  if (self->pending++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
end_work (DocketReviewPane *self,
          guint            *work)
{
  g_return_if_fail (*work > 0 && self->pending > 0);

  (*work)--;
  if (--self->pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Cancels the work running under *@cancellable and gives a fresh one. */
static void
cancel_work (DocketReviewPane  *self,
             GCancellable     **cancellable,
             guint             *work,
             gboolean           renew)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  if (renew)
    *cancellable = g_cancellable_new ();

  if (*work == 0)
    return;
  self->pending -= *work;
  *work = 0;
  if (self->pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (DocketReviewPane *self,
              const char       *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
remove_rows (GtkListBox *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      g_ptr_array_add (rows, child);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
}

/* The reviewer */

static char *
dup_default_reviewer (DocketReviewPane *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "cataloger-name");

  g_strstrip (name);
  if (name[0] != '\0')
    return g_steal_pointer (&name);
  return docket_review_dup_default_reviewer ();
}

static void
cataloger_name_changed_cb (DocketReviewPane *self)
{
  g_autofree char *name = dup_default_reviewer (self);

  /* A name the user typed for this review stays; the default follows the
   * preference. */
  if (g_strcmp0 (gtk_editable_get_text (self->reviewer_entry), self->default_reviewer) == 0)
    gtk_editable_set_text (self->reviewer_entry, name);
  g_free (self->default_reviewer);
  self->default_reviewer = g_steal_pointer (&name);
}

/* Status */

static GtkWidget *
status_button (DocketReviewPane   *self,
               DocketReviewStatus  status)
{
  switch (status)
    {
    case DOCKET_REVIEW_STATUS_DRAFT:
      return self->draft_button;
    case DOCKET_REVIEW_STATUS_IN_REVIEW:
      return self->in_review_button;
    case DOCKET_REVIEW_STATUS_APPROVED:
      return self->approved_button;
    case DOCKET_REVIEW_STATUS_CHANGES_REQUESTED:
      return self->changes_requested_button;
    case DOCKET_N_REVIEW_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_actions (DocketReviewPane *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.set-status", self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.revert", self->record != NULL);
}

static void
update_status (DocketReviewPane *self)
{
  const char *value = NULL;
  const char *reviewer = NULL;
  const char *date = NULL;
  const char *comment = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *when = NULL;
  DocketReviewStatus status = DOCKET_REVIEW_STATUS_DRAFT;
  gboolean known;

  if (self->record != NULL)
    {
      value = docket_record_get (self->record, DOCKET_FIELD_REVIEW_STATUS);
      reviewer = docket_record_get (self->record, DOCKET_FIELD_REVIEWER);
      date = docket_record_get (self->record, DOCKET_FIELD_REVIEW_DATE);
      comment = docket_record_get (self->record, DOCKET_FIELD_REVIEW_COMMENT);
    }
  known = docket_review_status_parse_field (value, &status);

  gtk_label_set_label (self->status_label, known ? docket_review_status_get_label (status) : value);
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class = g_strdup (docket_review_status_to_string (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);

  when = date != NULL ? docket_history_row_format_time (date) : NULL;
  if (reviewer != NULL && when != NULL)
    /* Translators: the last review: who, then when */
    reviewed = g_strdup_printf (_("By %s on %s"), reviewer, when);
  else if (reviewer != NULL)
    reviewed = g_strdup_printf (_("By %s"), reviewer);
  else if (when != NULL)
    reviewed = g_strdup_printf (_("On %s"), when);
  else
    reviewed = g_strdup (_("Not reviewed yet"));
  gtk_label_set_label (self->reviewed_label, reviewed);

  gtk_label_set_label (self->comment_label, comment != NULL ? comment : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comment_label), comment != NULL && comment[0] != '\0');

  /* Only the moves the workflow allows from here are offered. */
  for (guint to = 0; to < DOCKET_N_REVIEW_STATUSES; to++)
    {
      GtkWidget *button = status_button (self, to);
      gboolean allowed = self->record != NULL && docket_review_status_can_change (status, to);

      gtk_widget_set_visible (gtk_widget_get_parent (button), allowed);
    }
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *comment = NULL;
  DocketReviewStatus status;
  gboolean ok;

  if (self->session == NULL)
    return;
  if (!docket_review_status_from_string (g_variant_get_string (parameter, NULL), &status))
    {
      g_warning ("Unknown review status “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  reviewer = g_strstrip (g_strdup (gtk_editable_get_text (self->reviewer_entry)));
  if (reviewer[0] == '\0')
    g_clear_pointer (&reviewer, g_free);
  comment = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_entry)));
  if (comment[0] == '\0')
    g_clear_pointer (&comment, g_free);
  if (reviewer == NULL)
    reviewer = dup_default_reviewer (self);

  /* Status, reviewer, date and comment change as one step: one undo takes
   * the whole sign-off back. */
  docket_edit_session_begin_step (self->session);
  ok = docket_review_set_status (self->record, status, reviewer, comment, &error);
  docket_edit_session_end_step (self->session);
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  gtk_editable_set_text (self->comment_entry, "");
  show_message (self, NULL);

  /* A sign-off is saved at once rather than after the autosave pause. On a
   * conflict the window asks which version to keep. */
  if (!docket_edit_session_flush (self->session, &error) &&
      !g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
    show_message (self, error->message);
}

/* Checks */

static void
show_problems (DocketReviewPane *self,
               GPtrArray        *problems)
{
  g_autofree char *title = NULL;

  remove_rows (self->problems_list);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problems_list, docket_problem_row_new (g_ptr_array_index (problems, i)));

  if (problems->len == 0)
    title = g_strdup (_("Checks"));
  else
    /* Translators: the heading of the list of problems a review found */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checks: %u problem", "Checks: %u problems",
                                          problems->len),
                             problems->len);
  gtk_label_set_label (self->checks_label, title);
}

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DocketReviewPane) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = docket_review_check_catalog_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_work (self, &self->refresh_work);

  if (problems == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      show_problems (self, none);
      /* Translators: %s says why the checks could not run */
      gtk_label_set_label (self->checks_label, _("Checks could not run"));
      show_message (self, error->message);
      return;
    }
  show_problems (self, problems);
}

/* History */

static void
list_revisions_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GPtrArray *revisions;
  GError *error = NULL;

  revisions = docket_store_list_revisions (DOCKET_STORE (source_object), task_data, &error);
  if (revisions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, revisions, (GDestroyNotify) g_ptr_array_unref);
}

static void
history_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DocketReviewPane) self = user_data;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  revisions = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_work (self, &self->refresh_work);

  remove_rows (self->history_list);
  if (revisions == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Newest first. */
  for (guint i = revisions->len; i > 0 && shown < MAX_HISTORY_ROWS; i--, shown++)
    gtk_list_box_append (self->history_list, docket_history_row_new (g_ptr_array_index (revisions, i - 1)));

  if (revisions->len > MAX_HISTORY_ROWS)
    {
      g_autofree char *title = g_strdup_printf (_("History: the latest %u of %u changes"),
                                                MAX_HISTORY_ROWS, revisions->len);

      gtk_label_set_label (self->history_label, title);
    }
  else
    gtk_label_set_label (self->history_label, _("History"));
}

/**
 * docket_review_pane_refresh:
 *
 * Runs the checks and reads the history again, as after a save.
 */
void
docket_review_pane_refresh (DocketReviewPane *self)
{
  g_autoptr(GTask) task = NULL;
  const char *ids[2] = { NULL, NULL };

  g_return_if_fail (DOCKET_IS_REVIEW_PANE (self));

  cancel_work (self, &self->refresh_cancellable, &self->refresh_work, FALSE);

  if (self->record == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      show_problems (self, none);
      remove_rows (self->history_list);
      return;
    }

  self->refresh_cancellable = g_cancellable_new ();
  ids[0] = docket_record_get_id (self->record);

  begin_work (self, &self->refresh_work);
  docket_review_check_catalog_async (self->store, ids, self->refresh_cancellable, check_cb, g_object_ref (self));

  begin_work (self, &self->refresh_work);
  task = g_task_new (self->store, self->refresh_cancellable, history_cb, g_object_ref (self));
  g_task_set_source_tag (task, docket_review_pane_refresh);
  g_task_set_task_data (task, g_strdup (ids[0]), g_free);
  g_task_run_in_thread (task, list_revisions_thread);
}

/* Reverts */

typedef struct
{
  gint64  revision_id;
  char   *who;
} RevertData;

static void
revert_data_free (RevertData *data)
{
  g_free (data->who);
  g_free (data);
}

static void
revert_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RevertData *data = task_data;
  GError *error = NULL;

  if (docket_store_revert_revision (DOCKET_STORE (source_object), data->revision_id, data->who, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
revert_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DocketReviewPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_work (self, &self->revert_work);

  if (!ok)
    show_message (self, error->message);
  /* The record changed in the catalog: show it as it is there now. */
  else if (!docket_edit_session_reload (self->session, &error) &&
           !g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
    show_message (self, error->message);
  else
    show_message (self, NULL);
  update_status (self);
  docket_review_pane_refresh (self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (widget);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RevertData *data;

  if (self->session == NULL)
    return;

  /* What was typed is saved first, so that the revert starts from it and
   * the reload that follows loses nothing. */
  if (!docket_edit_session_flush (self->session, &error))
    {
      if (g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
        show_message (self, _("Choose which version of the record to keep before reverting a change"));
      else
        show_message (self, error->message);
      return;
    }

  data = g_new0 (RevertData, 1);
  data->revision_id = g_variant_get_int64 (parameter);
  g_object_get (self->session, "who", &data->who, NULL);

  begin_work (self, &self->revert_work);
  task = g_task_new (self->store, self->cancellable, revert_cb, g_object_ref (self));
  g_task_set_source_tag (task, revert_action);
  g_task_set_task_data (task, data, (GDestroyNotify) revert_data_free);
  g_task_run_in_thread (task, revert_thread);
}

/* The session */

static void
record_changed_cb (DocketReviewPane *self,
                   const char       *what,
                   DocketRecord     *record)
{
  DocketField field;

  if (docket_field_from_key (what, &field) &&
      docket_field_get_group (field) == DOCKET_FIELD_GROUP_REVIEW)
    update_status (self);
}

static void
session_state_cb (DocketReviewPane  *self,
                  GParamSpec        *pspec,
                  DocketEditSession *session)
{
  if (docket_edit_session_get_state (session) == DOCKET_EDIT_SESSION_SAVED)
    docket_review_pane_refresh (self);
}

/**
 * docket_review_pane_set_session:
 * @session: (nullable): the editing of the record to review, or %NULL
 */
void
docket_review_pane_set_session (DocketReviewPane  *self,
                                DocketEditSession *session)
{
  g_return_if_fail (DOCKET_IS_REVIEW_PANE (self));
  g_return_if_fail (session == NULL || DOCKET_IS_EDIT_SESSION (session));

  if (self->session == session)
    return;

  cancel_work (self, &self->cancellable, &self->revert_work, TRUE);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (self->record, self);
    }
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->record = g_object_ref (docket_edit_session_get_record (session));
      g_object_get (session, "store", &self->store, NULL);
      g_signal_connect_object (self->record, "changed", G_CALLBACK (record_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state", G_CALLBACK (session_state_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_editable_set_text (self->comment_entry, "");
  show_message (self, NULL);
  update_status (self);
  update_actions (self);
  docket_review_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

DocketEditSession *
docket_review_pane_get_session (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->session;
}

gboolean
docket_review_pane_get_busy (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), FALSE);
  return self->pending > 0;
}

/* GObject */

static void
docket_review_pane_dispose (GObject *object)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (self->record, self);
    }
  g_clear_object (&self->session);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_REVIEW_PANE);

  G_OBJECT_CLASS (docket_review_pane_parent_class)->dispose (object);
}

static void
docket_review_pane_finalize (GObject *object)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_free (self->status_class);
  g_free (self->default_reviewer);

  G_OBJECT_CLASS (docket_review_pane_parent_class)->finalize (object);
}

static void
docket_review_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->pending > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_review_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DocketReviewPane *self = DOCKET_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      docket_review_pane_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_review_pane_class_init (DocketReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_review_pane_dispose;
  object_class->finalize = docket_review_pane_finalize;
  object_class->get_property = docket_review_pane_get_property;
  object_class->set_property = docket_review_pane_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, DOCKET_TYPE_EDIT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, comment_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, reviewer_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, in_review_button);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, approved_button);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, changes_requested_button);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, draft_button);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, message_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, checks_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, problems_list);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, history_label);
  gtk_widget_class_bind_template_child (widget_class, DocketReviewPane, history_list);

  gtk_widget_class_install_action (widget_class, "review.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "review.revert", "x", revert_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
docket_review_pane_init (DocketReviewPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review"), -1);

  {
    GtkWidget *ok = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");
    GtkWidget *none = gtk_label_new (_("No changes saved yet"));

    gtk_widget_add_css_class (icon, "success");
    gtk_box_append (GTK_BOX (ok), icon);
    gtk_box_append (GTK_BOX (ok), gtk_label_new (_("No problems found")));
    gtk_widget_add_css_class (ok, "docket-review-placeholder");
    gtk_list_box_set_placeholder (self->problems_list, ok);

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_add_css_class (none, "docket-review-placeholder");
    gtk_list_box_set_placeholder (self->history_list, none);
  }

  /* The buttons' flow box children would be a second stop for Tab. */
  for (guint to = 0; to < DOCKET_N_REVIEW_STATUSES; to++)
    gtk_widget_set_focusable (gtk_widget_get_parent (status_button (self, to)), FALSE);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->default_reviewer = dup_default_reviewer (self);
  gtk_editable_set_text (self->reviewer_entry, self->default_reviewer);
  g_signal_connect_object (self->settings, "changed::cataloger-name", G_CALLBACK (cataloger_name_changed_cb),
                           self, G_CONNECT_SWAPPED);

  update_status (self);
  update_actions (self);
}

GtkWidget *
docket_review_pane_new (void)
{
  return g_object_new (DOCKET_TYPE_REVIEW_PANE, NULL);
}

GtkLabel *
docket_review_pane_get_status_label (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->status_label;
}

GtkEditable *
docket_review_pane_get_reviewer_entry (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->reviewer_entry;
}

GtkEditable *
docket_review_pane_get_comment_entry (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->comment_entry;
}

/**
 * docket_review_pane_get_status_button:
 * @status: a review status string ("in-review")
 *
 * Returns: (transfer none): the button that moves the record to @status;
 *   it is shown only when that move is allowed
 */
GtkWidget *
docket_review_pane_get_status_button (DocketReviewPane *self,
                                      const char       *status)
{
  DocketReviewStatus value;

  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);

  if (!docket_review_status_from_string (status, &value))
    return NULL;
  return status_button (self, value);
}

GtkListBox *
docket_review_pane_get_problems_list (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->problems_list;
}

GtkListBox *
docket_review_pane_get_history_list (DocketReviewPane *self)
{
  g_return_val_if_fail (DOCKET_IS_REVIEW_PANE (self), NULL);
  return self->history_list;
}
