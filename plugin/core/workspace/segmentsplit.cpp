// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/segmentsplit.h"
#include "workspace/checks.h"
#include "workspace/ledger.h"
#include "workspace/ledgerchain.h"
#include "workspace/segmentlines.h"
#include "workspace/workspacestore.h"
#include "crypto/signing.h"
#include "geometry/ellipsoidmeasure.h"
#include "error.h"

#include <QJsonArray>
#include <QSet>

#include <qgsdistancearea.h>

#include <cmath>
#include <limits>

namespace limes
{
  namespace
  {
    QString number( double v )
    {
      return std::isfinite( v ) ? QString::number( v, 'f', 9 ) : QString( "" );
    }

    QVector<QgsPolylineXY> partsOf( const QgsGeometry &line )
    {
      const QgsGeometry merged = line.isMultipart() ? line.mergeLines() : line;
      return merged.isMultipart() ? merged.asMultiPolyline() : QVector<QgsPolylineXY> { merged.asPolyline() };
    }

    QgsGeometry fromParts( const QVector<QgsPolylineXY> &parts )
    {
      QVector<QgsPolylineXY> kept;
      for ( const QgsPolylineXY &p : parts )
        if ( p.size() >= 2 )
          kept << p;
      if ( kept.isEmpty() )
        return QgsGeometry();
      return QgsGeometry::fromMultiPolylineXY( kept ); // multi, as segmentLines() collects a segment's lines
    }

    QString where( const QgsPointXY &p )
    {
      return QStringLiteral( "%1, %2" ).arg( p.x(), 0, 'f', 7 ).arg( p.y(), 0, 'f', 7 );
    }

    QString metres( double m )
    {
      return QStringLiteral( "%1 m" ).arg( m, 0, 'f', m < 10 ? 2 : 0 );
    }
  }

  namespace splits
  {
    QString kind()
    {
      return QStringLiteral( "segment_split" );
    }

    QJsonObject segmentPayload( const Segment &s )
    {
      return QJsonObject{ { "code", s.code }, { "seq", s.sequence }, { "chainage_from_m", number( s.chainageFrom ) }, { "chainage_to_m", number( s.chainageTo ) },
        { "from_point", s.fromPoint }, { "to_point", s.toPoint } };
    }

    QList<SegmentSplit> fromEntries( const QList<LedgerEntry> &entries )
    {
      QList<SegmentSplit> list;
      for ( const LedgerEntry &e : entries )
      {
        if ( e.format != 2 || e.kind != kind() )
          continue;
        const QJsonObject &p = e.payload;
        const QJsonArray made = p.value( QLatin1String( "segments" ) ).toArray();
        const QJsonObject at = p.value( QLatin1String( "at" ) ).toObject();
        SegmentSplit s;
        s.entry = e.id;
        s.segment = p.value( QLatin1String( "segment" ) ).toString();
        s.first = made.at( 0 ).toObject().value( QLatin1String( "code" ) ).toString();
        s.second = made.at( 1 ).toObject().value( QLatin1String( "code" ) ).toString();
        s.pillar = at.value( QLatin1String( "pillar" ) ).toString();
        s.point = QgsPointXY( at.value( QLatin1String( "lon" ) ).toString().toDouble(), at.value( QLatin1String( "lat" ) ).toString().toDouble() );
        s.version = p.value( QLatin1String( "line_version" ) ).toString();
        list << s;
      }
      return list;
    }

    QList<Segment> current( const QList<Segment> &segments, const QList<SegmentSplit> &splits )
    {
      QSet<QString> retired;
      for ( const SegmentSplit &s : splits )
        retired.insert( s.segment );
      QList<Segment> list;
      for ( const Segment &s : segments )
        if ( !retired.contains( s.code ) )
          list << s;
      return list;
    }

