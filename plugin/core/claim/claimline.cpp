// SPDX-License-Identifier: GPL-2.0-or-later
#include "claim/claimline.h"
#include "geometry/ellipsoidmeasure.h"
#include "error.h"
#include "workspace/segmentlines.h"
#include "workspace/workspacestore.h"

#include <QCoreApplication>
#include <QSet>

#include <qgsdistancearea.h>
#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <functional>
#include <limits>

namespace limes::claim
{
  namespace
  {
    QString where( const QgsPointXY &p )
    {
      return QStringLiteral( "%1, %2" ).arg( p.y(), 0, 'f', 6 ).arg( p.x(), 0, 'f', 6 );
    }

    //! `base` when no version has that name, else the first of numbered(2), numbered(3), … none has: versions are never overwritten.
    QString freeName( const QList<LineVersion> &versions, const QString &base, const std::function<QString( int )> &numbered )
    {
      QSet<QString> taken;
      for ( const LineVersion &v : versions )
        taken.insert( v.name );
      if ( !taken.contains( base ) )
        return base;
      for ( int n = 2;; ++n )
        if ( const QString name = numbered( n ); !taken.contains( name ) )
          return name;
    }
  }

  double distanceM( const QgsPointXY &a, const QgsPointXY &b )
  {
    return wgs84Distance().measureLine( a, b );
  }

  QList<EndPoint> segmentEnds( const Segment &segment, const SegmentLine *line, const QList<Pillar> &pillars )
  {
    QList<EndPoint> ends;
    QList<QgsPointXY> courseEnds;
    if ( line && !line->geometry.isNull() )
    {
      const QgsGeometry merged = line->geometry.isMultipart() ? line->geometry.mergeLines() : line->geometry;
      const QVector<QgsPolylineXY> parts = merged.isMultipart() ? merged.asMultiPolyline() : QVector<QgsPolylineXY>{ merged.asPolyline() };
      if ( !parts.isEmpty() && !parts.first().isEmpty() )
      {
        courseEnds << parts.first().first() << parts.last().last();
        ends << EndPoint{ QCoreApplication::translate( "limes::claim", "the turning point at the start of %1" ).arg( segment.code ), courseEnds[0] }
             << EndPoint{ QCoreApplication::translate( "limes::claim", "the turning point at the end of %1" ).arg( segment.code ), courseEnds[1] };
      }
    }
    QList<const Pillar *> own;
    for ( const Pillar &p : pillars )
    {
      if ( std::isnan( p.lon ) )
        continue;
      if ( ( !segment.fromPoint.isEmpty() && p.number == segment.fromPoint ) || ( !segment.toPoint.isEmpty() && p.number == segment.toPoint ) )
        ends << EndPoint{ QCoreApplication::translate( "limes::claim", "pillar %1" ).arg( p.number ), QgsPointXY( p.lon, p.lat ) };
      else if ( p.segment == segment.code )
        own << &p;
    }
    if ( courseEnds.isEmpty() )
    {
      for ( const Pillar *p : own )
        ends << EndPoint{ QCoreApplication::translate( "limes::claim", "pillar %1" ).arg( p->number ), QgsPointXY( p->lon, p->lat ) };
      return ends;
    }
    // the segment's own pillars standing nearest each end of its course: its end pillars
    for ( const QgsPointXY &end : courseEnds )
    {
      const Pillar *nearest = nullptr;
      double best = std::numeric_limits<double>::max();
      for ( const Pillar *p : own )
        if ( const double d = distanceM( end, QgsPointXY( p->lon, p->lat ) ); d < best )
        {
          best = d;
          nearest = p;
        }
      if ( nearest )
      {
        const EndPoint e{ QCoreApplication::translate( "limes::claim", "pillar %1" ).arg( nearest->number ), QgsPointXY( nearest->lon, nearest->lat ) };
        bool listed = false;
        for ( const EndPoint &x : std::as_const( ends ) )
          listed = listed || x.label == e.label;
        if ( !listed )
          ends << e;
      }
    }
    return ends;
  }

  QList<EndPoint> segmentEnds( const WorkspaceStore &store, const QString &code )
  {
    for ( const Segment &s : store.segments() )
      if ( s.code == code )
      {
        const QMap<QString, SegmentLine> lines = segmentLines( store );
        const auto it = lines.constFind( code );
        return segmentEnds( s, it == lines.constEnd() ? nullptr : &it.value(), store.pillars() );
      }
    throw Error( QStringLiteral( "there is no segment %1" ).arg( code ), store.describe() );
  }

