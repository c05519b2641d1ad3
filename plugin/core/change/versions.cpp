// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/versions.h"
#include "error.h"
#include "geometry/edges.h"
#include "geometry/geos.h"
#include "qgiscompat.h"

#include <qgsdistancearea.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturesource.h>
#include <qgsgeometrycollection.h>
#include <qgslinestring.h>

namespace limes::change
{
  namespace
  {
    //! An edge that cannot be followed along its curve is bad input, named.
    void densify( const EdgeDensifier &edges, std::vector<double> &xy, const QString &origin, const InputLayer &l, const char *role )
    {
      try
      {
        edges.densify( xy );
      }
      catch ( const Error &e )
      {
        throw Error( QStringLiteral( "%1: %2" ).arg( origin, e.problem() ), describe( l, role ) );
      }
    }

    //! The line strings of a line geometry, read from its coordinate arrays (no copies as points).
    std::vector<const QgsLineString *> lineStrings( const QgsAbstractGeometry *g )
    {
      std::vector<const QgsLineString *> out;
      if ( const auto *line = dynamic_cast<const QgsLineString *>( g ) )
        out.push_back( line );
      else if ( const auto *collection = dynamic_cast<const QgsGeometryCollection *>( g ) )
        for ( int i = 0; i < collection->numGeometries(); ++i )
          if ( const auto *part = dynamic_cast<const QgsLineString *>( collection->geometryN( i ) ) )
            out.push_back( part );
      return out;
    }

    //! A feature's line parts, each with at least two vertices.
    void appendParts( const QgsFeature &f, const InputLayer &l, const char *role, const EdgeDensifier *edges, std::vector<Polyline> &parts )
    {
      QgsGeometry g = f.geometry();
      if ( g.isNull() || g.isEmpty() )
        throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( l, role ) );
      if ( QgsWkbTypes::isCurvedType( g.wkbType() ) )
        g = QgsGeometry( g.constGet()->segmentize() );
      const std::vector<const QgsLineString *> lines = lineStrings( g.constGet() );
      int k = 0;
      for ( const QgsLineString *line : lines )
      {
        ++k;
        Polyline p;
        p.origin = lines.size() > 1 ? QStringLiteral( "feature %1 part %2" ).arg( f.id() ).arg( k ) : QStringLiteral( "feature %1" ).arg( f.id() );
        const int n = line->numPoints();
        const double *x = line->xData(), *y = line->yData();
        p.xy.resize( 2 * static_cast<size_t>( n ) );
        for ( int i = 0; i < n; ++i )
        {
          p.xy[2 * static_cast<size_t>( i )] = x[i];
          p.xy[2 * static_cast<size_t>( i ) + 1] = y[i];
        }
        if ( p.size() < 2 )
          throw Error( QStringLiteral( "%1 has fewer than two vertices" ).arg( p.origin ), describe( l, role ) );
        if ( edges )
          densify( *edges, p.xy, p.origin, l, role );
        parts.push_back( std::move( p ) );
      }
    }

