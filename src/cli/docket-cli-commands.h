/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-cli-context.h"

G_BEGIN_DECLS

/* Each command gets its own arguments, argv[0] being the command's name,
 * and returns the exit code. One command per file: docket-cli-NAME.c. */
typedef int (*DocketCliCommandFunc) (DocketCliContext *ctx,
                                     int               argc,
                                     char            **argv);

int docket_cli_import  (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_list    (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_show    (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_search  (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_export  (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_check   (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_review  (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_set     (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_history (DocketCliContext *ctx, int argc, char **argv);
int docket_cli_revert  (DocketCliContext *ctx, int argc, char **argv);

G_END_DECLS
