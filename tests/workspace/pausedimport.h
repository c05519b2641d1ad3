// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_TEST_PAUSEDIMPORT_H
#define LIMES_TEST_PAUSEDIMPORT_H

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace limes::test
{
  //! What the CLI prints once LIMES_TEST_PAUSE_IMPORT_AFTER=N features are written (workspace/importsource.h).
  inline QByteArray pauseMarker( int features )
  {
    return QByteArrayLiteral( "limes: test pause: " ) + QByteArray::number( features ) + QByteArrayLiteral( " features written" );
  }

  /**
   * Starts `program arguments` with LIMES_TEST_PAUSE_IMPORT_AFTER=`features` (plus `environment`)
   * and waits until it says it has paused inside its import's transaction: a kill then lands
   * at that known point. Returns what it printed on stderr (containing pauseMarker() unless it
   * failed or ended first).
   */
  inline QByteArray startPausedImport( QProcess &import, const QString &program, const QStringList &arguments, int features,
                                       const QProcessEnvironment &environment = QProcessEnvironment() )
  {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert( environment );
    env.insert( QStringLiteral( "LIMES_TEST_PAUSE_IMPORT_AFTER" ), QString::number( features ) );
    import.setProcessEnvironment( env );
    import.setReadChannel( QProcess::StandardError );
    import.setProgram( program );
    import.setArguments( arguments );
    import.open(); // starts it, as start() would (which the Qt 6 readiness check flags)
    QByteArray said;
    if ( !import.waitForStarted() )
      return said;
    while ( !said.contains( pauseMarker( features ) ) && import.waitForReadyRead( 120000 ) )
      said += import.readAllStandardError();
    return said;
  }
}

#endif
