package dev.hallmark.cli.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * RFC 3161 over HTTP, as sigstore-java asks: a DER {@code TimeStampReq} for the SHA-256 of the
 * signature bytes with a random 64-bit nonce, posted to the TSA's full URL. The answer is checked
 * against the request (status granted, same imprint, same nonce) and returned as the DER {@code
 * TimeStampResp} a bundle carries; the verifier checks the TSA's signature and chain.
 */
final class TimestampClient {
  private final ServiceHttp http;
  private final SecureRandom random;

  TimestampClient(ServiceHttp http, SecureRandom random) {
    this.http = http;
    this.random = random;
  }

  byte[] timestamp(URI tsa, byte[] signature) throws ServiceException {
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(false);
    TimeStampRequest request =
        gen.generate(
            NISTObjectIdentifiers.id_sha256,
            dev.hallmark.core.crypto.HashAlgorithm.SHA2_256.digest(signature),
            new BigInteger(64, random));
    byte[] answer;
    try {
      answer =
          http.post(
              "timestamp authority",
              tsa,
              "application/timestamp-query",
              "application/timestamp-reply",
              request.getEncoded(),
              Set.of(200, 201));
    } catch (IOException e) {
      throw new IllegalStateException("a timestamp request cannot fail to encode", e);
    }
    try {
      TimeStampResponse response = new TimeStampResponse(answer);
      response.validate(request);
      if (response.getTimeStampToken() == null) {
        throw new ServiceException(
            "the timestamp authority granted no token: " + response.getStatusString());
      }
    } catch (TSPException | IOException e) {
      throw new ServiceException(
          "the timestamp authority's answer does not fit the request: " + e.getMessage(), e);
    }
    return answer;
  }
}
