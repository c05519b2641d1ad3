#ifndef LIMES_PGWORKSPACE_H
#define LIMES_PGWORKSPACE_H

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;
class QgsFeatureSource;
class QgsVectorLayer;

namespace limes
{
  struct Party;
  struct Segment;
  struct LedgerEntry;
  struct LedgerEntryInput;
  struct VerifyReport;
  struct LineVersion;
  struct AcceptedException;

  /**
   * The commission workspace on PostgreSQL/PostGIS, for commissions whose cartographers work
   * at once from several places: the GeoPackage model in schema `limes`, with the rules the
   * delegations work under enforced by the database (roles per party, row-level security on
   * claims and positions, an append-only ledger, row versions for optimistic locking).
   * Connection passwords come from libpq's service file or ~/.pgpass: never from our logs.
   */
  class PgWorkspace
  {
    public:
      //! TARGET names a PostgreSQL database rather than a GeoPackage file.
      static bool isConnection( const QString &target );
      //! The connection without its password, for messages.
      static QString describe( const QString &conninfo );
      /**
       * Installs the schema, the parties (and their roles) and segments, in one transaction.
       * A `schema` below the current one is for testing migrations.
       */
      static void create( const QString &conninfo, const QList<Party> &parties, const QList<Segment> &segments, int schema = 4 );

      //! Connects; an older schema is migrated in one transaction, a newer one refused.
      static std::unique_ptr<PgWorkspace> open( const QString &conninfo );
      ~PgWorkspace();

      QString describe() const { return mWhere; }
      QList<Party> parties() const;
      QStringList partyCodes() const;
      QMap<QString, QString> segmentStatus() const;
      QList<LineVersion> versions() const;
      LineVersion version( const QString &name ) const;
      //! One version's lines as a memory layer (WGS 84, field segment), for the engines.
      std::unique_ptr<QgsVectorLayer> versionLayer( const LineVersion &version ) const;
      /**
       * Imports a version in one transaction. A claim belongs to `ownerParty`, by default the
       * party of the connected delegation; the database refuses another party's claim.
       */
      LineVersion importVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName, const QString &ownerParty );
      long long pillarCount() const;
      //! Parties and segments are the secretariat's to add (the party's role is created too).
      void addParty( const Party &party );
      void addSegment( const Segment &segment );
      long long importPillars( QgsFeatureSource *source, const QString &sourceName, const QString &numberField, const QString &author );
      /**
       * Changes a version's notes if nobody has changed the version since it was read at
       * `readRowVersion`; otherwise a conflict error says so and nothing is written.
       * Returns the new row version.
       */
      int setVersionNotes( const QString &name, const QString &notes, int readRowVersion );
      int rowVersion( const QString &versionName ) const;
      void storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author );
      void acceptFinding( const AcceptedException &finding, const QString &author );
      QList<AcceptedException> acceptedFindings() const;
      QStringList segments() const;
      /**
       * Appends to the ledger in one transaction; the chain head is locked for the time of it,
       * so that two delegations writing at once are chained one after the other.
       */
      LedgerEntry addLedgerEntry( const LedgerEntryInput &input );
      QList<LedgerEntry> ledger( const QString &segment = QString() ) const;
      VerifyReport verify() const;
      /**
       * A GeoPackage snapshot of the whole workspace (parties, segments, versions, pillars,
       * ledger as sealed, accepted findings, stored changes), written under a temporary name
       * and renamed; the snapshot's own verify() re-checks the ledger chain.
       */
      void exportTo( const QString &gpkgPath ) const;

    private:
      PgWorkspace() = default;
      QStringList column( const char *sql ) const;

      pg_conn *mConn = nullptr;
      QString mWhere;
  };
}

#endif
