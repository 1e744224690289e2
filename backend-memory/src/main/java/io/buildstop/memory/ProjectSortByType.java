package io.buildstop.memory;

/** CodeBuild's {@code ProjectSortByType}: what ListProjects orders project names by. */
public enum ProjectSortByType {
  /** By name: buildstop's default, where AWS documents none. */
  NAME,
  /** By when each project was created. */
  CREATED_TIME,
  /** By when each project was last changed (created, or updated since). */
  LAST_MODIFIED_TIME
}
