// SPDX-License-Identifier: GPL-2.0-or-later
#include "crypto/signing.h"
#include "error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace limes::crypto
{
  namespace
  {
    QString opensslError()
    {
      const unsigned long code = ERR_get_error();
      ERR_clear_error();
      if ( code == 0 )
        return QStringLiteral( "unknown OpenSSL error" );
      char buffer[256];
      ERR_error_string_n( code, buffer, sizeof buffer );
      return QString::fromLatin1( buffer );
    }

    struct BioDeleter
    {
      void operator()( BIO *b ) const { BIO_free( b ); }
    };
    struct MdCtxDeleter
    {
      void operator()( EVP_MD_CTX *c ) const { EVP_MD_CTX_free( c ); }
    };
    using Bio = std::unique_ptr<BIO, BioDeleter>;
    using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

    // PEM callbacks take the passphrase from here rather than prompting on a terminal
    int passphraseCallback( char *buffer, int size, int, void *userData )
    {
      const QByteArray *passphrase = static_cast<const QByteArray *>( userData );
      const int n = std::min( size, static_cast<int>( passphrase->size() ) );
      std::copy( passphrase->constData(), passphrase->constData() + n, buffer );
      return n;
    }
  } // namespace

  QString fingerprintOf( const QByteArray &publicKey )
  {
    return QStringLiteral( "SHA256:" ) + QString::fromLatin1( QCryptographicHash::hash( publicKey, QCryptographicHash::Sha256 ).toHex() );
  }

  bool verify( const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature )
  {
    if ( publicKey.size() != PublicKeySize || signature.size() != SignatureSize )
      return false;
    std::unique_ptr<EVP_PKEY, void ( * )( EVP_PKEY * )> key(
      EVP_PKEY_new_raw_public_key( EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>( publicKey.constData() ), publicKey.size() ),
      EVP_PKEY_free );
    MdCtx ctx( EVP_MD_CTX_new() );
    if ( !key || !ctx || EVP_DigestVerifyInit( ctx.get(), nullptr, nullptr, nullptr, key.get() ) != 1 )
    {
      ERR_clear_error();
      return false;
    }
    const int ok = EVP_DigestVerify( ctx.get(), reinterpret_cast<const unsigned char *>( signature.constData() ), signature.size(),
                                     reinterpret_cast<const unsigned char *>( message.constData() ), message.size() );
    ERR_clear_error();
    return ok == 1;
  }

  void SigningKey::Deleter::operator()( EVP_PKEY *key ) const
  {
    EVP_PKEY_free( key );
  }

  SigningKey::SigningKey( EVP_PKEY *key )
    : mKey( key )
  {}

  SigningKey::SigningKey( SigningKey && ) noexcept = default;
  SigningKey &SigningKey::operator=( SigningKey && ) noexcept = default;
  SigningKey::~SigningKey() = default;

  SigningKey SigningKey::generate()
  {
    EVP_PKEY *key = nullptr;
    std::unique_ptr<EVP_PKEY_CTX, void ( * )( EVP_PKEY_CTX * )> ctx( EVP_PKEY_CTX_new_id( EVP_PKEY_ED25519, nullptr ), EVP_PKEY_CTX_free );
    if ( !ctx || EVP_PKEY_keygen_init( ctx.get() ) != 1 || EVP_PKEY_keygen( ctx.get(), &key ) != 1 )
      throw Error( QStringLiteral( "cannot generate an Ed25519 key: %1" ).arg( opensslError() ) );
    return SigningKey( key );
  }

  SigningKey SigningKey::fromSeed( const QByteArray &seed )
  {
    EVP_PKEY *key = seed.size() == 32 ? EVP_PKEY_new_raw_private_key( EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>( seed.constData() ), seed.size() ) : nullptr;
    if ( !key )
      throw Error( QStringLiteral( "an Ed25519 seed is 32 bytes" ) );
    return SigningKey( key );
  }

  SigningKey SigningKey::load( const QString &path, const QByteArray &passphrase )
  {
    QFile file( path );
    if ( !file.open( QIODevice::ReadOnly ) )
      throw Error( QStringLiteral( "cannot read the key file: %1" ).arg( file.errorString() ), path );
    const QByteArray pem = file.readAll();
    Bio bio( BIO_new_mem_buf( pem.constData(), pem.size() ) );
    QByteArray pass = passphrase;
    EVP_PKEY *key = PEM_read_bio_PrivateKey( bio.get(), nullptr, passphraseCallback, &pass );
    if ( !key )
    {
      ERR_clear_error();
      throw Error( QStringLiteral( "cannot open the key: wrong passphrase, or not a Limes key file" ), path );
    }
    if ( EVP_PKEY_id( key ) != EVP_PKEY_ED25519 )
    {
      EVP_PKEY_free( key );
      throw Error( QStringLiteral( "not an Ed25519 key" ), path );
    }
    return SigningKey( key );
  }

  void SigningKey::save( const QString &path, const QByteArray &passphrase ) const
  {
    if ( passphrase.isEmpty() )
      throw Error( QStringLiteral( "a key file needs a passphrase" ), path );
    if ( QFileInfo::exists( path ) )
      throw Error( QStringLiteral( "exists already; a key file is never overwritten" ), path );
    Bio bio( BIO_new( BIO_s_mem() ) );
    QByteArray pass = passphrase;
    if ( !bio || PEM_write_bio_PKCS8PrivateKey( bio.get(), mKey.get(), EVP_aes_256_cbc(), nullptr, 0, passphraseCallback, &pass ) != 1 )
      throw Error( QStringLiteral( "cannot encrypt the key: %1" ).arg( opensslError() ), path );
    char *data = nullptr;
    const long size = BIO_get_mem_data( bio.get(), &data );
    const QString temporary = path + QStringLiteral( ".partial" );
    QFile file( temporary );
    if ( !file.open( QIODevice::WriteOnly | QIODevice::NewOnly ) )
      throw Error( QStringLiteral( "cannot write the key file: %1" ).arg( file.errorString() ), temporary );
    file.setPermissions( QFileDevice::ReadOwner | QFileDevice::WriteOwner );
    const bool written = file.write( data, size ) == size && file.flush();
    file.close();
    // rename() would replace a file created meanwhile: a hard link refuses to
    if ( !written || ::link( QFile::encodeName( temporary ).constData(), QFile::encodeName( path ).constData() ) != 0 )
    {
      QFile::remove( temporary );
      throw Error( QStringLiteral( "cannot write the key file" ), path );
    }
    QFile::remove( temporary );
  }

  QByteArray SigningKey::publicKey() const
  {
    QByteArray raw( PublicKeySize, '\0' );
    size_t size = raw.size();
    if ( EVP_PKEY_get_raw_public_key( mKey.get(), reinterpret_cast<unsigned char *>( raw.data() ), &size ) != 1 || size != PublicKeySize )
      throw Error( QStringLiteral( "cannot read the public key: %1" ).arg( opensslError() ) );
    return raw;
  }

  QByteArray SigningKey::sign( const QByteArray &message ) const
  {
    MdCtx ctx( EVP_MD_CTX_new() );
    QByteArray signature( SignatureSize, '\0' );
    size_t size = signature.size();
    if ( !ctx || EVP_DigestSignInit( ctx.get(), nullptr, nullptr, nullptr, mKey.get() ) != 1
         || EVP_DigestSign( ctx.get(), reinterpret_cast<unsigned char *>( signature.data() ), &size,
                            reinterpret_cast<const unsigned char *>( message.constData() ), message.size() ) != 1
         || size != SignatureSize )
      throw Error( QStringLiteral( "cannot sign: %1" ).arg( opensslError() ) );
    return signature;
  }
} // namespace limes::crypto
