// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_PROVENANCE_H
#define LIMES_CHANGE_PROVENANCE_H

#include "change/changerequest.h"
#include "change/changeresult.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <future>
#include <map>

// Stage "provenance": what each input was, so that the other delegation can check a run
// used the same data.
namespace limes::change
{
  //! SHA-256 of a file in hex, "" when it cannot be read: the file system, as a parameter.
  using FileHasher = std::function<QString( const QString &path )>;

  /**
   * Each input file hashed once (several inputs are often layers of one GeoPackage), on
   * other cores while the engine works.
   */
  class Fingerprints
  {
    public:
      Fingerprints( const ChangeRequest &request, const FileHasher &hasher );

      //! Waits for the file's hash; "" for a path that was not an input file.
      QString sha256( const QString &path ) const;

    private:
      std::map<QString, std::shared_future<QString>> mHashes;
  };

  //! Role, source, layer, feature count and CRS of every input: old, new, segments, resources.
  QList<InputProvenance> describeInputs( const ChangeRequest &request );

  //! One note per input that is not in the working CRS.
  QStringList reprojectionNotes( const QList<InputProvenance> &inputs, const QgsCoordinateReferenceSystem &workingCrs );

  //! Fills in each input's SHA-256 (waiting for the hashes still running).
  void addFingerprints( QList<InputProvenance> &inputs, const Fingerprints &fingerprints );
}

#endif
