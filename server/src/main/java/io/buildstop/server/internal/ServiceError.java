package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.wire.InvalidMember;
import java.util.Objects;

/**
 * A refusal in CodeBuild's wire form: an HTTP status and {@code {"__type": ..., "message": ...}} (spec §1). Thrown
 * inside the handling of one request and turned into the response at the dispatcher's boundary, so no refused
 * request gets further than the check that refused it. Carries no stack trace: it is an answer, not a bug.
 */
public final class ServiceError extends RuntimeException {
  private final int status;
  private final String type;

  private ServiceError(int status, String type, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A refusal with this status, {@code __type} and message. */
  public static ServiceError of(int status, String type, String message) {
    return new ServiceError(status, type, message);
  }

  /** CodeBuild's {@code InvalidInputException}, HTTP 400. */
  public static ServiceError invalidInput(String message) {
    return of(400, "InvalidInputException", message);
  }

  /** CodeBuild's {@code ResourceNotFoundException}, HTTP 400. */
  public static ServiceError resourceNotFound(String message) {
    return of(400, "ResourceNotFoundException", message);
  }

  /** CodeBuild's {@code ResourceAlreadyExistsException}, HTTP 400. */
  public static ServiceError resourceAlreadyExists(String message) {
    return of(400, "ResourceAlreadyExistsException", message);
  }

  /** {@code SerializationException}, HTTP 400: the body cannot be read as the operation's input. */
  public static ServiceError serialization(String message) {
    return of(400, "SerializationException", message);
  }

  /** {@code UnknownOperationException}, HTTP 400: no operation answers this request. */
  public static ServiceError unknownOperation(String message) {
    return of(400, "UnknownOperationException", message);
  }

  /**
   * The AWS validation message for one member, {@code 1 validation error detected: Value <v> at '<m>' failed to
   * satisfy constraint: <c>}; with an empty {@code shownValue}, {@code Value at '<m>'}, for values not to be echoed.
   */
  public static ServiceError validation(String shownValue, String member, String constraint) {
    return invalid(new InvalidMember(shownValue, member, constraint));
  }

  /** The {@code InvalidInputException} for a member that breaks the service model ({@link InvalidMember}). */
  public static ServiceError invalid(InvalidMember member) {
    return invalidInput(member.message());
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The {@code __type}: the error code, without any {@code prefix#}. */
  public String type() {
    return type;
  }

  /** The body, {@code {"__type": ..., "message": ...}}. */
  public ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", type);
    body.put("message", getMessage());
    return body;
  }
}