    QList<LedgerEntry> history( const QString &code, const QList<LedgerEntry> &entries )
    {
      const QList<SegmentSplit> splits = fromEntries( entries );
      // the codes whose decisions count for `code`, each before an entry id
      QMap<QString, long long> before{ { code, std::numeric_limits<long long>::max() } };
      QSet<long long> splitEntries;
      for ( const SegmentSplit &s : splits )
        if ( s.segment == code )
          splitEntries.insert( s.entry );
      QString c = code;
      for ( bool found = true; found; )
      {
        found = false;
        for ( const SegmentSplit &s : splits )
          if ( ( s.first == c || s.second == c ) && !before.contains( s.segment ) )
          {
            splitEntries.insert( s.entry );
            before.insert( s.segment, s.entry );
            c = s.segment;
            found = true;
            break;
          }
      }
      QList<LedgerEntry> list;
      for ( const LedgerEntry &e : entries )
      {
        const bool decision = e.kind == QLatin1String( "decision" ) && before.contains( e.input.segment ) && e.id < before.value( e.input.segment );
        if ( decision || splitEntries.contains( e.id ) )
          list << e;
      }
      return list;
    }

    QPair<QgsGeometry, QgsGeometry> cut( const QgsGeometry &line, const QgsPointXY &at )
    {
      const QVector<QgsPolylineXY> parts = partsOf( line );
      int bestPart = -1, bestNext = -1;
      double bestDistance = std::numeric_limits<double>::max();
      QgsPointXY bestPoint;
      for ( int i = 0; i < parts.size(); ++i )
      {
        if ( parts[i].size() < 2 )
          continue;
        QgsPointXY p;
        int next = -1;
        const double d = QgsGeometry::fromPolylineXY( parts[i] ).closestSegmentWithContext( at, p, next, nullptr, 0 );
        if ( d >= 0 && d < bestDistance )
        {
          bestDistance = d;
          bestPart = i;
          bestNext = next;
          bestPoint = p;
        }
      }
      if ( bestPart < 0 )
        return {};
      const QgsPolylineXY &part = parts[bestPart];
      // a point recorded to 9 decimals names the vertex it was taken from, not a new one beside it
      for ( const QgsPointXY &v : { part[bestNext - 1], part[bestNext] } )
        if ( v.sqrDist( bestPoint ) < 1e-16 )
          bestPoint = v;
      QgsPolylineXY head( part.begin(), part.begin() + bestNext ), tail( part.begin() + bestNext, part.end() );
      if ( head.last() != bestPoint )
        head << bestPoint;
      if ( tail.first() != bestPoint )
        tail.prepend( bestPoint );
      QVector<QgsPolylineXY> first( parts.begin(), parts.begin() + bestPart ), second( parts.begin() + bestPart + 1, parts.end() );
      first << head;
      second.prepend( tail );
      return { fromParts( first ), fromParts( second ) };
    }

    void deriveLines( QMap<QString, SegmentLine> &lines, const QList<SegmentSplit> &splits )
    {
      for ( const SegmentSplit &s : splits ) // in ledger order: a split of a split finds its parent's line derived already
      {
        const auto parent = lines.constFind( s.segment );
        if ( parent == lines.constEnd() || lines.contains( s.first ) || lines.contains( s.second ) )
          continue; // no course known, or a version says where the new segments run
        const QPair<QgsGeometry, QgsGeometry> halves = cut( parent->geometry, s.point );
        const SegmentLine from = *parent;
        if ( !halves.first.isNull() )
          lines.insert( s.first, SegmentLine{ halves.first, from.version, from.versions } );
        if ( !halves.second.isNull() )
          lines.insert( s.second, SegmentLine{ halves.second, from.version, from.versions } );
      }
    }

