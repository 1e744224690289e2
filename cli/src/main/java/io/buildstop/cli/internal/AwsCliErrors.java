package io.buildstop.cli.internal;

import io.buildstop.domain.StopFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * A failed call as AWS CLI v1 reports it on stderr: an empty line, then {@code An error occurred (<code>) when
 * calling the <Operation> operation: <message>}, with CodeBuild's error code (or the HTTP status when the answer had
 * none, as for a 500 with an HTML body); a call that got no answer reads {@code Could not connect to the endpoint
 * URL: "<url>"} or {@code Read timeout on endpoint URL: "<url>"}, as the CLI words them.
 */
public final class AwsCliErrors {

  private AwsCliErrors() {}

  /**
   * The stderr text for {@code failure} of {@code operation} (such as {@code StopBuild}) against {@code endpoint}.
   *
   * @param endpoint the URL the call went to, as the CLI quotes it ({@code http://127.0.0.1:4566/}); empty for the
   *     in-memory backend, which always answers
   * @return the text, ending in a newline; never null
   */
  public static String describe(String operation, StopFailure failure, Optional<String> endpoint) {
    String text = switch (failure.code()) {
      case INVALID_INPUT -> serviceError(operation, "InvalidInputException", failure.message());
      case RESOURCE_NOT_FOUND -> serviceError(operation, "ResourceNotFoundException", failure.message());
      case THROTTLED -> serviceError(operation, "ThrottlingException", failure.message());
      case ACCESS_DENIED ->
          serviceError(operation, ((StopFailure.AccessDenied) failure).errorCode(), failure.message());
      case LIMIT_EXCEEDED -> serviceError(operation, "AccountLimitExceededException", failure.message());
      case PARAMETER_MISMATCH ->
          serviceError(operation, "IdempotentParameterMismatchException", failure.message());
      case UNAVAILABLE -> unavailable(operation, (StopFailure.Unavailable) failure, endpoint);
    };
    return "\n" + text + "\n";
  }

  private static String serviceError(String operation, String code, String message) {
    return "An error occurred (" + code + ") when calling the " + operation + " operation: " + message;
  }

  private static String unavailable(String operation, StopFailure.Unavailable failure, Optional<String> endpoint) {
    Optional<Throwable> cause = failure.cause();
    Optional<AwsServiceException> service = find(cause, AwsServiceException.class);
    if (service.isPresent()) {
      return serviceError(operation, codeOf(service.get()), messageOf(service.get()));
    }
    if (endpoint.isPresent()) {
      String url = "\"" + endpoint.get() + "\"";
      if (find(cause, ApiCallTimeoutException.class).isPresent()
          || find(cause, ApiCallAttemptTimeoutException.class).isPresent()
          || find(cause, SocketTimeoutException.class).isPresent()) {
        return "Read timeout on endpoint URL: " + url;
      }
      if (find(cause, ConnectException.class).isPresent()
          || find(cause, UnknownHostException.class).isPresent()
          || find(cause, NoRouteToHostException.class).isPresent()) {
        return "Could not connect to the endpoint URL: " + url;
      }
    }
    return failure.message();
  }

  private static String codeOf(AwsServiceException service) {
    return Optional.ofNullable(service.awsErrorDetails())
        .flatMap(details -> Optional.ofNullable(details.errorCode()))
        .filter(code -> !code.isBlank())
        .orElse(String.valueOf(service.statusCode()));
  }

  // the CLI prints the reason phrase ("Internal Server Error") when the body carried no message
  private static String messageOf(AwsServiceException service) {
    return Optional.ofNullable(service.awsErrorDetails())
        .flatMap(details -> Optional.ofNullable(details.errorMessage())
            .filter(message -> !message.isBlank())
            .or(() -> Optional.ofNullable(details.sdkHttpResponse())
                .flatMap(response -> response.statusText())))
        .orElseGet(() -> String.valueOf(service.getMessage()));
  }

  private static <T extends Throwable> Optional<T> find(Optional<Throwable> start, Class<T> type) {
    Throwable current = start.orElse(null);
    for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
      if (type.isInstance(current)) {
        return Optional.of(type.cast(current));
      }
    }
    return Optional.empty();
  }
}
