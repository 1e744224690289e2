package io.buildstop.memory.buildspec;

import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.MatrixDynamic;
import io.buildstop.domain.batch.MatrixStatic;
import io.buildstop.domain.batch.TaskEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a batch section as a buildspec's YAML, block style, every scalar double-quoted and escaped, every boolean
 * written out: the other half of the reader's round trip. A test helper, written by hand so that the round trip does
 * not check snakeyaml-engine against itself.
 */
public final class BatchSpecYaml {

  private final StringBuilder yaml = new StringBuilder("version: 0.2\nbatch:\n");

  private BatchSpecYaml() {}

  /** {@code spec} as a buildspec whose {@code batch} section it is. */
  public static String print(BatchSpec spec) {
    BatchSpecYaml printer = new BatchSpecYaml();
    printer.line(1, "fast-fail: " + spec.fastFail());
    printer.line(1, spec.kind().key() + ":");
    switch (spec.kind()) {
      case BUILD_LIST -> printer.tasks(((BatchSpec.BuildList) spec).tasks());
      case BUILD_GRAPH -> printer.tasks(((BatchSpec.BuildGraph) spec).tasks());
      case BUILD_MATRIX -> printer.matrix((BatchSpec.BuildMatrix) spec);
      case BUILD_FANOUT -> {
        BatchSpec.BuildFanout fanout = (BatchSpec.BuildFanout) spec;
        printer.line(2, "parallelism: " + fanout.parallelism());
        printer.line(2, "ignore-failure: " + fanout.ignoreFailure());
      }
    }
    printer.yaml.append("phases:\n  build:\n    commands:\n      - \"echo done\"\n");
    return printer.yaml.toString();
  }

  private void tasks(List<BatchTask> tasks) {
    for (BatchTask task : tasks) {
      line(2, "- identifier: " + quote(task.identifier()));
      optional(3, "buildspec", task.buildspec());
      environment(3, task.environment());
      line(3, "debug-session: " + task.debugSession());
      line(3, "ignore-failure: " + task.ignoreFailure());
      list(3, "depend-on", task.dependOn());
    }
  }

  private void matrix(BatchSpec.BuildMatrix matrix) {
    MatrixStatic shared = matrix.staticSettings();
    line(2, "static:");
    optional(3, "buildspec", shared.buildspec());
    environment(3, shared.environment());
    line(3, "debug-session: " + shared.debugSession());
    line(3, "ignore-failure: " + shared.ignoreFailure());
    MatrixDynamic dynamic = matrix.dynamic();
    line(2, "dynamic:");
    list(3, "buildspec", dynamic.buildspecs());
    line(3, "env:");
    list(4, "compute-type", dynamic.computeTypes());
    list(4, "image", dynamic.images());
    if (!dynamic.variables().isEmpty()) {
      line(4, "variables:");
      dynamic.variables().forEach((name, values) -> list(5, quote(name), values));
    }
  }

  private void environment(int indent, TaskEnvironment environment) {
    line(indent, "env:");
    optional(indent + 1, "compute-type", environment.computeType());
    optional(indent + 1, "fleet", environment.fleet());
    optional(indent + 1, "image", environment.image());
    environment.privilegedMode().ifPresent(privileged -> line(indent + 1, "privileged-mode: " + privileged));
    optional(indent + 1, "type", environment.type());
    if (!environment.variables().isEmpty()) {
      line(indent + 1, "variables:");
      for (Map.Entry<String, String> variable : environment.variables().entrySet()) {
        line(indent + 2, quote(variable.getKey()) + ": " + quote(variable.getValue()));
      }
    }
  }

  private void optional(int indent, String key, Optional<String> value) {
    value.ifPresent(text -> line(indent, key + ": " + quote(text)));
  }

  private void list(int indent, String key, List<String> values) {
    if (!values.isEmpty()) {
      line(indent, key + ":");
      values.forEach(value -> line(indent + 1, "- " + quote(value)));
    }
  }

  private void line(int indent, String text) {
    yaml.append("  ".repeat(indent)).append(text).append('\n');
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\t' -> quoted.append("\\t");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return quoted.append('"').toString();
  }
}
