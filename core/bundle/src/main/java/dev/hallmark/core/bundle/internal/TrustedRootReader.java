package dev.hallmark.core.bundle.internal;

import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.CertificateAuthority;
import dev.hallmark.core.bundle.TransparencyLogInstance;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.bundle.ValidityPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@link TrustedRoot}s from protobuf JSON. */
public final class TrustedRootReader {
  private static final Set<String> MEDIA_TYPES =
      Set.of(
          "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
          "application/vnd.dev.sigstore.trustedroot.v0.1+json",
          "application/vnd.dev.sigstore.trustedroot.v0.2+json");

  private TrustedRootReader() {}

  /** Parses a trusted root; see {@link TrustedRoot#parse}. */
  public static TrustedRoot read(byte[] json) throws BundleFormatException {
    return read(ProtoJson.parse(json, "trusted root"));
  }

  /** Reads a trusted root message. */
  public static TrustedRoot read(ProtoJson r) throws BundleFormatException {
    String mediaType = r.requiredString("mediaType");
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw new BundleFormatException("unsupported trusted root mediaType \"" + mediaType + "\"");
    }
    List<TransparencyLogInstance> tlogs = new ArrayList<>();
    for (ProtoJson t : r.objects("tlogs")) {
      tlogs.add(log(t));
    }
    List<CertificateAuthority> cas = new ArrayList<>();
    for (ProtoJson c : r.objects("certificateAuthorities")) {
      cas.add(authority(c));
    }
    List<TransparencyLogInstance> ctlogs = new ArrayList<>();
    for (ProtoJson t : r.objects("ctlogs")) {
      ctlogs.add(log(t));
    }
    List<CertificateAuthority> tsas = new ArrayList<>();
    for (ProtoJson c : r.objects("timestampAuthorities")) {
      tsas.add(authority(c));
    }
    return new TrustedRoot(mediaType, tlogs, cas, ctlogs, tsas);
  }

  private static TransparencyLogInstance log(ProtoJson t) throws BundleFormatException {
    ProtoJson pk = t.object("publicKey");
    TransparencyLogInstance.PublicKey key =
        new TransparencyLogInstance.PublicKey(
            pk.requiredBytes("rawBytes"), pk.string("keyDetails"), validity(pk.object("validFor")));
    ProtoJson cp = t.objectOrNull("checkpointKeyId");
    return new TransparencyLogInstance(
        t.requiredString("baseUrl"),
        t.string("hashAlgorithm"),
        key,
        t.object("logId").requiredBytes("keyId"),
        cp == null ? Bytes.empty() : cp.bytes("keyId"));
  }

  private static CertificateAuthority authority(ProtoJson c) throws BundleFormatException {
    ProtoJson subject = c.objectOrNull("subject");
    List<Bytes> chain = new ArrayList<>();
    for (ProtoJson cert : c.object("certChain").objects("certificates")) {
      chain.add(cert.requiredBytes("rawBytes"));
    }
    if (chain.isEmpty()) {
      throw new BundleFormatException(c.path() + ".certChain has no certificates");
    }
    return new CertificateAuthority(
        subject == null ? "" : subject.string("organization"),
        subject == null ? "" : subject.string("commonName"),
        c.string("uri"),
        chain,
        validity(c.object("validFor")));
  }

  /** Reads a {@code TimeRange}; the start is required. */
  static ValidityPeriod validity(ProtoJson v) throws BundleFormatException {
    Instant start = v.timestampOrNull("start");
    if (start == null) {
      throw new BundleFormatException(v.path() + " has no start");
    }
    try {
      return new ValidityPeriod(start, v.timestampOrNull("end"));
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(v.path() + ": " + e.getMessage(), e);
    }
  }
}
