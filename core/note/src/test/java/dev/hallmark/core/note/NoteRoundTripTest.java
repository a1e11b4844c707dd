package dev.hallmark.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteRoundTripTest {
  static final String NAME = "log.example.com";
  static final Checkpoint CHECKPOINT = new Checkpoint(NAME, 736, Hash.of(new byte[32]));

  static SecureRandom seeded(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return r;
  }

  static KeyPair ed25519(long seed) throws Exception {
    return Signers.generate(KeyDetails.PKIX_ED25519, seeded(seed));
  }

  static KeyPair p256(long seed) throws Exception {
    return Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, seeded(seed));
  }

  static NoteSignature sign(NoteSigner signer, String text) {
    return new NoteSignature(
        signer.name(), signer.keyId(), signer.sign(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ed25519SignFormatParseVerify() throws Exception {
    KeyPair pair = ed25519(1);
    NoteSigner signer = NoteKeys.ed25519(NAME, pair);
    String text = CHECKPOINT.body();
    String wire = new SignedNote(text, List.of()).withSignature(sign(signer, text)).format();

    VerifiedNote v =
        new NoteVerifierSet(List.of(NoteKeys.ed25519Verifier(NAME, pair.getPublic()))).verify(wire);
    assertThat(Checkpoint.parse(v.note().text())).isEqualTo(CHECKPOINT);
    assertThat(v.verified()).containsExactly(SignedNote.parse(wire).signatures().get(0));
    assertThat(signer.keyHash()).hasSize(32);
    assertThat(signer.keyId()).isEqualTo(NoteKeys.verifierFor(NAME, pair.getPublic()).keyId());

    // The vkey form of the signer verifies too.
    String vkey = NoteKeys.vkey(signer);
    assertThat(vkey).startsWith(NAME + "+" + String.format("%08x", signer.keyId()) + "+");
    new NoteVerifierSet(List.of(NoteKeys.parseVkey(vkey))).verify(wire);
  }

  @Test
  void ecdsaSignFormatParseVerify() throws Exception {
    KeyPair pair = p256(2);
    NoteSigner signer = NoteKeys.ecdsa(NAME, pair);
    String text = CHECKPOINT.body();
    String wire = new SignedNote(text, List.of(sign(signer, text))).format();
    VerifiedNote v =
        new NoteVerifierSet(List.of(NoteKeys.ecdsaVerifier(NAME, pair.getPublic()))).verify(wire);
    assertThat(v.verified()).hasSize(1);
    // ECDSA key hash is SHA-256 of the SPKI, independent of the name.
    assertThat(signer.keyHash()).isEqualTo(NoteKeys.keyHash("other.name", pair.getPublic()));
    assertThat(NoteKeys.ecdsa("other.name", pair).keyId()).isEqualTo(signer.keyId());
  }

  @Test
  void ed25519KeyIdDependsOnName() throws Exception {
    KeyPair pair = ed25519(3);
    assertThat(NoteKeys.ed25519("a", pair).keyId())
        .isNotEqualTo(NoteKeys.ed25519("b", pair).keyId());
  }

  @Test
  void unknownSignerOnlyIsRejected() throws Exception {
    NoteSigner stranger = NoteKeys.ed25519(NAME, ed25519(4));
    String text = CHECKPOINT.body();
    String wire = new SignedNote(text, List.of(sign(stranger, text))).format();
    NoteVerifierSet set =
        new NoteVerifierSet(List.of(NoteKeys.ed25519Verifier(NAME, ed25519(5).getPublic())));
    assertThatThrownBy(() -> set.verify(wire))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageContaining("no signature by a known key");
  }

  @Test
  void knownKeyWithBadSignatureRejectsEvenWithAnotherGoodSignature() throws Exception {
    KeyPair a = ed25519(6);
    KeyPair b = p256(7);
    NoteSigner sa = NoteKeys.ed25519(NAME, a);
    NoteSigner sb = NoteKeys.ecdsa(NAME, b);
    String text = CHECKPOINT.body();
    NoteSignature good = sign(sa, text);
    NoteSignature bad = sign(sb, text.replace("736", "737"));
    NoteVerifierSet set =
        new NoteVerifierSet(
            List.of(
                NoteKeys.ed25519Verifier(NAME, a.getPublic()),
                NoteKeys.ecdsaVerifier(NAME, b.getPublic())));
    for (List<NoteSignature> order : List.of(List.of(good, bad), List.of(bad, good))) {
      String wire = new SignedNote(text, order).format();
      assertThatThrownBy(() -> set.verify(wire))
          .isInstanceOf(NoteVerificationException.class)
          .hasMessageContaining("does not verify");
    }
    // Both good: both reported.
    String wire = new SignedNote(text, List.of(good, sign(sb, text))).format();
    assertThat(set.verify(wire).verified()).hasSize(2);
  }

  @Test
  void unknownPairsAreIgnoredEvenIfNameOrIdMatches() throws Exception {
    KeyPair pair = ed25519(8);
    NoteSigner signer = NoteKeys.ed25519(NAME, pair);
    String text = CHECKPOINT.body();
    NoteSignature good = sign(signer, text);
    NoteSignature sameNameOtherId = new NoteSignature(NAME, signer.keyId() ^ 1, new byte[64]);
    NoteSignature sameIdOtherName = new NoteSignature("other", signer.keyId(), new byte[64]);
    String wire = new SignedNote(text, List.of(sameNameOtherId, sameIdOtherName, good)).format();
    VerifiedNote v =
        new NoteVerifierSet(List.of(NoteKeys.ed25519Verifier(NAME, pair.getPublic()))).verify(wire);
    assertThat(v.verified()).containsExactly(good);
  }

  @Test
  void rsaVerifierKeyIdUsesTheOtherTypeRule() throws Exception {
    KeyPair rsa = Signers.generate(KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256, seeded(9));
    NoteVerifier v = NoteKeys.verifierFor(NAME, rsa.getPublic());
    assertThat(v.keyId())
        .isEqualTo(
            dev.hallmark.core.note.internal.KeyHashes.keyId(
                NoteKeys.keyHash(NAME, rsa.getPublic())));
    String text = CHECKPOINT.body();
    byte[] sig =
        Signers.create(rsa, KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256)
            .sign(text.getBytes(StandardCharsets.UTF_8));
    String wire = new SignedNote(text, List.of(new NoteSignature(NAME, v.keyId(), sig))).format();
    assertThat(new NoteVerifierSet(List.of(v)).verify(wire).verified()).hasSize(1);
  }

  @Test
  void factoriesRejectWrongKeysAndNames() throws Exception {
    KeyPair ed = ed25519(10);
    assertThatThrownBy(() -> NoteKeys.ecdsa(NAME, ed)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteKeys.ed25519(NAME, p256(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteKeys.ed25519("has space", ed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteKeys.ed25519("a+b", ed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteKeys.ed25519("", ed)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteKeys.vkey(NoteKeys.ecdsa(NAME, p256(12))))
        .isInstanceOf(IllegalArgumentException.class);
    NoteVerifier v = NoteKeys.ed25519Verifier(NAME, ed.getPublic());
    assertThatThrownBy(() -> new NoteVerifierSet(List.of(v, v)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ambiguous");
  }
}
