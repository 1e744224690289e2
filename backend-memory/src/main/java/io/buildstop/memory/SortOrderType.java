package io.buildstop.memory;

/** CodeBuild's {@code SortOrderType}: the order ListBuilds and ListBuildsForProject hand out build ids in. */
public enum SortOrderType {
  /** Oldest first. */
  ASCENDING,
  /** Newest first: CodeBuild's default. */
  DESCENDING
}
