// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_HEADLESSPROFILE_H
#define LIMES_HEADLESSPROFILE_H

#include <QString>

namespace limes
{
  /**
   * The folder of the headless CLI's own QGIS profile, found as QgsApplication::init finds
   * one (QGIS_CUSTOM_CONFIG_PATH or the application's data location, then its default
   * profile), with a symbol style that holds no symbols. QGIS 3.22's init parses every symbol
   * of the profile's style, an eighth of a small comparison; the CLI draws only with symbols
   * it builds itself. A style an earlier CLI filled is replaced; the user's QGIS profile is
   * another folder and is never touched.
   */
  QString headlessProfileFolder();

  /**
   * Makes `path` an empty QGIS symbol style unless it already is one made here. The file is
   * written aside and renamed into place, so that CLI runs starting together never see half
   * of one. Failing to write (a read-only profile) is not an error: QGIS then loads
   * whatever style is there.
   */
  void ensureEmptyStyle( const QString &path );
}

#endif
