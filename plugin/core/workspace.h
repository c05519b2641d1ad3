#ifndef LIMES_WORKSPACE_H
#define LIMES_WORKSPACE_H

#include "validation.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>

struct sqlite3;
class QgsFeatureSource;
class QgsGeometry;

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
    int rowVersion = 0;  //!< shared workspaces: for optimistic locking (0 in a GeoPackage)
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

  //! The result of `limes workspace verify`.
  struct VerifyReport
  {
    long long entries = 0;
    QStringList problems;                 //!< one line each, naming the entry
    bool clean() const { return problems.isEmpty(); }
  };

  /**
   * A commission workspace in a GeoPackage: parties, segments, the agreement ledger and the
   * accepted validation findings. The ledger is append-only and hash-chained: each entry
   * carries the SHA-256 of its content and of the entry before it, so an edit made behind
   * Limes' back is found by verify(). Every write is one transaction.
   */
  class Workspace
  {
    public:
      static constexpr int SCHEMA_VERSION = 4;
      static const QStringList VERSION_KINDS;

      //! Creates a new workspace; refuses to overwrite an existing file.
      static void create( const QString &path );
      //! Opens a workspace, refusing one written by a newer Limes.
      static std::unique_ptr<Workspace> open( const QString &path );
      ~Workspace();

      QString path() const { return mPath; }
      int schemaVersion() const;

      void addParty( const Party &party );
      QList<Party> parties() const;
      void addSegment( const QString &code, int sequence ) { addSegment( Segment{ code, sequence, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), QString(), QString() } ); }
      void addSegment( const Segment &segment );
      QStringList segments() const;
      QList<Segment> segmentDetails() const;
      //! Status per segment derived from the ledger: the latest entry not superseded.
      QMap<QString, QString> segmentStatus() const;

      /**
       * Imports the lines of `source` (any CRS; stored in WGS 84) as a new version, in one
       * transaction. A `segment` field, when the source has one, is kept per line.
       */
      LineVersion importVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName );
      QList<LineVersion> versions() const;
      LineVersion version( const QString &name ) const;
      //! The layer URI of one version's lines, for QGIS and the change engine.
      QString versionUri( const LineVersion &version ) const;

      /**
       * Imports pillars (designed position = the point; surveyed position, accuracy and date
       * from fields) in one transaction; numbers must be new and segments known.
       */
      long long importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QString &author );
      long long pillarCount() const;
      QString pillarsUri() const { return mPath + QStringLiteral( "|layername=pillars" ); }

      StoredChange storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author );
      QList<StoredChange> storedChanges() const;

      LedgerEntry addLedgerEntry( const LedgerEntryInput &input );
      //! Appends an entry sealed elsewhere, as it is (an export); verify() then checks it.
      void appendSealedEntry( const LedgerEntry &entry );
      QList<LedgerEntry> ledger( const QString &segment = QString() ) const;
      VerifyReport verify() const;

      void acceptFinding( const AcceptedException &exception, const QString &author );
      QList<AcceptedException> acceptedFindings() const;

      //! Canonical text the entry hash is computed over (exposed for tests and auditors).
      static QByteArray canonical( const LedgerEntry &entry );

      // What every storage of the ledger shares (GeoPackage here, PostgreSQL in PgWorkspace).
      //! Checks an entry against the workspace's segments and parties; fingerprints attachments.
      static LedgerEntry prepareEntry( const LedgerEntryInput &input, const QStringList &segments, const QStringList &parties, const QString &where );
      //! Gives the entry its id, time and place in the chain, and its hash.
      static void seal( LedgerEntry &entry, long long id, const QString &previousHash );
      //! Each segment's status: the latest ledger entry not superseded.
      static QMap<QString, QString> statusOf( const QStringList &segments, const QList<LedgerEntry> &entries );
      static VerifyReport verifyChain( const QList<LedgerEntry> &entries, long long recordedCount, const QString &recordedHead );
      static QString jsonOf( const QMap<QString, QString> &map );
      static QString jsonOf( const QMap<QString, QStringList> &map );
      //! A version and its source, before anything is written (any storage).
      static void checkVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName, const QStringList &parties, const QString &where );
      static void checkVersionLine( const QgsGeometry &line, long long fid, const QString &sourceName );
      static void checkAcceptedFinding( const AcceptedException &finding, const QString &author, const QString &where );
      static void readJson( LedgerEntry &entry, const QString &positions, const QString &signatories, const QString &attachments );

    private:
      explicit Workspace( const QString &path );
      static void saveDefaultStyles( const QString &path );
      void exec( const QString &sql ) const;
      void transaction( const std::function<void()> &work );
      void migrate( int from );

      QString mPath;
      sqlite3 *mDb = nullptr;
  };
}

#endif
