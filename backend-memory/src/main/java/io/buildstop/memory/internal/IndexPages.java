package io.buildstop.memory.internal;

import io.buildstop.domain.lifecycle.BuildOrder.Position;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A page of an index in {@link io.buildstop.domain.lifecycle.BuildOrder}: the one way the stores read their indexes
 * (of builds, of batches, of projects), so a page costs its length and not a sort, whatever it lists.
 */
final class IndexPages {
  private IndexPages() {}

  /**
   * The ids after {@code after} (from the start when empty) in ascending or descending order, of one project's
   * entries ({@code byProject}) or of all ({@code all}), at most {@code limit} of them plus one: the caller learns
   * whether another page follows.
   */
  static <V> List<Map.Entry<Position, V>> page(NavigableMap<Position, V> all,
      Map<String, ? extends NavigableMap<Position, V>> byProject, Optional<String> project, boolean ascending,
      Optional<Position> after, int limit) {
    NavigableMap<Position, V> index = project.isPresent()
        ? Optional.<NavigableMap<Position, V>>ofNullable(byProject.get(project.get()))
            .orElseGet(ConcurrentSkipListMap::new)
        : all;
    NavigableMap<Position, V> ordered = ascending ? index : index.descendingMap();
    NavigableMap<Position, V> rest = after.isPresent() ? ordered.tailMap(after.get(), false) : ordered;
    List<Map.Entry<Position, V>> page = new ArrayList<>(Math.min(limit + 1, 128));
    for (Iterator<Map.Entry<Position, V>> it = rest.entrySet().iterator();
        it.hasNext() && page.size() <= limit; ) {
      page.add(it.next());
    }
    return page;
  }
}
