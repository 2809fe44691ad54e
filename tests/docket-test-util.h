/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shared folder (corpus, schemas, EAD samples), or %NULL when it is
 * absent; a test that needs it calls docket_test_skip_without_shared(). */
const char *docket_test_get_shared_dir     (void);
/* Returns a path inside the shared folder, or %NULL and marks the test
 * skipped with a message saying the folder is absent. */
char       *docket_test_shared_path        (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* A fresh temporary folder, removed with docket_test_rmdir(). */
char       *docket_test_make_tmpdir        (void);
void        docket_test_rmdir              (const char *path);
/* Reads a file whole, or aborts the test. */
char       *docket_test_read_file          (const char *path,
                                            gsize      *length);
/* Writes @dir/@name (@length -1 for a string), or aborts the test; returns
 * the path. */
char       *docket_test_write_file         (const char *dir,
                                            const char *name,
                                            const char *contents,
                                            gssize      length);
/* @text without its white space, so that layouts compare by their
 * characters. */
char       *docket_test_squeeze            (const char *text);

G_END_DECLS
