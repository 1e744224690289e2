package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects the server knows, by name, as the JSON {@code Project} trees CreateProject answered with. The
 * in-memory backend keeps builds only; projects live here. Thread-safe; a stored tree is never changed, and every
 * read hands out a copy.
 */
public final class ProjectStore {
  private final ConcurrentHashMap<String, ObjectNode> projects = new ConcurrentHashMap<>();

  /** Stores the project unless one has its name; true if it was stored. Atomic. */
  public boolean create(String name, ObjectNode project) {
    return projects.putIfAbsent(name, project.deepCopy()) == null;
  }

  /** A copy of the project with this name, if there is one. */
  public Optional<ObjectNode> find(String name) {
    return Optional.ofNullable(projects.get(name)).map(ObjectNode::deepCopy);
  }

  /** Whether a project has this name. */
  public boolean contains(String name) {
    return projects.containsKey(name);
  }

  /** Forgets every project. */
  public void clear() {
    projects.clear();
  }
}
