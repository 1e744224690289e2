package io.buildstop.domain;

/**
 * Why the {@code batch} section of a buildspec cannot start a batch build: one constant per rule, for the reader of the
 * YAML and for the rules over the typed {@link io.buildstop.domain.batch.BatchSpec} alike (docs/batch-buildspec.md).
 *
 * <p>CodeBuild publishes few of these rules; where it does not, the rule is buildstop's policy and its description
 * says so in the docs. Each constant names one way to miss, so callers and tests can tell them apart.
 */
public enum InvalidBatchSpecReason {
  /** The text is not one YAML document (a syntax error, or several documents). */
  MALFORMED_YAML(Kind.YAML, "the buildspec is not valid YAML"),
  /** The text is longer than the reader reads, or nests deeper, or repeats aliases more (buildstop's bounds). */
  TOO_LARGE(Kind.YAML, "the buildspec exceeds the reader's limits on size, nesting or aliases"),
  /** A member holds another kind of value than the one it takes (a string where a list is needed, ...). */
  WRONG_TYPE(Kind.VALIDATION, "the value has the wrong type"),
  /** A member that the batch section does not have (buildstop's policy: a misspelt key is refused, not ignored). */
  UNKNOWN_KEY(Kind.VALIDATION, "the key is not a member of the batch section"),
  /** The batch section names none of build-list, build-graph, build-matrix and build-fanout. */
  NO_BATCH_KIND(Kind.VALIDATION, "the batch section names no batch kind (build-list, build-graph, build-matrix, build-fanout)"),
  /** The batch section names two kinds or more; a batch has exactly one. */
  SEVERAL_BATCH_KINDS(Kind.VALIDATION, "the batch section names more than one batch kind"),
  /** A member the kind requires is missing, such as a graph task's identifier. */
  MISSING_MEMBER(Kind.VALIDATION, "a required member is missing"),
  /** A build list or graph without tasks, or a build matrix without a dynamic value. */
  NO_TASKS(Kind.VALIDATION, "the batch defines no build"),
  /** Too many builds: more than {@link io.buildstop.domain.batch.BatchSpec#MAX_TASKS} (buildstop's policy). */
  TOO_MANY_TASKS(Kind.VALIDATION,
      "the batch defines more than " + io.buildstop.domain.batch.BatchSpec.MAX_TASKS + " builds"),
  /** CodeBuild's rule for identifiers (its own words). */
  INVALID_IDENTIFIER(Kind.VALIDATION, "Build Identifiers must contain only alphanumeric characters and underscores and"
      + " be less than 128 characters in length"),
  /** Two tasks of one batch share an identifier. */
  DUPLICATE_IDENTIFIER(Kind.VALIDATION, "the identifier is used by more than one task"),
  /** A build matrix dimension lists one value twice, which would start two identical builds. */
  DUPLICATE_VALUE(Kind.VALIDATION, "the build matrix lists this value more than once"),
  /** A build matrix dimension that is present lists no value, so the matrix would have no build. */
  EMPTY_DIMENSION(Kind.VALIDATION, "the build matrix dimension lists no value"),
  /** {@code depend-on} names an identifier that no task of the graph has. */
  UNKNOWN_DEPENDENCY(Kind.VALIDATION, "depend-on names no task of the build graph"),
  /** A task names itself in its own {@code depend-on}. */
  DEPENDS_ON_ITSELF(Kind.VALIDATION, "the task depends on itself"),
  /** The graph's dependencies form a cycle, so none of its tasks could start. */
  DEPENDENCY_CYCLE(Kind.VALIDATION, "the build graph's dependencies form a cycle"),
  /** {@code depend-on} outside a build graph. */
  DEPENDENCY_OUTSIDE_GRAPH(Kind.VALIDATION, "depend-on is allowed in a build graph only"),
  /** A task names both {@code compute-type} and {@code fleet}, which CodeBuild documents as exclusive. */
  COMPUTE_TYPE_WITH_FLEET(Kind.VALIDATION, "compute-type and fleet cannot both be given for one task"),
  /** A fan-out's {@code parallelism} is not a whole number from 1 to {@link io.buildstop.domain.batch.BatchSpec#MAX_TASKS}. */
  INVALID_PARALLELISM(Kind.VALIDATION,
      "parallelism must be a whole number from 1 to " + io.buildstop.domain.batch.BatchSpec.MAX_TASKS);

  /** Which of CodeBuild's two status codes for a refused buildspec a reason reports. */
  public enum Kind {
    /** {@code YAML_FILE_ERROR}: the text could not be read as YAML at all. */
    YAML("YAML_FILE_ERROR"),
    /** {@code BATCH_SPEC_VALIDATION_ERROR}: YAML that is no valid batch section. */
    VALIDATION("BATCH_SPEC_VALIDATION_ERROR");

    private final String statusCode;

    Kind(String statusCode) {
      this.statusCode = statusCode;
    }

    /** CodeBuild's status code for this kind, as in a failed DOWNLOAD_BATCHSPEC phase's context; never null. */
    public String statusCode() {
      return statusCode;
    }
  }

  private final Kind kind;
  private final String description;

  InvalidBatchSpecReason(Kind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** Whether the text was no YAML or no valid batch section; never null. */
  public Kind kind() {
    return kind;
  }

  /** A sentence that says what is wrong, for messages; never null. */
  public String description() {
    return description;
  }
}
