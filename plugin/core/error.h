// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ERROR_H
#define LIMES_ERROR_H

#include <QString>
#include <stdexcept>

namespace limes
{
  /**
   * Bad input or a failed resource, thrown inside core and caught at exactly one boundary
   * (a CLI command, a Processing algorithm, a GUI action), which shows message() as one line.
   * `where` names the source (file, layer, feature) so the user knows what to fix.
   */
  class Error : public std::runtime_error
  {
    public:
      Error( const QString &what, const QString &where = QString() )
        : std::runtime_error( ( where.isEmpty() ? what : where + QStringLiteral( ": " ) + what ).toStdString() )
        , mWhat( what )
        , mWhere( where )
      {}

      QString message() const { return QString::fromStdString( std::runtime_error::what() ); }
      QString problem() const { return mWhat; }
      QString where() const { return mWhere; }

    private:
      QString mWhat;
      QString mWhere;
  };
}

#endif
