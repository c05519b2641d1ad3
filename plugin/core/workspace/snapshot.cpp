// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/snapshot.h"
#include "workspace/importsource.h"
#include "workspace/gpkg/gpkgstore.h"
#include "atomicoutput.h"
#include "error.h"

#include <QFileInfo>

namespace limes
{
  namespace
  {
    //! Rows copied in id order keep their order: those from before signatures come first.
    template<typename Item> long long legacyCount( const QList<Item> &items, long long bound )
    {
      return std::count_if( items.cbegin(), items.cend(), [bound]( const Item &item ) { return item.id <= bound; } );
    }
  }

  void exportSnapshot( const WorkspaceStore &from, const QString &gpkgPath, const QgsCoordinateTransformContext &context )
  {
    const QString where = from.describe();
    // a snapshot never replaces a file: a mistyped name must not overwrite a GeoPackage
    // workspace (or any other file) with a copy of the shared one
    const QString exists = QStringLiteral( "already exists: an export never replaces a file (a workspace or an earlier snapshot); give a new file name" );
    if ( QFileInfo::exists( gpkgPath ) || QFileInfo( gpkgPath ).isSymLink() )
      throw Error( exists, gpkgPath );
    AtomicOutput out( gpkgPath );
    GpkgStore::create( out.temporaryPath(), from.parties(), from.segments() );
    {
      const auto store = GpkgStore::open( out.temporaryPath(), context );
      WorkspaceStore &to = *store;
      // rows as they are, with the entries that recorded them: the snapshot is the same
      // workspace, and verifies as the original does
      to.transaction( [&] {
        const QMap<QString, long long> bounds = from.legacyIds();
        const QList<LineVersion> versions = from.versions();
        QMap<QString, long long> legacy;
        for ( LineVersion v : versions )
        {
          const long long source = v.id;
          v.rowVersion = 0;
          const long long id = to.insertVersion( v );
          for ( const VersionLine &line : from.versionLines( source ) )
            to.insertVersionLine( id, line );
        }
        legacy.insert( QStringLiteral( "line_versions" ), legacyCount( versions, bounds.value( QStringLiteral( "line_versions" ) ) ) );
        const QList<Pillar> pillars = from.pillarRows(); // as imported; surveys travel in the ledger
        for ( const Pillar &p : pillars )
          to.insertPillar( p );
        legacy.insert( QStringLiteral( "pillars" ), legacyCount( pillars, bounds.value( QStringLiteral( "pillars" ) ) ) );
        for ( const ledger::Row &row : from.ledgerRows() )
          to.insertLedgerRow( row );
        const QList<AcceptedFinding> findings = from.acceptedFindings();
        for ( const AcceptedFinding &f : findings )
          to.insertFinding( f );
        legacy.insert( QStringLiteral( "validation_exceptions" ), legacyCount( findings, bounds.value( QStringLiteral( "validation_exceptions" ) ) ) );
        const QList<StoredChange> changes = from.storedChanges();
        for ( const StoredChange &c : changes )
          to.insertChange( c );
        legacy.insert( QStringLiteral( "change_results" ), legacyCount( changes, bounds.value( QStringLiteral( "change_results" ) ) ) );
        to.setLegacyIds( legacy );
      } );
      const VerifyReport check = to.verify();
      if ( !check.clean() )
        throw Error( QStringLiteral( "the ledger does not verify: %1" ).arg( check.problems.first() ), where );
    }
    out.commitNew( exists );
  }
}
