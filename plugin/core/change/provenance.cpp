// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/provenance.h"

#include <qgsfeaturesource.h>

namespace limes::change
{
  namespace
  {
    InputProvenance provenance( const InputLayer &l, const char *role )
    {
      InputProvenance p;
      p.role = QLatin1String( role );
      p.source = l.spec;
      p.path = l.path;
      p.layer = l.name;
      p.features = l.source->featureCount();
      p.crs = l.source->sourceCrs().authid();
      return p;
    }
  }

  Fingerprints::Fingerprints( const ChangeRequest &request, const FileHasher &hasher )
  {
    std::vector<const InputLayer *> layers{ &request.oldVersion, &request.newVersion, &request.segments };
    for ( const InputLayer &l : request.resources )
      layers.push_back( &l );
    for ( const InputLayer *l : layers )
      if ( !l->path.isEmpty() && !mHashes.count( l->path ) )
        mHashes[l->path] = std::async( std::launch::async, [hasher, path = l->path] { return hasher( path ); } ).share();
  }

  QString Fingerprints::sha256( const QString &path ) const
  {
    const auto it = mHashes.find( path );
    return it == mHashes.end() ? QString() : it->second.get();
  }

  QList<InputProvenance> describeInputs( const ChangeRequest &request )
  {
    QList<InputProvenance> inputs;
    inputs << provenance( request.oldVersion, "old" ) << provenance( request.newVersion, "new" );
    if ( request.segments.source )
      inputs << provenance( request.segments, "segments" );
    for ( const InputLayer &r : request.resources )
      inputs << provenance( r, "resource" );
    return inputs;
  }

  QStringList reprojectionNotes( const QList<InputProvenance> &inputs, const QgsCoordinateReferenceSystem &workingCrs )
  {
    QStringList notes;
    for ( const InputProvenance &p : inputs )
      if ( p.crs != workingCrs.authid() )
        notes << QStringLiteral( "%1 (%2) reprojected from %3 to %4" ).arg( p.role, p.layer, p.crs, workingCrs.authid() );
    return notes;
  }

  void addFingerprints( QList<InputProvenance> &inputs, const Fingerprints &fingerprints )
  {
    for ( InputProvenance &p : inputs )
      p.sha256 = fingerprints.sha256( p.path );
  }
}
