/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"

G_BEGIN_DECLS

/* Exit codes of docket-cli. */
#define DOCKET_CLI_EXIT_OK       0
#define DOCKET_CLI_EXIT_FAILURE  1
#define DOCKET_CLI_EXIT_USAGE    2
#define DOCKET_CLI_EXIT_PROBLEMS 3 /* `check` found problems */

/**
 * DocketCliContext:
 *
 * What every command is given: the catalog, opened on first use, so that
 * `--help` never creates one.
 */
typedef struct _DocketCliContext DocketCliContext;

DocketCliContext *docket_cli_context_new         (const char        *catalog_path);
void              docket_cli_context_free        (DocketCliContext  *ctx);
/* The catalog's path, whether or not it exists. */
const char       *docket_cli_context_get_catalog_path (DocketCliContext *ctx);
/* Opens the catalog on first call. Returns: (transfer none) (nullable) */
DocketStore      *docket_cli_context_get_store   (DocketCliContext  *ctx,
                                                  GError           **error);

/* Prints @error as one line on stderr and returns DOCKET_CLI_EXIT_FAILURE. */
int               docket_cli_fail                (const GError      *error);
/* Prints a usage problem (and a hint to --help) and returns DOCKET_CLI_EXIT_USAGE. */
int               docket_cli_usage_error         (const char        *command,
                                                  const char        *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
/* Parses @argv with @entries for @command; on failure prints one line and
 * returns FALSE (the caller returns DOCKET_CLI_EXIT_USAGE). */
gboolean          docket_cli_parse_options       (const char        *command,
                                                  const char        *parameter_string,
                                                  const char        *summary,
                                                  const GOptionEntry *entries,
                                                  int               *argc,
                                                  char            ***argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCliContext, docket_cli_context_free)

G_END_DECLS
