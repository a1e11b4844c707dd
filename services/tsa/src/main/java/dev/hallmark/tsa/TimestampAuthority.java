package dev.hallmark.tsa;

import dev.hallmark.tsa.internal.CryptoContentSigner;
import dev.hallmark.tsa.internal.TsaCertificateCheck;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority, as Sigstore's {@code timestamp-authority}: answers a {@link
 * TimestampRequest} with a DER {@code TimeStampResp} whose token is signed by the TSA key, with
 * {@code sid} = issuer and serial number (sigstore-js matches on it), the ESS signingCertificateV2
 * attribute (BouncyCastle verifiers require it), genTime from the clock in whole seconds, the
 * policy's accuracy, ordering false, the request's nonce, and the TSA certificate embedded only on
 * request. Thread-safe.
 */
public final class TimestampAuthority {
  private static final java.util.Set<ASN1ObjectIdentifier> IMPRINT_ALGORITHMS =
      java.util.Arrays.stream(ImprintAlgorithm.values())
          .map(ImprintAlgorithm::oid)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final TsaSigningKey key;
  private final TsaPolicy policy;
  private final Clock clock;
  private final SecureRandom random;
  private final String signatureAlgorithm;
  private final DigestCalculatorProvider digests;
  private final JcaX509CertificateHolder leaf;
  private final JcaCertStore leafOnly;
  private final JcaCertStore wholeChain;

  /**
   * Token generators are costly to set up (the ESS certificate ID hashes the certificate, the
   * signer is looked up) and not thread-safe: each worker thread keeps one per (policy, with or
   * without certificates).
   */
  private final ThreadLocal<java.util.Map<String, TimeStampTokenGenerator>> generators =
      ThreadLocal.withInitial(java.util.HashMap::new);

  /**
   * @throws TsaKeyException if the key's algorithm cannot sign tokens
   */
  public TimestampAuthority(TsaSigningKey key, TsaPolicy policy, Clock clock, SecureRandom random)
      throws TsaKeyException {
    this.key = Objects.requireNonNull(key, "key");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    X509Certificate cert = key.chain().get(0);
    this.signatureAlgorithm = TsaCertificateCheck.signatureAlgorithm(cert);
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
      this.leaf = new JcaX509CertificateHolder(cert);
      this.leafOnly = new JcaCertStore(List.of(cert));
      this.wholeChain = new JcaCertStore(key.chain());
    } catch (OperatorCreationException | CertificateEncodingException e) {
      throw new TsaKeyException("cannot prepare the TSA certificate: " + e.getMessage(), e);
    }
  }

  /** The chain clients verify tokens with: TSA certificate first, root last. */
  public List<X509Certificate> chain() {
    return key.chain();
  }

  /**
   * Timestamps a request.
   *
   * @return a DER {@code TimeStampResp} with status granted
   * @throws TimestampRequestException if the request names a policy this TSA does not accept
   */
  public byte[] timestamp(TimestampRequest request) throws TimestampRequestException {
    String policyOid = request.policy().orElse(policy.defaultPolicy());
    if (!policy.accepts(policyOid)) {
      TreeSet<String> accepted = new TreeSet<>(policy.acceptedPolicies());
      accepted.add(policy.defaultPolicy());
      throw new TimestampRequestException(
          "TSA policy " + policyOid + " is not accepted; accepted: " + accepted);
    }
    TimeStampRequestGenerator requestGenerator = new TimeStampRequestGenerator();
    requestGenerator.setCertReq(request.certReq());
    requestGenerator.setReqPolicy(new ASN1ObjectIdentifier(policyOid));
    TimeStampRequest bcRequest =
        requestGenerator.generate(
            request.algorithm().oid(), request.imprint(), request.nonce().orElse(null));
    try {
      TimeStampTokenGenerator tokens = generator(policyOid, request.certReq());
      TimeStampResponseGenerator responses =
          new TimeStampResponseGenerator(tokens, IMPRINT_ALGORITHMS, null);
      return responses
          .generateGrantedResponse(bcRequest, serialNumber(), Date.from(clock.instant()))
          .getEncoded();
    } catch (TSPException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("the TSA cannot sign: " + e.getMessage(), e);
    }
  }

  private TimeStampTokenGenerator generator(String policyOid, boolean certReq)
      throws OperatorCreationException, TSPException {
    java.util.Map<String, TimeStampTokenGenerator> mine = generators.get();
    String k = policyOid + (certReq ? "+certs" : "");
    TimeStampTokenGenerator g = mine.get(k);
    if (g == null) {
      g = tokenGenerator(policyOid);
      if (certReq) {
        g.addCertificates(policy.embedChain() ? wholeChain : leafOnly);
      }
      mine.put(k, g);
    }
    return g;
  }

  private TimeStampTokenGenerator tokenGenerator(String policyOid)
      throws OperatorCreationException, TSPException {
    ContentSigner signer;
    if (key.software() != null) {
      signer = new CryptoContentSigner(key.software(), signatureAlgorithm);
    } else {
      JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm);
      if (key.provider() != null) {
        signerBuilder.setProvider(key.provider());
      } else {
        signerBuilder.setSecureRandom(random);
      }
      signer = signerBuilder.build(key.privateKey());
    }
    TimeStampTokenGenerator g =
        new TimeStampTokenGenerator(
            new JcaSignerInfoGeneratorBuilder(digests).build(signer, leaf),
            // SHA-256 ESSCertIDv2: the signingCertificateV2 attribute
            digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier(policyOid));
    long millis = policy.accuracy().toMillis();
    if (millis % 1000 == 0) {
      g.setAccuracySeconds((int) (millis / 1000));
    } else {
      g.setAccuracyMillis((int) millis);
    }
    g.setOrdering(false);
    return g;
  }

  /** A positive 128-bit random serial number: unique without shared state between replicas. */
  private BigInteger serialNumber() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() == 0);
    return serial;
  }
}
