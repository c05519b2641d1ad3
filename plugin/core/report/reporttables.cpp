// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reporttables.h"
#include "report/reporttext.h"
#include "change/summary.h"
#include "workspace/segmentsplit.h"

#include <QJsonArray>
#include <QLocale>

#include <GeographicLib/Geodesic.hpp>

#include <qgscoordinatetransform.h>
#include <qgsellipsoidutils.h>

#include <cmath>

namespace limes::report
{
  namespace
  {
    QString str( const QJsonValue &v, const char *key )
    {
      return v[QLatin1String( key )].toString();
    }

    double num( const QJsonValue &v, const char *key )
    {
      return v[QLatin1String( key )].toDouble();
    }

    //! The words the workspace stores as codes, in the report's language.
    QString word( const QString &code, const ReportText &text )
    {
      static const char *const words[] = {
        QT_TRANSLATE_NOOP( "limes::report", "agreed" ), QT_TRANSLATE_NOOP( "limes::report", "disputed" ),
        QT_TRANSLATE_NOOP( "limes::report", "deferred" ), QT_TRANSLATE_NOOP( "limes::report", "referred" ),
        QT_TRANSLATE_NOOP( "limes::report", "historical" ), QT_TRANSLATE_NOOP( "limes::report", "claim" ),
        QT_TRANSLATE_NOOP( "limes::report", "draft" ), QT_TRANSLATE_NOOP( "limes::report", "ratified" ),
        QT_TRANSLATE_NOOP( "limes::report", "line" ), QT_TRANSLATE_NOOP( "limes::report", "polygon" ),
        QT_TRANSLATE_NOOP( "limes::report", "point" ) };
      for ( const char *w : words )
        if ( code == QLatin1String( w ) )
          return text.phrase( w );
      return code;
    }

    //! "S-003 split into S-003a and S-003b at pillar 19", in the report's language.
    QString splitWords( const SegmentSplit &split, const ReportText &text )
    {
      const QString at = split.pillar.isEmpty() ? text.phrase( QT_TRANSLATE_NOOP( "limes::report", "a vertex" ) )
                         : text.phrase( QT_TRANSLATE_NOOP( "limes::report", "pillar %1" ) ).arg( split.pillar );
      return text.phrase( QT_TRANSLATE_NOOP( "limes::report", "%1 split into %2 and %3 at %4" ) ).arg( split.segment, split.first, split.second, at );
    }

    Table versionsTable( const ReportInput &in, const ReportText &text )
    {
      Table t{ QStringLiteral( "versions" ), { { QT_TRANSLATE_NOOP( "limes::report", "Version" ), "role" }, { QT_TRANSLATE_NOOP( "limes::report", "Name" ), "name" },
        { QT_TRANSLATE_NOOP( "limes::report", "Kind" ), "kind" }, { QT_TRANSLATE_NOOP( "limes::report", "Date" ), "date" },
        { QT_TRANSLATE_NOOP( "limes::report", "Author" ), "author" }, { QT_TRANSLATE_NOOP( "limes::report", "Source" ), "source", -1, 1, false, 80 } }, {} };
      const std::pair<const char *, const ReportVersion *> versions[] = { { QT_TRANSLATE_NOOP( "limes::report", "old" ), &in.oldVersion },
        { QT_TRANSLATE_NOOP( "limes::report", "new" ), &in.newVersion } };
      for ( const auto &[role, v] : versions )
        t.rows << QVariantList{ text.phrase( role ), v->name, word( v->kind, text ), text.date( v->date ), v->author, v->source };
      return t;
    }

    Table partiesTable( const ReportInput &in )
    {
      Table t{ QStringLiteral( "parties" ), { { QT_TRANSLATE_NOOP( "limes::report", "Party" ), "party" }, { QT_TRANSLATE_NOOP( "limes::report", "Name" ), "name" },
        { QT_TRANSLATE_NOOP( "limes::report", "Name (local)" ), "local_name" } }, {} };
      for ( const Party &p : in.parties )
        t.rows << QVariantList{ p.code, p.name, p.localName };
      return t;
    }

