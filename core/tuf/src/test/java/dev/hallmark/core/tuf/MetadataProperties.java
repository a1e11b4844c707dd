package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for any input to the parsers (shared by the fuzz and mutation tests). */
final class MetadataProperties {
  private MetadataProperties() {}

  /** Returns true if {@code input} parsed as metadata. */
  static boolean check(byte[] input) throws Exception {
    boolean parsed = false;
    try {
      Metadata<? extends Signed> md = Metadata.parse(input);
      parsed = true;
      Metadata<? extends Signed> again = Metadata.parse(md.toJson());
      assertThat(again.signed()).isEqualTo(md.signed());
      assertThat(again.canonicalSigned()).isEqualTo(md.canonicalSigned());
      assertThat(again.signatures()).isEqualTo(md.signatures());
      if (md.signed() instanceof Root) {
        Root root = (Root) md.signed();
        for (Role role : Role.values()) {
          try {
            root.verifySignatures(role, md);
          } catch (TufException refused) {
            assertThat(refused.role()).isEqualTo(role);
          }
        }
      }
    } catch (MetadataFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    try {
      Signature s = Signature.parse(input);
      assertThat(Signature.parse(s.toJson())).isEqualTo(s);
    } catch (MetadataFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    return parsed;
  }
}
