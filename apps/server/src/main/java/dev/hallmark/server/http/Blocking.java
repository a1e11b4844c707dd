package dev.hallmark.server.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs route handlers that may block (database, disk) on the request's blocking executor, never on
 * the event loop. A handler's unchecked exceptions, and whatever its service's {@link Refusals}
 * throws, go to the server's {@link ProblemErrorHandler}.
 */
public final class Blocking {
  /** A handler that needs no request body. */
  @FunctionalInterface
  public interface Handler {
    HttpResponse handle() throws Exception;
  }

  /** A handler of the whole (aggregated) request. */
  @FunctionalInterface
  public interface BodyHandler {
    HttpResponse handle(AggregatedHttpRequest request) throws Exception;
  }

  /**
   * A service's answer to its checked exceptions: a response (e.g. a {@link Problem}), or an
   * exception for the error handler; rethrow {@code e} when it is not the service's own.
   */
  @FunctionalInterface
  public interface Refusals {
    HttpResponse answer(Exception e) throws Exception;
  }

  private final Refusals refusals;

  /** Checked exceptions all go to the error handler. */
  public Blocking() {
    this(
        e -> {
          throw e;
        });
  }

  public Blocking(Refusals refusals) {
    this.refusals = refusals;
  }

  public HttpResponse run(ServiceRequestContext ctx, Handler handler) {
    return HttpResponse.of(
        CompletableFuture.supplyAsync(() -> call(handler), ctx.blockingTaskExecutor()));
  }

  /** Aggregates the request (within the route's size limit), then runs the handler. */
  public HttpResponse withBody(ServiceRequestContext ctx, HttpRequest req, BodyHandler handler) {
    return HttpResponse.of(
        req.aggregate()
            .thenApplyAsync(agg -> call(() -> handler.handle(agg)), ctx.blockingTaskExecutor()));
  }

  private HttpResponse call(Handler handler) {
    try {
      return handler.handle();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      try {
        return refusals.answer(e);
      } catch (RuntimeException r) {
        throw r;
      } catch (Exception other) {
        throw new CompletionException(other);
      }
    }
  }
}
