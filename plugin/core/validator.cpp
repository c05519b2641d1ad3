#include "validation.h"
#include "qgiscompat.h"
#include "error.h"
#include "geos.h"
#include "linereference.h"
#include "workingcrs.h"

#include <QRegularExpression>
#include <QSet>

#include <qgscoordinatetransform.h>
#include <qgsdatumtransform.h>
#include <qgsdistancearea.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>
#include <qgsproject.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace limes
{
  namespace
  {
    const char *const RULES[] = {
      "crs_mismatch", "empty_geometry", "invalid_geometry", "duplicate_vertex", "spike", "self_intersection", "self_overlap", "tiny_segment",
      "segment_code_duplicate", "segment_order", "segment_gap", "segment_overlap", "line_not_covered",
      "pillar_off_line", "pillar_order", "pillar_duplicate", "pillar_spacing", "turning_point_without_pillar", "pillar_survey_deviation",
      "territory_gap", "territory_overlap", "line_territory_mismatch", "enclave_not_closed", "tripoint_mismatch" };

    QString metres( double m )
    {
      return std::fabs( m ) >= 1000 ? QStringLiteral( "%1 km" ).arg( m / 1000, 0, 'f', 3 ) : QStringLiteral( "%1 m" ).arg( m, 0, 'f', 2 );
    }

    //! "S-012" < "S-012a" < "S-013"; "99" < "123": numbers compare as numbers.
    QList<QVariant> naturalKey( const QString &text )
    {
      QList<QVariant> key;
      static const QRegularExpression parts( QStringLiteral( "(\\d+)|(\\D+)" ) );
      auto it = parts.globalMatch( text );
      while ( it.hasNext() )
      {
        const QRegularExpressionMatch m = it.next();
        if ( !m.captured( 1 ).isEmpty() )
          key << m.captured( 1 ).toLongLong();
        else
          key << m.captured( 2 );
      }
      return key;
    }

    bool naturalLess( const QString &a, const QString &b )
    {
      const QList<QVariant> ka = naturalKey( a ), kb = naturalKey( b );
      for ( int i = 0; i < std::min( ka.size(), kb.size() ); ++i )
      {
        if ( ka[i].userType() != kb[i].userType() )
          return ka[i].userType() == QMetaType::LongLong; // digits before letters
        if ( ka[i] != kb[i] )
          return ka[i].userType() == QMetaType::LongLong ? ka[i].toLongLong() < kb[i].toLongLong() : ka[i].toString() < kb[i].toString();
      }
      return ka.size() < kb.size();
    }

    double angleAt( const QgsPointXY &prev, const QgsPointXY &at, const QgsPointXY &next )
    {
      const double ax = prev.x() - at.x(), ay = prev.y() - at.y(), bx = next.x() - at.x(), by = next.y() - at.y();
      return std::atan2( std::fabs( ax * by - ay * bx ), ax * bx + ay * by ) * 180.0 / M_PI;
    }

    //! The working state of one validation run.
    class Run
    {
      public:
        Run( const ValidationRequest &request, QgsFeedback *feedback )
          : r( request )
          , mFeedback( feedback )
        {}

        ValidationResult execute();

      private:
        bool wanted( const char *rule ) const { return r.rules.isEmpty() || r.rules.contains( QLatin1String( rule ) ); }
        void skip( const char *rule, const QString &why )
        {
          if ( wanted( rule ) )
            mResult.rulesSkipped.insert( QLatin1String( rule ), why );
        }
        void ran( const char *rule )
        {
          if ( wanted( rule ) && !mResult.rulesRun.contains( QLatin1String( rule ) ) )
            mResult.rulesRun << QLatin1String( rule );
        }
        void add( const char *rule, const QString &layer, long long fid, const QString &message, double value, double tolerance, const QgsGeometry &where )
        {
          if ( !wanted( rule ) )
            return;
          Finding f;
          f.rule = QLatin1String( rule );
          f.severity = Validator::severityOf( f.rule );
          f.layer = layer;
          f.fid = fid;
          f.message = message;
          f.value = value;
          f.tolerance = tolerance;
          f.geometry = where;
          mResult.findings << f;
        }
        void checkCanceled() const
        {
          if ( mFeedback && mFeedback->isCanceled() )
            throw Error( QStringLiteral( "cancelled" ) );
        }
        double distance( const QgsPointXY &a, const QgsPointXY &b ) const { return mDa.measureLine( a, b ); }
        QgsFeatureRequest request() const;
        void checkSource( const InputLayer &l, const char *role, limes::GeometryType type );

        void readLine();
        void geometryRules();
        void segmentRules();
        void pillarRules();
        void territoryRules();
        void endRules();
        QgsGeometry stretch( int part, double from, double to ) const;

        const ValidationRequest &r;
        QgsFeedback *mFeedback;
        ValidationResult mResult;
        QgsCoordinateReferenceSystem mWorking;
        QgsDistanceArea mDa;
        std::unique_ptr<LineReference> mLine;
        double mScale = 1; //!< ellipsoidal / planar length of the line
        geos::Context mGeos;
    };

    QgsFeatureRequest Run::request() const
    {
      QgsFeatureRequest q;
      q.setDestinationCrs( mWorking, QgsProject::instance()->transformContext() );
      q.setInvalidGeometryCheck( limes::compat::NoGeometryCheck );
      q.addOrderBy( QStringLiteral( "$id" ) );
      return q;
    }

    void Run::checkSource( const InputLayer &l, const char *role, limes::GeometryType type )
    {
      const QString where = QStringLiteral( "%1 (%2)" ).arg( QLatin1String( role ), l.spec.isEmpty() ? l.name : l.spec );
      if ( !l.source->sourceCrs().isValid() )
        throw Error( QStringLiteral( "layer has no CRS" ), where );
      const limes::GeometryType t = QgsWkbTypes::geometryType( l.source->wkbType() );
      if ( t != type )
        throw Error( QStringLiteral( "%1 layer, expected a %2 layer" ).arg( QgsWkbTypes::geometryDisplayString( t ).toLower(), QgsWkbTypes::geometryDisplayString( type ).toLower() ), where );
      if ( l.source->sourceCrs() != mWorking && l.source->sourceCrs() != r.line.source->sourceCrs() )
      {
        // one well-defined way from their datum to ours, or the numbers are not the commission's
        int available = 0;
        for ( const QgsDatumTransform::TransformDetails &d : QgsDatumTransform::operations( l.source->sourceCrs(), mWorking ) )
          available += d.isAvailable ? 1 : 0;
        if ( available > 1 )
          throw Error( QStringLiteral( "the transformation from %1 to %2 is ambiguous (%3 datum transformations); reproject the layer with the one the commission agreed" )
                       .arg( l.source->sourceCrs().authid(), mWorking.authid() ).arg( available ), where );
        ran( "crs_mismatch" );
        add( "crs_mismatch", l.name, -1, QStringLiteral( "%1 is in %2, the line in %3: reprojected" ).arg( l.name, l.source->sourceCrs().authid(), r.line.source->sourceCrs().authid() ), 0, 0, QgsGeometry() );
      }
    }

    void Run::readLine()
    {
      std::vector<LineReference::Part> parts;
      QgsFeatureIterator it = r.line.source->getFeatures( request().setNoAttributes() );
      QgsFeature f;
      ran( "empty_geometry" );
      ran( "invalid_geometry" );
      while ( it.nextFeature( f ) )
      {
        checkCanceled();
        const QgsGeometry g = f.geometry();
        if ( g.isNull() || g.isEmpty() )
        {
          add( "empty_geometry", r.line.name, f.id(), QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), 0, 0, QgsGeometry() );
          continue;
        }
        const QgsMultiPolylineXY lines = g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{ g.asPolyline() };
        int k = 0;
        for ( const QgsPolylineXY &line : lines )
        {
          ++k;
          LineReference::Part p;
          p.fid = f.id();
          p.origin = lines.size() > 1 ? QStringLiteral( "feature %1 part %2" ).arg( f.id() ).arg( k ) : QStringLiteral( "feature %1" ).arg( f.id() );
          bool finite = true;
          for ( const QgsPointXY &pt : line )
            finite = finite && std::isfinite( pt.x() ) && std::isfinite( pt.y() );
          // a line needs a second vertex somewhere: no set of every vertex of a long line for that
          const bool twoVertices = std::any_of( line.begin(), line.end(), [&]( const QgsPointXY &pt ) { return pt != line.first(); } );
          if ( !finite || !twoVertices )
          {
            QSet<QPair<double, double>> distinct; // only for the message, on the rare bad part
            for ( const QgsPointXY &pt : line )
              distinct.insert( qMakePair( pt.x(), pt.y() ) );
            add( "invalid_geometry", r.line.name, f.id(), QStringLiteral( "%1 is not a line (%2)" ).arg( p.origin, finite ? QStringLiteral( "fewer than two distinct vertices" ) : QStringLiteral( "non-finite coordinates" ) ),
                 distinct.size(), 2, line.isEmpty() ? QgsGeometry() : QgsGeometry::fromPointXY( line.first() ) );
            continue;
          }
          p.points = std::vector<QgsPointXY>( line.begin(), line.end() );
          parts.push_back( std::move( p ) );
        }
      }
      if ( parts.empty() )
        throw Error( QStringLiteral( "no feature has a line geometry" ), r.line.spec );
      mLine = std::make_unique<LineReference>( std::move( parts ) );
      double ellipsoidal = 0;
      for ( const LineReference::Part &p : mLine->parts() )
        ellipsoidal += mDa.measureLine( QVector<QgsPointXY>( p.points.begin(), p.points.end() ) );
      mScale = mLine->length() > 0 ? ellipsoidal / mLine->length() : 1;
    }

    void Run::geometryRules()
    {
      for ( const char *rule : { "duplicate_vertex", "spike", "tiny_segment", "self_intersection", "self_overlap" } )
        ran( rule );
      const auto &parts = mLine->parts();
      for ( size_t pi = 0; pi < parts.size(); ++pi )
      {
        const LineReference::Part &p = parts[pi];
        const bool closed = p.points.size() > 3 && p.points.front() == p.points.back();
        for ( size_t i = 0; i + 1 < p.points.size(); ++i )
        {
          const QgsPointXY &a = p.points[i], &b = p.points[i + 1];
          const double planar = a.distance( b );
          if ( planar <= 0.001 )
          {
            add( "duplicate_vertex", r.line.name, p.fid, QStringLiteral( "%1: vertices %2 and %3 coincide (%4 apart)" ).arg( p.origin ).arg( i ).arg( i + 1 ).arg( metres( planar * mScale ) ),
                 planar * mScale, 0.001, QgsGeometry::fromPointXY( a ) );
            continue;
          }
          if ( planar * mScale < r.tolerance * 1.01 )
          {
            const double length = distance( a, b );
            if ( length < r.tolerance )
              add( "tiny_segment", r.line.name, p.fid, QStringLiteral( "%1: edge %2 is %3 long (tolerance %4)" ).arg( p.origin ).arg( i ).arg( metres( length ), metres( r.tolerance ) ),
                   length, r.tolerance, QgsGeometry::fromPolylineXY( { a, b } ) );
          }
        }
        // spikes: the line turns back on itself at a vertex
        for ( size_t i = 0; i < p.points.size(); ++i )
        {
          if ( ( i == 0 || i + 1 == p.points.size() ) && !closed )
            continue;
          if ( closed && i + 1 == p.points.size() )
            continue;
          size_t prev = i == 0 ? p.points.size() - 2 : i - 1, next = i + 1;
          while ( prev > 0 && p.points[prev] == p.points[i] )
            --prev;
          while ( next + 1 < p.points.size() && p.points[next] == p.points[i] )
            ++next;
          if ( p.points[prev] == p.points[i] || p.points[next] == p.points[i] )
            continue;
          const double angle = angleAt( p.points[prev], p.points[i], p.points[next] );
          if ( angle < r.spikeAngle )
            add( "spike", r.line.name, p.fid, QStringLiteral( "%1: spike at vertex %2, the line turns back at %3° (threshold %4°)" ).arg( p.origin ).arg( i ).arg( angle, 0, 'f', 2 ).arg( r.spikeAngle ),
                 angle, r.spikeAngle, QgsGeometry::fromPointXY( p.points[i] ) );
        }
      }

      // self intersections and overlaps, between any two non-adjacent segments of the line
      std::set<std::pair<long long, long long>> reported;
      for ( size_t pi = 0; pi < parts.size(); ++pi )
      {
        checkCanceled();
        const LineReference::Part &p = parts[pi];
        const bool closed = p.points.size() > 3 && p.points.front() == p.points.back();
        for ( size_t i = 0; i + 1 < p.points.size(); ++i )
        {
          const QgsPointXY &a = p.points[i], &b = p.points[i + 1];
          if ( a == b )
            continue;
          mLine->segmentsNear( a, b, 0, [&]( int qj, int j ) {
            if ( std::make_pair( static_cast<int>( pi ), static_cast<int>( i ) ) >= std::make_pair( qj, j ) )
              return; // each pair once
            const LineReference::Part &q = parts[static_cast<size_t>( qj )];
            const QgsPointXY &c = q.points[static_cast<size_t>( j )], &d = q.points[static_cast<size_t>( j ) + 1];
            if ( c == d )
              return;
            const bool samePart = qj == static_cast<int>( pi );
            // neighbours: next to each other, or with only repeated vertices between them
            bool adjacent = samePart && ( j == static_cast<int>( i ) + 1 || ( closed && i == 0 && static_cast<size_t>( j ) + 2 == p.points.size() ) );
            if ( samePart && !adjacent && j > static_cast<int>( i ) + 1 )
            {
              adjacent = true;
              for ( size_t k = i + 2; k <= static_cast<size_t>( j ) && adjacent; ++k )
                adjacent = p.points[k] == p.points[i + 1];
            }
            const double rx = b.x() - a.x(), ry = b.y() - a.y(), sx = d.x() - c.x(), sy = d.y() - c.y();
            const double denom = rx * sy - ry * sx;
            const double qpx = c.x() - a.x(), qpy = c.y() - a.y();
            if ( denom == 0 )
            {
              if ( qpx * ry - qpy * rx != 0 )
                return; // parallel, apart
              const double len2 = rx * rx + ry * ry;
              const double t0 = ( qpx * rx + qpy * ry ) / len2, t1 = t0 + ( sx * rx + sy * ry ) / len2;
              const double lo = std::max( 0.0, std::min( t0, t1 ) ), hi = std::min( 1.0, std::max( t0, t1 ) );
              if ( hi - lo <= 1e-12 )
              {
                if ( adjacent || hi < lo )
                  return;
                // collinear segments touching end to end: an intersection unless they are neighbours
              }
              else
              {
                const QgsPointXY s( a.x() + lo * rx, a.y() + lo * ry ), e( a.x() + hi * rx, a.y() + hi * ry );
                if ( reported.insert( { std::llround( s.x() * 1000 ), std::llround( s.y() * 1000 ) } ).second )
                  add( "self_overlap", r.line.name, p.fid, QStringLiteral( "%1 runs back over %2 for %3" ).arg( p.origin, q.origin, metres( distance( s, e ) ) ),
                       distance( s, e ), 0, QgsGeometry::fromPolylineXY( { s, e } ) );
                return;
              }
            }
            const double t = denom == 0 ? 0 : ( qpx * sy - qpy * sx ) / denom;
            const double u = denom == 0 ? 0 : ( qpx * ry - qpy * rx ) / denom;
            if ( t < 0 || t > 1 || u < 0 || u > 1 )
              return;
            const QgsPointXY x( a.x() + t * rx, a.y() + t * ry );
            if ( adjacent && ( x == b || x == a ) )
              return; // neighbours share their vertex
            if ( !samePart )
            {
              // parts of a multi-part line may meet end to end
              const bool atEndP = ( i == 0 && t == 0 ) || ( i + 2 == p.points.size() && t == 1 );
              const bool atEndQ = ( j == 0 && u == 0 ) || ( static_cast<size_t>( j ) + 2 == q.points.size() && u == 1 );
              if ( atEndP && atEndQ )
                return;
            }
            if ( reported.insert( { std::llround( x.x() * 1000 ), std::llround( x.y() * 1000 ) } ).second )
              add( "self_intersection", r.line.name, p.fid, QStringLiteral( "%1 crosses %2 (edges %3 and %4)" ).arg( p.origin, samePart ? QStringLiteral( "itself" ) : q.origin ).arg( i ).arg( j ),
                   0, 0, QgsGeometry::fromPointXY( x ) );
          } );
        }
      }
    }

    QgsGeometry Run::stretch( int part, double from, double to ) const
    {
      const LineReference::Part &p = mLine->parts()[static_cast<size_t>( part )];
      QgsPolylineXY out;
      auto at = [&]( double c ) {
        const auto it = std::upper_bound( p.chainage.begin(), p.chainage.end(), c );
        const size_t i = it == p.chainage.begin() ? 0 : std::min<size_t>( static_cast<size_t>( it - p.chainage.begin() ) - 1, p.points.size() - 2 );
        const double len = p.chainage[i + 1] - p.chainage[i];
        const double t = len > 0 ? std::clamp( ( c - p.chainage[i] ) / len, 0.0, 1.0 ) : 0;
        return std::make_pair( i, QgsPointXY( p.points[i].x() + t * ( p.points[i + 1].x() - p.points[i].x() ), p.points[i].y() + t * ( p.points[i + 1].y() - p.points[i].y() ) ) );
      };
      const auto s = at( from ), e = at( to );
      out << s.second;
      for ( size_t i = s.first + 1; i <= e.first; ++i )
        out << p.points[i];
      out << e.second;
      return QgsGeometry::fromPolylineXY( out );
    }

    void Run::segmentRules()
    {
      const char *rules[] = { "segment_code_duplicate", "segment_order", "segment_gap", "segment_overlap", "line_not_covered" };
      if ( !r.segments.source )
      {
        for ( const char *rule : rules )
          skip( rule, QStringLiteral( "no segments layer given" ) );
        return;
      }
      const int codeField = r.segments.source->fields().lookupField( r.segmentCodeField );
      if ( codeField < 0 )
        throw Error( QStringLiteral( "no field '%1' with the segment code (fields: %2)" ).arg( r.segmentCodeField, r.segments.source->fields().names().join( QLatin1String( ", " ) ) ), r.segments.spec );
      for ( const char *rule : rules )
        ran( rule );
      struct Seg
      {
        long long fid;
        QString code;
        QgsPointXY start, end;
        LineReference::Location from, to;
      };
      std::vector<Seg> segs;
      QgsFeatureIterator it = r.segments.source->getFeatures( request() );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        checkCanceled();
        const QgsGeometry g = f.geometry();
        if ( g.isNull() || g.isEmpty() )
        {
          add( "empty_geometry", r.segments.name, f.id(), QStringLiteral( "segment %1 has no geometry" ).arg( f.attribute( codeField ).toString() ), 0, 0, QgsGeometry() );
          continue;
        }
        const QgsMultiPolylineXY lines = g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{ g.asPolyline() };
        if ( lines.isEmpty() || lines.first().isEmpty() )
          continue;
        Seg s;
        s.fid = f.id();
        s.code = f.attribute( codeField ).toString();
        s.start = lines.first().first();
        s.end = lines.last().last();
        s.from = mLine->nearest( s.start );
        s.to = mLine->nearest( s.end );
        // on a ring the closing vertex is both chainage 0 and the ring's length: a segment
        // that ends there ends at the ring's end
        const LineReference::Part &part = mLine->parts()[static_cast<size_t>( s.to.part )];
        const bool ring = part.points.size() > 3 && part.points.front() == part.points.back();
        if ( ring && s.from.part == s.to.part && s.to.chainage <= s.from.chainage && s.to.chainage == part.chainage.front() )
        {
          const QgsPointXY mid = g.interpolate( g.length() / 2 ).asPoint();
          if ( mLine->nearest( mid ).chainage > s.from.chainage )
            s.to.chainage = part.chainage.back();
        }
        if ( s.from.chainage > s.to.chainage ) // digitized against the line's direction
        {
          std::swap( s.from, s.to );
          std::swap( s.start, s.end );
        }
        segs.push_back( s );
      }
      std::map<QString, std::vector<const Seg *>> byCode;
      for ( const Seg &s : segs )
        byCode[s.code].push_back( &s );
      for ( const auto &[code, list] : byCode )
        for ( size_t k = 1; k < list.size(); ++k )
          add( "segment_code_duplicate", r.segments.name, list[k]->fid, QStringLiteral( "segment code %1 is used %2 times (also feature %3)" ).arg( code ).arg( list.size() ).arg( list[0]->fid ),
               static_cast<double>( list.size() ), 1, QgsGeometry::fromPointXY( list[k]->start ) );
      std::vector<const Seg *> order;
      for ( const Seg &s : segs )
        order.push_back( &s );
      std::sort( order.begin(), order.end(), []( const Seg *a, const Seg *b ) { return std::make_pair( a->from.chainage, a->fid ) < std::make_pair( b->from.chainage, b->fid ); } );
      for ( size_t k = 1; k < order.size(); ++k )
      {
        const Seg &prev = *order[k - 1], &cur = *order[k];
        if ( naturalLess( cur.code, prev.code ) )
          add( "segment_order", r.segments.name, cur.fid, QStringLiteral( "segment %1 comes after %2 along the line" ).arg( cur.code, prev.code ), cur.from.chainage * mScale, prev.from.chainage * mScale,
               QgsGeometry::fromPointXY( cur.start ) );
        if ( prev.to.part != cur.from.part )
          continue;
        const double overlap = ( prev.to.chainage - cur.from.chainage ) * mScale;
        if ( overlap > r.tolerance )
          add( "segment_overlap", r.segments.name, cur.fid, QStringLiteral( "segments %1 and %2 overlap for %3 (tolerance %4)" ).arg( prev.code, cur.code, metres( overlap ), metres( r.tolerance ) ),
               overlap, r.tolerance, stretch( cur.from.part, cur.from.chainage, prev.to.chainage ) );
        else
        {
          const QgsPointXY &end = prev.end;
          const double gap = distance( end, cur.start );
          if ( gap > r.tolerance && cur.from.chainage > prev.to.chainage )
            add( "segment_gap", r.segments.name, cur.fid, QStringLiteral( "segment %1 ends %2 before %3 starts (tolerance %4)" ).arg( prev.code, metres( gap ), cur.code, metres( r.tolerance ) ),
                 gap, r.tolerance, QgsGeometry::fromPolylineXY( { end, cur.start } ) );
        }
      }
      // stretches of the line in no segment
      for ( size_t part = 0; part < mLine->parts().size(); ++part )
      {
        std::vector<std::pair<double, double>> covered;
        for ( const Seg &s : segs )
          if ( s.from.part == static_cast<int>( part ) && s.to.part == static_cast<int>( part ) )
            covered.emplace_back( s.from.chainage, s.to.chainage );
        std::sort( covered.begin(), covered.end() );
        const LineReference::Part &p = mLine->parts()[part];
        double reach = p.chainage.front();
        auto gapTo = [&]( double next ) {
          const double length = ( next - reach ) * mScale;
          if ( length > r.tolerance )
            add( "line_not_covered", r.line.name, p.fid, QStringLiteral( "%1 is in no segment for %2 (tolerance %3)" ).arg( p.origin, metres( length ), metres( r.tolerance ) ),
                 length, r.tolerance, stretch( static_cast<int>( part ), reach, next ) );
        };
        for ( const auto &[from, to] : covered )
        {
          if ( from > reach )
            gapTo( from );
          reach = std::max( reach, to );
        }
        gapTo( p.chainage.back() );
      }
    }

    void Run::pillarRules()
    {
      const char *rules[] = { "pillar_off_line", "pillar_order", "pillar_duplicate", "pillar_spacing", "turning_point_without_pillar", "pillar_survey_deviation" };
      if ( !r.pillars.source )
      {
        for ( const char *rule : rules )
          skip( rule, QStringLiteral( "no pillars layer given" ) );
        return;
      }
      const QgsFields fields = r.pillars.source->fields();
      const int numberField = fields.lookupField( r.pillarField );
      if ( numberField < 0 )
        throw Error( QStringLiteral( "no field '%1' with the pillar number (fields: %2)" ).arg( r.pillarField, fields.names().join( QLatin1String( ", " ) ) ), r.pillars.spec );
      const int sx = fields.lookupField( r.surveyXField ), sy = fields.lookupField( r.surveyYField ), sa = fields.lookupField( r.surveyAccuracyField );
      for ( const char *rule : rules )
        if ( QLatin1String( rule ) != QLatin1String( "pillar_survey_deviation" ) || ( sx >= 0 && sy >= 0 ) )
          ran( rule );
      if ( sx < 0 || sy < 0 )
        skip( "pillar_survey_deviation", QStringLiteral( "pillars have no fields %1, %2" ).arg( r.surveyXField, r.surveyYField ) );
      const QgsCoordinateTransform toWorking( r.pillars.source->sourceCrs(), mWorking, QgsProject::instance()->transformContext() );

      struct Pillar
      {
        long long fid;
        QString number;
        QgsPointXY point;
        LineReference::Location at;
      };
      std::vector<Pillar> pillars;
      QgsFeatureIterator it = r.pillars.source->getFeatures( request() );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        checkCanceled();
        const QgsGeometry g = f.geometry();
        const QString number = f.attribute( numberField ).toString();
        if ( g.isNull() || g.isEmpty() )
        {
          add( "empty_geometry", r.pillars.name, f.id(), QStringLiteral( "pillar %1 has no geometry" ).arg( number ), 0, 0, QgsGeometry() );
          continue;
        }
        Pillar p{ f.id(), number, g.asPoint(), LineReference::Location() };
        p.at = mLine->nearest( p.point );
        const double off = distance( p.point, p.at.point );
        if ( off > r.tolerance )
          add( "pillar_off_line", r.pillars.name, p.fid, QStringLiteral( "pillar %1 is %2 from the line (tolerance %3)" ).arg( number, metres( off ), metres( r.tolerance ) ), off, r.tolerance,
               QgsGeometry::fromPolylineXY( { p.point, p.at.point } ) );
        if ( sx >= 0 && sy >= 0 && !f.attribute( sx ).isNull() && !f.attribute( sy ).isNull() )
        {
          QgsPointXY surveyed( f.attribute( sx ).toDouble(), f.attribute( sy ).toDouble() );
          surveyed = toWorking.transform( surveyed );
          const double deviation = distance( p.point, surveyed );
          const QString accuracy = sa >= 0 && !f.attribute( sa ).isNull() ? QStringLiteral( ", survey accuracy %1" ).arg( metres( f.attribute( sa ).toDouble() ) ) : QString();
          if ( deviation > r.tolerance )
            add( "pillar_survey_deviation", r.pillars.name, p.fid, QStringLiteral( "pillar %1 was surveyed %2 from its designed position (tolerance %3%4)" ).arg( number, metres( deviation ), metres( r.tolerance ), accuracy ),
                 deviation, r.tolerance, QgsGeometry::fromPolylineXY( { p.point, surveyed } ) );
        }
        pillars.push_back( p );
      }

      std::map<QString, std::vector<const Pillar *>> byNumber;
      for ( const Pillar &p : pillars )
        byNumber[p.number].push_back( &p );
      for ( const auto &[number, list] : byNumber )
        for ( size_t k = 1; k < list.size(); ++k )
          add( "pillar_duplicate", r.pillars.name, list[k]->fid, QStringLiteral( "pillar number %1 is used %2 times (also feature %3)" ).arg( number ).arg( list.size() ).arg( list[0]->fid ),
               static_cast<double>( list.size() ), 1, QgsGeometry::fromPointXY( list[k]->point ) );

      std::vector<const Pillar *> along;
      for ( const Pillar &p : pillars )
        along.push_back( &p );
      std::sort( along.begin(), along.end(), []( const Pillar *a, const Pillar *b ) { return std::make_tuple( a->at.part, a->at.chainage, a->fid ) < std::make_tuple( b->at.part, b->at.chainage, b->fid ); } );
      for ( size_t k = 1; k < along.size(); ++k )
      {
        const Pillar &prev = *along[k - 1], &cur = *along[k];
        const double spacing = distance( prev.point, cur.point );
        if ( spacing < r.minPillarSpacing && cur.number != prev.number )
          add( "pillar_duplicate", r.pillars.name, cur.fid, QStringLiteral( "pillars %1 and %2 are %3 apart (minimum spacing %4)" ).arg( prev.number, cur.number, metres( spacing ), metres( r.minPillarSpacing ) ),
               spacing, r.minPillarSpacing, QgsGeometry::fromPolylineXY( { prev.point, cur.point } ) );
        if ( prev.at.part != cur.at.part )
          continue;
        if ( spacing > r.maxPillarSpacing )
          add( "pillar_spacing", r.pillars.name, cur.fid, QStringLiteral( "pillars %1 and %2 are %3 apart (maximum spacing %4)" ).arg( prev.number, cur.number, metres( spacing ), metres( r.maxPillarSpacing ) ),
               spacing, r.maxPillarSpacing, QgsGeometry::fromPolylineXY( { prev.point, cur.point } ) );
        if ( cur.number != prev.number && !naturalLess( prev.number, cur.number ) )
          add( "pillar_order", r.pillars.name, cur.fid, QStringLiteral( "pillar %1 follows pillar %2 along the line; numbers must increase" ).arg( cur.number, prev.number ),
               cur.at.chainage * mScale, prev.at.chainage * mScale, QgsGeometry::fromPointXY( cur.point ) );
      }

      // turning points: vertices where the line changes direction by more than the turning angle
      std::unordered_map<long long, std::vector<const Pillar *>> grid;
      const double cell = std::max( r.tolerance, 1.0 );
      auto key = [cell]( double x, double y ) { return static_cast<long long>( std::floor( x / cell ) ) * 73856093LL ^ static_cast<long long>( std::floor( y / cell ) ) * 19349663LL; };
      for ( const Pillar &p : pillars )
        grid[key( p.point.x(), p.point.y() )].push_back( &p );
      for ( const LineReference::Part &p : mLine->parts() )
        for ( size_t i = 1; i + 1 < p.points.size(); ++i )
        {
          if ( p.points[i] == p.points[i - 1] || p.points[i] == p.points[i + 1] )
            continue;
          const double deflection = 180.0 - angleAt( p.points[i - 1], p.points[i], p.points[i + 1] );
          if ( deflection <= r.turningAngle )
            continue;
          bool found = false;
          for ( int dx = -1; dx <= 1 && !found; ++dx )
            for ( int dy = -1; dy <= 1 && !found; ++dy )
            {
              const auto cellIt = grid.find( key( p.points[i].x() + dx * cell, p.points[i].y() + dy * cell ) );
              if ( cellIt != grid.end() )
                for ( const Pillar *q : cellIt->second )
                  found = found || distance( q->point, p.points[i] ) <= r.tolerance;
            }
          if ( !found )
            add( "turning_point_without_pillar", r.line.name, p.fid, QStringLiteral( "%1: the line turns by %2° at vertex %3 with no pillar within %4" ).arg( p.origin ).arg( deflection, 0, 'f', 1 ).arg( i ).arg( metres( r.tolerance ) ),
                 deflection, r.turningAngle, QgsGeometry::fromPointXY( p.points[i] ) );
        }
    }

    void Run::territoryRules()
    {
      const char *rules[] = { "territory_gap", "territory_overlap", "line_territory_mismatch" };
      if ( !r.territories.source )
      {
        for ( const char *rule : rules )
          skip( rule, QStringLiteral( "no territories layer given" ) );
        return;
      }
      const int partyField = r.territories.source->fields().lookupField( r.partyField );
      if ( r.partyField.isEmpty() || partyField < 0 )
        throw Error( QStringLiteral( "no field '%1' with the party code (fields: %2)" ).arg( r.partyField, r.territories.source->fields().names().join( QLatin1String( ", " ) ) ), r.territories.spec );
      for ( const char *rule : rules )
        ran( rule );
      std::map<QString, std::vector<geos::GeomPtr>> byParty;
      QgsFeatureIterator it = r.territories.source->getFeatures( request() );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        checkCanceled();
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
        {
          add( "empty_geometry", r.territories.name, f.id(), QStringLiteral( "territory feature %1 has no geometry" ).arg( f.id() ), 0, 0, QgsGeometry() );
          continue;
        }
        geos::GeomPtr g = mGeos.fromQgs( f.geometry() );
        QString reason;
        if ( !mGeos.isValid( g.get(), &reason ) )
        {
          add( "invalid_geometry", r.territories.name, f.id(), QStringLiteral( "territory feature %1 is invalid: %2" ).arg( f.id() ).arg( reason ), 0, 0,
               f.geometry().pointOnSurface() );
          g = mGeos.makeValid( g.get() );
        }
        byParty[f.attribute( partyField ).toString()].push_back( std::move( g ) );
      }
      std::map<QString, QgsGeometry> territory;
      QgsRectangle extent;
      for ( auto &[party, list] : byParty )
      {
        const geos::GeomPtr all = mGeos.collection( GEOS_GEOMETRYCOLLECTION, list );
        territory[party] = mGeos.toQgs( mGeos.unaryUnion( all.get(), 0 ).get() );
        extent.combineExtentWith( territory[party].boundingBox() );
      }
      QVector<QgsPolylineXY> lineParts;
      for ( const LineReference::Part &p : mLine->parts() )
        lineParts << QgsPolylineXY( p.points.begin(), p.points.end() );
      const QgsGeometry line = QgsGeometry::fromMultiPolylineXY( lineParts );
      auto width = [&]( const QgsGeometry &g ) {
        const geos::GeomPtr gg = mGeos.fromQgs( g );
        return mGeos.maximumInscribedDiameter( gg.get(), std::max( r.tolerance / 10, 0.001 ) ) * mScale;
      };
      auto report = [&]( const char *rule, const QgsGeometry &areas, const QString &what ) {
        for ( const QgsGeometry &part : areas.asGeometryCollection() )
        {
          if ( part.type() != limes::geometrytype::Polygon || part.area() <= 0 )
            continue;
          const double w = width( part );
          if ( w <= r.tolerance )
            continue;
          const double area = mDa.measureArea( part );
          add( rule, r.territories.name, -1, QStringLiteral( "%1 of %2 m², up to %3 wide (tolerance %4)" ).arg( what ).arg( area, 0, 'f', 1 ).arg( metres( w ), metres( r.tolerance ) ),
               w, r.tolerance, part.pointOnSurface() );
        }
      };
      QVector<QgsGeometry> all;
      for ( auto a = territory.begin(); a != territory.end(); ++a )
      {
        all << a->second;
        for ( auto b = std::next( a ); b != territory.end(); ++b )
        {
          report( "territory_overlap", a->second.intersection( b->second ), QStringLiteral( "%1 and %2 territories overlap: a piece" ).arg( a->first, b->first ) );
          // the line must follow the edge the two territories share
          const QgsGeometry edgeA = a->second.convertToType( limes::geometrytype::Line, true );
          const QgsGeometry edgeB = b->second.convertToType( limes::geometrytype::Line, true );
          const QgsGeometry shared = edgeA.intersection( edgeB.buffer( r.tolerance / mScale, 4 ) );
          if ( shared.isEmpty() )
            continue;
          const QgsGeometry off = line.intersection( QgsGeometry::fromRect( extent ) ).difference( shared.buffer( r.tolerance / mScale, 4 ) );
          for ( const QgsGeometry &piece : off.mergeLines().asGeometryCollection() )
          {
            const double length = mDa.measureLength( piece );
            if ( length > r.tolerance )
              add( "line_territory_mismatch", r.line.name, -1, QStringLiteral( "the line leaves the edge %1 and %2 share for %3 (tolerance %4)" ).arg( a->first, b->first, metres( length ), metres( r.tolerance ) ),
                   length, r.tolerance, piece );
          }
        }
      }
      // gaps: land near the line in no party's territory
      const double corridor = std::max( 50.0, 20 * r.tolerance ) / mScale;
      const QgsGeometry near = line.buffer( corridor, 4 ).intersection( QgsGeometry::fromRect( extent ) );
      report( "territory_gap", near.difference( QgsGeometry::unaryUnion( all ) ), QStringLiteral( "a gap between the territories" ) );
    }

    void Run::endRules()
    {
      ran( "enclave_not_closed" );
      for ( const LineReference::Part &p : mLine->parts() )
      {
        if ( p.points.front() == p.points.back() )
          continue;
        const double gap = distance( p.points.front(), p.points.back() );
        const double length = ( p.chainage.back() - p.chainage.front() ) * mScale;
        // a part that comes back to within 1 % of its length of its start is meant to be a ring
        if ( gap < 0.01 * length )
          add( "enclave_not_closed", r.line.name, p.fid, QStringLiteral( "%1 comes back to %2 from its start but is not closed (a ring must end where it starts)" ).arg( p.origin, metres( gap ) ),
               gap, 0, QgsGeometry::fromPolylineXY( { p.points.back(), p.points.front() } ) );
      }
      if ( !r.tripoints.source )
      {
        skip( "tripoint_mismatch", QStringLiteral( "no tripoints layer given" ) );
        return;
      }
      ran( "tripoint_mismatch" );
      std::vector<QgsPointXY> tripoints;
      QgsFeatureIterator it = r.tripoints.source->getFeatures( request().setNoAttributes() );
      QgsFeature f;
      while ( it.nextFeature( f ) )
        if ( !f.geometry().isNull() && !f.geometry().isEmpty() )
          tripoints.push_back( f.geometry().asPoint() );
      for ( const LineReference::Part &p : mLine->parts() )
      {
        if ( p.points.front() == p.points.back() )
          continue;
        for ( const QgsPointXY &end : { p.points.front(), p.points.back() } )
        {
          double best = -1;
          QgsPointXY nearest;
          for ( const QgsPointXY &t : tripoints )
          {
            const double d = distance( end, t );
            if ( best < 0 || d < best )
            {
              best = d;
              nearest = t;
            }
          }
          if ( best < 0 || best > r.tolerance )
            add( "tripoint_mismatch", r.line.name, p.fid, best < 0 ? QStringLiteral( "%1 ends where no tripoint is given" ).arg( p.origin )
                 : QStringLiteral( "%1 ends %2 from the nearest tripoint (tolerance %3)" ).arg( p.origin, metres( best ), metres( r.tolerance ) ),
                 best, r.tolerance, best < 0 ? QgsGeometry::fromPointXY( end ) : QgsGeometry::fromPolylineXY( { end, nearest } ) );
        }
      }
    }

    ValidationResult Run::execute()
    {
      for ( const QString &rule : r.rules )
        if ( !Validator::allRules().contains( rule ) )
          throw Error( QStringLiteral( "unknown rule '%1' (rules: %2)" ).arg( rule, Validator::allRules().join( QLatin1String( ", " ) ) ) );
      if ( !r.line.source )
        throw Error( QStringLiteral( "no line layer given" ) );
      if ( !( r.tolerance > 0 ) )
        throw Error( QStringLiteral( "tolerance must be positive (got %1)" ).arg( r.tolerance ) );
      const QgsCoordinateReferenceSystem lineCrs = r.line.source->sourceCrs();
      if ( !lineCrs.isValid() )
        throw Error( QStringLiteral( "layer has no CRS" ), r.line.spec );
      // metric CRSs are worked in as they are; geographic ones in their UTM zone
      if ( !lineCrs.isGeographic() && lineCrs.mapUnits() == limes::compat::Meters )
        mWorking = lineCrs;
      else
      {
        const QgsCoordinateTransform t( lineCrs, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsProject::instance()->transformContext() );
        mWorking = workingCrsFor( t.transformBoundingBox( r.line.source->sourceExtent() ) );
      }
      mDa.setSourceCrs( mWorking, QgsProject::instance()->transformContext() );
      mDa.setEllipsoid( mWorking.ellipsoidAcronym().isEmpty() ? QStringLiteral( "EPSG:7030" ) : mWorking.ellipsoidAcronym() );
      mResult.crs = lineCrs;
      mResult.tolerance = r.tolerance;

      checkSource( r.line, "line", limes::geometrytype::Line );
      for ( const auto &[l, role, type] : { std::make_tuple( &r.segments, "segments", limes::geometrytype::Line ), std::make_tuple( &r.pillars, "pillars", limes::geometrytype::Point ),
                                            std::make_tuple( &r.territories, "territories", limes::geometrytype::Polygon ), std::make_tuple( &r.tripoints, "tripoints", limes::geometrytype::Point ) } )
        if ( l->source )
          checkSource( *l, role, type );

      readLine();
      if ( mFeedback )
        mFeedback->setProgress( 15 );
      geometryRules();
      if ( mFeedback )
        mFeedback->setProgress( 40 );
      segmentRules();
      pillarRules();
      if ( mFeedback )
        mFeedback->setProgress( 70 );
      territoryRules();
      endRules();

      // findings in the line's CRS, in a stable order, exceptions marked
      const QgsCoordinateTransform back( mWorking, lineCrs, QgsProject::instance()->transformContext() );
      for ( Finding &f : mResult.findings )
      {
        if ( !f.geometry.isNull() && mWorking != lineCrs )
          f.geometry.transform( back );
        for ( const AcceptedException &e : r.exceptions )
          if ( e.rule == f.rule && e.layer == f.layer && e.fid == f.fid )
            f.exception = e.reason;
      }
      const QStringList order = Validator::allRules();
      std::stable_sort( mResult.findings.begin(), mResult.findings.end(), [&]( const Finding &a, const Finding &b ) {
        const QgsPointXY pa = a.geometry.isNull() ? QgsPointXY() : a.geometry.boundingBox().center();
        const QgsPointXY pb = b.geometry.isNull() ? QgsPointXY() : b.geometry.boundingBox().center();
        return std::make_tuple( order.indexOf( a.rule ), a.layer, a.fid, pa.x(), pa.y() ) < std::make_tuple( order.indexOf( b.rule ), b.layer, b.fid, pb.x(), pb.y() );
      } );
      std::sort( mResult.rulesRun.begin(), mResult.rulesRun.end(), [&]( const QString &a, const QString &b ) { return order.indexOf( a ) < order.indexOf( b ); } );
      if ( mFeedback )
        mFeedback->setProgress( 100 );
      return mResult;
    }
  }

  QStringList Validator::allRules()
  {
    QStringList rules;
    for ( const char *rule : RULES )
      rules << QLatin1String( rule );
    return rules;
  }

  QString Validator::severityOf( const QString &rule )
  {
    static const QSet<QString> warnings{ QStringLiteral( "crs_mismatch" ), QStringLiteral( "turning_point_without_pillar" ), QStringLiteral( "tiny_segment" ), QStringLiteral( "duplicate_vertex" ) };
    return warnings.contains( rule ) ? QStringLiteral( "warning" ) : QStringLiteral( "error" );
  }

  int ValidationResult::errorCount() const
  {
    int n = 0;
    for ( const Finding &f : findings )
      n += f.severity == QLatin1String( "error" ) && f.exception.isEmpty() ? 1 : 0;
    return n;
  }

  ValidationResult Validator::run( const ValidationRequest &request, QgsFeedback *feedback )
  {
    Run run( request, feedback );
    ValidationResult result = run.execute();
    for ( const InputLayer *l : { &request.line, &request.segments, &request.pillars, &request.territories, &request.tripoints } )
      if ( l->source )
      {
        InputProvenance p;
        p.source = l->spec;
        p.layer = l->name;
        p.path = l->path;
        p.features = l->source->featureCount();
        p.crs = l->source->sourceCrs().authid();
        result.inputs << p;
      }
    return result;
  }
}
