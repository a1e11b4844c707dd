package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.server.ca.grpc.Configuration;
import dev.hallmark.server.ca.grpc.CreateSigningCertificateRequest;
import dev.hallmark.server.ca.grpc.Credentials;
import dev.hallmark.server.ca.grpc.GetConfigurationRequest;
import dev.hallmark.server.ca.grpc.GetTrustBundleRequest;
import dev.hallmark.server.ca.grpc.PublicKey;
import dev.hallmark.server.ca.grpc.PublicKeyAlgorithm;
import dev.hallmark.server.ca.grpc.PublicKeyRequest;
import dev.hallmark.server.ca.grpc.SigningCertificate;
import dev.hallmark.server.ca.grpc.TrustBundle;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fulcio v2 over gRPC with TLS on the CA port (generated self-signed server certificate), through
 * grpc-java's Netty transport as sigstore-java uses it; REST keeps working on the same https port.
 */
class FulcioGrpcTest {
  private static final String SERVICE = "dev.sigstore.fulcio.v2.CA";
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir static Path dataDir;
  private static HallmarkServer server;
  private static ManagedChannel channel;
  private static HttpClient https;

  @BeforeAll
  static void start() throws Exception {
    server =
        HallmarkServer.start(
            TestConfigs.anyPorts(dataDir, "ca.tls", "true", "oidc.enabled", "true"));
    Path cert = dataDir.resolve("tls").resolve("ca-tls.crt");
    assertThat(cert).exists();
    URI ca = URI.create(server.endpoints().get("caUrl"));
    assertThat(ca.getScheme()).isEqualTo("https");
    channel =
        Grpc.newChannelBuilder(
                ca.getAuthority(),
                TlsChannelCredentials.newBuilder().trustManager(cert.toFile()).build())
            .build();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(
        "ca-tls",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    https = HttpClient.newBuilder().sslContext(ssl).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    server.close();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String name, Q req, R resp) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(req))
        .setResponseMarshaller(ProtoUtils.marshaller(resp))
        .build();
  }

  private static final MethodDescriptor<CreateSigningCertificateRequest, SigningCertificate>
      CREATE =
          method(
              "CreateSigningCertificate",
              CreateSigningCertificateRequest.getDefaultInstance(),
              SigningCertificate.getDefaultInstance());

  private static SigningCertificate create(CreateSigningCertificateRequest req, Metadata headers) {
    var ch =
        io.grpc.ClientInterceptors.intercept(
            channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    return ClientCalls.blockingUnaryCall(
        ch, CREATE, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), req);
  }

  private static String token(String email) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.endpoints().get("oidcIssuerUrl") + "/token"))
                    .header("content-type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email + "\",\"audience\":\"sigstore\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String body = r.body();
    int i = body.indexOf("\"id_token\"");
    int start = body.indexOf('"', body.indexOf(':', i) + 1) + 1;
    return body.substring(start, body.indexOf('"', start));
  }

  private static Signer key() throws Exception {
    return Signers.create(
        Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM),
        KeyDetails.PKIX_ECDSA_P256_SHA_256);
  }

  private static CreateSigningCertificateRequest request(String token, Signer key, byte[] popOver) {
    CreateSigningCertificateRequest.Builder b = CreateSigningCertificateRequest.newBuilder();
    if (token != null) {
      b.setCredentials(Credentials.newBuilder().setOidcIdentityToken(token));
    }
    return b.setPublicKeyRequest(
            PublicKeyRequest.newBuilder()
                .setPublicKey(
                    PublicKey.newBuilder()
                        .setAlgorithm(PublicKeyAlgorithm.ECDSA)
                        .setContent(PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded())))
                .setProofOfPossession(ByteString.copyFrom(key.sign(popOver))))
        .build();
  }

  private static List<X509Certificate> chain(SigningCertificate cert) throws Exception {
    assertThat(cert.hasSignedCertificateEmbeddedSct()).isTrue();
    List<X509Certificate> out = new ArrayList<>();
    for (String pem : cert.getSignedCertificateEmbeddedSct().getChain().getCertificatesList()) {
      out.add(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }
    return out;
  }

  @Test
  void issuesOverGrpcWithTheTokenInTheBodyOrInMetadata() throws Exception {
    String email = "grpc@example.com";
    Signer key = key();
    String token = token(email);
    // sigstore-java 2.0.0 signs the token's sub; the built-in issuer's sub is the email here
    List<X509Certificate> chain =
        chain(create(request(token, key, email.getBytes(StandardCharsets.UTF_8)), new Metadata()));
    assertThat(chain).hasSize(3);
    assertThat(chain.get(0).getPublicKey().getEncoded()).isEqualTo(key.publicKey().getEncoded());
    assertThat(chain.get(0).getNonCriticalExtensionOIDs()).contains("1.3.6.1.4.1.11129.2.4.2");
    chain.get(0).verify(chain.get(1).getPublicKey());

    Metadata md = new Metadata();
    md.put(Metadata.Key.of("oidcidentitytoken", Metadata.ASCII_STRING_MARSHALLER), token);
    Signer other = key();
    assertThat(chain(create(request(null, other, email.getBytes(StandardCharsets.UTF_8)), md)))
        .hasSize(3);
  }

  @Test
  void refusalsMapToGrpcStatuses() throws Exception {
    String email = "refused@example.com";
    Signer key = key();
    assertThatThrownBy(
            () ->
                create(request(null, key, email.getBytes(StandardCharsets.UTF_8)), new Metadata()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThatThrownBy(
            () ->
                create(
                    request("not.a.jwt", key, email.getBytes(StandardCharsets.UTF_8)),
                    new Metadata()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    String token = token(email);
    assertThatThrownBy(
            () ->
                create(
                    request(token, key, "someone-else".getBytes(StandardCharsets.UTF_8)),
                    new Metadata()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThatThrownBy(
            () ->
                create(
                    CreateSigningCertificateRequest.newBuilder()
                        .setCredentials(Credentials.newBuilder().setOidcIdentityToken(token))
                        .build(),
                    new Metadata()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void trustBundleAndConfiguration() throws Exception {
    TrustBundle bundle =
        ClientCalls.blockingUnaryCall(
            channel,
            method(
                "GetTrustBundle",
                GetTrustBundleRequest.getDefaultInstance(),
                TrustBundle.getDefaultInstance()),
            CallOptions.DEFAULT,
            GetTrustBundleRequest.getDefaultInstance());
    assertThat(bundle.getChainsList()).hasSize(1);
    assertThat(bundle.getChains(0).getCertificatesList()).hasSize(2);
    Configuration config =
        ClientCalls.blockingUnaryCall(
            channel,
            method(
                "GetConfiguration",
                GetConfigurationRequest.getDefaultInstance(),
                Configuration.getDefaultInstance()),
            CallOptions.DEFAULT,
            GetConfigurationRequest.getDefaultInstance());
    assertThat(config.getIssuersList()).hasSize(1);
    assertThat(config.getIssuers(0).getIssuerUrl())
        .isEqualTo(server.endpoints().get("oidcIssuerUrl"));
    assertThat(config.getIssuers(0).getIssuerType()).isEqualTo("email");
  }

  @Test
  void restStillWorksOnTheSameHttpsPort() throws Exception {
    for (HttpClient.Version v : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
      HttpResponse<String> r =
          https.send(
              HttpRequest.newBuilder(
                      URI.create(server.endpoints().get("caUrl") + "/api/v2/trustBundle"))
                  .version(v)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(v);
      assertThat(r.body()).contains("BEGIN CERTIFICATE");
    }
  }
}
