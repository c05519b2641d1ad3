// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CRYPTO_SIGNING_H
#define LIMES_CRYPTO_SIGNING_H

// Ed25519 signatures for the ledger (OpenSSL's EVP API). A delegation's private key never
// enters a workspace: it lives in a passphrase-protected PKCS#8 file of its own; the
// workspace holds only public keys and their fingerprints.

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace limes::crypto
{
  //! Ed25519 public keys are 32 bytes, signatures 64.
  constexpr int PublicKeySize = 32;
  constexpr int SignatureSize = 64;

  /**
   * The fingerprint people compare out of band (read aloud, printed in a protocol):
   * "SHA256:" + the lower-case hex SHA-256 of the raw 32-byte public key.
   */
  QString fingerprintOf( const QByteArray &publicKey );

  //! True when `signature` is `publicKey`'s Ed25519 signature of `message`.
  bool verify( const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature );

  //! A private signing key, held only in memory; move-only.
  class SigningKey
  {
    public:
      //! A new random key.
      static SigningKey generate();
      //! The key of a 32-byte seed (RFC 8032's private key): test vectors and golden files.
      static SigningKey fromSeed( const QByteArray &seed );
      /**
       * Reads a key file written by save(). Throws limes::Error naming the file when it cannot
       * be read, the passphrase is wrong, or it is not an Ed25519 private key.
       */
      static SigningKey load( const QString &path, const QByteArray &passphrase );

      SigningKey( SigningKey && ) noexcept;
      SigningKey &operator=( SigningKey && ) noexcept;
      SigningKey( const SigningKey & ) = delete;
      SigningKey &operator=( const SigningKey & ) = delete;
      ~SigningKey();

      /**
       * Writes the key as encrypted PKCS#8 PEM (AES-256-CBC, key derived from the passphrase),
       * readable by its owner only, under a temporary name renamed at the end. An existing file
       * is never overwritten. An empty passphrase is refused.
       */
      void save( const QString &path, const QByteArray &passphrase ) const;

      QByteArray publicKey() const;
      QString fingerprint() const { return fingerprintOf( publicKey() ); }
      QByteArray sign( const QByteArray &message ) const;

    private:
      struct Deleter
      {
        void operator()( EVP_PKEY *key ) const;
      };
      explicit SigningKey( EVP_PKEY *key );
      std::unique_ptr<EVP_PKEY, Deleter> mKey;
  };
} // namespace limes::crypto

#endif // LIMES_CRYPTO_SIGNING_H