  QgsPolylineXY snapEnds( const QgsPolylineXY &line, const QList<EndPoint> &ends, double toleranceM )
  {
    QgsPolylineXY distinct;
    for ( const QgsPointXY &p : line )
      if ( distinct.isEmpty() || !( p == distinct.last() ) )
        distinct << p;
    if ( distinct.size() < 2 )
      throw Error( QCoreApplication::translate( "limes::claim", "a claim line needs two vertices at least" ) );
    if ( ends.isEmpty() )
      throw Error( QCoreApplication::translate( "limes::claim", "the segment has no end turning point or pillar to end a claim on" ) );
    int chosen[2] = { -1, -1 };
    for ( int which = 0; which < 2; ++which )
    {
      const QgsPointXY &at = which == 0 ? distinct.first() : distinct.last();
      int nearest = -1;
      double best = std::numeric_limits<double>::max();
      for ( int i = 0; i < ends.size(); ++i )
        if ( const double d = distanceM( at, ends[i].point ); d < best )
        {
          best = d;
          nearest = i;
        }
      if ( best > toleranceM )
        throw Error( ( which == 0 ? QCoreApplication::translate( "limes::claim", "the line begins %1 m from %2, the nearest end point of the segment (at %3): it must begin on one within %4 m" )
                       : QCoreApplication::translate( "limes::claim", "the line ends %1 m from %2, the nearest end point of the segment (at %3): it must end on one within %4 m" ) )
                     .arg( best, 0, 'f', 2 ).arg( ends[nearest].label, where( ends[nearest].point ) ).arg( toleranceM ) );
      chosen[which] = nearest;
    }
    if ( distanceM( ends[chosen[0]].point, ends[chosen[1]].point ) <= toleranceM )
      throw Error( QCoreApplication::translate( "limes::claim", "the line begins and ends on %1: a claim runs from one end of the segment to the other" ).arg( ends[chosen[0]].label ) );
    distinct.first() = ends[chosen[0]].point;
    distinct.last() = ends[chosen[1]].point;
    return distinct;
  }

  QgsPolylineXY orientedLike( const QgsPolylineXY &line, const QgsPointXY &referenceStart, const QgsPointXY &referenceEnd )
  {
    if ( line.size() < 2 )
      return line;
    const double along = distanceM( line.first(), referenceStart ) + distanceM( line.last(), referenceEnd );
    const double against = distanceM( line.first(), referenceEnd ) + distanceM( line.last(), referenceStart );
    if ( against >= along )
      return line;
    QgsPolylineXY reversed( line.crbegin(), line.crend() );
    return reversed;
  }

  QString claimName( const QString &party, const QString &segment, const QList<LineVersion> &versions )
  {
    return freeName( versions, QStringLiteral( "%1 claim %2 (digitized)" ).arg( party, segment ),
                     [&]( int n ) { return QStringLiteral( "%1 claim %2 (digitized %3)" ).arg( party, segment ).arg( n ); } );
  }

  QString draftName( const QString &segment, const QString &from, const QList<LineVersion> &versions )
  {
    const QString base = QStringLiteral( "%1 draft from %2" ).arg( segment, from );
    return freeName( versions, base, [&]( int n ) { return QStringLiteral( "%1 (%2)" ).arg( base ).arg( n ); } );
  }

  LineVersion storeClaim( WorkspaceStore &store, const ClaimInput &claim, const crypto::SigningKey &key )
  {
    const bool draft = claim.kind == QLatin1String( "draft" );
    if ( !store.segmentCodes().contains( claim.segment ) )
      throw Error( QCoreApplication::translate( "limes::claim", "there is no segment %1" ).arg( claim.segment ), store.describe() );
    if ( !draft && !store.partyCodes().contains( claim.party ) )
      throw Error( QCoreApplication::translate( "limes::claim", "there is no party %1" ).arg( claim.party ), store.describe() );
    const QgsPolylineXY line = snapEnds( claim.line, segmentEnds( store, claim.segment ) );

    auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string(20)" ), QStringLiteral( "claim" ),
                                                   QStringLiteral( "memory" ) );
    QgsFeature f( layer->fields() );
    f.setGeometry( QgsGeometry::fromPolylineXY( line ) );
    f.setAttribute( 0, claim.segment );
    layer->dataProvider()->addFeature( f );

    LineVersion v;
    if ( draft && claim.name.isEmpty() )
      throw Error( QStringLiteral( "a draft needs a name" ), store.describe() );
    v.name = claim.name.isEmpty() ? claimName( claim.party, claim.segment, store.versions() ) : claim.name;
    v.kind = draft ? QStringLiteral( "draft" ) : QStringLiteral( "claim" );
    v.source = claim.source;
    v.date = claim.date.isValid() ? claim.date : QDate::currentDate();
    v.author = claim.author;
    v.notes = claim.notes;
    v.leftParty = claim.leftParty;
    v.rightParty = claim.rightParty;
    v.ownerParty = draft ? QString() : claim.party;
    v.edges = claim.edges;
    return store.importVersion( v, layer.get(), v.name, key );
  }
}
