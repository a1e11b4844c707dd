package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Digest spellings of CycloneDX, SPDX and CSAF come to one form; bad values are refused. */
class FileDigestTest {
  @Test
  void spellingsOfOneAlgorithmAreOne() {
    assertThat(FileDigest.of("SHA-256", "AB01")).isEqualTo(FileDigest.of("sha256", "ab01"));
    assertThat(FileDigest.of("SHA256", "ab01").toString()).isEqualTo("sha256:ab01");
    assertThat(FileDigest.of("SHA-384", "ab").algorithm()).isEqualTo("sha384");
    assertThat(FileDigest.of("SHA-512", "ab").algorithm()).isEqualTo("sha512");
    assertThat(FileDigest.of("SHA3-256", "ab").algorithm()).isEqualTo("sha3-256");
    assertThat(FileDigest.of("SHA3_512", "ab").algorithm()).isEqualTo("sha3-512");
    assertThat(FileDigest.of("SHA-1", "ab").algorithm()).isEqualTo("sha1");
    assertThat(FileDigest.of("MD5", "ab").algorithm()).isEqualTo("md5");
    assertThat(FileDigest.of("BLAKE2b-256", "ab").algorithm()).isEqualTo("blake2b256");
    assertThat(FileDigest.parse("SHA-256:AB01")).isEqualTo(FileDigest.of("sha256", "ab01"));
    // the same hex under another algorithm is another digest
    assertThat(FileDigest.of("sha256", "ab01")).isNotEqualTo(FileDigest.of("sha512", "ab01"));
  }

  @Test
  void badDigestsAreRefused() {
    assertThatThrownBy(() -> FileDigest.of("sha256", "xyz")).hasMessageContaining("not hex");
    assertThatThrownBy(() -> FileDigest.of("sha256", "abc")).hasMessageContaining("not hex");
    assertThatThrownBy(() -> FileDigest.of(" ", "ab")).hasMessageContaining("algorithm");
    assertThatThrownBy(() -> FileDigest.parse("ab01")).hasMessageContaining("algorithm:hex");
  }
}
