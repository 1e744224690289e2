package io.buildstop.memory.buildspec;

import static io.buildstop.domain.InvalidBatchSpecReason.EMPTY_DIMENSION;
import static io.buildstop.domain.InvalidBatchSpecReason.INVALID_PARALLELISM;
import static io.buildstop.domain.InvalidBatchSpecReason.MALFORMED_YAML;
import static io.buildstop.domain.InvalidBatchSpecReason.MISSING_MEMBER;
import static io.buildstop.domain.InvalidBatchSpecReason.NO_BATCH_KIND;
import static io.buildstop.domain.InvalidBatchSpecReason.SEVERAL_BATCH_KINDS;
import static io.buildstop.domain.InvalidBatchSpecReason.UNKNOWN_KEY;
import static io.buildstop.domain.InvalidBatchSpecReason.WRONG_TYPE;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.domain.batch.BatchIdentifiers;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.MatrixDynamic;
import io.buildstop.domain.batch.MatrixStatic;
import io.buildstop.domain.batch.TaskEnvironment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The walk from a composed YAML document to a {@link BatchSpec}: it descends only where the batch section's shape
 * leads, so aliases are never expanded, and stops at the first member that does not fit, with its path.
 */
final class BatchSection {

  private static final Set<String> BATCH_KEYS =
      Set.of("fast-fail", "build-list", "build-graph", "build-matrix", "build-fanout");
  private static final Set<String> TASK_KEYS =
      Set.of("identifier", "buildspec", "debug-session", "depend-on", "env", "ignore-failure");
  private static final Set<String> ENV_KEYS =
      Set.of("compute-type", "fleet", "image", "privileged-mode", "type", "variables");
  private static final Set<String> MATRIX_KEYS = Set.of("static", "dynamic");
  private static final Set<String> STATIC_KEYS = Set.of("buildspec", "debug-session", "env", "ignore-failure");
  private static final Set<String> DYNAMIC_KEYS = Set.of("buildspec", "env");
  private static final Set<String> DYNAMIC_ENV_KEYS = Set.of("compute-type", "image", "variables");
  private static final Set<String> FANOUT_KEYS = Set.of("parallelism", "ignore-failure");

  /** The first member that does not fit; caught by {@link BatchBuildspecReader}, never thrown further. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BatchSpecFailure failure;

    Refusal(BatchSpecFailure failure) {
      super(failure.message(), null, false, false);
      this.failure = failure;
    }

    BatchSpecFailure failure() {
      return failure;
    }
  }

  private BatchSection() {}

  /** The batch section of a buildspec's root node; empty when it has none. */
  static Optional<BatchSpec> read(Node root) {
    Map<String, Node> buildspec = members(root, "", null);
    Node batch = buildspec.get("batch");
    if (batch == null) {
      return Optional.empty();
    }
    Map<String, Node> members = members(batch, "batch", BATCH_KEYS);
    boolean fastFail = bool(members.get("fast-fail"), "batch/fast-fail");
    List<BatchSpec.Kind> kinds = new ArrayList<>();
    for (BatchSpec.Kind kind : BatchSpec.Kind.values()) {
      if (members.containsKey(kind.key())) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      throw refuse(NO_BATCH_KIND, "batch");
    }
    if (kinds.size() > 1) {
      throw refuse(SEVERAL_BATCH_KINDS, "batch", String.join(", ", kinds.stream().map(BatchSpec.Kind::key).toList()));
    }
    BatchSpec.Kind kind = kinds.get(0);
    Node section = members.get(kind.key());
    String path = "batch/" + kind.key();
    return Optional.of(switch (kind) {
      case BUILD_LIST -> new BatchSpec.BuildList(fastFail, tasks(section, path, false));
      case BUILD_GRAPH -> new BatchSpec.BuildGraph(fastFail, tasks(section, path, true));
      case BUILD_MATRIX -> matrix(fastFail, section, path);
      case BUILD_FANOUT -> fanout(fastFail, section, path);
    });
  }

