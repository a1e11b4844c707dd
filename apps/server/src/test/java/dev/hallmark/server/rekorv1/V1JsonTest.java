package dev.hallmark.server.rekorv1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.json.Jcs;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written SET payload is exactly RFC 8785 JCS of the same object. */
class V1JsonTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void setPayloadIsJcs(long seed) {
    Random r = new Random(seed);
    byte[] raw = new byte[r.nextInt(2000)];
    r.nextBytes(raw);
    byte[] id = new byte[32];
    r.nextBytes(id);
    String body = Base64.getEncoder().encodeToString(raw);
    String logId = HexFormat.of().formatHex(id);
    long time = seed == 1 ? 0 : Math.abs(r.nextLong()) % (1L << 53);
    long index = seed == 2 ? 0 : Math.abs(r.nextLong()) % (1L << 53);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("logIndex", index);
    o.put("logID", logId);
    o.put("integratedTime", time);
    o.put("body", body);
    assertThat(V1Json.setPayload(body, time, logId, index)).isEqualTo(Jcs.canonicalize(o));
  }
}
