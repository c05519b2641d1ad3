// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SURVEY_H
#define LIMES_WORKSPACE_SURVEY_H

// A pillar's surveyed position recorded after its import: a signed ledger entry of kind
// `pillars` whose payload is {"survey":{…}} (docs/workspace.md). The designed position is
// never changed; a pillar's surveyed position is its latest survey, else what was imported.
// Shared by every storage; WorkspaceStore::surveyPillar() writes it (survey.cpp).

#include "workspace/model.h"

#include <QJsonObject>

#include <limits>
#include <memory>

class QgsCoordinateReferenceSystem;
class QgsVectorLayer;
class QgsCoordinateTransformContext;
class QgsPointXY;

namespace limes
{
  //! One survey of a pillar: where it was found standing, how well, when (WGS 84 degrees).
  struct PillarSurvey
  {
    QString pillar;     //!< the pillar's number
    double lon = std::numeric_limits<double>::quiet_NaN();
    double lat = std::numeric_limits<double>::quiet_NaN();
    double accuracy = std::numeric_limits<double>::quiet_NaN(); //!< metres, > 0
    QDate date;         //!< the day it was surveyed, not in the future
    QString author;
    // what the entry records besides: filled when stored or read
    double designedLon = std::numeric_limits<double>::quiet_NaN(); //!< the designed position it was measured against
    double designedLat = std::numeric_limits<double>::quiet_NaN();
    long long ledgerEntry = -1;
    QString signerParty;
    QString recordedUtc;
  };

  //! Geodesic from the designed to the surveyed position on the WGS 84 ellipsoid.
  struct SurveyDeviation
  {
    double metres = std::numeric_limits<double>::quiet_NaN();
    double azimuth = std::numeric_limits<double>::quiet_NaN(); //!< degrees clockwise from north at the designed position, [0, 360)
  };

  namespace survey
  {
    //! The geodesic distance and azimuth from (lon1, lat1) to (lon2, lat2), WGS 84 degrees (GeographicLib).
    SurveyDeviation deviation( double lon1, double lat1, double lon2, double lat2 );
    inline SurveyDeviation deviation( const Pillar &p ) { return deviation( p.lon, p.lat, p.surveyedLon, p.surveyedLat ); }

    /**
     * (x, y) in `crs` as WGS 84 degrees, for a survey typed or clicked in another CRS; a
     * limes::Error saying why when it is no position there or cannot be transformed.
     */
    QgsPointXY toWgs84( double x, double y, const QgsCoordinateReferenceSystem &crs, const QgsCoordinateTransformContext &context );

    //! Checks a survey before anything is written: position, accuracy > 0, a date not in the future, an author.
    void check( const PillarSurvey &s, const QString &where );

    //! {"survey":{accuracy_m, date, designed_lat, designed_lon, lat, lon, pillar}}, numbers as text with 9 decimals.
    QJsonObject payload( const PillarSurvey &s );
    //! Whether a ledger entry records a survey (kind `pillars`, payload {"survey":{…}}).
    bool isSurvey( const LedgerEntry &e );
    //! The survey a survey entry records.
    PillarSurvey fromEntry( const LedgerEntry &e );
    //! The surveys in the ledger, in entry order; of one pillar when `number` is given.
    QList<PillarSurvey> surveys( const QList<LedgerEntry> &entries, const QString &number = QString() );
    //! Pillars as stored, each with its latest survey (Pillar::surveyEntry says which).
    QList<Pillar> withLatestSurveys( QList<Pillar> pillars, const QList<LedgerEntry> &entries );
    /**
     * A memory layer of `pillars` (WGS 84, the designed positions) with the fields the rule
     * pillar_survey_deviation reads by default (`surveyed_x`, `surveyed_y`, `survey_accuracy`)
     * and `survey_date`, `deviation_m`, `azimuth_deg`, `survey_entry`: what the desktop shows and
     * `limes validate --workspace` checks.
     */
    std::unique_ptr<QgsVectorLayer> pillarsLayer( const QList<Pillar> &pillars, const QString &name );
    //! Replaces the features of a pillarsLayer() with `pillars`.
    void fillPillarsLayer( QgsVectorLayer &layer, const QList<Pillar> &pillars );
    //! verify(): every survey entry names a pillar there is, with a well-formed survey.
    void verify( const QList<LedgerEntry> &entries, const QList<Pillar> &pillars, VerifyReport &report );
  }
}

#endif
