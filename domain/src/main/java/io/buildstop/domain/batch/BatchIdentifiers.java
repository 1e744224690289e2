package io.buildstop.domain.batch;

/**
 * The identifiers of a batch's builds, in one place: CodeBuild's rule for the identifiers a buildspec writes, and
 * buildstop's policy for the ones CodeBuild generates and does not document (docs/batch-buildspec.md).
 */
public final class BatchIdentifiers {

  /** The longest identifier: CodeBuild's "less than 128 characters". */
  public static final int MAX_LENGTH = 127;

  private BatchIdentifiers() {}

  /**
   * CodeBuild's rule: "must contain only alphanumeric characters and underscores and be less than 128 characters in
   * length" (its message for a refused batch section), and not empty.
   *
   * @param identifier the identifier as written
   * @return whether CodeBuild accepts it
   */
  public static boolean isValid(String identifier) {
    if (identifier.isEmpty() || identifier.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!alphanumeric && c != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * The identifier of a build-list entry written without one (buildstop's policy): {@code build_list_<n>}, counting the
   * entries from 1.
   */
  public static String forListEntry(int position) {
    return "build_list_" + (position + 1);
  }

  /**
   * The identifier of a build matrix's build (buildstop's policy; CodeBuild generates one and documents no form):
   * {@code build_matrix_<n>}, counting the builds from 1 in {@link BatchExpansion}'s order.
   */
  public static String forMatrixBuild(int position) {
    return "build_matrix_" + (position + 1);
  }

  /** The identifier of a fan-out's build (buildstop's policy): {@code build_fanout_<n>}, counting from 1. */
  public static String forFanoutBuild(int position) {
    return "build_fanout_" + (position + 1);
  }
}