  private static List<BatchTask> tasks(Node section, String path, boolean graph) {
    List<BatchTask> tasks = new ArrayList<>();
    List<Node> entries = sequence(section, path);
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = path + "[" + i + "]";
      Map<String, Node> task = members(entries.get(i), entryPath, TASK_KEYS);
      Optional<String> identifier = string(task.get("identifier"), entryPath + "/identifier");
      if (identifier.isEmpty() && graph) {
        throw refuse(MISSING_MEMBER, entryPath + "/identifier");
      }
      tasks.add(new BatchTask(
          identifier.orElse(BatchIdentifiers.forListEntry(i)),
          string(task.get("buildspec"), entryPath + "/buildspec"),
          environment(task.get("env"), entryPath + "/env"),
          bool(task.get("debug-session"), entryPath + "/debug-session"),
          bool(task.get("ignore-failure"), entryPath + "/ignore-failure"),
          strings(task.get("depend-on"), entryPath + "/depend-on", false)));
    }
    return tasks;
  }

  private static TaskEnvironment environment(Node node, String path) {
    Map<String, Node> env = members(node, path, ENV_KEYS);
    return new TaskEnvironment(
        string(env.get("compute-type"), path + "/compute-type"),
        string(env.get("fleet"), path + "/fleet"),
        string(env.get("image"), path + "/image"),
        isNull(env.get("privileged-mode"))
            ? Optional.empty() : Optional.of(bool(env.get("privileged-mode"), path + "/privileged-mode")),
        string(env.get("type"), path + "/type"),
        variables(env.get("variables"), path + "/variables",
            (value, valuePath) -> string(value, valuePath).orElse("")));
  }

  private static BatchSpec.BuildMatrix matrix(boolean fastFail, Node section, String path) {
    Map<String, Node> matrix = members(section, path, MATRIX_KEYS);
    String staticPath = path + "/static";
    Map<String, Node> shared = members(matrix.get("static"), staticPath, STATIC_KEYS);
    String dynamicPath = path + "/dynamic";
    Map<String, Node> dynamic = members(matrix.get("dynamic"), dynamicPath, DYNAMIC_KEYS);
    Map<String, Node> dynamicEnv = members(dynamic.get("env"), dynamicPath + "/env", DYNAMIC_ENV_KEYS);
    return new BatchSpec.BuildMatrix(fastFail,
        new MatrixStatic(
            string(shared.get("buildspec"), staticPath + "/buildspec"),
            environment(shared.get("env"), staticPath + "/env"),
            bool(shared.get("debug-session"), staticPath + "/debug-session"),
            bool(shared.get("ignore-failure"), staticPath + "/ignore-failure")),
        new MatrixDynamic(
            strings(dynamic.get("buildspec"), dynamicPath + "/buildspec", true),
            strings(dynamicEnv.get("compute-type"), dynamicPath + "/env/compute-type", true),
            strings(dynamicEnv.get("image"), dynamicPath + "/env/image", true),
            variables(dynamicEnv.get("variables"), dynamicPath + "/env/variables",
                (values, valuesPath) -> strings(values, valuesPath, false))));
  }

  private static BatchSpec.BuildFanout fanout(boolean fastFail, Node section, String path) {
    Map<String, Node> fanout = members(section, path, FANOUT_KEYS);
    Node parallelism = fanout.get("parallelism");
    if (isNull(parallelism)) {
      throw refuse(MISSING_MEMBER, path + "/parallelism");
    }
    return new BatchSpec.BuildFanout(fastFail, integer(parallelism, path + "/parallelism"),
        bool(fanout.get("ignore-failure"), path + "/ignore-failure"));
  }

  private static <T> Map<String, T> variables(Node node, String path, BiFunction<Node, String, T> value) {
    Map<String, T> variables = new LinkedHashMap<>();
    members(node, path, null).forEach((name, valueNode) -> variables.put(name, value.apply(valueNode, path + "/" + name)));
    return variables;
  }

  // a mapping's members by key, in the order written; null or an empty value is an empty mapping
  private static Map<String, Node> members(Node node, String path, Set<String> allowed) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      throw refuse(WRONG_TYPE, path, "a " + kindOf(node) + " where a mapping is needed");
    }
    Map<String, Node> members = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
        throw refuse(WRONG_TYPE, path, "a " + kindOf(tuple.getKeyNode()) + " as a key");
      }
      if (allowed != null && !allowed.contains(key.getValue())) {
        throw refuse(UNKNOWN_KEY, path, key.getValue());
      }
      if (members.put(key.getValue(), tuple.getValueNode()) != null) {
        // YAML 1.2: the keys of a mapping are unique
        throw refuse(MALFORMED_YAML, path, "the key " + key.getValue() + " more than once");
      }
    }
    return members;
  }

  private static List<Node> sequence(Node node, String path) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw refuse(WRONG_TYPE, path, "a " + kindOf(node) + " where a list is needed");
    }
    return sequence.getValue();
  }

  // a list of strings; a dimension of a matrix that is present must list a value
  private static List<String> strings(Node node, String path, boolean dimension) {
    if (dimension && node instanceof SequenceNode sequence && sequence.getValue().isEmpty()) {
      throw refuse(EMPTY_DIMENSION, path);
    }
    List<Node> items = sequence(node, path);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      strings.add(string(items.get(i), itemPath).orElseThrow(() -> refuse(WRONG_TYPE, itemPath, "an empty value")));
    }
    return strings;
  }

  // any scalar, as written (1.10 stays "1.10"); null or empty is absent
  private static Optional<String> string(Node node, String path) {
    if (isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw refuse(WRONG_TYPE, path, "a " + kindOf(node) + " where a string is needed");
    }
    return Optional.of(scalar.getValue());
  }

  // a YAML 1.2 boolean (true, True, TRUE, false, ...); absent is false
  private static boolean bool(Node node, String path) {
    if (isNull(node)) {
      return false;
    }
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)
        && (scalar.getValue().equalsIgnoreCase("true") || scalar.getValue().equalsIgnoreCase("false"))) {
      return scalar.getValue().equalsIgnoreCase("true");
    }
    throw refuse(WRONG_TYPE, path, node instanceof ScalarNode scalar
        ? scalar.getValue() + " where true or false is needed"
        : "a " + kindOf(node) + " where true or false is needed");
  }

  // a YAML 1.2 integer (decimal, 0o octal, 0x hexadecimal)
  private static int integer(Node node, String path) {
    if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)) {
      throw refuse(WRONG_TYPE, path, node instanceof ScalarNode scalar
          ? scalar.getValue() + " where a whole number is needed"
          : "a " + kindOf(node) + " where a whole number is needed");
    }
    String text = scalar.getValue();
    BigInteger value;
    try {
      value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16)
          : text.startsWith("0o") ? new BigInteger(text.substring(2), 8)
          : new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      // an explicit !!int tag on text that is no number
      throw refuse(WRONG_TYPE, path, text + " where a whole number is needed");
    }
    if (value.bitLength() >= Integer.SIZE) {
      throw refuse(INVALID_PARALLELISM, path, scalar.getValue());
    }
    return value.intValueExact();
  }

  private static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  private static String kindOf(Node node) {
    return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "scalar";
  }

  private static Refusal refuse(InvalidBatchSpecReason reason, String path) {
    return new Refusal(BatchSpecFailure.at(reason, path));
  }

  private static Refusal refuse(InvalidBatchSpecReason reason, String path, String input) {
    return new Refusal(BatchSpecFailure.at(reason, path, input));
  }
}
