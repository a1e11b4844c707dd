package dev.hallmark.server.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.hallmark.tlog.EntryTooLargeException;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP answers ({@code application/problem+json}). */
public final class ProblemErrorHandler implements ServerErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
  private final long maxRequestBytes;

  public ProblemErrorHandler(long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Maps an exception to a problem; unexpected ones become a 500 without internals. */
  public Problem problemFor(Throwable cause) {
    return problemFor(cause, maxRequestBytes);
  }

  /** As {@link #problemFor(Throwable)}, naming {@code limit} (the route's) for a large body. */
  private Problem problemFor(Throwable cause, long limit) {
    Throwable t = unwrap(cause);
    if (t instanceof InvalidEntryException) {
      return new Problem(HttpStatus.BAD_REQUEST, "Invalid entry", t.getMessage());
    }
    if (t instanceof BadRequestException) {
      return new Problem(HttpStatus.BAD_REQUEST, "Bad request", t.getMessage());
    }
    if (t instanceof EntryTooLargeException) {
      return new Problem(HttpStatus.BAD_REQUEST, "Entry too large", t.getMessage());
    }
    if (t instanceof ContentTooLargeException
        || (t instanceof HttpStatusException hse
            && hse.httpStatus() == HttpStatus.REQUEST_ENTITY_TOO_LARGE)) {
      return tooLarge(limit);
    }
    if (t instanceof dev.hallmark.ca.identity.TokenException te) {
      return te.reason() == dev.hallmark.ca.identity.TokenException.Reason.KEYS_UNAVAILABLE
          ? new Problem(
              HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable", te.getMessage())
          : new Problem(HttpStatus.UNAUTHORIZED, "Invalid identity token", te.getMessage());
    }
    if (t instanceof dev.hallmark.ca.identity.KeyPolicyException
        || t instanceof dev.hallmark.ca.identity.ProofOfPossessionException
        || t instanceof dev.hallmark.ca.issuance.RequestRejectedException) {
      return new Problem(HttpStatus.BAD_REQUEST, "Certificate request refused", t.getMessage());
    }
    if (t instanceof dev.hallmark.ca.issuance.IssuanceException) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Certificate not issued", t.getMessage());
    }
    if (t instanceof ConflictException c) {
      return new Problem(HttpStatus.CONFLICT, "Entry exists", c.getMessage(), c.location());
    }
    if (t instanceof UnprocessableException) {
      return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", t.getMessage());
    }
    if (t instanceof NotFoundException) {
      return new Problem(HttpStatus.NOT_FOUND, "Not found", t.getMessage());
    }
    if (t instanceof LogUnavailableException) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Log unavailable", t.getMessage());
    }
    if (t instanceof HttpStatusException hse) {
      return new Problem(
          hse.httpStatus(), hse.httpStatus().reasonPhrase(), hse.httpStatus().reasonPhrase());
    }
    log.error("unexpected error", t);
    return new Problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "unexpected server error");
  }

  /** 400 as the API promises for every bad input (not 413), naming the limit. */
  private static Problem tooLarge(long limit) {
    return new Problem(
        HttpStatus.BAD_REQUEST,
        "Request body too large",
        "request body exceeds the limit of " + limit + " bytes");
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public @Nullable HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
    return problemFor(cause, ctx.maxRequestLength()).toResponse();
  }

  @Override
  public @Nullable AggregatedHttpResponse renderStatus(
      @Nullable ServiceRequestContext ctx,
      ServiceConfig config,
      @Nullable RequestHeaders headers,
      HttpStatus status,
      @Nullable String description,
      @Nullable Throwable cause) {
    if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
        || (cause != null && unwrap(cause) instanceof ContentTooLargeException)) {
      // routes may have their own limit (analyzer uploads): name the one that applied
      return tooLarge(ctx != null ? ctx.maxRequestLength() : config.maxRequestLength())
          .toAggregated();
    }
    String detail = description != null ? description : status.reasonPhrase();
    return new Problem(status, status.reasonPhrase(), detail).toAggregated();
  }
}
