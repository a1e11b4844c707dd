package dev.hallmark.server.ca;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.linecorp.armeria.server.VirtualHostBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.hallmark.ca.CertificateAuthority;
import dev.hallmark.ca.identity.KeyPolicyException;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.ProofOfPossessionException;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.issuance.IssuanceException;
import dev.hallmark.ca.issuance.IssuedCertificate;
import dev.hallmark.ca.issuance.RequestRejectedException;
import dev.hallmark.ca.issuance.TrustBundle;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.server.ca.grpc.CertificateChain;
import dev.hallmark.server.ca.grpc.Configuration;
import dev.hallmark.server.ca.grpc.CreateSigningCertificateRequest;
import dev.hallmark.server.ca.grpc.FulcioV2Proto;
import dev.hallmark.server.ca.grpc.GetConfigurationRequest;
import dev.hallmark.server.ca.grpc.GetTrustBundleRequest;
import dev.hallmark.server.ca.grpc.OIDCIssuer;
import dev.hallmark.server.ca.grpc.SigningCertificate;
import dev.hallmark.server.ca.grpc.SigningCertificateEmbeddedSCT;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Fulcio v2 over gRPC: the service {@code dev.sigstore.fulcio.v2.CA} (what sigstore-java calls),
 * served by Armeria on the CA's port next to {@link FulcioHttp}, routed by {@code content-type:
 * application/grpc}. Same {@link CertificateAuthority} as REST; the service definition is built by
 * hand from the generated messages (three unary methods, no generated stubs).
 */
public final class FulcioGrpc {
  static final String SERVICE = "dev.sigstore.fulcio.v2.CA";

  /** gRPC metadata key upstream Fulcio reads the token from when the body has none. */
  static final Metadata.Key<String> TOKEN_HEADER =
      Metadata.Key.of("oidcidentitytoken", Metadata.ASCII_STRING_MARSHALLER);

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final Context.Key<String> TOKEN = Context.key("hallmark-oidc-token");

  static final MethodDescriptor<CreateSigningCertificateRequest, SigningCertificate>
      CREATE_SIGNING_CERTIFICATE =
          unary(
              "CreateSigningCertificate",
              CreateSigningCertificateRequest.getDefaultInstance(),
              SigningCertificate.getDefaultInstance());
  static final MethodDescriptor<GetTrustBundleRequest, dev.hallmark.server.ca.grpc.TrustBundle>
      GET_TRUST_BUNDLE =
          unary(
              "GetTrustBundle",
              GetTrustBundleRequest.getDefaultInstance(),
              dev.hallmark.server.ca.grpc.TrustBundle.getDefaultInstance());
  static final MethodDescriptor<GetConfigurationRequest, Configuration> GET_CONFIGURATION =
      unary(
          "GetConfiguration",
          GetConfigurationRequest.getDefaultInstance(),
          Configuration.getDefaultInstance());

  private final CertificateAuthority ca;
  private final dev.hallmark.server.ca.grpc.TrustBundle trustBundle;
  private final Configuration configuration;
  private final Executor workers;
  private final MeterRegistry metrics;

  public FulcioGrpc(
      CertificateAuthority ca,
      TrustBundle trustBundle,
      List<OidcIssuerConfig> issuers,
      Executor workers,
      MeterRegistry metrics) {
    this.ca = ca;
    this.trustBundle = trustBundle(trustBundle);
    this.configuration = configuration(issuers);
    this.workers = workers;
    this.metrics = metrics;
  }

  /** Mounts the gRPC service on the CA's virtual host. */
  public void mount(VirtualHostBuilder host) {
    host.service(GrpcService.builder().addService(definition()).build());
  }

  /** The service with its three methods, the token metadata captured by an interceptor. */
  public ServerServiceDefinition definition() {
    ServiceDescriptor descriptor =
        ServiceDescriptor.newBuilder(SERVICE)
            .setSchemaDescriptor(new Schema())
            .addMethod(CREATE_SIGNING_CERTIFICATE)
            .addMethod(GET_TRUST_BUNDLE)
            .addMethod(GET_CONFIGURATION)
            .build();
    ServerServiceDefinition definition =
        ServerServiceDefinition.builder(descriptor)
            .addMethod(
                CREATE_SIGNING_CERTIFICATE,
                ServerCalls.asyncUnaryCall(this::createSigningCertificate))
            .addMethod(
                GET_TRUST_BUNDLE,
                ServerCalls.asyncUnaryCall(
                    (req, out) -> {
                      out.onNext(trustBundle);
                      out.onCompleted();
                    }))
            .addMethod(
                GET_CONFIGURATION,
                ServerCalls.asyncUnaryCall(
                    (req, out) -> {
                      out.onNext(configuration);
                      out.onCompleted();
                    }))
            .build();
    return ServerInterceptors.intercept(definition, new TokenInterceptor());
  }

  private void createSigningCertificate(
      CreateSigningCertificateRequest req, StreamObserver<SigningCertificate> out) {
    String metadataToken = TOKEN.get();
    try {
      // issuance waits for the CT log: never on an event loop
      workers.execute(() -> issue(req, metadataToken, out));
    } catch (RejectedExecutionException e) {
      out.onError(Status.UNAVAILABLE.withDescription("the CA is shutting down").asException());
    }
  }