    const Column haColumn{ QT_TRANSLATE_NOOP( "limes::report", "Area, ha" ), QStringLiteral( "area_ha" ), 4, 10000 };
    const Column km2Column{ QT_TRANSLATE_NOOP( "limes::report", "Area, km²" ), QStringLiteral( "area_km2" ), 6, 1e6 };

    Table transfersTable( const QJsonObject &s )
    {
      Table t{ QStringLiteral( "transfers" ), { { QT_TRANSLATE_NOOP( "limes::report", "From" ), "from" }, { QT_TRANSLATE_NOOP( "limes::report", "To" ), "to" },
        { QT_TRANSLATE_NOOP( "limes::report", "Parts" ), "parts" }, haColumn, km2Column }, {} };
      for ( const QJsonValue &v : s[QStringLiteral( "transfers" )].toArray() )
        t.rows << QVariantList{ str( v, "from" ), str( v, "to" ), v[QStringLiteral( "parts" )].toInt(), num( v, "area_m2" ), num( v, "area_m2" ) };
      return t;
    }

    Table netTable( const QJsonObject &s )
    {
      Table t{ QStringLiteral( "net" ), { { QT_TRANSLATE_NOOP( "limes::report", "Party" ), "party" },
        { QT_TRANSLATE_NOOP( "limes::report", "Gained, ha" ), "gained_ha", 4, 10000 }, { QT_TRANSLATE_NOOP( "limes::report", "Lost, ha" ), "lost_ha", 4, 10000 },
        { QT_TRANSLATE_NOOP( "limes::report", "Net, ha" ), "net_ha", 4, 10000 }, { QT_TRANSLATE_NOOP( "limes::report", "Net, km²" ), "net_km2", 6, 1e6 } }, {} };
      for ( const QJsonValue &v : s[QStringLiteral( "net" )].toArray() )
        t.rows << QVariantList{ str( v, "party" ), num( v, "gained_m2" ), num( v, "lost_m2" ), num( v, "net_m2" ), num( v, "net_m2" ) };
      return t;
    }

    Table resourcesTable( const QJsonObject &s, const ReportText &text )
    {
      Table t{ QStringLiteral( "resources" ), { { QT_TRANSLATE_NOOP( "limes::report", "Layer" ), "layer" }, { QT_TRANSLATE_NOOP( "limes::report", "Geometry" ), "geometry" },
        { QT_TRANSLATE_NOOP( "limes::report", "From" ), "from" }, { QT_TRANSLATE_NOOP( "limes::report", "To" ), "to" },
        { QT_TRANSLATE_NOOP( "limes::report", "Features" ), "features" }, { QT_TRANSLATE_NOOP( "limes::report", "Length, km" ), "length_km", 3, 1000 }, haColumn }, {} };
      for ( const QJsonValue &v : s[QStringLiteral( "water" )].toArray() )
      {
        const QString g = str( v, "geometry" );
        t.rows << QVariantList{ str( v, "layer" ), word( g, text ), str( v, "from" ), str( v, "to" ), v[QStringLiteral( "count" )].toInt(),
          g == QLatin1String( "line" ) ? QVariant( num( v, "length_m" ) ) : QVariant(), g == QLatin1String( "polygon" ) ? QVariant( num( v, "area_m2" ) ) : QVariant() };
      }
      return t;
    }

    Table crossingsTable( const QJsonObject &s )
    {
      Table t{ QStringLiteral( "crossings" ), { { QT_TRANSLATE_NOOP( "limes::report", "Layer" ), "layer" }, { QT_TRANSLATE_NOOP( "limes::report", "Feature" ), "fid" },
        { QT_TRANSLATE_NOOP( "limes::report", "Crossings, old" ), "old" }, { QT_TRANSLATE_NOOP( "limes::report", "Crossings, new" ), "new" } }, {} };
      for ( const QJsonValue &v : s[QStringLiteral( "crossings" )].toArray() )
        t.rows << QVariantList{ str( v, "layer" ), static_cast<qint64>( num( v, "fid" ) ), v[QStringLiteral( "old" )].toInt(), v[QStringLiteral( "new" )].toInt() };
      return t;
    }

