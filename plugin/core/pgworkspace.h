#ifndef LIMES_PGWORKSPACE_H
#define LIMES_PGWORKSPACE_H

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

namespace limes
{
  struct Party;
  struct LedgerEntry;
  struct LedgerEntryInput;
  struct VerifyReport;

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
      //! Installs the schema, the parties (and their roles) and segments, in one transaction.
      static void create( const QString &conninfo, const QList<Party> &parties, const QList<QPair<QString, int>> &segments );

      //! Connects and checks the schema version (a newer workspace is refused).
      static std::unique_ptr<PgWorkspace> open( const QString &conninfo );
      ~PgWorkspace();

      QStringList partyCodes() const;
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
