package io.buildstop.domain.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code batch/build-matrix/dynamic}: the dimensions of a matrix. The matrix has one build per combination of one
 * value from each dimension that lists values; an absent dimension (an empty list here) does not vary.
 *
 * @param buildspecs {@code buildspec}: buildspecs to run
 * @param computeTypes {@code env/compute-type}
 * @param images {@code env/image}
 * @param variables {@code env/variables}: per variable, in the order written, its values
 */
public record MatrixDynamic(
    List<String> buildspecs, List<String> computeTypes, List<String> images, Map<String, List<String>> variables) {

  /** Rejects nulls and copies every list, keeping the order written. */
  public MatrixDynamic {
    buildspecs = List.copyOf(buildspecs);
    computeTypes = List.copyOf(computeTypes);
    images = List.copyOf(images);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(variables, "variables")
        .forEach((name, values) -> copy.put(Objects.requireNonNull(name, "variable name"), List.copyOf(values)));
    variables = Collections.unmodifiableMap(copy);
  }
}
