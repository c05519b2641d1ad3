// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/workspacestore.h"
#include "workspace/checks.h"
#include "workspace/importsource.h"
#include "workspace/ledger.h"
#include "workspace/snapshot.h"
#include "workspace/styles.h"
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/postgis/pgstore.h"
#include "error.h"

#include <QDateTime>
#include <QThread>

#include <csignal>
#include <cstdio>

namespace limes
{
  WorkspaceStore::WorkspaceStore( const QgsCoordinateTransformContext &context )
    : mContext( context )
  {}

  WorkspaceStore::~WorkspaceStore() = default;

  QStringList WorkspaceStore::partyCodes() const
  {
    QStringList codes;
    for ( const Party &p : parties() )
      codes << p.code;
    return codes;
  }

  void WorkspaceStore::addParty( const Party &party )
  {
    checks::checkParty( party, partyCodes(), describe() );
    transaction( [&] { insertParty( party ); } );
  }

  QString WorkspaceStore::partyRole( const QString & ) const
  {
    return QString();
  }

  QStringList WorkspaceStore::segmentCodes() const
  {
    QStringList codes;
    for ( const Segment &s : segments() )
      codes << s.code;
    return codes;
  }

  void WorkspaceStore::addSegments( const QList<Segment> &list )
  {
    checks::checkSegments( list, segmentCodes(), describe() );
    transaction( [&] {
      for ( const Segment &s : list )
        insertSegment( s );
    } );
  }

  QMap<QString, QString> WorkspaceStore::segmentStatus() const
  {
    return ledger::statusOf( segmentCodes(), ledger() );
  }

  LineVersion WorkspaceStore::version( const QString &name ) const
  {
    QStringList names;
    for ( const LineVersion &v : versions() )
    {
      if ( v.name == name )
        return v;
      names << v.name;
    }
    throw Error( QStringLiteral( "no version named '%1' (versions: %2)" ).arg( name, names.isEmpty() ? QStringLiteral( "none" ) : names.join( QLatin1String( ", " ) ) ), describe() );
  }

