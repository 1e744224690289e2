package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains compute attributes. These attributes only need be specified when your project's or fleet's computeType is set to ATTRIBUTE_BASED_COMPUTE or CUSTOM_INSTANCE_TYPE .
 *
 * <p>Mirrors CodeBuild's {@code ComputeConfiguration} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ComputeConfiguration implements WithComputeConfiguration {

  /** The number of vCPUs of the instance type included in your fleet. Empty when CodeBuild did not send it. */
  public abstract Optional<Long> vCpu();

  /** The amount of memory of the instance type included in your fleet. Empty when CodeBuild did not send it. */
  public abstract Optional<Long> memory();

  /** The amount of disk space of the instance type included in your fleet. Empty when CodeBuild did not send it. */
  public abstract Optional<Long> disk();

  /** The machine type of the instance type included in your fleet. Typed view of {@link #machineTypeAsString()}: {@link MachineType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<MachineType> machineType() {
    return machineTypeAsString().map(MachineType::fromValue);
  }

  /** The raw machineType exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> machineTypeAsString();

  /** The EC2 instance type to be launched in your fleet. Empty when CodeBuild did not send it. */
  public abstract Optional<String> instanceType();

  /** A copy with machineType set to a value this version knows. */
  public final ComputeConfiguration withMachineType(MachineType value) {
    return withMachineTypeAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ComputeConfiguration}. */
  public static final class Builder extends ImmutableComputeConfiguration.Builder {
    /** Sets machineType to a value this version knows; use {@code machineTypeAsString} for any other. */
    public Builder machineType(MachineType value) {
      return machineTypeAsString(value.wireValue());
    }

  }
}
