package io.buildstop.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The SDK's {@link Build} with every member of every nested type set and every list holding two elements, built by
 * walking the SDK's own field metadata, so no member the mapping handles is left out. Enum members carry a
 * string of their member's name (the mappers copy raw strings, known or not, at the same cost).
 */
public final class FullyPopulated {
  private static final int LIST_SIZE = 2;
  private static final Instant INSTANT = Instant.ofEpochSecond(1_556_906_956L, 318_000_000);

  private FullyPopulated() {}

  /** A new fully populated SDK build. */
  public static Build sdkBuild() {
    return (Build) populate(Build.builder());
  }

  private static Object populate(SdkPojo builder) {
    for (SdkField<?> field : builder.sdkFields()) {
      field.set(builder, value(field));
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static Object value(SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return field.memberName() + "-value";
    } else if (type == MarshallingType.INTEGER) {
      return 60;
    } else if (type == MarshallingType.LONG) {
      return 42L;
    } else if (type == MarshallingType.BOOLEAN) {
      return Boolean.TRUE;
    } else if (type == MarshallingType.INSTANT) {
      return INSTANT;
    } else if (type == MarshallingType.SDK_POJO) {
      return populate(field.constructor().get());
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < LIST_SIZE; i++) {
        list.add(value(member));
      }
      return list;
    } else if (type == MarshallingType.MAP) {
      return Map.of();
    }
    throw new IllegalStateException("no value for " + field.memberName() + " of type " + type);
  }
}
