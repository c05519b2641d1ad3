// SPDX-License-Identifier: GPL-2.0-or-later
#include "atomicoutput.h"
#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace limes
{
  AtomicOutput::AtomicOutput( const QString &target )
    : mTarget( target )
  {
    const QFileInfo info( target );
    if ( !info.absoluteDir().exists() )
      throw Error( QStringLiteral( "directory does not exist" ), info.absolutePath() );
    if ( info.isDir() )
      throw Error( QStringLiteral( "is a directory" ), target );
    const QString suffix = info.suffix().isEmpty() ? QString() : QStringLiteral( "." ) + info.suffix();
    mTemporary = info.absoluteDir().filePath( QStringLiteral( ".%1.%2.tmp%3" ).arg( info.completeBaseName(), QUuid::createUuid().toString( QUuid::Id128 ).left( 12 ), suffix ) );
  }

  AtomicOutput::~AtomicOutput()
  {
    if ( !mCommitted )
    {
      QFile::remove( mTemporary );
      // GDAL's SQLite journal files, should a write have been interrupted
      QFile::remove( mTemporary + QStringLiteral( "-journal" ) );
      QFile::remove( mTemporary + QStringLiteral( "-wal" ) );
      QFile::remove( mTemporary + QStringLiteral( "-shm" ) );
    }
  }

  void AtomicOutput::write( const QByteArray &content )
  {
    QFile f( mTemporary );
    if ( !f.open( QIODevice::WriteOnly ) || f.write( content ) != content.size() || !f.flush() )
      throw Error( QStringLiteral( "cannot write: %1" ).arg( f.errorString() ), mTarget );
  }

  void AtomicOutput::commit()
  {
    // rename(2) replaces the target atomically on POSIX file systems.
    if ( std::rename( QFile::encodeName( mTemporary ).constData(), QFile::encodeName( mTarget ).constData() ) != 0 )
      throw Error( QStringLiteral( "cannot write: %1" ).arg( QString::fromLocal8Bit( std::strerror( errno ) ) ), mTarget );
    mCommitted = true;
  }
}