    Table segmentsTable( const QJsonObject &s, const QStringList &changed )
    {
      Table t{ QStringLiteral( "segments" ), { { QT_TRANSLATE_NOOP( "limes::report", "Segment" ), "segment" }, { QT_TRANSLATE_NOOP( "limes::report", "From" ), "from" },
        { QT_TRANSLATE_NOOP( "limes::report", "To" ), "to" }, { QT_TRANSLATE_NOOP( "limes::report", "Parts" ), "parts" }, haColumn, km2Column,
        { QT_TRANSLATE_NOOP( "limes::report", "Resource features" ), "resource_features" } }, {} };
      for ( const QJsonValue &v : s[QStringLiteral( "segments" )].toArray() )
      {
        if ( !changed.contains( str( v, "code" ) ) )
          continue;
        int features = 0;
        const QJsonObject water = v[QStringLiteral( "water_features" )].toObject();
        for ( auto it = water.begin(); it != water.end(); ++it )
          features += it.value().toInt();
        t.rows << QVariantList{ str( v, "code" ), str( v, "from" ), str( v, "to" ), v[QStringLiteral( "parts" )].toInt(), num( v, "area_m2" ), num( v, "area_m2" ), features };
      }
      return t;
    }

    Table segmentResourcesTable( const ChangeResult &r, const QStringList &changed, const ReportText &text )
    {
      Table t{ QStringLiteral( "segment-resources" ), { { QT_TRANSLATE_NOOP( "limes::report", "Segment" ), "segment" }, { QT_TRANSLATE_NOOP( "limes::report", "Layer" ), "layer" },
        { QT_TRANSLATE_NOOP( "limes::report", "Feature" ), "fid" }, { QT_TRANSLATE_NOOP( "limes::report", "Geometry" ), "geometry" },
        { QT_TRANSLATE_NOOP( "limes::report", "From" ), "from" }, { QT_TRANSLATE_NOOP( "limes::report", "To" ), "to" },
        { QT_TRANSLATE_NOOP( "limes::report", "Length, km" ), "length_km", 3, 1000 }, haColumn }, {} };
      for ( const ResourceChange &c : r.resourceChanges )
        if ( changed.contains( c.segment ) )
        {
          const QString g = geometryTypeName( c.type );
          t.rows << QVariantList{ c.segment, c.layer, static_cast<qint64>( c.fid ), word( g, text ), c.from, c.to,
            g == QLatin1String( "line" ) ? QVariant( c.lengthM ) : QVariant(), g == QLatin1String( "polygon" ) ? QVariant( c.areaM2 ) : QVariant() };
        }
      return t;
    }

    Table ledgerTable( const ReportInput &in, const QStringList &changed, const ReportText &text )
    {
      Table t{ QStringLiteral( "ledger" ), { { QT_TRANSLATE_NOOP( "limes::report", "Segment" ), "segment" }, { QT_TRANSLATE_NOOP( "limes::report", "Entry" ), "entry" },
        { QT_TRANSLATE_NOOP( "limes::report", "Protocol" ), "protocol" }, { QT_TRANSLATE_NOOP( "limes::report", "Meeting date" ), "meeting_date" },
        { QT_TRANSLATE_NOOP( "limes::report", "Place" ), "place" }, { QT_TRANSLATE_NOOP( "limes::report", "Decision" ), "decision" },
        { QT_TRANSLATE_NOOP( "limes::report", "Agreed version" ), "agreed_version" }, { QT_TRANSLATE_NOOP( "limes::report", "Signed by" ), "signed_by" } }, {} };
      for ( const QString &code : changed )
        for ( const LedgerEntry &e : in.ledger.value( code ) )
        {
          // a segment's history also holds the split that made or retired it: no protocol, its own words
          const QList<SegmentSplit> split = splits::fromEntries( { e } );
          const QString decision = split.isEmpty() ? word( e.input.decision, text ) : splitWords( split.first(), text );
          t.rows << QVariantList{ code, e.id, e.input.protocol, text.date( e.input.meetingDate ), e.input.place, decision,
            e.input.agreedVersion, e.signerParty };
        }
      return t;
    }

