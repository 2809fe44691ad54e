/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-problem-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-problem-row.h"

#include "docket-history-row.h"

/* One problem a review check found: what is wrong, and the field it is in.
 * Activating the row (a click, or Return) runs win.show-field with the
 * field's key, which takes the user to that field. */

struct _DocketProblemRow
{
  GtkListBoxRow        parent_instance;

  GtkLabel            *message_label;
  GtkLabel            *field_label;

  DocketReviewProblem *problem;
};

G_DEFINE_FINAL_TYPE (DocketProblemRow, docket_problem_row, GTK_TYPE_LIST_BOX_ROW)

static void
docket_problem_row_finalize (GObject *object)
{
  DocketProblemRow *self = DOCKET_PROBLEM_ROW (object);

  g_clear_pointer (&self->problem, docket_review_problem_free);

  G_OBJECT_CLASS (docket_problem_row_parent_class)->finalize (object);
}

static void
docket_problem_row_class_init (DocketProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = docket_problem_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-problem-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketProblemRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, DocketProblemRow, field_label);
}

static void
docket_problem_row_init (DocketProblemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_problem_row_new:
 * @problem: the problem to show (copied)
 */
GtkWidget *
docket_problem_row_new (const DocketReviewProblem *problem)
{
  DocketProblemRow *self;
  g_autofree char *accessible = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_PROBLEM_ROW, NULL);
  self->problem = docket_review_problem_copy (problem);
  title = docket_history_row_dup_field_title (problem->field);

  gtk_label_set_label (self->message_label, problem->message);
  gtk_label_set_label (self->field_label, title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-field");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", problem->field != NULL ? problem->field : "");

  /* Translators: how a screen reader reads a review problem: the field's
   * name, then what is wrong with it. */
  accessible = g_strdup_printf (_("%s: %s"), title, problem->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Go to the field"));
  return GTK_WIDGET (self);
}

const DocketReviewProblem *
docket_problem_row_get_problem (DocketProblemRow *self)
{
  g_return_val_if_fail (DOCKET_IS_PROBLEM_ROW (self), NULL);
  return self->problem;
}
