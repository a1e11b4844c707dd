package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Body.IDEMPOTENT;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Body.NOT_A_REQUEST;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Body.REJECTED_AS_REQUEST;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Rebuilt.DIFFERS;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Rebuilt.NOT_REBUILDABLE;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Rebuilt.REJECTED;
import static dev.hallmark.tlog.rekorv1.ConformanceExpectations.Rebuilt.REPRODUCES;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link ConformanceBodiesTest} expects for each sigstore-conformance bundle-verify case.
 * Every one of the 70 cases appears either in {@link #V1} or in {@link #EXCLUDED} with its reason.
 */
final class ConformanceExpectations {
  /** What parsing the proposed entry rebuilt from the bundle gives. */
  enum Rebuilt {
    /** Parses, and the canonical body equals canonicalizedBody byte for byte. */
    REPRODUCES,
    /** Parsing throws InvalidEntryException (the bundle's material does not verify). */
    REJECTED,
    /** Parses (the bundle's own material is consistent) but the log entry is a different one. */
    DIFFERS,
    /** The bundle lacks what a client would have submitted; see the reason. */
    NOT_REBUILDABLE
  }

  /** What submitting the bundle's canonicalizedBody itself as a ProposedEntry gives. */
  enum Body {
    /** The canonical body is a valid request and canonicalizes to itself. */
    IDEMPOTENT,
    /** The body is malformed or its signature does not verify. */
    REJECTED_AS_REQUEST,
    /** dsse 0.0.1 bodies have a different shape than dsse requests. */
    NOT_A_REQUEST
  }

  /** The expectation for one case, with the reason when it is not a plain reproduction. */
  record Expectation(Rebuilt rebuilt, Body body, String why) {}

  private static final String WELL_FORMED = "entry well-formed; the case fails elsewhere";

  /** Cases whose tlogEntries[0] is hashedrekord 0.0.1, dsse 0.0.1 or intoto 0.0.2. */
  static final Map<String, Expectation> V1 = new LinkedHashMap<>();

  /** Cases without a Rekor v1 entry, not copied to the test resources. */
  static final Map<String, String> EXCLUDED = new LinkedHashMap<>();

  private static void v1(String name, Rebuilt rebuilt, Body body, String why) {
    V1.put(name, new Expectation(rebuilt, body, why));
  }

  private static final String TRUNCATED = "canonicalizedBody is a truncated entry";

  static {
    v1("bundle-empty-certificate-chain_fail", NOT_REBUILDABLE, REJECTED_AS_REQUEST, TRUNCATED);
    v1("bundle-from-wrong-instance_fail", REPRODUCES, IDEMPOTENT, "staging entry, well-formed");
    v1(
        "bundle-invalid-base64-signature_fail",
        REJECTED,
        REJECTED_AS_REQUEST,
        "bundle signature is not base64; the logged body's certificate PEM is corrupt");
    v1("bundle-negative-log-index_fail", DIFFERS, REJECTED_AS_REQUEST, TRUNCATED);
    v1("bundle-unknown-version_fail", DIFFERS, REJECTED_AS_REQUEST, TRUNCATED);
    v1("bundle-with-root-cert_fail", REPRODUCES, IDEMPOTENT, "leaf first; root cert ignored");
    v1("checkpoint-bad-keyhint_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("checkpoint-wrong-roothash_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("dsse-invalid-sig_fail", REJECTED, NOT_A_REQUEST, "envelope signature does not verify");
    v1("dsse-mismatch-envelope_fail", DIFFERS, NOT_A_REQUEST, "entry is for another envelope");
    v1("dsse-mismatch-sig_fail", DIFFERS, NOT_A_REQUEST, "entry holds another valid signature");
    v1("happy-path-intoto-in-dsse-v3", REPRODUCES, NOT_A_REQUEST, "");
    v1("happy-path-v0.1", REPRODUCES, IDEMPOTENT, "");
    v1("happy-path-v0.2", REPRODUCES, IDEMPOTENT, "");
    v1("happy-path-v0.3", REPRODUCES, IDEMPOTENT, "");
    v1("happy-path-v0.3-new-mediaType", REPRODUCES, IDEMPOTENT, "");
    v1("inclusion-proof-corrupted-hash_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1(
        "incorrect-public-key_fail",
        DIFFERS,
        REJECTED_AS_REQUEST,
        "entry's key was altered, so its signature no longer verifies");
    v1("integrated-time-in-future_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("intoto-expired-certificate_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1(
        "intoto-log-entry-mismatch_fail",
        DIFFERS,
        REJECTED_AS_REQUEST,
        "entry holds another signature, base64-encoded once instead of twice");
    v1("intoto-missing-inclusion-proof_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("intoto-set-outside-signing-cert-validity_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("intoto-tsa-timestamp-outside-cert-validity_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("intoto-with-custom-trust-root", REPRODUCES, IDEMPOTENT, "");
    v1("invalid-checkpoint-signature_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("invalid-ct-key_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("invalid-inclusion-proof_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("managed-key-and-trusted-root", REPRODUCES, IDEMPOTENT, "key from key.pub");
    v1("managed-key-happy-path", REPRODUCES, IDEMPOTENT, "key from key.pub");
    v1(
        "managed-key-no-key_fail",
        NOT_REBUILDABLE,
        IDEMPOTENT,
        "no key.pub and no keys in the (public-good) trusted root");
    v1(
        "managed-key-wrong-key_fail",
        REJECTED,
        IDEMPOTENT,
        "key.pub is corrupt: not a point on P-256");
    v1(
        "message-digest-mismatch_fail",
        REJECTED,
        IDEMPOTENT,
        "signature does not verify over the bundle's digest");
    v1("set-invalid-signature_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);
    v1("signature-mismatch_fail", REJECTED, IDEMPOTENT, "bundle signature does not verify");
    v1("trust-root-tlog-validity-end-inclusive", REPRODUCES, IDEMPOTENT, "");
    v1("wrong-hashedrekord-artifact_fail", DIFFERS, IDEMPOTENT, "entry is for another artifact");
    v1("wrong-hashedrekord-cert-and-sig_fail", DIFFERS, IDEMPOTENT, "entry has another signer");
    v1("wrong-hashedrekord-entry_fail", DIFFERS, IDEMPOTENT, "entry is another hashedrekord");
    v1("wrong-material_fail", REPRODUCES, IDEMPOTENT, WELL_FORMED);

    EXCLUDED.put("bundle-malformed-json_fail", "bundle is not valid JSON");
    String v2 = "Rekor v2 entry (hashedrekord 0.0.2): not a Rekor v1 body";
    for (String name :
        new String[] {
          "bundle-with-sct-with-extensions",
          "rekor2-checkpoint-cosigned",
          "rekor2-checkpoint-missing-log-signature_fail",
          "rekor2-checkpoint-missing-origin_fail",
          "rekor2-checkpoint-missing-root-hash_fail",
          "rekor2-checkpoint-missing-size_fail",
          "rekor2-checkpoint-multiple-cosigs",
          "rekor2-checkpoint-no-matching-signature_fail",
          "rekor2-checkpoint-origin-not-first",
          "rekor2-checkpoint-two-sigs-cosigned",
          "rekor2-checkpoint-two-sigs-from-origin",
          "rekor2-dsse-happy-path",
          "rekor2-dsse-invalid-sig_fail",
          "rekor2-dsse-mismatch-envelope_fail",
          "rekor2-dsse-mismatch-sig_fail",
          "rekor2-happy-path",
          "rekor2-no-inclusion-proof_fail",
          "rekor2-no-timestamp_fail",
          "rekor2-timestamp-outside-trust-root-tsa-validity_fail",
          "rekor2-timestamp-outside-tsa-cert-validity_fail",
          "rekor2-timestamp-payload-mismatch_fail",
          "rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail",
          "rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail",
          "rekor2-timestamp-with-embedded-cert",
          "rekor2-timestamp-with-expired-cert-chain",
          "rekor2-timestamp-with-incorrect-time_fail",
          "rekor2-timestamp-without-embedded-cert",
          "trust-root-tlog-missing-validity-start_fail",
          "trust-root-tsa-validity-end-inclusive"
        }) {
      EXCLUDED.put(name, v2);
    }
  }

  private ConformanceExpectations() {}
}
