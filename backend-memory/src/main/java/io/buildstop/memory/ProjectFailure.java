package io.buildstop.memory;

/**
 * Why CreateProject created nothing, as a value: the name is taken ({@link ResourceAlreadyExists}) or the CodeBuild
 * holds as many projects as it may ({@link ProjectLimitExceeded}). Not a {@link io.buildstop.domain.StopFailure}:
 * no stop or read of a build can meet these, so code that switches over those needs no case for them.
 */
public sealed interface ProjectFailure permits ResourceAlreadyExists, ProjectLimitExceeded {
  /** CodeBuild's message for it. */
  String message();
}
