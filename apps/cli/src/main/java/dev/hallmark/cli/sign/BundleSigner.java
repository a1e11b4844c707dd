package dev.hallmark.cli.sign;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleVersion;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.bundle.VerificationMaterial;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Makes a v0.3 bundle: gets a signing certificate (keyless) or takes the managed key, signs the
 * artifact digest or the DSSE PAE, timestamps the signature when the log is Rekor v2 (whose entries
 * carry no signed time), logs the signature and assembles the bundle. The order follows
 * sigstore-java: certificate, signature, timestamp, log entry.
 */
final class BundleSigner {
  private final FulcioClient fulcio;
  private final TimestampClient tsa;
  private final ServiceHttp http;
  private final SecureRandom random;

  BundleSigner(ServiceHttp http, SecureRandom random) {
    this.http = http;
    this.fulcio = new FulcioClient(http);
    this.tsa = new TimestampClient(http, random);
    this.random = random;
  }

  /** Signs a digest of the artifact (under the key's hash; P-256 keys: SHA-256). */
  Bundle signMessage(DigestSource artifact, SigningKey key, ServiceSelection services)
      throws ServiceException, UnsupportedKeyException {
    Prepared p = prepare(key, services);
    HashAlgorithm alg = p.signer.details().hashAlgorithm();
    byte[] digest = artifact.digest(alg);
    MessageSignature message =
        new MessageSignature(alg, Bytes.of(digest), Bytes.of(p.signer.signDigest(digest)));
    List<Bytes> timestamps = timestamps(message.signature(), services);
    TlogEntry entry = log(services).logMessage(message, p.identity);
    return new Bundle(BundleVersion.V0_3, p.material, List.of(entry), timestamps, message, null);
  }

  /** Signs {@code payload} as a DSSE envelope of {@code payloadType}. */
  Bundle signDsse(String payloadType, byte[] payload, SigningKey key, ServiceSelection services)
      throws ServiceException, UnsupportedKeyException {
    Prepared p = prepare(key, services);
    // the PAE covers only type and payload; the placeholder signature is replaced below
    byte[] pae =
        new DsseEnvelope(
                payloadType,
                Bytes.of(payload),
                List.of(new DsseEnvelope.Signature(Bytes.of(new byte[] {0}), "")))
            .pae();
    DsseEnvelope env =
        new DsseEnvelope(
            payloadType,
            Bytes.of(payload),
            List.of(new DsseEnvelope.Signature(Bytes.of(p.signer.sign(pae)), "")));
    List<Bytes> timestamps = timestamps(env.signatures().get(0).sig(), services);
    TlogEntry entry = log(services).logDsse(env, p.identity);
    return new Bundle(BundleVersion.V0_3, p.material, List.of(entry), timestamps, null, env);
  }

  /** The artifact's digest under a given algorithm. */
  @FunctionalInterface
  interface DigestSource {
    byte[] digest(HashAlgorithm alg);
  }

  private record Prepared(Signer signer, SignerIdentity identity, VerificationMaterial material) {}

  private Prepared prepare(SigningKey key, ServiceSelection services)
      throws ServiceException, UnsupportedKeyException {
    if (key instanceof SigningKey.Managed) {
      Signer signer = ((SigningKey.Managed) key).signer();
      if (signer.details().isEd25519()) {
        throw new UnsupportedKeyException(
            "Ed25519 keys cannot sign an artifact digest for a hashedrekord entry; use an ECDSA"
                + " or RSA key");
      }
      String hint = Base64.getEncoder().encodeToString(PublicKeys.sha256Spki(signer.publicKey()));
      return new Prepared(
          signer,
          new SignerIdentity(null, signer.publicKey(), signer.details()),
          new VerificationMaterial(VerificationMaterial.Kind.PUBLIC_KEY, List.of(), hint));
    }
    IdToken token = ((SigningKey.Keyless) key).token();
    KeyDetails details = KeyDetails.PKIX_ECDSA_P256_SHA_256;
    KeyPair pair = Signers.generate(details, random);
    Signer signer = Signers.create(pair, details, random);
    List<X509Certificate> chain = fulcio.issue(services.ca(), token, signer);
    X509Certificate leaf = chain.get(0);
    SignerIdentity identity = new SignerIdentity(leaf, pair.getPublic(), details);
    return new Prepared(
        signer,
        identity,
        new VerificationMaterial(
            VerificationMaterial.Kind.CERTIFICATE, List.of(Bytes.of(identity.der())), ""));
  }

  private List<Bytes> timestamps(Bytes signature, ServiceSelection services)
      throws ServiceException {
    if (services.rekorVersion() < 2) {
      return List.of();
    }
    URI url =
        services
            .tsa()
            .orElseThrow(
                () ->
                    new ServiceException(
                        "a Rekor v2 entry needs an RFC 3161 timestamp, and the signing config"
                            + " lists no timestamp authority"));
    return List.of(Bytes.of(tsa.timestamp(url, signature.toArray())));
  }

  private TransparencyLog log(ServiceSelection services) {
    return services.rekorVersion() == 2
        ? new RekorV2Log(http, services.rekor())
        : new RekorV1Log(http, services.rekor());
  }
}
