// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/ledger.h"
#include "workspace/canonicaljson.h"
#include "workspace/keyring.h"
#include "crypto/signing.h"
#include "error.h"
#include "fingerprint.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
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

    //! Format 1 read JSON columns leniently; what they hold is checked by the hash.
    QJsonObject lenient( const QString &text )
    {
      return QJsonDocument::fromJson( text.toUtf8() ).object();
    }

    void readMaps( LedgerEntry &e, const QJsonObject &positions, const QJsonObject &signatories, const QJsonObject &attachments )
    {
      for ( auto it = positions.begin(); it != positions.end(); ++it )
        e.input.positions.insert( it.key(), it.value().toString() );
      for ( auto it = signatories.begin(); it != signatories.end(); ++it )
        for ( const QJsonValue &name : it.value().toArray() )
          e.input.signatories[it.key()] << name.toString();
      for ( auto it = attachments.begin(); it != attachments.end(); ++it )
      {
        e.attachmentHashes.insert( it.key(), it.value().toString() );
        e.input.attachments << it.key();
      }
    }

    //! A decision's fields from its payload (format 2).
    void readDecision( LedgerEntry &e )
    {
      const QJsonObject &p = e.payload;
      e.input.segment = p.value( QLatin1String( "segment" ) ).toString();
      e.input.protocol = p.value( QLatin1String( "protocol" ) ).toString();
      e.input.meetingDate = QDate::fromString( p.value( QLatin1String( "meeting_date" ) ).toString(), Qt::ISODate );
      e.input.place = p.value( QLatin1String( "place" ) ).toString();
      e.input.decision = p.value( QLatin1String( "decision" ) ).toString();
      e.input.agreedVersion = p.value( QLatin1String( "agreed_version" ) ).toString();
      e.agreedVersionSha256 = p.value( QLatin1String( "agreed_version_sha256" ) ).toString();
      const QJsonValue supersedes = p.value( QLatin1String( "supersedes" ) );
      e.input.supersedes = supersedes.isDouble() ? static_cast<long long>( supersedes.toDouble() ) : -1;
      readMaps( e, p.value( QLatin1String( "positions" ) ).toObject(), p.value( QLatin1String( "signatories" ) ).toObject(),
                p.value( QLatin1String( "attachments" ) ).toObject() );
    }

    //! Format 1: the fields from the columns.
    void readV1( LedgerEntry &e, const Row &r )
    {
      e.format = 1;
      e.input.segment = r.segment;
      e.input.protocol = r.protocol;
      e.input.meetingDate = QDate::fromString( r.meetingDate, Qt::ISODate );
      e.input.place = r.place.isNull() ? QString( "" ) : r.place;
      e.input.decision = r.decision;
      e.input.agreedVersion = r.agreedVersion.isNull() ? QString( "" ) : r.agreedVersion;
      e.input.supersedes = r.supersedes.isEmpty() ? -1 : r.supersedes.toLongLong();
      readMaps( e, lenient( r.positions ), lenient( r.signatories ), lenient( r.attachments ) );
    }

    //! The sealed fields whose bytes differ between what the columns give and what was sealed.
    QStringList differingFields( const QByteArray &rebuilt, const QByteArray &sealed )
    {
      QJsonObject a, b;
      canonicaljson::parseObject( QString::fromUtf8( rebuilt ), &a );
      if ( !canonicaljson::parseObject( QString::fromUtf8( sealed ), &b ) )
        return { QStringLiteral( "sealed" ) };
      QStringList keys = a.keys() + b.keys();
      keys.removeDuplicates();
      keys.sort();
      QStringList fields;
      for ( const QString &k : keys )
      {
        if ( a.value( k ) == b.value( k ) )
          continue;
        if ( k == QLatin1String( "payload" ) && a.value( k ).isObject() && b.value( k ).isObject() )
        {
          const QJsonObject pa = a.value( k ).toObject(), pb = b.value( k ).toObject();
          QStringList inner = pa.keys() + pb.keys();
          inner.removeDuplicates();
          inner.sort();
          for ( const QString &i : inner )
            if ( pa.value( i ) != pb.value( i ) )
              fields << QStringLiteral( "payload.%1" ).arg( i );
        }
        else
          fields << k;
      }
      return fields;
    }

    //! The decision columns a format 2 row must hold, compared with what it holds.
    void checkColumns( const Row &stored, const Row &expected, QStringList *problems )
    {
      const QList<QPair<const char *, QPair<QString, QString>>> columns{
        { "segment", { stored.segment, expected.segment } }, { "protocol", { stored.protocol, expected.protocol } },
        { "meeting_date", { stored.meetingDate, expected.meetingDate } }, { "place", { stored.place, expected.place } },
        { "decision", { stored.decision, expected.decision } }, { "agreed_version", { stored.agreedVersion, expected.agreedVersion } },
        { "positions", { stored.positions, expected.positions } }, { "signatories", { stored.signatories, expected.signatories } },
        { "attachments", { stored.attachments, expected.attachments } }, { "supersedes", { stored.supersedes, expected.supersedes } },
      };
      QStringList differ;
      for ( const auto &c : columns )
        if ( c.second.first.isEmpty() != c.second.second.isEmpty() || ( !c.second.first.isEmpty() && c.second.first != c.second.second ) )
          differ << QLatin1String( c.first );
      if ( !differ.isEmpty() )
        *problems << QStringLiteral( "column %1 %2 not what was sealed" ).arg( differ.join( QLatin1String( ", " ) ), differ.size() > 1 ? QStringLiteral( "are" ) : QStringLiteral( "is" ) );
    }

    //! JSON columns must hold JSON: anything else is named, with what it holds.
    void checkJsonColumns( const Row &r, bool v2, QStringList *problems )
    {
      const QList<QPair<const char *, QString>> columns{ { "positions", r.positions }, { "signatories", r.signatories }, { "attachments", r.attachments },
        { "payload", r.payload } };
      for ( const auto &c : columns )
      {
        if ( c.second.isNull() && ( v2 || qstrcmp( c.first, "payload" ) == 0 ) )
          continue;
        QJsonObject o;
        bool exact = false;
        if ( !canonicaljson::parseObject( c.second, &o, &exact ) )
          *problems << QStringLiteral( "%1 is not JSON: '%2'" ).arg( QLatin1String( c.first ), c.second.left( 60 ) );
        else if ( v2 && !exact )
          *problems << QStringLiteral( "%1 is not stored in its sealed form" ).arg( QLatin1String( c.first ) );
      }
    }
  }

  const QStringList &decisions()
  {
    static const QStringList list{ QStringLiteral( "agreed" ), QStringLiteral( "disputed" ), QStringLiteral( "deferred" ), QStringLiteral( "referred" ) };
    return list;
  }

  const QStringList &kinds()
  {
    static const QStringList list{ QStringLiteral( "decision" ), QStringLiteral( "countersign" ), QStringLiteral( "key" ), QStringLiteral( "key_revoke" ),
                                   QStringLiteral( "version" ), QStringLiteral( "pillars" ), QStringLiteral( "finding" ), QStringLiteral( "change" ),
                                   QStringLiteral( "segment_split" ) };
    return list;
  }

  QString secretariat()
  {
    return QStringLiteral( "SECRETARIAT" );
  }

  QString zeroHash()
  {
    return QString( 64, QLatin1Char( '0' ) );
  }

  QByteArray canonicalV1( const LedgerEntry &e )
  {
    // QJsonObject keeps its keys sorted and Compact adds no whitespace: the bytes of schema 4
    QJsonObject o{ { "id", static_cast<qint64>( e.id ) }, { "segment", e.input.segment }, { "protocol", e.input.protocol },
      { "meeting_date", e.input.meetingDate.toString( Qt::ISODate ) }, { "place", e.input.place }, { "decision", e.input.decision },
      { "agreed_version", e.input.agreedVersion }, { "positions", toJson( e.input.positions ) }, { "signatories", toJson( e.input.signatories ) },
      { "attachments", toJson( e.attachmentHashes ) }, { "supersedes", static_cast<qint64>( e.input.supersedes ) }, { "author", e.input.author },
      { "recorded_utc", e.recordedUtc }, { "previous_hash", e.previousHash } };
    return QJsonDocument( o ).toJson( QJsonDocument::Compact );
  }

  QByteArray canonical( const LedgerEntry &e )
  {
    const QJsonObject o{ { "author", e.input.author }, { "id", static_cast<qint64>( e.id ) }, { "kind", e.kind }, { "payload", e.payload },
      { "previous_hash", e.previousHash }, { "recorded_utc", e.recordedUtc }, { "signer_key", e.signerKey }, { "signer_party", e.signerParty }, { "v", 2 } };
    return canonicaljson::serialise( o );
  }

  QString hashOf( const LedgerEntry &entry )
  {
    return canonicaljson::sha256( entry.format == 1 ? canonicalV1( entry ) : canonical( entry ) );
  }

  QJsonObject decisionPayload( const LedgerEntry &e )
  {
    return QJsonObject{ { "segment", e.input.segment }, { "protocol", e.input.protocol }, { "meeting_date", e.input.meetingDate.toString( Qt::ISODate ) },
      { "place", e.input.place }, { "decision", e.input.decision }, { "agreed_version", e.input.agreedVersion },
      { "agreed_version_sha256", e.agreedVersionSha256 }, { "positions", toJson( e.input.positions ) }, { "signatories", toJson( e.input.signatories ) },
      { "attachments", toJson( e.attachmentHashes ) },
      { "supersedes", e.input.supersedes >= 1 ? QJsonValue( static_cast<qint64>( e.input.supersedes ) ) : QJsonValue( QJsonValue::Null ) } };
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
    if ( input.supersedes != -1 && input.supersedes < 1 )
      throw Error( QStringLiteral( "--supersedes takes the id of an entry, 1 or more (got %1)" ).arg( input.supersedes ), where );
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

  QString nowUtc()
  {
    const QString fixed = qEnvironmentVariable( "LIMES_TEST_FIXED_UTC" );
    return fixed.isEmpty() ? QDateTime::currentDateTimeUtc().toString( Qt::ISODateWithMs ) : fixed;
  }

  void seal( LedgerEntry &e, long long id, const QString &previousHash, const QString &signerParty, const crypto::SigningKey &key )
  {
    e.format = 2;
    e.id = id;
    e.previousHash = previousHash;
    e.recordedUtc = nowUtc();
    e.signerParty = signerParty;
    e.signerKey = key.fingerprint();
    if ( e.kind == QLatin1String( "decision" ) )
      e.payload = decisionPayload( e );
    e.sealed = canonical( e );
    e.hash = canonicaljson::sha256( e.sealed );
    e.signature = QString::fromLatin1( key.sign( e.sealed ).toHex() );
  }

  Row toRow( const LedgerEntry &e )
  {
    Row r;
    r.id = e.id;
    r.kind = e.kind;
    r.author = e.input.author;
    r.recordedUtc = e.recordedUtc;
    r.previousHash = e.previousHash;
    r.hash = e.hash;
    if ( e.kind == QLatin1String( "decision" ) )
    {
      r.segment = e.input.segment;
      r.protocol = e.input.protocol;
      r.meetingDate = e.input.meetingDate.toString( Qt::ISODate );
      r.place = e.input.place;
      r.decision = e.input.decision;
      r.agreedVersion = e.input.agreedVersion;
      r.positions = jsonOf( e.input.positions );
      r.signatories = jsonOf( e.input.signatories );
      r.attachments = jsonOf( e.attachmentHashes );
      r.supersedes = e.input.supersedes >= 1 ? QString::number( e.input.supersedes ) : QString();
    }
    if ( e.format == 2 )
    {
      r.payload = QString::fromUtf8( canonicaljson::serialise( e.payload ) );
      r.signerParty = e.signerParty;
      r.signerKey = e.signerKey;
      r.signature = e.signature;
      r.sealed = QString::fromUtf8( e.sealed );
    }
    return r;
  }

  LedgerEntry fromRow( const Row &r, QStringList *problems )
  {
    LedgerEntry e;
    e.id = r.id;
    e.kind = r.kind.isEmpty() ? QStringLiteral( "decision" ) : r.kind;
    e.input.author = r.author;
    e.recordedUtc = r.recordedUtc;
    e.previousHash = r.previousHash;
    e.hash = r.hash;
    e.signerParty = r.signerParty;
    e.signerKey = r.signerKey;
    e.signature = r.signature;
    e.sealed = r.sealed.toUtf8();
    QStringList found;
    const bool v1 = r.sealed.isEmpty() && r.payload.isEmpty() && r.signature.isEmpty();
    checkJsonColumns( r, !v1, &found );
    if ( v1 )
      readV1( e, r );
    else
    {
      canonicaljson::parseObject( r.payload, &e.payload );
      if ( e.kind == QLatin1String( "decision" ) )
        readDecision( e );
      // one line for one change: a column that is not JSON says it all
      if ( found.isEmpty() )
        checkColumns( r, toRow( e ), &found );
      if ( found.isEmpty() && canonical( e ) != e.sealed )
      {
        const QStringList fields = differingFields( canonical( e ), e.sealed );
        found << QStringLiteral( "%1 %2 not what was sealed" ).arg( fields.join( QLatin1String( ", " ) ), fields.size() > 1 ? QStringLiteral( "are" ) : QStringLiteral( "is" ) );
      }
    }
    if ( problems )
      *problems << found;
    return e;
  }

  LedgerEntry fromSealed( const LedgerEntry &stored )
  {
    QJsonObject o;
    if ( stored.format != 2 || !canonicaljson::parseObject( QString::fromUtf8( stored.sealed ), &o ) )
      return stored;
    LedgerEntry e;
    e.format = 2;
    e.id = static_cast<long long>( o.value( QLatin1String( "id" ) ).toDouble() );
    e.kind = o.value( QLatin1String( "kind" ) ).toString();
    e.input.author = o.value( QLatin1String( "author" ) ).toString();
    e.payload = o.value( QLatin1String( "payload" ) ).toObject();
    e.previousHash = o.value( QLatin1String( "previous_hash" ) ).toString();
    e.recordedUtc = o.value( QLatin1String( "recorded_utc" ) ).toString();
    e.signerKey = o.value( QLatin1String( "signer_key" ) ).toString();
    e.signerParty = o.value( QLatin1String( "signer_party" ) ).toString();
    e.hash = stored.hash;
    e.signature = stored.signature;
    e.sealed = stored.sealed;
    if ( e.kind == QLatin1String( "decision" ) )
      readDecision( e );
    return e;
  }

  QString label( const LedgerEntry &e )
  {
    const QJsonObject &p = e.payload;
    auto text = [&p]( const char *key ) { return p.value( QLatin1String( key ) ).toString(); };
    const QString kind = e.kind;
    QString what;
    if ( kind == QLatin1String( "decision" ) )
      what = QStringLiteral( "protocol %1, segment %2" ).arg( e.input.protocol, e.input.segment );
    else if ( kind == QLatin1String( "countersign" ) )
      what = QStringLiteral( "%1 countersigns entry %2" ).arg( e.signerParty ).arg( static_cast<qint64>( p.value( QLatin1String( "entry" ) ).toDouble() ) );
    else if ( kind == QLatin1String( "key" ) )
      what = QStringLiteral( "key of %1 %2" ).arg( text( "party" ), text( "fingerprint" ).left( 19 ) );
    else if ( kind == QLatin1String( "key_revoke" ) )
      what = QStringLiteral( "revokes key %1" ).arg( text( "fingerprint" ).left( 19 ) );
    else if ( kind == QLatin1String( "version" ) )
      what = QStringLiteral( "version %1" ).arg( text( "name" ) );
    else if ( kind == QLatin1String( "pillars" ) && p.value( QLatin1String( "survey" ) ).isObject() )
      what = QStringLiteral( "survey of pillar %1" ).arg( p.value( QLatin1String( "survey" ) ).toObject().value( QLatin1String( "pillar" ) ).toString() );
    else if ( kind == QLatin1String( "pillars" ) )
      what = QStringLiteral( "%1 pillars" ).arg( static_cast<qint64>( p.value( QLatin1String( "count" ) ).toDouble() ) );
    else if ( kind == QLatin1String( "finding" ) )
      what = QStringLiteral( "finding %1 on %2 feature %3" ).arg( text( "rule" ), text( "layer" ) ).arg( static_cast<qint64>( p.value( QLatin1String( "fid" ) ).toDouble() ) );
    else if ( kind == QLatin1String( "change" ) )
      what = QStringLiteral( "change %1 -> %2" ).arg( text( "old" ), text( "new" ) );
    else if ( kind == QLatin1String( "segment_split" ) )
    {
      QStringList made;
      for ( const QJsonValue &s : p.value( QLatin1String( "segments" ) ).toArray() )
        made << s.toObject().value( QLatin1String( "code" ) ).toString();
      what = QStringLiteral( "%1 split into %2" ).arg( text( "segment" ), made.join( QLatin1String( ", " ) ) );
    }
    else
      what = kind;
    return QStringLiteral( "entry %1 (%2)" ).arg( e.id ).arg( what );
  }

  QMap<QString, QString> statusOf( const QStringList &segments, const QStringList &parties, const QList<LedgerEntry> &entries )
  {
    QMap<QString, QString> status;
    for ( const QString &code : segments )
      status.insert( code, QStringLiteral( "no decision yet" ) );
    const Analysis analysis = analyse( entries, parties );
    QSet<long long> superseded;
    for ( const LedgerEntry &e : entries )
      if ( e.kind == QLatin1String( "decision" ) && e.input.supersedes >= 1 )
        superseded.insert( e.input.supersedes );
    // in id order: the latest standing decision wins; a segment made by a split stands where its
    // parent stood until a decision about it is recorded
    QMap<QString, const LedgerEntry *> standing;
    for ( const LedgerEntry &e : entries )
    {
      if ( e.format == 2 && e.kind == QLatin1String( "segment_split" ) )
      {
        const QString parent = e.payload.value( QLatin1String( "segment" ) ).toString();
        QStringList made;
        for ( const QJsonValue &s : e.payload.value( QLatin1String( "segments" ) ).toArray() )
        {
          made << s.toObject().value( QLatin1String( "code" ) ).toString();
          if ( standing.contains( parent ) )
            standing.insert( made.last(), standing.value( parent ) );
        }
        standing.remove( parent );
        status[parent] = QStringLiteral( "split into %1" ).arg( made.join( QLatin1String( ", " ) ) );
      }
      else if ( e.kind == QLatin1String( "decision" ) && !superseded.contains( e.id ) )
        standing.insert( e.input.segment, &e );
    }
    for ( auto it = standing.cbegin(); it != standing.cend(); ++it )
    {
      const LedgerEntry &e = *it.value();
      QString s = e.input.decision == QLatin1String( "referred" ) ? QStringLiteral( "referred to working group" ) : e.input.decision;
      if ( e.format == 2 && e.input.decision == QLatin1String( "agreed" ) )
      {
        QStringList awaiting;
        for ( auto it = e.input.signatories.cbegin(); it != e.input.signatories.cend(); ++it )
          if ( !it.value().isEmpty() && !analysis.signedBy.value( e.id ).contains( it.key() ) )
            awaiting << it.key();
        if ( !awaiting.isEmpty() )
          s = QStringLiteral( "agreed (awaiting %1)" ).arg( awaiting.join( QLatin1String( ", " ) ) );
      }
      status[it.key()] = s;
    }
    return status;
  }

  QString jsonOf( const QMap<QString, QString> &map )
  {
    return QString::fromUtf8( canonicaljson::serialise( toJson( map ) ) );
  }

  QString jsonOf( const QMap<QString, QStringList> &map )
  {
    return QString::fromUtf8( canonicaljson::serialise( toJson( map ) ) );
  }
}
