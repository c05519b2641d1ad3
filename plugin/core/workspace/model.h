// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_MODEL_H
#define LIMES_WORKSPACE_MODEL_H

// The plain values a commission workspace holds. A leaf: Qt values only, no I/O, no QGIS,
// no engines, so that every storage, front end and test can share them.

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <limits>

namespace limes
{
  struct Party
  {
    QString code;
    QString name;
    QString localName;
    QString colour;
  };

  //! A numbered stretch of the boundary; its code stays the same across versions.
  struct Segment
  {
    QString code;
    int sequence = 0;
    double chainageFrom = std::numeric_limits<double>::quiet_NaN(); //!< metres along the line
    double chainageTo = std::numeric_limits<double>::quiet_NaN();
    QString fromPoint;  //!< turning point or pillar where it starts
    QString toPoint;
  };

  //! What a delegation signs in a protocol about one segment.
  struct LedgerEntryInput
  {
    QString segment;
    QString protocol;
    QDate meetingDate;
    QString place;
    QString decision;                    //!< agreed, disputed, deferred, referred
    QString agreedVersion;               //!< name of the version agreed, if any
    QMap<QString, QString> positions;    //!< party -> position
    QMap<QString, QStringList> signatories; //!< party -> names
    QStringList attachments;             //!< paths; their SHA-256 is recorded
    long long supersedes = -1;           //!< entry corrected by this one
    QString author;
  };

  struct LedgerEntry
  {
    long long id = -1;
    LedgerEntryInput input;
    QMap<QString, QString> attachmentHashes; //!< path -> SHA-256
    QString recordedUtc;                     //!< ISO 8601, UTC
    QString previousHash;
    QString hash;
  };

  //! A version of the boundary line kept in the workspace.
  struct LineVersion
  {
    long long id = -1;
    QString name;
    QString kind;        //!< historical, claim, draft, agreed, ratified
    QString source;
    QDate date;
    QString author;
    QString notes;
    QString leftParty;
    QString rightParty;
    long long parts = 0;
    int rowVersion = 0;  //!< shared workspaces: for optimistic locking (0 where there is none)
    QString ownerParty;  //!< shared workspaces: the delegation a claim belongs to (empty: the connected one)
  };

  //! Field names of a pillar layer to import; empty: not in the source.
  struct PillarFields
  {
    QString number = QStringLiteral( "number" );
    QString type = QStringLiteral( "type" );
    QString segment = QStringLiteral( "segment" );
    QString surveyedX = QStringLiteral( "surveyed_x" );   //!< in the source layer's CRS
    QString surveyedY = QStringLiteral( "surveyed_y" );
    QString accuracy = QStringLiteral( "survey_accuracy" );
    QString surveyDate = QStringLiteral( "survey_date" );
  };

  //! A boundary pillar: designed position and, once surveyed, where it really stands (WGS 84).
  struct Pillar
  {
    QString number;      //!< text, unique: 123, 123a
    QString type;
    QString segment;     //!< empty: not assigned
    double lon = std::numeric_limits<double>::quiet_NaN();
    double lat = std::numeric_limits<double>::quiet_NaN();
    double surveyedLon = std::numeric_limits<double>::quiet_NaN();
    double surveyedLat = std::numeric_limits<double>::quiet_NaN();
    double surveyAccuracy = std::numeric_limits<double>::quiet_NaN(); //!< metres
    QString surveyDate;
    QString author;
  };

  //! A change-engine summary kept against the two versions it compares.
  struct StoredChange
  {
    long long id = -1;
    QString oldVersion;
    QString newVersion;
    QString recordedUtc;
    QString author;
    QByteArray summaryJson;
  };

  //! A validation finding the commission has accepted, with who accepted it and why.
  struct AcceptedFinding
  {
    QString rule;
    QString layer;
    long long fid = -1;  //!< -1: the layer as a whole
    QString reason;
    QString author;
  };

  //! The result of `limes workspace verify`.
  struct VerifyReport
  {
    long long entries = 0;
    QStringList problems;                 //!< one line each, naming the entry
    bool clean() const { return problems.isEmpty(); }
  };
}

#endif