    Table pillarsTable( const ReportInput &in, const QStringList &changed )
    {
      Table t{ QStringLiteral( "pillars" ), { { QT_TRANSLATE_NOOP( "limes::report", "Segment" ), "segment" }, { QT_TRANSLATE_NOOP( "limes::report", "Pillar" ), "pillar" },
        { QT_TRANSLATE_NOOP( "limes::report", "Easting, m" ), "x", 2 }, { QT_TRANSLATE_NOOP( "limes::report", "Northing, m" ), "y", 2 },
        { QT_TRANSLATE_NOOP( "limes::report", "Latitude, °" ), "lat", 7 }, { QT_TRANSLATE_NOOP( "limes::report", "Longitude, °" ), "lon", 7 },
        { QT_TRANSLATE_NOOP( "limes::report", "To next, m" ), "distance_next_m", 2 }, { QT_TRANSLATE_NOOP( "limes::report", "Azimuth to next, °" ), "azimuth_next_deg", 4 } }, {} };
      const ChangeResult &r = *in.result;
      // the pillars are stored in WGS 84; distances and azimuths on the report's ellipsoid
      const QgsEllipsoidUtils::EllipsoidParameters e = QgsEllipsoidUtils::ellipsoidParameters( r.ellipsoid );
      const GeographicLib::Geodesic geodesic( e.semiMajor, e.inverseFlattening > 0 ? 1.0 / e.inverseFlattening : 0.0 );
      const QgsCoordinateTransform toWorking( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), r.workingCrs, in.request->transformContext );
      for ( int i = 0; i < in.pillars.size(); ++i )
      {
        const Pillar &p = in.pillars.at( i );
        if ( !changed.contains( p.segment ) )
          continue;
        QgsPointXY xy;
        try
        {
          xy = toWorking.transform( QgsPointXY( p.lon, p.lat ) );
        }
        catch ( const QgsCsException & )
        {
          xy = QgsPointXY( std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN() );
        }
        QVariant distance, azimuth;
        if ( i + 1 < in.pillars.size() )
        {
          const Pillar &next = in.pillars.at( i + 1 );
          double s12 = 0, azi1 = 0, azi2 = 0;
          geodesic.Inverse( p.lat, p.lon, next.lat, next.lon, s12, azi1, azi2 );
          distance = s12;
          azimuth = azi1 < 0 ? azi1 + 360.0 : azi1;
        }
        t.rows << QVariantList{ p.segment, p.number, xy.x(), xy.y(), p.lat, p.lon, distance, azimuth };
      }
      return t;
    }