    void verify( const QList<LedgerEntry> &entries, const QList<Segment> &segments, VerifyReport &report )
    {
      QMap<QString, const Segment *> rows;
      for ( const Segment &s : segments )
        rows.insert( s.code, &s );
      QMap<QString, long long> madeIn;
      for ( const LedgerEntry &e : entries )
      {
        if ( e.format != 2 || e.kind != kind() )
          continue;
        const QString parent = e.payload.value( QLatin1String( "segment" ) ).toString();
        if ( !rows.contains( parent ) )
          report.problems << QStringLiteral( "segment %1 split in entry %2 is missing" ).arg( parent ).arg( e.id );
        for ( const QJsonValue &v : e.payload.value( QLatin1String( "segments" ) ).toArray() )
        {
          const QJsonObject recorded = v.toObject();
          const QString code = recorded.value( QLatin1String( "code" ) ).toString();
          const Segment *row = rows.value( code );
          if ( !row )
            report.problems << QStringLiteral( "segment %1 recorded in entry %2 is missing" ).arg( code ).arg( e.id );
          else if ( segmentPayload( *row ) != recorded )
            report.problems << QStringLiteral( "segment %1 changed after it was recorded (entry %2)" ).arg( code ).arg( e.id );
          if ( madeIn.contains( code ) )
            report.problems << QStringLiteral( "segment %1 is made by entry %2 and again by entry %3" ).arg( code ).arg( madeIn.value( code ) ).arg( e.id );
          madeIn.insert( code, e.id );
        }
      }
    }
  }

  QList<SegmentSplit> WorkspaceStore::segmentSplits() const
  {
    return splits::fromEntries( readEntries() );
  }

  QList<Segment> WorkspaceStore::currentSegments() const
  {
    return splits::current( segments(), segmentSplits() );
  }

  QStringList WorkspaceStore::currentSegmentCodes() const
  {
    QStringList codes;
    for ( const Segment &s : currentSegments() )
      codes << s.code;
    return codes;
  }

  namespace
  {
    //! Where on `line` the split falls: the pillar's nearest point on it, or the vertex `point` names.
    QgsPointXY splitPoint( const SegmentSplitInput &input, const QgsGeometry &line, const QList<Pillar> &pillars, const QString &ws )
    {
      if ( !input.pillar.isEmpty() )
      {
        auto p = std::find_if( pillars.cbegin(), pillars.cend(), [&]( const Pillar &x ) { return x.number == input.pillar; } );
        if ( p == pillars.cend() )
          throw Error( QStringLiteral( "no pillar %1 in this workspace" ).arg( input.pillar ), ws );
        const QgsPointXY at( p->lon, p->lat );
        QgsPointXY onLine;
        int next = -1;
        line.closestSegmentWithContext( at, onLine, next, nullptr, 0 );
        const double off = wgs84Distance().measureLine( at, onLine );
        if ( !( off <= splits::TOLERANCE_M ) )
          throw Error( QStringLiteral( "pillar %1 is %2 from the line of %3 (tolerance %4): it does not lie on the segment" )
                       .arg( input.pillar, metres( off ), input.segment, metres( splits::TOLERANCE_M ) ), ws );
        return onLine;
      }
      if ( !std::isfinite( input.point.x() ) || !std::isfinite( input.point.y() ) )
        throw Error( QStringLiteral( "say where to split: a pillar, or a vertex as LON,LAT" ), ws );
      int vertex = -1, previous = -1, next = -1;
      double squared = 0;
      const QgsPointXY v = line.closestVertex( input.point, vertex, previous, next, squared );
      const double off = vertex < 0 ? std::numeric_limits<double>::infinity() : wgs84Distance().measureLine( input.point, v );
      if ( !( off <= splits::TOLERANCE_M ) )
        throw Error( QStringLiteral( "%1 is %2 from the nearest vertex of %3's line (tolerance %4): split at a vertex or a pillar" )
                     .arg( where( input.point ), metres( off ), input.segment, metres( splits::TOLERANCE_M ) ), ws );
      return v;
    }
  }

