package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One CodeBuild operation: its checked input in, its output object out, or a {@link ServiceError} thrown. */
@FunctionalInterface
public interface Operation {
  /**
   * Answers one call.
   *
   * @param call the input object and who made the call
   * @return the output object, sent with HTTP 200
   * @throws ServiceError when the call is refused; nothing has changed then
   */
  ObjectNode answer(Call call);

  /**
   * One call of an operation.
   *
   * @param input the request body, with members sent as {@code null} removed
   * @param initiator who started it, for a build's {@code initiator}: the access key id that signed the request,
   *     or {@code buildstop} for an unsigned one
   */
  record Call(ObjectNode input, String initiator) {}
}
