/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-ead-private.h"

/* Kept elements from an import in the other EAD version are written
 * converted where the conversion is faithful (docket-ead-convert.c), and
 * left out otherwise; the export says how many of each, and what most
 * often stood in the way. */

void
_docket_ead_left_out_other (DocketEadContext *ctx,
                            const char       *why)
{
  gpointer count;

  ctx->n_other_format++;
  if (ctx->left_out_why == NULL)
    ctx->left_out_why = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = g_hash_table_lookup (ctx->left_out_why, why);
  g_hash_table_insert (ctx->left_out_why, g_strdup (why), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

xmlNodePtr
_docket_ead_convert_kept (DocketEadContext *ctx,
                          xmlNodePtr        node,
                          xmlNsPtr          ns,
                          xmlNsPtr          xlink)
{
  g_autofree char *why = NULL;
  xmlNodePtr converted = _docket_ead_convert (node, _docket_ead_is_ead3 (ctx), ns, xlink, &why);

  if (converted == NULL)
    {
      g_debug ("kept element <%s> has no faithful form in the output format (%s); left out",
               (const char *) node->name, why);
      _docket_ead_left_out_other (ctx, why);
      return NULL;
    }
  xmlReplaceNode (node, converted);
  xmlFreeNode (node);
  converted->_private = DOCKET_EAD_CONVERTED;
  ctx->n_converted++;
  return converted;
}

static const char *
most_often (GHashTable *why)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, why);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count ||
        (GPOINTER_TO_UINT (value) == best_count && g_strcmp0 (key, best) < 0))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }
  return best;
}

void
_docket_ead_report_other (DocketEadContext *ctx)
{
  const char *source = _docket_ead_format_name (_docket_ead_is_ead3 (ctx) ? DOCKET_EAD_FORMAT_EAD2002
                                                                          : DOCKET_EAD_FORMAT_EAD3);
  const char *target = _docket_ead_format_name (ctx->format);

  if (ctx->n_other_format > 0)
    _docket_ead_warn (ctx,
                      /* Translators: counts, EAD versions, and what stood in the way,
                       * e.g. "<extent> in <physdesc>" */
                      g_dngettext (GETTEXT_PACKAGE,
                                   "left out %u element kept from an import in %s: %s has no faithful "
                                   "form for it (most often %s); %u converted; export as %s to keep it",
                                   "left out %u elements kept from an import in %s: %s has no faithful "
                                   "form for them (most often %s); %u converted; export as %s to keep them",
                                   ctx->n_other_format),
                      ctx->n_other_format, source, target,
                      most_often (ctx->left_out_why), ctx->n_converted, source);
  else if (ctx->n_converted > 0)
    _docket_ead_warn (ctx,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "converted %u element kept from an import in %s to %s",
                                   "converted %u elements kept from an import in %s to %s",
                                   ctx->n_converted),
                      ctx->n_converted, source, target);
}