  SegmentSplit WorkspaceStore::splitSegment( const SegmentSplitInput &input, const crypto::SigningKey &key )
  {
    const QString ws = describe();
    if ( input.author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs its author" ), ws );
    const QString first = input.firstCode.trimmed().isEmpty() ? input.segment + QLatin1Char( 'a' ) : input.firstCode.trimmed();
    const QString second = input.secondCode.trimmed().isEmpty() ? input.segment + QLatin1Char( 'b' ) : input.secondCode.trimmed();
    // every version is read for the course: before the ledger is locked
    const QMap<QString, SegmentLine> lines = segmentLines( *this );
    const QList<Pillar> allPillars = input.pillar.isEmpty() ? QList<Pillar>() : pillars();
    SegmentSplit result;
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      const QList<Segment> all = segments();
      QStringList codes;
      const Segment *parent = nullptr;
      for ( const Segment &s : all )
      {
        codes << s.code;
        if ( s.code == input.segment )
          parent = &s;
      }
      if ( !parent )
        throw Error( QStringLiteral( "unknown segment '%1'" ).arg( input.segment ), ws );
      for ( const SegmentSplit &done : splits::fromEntries( chain.entries ) )
        if ( done.segment == input.segment )
          throw Error( QStringLiteral( "segment %1 was split already, into %2 and %3 (entry %4)" ).arg( done.segment, done.first, done.second ).arg( done.entry ), ws );
      checks::checkSegments( { Segment{ first, 0, 0, 0, {}, {} }, Segment{ second, 0, 0, 0, {}, {} } }, codes, ws );
      // both take the old one's place in the order (its sequence): the codes keep them in line
      if ( !( first < second ) )
        throw Error( QStringLiteral( "the first new code (%1, from the start of %3) must sort before the second (%2): segments of one place in the order are listed by code" )
                     .arg( first, second, input.segment ), ws );
      const auto line = lines.constFind( input.segment );
      if ( line == lines.constEnd() )
        throw Error( QStringLiteral( "no version's lines say where %1 runs: import a version whose lines carry its code, then split it" ).arg( input.segment ), ws );
      const QgsPointXY at = splitPoint( input, line->geometry, allPillars, ws );
      const QPair<QgsGeometry, QgsGeometry> halves = splits::cut( line->geometry, at );
      // geodesic lengths (GeographicLib), as the engines and PostGIS's geography measure them
      const EllipsoidMeasure measure( Ellipsoid::checked( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QStringLiteral( "EPSG:7030" ), transformContext() ) );
      const double before = halves.first.isNull() ? 0 : measure.length( halves.first );
      const double after = halves.second.isNull() ? 0 : measure.length( halves.second );
      if ( !( before > splits::TOLERANCE_M ) || !( after > splits::TOLERANCE_M ) )
        throw Error( QStringLiteral( "%1 is at an end of %2: split it between its ends" ).arg( input.pillar.isEmpty() ? where( at ) : QStringLiteral( "pillar %1" ).arg( input.pillar ), input.segment ), ws );
      // the chainage along the segment's line, from whichever end has one
      double chainage = std::numeric_limits<double>::quiet_NaN();
      if ( std::isfinite( parent->chainageFrom ) )
        chainage = parent->chainageFrom + before;
      else if ( std::isfinite( parent->chainageTo ) )
        chainage = parent->chainageTo - after;
      const Segment a{ first, parent->sequence, parent->chainageFrom, chainage, parent->fromPoint, input.pillar };
      const Segment b{ second, parent->sequence, chainage, parent->chainageTo, input.pillar, parent->toPoint };
      const QString parentCode = parent->code;
      insertSegment( a );
      insertSegment( b );
      // the rows as stored, read back inside the transaction, are what is sealed
      QJsonArray made;
      for ( const QString &code : { first, second } )
        for ( const Segment &s : segments() )
          if ( s.code == code )
            made << splits::segmentPayload( s );
      LedgerEntry e;
      e.kind = splits::kind();
      e.input.author = input.author;
      e.payload = QJsonObject{ { "segment", parentCode }, { "line_version", line->version }, { "segments", made },
        { "at", QJsonObject{ { "pillar", input.pillar }, { "lon", number( at.x() ) }, { "lat", number( at.y() ) } } } };
      e = append( chain, e, chain.signerParty, key );
      result = splits::fromEntries( { e } ).value( 0 );
    } );
    return result;
  }
}
