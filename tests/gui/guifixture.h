// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GUIFIXTURE_H
#define LIMES_GUIFIXTURE_H

// The Fergana sample as a small commission workspace for the desktop's tests: two parties,
// the sample's segments, the DCW line, an agreed version whose lines carry segment codes, both parties' claims for
// S-003, the WDBII draft, the pillars, and three decisions (one superseded, one with an
// attachment, one agreement signed by both parties), each signed with the test keys
// (tests/support/keys.h), which are also written as key files. Written through the
// WorkspaceStore interface only.

#include "support/keys.h"
#include "testutils.h"
#include "workspace/workspacestore.h"

#include <QFile>

#include <qgsfeatureiterator.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace limes::test
{
  inline QList<Segment> sampleSegments()
  {
    QgsVectorLayer layer( sampleData( QStringLiteral( "segments" ) ), QStringLiteral( "segments" ), QStringLiteral( "ogr" ) );
    QList<Segment> list;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while ( it.nextFeature( f ) )
      list << Segment { f.attribute( QStringLiteral( "code" ) ).toString(), f.attribute( QStringLiteral( "seq" ) ).toInt(),
                        f.attribute( QStringLiteral( "chainage_from_m" ) ).toDouble(), f.attribute( QStringLiteral( "chainage_to_m" ) ).toDouble(), QString(), QString() };
    return list;
  }

  //! The sample's segment lines with their code in a field `segment`: a version that names its segments.
  inline std::unique_ptr<QgsVectorLayer> segmentedLine()
  {
    QgsVectorLayer source( sampleData( QStringLiteral( "segments" ) ), QStringLiteral( "segments" ), QStringLiteral( "ogr" ) );
    auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string" ), QStringLiteral( "dcw_by_segment" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    QgsFeature f;
    QgsFeatureIterator it = source.getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "seq" ) ) );
    while ( it.nextFeature( f ) )
    {
      QgsFeature g( layer->fields() );
      g.setAttribute( 0, f.attribute( QStringLiteral( "code" ) ) );
      g.setGeometry( f.geometry() );
      features << g;
    }
    layer->dataProvider()->addFeatures( features );
    return layer;
  }

  struct SampleWorkspace
  {
    QString path;
    QString attachment;
    long long disputed = -1;   //!< S-003, protocol 17, superseded by `referred`
    long long agreed = -1;     //!< S-001, signed by TJ and countersigned by KG
    long long referred = -1;   //!< S-003, protocol 21
    QString tjKeyFile, kgKeyFile, secretariatKeyFile; //!< passphrase(): the keys above
  };

  //! Builds the sample workspace at `dir`/NAME.gpkg (replacing one left from an earlier run).
  inline SampleWorkspace makeSampleWorkspace( const QString &dir, const QString &name = QStringLiteral( "fergana-ws" ) )
  {
    SampleWorkspace ws;
    ws.path = dir + QLatin1Char( '/' ) + name + QStringLiteral( ".gpkg" );
    QFile::remove( ws.path );
    const QgsCoordinateTransformContext context;
    auto store = createWorkspace( ws.path, { Party { QStringLiteral( "TJ" ), QStringLiteral( "Tajikistan" ), QString(), QStringLiteral( "#1f78b4" ) },
                                             Party { QStringLiteral( "KG" ), QStringLiteral( "Kyrgyzstan" ), QString(), QStringLiteral( "#e31a1c" ) } },
                                  sampleSegments(), context );
    registerKeys( *store );
    ws.tjKeyFile = dir + QStringLiteral( "/tj.key" );
    ws.kgKeyFile = dir + QStringLiteral( "/kg.key" );
    ws.secretariatKeyFile = dir + QStringLiteral( "/secretariat.key" );
    for ( const QString &file : { ws.tjKeyFile, ws.kgKeyFile, ws.secretariatKeyFile } )
      QFile::remove( file );
    tjKey().save( ws.tjKeyFile, passphrase() );
    kgKey().save( ws.kgKeyFile, passphrase() );
    secretariatKey().save( ws.secretariatKeyFile, passphrase() );
    const crypto::SigningKey secretariat = secretariatKey();
    auto version = []( const QString &n, const QString &kind ) {
      LineVersion v;
      v.name = n;
      v.kind = kind;
      v.leftParty = QStringLiteral( "KG" );
      v.rightParty = QStringLiteral( "TJ" );
      v.author = QStringLiteral( "test" );
      v.date = QDate( 2024, 5, 1 );
      return v;
    };
    QgsVectorLayer dcw( sampleData( QStringLiteral( "boundary_dcw" ) ), QStringLiteral( "boundary_dcw" ), QStringLiteral( "ogr" ) );
    store->importVersion( version( QStringLiteral( "DCW" ), QStringLiteral( "historical" ) ), &dcw, QStringLiteral( "boundary_dcw" ), secretariat );
    const auto segmented = segmentedLine();
    store->importVersion( version( QStringLiteral( "DCW by segment" ), QStringLiteral( "agreed" ) ), segmented.get(), QStringLiteral( "dcw_by_segment" ), secretariat );
    QgsVectorLayer wdbii( sampleData( QStringLiteral( "boundary_wdbii" ) ), QStringLiteral( "boundary_wdbii" ), QStringLiteral( "ogr" ) );
    store->importVersion( version( QStringLiteral( "WDBII" ), QStringLiteral( "draft" ) ), &wdbii, QStringLiteral( "boundary_wdbii" ), secretariat );
    for ( const QString &party : { QStringLiteral( "TJ" ), QStringLiteral( "KG" ) } )
    {
      QgsVectorLayer claim( sampleData( QStringLiteral( "synthetic_claims" ) ) + QStringLiteral( "|subset=segment = 'S-003' AND party = '%1'" ).arg( party ),
                            QStringLiteral( "claims" ), QStringLiteral( "ogr" ) );
      store->importVersion( version( party + QStringLiteral( " claim S-003" ), QStringLiteral( "claim" ) ), &claim, QStringLiteral( "synthetic_claims" ),
                            party == QLatin1String( "TJ" ) ? tjKey() : kgKey() );
    }
    QgsVectorLayer pillars( sampleData( QStringLiteral( "pillars" ) ), QStringLiteral( "pillars" ), QStringLiteral( "ogr" ) );
    store->importPillars( &pillars, QStringLiteral( "pillars" ), PillarFields(), QStringLiteral( "test" ), secretariat );

    ws.attachment = dir + QStringLiteral( "/protocol-21.txt" );
    QFile file( ws.attachment );
    file.open( QIODevice::WriteOnly | QIODevice::Truncate );
    file.write( "Protocol 21, Batken: S-003 referred to the working group.\n" );
    file.close();
    LedgerEntryInput disputed;
    disputed.segment = QStringLiteral( "S-003" );
    disputed.protocol = QStringLiteral( "17" );
    disputed.meetingDate = QDate( 2024, 5, 14 );
    disputed.place = QStringLiteral( "Isfara" );
    disputed.decision = QStringLiteral( "disputed" );
    disputed.positions = { { QStringLiteral( "TJ" ), QStringLiteral( "the line of the TJ claim" ) }, { QStringLiteral( "KG" ), QStringLiteral( "the line of the KG claim" ) } };
    disputed.author = QStringLiteral( "test" );
    ws.disputed = store->addLedgerEntry( disputed, secretariat ).id;
    LedgerEntryInput agreed = disputed;
    agreed.segment = QStringLiteral( "S-001" );
    agreed.decision = QStringLiteral( "agreed" );
    agreed.agreedVersion = QStringLiteral( "DCW by segment" );
    agreed.positions.clear();
    agreed.signatories = { { QStringLiteral( "TJ" ), { QStringLiteral( "N. Rahimov" ) } }, { QStringLiteral( "KG" ), { QStringLiteral( "A. Toktogulov" ) } } };
    ws.agreed = store->addLedgerEntry( agreed, tjKey() ).id;
    store->countersign( ws.agreed, QStringLiteral( "test" ), kgKey() );
    LedgerEntryInput referred = disputed;
    referred.protocol = QStringLiteral( "21" );
    referred.meetingDate = QDate( 2025, 2, 3 );
    referred.place = QStringLiteral( "Batken" );
    referred.decision = QStringLiteral( "referred" );
    referred.positions.clear();
    referred.attachments = QStringList { ws.attachment };
    referred.supersedes = ws.disputed;
    ws.referred = store->addLedgerEntry( referred, secretariat ).id;
    return ws;
  }
}

#endif
