/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-application.h"
#include "docket-record.h"
#include "docket-window.h"

G_BEGIN_DECLS

typedef gboolean (*DocketTestCondition) (gpointer data);

/* Makes a temporary folder and points XDG_DATA_HOME into it before
 * anything asks GLib for the user's folders, then initialises GTK for
 * testing and Docket's resources. Returns the folder, which the caller
 * removes with docket_test_rmdir(). */
char              *docket_test_ui_init              (int                 *argc,
                                                     char              ***argv);
/* A non-unique application, registered; one serves a whole test program. */
DocketApplication *docket_test_application_new      (void);

/* How long the waits below last before they give up: 10 seconds unless a
 * test program that imports or exports whole volumes asks for more. */
void               docket_test_set_wait_timeout     (guint                seconds);
/* Runs the main loop until @condition holds (TRUE) or the time is up (FALSE). */
gboolean           docket_test_wait_for             (DocketTestCondition  condition,
                                                     gpointer             data);
/* Runs the main loop for @msec milliseconds. */
void               docket_test_spin                 (guint                msec);
/* Waits until @window shows a record, the one named @id unless %NULL. */
gboolean           docket_test_wait_for_record      (DocketWindow        *window,
                                                     const char          *id);
/* Waits until @model holds @n_items items. */
gboolean           docket_test_wait_for_n_items     (GListModel          *model,
                                                     guint                n_items);

/* Opens @path in a new window of @app and waits for its first record. */
DocketWindow      *docket_test_open_window          (DocketApplication   *app,
                                                     const char          *path);
/* Closes @window and waits until it is gone. */
void               docket_test_close_window         (DocketWindow        *window);

/* @dir/@name, a catalog holding the sample memorandum in the collection
 * frus1964-68v05, as `docket` would make on first start. */
char              *docket_test_make_sample_catalog  (const char          *dir,
                                                     const char          *name);
/* Record @id as another program would read it from the catalog now. */
DocketRecord      *docket_test_load_record          (const char          *path,
                                                     const char          *id);
/* The text buffer of @window's document view. */
GtkTextBuffer     *docket_test_view_buffer          (DocketWindow        *window);
/* Puts the cursor of @window's document view just before (or after) the
 * first @text in it, or aborts the test. */
void               docket_test_place_cursor         (DocketWindow        *window,
                                                     const char          *text,
                                                     gboolean             after);

G_END_DECLS
