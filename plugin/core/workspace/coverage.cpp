// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/coverage.h"
#include "workspace/canonicaljson.h"
#include "workspace/ledger.h"
#include "qgiscompat.h"

#include <QJsonArray>
#include <QSet>

#include <qgsabstractgeometry.h>
#include <qgsgeometry.h>
#include <qgspoint.h>

#include <algorithm>
#include <cmath>

namespace limes::coverage
{
  namespace
  {
    QString number( double v )
    {
      return std::isfinite( v ) ? QString::number( v, 'f', 9 ) : QString( "" );
    }

    using Entries = QMap<long long, const LedgerEntry *>;

    //! The entries of one kind that recorded content, by id.
    Entries entriesOf( const QList<LedgerEntry> &entries, const char *kind )
    {
      Entries map;
      for ( const LedgerEntry &e : entries )
        if ( e.format == 2 && e.kind == QLatin1String( kind ) )
          map.insert( e.id, &e );
      return map;
    }

    //! A row no entry names: recorded before signatures (listed), or added behind Limes' back.
    void uncovered( const Stored &content, const char *table, long long id, const QString &what, long long &legacyCount, VerifyReport &report )
    {
      if ( id <= content.legacyIds.value( QLatin1String( table ), 0 ) )
        ++legacyCount;
      else
        report.problems << QStringLiteral( "%1 is in no ledger entry: added outside Limes" ).arg( what );
    }

    void noteLegacy( long long count, const char *what, VerifyReport &report )
    {
      if ( count > 0 )
        report.notes << QStringLiteral( "%1 %2 recorded before signatures: not covered by the ledger" ).arg( count ).arg( QLatin1String( what ) );
    }

    QString contentSha( const LineVersion &v, const Stored &content )
    {
      return versionPayload( v, content.lines.value( v.id ) ).value( QLatin1String( "content_sha256" ) ).toString();
    }

    void verifyVersion( const LineVersion &v, const LedgerEntry &e, const Stored &content, VerifyReport &report )
    {
      const QJsonObject now = versionPayload( v, content.lines.value( v.id ) );
      const QJsonObject &then = e.payload;
      const QString what = QStringLiteral( "version %1" ).arg( v.name );
      QStringList fields;
      for ( const char *field : { "name", "kind", "left", "right", "date", "edges" } )
        if ( now.value( QLatin1String( field ) ) != then.value( QLatin1String( field ) ) )
          fields << QLatin1String( field );
      if ( !fields.isEmpty() )
        report.problems << QStringLiteral( "%1: %2 changed after it was recorded (entry %3)" ).arg( what, fields.join( QLatin1String( ", " ) ) ).arg( e.id );
      const QJsonArray a = now.value( QLatin1String( "line_sha256" ) ).toArray(), b = then.value( QLatin1String( "line_sha256" ) ).toArray();
      if ( a.size() != b.size() )
        report.problems << QStringLiteral( "%1 has %2 lines; entry %3 recorded %4" ).arg( what ).arg( a.size() ).arg( e.id ).arg( b.size() );
      for ( int i = 0; i < std::min( a.size(), b.size() ); ++i )
        if ( a.at( i ) != b.at( i ) )
          report.problems << QStringLiteral( "%1, line %2, changed after it was recorded (entry %3)" ).arg( what ).arg( i + 1 ).arg( e.id );
      if ( fields.isEmpty() && a == b && now.value( QLatin1String( "content_sha256" ) ) != then.value( QLatin1String( "content_sha256" ) ) )
        report.problems << QStringLiteral( "%1 does not match entry %2's content hash" ).arg( what ).arg( e.id );
    }

