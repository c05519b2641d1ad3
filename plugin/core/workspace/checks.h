// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_CHECKS_H
#define LIMES_WORKSPACE_CHECKS_H

// What a workspace refuses, whatever stores it: one function per rule, called by the shared
// operations of WorkspaceStore before a storage writes anything.

#include "workspace/model.h"

class QgsCoordinateTransformContext;
class QgsFeatureSource;
class QgsGeometry;

namespace limes::checks
{
  //! historical, claim, draft, agreed, ratified
  const QStringList &versionKinds();

  //! A code and a name, a new code, a colour #RRGGBB (any case) or none.
  void checkParty( const Party &party, const QStringList &existingCodes, const QString &where );
  //! Codes given, new, and not twice in the list.
  void checkSegments( const QList<Segment> &segments, const QStringList &existingCodes, const QString &where );

  //! A version and its source, before anything is written.
  void checkVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName, const QStringList &parties,
                     const QgsCoordinateTransformContext &context, const QString &where );
  //! Versions are never overwritten.
  void checkNewVersionName( const QString &name, const QList<LineVersion> &existing, const QString &where );
  //! One line of a version, in WGS 84: two distinct vertices, finite coordinates.
  void checkVersionLine( const QgsGeometry &line, long long fid, const QString &sourceName );

  //! A pillar layer, before any pillar is read: points, a CRS, the number field, plausible coordinates.
  void checkPillarLayer( QgsFeatureSource *source, const QString &sourceName, const QString &numberField, const QgsCoordinateTransformContext &context );

  //! `knownRules`: the ids of the validation rules (the workspace does not depend on the validator).
  void checkAcceptedFinding( const AcceptedFinding &finding, const QStringList &knownRules, const QString &where );
}

#endif
