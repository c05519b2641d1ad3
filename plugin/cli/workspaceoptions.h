// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACEOPTIONS_H
#define LIMES_WORKSPACEOPTIONS_H

// What the workspace, ledger, change and validate commands share to read their options and
// reach a workspace: always through WorkspaceStore, never a storage of its own.

#include "crypto/signing.h"
#include "workspace/workspacestore.h"

#include <QCommandLineParser>

#include <memory>

namespace limes::cli
{
  //! --author, else $LIMES_AUTHOR, else the login name: every write says who made it.
  QString author( const QCommandLineParser &parser );
  //! The option's trimmed value; limes::Error when it is missing or empty.
  QString required( const QCommandLineParser &parser, const char *option );
  //! PARTY=TEXT pairs, as --position, --signatory and --party take them.
  QMap<QString, QStringList> pairs( const QStringList &values, const char *option );
  /**
   * Segments from a line layer, in feature order: the code, and where the layer has them
   * `seq`, `chainage_from_m`, `chainage_to_m`, `from_point` and `to_point`.
   */
  QList<Segment> segmentsFrom( const QString &spec, const QString &field );

  //! The transform context of the command line: no project; what the settings say, as for `limes change`.
  QgsCoordinateTransformContext transformContext();
  //! TARGET, a GeoPackage or a PostgreSQL connection.
  std::unique_ptr<WorkspaceStore> openStore( const QString &target );

  //! The options of every write that records a ledger entry: --key FILE, --passphrase-file FILE.
  QList<QCommandLineOption> signingOptions();
  /**
   * A key file's passphrase: the first line of --passphrase-file, else $LIMES_KEY_PASSPHRASE,
   * else asked on the terminal without echo (twice when `confirm`); limes::Error when there
   * is none of these.
   */
  QByteArray passphrase( const QCommandLineParser &parser, const QString &prompt, bool confirm = false );
  /**
   * The signing key of --key FILE (`option`), else $LIMES_KEY, opened with passphrase();
   * without one, a limes::Error saying in one line how to make and register one.
   */
  crypto::SigningKey signingKey( const QCommandLineParser &parser, const char *option = "key" );
}

#endif
