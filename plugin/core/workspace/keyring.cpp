// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/keyring.h"
#include "workspace/ledger.h"
#include "crypto/signing.h"

namespace limes::ledger
{
  namespace
  {
    QString text( const QJsonObject &o, const char *key )
    {
      return o.value( QLatin1String( key ) ).toString();
    }

    QString shortKey( const QString &fingerprint )
    {
      return fingerprint.left( 19 ) + QStringLiteral( "…" );
    }
  }

  QByteArray endorsementMessage( const QString &party, const QString &fingerprint, const QString &previousHash )
  {
    return QStringLiteral( "limes key endorsement\n%1\n%2\n%3" ).arg( party, fingerprint, previousHash ).toUtf8();
  }

  Keyring::Keyring( const QStringList &parties )
    : mParties( parties )
  {
    mParties << secretariat();
  }

  const RegisteredKey *Keyring::key( const QString &fingerprint ) const
  {
    for ( const RegisteredKey &k : mKeys )
      if ( k.fingerprint == fingerprint )
        return &k;
    return nullptr;
  }

  QString Keyring::activeParty( const QString &fingerprint ) const
  {
    const RegisteredKey *k = key( fingerprint );
    return k && k->revokedIn < 0 ? k->party : QString();
  }

  QList<RegisteredKey> Keyring::active( const QString &party ) const
  {
    QList<RegisteredKey> list;
    for ( const RegisteredKey &k : mKeys )
      if ( k.party == party && k.revokedIn < 0 )
        list << k;
    return list;
  }

  QString Keyring::checkSignedBy( const LedgerEntry &e, const QByteArray &publicKey ) const
  {
    if ( !crypto::verify( publicKey, e.sealed, QByteArray::fromHex( e.signature.toLatin1() ) ) )
      return QStringLiteral( "its signature does not verify under key %1 of %2" ).arg( shortKey( e.signerKey ), e.signerParty );
    return QString();
  }

  QStringList Keyring::checkKeyEntry( const LedgerEntry &e ) const
  {
    const QJsonObject &p = e.payload;
    const QString party = text( p, "party" ), fingerprint = text( p, "fingerprint" );
    const QByteArray publicKey = QByteArray::fromHex( text( p, "public_key" ).toLatin1() );
    QStringList problems;
    if ( !mParties.contains( party ) )
      problems << QStringLiteral( "registers a key for '%1', which is no party of this workspace" ).arg( party );
    if ( publicKey.size() != crypto::PublicKeySize || crypto::fingerprintOf( publicKey ) != fingerprint )
      problems << QStringLiteral( "its public key does not have the fingerprint it gives" );
    if ( e.signerParty != party || e.signerKey != fingerprint )
      problems << QStringLiteral( "a key is registered by itself (signer %1 %2, key of %3 %4)" ).arg( e.signerParty, shortKey( e.signerKey ), party, shortKey( fingerprint ) );
    if ( key( fingerprint ) )
      problems << QStringLiteral( "key %1 is registered already (entry %2)" ).arg( shortKey( fingerprint ) ).arg( key( fingerprint )->registeredIn );
    if ( !problems.isEmpty() )
      return problems;
    const QString signature = checkSignedBy( e, publicKey ); // proof of possession
    if ( !signature.isEmpty() )
      return { signature };
    const QList<RegisteredKey> current = active( party );
    if ( current.isEmpty() )
      return {}; // a first key: proof of possession is all the ledger can check; --trust checks the rest
    const QJsonObject endorsement = p.value( QLatin1String( "endorsement" ) ).toObject();
    const QString by = text( endorsement, "key" );
    const RegisteredKey *endorser = key( by );
    if ( endorsement.isEmpty() || !endorser || endorser->party != party || endorser->revokedIn >= 0 )
      return { QStringLiteral( "%1 has an active key (%2): a new key needs its endorsement" ).arg( party, shortKey( current.first().fingerprint ) ) };
    if ( !crypto::verify( endorser->publicKey, endorsementMessage( party, fingerprint, e.previousHash ), QByteArray::fromHex( text( endorsement, "signature" ).toLatin1() ) ) )
      return { QStringLiteral( "its endorsement by %1 does not verify" ).arg( shortKey( by ) ) };
    return {};
  }

