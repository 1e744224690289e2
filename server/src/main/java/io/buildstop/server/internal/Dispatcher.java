package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.wire.InvalidMember;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The HTTP face of the server, and the one place requests are routed: CodeBuild's awsJson1_1 protocol (spec §1) at
 * {@code POST /}, and buildstop's local status path, {@link ServerStatus#PATH}, which answers {@code GET} with the
 * status's JSON ({@code application/json}), unsigned as a local path is, and any other method 405 {@code
 * UnknownOperationException} with {@code Allow: GET}, and the local events path, {@link ServerEvents#PATH}, answered
 * the same way with a JSON array of the recent build events, and the page's paths, everything under {@link
 * PagePaths#PREFIX}, answered by {@link PagePaths} under its own rules. Every other request passes these checks in
 * order, and the first that fails answers with its typed error, before anything changes (the HTTP layer's own
 * refusals, {@link HttpRefusals}, come before them all, the body limit among them):
 * <ol>
 *   <li>method {@code POST}, else 405 {@code UnknownOperationException} (with {@code Allow: POST});</li>
 *   <li>path {@code /}, else 404 {@code UnknownOperationException};</li>
 *   <li>{@code X-Amz-Target: CodeBuild_20161006.<Operation>} naming an operation served here, else 400
 *       {@code UnknownOperationException};</li>
 *   <li>{@code Content-Type} {@code application/x-amz-json-1.1} (what the AWS SDKs and the AWS CLI send) or
 *       {@code application/json}, else 400 {@code UnknownOperationException}, as AWS's JSON services find no
 *       protocol for it;</li>
 *   <li>when access keys are configured, a valid SigV4 signature ({@link SigV4Verifier}) for the host the request
 *       reached, with {@code X-Amz-Target} and {@code Content-Type} signed;</li>
 *   <li>a body that is one JSON object (empty reads as {@code {}}), else 400 {@code SerializationException};</li>
 *   <li>the operation's own checks, 400 {@code InvalidInputException} and the rest.</li>
 * </ol>
 * Answers carry {@code Content-Type: application/x-amz-json-1.1}, a fresh {@code x-amzn-RequestId} and a
 * {@code Content-Length}; connections are kept alive. A bug in this server answers 500 {@code InternalFailure}, and
 * so does an answer that would be larger than {@code maxAnswerBytes}, which is never produced beyond that limit.
 *
 * <p>It knows no HTTP server: one reads the request into an {@link HttpCall} and sends the {@link HttpAnswer}.
 */
public final class Dispatcher {
  /** The {@code X-Amz-Target} prefix of CodeBuild's operations. */
  public static final String TARGET_PREFIX = "CodeBuild_20161006.";
  /** CodeBuild's content type. */
  public static final String AMZ_JSON = "application/x-amz-json-1.1";
  /** Plain JSON's content type: the status path's, and one CodeBuild's clients may send. */
  public static final String PLAIN_JSON = "application/json";

  private static final List<String> ACCEPTED_MEDIA_TYPES = List.of(AMZ_JSON, PLAIN_JSON);

  private final Map<String, Operation> operations;
  private final int maxRequestBytes;
  private final int maxAnswerBytes;
  private final Optional<SigV4Verifier> verifier;
  private final Optional<ServerStatus> status;
  private final Optional<ServerEvents> events;
  private final Optional<PagePaths> page;

  /**
   * Answers the operations by name, with a body limit and, when present, signature verification; answers of any
   * size, no status path.
   */
  public Dispatcher(Map<String, Operation> operations, int maxRequestBytes, Optional<SigV4Verifier> verifier) {
    this(operations, maxRequestBytes, Integer.MAX_VALUE, verifier, Optional.empty());
  }

  /**
   * The same, with a limit on an operation's answer ({@code maxAnswerBytes}; a larger one is refused with 500 {@code
   * InternalFailure}, the connection kept) and the local status path when {@code status} is present.
   */
  public Dispatcher(Map<String, Operation> operations, int maxRequestBytes, int maxAnswerBytes,
      Optional<SigV4Verifier> verifier, Optional<ServerStatus> status) {
    this(operations, maxRequestBytes, maxAnswerBytes, verifier, status, Optional.empty());
  }

  /**
   * The same, with the local events path ({@link ServerEvents#PATH}) when {@code events} is present: answered as the
   * status path is (GET alone, unsigned), with a JSON array of the recent build events.
   */
  public Dispatcher(Map<String, Operation> operations, int maxRequestBytes, int maxAnswerBytes,
      Optional<SigV4Verifier> verifier, Optional<ServerStatus> status, Optional<ServerEvents> events) {
    this(operations, maxRequestBytes, maxAnswerBytes, verifier, status, events, Optional.empty());
  }

  /**
   * The same, with the page ({@link PagePaths}) when {@code page} is present: every path under {@link
   * PagePaths#PREFIX} is answered by it, admitted by its own rules ({@link PageGuard}) rather than a signature.
   */
  public Dispatcher(Map<String, Operation> operations, int maxRequestBytes, int maxAnswerBytes,
      Optional<SigV4Verifier> verifier, Optional<ServerStatus> status, Optional<ServerEvents> events,
      Optional<PagePaths> page) {
    this.events = Objects.requireNonNull(events, "events");
    this.page = Objects.requireNonNull(page, "page");
    this.operations = new TreeMap<>(operations);
    this.maxRequestBytes = maxRequestBytes;
    this.maxAnswerBytes = maxAnswerBytes;
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The largest request body accepted, in bytes. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * The answer to one request: the operation's output, or the first check's refusal.
   *
   * @throws IOException when the connection failed while the body was read: there is no one to answer
   */
  public HttpAnswer answer(HttpCall call) throws IOException {
    if (status.isPresent() && ServerStatus.PATH.equals(call.rawPath())) {
      return localAnswer(call.method(), ServerStatus.PATH, status.get()::reply);
    }
    if (events.isPresent() && ServerEvents.PATH.equals(call.rawPath())) {
      return localAnswer(call.method(), ServerEvents.PATH, events.get()::reply);
    }
    if (page.isPresent() && PagePaths.covers(call.rawPath())) {
      return page.get().answer(call);
    }
    try {
      // the answer is written inside the try, as the tree it replaced was built there: a failure of the encoder is
      // a 500 the client can read, not a connection the HTTP server drops
      return new HttpAnswer(200, Json.write(answerOrThrow(call), maxAnswerBytes), AMZ_JSON, RequestIds.next(),
          Optional.empty(), false);
    } catch (ServiceError refused) {
      return refusal(refused);
    } catch (AnswerBuffer.TooLarge tooLarge) {
      // issue 17.1: an answer is bounded; the one that cannot be produced is a typed 5xx, and the connection, which
      // has sent nothing of it, carries the next request as usual
      return refusal(ServiceError.of(500, "InternalFailure", "The answer would be larger than this server's limit"
          + " of " + tooLarge.limit() + " bytes (maxAnswerBytes): ask for fewer builds or projects at a time"));
    } catch (RuntimeException bug) {
      return refusal(ServiceError.of(500, "InternalFailure", "The server failed to answer the request"));
    }
  }

  // a local path: no signature (it shows counts, or events a test on this machine asks for), GET alone
  private static HttpAnswer localAnswer(String method, String path, Supplier<Reply> reply) {
    if (!"GET".equals(method)) {
      return refusal(ServiceError.of(405, "UnknownOperationException", path + " answers GET only, not "
          + InvalidMember.shown(method).replace("'", "")), "GET");
    }
    try {
      return new HttpAnswer(200, Json.write(reply.get()), PLAIN_JSON, RequestIds.next(), Optional.empty(), false);
    } catch (RuntimeException bug) {
      return refusal(ServiceError.of(500, "InternalFailure", "The server failed to answer the request"));
    }
  }

  /**
   * A refusal as it is sent: {@code Allow: POST} with a 405; a 413 closes the connection, as the rest of the body
   * stays unread and the connection cannot carry another request.
   */
  public static HttpAnswer refusal(ServiceError refused) {
    return refusal(refused, "POST");
  }

  private static HttpAnswer refusal(ServiceError refused, String allowed) {
    int status = refused.status();
    return new HttpAnswer(status, Json.write(Reply.of(refused.body())), AMZ_JSON, RequestIds.next(),
        status == 405 ? Optional.of(allowed) : Optional.empty(), status == 413);
  }

  private Reply answerOrThrow(HttpCall call) throws IOException {
    String method = call.method();
    if (!"POST".equals(method)) {
      throw ServiceError.of(405, "UnknownOperationException",
          "CodeBuild answers POST / only, not " + InvalidMember.shown(method).replace("'", ""));
    }
    String path = call.rawPath();
    if (!"/".equals(path)) {
      throw ServiceError.of(404, "UnknownOperationException", "CodeBuild answers POST / only; nothing is at "
          + InvalidMember.shown(path));
    }
    byte[] body = call.body().bytes();
    Operation operation = operationOf(call.header("X-Amz-Target"));
    checkContentType(call.header("Content-Type"));
    String initiator = verifier.isPresent()
        ? verifier.get().verify(method, path, call.rawQuery(), call.headers(), body, call.reached())
        : "buildstop";
    ObjectNode input = Json.withoutNullMembers(Json.requestObject(body));
    return operation.answer(new Operation.Call(input, initiator));
  }

  private Operation operationOf(String target) {
    if (target == null || target.isBlank()) {
      throw ServiceError.unknownOperation("The request names no operation: send X-Amz-Target: "
          + TARGET_PREFIX + "<Operation>");
    }
    String name = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    Operation operation = name == null ? null : operations.get(name);
    if (operation == null) {
      throw ServiceError.unknownOperation("This server does not answer " + InvalidMember.shown(target)
          + "; it answers " + TARGET_PREFIX + "{" + String.join(", ", operations.keySet()) + "}");
    }
    return operation;
  }

  private static void checkContentType(String contentType) {
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!ACCEPTED_MEDIA_TYPES.contains(mediaType)) {
      throw ServiceError.unknownOperation("The Content-Type " + (contentType == null ? "is missing" : InvalidMember.shown(
          contentType) + " is not supported") + ": send Content-Type: " + AMZ_JSON);
    }
  }
}
