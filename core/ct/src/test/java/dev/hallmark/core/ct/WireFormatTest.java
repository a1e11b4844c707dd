package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS encodings checked against a reference written straight from RFC 6962's struct definitions:
 * plain byte concatenation, no shared code with the implementation.
 */
class WireFormatTest {
  /** Reference encoder: big-endian integers and length-prefixed opaques, appended in order. */
  private static final class Ref {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Ref n(long v, int len) {
      for (int i = len - 1; i >= 0; i--) {
        out.write((int) (v >> (8 * i)) & 0xff);
      }
      return this;
    }

    Ref b(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Ref v(byte[] b, int lenBytes) {
      return n(b.length, lenBytes).b(b);
    }

    byte[] get() {
      return out.toByteArray();
    }
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static SignedCertificateTimestamp randomSct(Random r) {
    TlsHashAlgorithm[] h = TlsHashAlgorithm.values();
    TlsSignatureAlgorithm[] s = TlsSignatureAlgorithm.values();
    return new SignedCertificateTimestamp(
        0,
        bytes(r, 32),
        r.nextLong() & Long.MAX_VALUE,
        bytes(r, r.nextInt(4) == 0 ? r.nextInt(300) : 0),
        h[r.nextInt(h.length)],
        s[r.nextInt(s.length)],
        bytes(r, r.nextInt(120)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void sctAndListMatchTheReference(long seed) throws Exception {
    Random r = new Random(seed);
    List<SignedCertificateTimestamp> scts = new ArrayList<>();
    Ref body = new Ref();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      SignedCertificateTimestamp sct = randomSct(r);
      byte[] ref =
          new Ref()
              .n(0, 1)
              .b(sct.logId())
              .n(sct.timestamp(), 8)
              .v(sct.extensions(), 2)
              .n(sct.hashAlgorithm().code(), 1)
              .n(sct.signatureAlgorithm().code(), 1)
              .v(sct.signature(), 2)
              .get();
      assertThat(sct.encode()).isEqualTo(ref);
      assertThat(SignedCertificateTimestamp.decode(ref)).isEqualTo(sct);
      scts.add(sct);
      body.v(ref, 2);
    }
    byte[] listRef = new Ref().v(body.get(), 2).get();
    SctList list = new SctList(scts);
    assertThat(list.encode()).isEqualTo(listRef);
    assertThat(SctList.decode(listRef)).isEqualTo(list);
    assertThat(SctList.fromExtensionValue(list.toExtensionValue())).isEqualTo(list);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void signedDataAndLeafMatchTheReference(long seed) {
    Random r = new Random(seed);
    long ts = r.nextLong() & Long.MAX_VALUE;
    byte[] keyHash = bytes(r, 32);
    byte[] tbs = bytes(r, 1 + r.nextInt(2000));
    byte[] ext = bytes(r, r.nextInt(3) * 7);
    PrecertEntry pre = new PrecertEntry(keyHash, tbs);
    byte[] precertRef = new Ref().n(ts, 8).n(1, 2).b(keyHash).v(tbs, 3).v(ext, 2).get();
    assertThat(SignedData.certificateTimestamp(ts, pre, ext)).isEqualTo(concat(0, 0, precertRef));
    assertThat(SignedData.precertificate(ts, keyHash, tbs, ext))
        .isEqualTo(concat(0, 0, precertRef));
    MerkleTreeLeaf leaf = new MerkleTreeLeaf(ts, pre, ext);
    assertThat(leaf.encode()).isEqualTo(concat(0, 0, precertRef));

    X509Entry x509 = new X509Entry(tbs);
    byte[] x509Ref = new Ref().n(ts, 8).n(0, 2).v(tbs, 3).v(ext, 2).get();
    assertThat(SignedData.x509(ts, tbs, ext)).isEqualTo(concat(0, 0, x509Ref));
    MerkleTreeLeaf xleaf = new MerkleTreeLeaf(ts, x509, ext);
    assertThat(xleaf.encode()).isEqualTo(concat(0, 0, x509Ref));
    assertThat(xleaf.leafHash()).isEqualTo(HashAlgorithm.SHA2_256.digest(concat(0, 0, 0, x509Ref)));
  }

  @Test
  void leafDecodesBothEntryTypes() throws Exception {
    Random r = new Random(42);
    for (LogEntry e :
        List.of(new X509Entry(bytes(r, 300)), new PrecertEntry(bytes(r, 32), bytes(r, 70)))) {
      MerkleTreeLeaf leaf = new MerkleTreeLeaf(1_700_000_000_000L, e, new byte[] {1, 2});
      MerkleTreeLeaf back = MerkleTreeLeaf.decode(leaf.encode());
      assertThat(back).isEqualTo(leaf);
      assertThat(back.entry()).isEqualTo(e);
      assertThat(back.extensions()).containsExactly(1, 2);
    }
  }

  @Test
  void malformedInputsNameTheProblem() {
    Random r = new Random(7);
    byte[] good = randomSct(r).encode();
    rejectSct(Arrays.copyOf(good, good.length + 1), "1 trailing bytes");
    rejectSct(Arrays.copyOf(good, good.length - 1), "truncated at signature");
    rejectSct(Arrays.copyOf(good, 20), "truncated at log_id");
    byte[] v2 = good.clone();
    v2[0] = 1;
    rejectSct(v2, "unsupported version 1");
    byte[] bigTs = good.clone();
    bigTs[33] = (byte) 0x80;
    rejectSct(bigTs, "timestamp exceeds 2^63-1");
    byte[] sct = new Ref().n(0, 1).b(new byte[32]).n(5, 8).n(0, 2).n(9, 1).n(3, 1).n(0, 2).get();
    rejectSct(sct, "unknown TLS hash algorithm 9");
    sct[sct.length - 4] = 4;
    sct[sct.length - 3] = 42;
    rejectSct(sct, "unknown TLS signature algorithm 42");

    rejectList(new byte[] {0, 0}, "sct_list has 0 bytes, at least 1 required");
    rejectList(new byte[] {0, 2, 0, 0}, "serialized SCT 1 has 0 bytes");
    rejectList(new Ref().v(new Ref().v(v2, 2).get(), 2).get(), "SCT 1: SCT: unsupported");
    rejectList(new Ref().v(new Ref().v(good, 2).get(), 2).n(0, 1).get(), "trailing");
    assertThatThrownBy(() -> SctList.fromExtensionValue(new byte[] {0x05, 0x00}))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining("not an OCTET STRING");
    // BER long-form length is not DER.
    assertThatThrownBy(() -> SctList.fromExtensionValue(new byte[] {0x04, (byte) 0x81, 1, 0}))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining("not a DER OCTET STRING");

    byte[] leaf = new MerkleTreeLeaf(1, new X509Entry(new byte[] {1}), new byte[0]).encode();
    leaf[11] = 2;
    assertThatThrownBy(() -> MerkleTreeLeaf.decode(leaf))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining("unknown entry_type 2");
    leaf[1] = 1;
    assertThatThrownBy(() -> MerkleTreeLeaf.decode(leaf))
        .hasMessageContaining("unknown leaf_type 1");
  }

  @Test
  void recordsRejectOutOfRangeValues() {
    byte[] id = new byte[32];
    assertThatThrownBy(
            () ->
                new SignedCertificateTimestamp(
                    0,
                    new byte[31],
                    0,
                    new byte[0],
                    TlsHashAlgorithm.SHA256,
                    TlsSignatureAlgorithm.ECDSA,
                    new byte[0]))
        .hasMessageContaining("log ID has 31 bytes");
    assertThatThrownBy(
            () ->
                new SignedCertificateTimestamp(
                    0,
                    id,
                    -1,
                    new byte[0],
                    TlsHashAlgorithm.SHA256,
                    TlsSignatureAlgorithm.ECDSA,
                    new byte[0]))
        .hasMessageContaining("negative");
    assertThatThrownBy(
            () ->
                new SignedCertificateTimestamp(
                    0,
                    id,
                    0,
                    new byte[65536],
                    TlsHashAlgorithm.SHA256,
                    TlsSignatureAlgorithm.ECDSA,
                    new byte[0]))
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> new SctList(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new PrecertEntry(new byte[31], new byte[1]))
        .hasMessageContaining("32");
    assertThatThrownBy(() -> new X509Entry(new byte[0])).hasMessageContaining("1 to 2^24-1");
    SignedCertificateTimestamp big =
        new SignedCertificateTimestamp(
            0,
            id,
            0,
            new byte[40000],
            TlsHashAlgorithm.SHA256,
            TlsSignatureAlgorithm.ECDSA,
            new byte[0]);
    assertThatThrownBy(() -> new SctList(List.of(big, big))).hasMessageContaining("exceeds 65535");
    // Defensive copies.
    byte[] sig = {1, 2, 3};
    SignedCertificateTimestamp s =
        new SignedCertificateTimestamp(
            0, id, 0, new byte[0], TlsHashAlgorithm.SHA256, TlsSignatureAlgorithm.ECDSA, sig);
    sig[0] = 9;
    s.signature()[1] = 9;
    assertThat(s.signature()).containsExactly(1, 2, 3);
  }

  private static void rejectSct(byte[] b, String message) {
    assertThatThrownBy(() -> SignedCertificateTimestamp.decode(b), HexFormat.of().formatHex(b))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining(message);
  }

  private static void rejectList(byte[] b, String message) {
    assertThatThrownBy(() -> SctList.decode(b))
        .isInstanceOf(CtFormatException.class)
        .hasMessageContaining(message);
  }

  private static byte[] concat(int a, int b, byte[] rest) {
    return new Ref().n(a, 1).n(b, 1).b(rest).get();
  }

  private static byte[] concat(int a, int b, int c, byte[] rest) {
    return new Ref().n(a, 1).n(b, 1).n(c, 1).b(rest).get();
  }
}
