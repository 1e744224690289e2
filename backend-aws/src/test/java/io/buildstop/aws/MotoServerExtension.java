package io.buildstop.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one {@code moto_server} (Python moto, the usual AWS fake) for the whole test run: finds a free port, starts
 * {@code python3 -m moto.server -H 127.0.0.1 -p PORT} (or {@code moto_server}), waits until it answers HTTP, and stops
 * it, with every process it spawned, when the run ends. Tests receive it as a {@link Moto} parameter.
 *
 * <p>Without moto the tests that use it fail, saying how to install it; they never skip.
 */
final class MotoServerExtension implements BeforeAllCallback, ParameterResolver {

  static final String MISSING = "moto_server not found: install it with `pip install 'moto[server]'` (this suite was"
      + " measured against moto 5.2.1) so that `python3 -m moto.server` or `moto_server` runs. The moto integration"
      + " tests fail without it; they do not skip.";

  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoServerExtension.class);

  /** The running server: its endpoint, and the id of the process this extension started. */
  record Moto(URI endpoint, long pid) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Moto.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).moto;
  }

  private static Running running(ExtensionContext context) {
    // the root store: one server for every test class of the run, closed (AutoCloseable) when the run ends
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, type -> Running.start(command("python3", "moto_server")), Running.class);
  }

  /**
   * How to start moto here: the real interpreter behind {@code python} with {@code -m moto.server} (a pyenv shim
   * forks, so its pid is not moto's: FACTS), else the {@code motoServer} executable.
   *
   * @throws ExtensionConfigurationException with {@link #MISSING} when neither runs
   */
  static List<String> command(String python, String motoServer) {
    Optional<String> interpreter = outputOf(List.of(python, "-c", "import moto.server, sys; print(sys.executable)"));
    if (interpreter.isPresent()) {
      return List.of(interpreter.get(), "-m", "moto.server");
    }
    if (outputOf(List.of(motoServer, "--help")).isPresent()) {
      return List.of(motoServer);
    }
    throw new ExtensionConfigurationException(MISSING);
  }

  // The last line a command printed, if it ran and exited 0 within 30 s.
  private static Optional<String> outputOf(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output;
      try (InputStream in = process.getInputStream()) {
        output = in.readAllBytes();
      }
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String[] lines = new String(output, StandardCharsets.UTF_8).strip().split("\n");
      return Optional.of(lines[lines.length - 1].strip());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** One started moto_server; closing it ends it and everything it spawned. */
  static final class Running implements AutoCloseable {
    final Moto moto;
    private final Process process;

    private Running(Process process, URI endpoint) {
      this.process = process;
      this.moto = new Moto(endpoint, process.pid());
      // a safety net for a run that ends without closing the store; destroys only our own process tree
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "moto-server-stop"));
    }

    static Running start(List<String> command) {
      List<String> failures = new ArrayList<>();
      // a free port can be taken between finding it and moto binding it: try a few
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        Path log = Path.of("target", "moto-server-" + port + ".log");
        Process process = launch(command, port, log);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        if (answers(process, endpoint)) {
          return new Running(process, endpoint);
        }
        destroyTree(process);
        failures.add("port " + port + ": " + tailOf(log));
      }
      throw new ExtensionConfigurationException(
          "moto_server did not answer within " + STARTUP.toSeconds() + " s (" + String.join(" ", command) + "): "
              + failures);
    }

    private static Process launch(List<String> command, int port, Path log) {
      List<String> full = new ArrayList<>(command);
      full.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
      try {
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new ExtensionConfigurationException(MISSING + " (" + e.getMessage() + ")", e);
      }
    }

    private static boolean answers(Process process, URI endpoint) {
      Instant deadline = Instant.now().plus(STARTUP);
      while (Instant.now().isBefore(deadline) && process.isAlive()) {
        try {
          HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
          connection.setConnectTimeout(200);
          connection.setReadTimeout(2000);
          int status = connection.getResponseCode();
          connection.disconnect();
          if (status > 0) {
            return true;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String tailOf(Path log) {
      try {
        String text = Files.readString(log);
        return text.length() > 800 ? text.substring(text.length() - 800) : text;
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }

    private synchronized void stop() {
      destroyTree(process);
    }

    // Children first: once the parent is gone, they are no longer its descendants and could not be found.
    private static void destroyTree(Process process) {
      List<ProcessHandle> descendants = process.descendants().toList();
      descendants.forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
      stop();
    }
  }
}
