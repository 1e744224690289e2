package io.buildstop.cli.internal;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates the subcommands, handing each the {@link Context} it reads its environment from. */
public final class CommandFactory implements IFactory {
  private final Context context;
  private final IFactory fallback = CommandLine.defaultFactory();

  /** A factory for commands that read {@code context}. */
  public CommandFactory(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == StopCommand.class) {
      return type.cast(new StopCommand(context));
    }
    if (type == StopBatchCommand.class) {
      return type.cast(new StopBatchCommand(context));
    }
    if (type == StopSupersededCommand.class) {
      return type.cast(new StopSupersededCommand(context));
    }
    if (type == StopRunawayCommand.class) {
      return type.cast(new StopRunawayCommand(context));
    }
    if (type == DemoBuildsCommand.class) {
      return type.cast(new DemoBuildsCommand(context));
    }
    if (type == ServeCommand.class) {
      return type.cast(new ServeCommand(context));
    }
    return fallback.create(type);
  }
}
