// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VERSIONINFO_H
#define LIMES_VERSIONINFO_H

#include <QString>

namespace limes
{
  /**
   * Versions of the libraries that produce our numbers. Both delegations must be able to
   * tell whether they ran the same code, so every output's provenance carries these.
   */
  struct VersionInfo
  {
    QString limes;
    QString qgis;
    QString geos;
    QString proj;

    //! Runtime versions of the loaded libraries (not the headers we compiled against).
    static VersionInfo current();

    //! "Limes 0.1.0 / QGIS 3.22.16 / GEOS 3.11.1 / PROJ 9.1.1", one item per line.
    QString toText() const;
  };
}

#endif