    void verifyVersions( const QList<LedgerEntry> &entries, const Stored &content, VerifyReport &report )
    {
      const Entries recorded = entriesOf( entries, "version" );
      QSet<long long> seen;
      long long legacy = 0;
      for ( const LineVersion &v : content.versions )
      {
        const LedgerEntry *e = recorded.value( v.ledgerEntry );
        if ( v.ledgerEntry < 1 )
          uncovered( content, "line_versions", v.id, QStringLiteral( "version %1" ).arg( v.name ), legacy, report );
        else if ( !e || e->payload.value( QLatin1String( "name" ) ).toString() != v.name || seen.contains( e->id ) )
          report.problems << QStringLiteral( "version %1 names entry %2, which does not record it" ).arg( v.name ).arg( v.ledgerEntry );
        else
        {
          seen.insert( e->id );
          verifyVersion( v, *e, content, report );
        }
      }
      for ( const LedgerEntry *e : recorded )
        if ( !seen.contains( e->id ) )
          report.problems << QStringLiteral( "version %1 recorded in entry %2 is missing" ).arg( e->payload.value( QLatin1String( "name" ) ).toString() ).arg( e->id );
      noteLegacy( legacy, "versions", report );
      // an agreement names a version by its content too: a version from before signatures is held by it
      for ( const LedgerEntry &e : entries )
      {
        if ( e.format != 2 || e.kind != QLatin1String( "decision" ) || e.input.agreedVersion.isEmpty() )
          continue;
        auto it = std::find_if( content.versions.cbegin(), content.versions.cend(), [&]( const LineVersion &v ) { return v.name == e.input.agreedVersion; } );
        if ( it == content.versions.cend() )
          report.problems << QStringLiteral( "version %1 agreed in entry %2 is missing" ).arg( e.input.agreedVersion ).arg( e.id );
        else if ( contentSha( *it, content ) != e.agreedVersionSha256 )
          report.problems << QStringLiteral( "version %1 changed after entry %2 agreed it" ).arg( e.input.agreedVersion ).arg( e.id );
      }
    }

    void verifyPillars( const QList<LedgerEntry> &entries, const Stored &content, VerifyReport &report )
    {
      const Entries recorded = entriesOf( entries, "pillars" );
      QSet<QPair<long long, QString>> seen;
      long long legacy = 0;
      for ( const Pillar &p : content.pillars )
      {
        const LedgerEntry *e = recorded.value( p.ledgerEntry );
        const QJsonObject hashes = e ? e->payload.value( QLatin1String( "pillar_sha256" ) ).toObject() : QJsonObject();
        if ( p.ledgerEntry < 1 )
          uncovered( content, "pillars", p.id, QStringLiteral( "pillar %1" ).arg( p.number ), legacy, report );
        else if ( !hashes.contains( p.number ) || seen.contains( { p.ledgerEntry, p.number } ) )
          report.problems << QStringLiteral( "pillar %1 names entry %2, which does not record it" ).arg( p.number ).arg( p.ledgerEntry );
        else
        {
          seen.insert( { p.ledgerEntry, p.number } );
          if ( hashes.value( p.number ).toString() != canonicaljson::sha256( pillarText( p ) ) )
            report.problems << QStringLiteral( "pillar %1 changed after it was recorded (entry %2)" ).arg( p.number ).arg( p.ledgerEntry );
        }
      }
      for ( const LedgerEntry *e : recorded )
        for ( const QString &number : e->payload.value( QLatin1String( "pillar_sha256" ) ).toObject().keys() )
          if ( !seen.contains( { e->id, number } ) )
            report.problems << QStringLiteral( "pillar %1 recorded in entry %2 is missing" ).arg( number ).arg( e->id );
      noteLegacy( legacy, "pillars", report );
    }

    //! Findings and changes: one row per entry, its payload and author as recorded.
    template<typename Item, typename Describe>
    void verifyRows( const QList<LedgerEntry> &entries, const QList<Item> &items, const char *kind, const char *table, const char *plural,
                     const Stored &content, Describe describe, QJsonObject( *payloadOf )( const Item & ), VerifyReport &report )
    {
      const Entries recorded = entriesOf( entries, kind );
      QSet<long long> seen;
      long long legacy = 0;
      for ( const Item &item : items )
      {
        const LedgerEntry *e = recorded.value( item.ledgerEntry );
        if ( item.ledgerEntry < 1 )
          uncovered( content, table, item.id, describe( item ), legacy, report );
        else if ( !e || seen.contains( e->id ) )
          report.problems << QStringLiteral( "%1 names entry %2, which does not record it" ).arg( describe( item ) ).arg( item.ledgerEntry );
        else
        {
          seen.insert( e->id );
          if ( payloadOf( item ) != e->payload || item.author != e->input.author )
            report.problems << QStringLiteral( "%1 changed after it was recorded (entry %2)" ).arg( describe( item ) ).arg( e->id );
        }
      }
      for ( const LedgerEntry *e : recorded )
        if ( !seen.contains( e->id ) )
          report.problems << QStringLiteral( "%1 recorded in entry %2 is missing" ).arg( ledger::label( *e ).section( QLatin1Char( '(' ), 1 ).chopped( 1 ) ).arg( e->id );
      noteLegacy( legacy, plural, report );
    }
  }

