package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** One CodeBuild operation: its checked input in, its output's {@link Reply} out, or a {@link ServiceError} thrown. */
@FunctionalInterface
public interface Operation {
  /**
   * Answers one call.
   *
   * @param call the input object and who made the call
   * @return the output, sent with HTTP 200
   * @throws ServiceError when the call is refused; nothing has changed then
   */
  Reply answer(Call call);

  /** The operation that answers with the tree {@code answer} returns. */
  static Operation answeringTrees(Function<Call, ObjectNode> answer) {
    return call -> Reply.of(answer.apply(call));
  }

  /**
   * One call of an operation.
   *
   * @param input the request body, with members sent as {@code null} removed
   * @param initiator who started it, for a build's {@code initiator}: the access key id that signed the request,
   *     or {@code buildstop} for an unsigned one
   */
  record Call(ObjectNode input, String initiator) {}
}
