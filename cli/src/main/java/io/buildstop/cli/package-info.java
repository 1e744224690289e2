/**
 * The {@code buildstop} command line: {@link io.buildstop.cli.BuildstopCommand} and its subcommands {@code stop},
 * {@code demo-builds} and {@code serve}. Run it with {@code ./buildstop} from the repository root, or {@code java
 * -jar cli/target/buildstop.jar}.
 */
package io.buildstop.cli;