  QString wkt( const QByteArray &wkb )
  {
    QgsGeometry g;
    g.fromWkb( wkb );
    const QgsAbstractGeometry *geometry = g.constGet();
    if ( !geometry )
      return QStringLiteral( "EMPTY" );
    const bool z = geometry->is3D();
    const bool line = QgsWkbTypes::flatType( geometry->wkbType() ) == limes::WkbType::LineString;
    QStringList vertices;
    QgsVertexId id;
    QgsPoint p;
    while ( geometry->nextVertex( id, p ) )
      vertices << ( z ? QStringLiteral( "%1 %2 %3" ).arg( number( p.x() ), number( p.y() ), number( p.z() ) ) : QStringLiteral( "%1 %2" ).arg( number( p.x() ), number( p.y() ) ) );
    const QString type = line ? QStringLiteral( "LINESTRING" ) : QStringLiteral( "WKB%1" ).arg( static_cast<int>( geometry->wkbType() ) );
    return QStringLiteral( "%1%2(%3)" ).arg( type, z ? QStringLiteral( " Z" ) : QString(), vertices.join( QLatin1Char( ',' ) ) );
  }

  QByteArray lineText( const VersionLine &line )
  {
    return canonicaljson::serialise( QJsonObject{ { "part", line.part }, { "segment", line.segment }, { "wkt", wkt( line.wkb ) } } );
  }

  QJsonObject versionPayload( const LineVersion &v, const QList<VersionLine> &lines )
  {
    QJsonArray hashes;
    for ( const VersionLine &line : lines )
      hashes << canonicaljson::sha256( lineText( line ) );
    const QString date = v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString( "" );
    QJsonObject content{ { "name", v.name }, { "kind", v.kind }, { "left", v.leftParty }, { "right", v.rightParty }, { "date", date }, { "lines", hashes } };
    // the edges are what the lines mean between their vertices: sealed with them when recorded
    // (versions recorded before schema 6 have none, and their payloads stay as they were)
    if ( !v.edges.isEmpty() )
      content.insert( QStringLiteral( "edges" ), v.edges );
    QJsonObject payload{ { "name", v.name }, { "kind", v.kind }, { "left", v.leftParty }, { "right", v.rightParty }, { "date", date },
      { "line_count", hashes.size() }, { "line_sha256", hashes }, { "content_sha256", canonicaljson::sha256( canonicaljson::serialise( content ) ) } };
    if ( !v.edges.isEmpty() )
      payload.insert( QStringLiteral( "edges" ), v.edges );
    return payload;
  }

  QByteArray pillarText( const Pillar &p )
  {
    return canonicaljson::serialise( QJsonObject{ { "number", p.number }, { "type", p.type }, { "segment", p.segment }, { "lon", number( p.lon ) },
      { "lat", number( p.lat ) }, { "surveyed_lon", number( p.surveyedLon ) }, { "surveyed_lat", number( p.surveyedLat ) },
      { "survey_accuracy_m", number( p.surveyAccuracy ) }, { "survey_date", p.surveyDate }, { "author", p.author } } );
  }

  QJsonObject pillarsPayload( const QList<Pillar> &pillars )
  {
    QJsonObject hashes;
    for ( const Pillar &p : pillars )
      hashes.insert( p.number, canonicaljson::sha256( pillarText( p ) ) );
    return QJsonObject{ { "count", pillars.size() }, { "pillar_sha256", hashes }, { "content_sha256", canonicaljson::sha256( canonicaljson::serialise( hashes ) ) } };
  }

  QJsonObject findingPayload( const AcceptedFinding &x )
  {
    return QJsonObject{ { "rule", x.rule }, { "layer", x.layer }, { "fid", static_cast<qint64>( x.fid ) }, { "reason", x.reason } };
  }

  QJsonObject changePayload( const StoredChange &c )
  {
    return QJsonObject{ { "old", c.oldVersion }, { "new", c.newVersion }, { "summary_sha256", canonicaljson::sha256( c.summaryJson ) } };
  }

  void verify( const QList<LedgerEntry> &entries, const Stored &content, VerifyReport &report )
  {
    verifyVersions( entries, content, report );
    verifyPillars( entries, content, report );
    verifyRows( entries, content.findings, "finding", "validation_exceptions", "accepted findings", content,
    []( const AcceptedFinding & x ) { return QStringLiteral( "accepted finding %1 on %2 feature %3" ).arg( x.rule, x.layer ).arg( x.fid ); }, findingPayload, report );
    verifyRows( entries, content.changes, "change", "change_results", "stored changes", content,
    []( const StoredChange & c ) { return QStringLiteral( "stored change %1 -> %2" ).arg( c.oldVersion, c.newVersion ); }, changePayload, report );
  }
}