  LineVersion WorkspaceStore::importVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName )
  {
    checks::checkVersion( v, source, sourceName, partyCodes(), mContext, describe() );
    LineVersion stored = v;
    transaction( [&] {
      checks::checkNewVersionName( v.name, versions(), describe() );
      stored.id = insertVersion( v );
      stored.parts = readVersionLines( source, sourceName, mContext, [&]( const VersionLine &line ) { insertVersionLine( stored.id, line ); } );
    } );
    return stored;
  }

  int WorkspaceStore::setVersionNotes( const QString &, const QString &, int )
  {
    throw Error( QStringLiteral( "this workspace keeps no row versions: set-notes works on a shared PostgreSQL workspace" ), describe() );
  }

  long long WorkspaceStore::importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QString &author )
  {
    checks::checkPillarLayer( source, sourceName, fields.number, mContext );
    const QStringList known = segmentCodes();
    long long imported = 0;
    transaction( [&] {
      QSet<QString> numbers;
      for ( const Pillar &p : pillars() )
        numbers.insert( p.number );
      imported = readPillars( source, sourceName, fields, known, numbers, author, mContext, [&]( const Pillar &p ) { insertPillar( p ); } );
    } );
    return imported;
  }

  LedgerEntry WorkspaceStore::addLedgerEntry( const LedgerEntryInput &input )
  {
    LedgerEntry e = ledger::prepare( input, segmentCodes(), partyCodes(), describe() );
    transaction( [&] {
      const LedgerHead head = ledgerHead( true );
      ledger::checkSupersedes( input, input.supersedes >= 0 ? ledgerSegmentOf( input.supersedes ) : QString(), describe() );
      ledger::seal( e, head.nextId, head.hash );
      insertLedgerEntry( e );
    } );
    return e;
  }

  void WorkspaceStore::appendSealedEntry( const LedgerEntry &entry )
  {
    transaction( [&] { insertLedgerEntry( entry ); } );
  }

  VerifyReport WorkspaceStore::verify() const
  {
    // a damaged file can hold an intact-looking ledger beside garbage: said first, and the
    // chain checked as far as it can still be read
    const QStringList damage = storageProblems();
    // a writer appending between reading the head and the entries would look like tampering
    VerifyReport report;
    try
    {
      readSnapshot( [&] {
        const LedgerHead head = ledgerHead( false );
        report = ledger::verifyChain( ledger(), head.entries, head.hash );
      } );
    }
    catch ( const Error & )
    {
      if ( damage.isEmpty() )
        throw;
    }
    report.problems = damage + report.problems;
    return report;
  }

  QStringList WorkspaceStore::storageProblems() const
  {
    return QStringList();
  }

  void WorkspaceStore::acceptFinding( const AcceptedFinding &finding, const QStringList &knownRules )
  {
    checks::checkAcceptedFinding( finding, knownRules, describe() );
    transaction( [&] { insertFinding( finding ); } );
  }

  StoredChange WorkspaceStore::storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author )
  {
    const StoredChange change{ -1, version( oldVersion ).name, version( newVersion ).name, QString(), author, summaryJson };
    StoredChange stored;
    transaction( [&] { stored = insertChange( change ); } );
    return stored;
  }

  QString WorkspaceStore::layerStyle( const QString &table ) const
  {
    return defaultLayerStyle( table );
  }

  void WorkspaceStore::exportTo( const QString &gpkgPath ) const
  {
    exportSnapshot( *this, gpkgPath, mContext );
  }

  WorkspaceInfo WorkspaceStore::info() const
  {
    WorkspaceInfo info;
    readSnapshot( [&] {
      info.title = title();
      info.parties = parties();
      info.segments = segmentCodes();
      const QList<LedgerEntry> entries = ledger();
      info.status = ledger::statusOf( info.segments, entries );
      info.versions = versions();
      info.pillars = pillarCount();
      info.changes = storedChanges();
      info.ledgerEntries = entries.size();
      info.acceptedFindings = acceptedFindings().size();
    } );
    return info;
  }

  bool isWorkspaceConnection( const QString &target )
  {
    return PgStore::isConnection( target );
  }

  std::unique_ptr<WorkspaceStore> openWorkspace( const QString &target, const QgsCoordinateTransformContext &context )
  {
    if ( isWorkspaceConnection( target ) )
      return PgStore::open( target, context );
    return GpkgStore::open( target, context );
  }

  std::unique_ptr<WorkspaceStore> createWorkspace( const QString &target, const QList<Party> &parties, const QList<Segment> &segments,
      const QgsCoordinateTransformContext &context )
  {
    // the same checks as adding them later, before anything exists
    const bool connection = isWorkspaceConnection( target );
    const QString where = connection ? PgStore::describeConnection( target ) : target; // never a password
    QStringList codes;
    for ( const Party &p : parties )
    {
      checks::checkParty( p, codes, where );
      codes << p.code;
    }
    checks::checkSegments( segments, {}, where );
    if ( connection )
    {
      PgStore::create( target, parties, segments );
      return PgStore::open( target, context );
    }
    GpkgStore::create( target, parties, segments );
    return GpkgStore::open( target, context );
  }

  namespace
  {
    volatile std::sig_atomic_t sResumeInit = 0;
  }

  void pauseInitForTest()
  {
    if ( qEnvironmentVariable( "LIMES_TEST_PAUSE_INIT" ) != QLatin1String( "1" ) )
      return;
    std::signal( SIGUSR1, []( int ) { sResumeInit = 1; } );
    std::fprintf( stderr, "limes: test pause: workspace written, not yet in place\n" );
    std::fflush( stderr );
    for ( int i = 0; i < 3000 && !sResumeInit; ++i ) // the test kills or resumes us long before
      QThread::msleep( 100 );
  }
}
