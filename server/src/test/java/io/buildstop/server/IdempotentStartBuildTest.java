package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.server.RawHttp.Reply;
import io.buildstop.wire.WireCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * StartBuild's {@code idempotencyToken} over HTTP, as CodeBuild honours it: a retried call gets the first call's
 * build, the token with other parameters is refused, and the order of members does not make parameters differ.
 */
class IdempotentStartBuildTest {
  private static CodeBuildServer server;
  private static String project;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.builder().start();
    project = Projects.freshName();
    assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  private static Build started(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
  }

  @Test
  void aRetriedStartBuildWithTheSameTokenAnswersTheFirstBuildAndStartsNoOther() {
    int before = server.backend().buildCount();
    Build first = started(call(server.endpoint(), "StartBuild", json(
        "{'projectName': '" + project + "', 'idempotencyToken': 'retry-1', 'imageOverride': 'img:1',"
            + " 'timeoutInMinutesOverride': 30}")));

    Build retried = started(call(server.endpoint(), "StartBuild", json(
        "{'timeoutInMinutesOverride': 30, 'imageOverride': 'img:1', 'idempotencyToken': 'retry-1',"
            + " 'projectName': '" + project + "'}")));

    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(server.backend().buildCount()).isEqualTo(before + 1);
  }

  @Test
  void theSameTokenWithOtherParametersIsIdempotentParameterMismatchException() {
    started(call(server.endpoint(), "StartBuild", json(
        "{'projectName': '" + project + "', 'idempotencyToken': 'retry-2'}")));
    int before = server.backend().buildCount();

    Reply refused = call(server.endpoint(), "StartBuild", json(
        "{'projectName': '" + project + "', 'idempotencyToken': 'retry-2', 'imageOverride': 'img:2'}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.type()).isEqualTo("IdempotentParameterMismatchException");
    assertThat(refused.message()).doesNotContain("retry-2");
    assertThat(server.backend().buildCount()).isEqualTo(before);
  }

  @Test
  void withoutATokenEveryCallStartsABuild() {
    Build one = started(call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "'}")));
    Build two = started(call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "'}")));

    assertThat(two.id()).isNotEqualTo(one.id());
  }
}
