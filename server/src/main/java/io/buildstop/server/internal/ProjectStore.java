package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects the server knows, by name, as the JSON {@code Project} trees CreateProject answered with, at most
 * {@code maxProjects} of them. The in-memory backend keeps builds only; projects live here. Thread-safe; a stored
 * tree is never changed, and every read hands out a copy.
 */
public final class ProjectStore {
  /**
   * The most projects held unless set: 5,000, CodeBuild's default quota of build projects per region (adjustable
   * there, as {@code maxProjects} is here), so that a client that creates more gets here the error it would get
   * from a fresh AWS account.
   */
  public static final int DEFAULT_MAX_PROJECTS = 5_000;

  private final ConcurrentHashMap<String, ObjectNode> projects = new ConcurrentHashMap<>();
  private final int maxProjects;

  /** An empty store that holds at most {@link #DEFAULT_MAX_PROJECTS} projects. */
  public ProjectStore() {
    this(DEFAULT_MAX_PROJECTS);
  }

  /**
   * An empty store that holds at most {@code maxProjects} projects.
   *
   * @throws IllegalArgumentException if below 1
   */
  public ProjectStore(int maxProjects) {
    if (maxProjects < 1) {
      throw new IllegalArgumentException("maxProjects must be at least 1: " + maxProjects);
    }
    this.maxProjects = maxProjects;
  }

  /**
   * Stores the project unless one has its name; true if it was stored. Atomic: a name is checked and the bound
   * kept under one lock (CreateProject is rare; reads take none).
   *
   * @throws ServiceError 400 {@code AccountLimitExceededException} when {@code maxProjects} are held: nothing is
   *     stored (issue 17.1: a bounded store)
   */
  public synchronized boolean create(String name, ObjectNode project) {
    if (projects.containsKey(name)) {
      return false;
    }
    if (projects.size() >= maxProjects) {
      throw ServiceError.of(400, "AccountLimitExceededException", "Cannot have more than " + maxProjects
          + " build projects: this endpoint's limit (maxProjects, serve --max-projects) is reached");
    }
    projects.put(name, project.deepCopy());
    return true;
  }

  /** A copy of the project with this name, if there is one. */
  public Optional<ObjectNode> find(String name) {
    return Optional.ofNullable(projects.get(name)).map(ObjectNode::deepCopy);
  }

  /** Whether a project has this name. */
  public boolean contains(String name) {
    return projects.containsKey(name);
  }

  /** How many projects are held: at most {@link #maxProjects()}. */
  public int count() {
    return projects.size();
  }

  /** The most projects held at once. */
  public int maxProjects() {
    return maxProjects;
  }

  /** Forgets every project. */
  public void clear() {
    projects.clear();
  }
}