  QStringList Keyring::checkRevocation( const LedgerEntry &e ) const
  {
    const QString fingerprint = text( e.payload, "fingerprint" );
    const RegisteredKey *target = key( fingerprint );
    const RegisteredKey *signer = key( e.signerKey );
    if ( !target || target->revokedIn >= 0 || target->party != text( e.payload, "party" ) )
      return { QStringLiteral( "revokes key %1, which is not an active key of %2" ).arg( shortKey( fingerprint ), text( e.payload, "party" ) ) };
    if ( !signer || signer->revokedIn >= 0 || signer->party != e.signerParty )
      return { QStringLiteral( "signed by %1, which is not an active key of %2" ).arg( shortKey( e.signerKey ), e.signerParty ) };
    if ( signer->party != target->party && signer->party != secretariat() )
      return { QStringLiteral( "a key of %1 is revoked by %1 or the secretariat, not by %2" ).arg( target->party, signer->party ) };
    const QString signature = checkSignedBy( e, signer->publicKey );
    return signature.isEmpty() ? QStringList() : QStringList{ signature };
  }

  QStringList Keyring::accept( const LedgerEntry &e )
  {
    QStringList problems;
    if ( e.kind == QLatin1String( "key" ) )
    {
      problems = checkKeyEntry( e );
      if ( problems.isEmpty() )
        mKeys << RegisteredKey{ text( e.payload, "party" ), text( e.payload, "fingerprint" ), text( e.payload, "holder" ),
                                QByteArray::fromHex( text( e.payload, "public_key" ).toLatin1() ), e.id, -1 };
      return problems;
    }
    if ( e.kind == QLatin1String( "key_revoke" ) )
    {
      problems = checkRevocation( e );
      if ( problems.isEmpty() )
        for ( RegisteredKey &k : mKeys )
          if ( k.fingerprint == text( e.payload, "fingerprint" ) )
            k.revokedIn = e.id;
      return problems;
    }
    const RegisteredKey *signer = key( e.signerKey );
    if ( !signer )
      return { QStringLiteral( "signed by key %1, which is not registered" ).arg( shortKey( e.signerKey ) ) };
    if ( signer->party != e.signerParty )
      return { QStringLiteral( "signed for %1 by key %2, which is registered for %3" ).arg( e.signerParty, shortKey( e.signerKey ), signer->party ) };
    if ( signer->revokedIn >= 0 )
      return { QStringLiteral( "signed by key %1, revoked in entry %2" ).arg( shortKey( e.signerKey ) ).arg( signer->revokedIn ) };
    const QString signature = checkSignedBy( e, signer->publicKey );
    return signature.isEmpty() ? QStringList() : QStringList{ signature };
  }

  Analysis analyse( const QList<LedgerEntry> &entries, const QStringList &parties )
  {
    Analysis a( parties );
    QMap<long long, const LedgerEntry *> byId;
    for ( const LedgerEntry &e : entries )
    {
      if ( e.format != 2 )
      {
        byId.insert( e.id, &e );
        continue;
      }
      QStringList problems = a.keyring.accept( e );
      const bool valid = problems.isEmpty();
      if ( e.kind == QLatin1String( "decision" ) && valid && e.signerParty != secretariat() )
        a.signedBy[e.id].insert( e.signerParty );
      if ( e.kind == QLatin1String( "countersign" ) )
      {
        const long long target = static_cast<long long>( e.payload.value( QLatin1String( "entry" ) ).toDouble() );
        const LedgerEntry *t = byId.value( target );
        if ( !t || t->kind != QLatin1String( "decision" ) )
          problems << QStringLiteral( "countersigns entry %1, which is no decision recorded before it" ).arg( target );
        else if ( t->hash != text( e.payload, "entry_hash" ) )
          problems << QStringLiteral( "countersigns entry %1 as %2…, but that entry's hash is %3…" ).arg( target ).arg( text( e.payload, "entry_hash" ).left( 12 ), t->hash.left( 12 ) );
        else if ( e.signerParty == secretariat() )
          problems << QStringLiteral( "the secretariat's signature counts for no party" );
        else if ( a.signedBy.value( target ).contains( e.signerParty ) )
          problems << QStringLiteral( "%1 has signed entry %2 already" ).arg( e.signerParty ).arg( target );
        else if ( valid )
          a.signedBy[target].insert( e.signerParty );
      }
      if ( !problems.isEmpty() )
        a.problems.insert( e.id, problems );
      byId.insert( e.id, &e );
    }
    return a;
  }
}
