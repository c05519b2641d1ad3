#ifndef LIMES_PGWORKSPACE_H
#define LIMES_PGWORKSPACE_H

#include <QList>
#include <QString>
#include <QStringList>

namespace limes
{
  struct Party;

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
  };
}

#endif
