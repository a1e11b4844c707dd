package dev.hallmark.tlog.rekorv1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** DSSE v1 pre-authentication encoding, the message every DSSE signature covers. */
final class Pae {
  private Pae() {}

  /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload}. */
  static byte[] encode(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + payload.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    return out;
  }
}