    //! The provenance's labels: what a reader sees, in the report's language; the CSV keeps the keys.
    QString provenanceLabel( const QString &key, const ReportText &text )
    {
      static const std::pair<const char *, const char *> labels[] = {
        { "grid_m", QT_TRANSLATE_NOOP( "limes::report", "Snap-rounding grid, m" ) },
        { "min_area_m2", QT_TRANSLATE_NOOP( "limes::report", "Smallest transfer counted, m²" ) },
        { "max_end_gap_m", QT_TRANSLATE_NOOP( "limes::report", "Largest gap between the versions' ends, m" ) },
        { "working_crs", QT_TRANSLATE_NOOP( "limes::report", "Working CRS" ) },
        { "ellipsoid", QT_TRANSLATE_NOOP( "limes::report", "Ellipsoid (areas and lengths)" ) },
        { "edges", QT_TRANSLATE_NOOP( "limes::report", "Edge interpretation" ) },
        { "parties", QT_TRANSLATE_NOOP( "limes::report", "Parties left and right of the line" ) },
        { "party_field", QT_TRANSLATE_NOOP( "limes::report", "Party field of the territories" ) },
        { "workspace", QT_TRANSLATE_NOOP( "limes::report", "Workspace" ) },
        { "ledger_head", QT_TRANSLATE_NOOP( "limes::report", "Ledger head (entries:hash)" ) },
        { "sha256", QT_TRANSLATE_NOOP( "limes::report", "SHA-256" ) },
        { "features_crs", QT_TRANSLATE_NOOP( "limes::report", "Features, CRS" ) },
        { "software_limes", QT_TRANSLATE_NOOP( "limes::report", "Limes version" ) },
        { "software_qgis", QT_TRANSLATE_NOOP( "limes::report", "QGIS version" ) },
        { "software_geos", QT_TRANSLATE_NOOP( "limes::report", "GEOS version" ) },
        { "software_proj", QT_TRANSLATE_NOOP( "limes::report", "PROJ version" ) },
        { "input_old", QT_TRANSLATE_NOOP( "limes::report", "Input: old version" ) },
        { "input_new", QT_TRANSLATE_NOOP( "limes::report", "Input: new version" ) },
        { "input_segments", QT_TRANSLATE_NOOP( "limes::report", "Input: segment lines" ) },
        { "input_resource", QT_TRANSLATE_NOOP( "limes::report", "Input: resource layer" ) },
        { "input_water", QT_TRANSLATE_NOOP( "limes::report", "Input: resource layer" ) } };
      for ( const auto &[k, label] : labels )
        if ( key == QLatin1String( k ) )
          return text.phrase( label );
      return key;
    }