  private void issue(
      CreateSigningCertificateRequest req,
      String metadataToken,
      StreamObserver<SigningCertificate> out) {
    SigningCertificate response;
    try {
      response = certificate(req, metadataToken);
      metrics.counter("hallmark_ca_certificates_issued_total").increment();
    } catch (TokenException e) {
      metrics.counter("hallmark_ca_refusals_total", "reason", e.reason().tag()).increment();
      Status status =
          e.reason() == TokenException.Reason.KEYS_UNAVAILABLE
              ? Status.UNAVAILABLE
              : Status.UNAUTHENTICATED;
      out.onError(status.withDescription(e.getMessage()).asException());
      return;
    } catch (InvalidRequest
        | KeyPolicyException
        | ProofOfPossessionException
        | RequestRejectedException e) {
      metrics.counter("hallmark_ca_refusals_total", "reason", "bad_request").increment();
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asException());
      return;
    } catch (IssuanceException e) {
      metrics
          .counter("hallmark_ca_refusals_total", "reason", e.getClass().getSimpleName())
          .increment();
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asException());
      return;
    } catch (RuntimeException e) {
      metrics
          .counter("hallmark_ca_refusals_total", "reason", e.getClass().getSimpleName())
          .increment();
      out.onError(Status.INTERNAL.withDescription("certificate not issued").asException());
      return;
    }
    out.onNext(response);
    out.onCompleted();
  }

  private SigningCertificate certificate(CreateSigningCertificateRequest req, String metadataToken)
      throws TokenException,
          InvalidRequest,
          KeyPolicyException,
          ProofOfPossessionException,
          RequestRejectedException,
          IssuanceException {
    String token = req.getCredentials().getOidcIdentityToken();
    if (token.isEmpty() && metadataToken != null) {
      token = metadataToken;
    }
    if (token.isEmpty()) {
      throw new TokenException(
          TokenException.Reason.MALFORMED,
          "no OIDC identity token (credentials.oidc_identity_token or metadata"
              + " oidcidentitytoken)");
    }
    IssuedCertificate issued;
    switch (req.getKeyCase()) {
      case PUBLIC_KEY_REQUEST -> {
        var keyRequest = req.getPublicKeyRequest();
        String content = keyRequest.getPublicKey().getContent();
        ByteString pop = keyRequest.getProofOfPossession();
        if (content.isEmpty() || pop.isEmpty()) {
          throw new InvalidRequest(
              "public_key_request needs public_key.content and proof_of_possession");
        }
        issued = ca.issue(token, spki(content), pop.toByteArray());
      }
      case CERTIFICATE_SIGNING_REQUEST -> {
        String pem = req.getCertificateSigningRequest().toString(StandardCharsets.US_ASCII);
        byte[] der;
        try {
          der = PublicKeys.parsePemBlocks(pem, "CERTIFICATE REQUEST").get(0);
        } catch (KeyParseException | RuntimeException e) {
          throw new InvalidRequest("certificate_signing_request is not a PEM CSR");
        }
        issued = ca.issueForCsr(token, der);
      }
      default ->
          throw new InvalidRequest(
              "give exactly one of public_key_request and certificate_signing_request");
    }
    return SigningCertificate.newBuilder()
        .setSignedCertificateEmbeddedSct(
            SigningCertificateEmbeddedSCT.newBuilder()
                .setChain(CertificateChain.newBuilder().addAllCertificates(issued.pemChain())))
        .build();
  }

  /** A public key given as PEM, or as base64 DER SPKI. */
  private static byte[] spki(String content) throws InvalidRequest {
    if (content.contains("-----BEGIN")) {
      try {
        return PublicKeys.parsePemBlocks(content, "PUBLIC KEY").get(0);
      } catch (KeyParseException | RuntimeException e) {
        throw new InvalidRequest("public_key.content is not a PEM public key");
      }
    }
    try {
      return java.util.Base64.getMimeDecoder().decode(content);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("public_key.content is neither PEM nor base64 DER");
    }
  }

  private static dev.hallmark.server.ca.grpc.TrustBundle trustBundle(TrustBundle bundle) {
    var out = dev.hallmark.server.ca.grpc.TrustBundle.newBuilder();
    for (List<String> chain : bundle.pemChains()) {
      out.addChains(CertificateChain.newBuilder().addAllCertificates(chain));
    }
    return out.build();
  }

  private static Configuration configuration(List<OidcIssuerConfig> issuers) {
    Configuration.Builder out = Configuration.newBuilder();
    for (OidcIssuerConfig issuer : issuers) {
      OIDCIssuer.Builder o = OIDCIssuer.newBuilder();
      if (issuer.wildcard()) {
        o.setWildcardIssuerUrl(issuer.issuerUrl());
      } else {
        o.setIssuerUrl(issuer.issuerUrl());
      }
      o.setAudience(issuer.clientId())
          .setChallengeClaim(issuer.challengeClaim())
          .setIssuerType(issuer.type().configName());
      if (issuer.subjectDomain() != null) {
        o.setSubjectDomain(issuer.subjectDomain());
      }
      if (issuer.spiffeTrustDomain() != null) {
        o.setSpiffeTrustDomain(issuer.spiffeTrustDomain());
      }
      out.addIssuers(o);
    }
    return out.build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(
      String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .setSchemaDescriptor(new Schema())
        .build();
  }

  /** Carries the {@code oidcidentitytoken} (or {@code authorization: Bearer}) metadata. */
  private static final class TokenInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String token = headers.get(TOKEN_HEADER);
      String bearer = headers.get(AUTHORIZATION);
      if ((token == null || token.isEmpty())
          && bearer != null
          && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
        token = bearer.substring(7).trim();
      }
      return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
    }
  }

  /** The proto schema, for reflection-based tools (Armeria's DocService, grpcurl). */
  private static final class Schema implements ProtoServiceDescriptorSupplier {
    @Override
    public Descriptors.FileDescriptor getFileDescriptor() {
      return FulcioV2Proto.getDescriptor();
    }

    @Override
    public Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CA");
    }
  }

  /** A request that is malformed before the CA sees it (INVALID_ARGUMENT). */
  private static final class InvalidRequest extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRequest(String message) {
      super(message);
    }
  }
}
