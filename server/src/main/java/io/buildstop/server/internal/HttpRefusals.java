package io.buildstop.server.internal;

/**
 * The refusals of the HTTP layer, before a request reaches the {@link Dispatcher}: typed like every other answer
 * ({@code {"__type": ..., "message": ...}}), each named after its status. Messages never echo what the client
 * sent: a header may carry a signature.
 */
public final class HttpRefusals {
  private HttpRefusals() {}

  /** 400: the request is not HTTP/1.1 the server can frame. */
  public static ServiceError badRequest(String message) {
    return ServiceError.of(400, "BadRequestException", message);
  }

  /** 408: the request's head or body did not arrive within its deadline. */
  public static ServiceError requestTimeout(String message) {
    return ServiceError.of(408, "RequestTimeoutException", message);
  }

  /** 413: the body is over the server's limit. */
  public static ServiceError tooLarge(int limit) {
    return BoundedBody.tooLarge(limit);
  }

  /** 414: the request line is longer than the server reads. */
  public static ServiceError requestLineTooLong(int limit) {
    return ServiceError.of(414, "RequestUriTooLongException",
        "The request line is longer than this server's limit of " + limit + " bytes");
  }

  /** 415: a content or transfer coding the server does not decode. */
  public static ServiceError unsupportedCoding(String message) {
    return ServiceError.of(415, "UnsupportedMediaTypeException", message);
  }

  /** 417: an {@code Expect} other than {@code 100-continue}. */
  public static ServiceError expectationFailed() {
    return ServiceError.of(417, "ExpectationFailedException",
        "This server meets no expectation but Expect: 100-continue");
  }

  /** 431: too many headers, or headers too large. */
  public static ServiceError headersTooLarge(String message) {
    return ServiceError.of(431, "RequestHeaderFieldsTooLargeException", message);
  }

  /** 505: an HTTP version other than 1.x. */
  public static ServiceError versionNotSupported() {
    return ServiceError.of(505, "HttpVersionNotSupportedException",
        "This server speaks HTTP/1.1 (and HTTP/1.0); send the request as HTTP/1.1");
  }
}
