package dev.hallmark.bench;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ClientFactoryBuilder;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpObject;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.stream.SubscriptionOption;
import com.linecorp.armeria.common.util.EventLoopGroups;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The generator's HTTP transport: Armeria's asynchronous {@link WebClient} on a small Netty event
 * loop group (one thread by default). Answers complete on the event loop, so callbacks must be
 * short and must not block.
 *
 * <p>{@code h1}: HTTP/1.1 with keep-alive, one request per connection at a time (no pipelining);
 * the pool holds as many connections as requests were ever in flight at once, so the caller's
 * in-flight caps bound it. {@code h2}: HTTP/2 cleartext with prior knowledge, {@code connections}
 * multiplexed connections used round robin.
 */
final class Transport implements AutoCloseable {
  static final String ENTRIES_PATH = "/api/v2/log/entries";
  static final String V1_ENTRIES_PATH = "/api/v1/log/entries";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Wire protocol. */
  enum Protocol {
    h1,
    h2
  }

  private final EventLoopGroup group;
  private final List<ClientFactory> factories = new ArrayList<>();
  private final WebClient[] clients;
  private final AtomicInteger next = new AtomicInteger();
  private final RequestHeaders postHeaders;

  /**
   * @param base the log's base URL ({@code http://host:port}; {@code https}: TLS, the server's
   *     certificate is not verified, for a loopback benchmark)
   * @param entriesPath where to POST entries ({@link #ENTRIES_PATH}, {@link #V1_ENTRIES_PATH})
   * @param eventLoops event loop threads
   * @param connections {@code h2} only: how many connections to spread requests over
   */
  Transport(URI base, String entriesPath, Protocol protocol, int eventLoops, int connections) {
    this(base, entriesPath, MediaType.JSON, protocol, eventLoops, connections);
  }

  /** As above, POSTing bodies of {@code contentType} (e.g. a DER timestamp query). */
  Transport(
      URI base,
      String entriesPath,
      MediaType contentType,
      Protocol protocol,
      int eventLoops,
      int connections) {
    postHeaders =
        RequestHeaders.builder(HttpMethod.POST, entriesPath).contentType(contentType).build();
    group = EventLoopGroups.newEventLoopGroup(eventLoops, "bench-io", true);
    int n = protocol == Protocol.h2 ? Math.max(1, connections) : 1;
    clients = new WebClient[n];
    boolean tls = "https".equals(base.getScheme());
    String scheme = (protocol == Protocol.h2 ? "h2" : "h1") + (tls ? "" : "c");
    URI uri = URI.create(scheme + "://" + base.getHost() + ":" + base.getPort());
    for (int i = 0; i < n; i++) {
      ClientFactoryBuilder builder = ClientFactory.builder();
      if (tls) {
        // loopback benchmark of a server with a self-signed certificate (the CA port's)
        builder.tlsNoVerify();
      }
      ClientFactory factory =
          builder
              .workerGroup(group, false)
              .connectTimeout(Duration.ofSeconds(5))
              .useHttp2Preface(true)
              .useHttp1Pipelining(false)
              .idleTimeout(Duration.ofMinutes(5))
              .build();
      factories.add(factory);
      clients[i] = WebClient.builder(uri).factory(factory).responseTimeout(TIMEOUT).build();
    }
  }

  /** Runs {@code task} on an event loop thread (where answers complete, too). */
  EventLoop eventLoop() {
    return group.next();
  }

  /** POSTs a pre-serialized entry request (the array is not copied and must not change). */
  CompletableFuture<AggregatedHttpResponse> post(byte[] json) {
    return client().execute(HttpRequest.of(postHeaders, HttpData.wrap(json))).aggregate();
  }

  /**
   * POSTs a pre-serialized entry request; completes with the status once the whole answer has
   * arrived, which is read and dropped without being copied or parsed.
   */
  CompletableFuture<Integer> postStatus(byte[] json) {
    return StatusOnly.of(client().execute(HttpRequest.of(postHeaders, HttpData.wrap(json))));
  }

  /** GET of a path on the log's origin. */
  CompletableFuture<AggregatedHttpResponse> get(String path) {
    return client().get(path).aggregate();
  }

  /** GET whose answer is received in full but only its status kept (see {@link #postStatus}). */
  CompletableFuture<Integer> getStatus(String path) {
    return StatusOnly.of(client().get(path));
  }

  /** Consumes a response, releasing its (pooled) buffers as they come; keeps the final status. */
  private static final class StatusOnly implements Subscriber<HttpObject> {
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private int status;

    static CompletableFuture<Integer> of(HttpResponse response) {
      StatusOnly s = new StatusOnly();
      response.subscribe(s, SubscriptionOption.WITH_POOLED_OBJECTS);
      return s.result;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(HttpObject o) {
      if (o instanceof ResponseHeaders) {
        int code = ((ResponseHeaders) o).status().code();
        if (code >= 200) {
          status = code; // not an informational (1xx) header block
        }
      } else if (o instanceof HttpData) {
        ((HttpData) o).close();
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(status);
    }
  }

  private WebClient client() {
    if (clients.length == 1) {
      return clients[0];
    }
    return clients[Math.floorMod(next.getAndIncrement(), clients.length)];
  }

  @Override
  public void close() {
    factories.forEach(ClientFactory::close);
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