    Table provenanceTable( const ReportInput &in, const QJsonObject &s, const ReportText &text )
    {
      Column key{ "", QStringLiteral( "key" ) };
      key.csvOnly = true;
      Table t{ QStringLiteral( "provenance" ), { key, { QT_TRANSLATE_NOOP( "limes::report", "Item" ), "item" }, { QT_TRANSLATE_NOOP( "limes::report", "Value" ), "value", -1, 1, false, 130 } }, {} };
      auto add = [&]( const QString &k, const QString &value, const QString &label = QString() ) {
        t.rows << QVariantList{ k, label.isEmpty() ? provenanceLabel( k, text ) : label, value };
      };
      const QJsonObject p = s[QStringLiteral( "provenance" )].toObject();
      for ( const QJsonValue &i : p[QStringLiteral( "inputs" )].toArray() )
      {
        const QString role = str( i, "role" );
        const QString inputKey = QStringLiteral( "input_%1" ).arg( role );
        add( inputKey, str( i, "source" ) );
        add( QStringLiteral( "sha256" ), str( i, "sha256" ).isEmpty() ? QStringLiteral( "—" ) : str( i, "sha256" ), QStringLiteral( "    " ) + provenanceLabel( QStringLiteral( "sha256" ), text ) );
        add( QStringLiteral( "features_crs" ), QStringLiteral( "%1, %2" ).arg( text.integer( static_cast<qint64>( num( i, "features" ) ) ) ).arg( str( i, "crs" ) ),
             QStringLiteral( "    " ) + provenanceLabel( QStringLiteral( "features_crs" ), text ) );
      }
      const QJsonObject params = p[QStringLiteral( "parameters" )].toObject();
      for ( auto it = params.begin(); it != params.end(); ++it )
        add( it.key(), text.locale().toString( it.value().toDouble(), 'g', 17 ) );
      add( QStringLiteral( "working_crs" ), str( p, "working_crs" ) );
      add( QStringLiteral( "ellipsoid" ), str( p, "ellipsoid" ) );
      const QJsonObject edges = p[QStringLiteral( "edges" )].toObject();
      add( QStringLiteral( "edges" ), text.phrase( QT_TRANSLATE_NOOP( "limes::report", "%1 (%2 vertices added)" ) ).arg( str( edges, "interpretation" ) )
           .arg( text.integer( static_cast<qint64>( num( edges, "densified_vertices" ) ) ) ) );
      if ( in.result->mode == QLatin1String( "lines" ) )
        add( QStringLiteral( "parties" ), text.phrase( QT_TRANSLATE_NOOP( "limes::report", "left %1, right %2" ) ).arg( in.result->leftParty, in.result->rightParty ) );
      else
        add( QStringLiteral( "party_field" ), in.result->partyField );
      const QJsonObject versions = p[QStringLiteral( "versions" )].toObject();
      for ( auto it = versions.begin(); it != versions.end(); ++it )
        add( QStringLiteral( "software_%1" ).arg( it.key() ), it.value().toString() );
      if ( !in.workspace.isEmpty() )
      {
        add( QStringLiteral( "workspace" ), in.workspace );
        add( QStringLiteral( "ledger_head" ), in.ledgerHead );
      }
      return t;
    }
  }

  QString Table::cell( int row, int column, const ReportText &text ) const
  {
    const QVariant v = rows.at( row ).value( column );
    const Column &c = columns.at( column );
    if ( v.isNull() )
      return QStringLiteral( "—" );
    if ( c.decimals >= 0 )
    {
      const double d = v.toDouble() / c.scale;
      return std::isfinite( d ) ? text.number( d, c.decimals ) : QStringLiteral( "—" );
    }
    if ( v.userType() == QMetaType::Int || v.userType() == QMetaType::LongLong )
      return text.integer( v.toLongLong() );
    return v.toString();
  }

  QByteArray Table::csv() const
  {
    auto quoted = []( QString s ) {
      if ( s.contains( QLatin1Char( ',' ) ) || s.contains( QLatin1Char( '"' ) ) || s.contains( QLatin1Char( '\n' ) ) )
        s = QLatin1Char( '"' ) + s.replace( QLatin1Char( '"' ), QLatin1String( "\"\"" ) ) + QLatin1Char( '"' );
      return s;
    };
    QStringList lines;
    QStringList header;
    for ( const Column &c : columns )
      header << c.csvName;
    lines << header.join( QLatin1Char( ',' ) );
    for ( const QVariantList &row : rows )
    {
      QStringList cells;
      for ( int i = 0; i < columns.size(); ++i )
      {
        const QVariant v = row.value( i );
        const Column &c = columns.at( i );
        if ( v.isNull() )
          cells << QString();
        else if ( c.decimals >= 0 )
          cells << QString::number( v.toDouble() / c.scale, 'f', c.decimals );
        else
          cells << quoted( v.toString() );
      }
      lines << cells.join( QLatin1Char( ',' ) );
    }
    return ( lines.join( QLatin1Char( '\n' ) ) + QLatin1Char( '\n' ) ).toUtf8();
  }

  QList<const Table *> ReportTables::csvTables() const
  {
    return { &versions, &transfers, &net, &resources, &crossings, &segments, &segmentResources, &ledger, &pillars, &provenance };
  }

  QStringList changedSegments( const QJsonObject &summary, const QStringList &only )
  {
    QStringList codes;
    for ( const QJsonValue &v : summary[QStringLiteral( "segments" )].toArray() )
    {
      const QString code = str( v, "code" );
      if ( !codes.contains( code ) && ( only.isEmpty() || only.contains( code ) ) )
        codes << code;
    }
    return codes;
  }

  ReportTables buildTables( const ReportInput &input, const QJsonObject &summary, const QStringList &changed, const ReportText &text )
  {
    ReportTables t;
    t.versions = versionsTable( input, text );
    t.parties = partiesTable( input );
    t.transfers = transfersTable( summary );
    t.net = netTable( summary );
    t.resources = resourcesTable( summary, text );
    t.crossings = crossingsTable( summary );
    t.segments = segmentsTable( summary, changed );
    t.segmentResources = segmentResourcesTable( *input.result, changed, text );
    t.ledger = ledgerTable( input, changed, text );
    t.pillars = pillarsTable( input, changed );
    t.provenance = provenanceTable( input, summary, text );
    return t;
  }
}
