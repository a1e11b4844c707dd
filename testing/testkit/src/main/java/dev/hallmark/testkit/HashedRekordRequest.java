package dev.hallmark.testkit;

import java.nio.charset.StandardCharsets;

/**
 * One ready-to-send request body (JSON, UTF-8): a Rekor v2 {@code hashedRekordRequestV002}, or a
 * Rekor v1 hashedrekord 0.0.1 proposed entry ({@link HashedRekordFactory#generateV1}).
 */
public final class HashedRekordRequest {
  private final byte[] json;

  HashedRekordRequest(byte[] json) {
    this.json = json;
  }

  /** A copy of the request body. */
  public byte[] json() {
    return json.clone();
  }

  /** The request body without copying, for senders that promise not to modify it. */
  byte[] jsonView() {
    return json;
  }

  @Override
  public String toString() {
    return new String(json, StandardCharsets.UTF_8);
  }
}
