// SPDX-License-Identifier: GPL-2.0-or-later
#include "atomicoutput.h"
#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdio.h> // renameat2

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace limes
{
  namespace
  {
    const char *const JOURNALS[] = { "-journal", "-wal", "-shm" };

    QString systemError( int error )
    {
      return QString::fromLocal8Bit( std::strerror( error ) );
    }

    QByteArray native( const QString &path )
    {
      return QFile::encodeName( path );
    }

    //! A file, or a directory, flushed to disk; false (errno set) when it cannot be.
    bool flushToDisk( const QString &path, bool directory )
    {
      const int fd = ::open( native( path ).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY );
      if ( fd < 0 )
        return false;
      const bool ok = ::fsync( fd ) == 0;
      const int error = errno;
      ::close( fd );
      errno = error;
      return ok;
    }

    void removeWithJournals( const QString &path )
    {
      QFile::remove( path );
      for ( const char *journal : JOURNALS )
        QFile::remove( path + QLatin1String( journal ) );
    }

    //! ".NAME.", what follows the name in every temporary of the target, and its suffix.
    std::pair<QString, QString> nameParts( const QFileInfo &target )
    {
      return { QStringLiteral( ".%1." ).arg( target.completeBaseName() ), target.suffix().isEmpty() ? QString() : QStringLiteral( "." ) + target.suffix() };
    }

    /**
     * What a killed run left beside the target: temporaries and kept old files of Limes'
     * naming pattern whose process is gone. A live process's files are its own business.
     */
    void removeStaleTemporaries( const QFileInfo &target )
    {
      const auto [prefix, suffix] = nameParts( target );
      const QRegularExpression pattern( QStringLiteral( "^%1(\\d+)-[0-9a-f]{8}\\.(tmp|old)%2(-journal|-wal|-shm)?$" )
                                        .arg( QRegularExpression::escape( prefix ), QRegularExpression::escape( suffix ) ) );
      const QDir dir = target.absoluteDir();
      for ( const QString &name : dir.entryList( { prefix + QLatin1Char( '*' ) }, QDir::Files | QDir::Hidden | QDir::System ) )
      {
        const QRegularExpressionMatch m = pattern.match( name );
        if ( !m.hasMatch() )
          continue;
        const pid_t pid = static_cast<pid_t>( m.captured( 1 ).toLongLong() );
        if ( pid == ::getpid() || ::kill( pid, 0 ) == 0 || errno != ESRCH )
          continue;
        QFile::remove( dir.filePath( name ) );
      }
    }
  }

  AtomicOutputs::~AtomicOutputs()
  {
    for ( const File &f : mFiles )
    {
      if ( !mCommitted )
        removeWithJournals( f.temporary );
      if ( f.kept )
        QFile::remove( f.oldName );
    }
  }

  QString AtomicOutputs::add( const QString &target )
  {
    const QFileInfo info( target );
    if ( !info.absoluteDir().exists() )
      throw Error( QStringLiteral( "directory does not exist" ), info.absolutePath() );
    if ( info.isDir() )
      throw Error( QStringLiteral( "is a directory" ), target );
    removeStaleTemporaries( info );
    const auto [prefix, suffix] = nameParts( info );
    const QString id = QStringLiteral( "%1-%2" ).arg( ::getpid() ).arg( QRandomGenerator::global()->generate(), 8, 16, QLatin1Char( '0' ) );
    File f;
    f.target = target;
    f.temporary = info.absoluteDir().filePath( prefix + id + QStringLiteral( ".tmp" ) + suffix );
    f.oldName = info.absoluteDir().filePath( prefix + id + QStringLiteral( ".old" ) + suffix );
    mFiles.push_back( f );
    return f.temporary;
  }

  const AtomicOutputs::File &AtomicOutputs::file( const QString &target ) const
  {
    for ( const File &f : mFiles )
      if ( f.target == target )
        return f;
    throw Error( QStringLiteral( "not an output of this run" ), target );
  }

  QString AtomicOutputs::temporaryPath( const QString &target ) const
  {
    return file( target ).temporary;
  }

  void AtomicOutputs::write( const QString &target, const QByteArray &content )
  {
    QFile f( file( target ).temporary );
    if ( !f.open( QIODevice::WriteOnly ) || f.write( content ) != content.size() || !f.flush() )
      throw Error( QStringLiteral( "cannot write: %1" ).arg( f.errorString() ), target );
  }

  void AtomicOutputs::produce( const QString &target, const std::function<void( const QString & )> &write )
  {
    try
    {
      write( file( target ).temporary );
    }
    catch ( const Error &e )
    {
      throw Error( e.problem(), target );
    }
  }

  void AtomicOutputs::commit()
  {
    if ( mFiles.empty() )
      return;
    for ( const File &f : mFiles )
      if ( !flushToDisk( f.temporary, false ) )
        throw Error( QStringLiteral( "cannot write: %1" ).arg( systemError( errno ) ), f.target );
    // the old targets kept aside, so that a failed rename can put them back
    for ( File &f : mFiles )
    {
      struct stat st;
      if ( ::lstat( native( f.target ).constData(), &st ) != 0 )
        continue;
      // a hard link costs nothing; a file system without them gets a copy
      if ( ::link( native( f.target ).constData(), native( f.oldName ).constData() ) != 0 && !QFile::copy( f.target, f.oldName ) )
        throw Error( QStringLiteral( "cannot keep the old file aside while replacing it: %1" ).arg( systemError( errno ) ), f.target );
      f.kept = true;
    }
    // The last target is the manifest (the summary that describes the others): its old file
    // goes first and the new one comes last, so a run killed between two renames leaves the
    // new outputs without a summary, never with the summary of another run.
    File &manifest = mFiles.back();
    if ( mFiles.size() > 1 && manifest.kept && ::unlink( native( manifest.target ).constData() ) != 0 )
    {
      const int error = errno;
      rollBack( 0 );
      throw Error( QStringLiteral( "cannot write: %1; no output was replaced" ).arg( systemError( error ) ), manifest.target );
    }
    for ( size_t i = 0; i < mFiles.size(); ++i )
    {
      // rename(2) replaces each target atomically on POSIX file systems
      if ( std::rename( native( mFiles[i].temporary ).constData(), native( mFiles[i].target ).constData() ) != 0 )
      {
        const int error = errno;
        rollBack( i );
        throw Error( QStringLiteral( "cannot write: %1; no output was replaced" ).arg( systemError( error ) ), mFiles[i].target );
      }
    }
    for ( const File &f : mFiles )
      flushToDisk( QFileInfo( f.target ).absolutePath(), true ); // the renames themselves, best effort
    mCommitted = true;
  }

  void AtomicOutputs::rollBack( size_t count )
  {
    for ( size_t i = 0; i < count; ++i )
    {
      File &f = mFiles[i];
      if ( !f.kept )
        QFile::remove( f.target );
      else
        std::rename( native( f.oldName ).constData(), native( f.target ).constData() );
      // put back or, should even that fail, left beside the target: this run never removes it
      f.kept = false;
    }
    if ( mFiles.empty() )
      return;
    // the manifest's old file was taken away before the first rename: back it goes
    File &manifest = mFiles.back();
    if ( count < mFiles.size() && manifest.kept )
    {
      std::rename( native( manifest.oldName ).constData(), native( manifest.target ).constData() );
      manifest.kept = false;
    }
  }

  void AtomicOutputs::restore()
  {
    if ( mCommitted )
      rollBack( mFiles.size() );
  }

  void AtomicOutput::commitNew( const QString &existsMessage )
  {
    if ( !flushToDisk( mTemporary, false ) )
      throw Error( QStringLiteral( "cannot write: %1" ).arg( systemError( errno ) ), mTarget );
    const QByteArray from = native( mTemporary ), to = native( mTarget );
    // renameat2(RENAME_NOREPLACE), or link() and unlink() where the file system lacks it
    bool placed = ::renameat2( AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE ) == 0;
    if ( !placed && ( errno == EINVAL || errno == ENOSYS ) && ::link( from.constData(), to.constData() ) == 0 )
    {
      ::unlink( from.constData() );
      placed = true;
    }
    if ( !placed )
    {
      if ( errno == EEXIST )
        throw Error( existsMessage, mTarget );
      throw Error( QStringLiteral( "cannot write: %1" ).arg( systemError( errno ) ), mTarget );
    }
    flushToDisk( QFileInfo( mTarget ).absolutePath(), true ); // the rename itself, best effort
  }

  AtomicOutput::AtomicOutput( const QString &target )
    : mTarget( target )
    , mTemporary( mOutputs.add( target ) )
  {}
}
