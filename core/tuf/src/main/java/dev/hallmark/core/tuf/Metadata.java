package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.MetadataCodec;
import dev.hallmark.core.tuf.internal.MetadataEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A TUF metadata file: the {@code signed} part, the exact canonical bytes the signatures cover, and
 * the signatures. Immutable; the signing methods return new instances.
 *
 * <p>For parsed metadata the canonical bytes are those of the parsed {@code signed} object, members
 * unknown to this model included, as the reference implementations verify it.
 *
 * @param <T> the role's model
 */
public final class Metadata<T extends Signed> {
  private final T signed;
  private final byte[] canonicalSigned;
  private final String signedJson;
  private final List<Signature> signatures;

  private Metadata(
      T signed, byte[] canonicalSigned, String signedJson, List<Signature> signatures) {
    this.signed = Objects.requireNonNull(signed);
    this.canonicalSigned = canonicalSigned.clone();
    this.signedJson = Objects.requireNonNull(signedJson);
    this.signatures = List.copyOf(signatures);
  }

  /** Unsigned metadata for {@code signed}. */
  public static <T extends Signed> Metadata<T> of(T signed) {
    return new Metadata<>(
        signed,
        MetadataEncoder.canonicalSigned(signed),
        MetadataEncoder.signedJson(signed),
        List.of());
  }

  /**
   * Parses a metadata file of any of the four roles.
   *
   * @throws MetadataFormatException naming what is wrong
   */
  public static Metadata<? extends Signed> parse(byte[] json) throws MetadataFormatException {
    return parse(json, Signed.class);
  }

  /**
   * Parses a metadata file that must be of type {@code type} (e.g. {@code Root.class}).
   *
   * @throws MetadataFormatException naming what is wrong, including a different {@code _type}
   */
  public static <T extends Signed> Metadata<T> parse(byte[] json, Class<T> type)
      throws MetadataFormatException {
    MetadataCodec.Parsed parsed = MetadataCodec.parseFile(json);
    if (!type.isInstance(parsed.signed())) {
      throw new MetadataFormatException(
          "expected " + type.getSimpleName() + " metadata, got _type " + parsed.signed().role());
    }
    return new Metadata<>(
        type.cast(parsed.signed()), parsed.canonical(), parsed.signedJson(), parsed.signatures());
  }

  /** The signed content. */
  public T signed() {
    return signed;
  }

  /** The signatures, in file order. */
  public List<Signature> signatures() {
    return signatures;
  }

  /** The canonical JSON bytes of {@code signed}: what signatures are made over. */
  public byte[] canonicalSigned() {
    return canonicalSigned.clone();
  }

  /** This metadata plus a signature by {@code signer}, replacing any earlier one by its key. */
  public Metadata<T> sign(TufSigner signer) {
    return withSignature(Signature.of(signer.keyId(), signer.sign(canonicalSigned.clone())));
  }

  /**
   * This metadata plus {@code signature} (e.g. imported from an offline key holder), replacing any
   * earlier signature with the same key id. The signature is not checked here; {@link
   * Root#verifySignatures} does that.
   */
  public Metadata<T> withSignature(Signature signature) {
    List<Signature> next = new ArrayList<>(signatures.size() + 1);
    for (Signature s : signatures) {
      if (!s.keyId().equals(signature.keyId())) {
        next.add(s);
      }
    }
    next.add(signature);
    return new Metadata<>(signed, canonicalSigned, signedJson, next);
  }

  /**
   * The whole file, {@code {"signatures": [...], "signed": {...}}}, as indented JSON; parsed
   * metadata keeps every member of {@code signed}, so its signatures stay valid.
   */
  public byte[] toJson() {
    return MetadataEncoder.fileJson(signatures, signedJson);
  }

  @Override
  public String toString() {
    return signed.role() + " v" + signed.version() + " (" + signatures.size() + " signature(s))";
  }
}
