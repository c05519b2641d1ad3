// SPDX-License-Identifier: GPL-2.0-or-later
#include "fingerprint.h"

#include <QCryptographicHash>
#include <QFile>

namespace limes
{
  QString fileSha256( const QString &path, QString *error )
  {
    QFile f( path );
    if ( path.isEmpty() || !f.open( QIODevice::ReadOnly ) )
    {
      if ( error )
        *error = path.isEmpty() ? QStringLiteral( "no file" ) : f.errorString();
      return QString();
    }
    QCryptographicHash hash( QCryptographicHash::Sha256 );
    hash.addData( &f );
    return QString::fromLatin1( hash.result().toHex() );
  }
}
