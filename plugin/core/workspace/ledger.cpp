// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/ledger.h"
#include "error.h"
#include "fingerprint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace limes::ledger
{
  namespace
  {
    QJsonObject toJson( const QMap<QString, QString> &map )
    {
      QJsonObject o;
      for ( auto it = map.cbegin(); it != map.cend(); ++it )
        o[it.key()] = it.value();
      return o;
    }

    QJsonObject toJson( const QMap<QString, QStringList> &map )
    {
      QJsonObject o;
      for ( auto it = map.cbegin(); it != map.cend(); ++it )
        o[it.key()] = QJsonArray::fromStringList( it.value() );
      return o;
    }

    QString compact( const QJsonObject &o )
    {
      return QString::fromUtf8( QJsonDocument( o ).toJson( QJsonDocument::Compact ) );
    }
  }

  const QStringList &decisions()
  {
    static const QStringList list{ QStringLiteral( "agreed" ), QStringLiteral( "disputed" ), QStringLiteral( "deferred" ), QStringLiteral( "referred" ) };
    return list;
  }

  QString zeroHash()
  {
    return QString( 64, QLatin1Char( '0' ) );
  }

  QByteArray canonical( const LedgerEntry &e )
  {
    // QJsonObject keeps its keys sorted and Compact adds no whitespace: the same bytes everywhere
    QJsonObject o{ { "id", static_cast<qint64>( e.id ) }, { "segment", e.input.segment }, { "protocol", e.input.protocol },
      { "meeting_date", e.input.meetingDate.toString( Qt::ISODate ) }, { "place", e.input.place }, { "decision", e.input.decision },
      { "agreed_version", e.input.agreedVersion }, { "positions", toJson( e.input.positions ) }, { "signatories", toJson( e.input.signatories ) },
      { "attachments", toJson( e.attachmentHashes ) }, { "supersedes", static_cast<qint64>( e.input.supersedes ) }, { "author", e.input.author },
      { "recorded_utc", e.recordedUtc }, { "previous_hash", e.previousHash } };
    return QJsonDocument( o ).toJson( QJsonDocument::Compact );
  }

  QString hashOf( const LedgerEntry &entry )
  {
    return QString::fromLatin1( QCryptographicHash::hash( canonical( entry ), QCryptographicHash::Sha256 ).toHex() );
  }

  LedgerEntry prepare( const LedgerEntryInput &input, const QStringList &segments, const QStringList &parties, const QString &where )
  {
    if ( !segments.contains( input.segment ) )
      throw Error( QStringLiteral( "unknown segment '%1'" ).arg( input.segment ), where );
    if ( input.protocol.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs a protocol number" ), where );
    if ( !input.meetingDate.isValid() )
      throw Error( QStringLiteral( "a ledger entry needs the meeting date (YYYY-MM-DD)" ), where );
    if ( input.meetingDate > QDateTime::currentDateTimeUtc().date() )
      throw Error( QStringLiteral( "protocol date %1 is in the future" ).arg( input.meetingDate.toString( Qt::ISODate ) ), where );
    if ( !decisions().contains( input.decision ) )
      throw Error( QStringLiteral( "unknown decision '%1' (decisions: %2)" ).arg( input.decision, decisions().join( QLatin1String( ", " ) ) ), where );
    if ( input.author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs its author" ), where );
    for ( const QString &party : input.positions.keys() + input.signatories.keys() )
      if ( !parties.contains( party ) )
        throw Error( QStringLiteral( "unknown party '%1' (parties: %2)" ).arg( party, parties.join( QLatin1String( ", " ) ) ), where );
    if ( input.decision == QLatin1String( "agreed" ) )
    {
      QStringList missing;
      for ( const QString &party : parties )
        if ( input.signatories.value( party ).isEmpty() )
          missing << party;
      if ( !missing.isEmpty() || parties.isEmpty() )
        throw Error( QStringLiteral( "decision 'agreed' needs a signatory of every party; missing: %1" )
                     .arg( parties.isEmpty() ? QStringLiteral( "no parties defined" ) : missing.join( QLatin1String( ", " ) ) ), where );
    }
    LedgerEntry e;
    e.input = input;
    for ( const QString &path : input.attachments )
    {
      QString error;
      const QString hash = fileSha256( path, &error );
      if ( hash.isEmpty() )
        throw Error( QStringLiteral( "cannot read attachment: %1" ).arg( error ), path );
      e.attachmentHashes.insert( path, hash );
    }
    return e;
  }

  void checkSupersedes( const LedgerEntryInput &input, const QString &supersededSegment, const QString &where )
  {
    if ( input.supersedes < 0 )
      return;
    if ( supersededSegment.isNull() )
      throw Error( QStringLiteral( "entry %1 to supersede does not exist" ).arg( input.supersedes ), where );
    if ( supersededSegment != input.segment )
      throw Error( QStringLiteral( "entry %1 is about segment %2, not %3" ).arg( input.supersedes ).arg( supersededSegment, input.segment ), where );
  }

  void seal( LedgerEntry &e, long long id, const QString &previousHash )
  {
    e.id = id;
    e.previousHash = previousHash;
    e.recordedUtc = QDateTime::currentDateTimeUtc().toString( Qt::ISODateWithMs );
    e.hash = hashOf( e );
  }

  QMap<QString, QString> statusOf( const QStringList &segments, const QList<LedgerEntry> &entries )
  {
    QMap<QString, QString> status;
    for ( const QString &code : segments )
      status.insert( code, QStringLiteral( "no decision yet" ) );
    QSet<long long> superseded;
    for ( const LedgerEntry &e : entries )
      if ( e.input.supersedes >= 0 )
        superseded.insert( e.input.supersedes );
    for ( const LedgerEntry &e : entries ) // in id order: the latest standing entry wins
      if ( !superseded.contains( e.id ) )
        status[e.input.segment] = e.input.decision == QLatin1String( "referred" ) ? QStringLiteral( "referred to working group" ) : e.input.decision;
    return status;
  }

  VerifyReport verifyChain( const QList<LedgerEntry> &entries, long long recordedCount, const QString &recordedHead )
  {
    VerifyReport report;
    QString previous = zeroHash();
    report.entries = entries.size();
    long long expectedId = 1;
    for ( const LedgerEntry &e : entries )
    {
      const QString label = QStringLiteral( "entry %1 (protocol %2, segment %3)" ).arg( e.id ).arg( e.input.protocol, e.input.segment );
      if ( e.id != expectedId )
        report.problems << QStringLiteral( "entries %1 to %2 are missing before %3" ).arg( expectedId ).arg( e.id - 1 ).arg( label );
      expectedId = e.id + 1;
      if ( e.previousHash != previous )
        report.problems << QStringLiteral( "%1 does not follow the entry before it: the chain was changed" ).arg( label );
      if ( hashOf( e ) != e.hash )
        report.problems << QStringLiteral( "%1 was changed outside Limes: its content does not match its hash" ).arg( label );
      previous = e.hash;
    }
    if ( recordedCount != static_cast<long long>( entries.size() ) || recordedHead != previous )
      report.problems << QStringLiteral( "the ledger should hold %1 entries ending in %2…; it holds %3: entries were removed or added outside Limes" )
                      .arg( recordedCount ).arg( recordedHead.left( 12 ) ).arg( entries.size() );
    return report;
  }

  QString jsonOf( const QMap<QString, QString> &map )
  {
    return compact( toJson( map ) );
  }

  QString jsonOf( const QMap<QString, QStringList> &map )
  {
    return compact( toJson( map ) );
  }

  void readJson( LedgerEntry &e, const QString &positions, const QString &signatories, const QString &attachments )
  {
    const QJsonObject p = QJsonDocument::fromJson( positions.toUtf8() ).object();
    for ( auto it = p.begin(); it != p.end(); ++it )
      e.input.positions.insert( it.key(), it.value().toString() );
    const QJsonObject s = QJsonDocument::fromJson( signatories.toUtf8() ).object();
    for ( auto it = s.begin(); it != s.end(); ++it )
      for ( const QJsonValue &name : it.value().toArray() )
        e.input.signatories[it.key()] << name.toString();
    const QJsonObject a = QJsonDocument::fromJson( attachments.toUtf8() ).object();
    for ( auto it = a.begin(); it != a.end(); ++it )
    {
      e.attachmentHashes.insert( it.key(), it.value().toString() );
      e.input.attachments << it.key();
    }
  }
}
