package dev.hallmark.testkit;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes real, distinct hashedrekord requests: random artifacts signed with ECDSA P-256
 * (BouncyCastle, deterministic RFC 6979 signatures). Every artifact starts with a per-factory nonce
 * and a counter, so no two requests of any factories are ever the same entry. Generate before
 * timing anything: signing is not what a benchmark should measure. Thread-safe.
 */
public final class HashedRekordFactory {
  private static final KeyDetails DETAILS = KeyDetails.PKIX_ECDSA_P256_SHA_256;

  private final List<Signer> signers = new ArrayList<>();
  private final List<String> publicKeys = new ArrayList<>();
  private final List<String> pemPublicKeys = new ArrayList<>();
  private final byte[] nonce = new byte[16];
  private final long seed;
  private final AtomicLong counter = new AtomicLong();

  /**
   * @param random source of the keys, the nonce and the artifact seed
   * @param keys how many signing keys to spread the requests over (at least 1)
   */
  public HashedRekordFactory(SecureRandom random, int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("need at least one key");
    }
    for (int i = 0; i < keys; i++) {
      try {
        Signer signer = Signers.create(Signers.generate(DETAILS, random), DETAILS);
        signers.add(signer);
        byte[] spki = signer.publicKey().getEncoded();
        publicKeys.add(Base64.getEncoder().encodeToString(spki));
        pemPublicKeys.add(
            Base64.getEncoder()
                .encodeToString(
                    PublicKeys.pem("PUBLIC KEY", spki).getBytes(StandardCharsets.US_ASCII)));
      } catch (UnsupportedKeyException e) {
        throw new IllegalStateException("cannot create an ECDSA P-256 signer", e);
      }
    }
    random.nextBytes(nonce);
    seed = random.nextLong();
  }

  /** Generates {@code n} fresh requests, signing in parallel on all cores. */
  public List<HashedRekordRequest> generate(int n) {
    long first = counter.getAndAdd(n);
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(i -> request(first + i, false))
        .collect(Collectors.toList());
  }

  /**
   * Generates {@code n} fresh Rekor v1 requests ({@code POST /api/v1/log/entries}): hashedrekord
   * 0.0.1 proposed entries with the key as a base64 PEM block, signing in parallel on all cores.
   */
  public List<HashedRekordRequest> generateV1(int n) {
    long first = counter.getAndAdd(n);
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(i -> request(first + i, true))
        .collect(Collectors.toList());
  }

  /** One fresh request. */
  public HashedRekordRequest next() {
    return request(counter.getAndIncrement(), false);
  }

  private HashedRekordRequest request(long number, boolean v1) {
    byte[] artifact = new byte[64];
    ByteBuffer.wrap(artifact).put(nonce).putLong(number);
    SplittableRandom r = new SplittableRandom(seed ^ (number * 0x9E3779B97F4A7C15L));
    for (int i = 24; i < artifact.length; i++) {
      artifact[i] = (byte) r.nextInt(256);
    }
    byte[] digest = sha256(artifact);
    int key = (int) (number % signers.size());
    byte[] signature = signers.get(key).signDigest(digest);
    Base64.Encoder b64 = Base64.getEncoder();
    if (v1) {
      String json =
          "{\"apiVersion\":\"0.0.1\",\"kind\":\"hashedrekord\",\"spec\":{\"data\":{\"hash\":"
              + "{\"algorithm\":\"sha256\",\"value\":\""
              + HexFormat.of().formatHex(digest)
              + "\"}},\"signature\":{\"content\":\""
              + b64.encodeToString(signature)
              + "\",\"publicKey\":{\"content\":\""
              + pemPublicKeys.get(key)
              + "\"}}}}";
      return new HashedRekordRequest(json.getBytes(StandardCharsets.UTF_8));
    }
    String json =
        "{\"hashedRekordRequestV002\":{\"digest\":\""
            + b64.encodeToString(digest)
            + "\",\"signature\":{\"content\":\""
            + b64.encodeToString(signature)
            + "\",\"verifier\":{\"publicKey\":{\"rawBytes\":\""
            + publicKeys.get(key)
            + "\"},\"keyDetails\":\""
            + DETAILS.name()
            + "\"}}}}";
    return new HashedRekordRequest(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
