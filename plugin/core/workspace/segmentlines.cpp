// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/segmentlines.h"
#include "workspace/workspacestore.h"

#include <algorithm>

#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsvectorlayer.h>

namespace limes
{
  int segmentLineRank( const LineVersion &version )
  {
    static const QStringList order { QStringLiteral( "ratified" ), QStringLiteral( "agreed" ), QStringLiteral( "historical" ),
                                     QStringLiteral( "draft" ), QStringLiteral( "claim" ) };
    const int rank = order.indexOf( version.kind );
    return rank < 0 ? order.size() : rank;
  }

  QMap<QString, SegmentLine> segmentLines( const WorkspaceStore &store )
  {
    QList<LineVersion> versions = store.versions();
    // best first, so the first version naming a segment is the one kept
    std::stable_sort( versions.begin(), versions.end(), []( const LineVersion &a, const LineVersion &b ) {
      return std::make_pair( segmentLineRank( a ), -a.id ) < std::make_pair( segmentLineRank( b ), -b.id );
    } );
    const QStringList known = store.segmentCodes();
    QMap<QString, SegmentLine> lines;
    for ( const LineVersion &v : versions )
    {
      const VersionLayer layer = store.versionLayer( v );
      if ( !layer.layer )
        continue;
      const int field = layer.layer->fields().lookupField( QStringLiteral( "segment" ) );
      if ( field < 0 )
        continue;
      QMap<QString, QVector<QgsGeometry>> parts;
      QgsFeature f;
      QgsFeatureIterator it = layer.layer->getFeatures( QgsFeatureRequest().setSubsetOfAttributes( QgsAttributeList { field } ) );
      while ( it.nextFeature( f ) )
      {
        const QString code = f.attribute( field ).toString().trimmed();
        if ( !code.isEmpty() && known.contains( code ) && f.hasGeometry() )
          parts[code] << f.geometry();
      }
      for ( auto p = parts.cbegin(); p != parts.cend(); ++p )
      {
        auto found = lines.find( p.key() );
        if ( found == lines.end() )
          lines.insert( p.key(), SegmentLine { QgsGeometry::collectGeometry( p.value() ), v.name, { v.name } } );
        else
          found->versions << v.name;
      }
    }
    // segments made by a split run where their parent's line ran, cut at the split point
    splits::deriveLines( lines, store.segmentSplits() );
    return lines;
  }
}
