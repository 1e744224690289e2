package io.buildstop.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the SDK's model does not say, read from {@code codebuild-shapes.txt} (beside this class): data only, one
 * directive a line, {@code #} starts a comment. See that file for the directives.
 */
final class Description {
  static final String RESOURCE = "codebuild-shapes.txt";

  // the structures whose closures are generated, in the file's order; shapes they share are generated once
  final List<String> roots = new ArrayList<>();
  final Map<String, String> enumTypes = new HashMap<>();
  final Set<String> redacted = new HashSet<>();
  final Set<String> own = new HashSet<>();
  final Set<String> excluded = new HashSet<>();
  final Map<String, String> generators = new HashMap<>();
  final Map<String, String> listSizes = new HashMap<>();

  static Description load() {
    try (InputStream in = Objects.requireNonNull(Description.class.getResourceAsStream(RESOURCE), RESOURCE)) {
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Description parse(BufferedReader lines) throws IOException {
    Description description = new Description();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      int hash = line.indexOf('#');
      String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+", 3);
      if (words[0].isEmpty()) {
        continue;
      }
      switch (words[0] + "/" + words.length) {
        case "root/2" -> description.roots.add(words[1]);
        case "enum/3" -> description.enumTypes.put(member(words[1], number), words[2]);
        case "redacted/2" -> description.redacted.add(member(words[1], number));
        case "own/2" -> description.own.add(member(words[1], number));
        case "exclude/2" -> description.excluded.add(words[1]);
        case "generator/3" -> description.generators.put(member(words[1], number), words[2]);
        case "listsize/3" -> description.listSizes.put(member(words[1], number), words[2]);
        default -> throw new IllegalArgumentException(RESOURCE + ":" + number + ": not a directive: " + line);
      }
    }
    if (description.roots.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": no root");
    }
    return description;
  }

  private static String member(String word, int number) {
    if (!word.matches("[A-Z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException(RESOURCE + ":" + number + ": not Shape.member: " + word);
    }
    return word;
  }
}
