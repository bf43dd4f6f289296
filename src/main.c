/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ys-application.h"
#include "ys-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(YsApplication) app = NULL;
  YsCliResult cli = { 0 };
  int status;

  const char *localedir;

  setlocale (LC_ALL, "");
  /* build-aux/run and build-aux/screenshots point this at the build tree so
   * that translations can be seen without installing. */
  localedir = g_getenv ("YARDSTICK_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command-line options run headless; only then is GTK involved. */
  status = ys_cli_run (argc, argv, &cli);
  if (!cli.open_window)
    return status;

  app = ys_application_new (cli.database);
  if (cli.service)
    g_application_set_flags (G_APPLICATION (app),
                             g_application_get_flags (G_APPLICATION (app)) |
                             G_APPLICATION_IS_SERVICE);
  ys_cli_result_clear (&cli);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
