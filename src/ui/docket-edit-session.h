/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_EDIT_SESSION (docket_edit_session_get_type ())

G_DECLARE_FINAL_TYPE (DocketEditSession, docket_edit_session, DOCKET, EDIT_SESSION, GObject)

/**
 * DocketEditSessionState:
 * @DOCKET_EDIT_SESSION_SAVED: every change is in the catalog
 * @DOCKET_EDIT_SESSION_PENDING: changes wait for the autosave
 * @DOCKET_EDIT_SESSION_SAVING: a save is running
 * @DOCKET_EDIT_SESSION_CONFLICT: the catalog holds a newer version; the user
 *   must choose before anything more is saved
 * @DOCKET_EDIT_SESSION_FAILED: the last save failed; changes are kept and
 *   the next change or flush tries again
 */
typedef enum
{
  DOCKET_EDIT_SESSION_SAVED,
  DOCKET_EDIT_SESSION_PENDING,
  DOCKET_EDIT_SESSION_SAVING,
  DOCKET_EDIT_SESSION_CONFLICT,
  DOCKET_EDIT_SESSION_FAILED,
} DocketEditSessionState;

DocketEditSession      *docket_edit_session_new            (DocketStore       *store,
                                                            DocketRecord      *record,
                                                            const char        *who);
DocketRecord           *docket_edit_session_get_record     (DocketEditSession *self);
DocketRecord           *docket_edit_session_get_theirs     (DocketEditSession *self);
DocketEditSessionState  docket_edit_session_get_state      (DocketEditSession *self);
const GError           *docket_edit_session_get_error      (DocketEditSession *self);
void                    docket_edit_session_set_delay      (DocketEditSession *self,
                                                            guint              msec);
gboolean                docket_edit_session_get_can_undo   (DocketEditSession *self);
gboolean                docket_edit_session_get_can_redo   (DocketEditSession *self);
gboolean                docket_edit_session_undo           (DocketEditSession *self);
gboolean                docket_edit_session_redo           (DocketEditSession *self);
void                    docket_edit_session_begin_step     (DocketEditSession *self);
void                    docket_edit_session_end_step       (DocketEditSession *self);
void                    docket_edit_session_save_soon      (DocketEditSession *self);
gboolean                docket_edit_session_flush          (DocketEditSession *self,
                                                            GError           **error);
gboolean                docket_edit_session_keep_mine      (DocketEditSession *self,
                                                            GError           **error);
void                    docket_edit_session_take_theirs    (DocketEditSession *self);
gboolean                docket_edit_session_reload         (DocketEditSession *self,
                                                            GError           **error);
GPtrArray              *docket_edit_session_list_conflicting_fields (DocketEditSession *self);

G_END_DECLS
