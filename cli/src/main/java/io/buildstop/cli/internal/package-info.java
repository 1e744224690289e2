/**
 * The {@code buildstop} command's parts, not an API: the subcommands, the options they share ({@link
 * io.buildstop.cli.internal.BackendOptions}, {@link io.buildstop.cli.internal.OutputOptions}), the AWS CLI's output
 * ({@link io.buildstop.cli.internal.AwsCliJson}, {@link io.buildstop.cli.internal.AwsCliErrors}), the exit codes and
 * the demo builds.
 */
package io.buildstop.cli.internal;