    std::vector<Polyline> readLines( const InputLayer &l, const char *role, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges )
    {
      std::vector<Polyline> parts;
      QgsFeatureIterator it = l.source->getFeatures( frame.request().setNoAttributes().addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      long long read = 0;
      while ( nextFeature( it, f, l, role ) )
      {
        ++read;
        checkCanceled( feedback );
        appendParts( f, l, role, edges, parts );
      }
      checkAllRead( read, l, role );
      return parts;
    }

    //! Each party's polygons, made valid where they are not (and reported).
    std::map<QString, std::vector<geos::GeomPtr>> readParties( const InputLayer &l, const char *role, const ChangeRequest &request, const WorkingFrame &frame,
        const geos::Context &ctx, QStringList &warnings, QgsFeedback *feedback, const EdgeDensifier *edges )
    {
      const int field = l.source->fields().lookupField( request.partyField );
      if ( field < 0 )
        throw Error( QStringLiteral( "no field '%1' (fields: %2)" ).arg( request.partyField, l.source->fields().names().join( QLatin1String( ", " ) ) ), describe( l, role ) );
      std::map<QString, std::vector<geos::GeomPtr>> byParty;
      QgsFeatureIterator it = l.source->getFeatures( frame.request().addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      long long read = 0;
      while ( nextFeature( it, f, l, role ) )
      {
        ++read;
        checkCanceled( feedback );
        const QVariant v = f.attribute( field );
        const QString party = v.isNull() ? QString() : v.toString().trimmed();
        if ( party.isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no party code in '%2'" ).arg( f.id() ).arg( request.partyField ), describe( l, role ) );
        if ( !request.knownParties.isEmpty() && !request.knownParties.contains( party ) )
          throw Error( QStringLiteral( "feature %1: unknown party code '%2' (known: %3)" ).arg( f.id() ).arg( party, request.knownParties.join( QLatin1String( ", " ) ) ), describe( l, role ) );
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( l, role ) );
        geos::GeomPtr g = ctx.fromQgs( edges ? edges->densified( f.geometry() ) : f.geometry() );
        QString reason;
        if ( !ctx.isValid( g.get(), &reason ) )
        {
          g = ctx.makeValid( g.get() );
          warnings << QStringLiteral( "%1: feature %2 was an invalid polygon (%3) and was made valid" ).arg( describe( l, role ) ).arg( f.id() ).arg( reason );
        }
        byParty[party].push_back( std::move( g ) );
      }
      checkAllRead( read, l, role );
      return byParty;
    }

    Territories readTerritories( const InputLayer &l, const char *role, const ChangeRequest &request, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges )
    {
      const geos::Context ctx;
      Territories t;
      std::map<QString, std::vector<geos::GeomPtr>> byParty = readParties( l, role, request, frame, ctx, t.warnings, feedback, edges );
      std::map<QString, geos::GeomPtr> dissolved;
      for ( auto &entry : byParty )
      {
        const geos::GeomPtr all = ctx.collection( GEOS_GEOMETRYCOLLECTION, entry.second );
        dissolved[entry.first] = ctx.unaryUnion( all.get(), request.gridM );
      }
      // Land two parties hold in the same version is disputed within that version, not moved
      // by the change: each party keeps only what is its alone, and the overlap is reported.
      QgsGeometry overlap;
      for ( const auto &[party, g] : dissolved )
      {
        geos::GeomPtr own = ctx.clone( g.get() );
        for ( const auto &[other, h] : dissolved )
          if ( other != party )
          {
            const geos::GeomPtr both = ctx.intersection( g.get(), h.get(), request.gridM );
            if ( party < other && ctx.area( both.get() ) > 0 )
              overlap = overlap.isNull() ? ctx.toQgs( both.get() ) : overlap.combine( ctx.toQgs( both.get() ) );
            own = ctx.difference( own.get(), h.get(), request.gridM );
          }
        QgsGeometry q = ctx.toQgs( own.get() );
        // keep the polygonal part: a made-valid bow tie may leave lines behind
        q.convertGeometryCollectionToSubclass( limes::geometrytype::Polygon );
        t.byParty[party] = q;
      }
      if ( !overlap.isNull() )
      {
        QgsDistanceArea da;
        da.setSourceCrs( frame.crs, frame.transformContext );
        da.setEllipsoid( request.ellipsoid );
        t.warnings << QStringLiteral( "%1: %2 m² is claimed by more than one party; it is left out of the transfers" )
                   .arg( describe( l, role ) ).arg( da.measureArea( overlap ), 0, 'f', 1 );
      }
      return t;
    }
  }

  LineVersions readLineVersions( const ChangeRequest &request, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges )
  {
    LineVersions v;
    v.oldParts = readLines( request.oldVersion, "old version", frame, feedback, edges );
    v.newParts = readLines( request.newVersion, "new version", frame, feedback, edges );
    return v;
  }

  TerritoryVersions readTerritoryVersions( const ChangeRequest &request, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges )
  {
    TerritoryVersions v;
    v.oldTerritories = readTerritories( request.oldVersion, "old version", request, frame, feedback, edges );
    v.newTerritories = readTerritories( request.newVersion, "new version", request, frame, feedback, edges );
    return v;
  }
}
