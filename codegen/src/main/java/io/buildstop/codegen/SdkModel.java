package io.buildstop.codegen;

import io.buildstop.codegen.Shapes.Kind;
import io.buildstop.codegen.Shapes.Member;
import io.buildstop.codegen.Shapes.OpenEnum;
import io.buildstop.codegen.Shapes.Structure;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads CodeBuild's shapes from the AWS SDK for Java v2's generated model classes: each structure's {@code
 * sdkFields()} (member name, marshalling type, location name, a list's member field), an enum's {@code
 * knownValues()}, walked from the description's root through every structure a member names.
 */
final class SdkModel {
  static final String PACKAGE = "software.amazon.awssdk.services.codebuild.model";

  private SdkModel() {}

  static Shapes read(Description description) {
    Deque<Class<?>> pending = new ArrayDeque<>(description.roots.stream().map(SdkModel::modelClass).toList());
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Structure> structures = new ArrayList<>();
    Map<String, OpenEnum> enums = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      Class<?> type = pending.poll();
      if (!seen.add(type)) {
        continue;
      }
      List<Member> members = new ArrayList<>();
      for (SdkField<?> field : fields(type)) {
        String name = Character.toLowerCase(field.memberName().charAt(0)) + field.memberName().substring(1);
        String key = type.getSimpleName() + "." + name;
        if (description.excluded.contains(key)) {
          continue;
        }
        Member member = member(type, name, key, field, description);
        if (member.kind() == Kind.STRUCTURE) {
          if (description.excluded.contains(member.target())) {
            continue;
          }
          pending.add(modelClass(member.target()));
        }
        if (member.kind() == Kind.ENUM) {
          enums.computeIfAbsent(member.target(), SdkModel::openEnum);
        }
        members.add(member);
      }
      structures.add(new Structure(type.getSimpleName(), List.copyOf(members)));
    }
    Set<String> described = new LinkedHashSet<>(description.enumTypes.keySet());
    described.addAll(description.redacted);
    described.addAll(description.own);
    described.addAll(description.generators.keySet());
    described.addAll(description.listSizes.keySet());
    for (String key : described) {
      boolean found = structures.stream().anyMatch(s -> s.members().stream()
          .anyMatch(m -> (s.name() + "." + m.name()).equals(key)));
      if (!found) {
        throw new IllegalArgumentException(Description.RESOURCE + ": no member " + key + " in the SDK's model");
      }
    }
    return new Shapes(List.copyOf(description.roots), List.copyOf(structures), Map.copyOf(enums));
  }

  private static Member member(Class<?> type, String name, String key, SdkField<?> field, Description description) {
    Method accessor = method(type, name);
    boolean redacted = description.redacted.contains(key);
    boolean own = description.own.contains(key);
    MarshallingType<?> marshalling = field.marshallingType();
    if (marshalling == MarshallingType.LIST) {
      SdkField<?> item = field.getTrait(ListTrait.class).memberFieldInfo();
      Class<?> itemType = itemType(accessor);
      if (item.marshallingType() == MarshallingType.STRING && hasMethod(type, name + "AsStrings")) {
        return new Member(name, field.locationName(), Kind.ENUM, itemType.getSimpleName(), true, true, redacted, own);
      }
      if (item.marshallingType() == MarshallingType.STRING) {
        return new Member(name, field.locationName(), Kind.STRING, null, true, false, redacted, own);
      }
      if (item.marshallingType() == MarshallingType.SDK_POJO) {
        return new Member(name, field.locationName(), Kind.STRUCTURE, itemType.getSimpleName(), true, false, false,
            false);
      }
      throw unsupported(key, "a list of " + item.marshallingType());
    }
    if (marshalling == MarshallingType.STRING && hasMethod(type, name + "AsString")) {
      return new Member(name, field.locationName(), Kind.ENUM, accessor.getReturnType().getSimpleName(), false, true,
          redacted, own);
    }
    if (marshalling == MarshallingType.STRING && description.enumTypes.containsKey(key)) {
      return new Member(name, field.locationName(), Kind.ENUM, description.enumTypes.get(key), false, false, redacted,
          own);
    }
    Kind kind;
    if (marshalling == MarshallingType.STRING) {
      kind = Kind.STRING;
    } else if (marshalling == MarshallingType.BOOLEAN) {
      kind = Kind.BOOLEAN;
    } else if (marshalling == MarshallingType.INTEGER) {
      kind = Kind.INTEGER;
    } else if (marshalling == MarshallingType.LONG) {
      kind = Kind.LONG;
    } else if (marshalling == MarshallingType.INSTANT) {
      kind = Kind.TIMESTAMP;
    } else if (marshalling == MarshallingType.SDK_POJO) {
      return new Member(name, field.locationName(), Kind.STRUCTURE, accessor.getReturnType().getSimpleName(), false,
          false, false, false);
    } else {
      throw unsupported(key, marshalling.toString());
    }
    return new Member(name, field.locationName(), kind, null, false, false, redacted, own);
  }

  private static OpenEnum openEnum(String name) {
    try {
      Set<?> known = (Set<?>) modelClass(name).getMethod("knownValues").invoke(null);
      return new OpenEnum(name, known.stream().map(Object::toString).toList());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the SDK's enum " + name + " has no knownValues()", e);
    }
  }

  private static List<SdkField<?>> fields(Class<?> type) {
    try {
      SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) type.getMethod("builder").invoke(null);
      return ((SdkPojo) builder.build()).sdkFields();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not an SDK model structure: " + type.getName(), e);
    }
  }

  private static Class<?> itemType(Method accessor) {
    return (Class<?>) ((ParameterizedType) accessor.getGenericReturnType()).getActualTypeArguments()[0];
  }

  private static Class<?> modelClass(String name) {
    try {
      return Class.forName(PACKAGE + "." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("the SDK's CodeBuild model has no shape " + name, e);
    }
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getSimpleName() + " has no accessor " + name + "()", e);
    }
  }

  private static boolean hasMethod(Class<?> type, String name) {
    try {
      type.getMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static IllegalArgumentException unsupported(String key, String what) {
    return new IllegalArgumentException(key + " is " + what + ", which no generator handles yet: teach the writers,"
        + " or list it as `exclude " + key + "` in " + Description.RESOURCE);
  }
}
