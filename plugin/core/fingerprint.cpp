// SPDX-License-Identifier: GPL-2.0-or-later
#include "fingerprint.h"

#include <QFile>

#include <openssl/evp.h>

#include <memory>

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
    // OpenSSL's SHA-256 (SHA extensions where the CPU has them) runs ~10x faster than
    // QCryptographicHash's portable one: a 1M-vertex input is hashed while it is read
    const std::unique_ptr<EVP_MD_CTX, decltype( &EVP_MD_CTX_free )> ctx( EVP_MD_CTX_new(), &EVP_MD_CTX_free );
    if ( !ctx || !EVP_DigestInit_ex( ctx.get(), EVP_sha256(), nullptr ) )
    {
      if ( error )
        *error = QStringLiteral( "SHA-256 is not available" );
      return QString();
    }
    QByteArray chunk( 1 << 20, Qt::Uninitialized );
    for ( ;; )
    {
      const qint64 n = f.read( chunk.data(), chunk.size() );
      if ( n < 0 )
      {
        if ( error )
          *error = f.errorString();
        return QString();
      }
      if ( n == 0 )
        break;
      EVP_DigestUpdate( ctx.get(), chunk.constData(), static_cast<size_t>( n ) );
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex( ctx.get(), digest, &length );
    return QString::fromLatin1( QByteArray( reinterpret_cast<const char *>( digest ), static_cast<int>( length ) ).toHex() );
  }
}
