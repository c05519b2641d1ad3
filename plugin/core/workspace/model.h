// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_MODEL_H
#define LIMES_WORKSPACE_MODEL_H

// The plain values a commission workspace holds. A leaf: Qt values only, no I/O, no QGIS,
// no engines, so that every storage, front end and test can share them.

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
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
    long long supersedes = -1;           //!< entry corrected by this one (-1: none; otherwise 1 or more)
    QString author;
  };

  /**
   * One entry of the ledger (ledger.h says how it is sealed and signed). Every kind has an
   * author, a time, a place in the hash chain and, from ledger format 2 on, a signature;
   * `payload` is what the kind records (for a decision: the protocol's fields, also in `input`).
   */
  struct LedgerEntry
  {
    long long id = -1;
    int format = 2;                          //!< 1: recorded before signatures (v1 bytes, unsigned)
    QString kind = QStringLiteral( "decision" ); //!< decision, countersign, key, key_revoke, version, pillars, finding, change
    LedgerEntryInput input;                  //!< decision: the protocol's fields; every kind: input.author
    QMap<QString, QString> attachmentHashes; //!< decision: path -> SHA-256
    QString agreedVersionSha256;             //!< decision: content hash of the agreed version when recorded
    QJsonObject payload;                     //!< format 2: what the kind records, as sealed
    QString recordedUtc;                     //!< ISO 8601, UTC
    QString previousHash;
    QString hash;
    QString signerParty;                     //!< the party whose key signed (SECRETARIAT for the secretariat)
    QString signerKey;                       //!< its fingerprint, SHA256:hex
    QString signature;                       //!< Ed25519 over `sealed`, hex
    QByteArray sealed;                       //!< the canonical bytes, exactly as signed and stored
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
    long long ledgerEntry = -1; //!< the entry that recorded it; -1: imported before signatures
    /**
     * What the treaty makes of an edge between two of its vertices (EdgeInterpretation's
     * name: "geodesic", "rhumb", "projected", "projected:EPSG:CODE"); empty: not recorded
     * (comparisons then take --edges, geodesic by default).
     */
    QString edges;
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
    long long ledgerEntry = -1; //!< the entry that recorded it; -1: imported before signatures
    long long id = -1;          //!< row id in the storage
    long long surveyEntry = -1; //!< the survey entry its surveyed position comes from; -1: as imported (workspace/survey.h)
  };

  //! A change-engine summary kept against the two versions it compares.
  struct StoredChange
  {
    long long id = -1;
    QString oldVersion;
    QString newVersion;
    QString recordedUtc;
    QString author;
    QByteArray summaryJson;     //!< exactly the bytes given
    long long ledgerEntry = -1; //!< the entry that recorded it; -1: stored before signatures
  };

  //! A validation finding the commission has accepted, with who accepted it and why.
  struct AcceptedFinding
  {
    QString rule;
    QString layer;
    long long fid = -1;  //!< -1: the layer as a whole
    QString reason;
    QString author;
    long long ledgerEntry = -1; //!< the entry that recorded it; -1: accepted before signatures
    long long id = -1;          //!< row id in the storage
  };

  //! A public key registered in the ledger (derived from its `key` and `key_revoke` entries).
  struct RegisteredKey
  {
    QString party;
    QString fingerprint;
    QString holder;
    QByteArray publicKey;
    long long registeredIn = -1; //!< the `key` entry
    long long revokedIn = -1;    //!< the `key_revoke` entry, -1 while active
  };

  //! What `limes workspace verify` checks beyond the workspace itself: anchors kept out of band.
  struct VerifyOptions
  {
    QMap<QString, QStringList> trusted; //!< party -> fingerprints known out of band (--trust)
    long long expectedEntries = -1;     //!< --expect-head COUNT:HASH; -1: not given
    QString expectedHead;               //!< the head hash, or a prefix of it (16 hex digits at least)
  };

  //! The result of `limes workspace verify`.
  struct VerifyReport
  {
    long long entries = 0;
    long long signedEntries = 0;
    QStringList problems;                 //!< one line each, naming the entry or the content
    QStringList notes;                    //!< what is listed but is no tampering (recorded before signatures, unchecked keys)
    bool clean() const { return problems.isEmpty(); }
  };
}

#endif
