package io.buildstop.server.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The page's safety rules (issue 20, "safe by default"), the one place they are written; each refusal is 403 {@code
 * AccessDeniedException} that says which option opens it, and comes before anything is read or changed:
 * <ol>
 *   <li>the page's paths answer a loopback peer only, unless opened to the network ({@code --page-on-network});</li>
 *   <li>when not opened, the {@code Host} must name a loopback address ({@code 127.0.0.1}, {@code localhost},
 *       {@code [::1]}) or a configured host name, with any port: a page of another site whose name was rebound to
 *       127.0.0.1 (DNS rebinding) sends its own name, and is refused;</li>
 *   <li>a stop is a {@code POST} with {@code Content-Type: application/json} and {@code X-Buildstop-Page: 1}, and an
 *       {@code Origin}, when sent, of {@code http://} and the {@code Host}: a page of another site cannot send that
 *       header without a CORS preflight, which this server never grants;</li>
 *   <li>with SigV4 verification on, the page (which signs nothing) may not stop, unless allowed ({@code
 *       --page-stop-unsigned}); its reads stay open on loopback.</li>
 * </ol>
 */
public final class PageGuard {
  /** The header the page sends with each stop. */
  public static final String PAGE_HEADER = "X-Buildstop-Page";

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private final boolean onNetwork;
  private final boolean signed;
  private final boolean stopsUnsigned;
  private final Set<String> hostNames;

  /**
   * The rules of a page opened to the network or not, on an endpoint that verifies signatures or not, whose page
   * may stop unsigned or not; {@code hostNames} are the names a {@code Host} may give besides loopback's.
   */
  public PageGuard(boolean onNetwork, boolean signed, boolean stopsUnsigned, Set<String> hostNames) {
    this.onNetwork = onNetwork;
    this.signed = signed;
    this.stopsUnsigned = stopsUnsigned;
    this.hostNames = Objects.requireNonNull(hostNames, "hostNames").stream()
        .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Checks rules 1 and 2 for any request to the page's paths.
   *
   * @throws ServiceError 403 {@code AccessDeniedException} when the peer or the Host is refused
   */
  public void admit(HttpCall call) {
    if (onNetwork) {
      return;
    }
    InetAddress peer = call.peer().getAddress();
    if (peer == null || !peer.isLoopbackAddress()) {
      throw denied("The page answers requests from this machine only (the loopback interface), not from "
          + (peer == null ? "an unresolved address" : peer.getHostAddress())
          + ": start serve with --page-on-network to open it to the network");
    }
    String host = call.header("Host");
    if (host == null || !allowedHost(host)) {
      throw denied("The page answers a Host of 127.0.0.1, localhost, [::1] or a configured --host-name only, not "
          + (host == null ? "a request without one" : "this one")
          + ": open it as http://127.0.0.1:PORT/_buildstop/ui/, or start serve with --page-on-network to open it to"
          + " the network");
    }
  }

  /**
   * Checks rules 3 and 4 for a stop.
   *
   * @throws ServiceError 403 {@code AccessDeniedException} when the stop is refused
   */
  public void admitStop(HttpCall call) {
    String contentType = call.header("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!Dispatcher.PLAIN_JSON.equals(mediaType) || !"1".equals(call.header(PAGE_HEADER))) {
      throw denied("The page's stops are sent with Content-Type: application/json and " + PAGE_HEADER
          + ": 1, as the page sends them");
    }
    String origin = call.header("Origin");
    String host = call.header("Host");
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
      throw denied("The page's stops come from the page itself: the Origin must be http:// and the request's Host");
    }
    stopRefusedBecause().ifPresent(reason -> {
      throw denied(reason);
    });
  }

  /** Why the page may not stop, when it may not: rule 4. */
  public Optional<String> stopRefusedBecause() {
    return signed && !stopsUnsigned
        ? Optional.of("This endpoint verifies SigV4 signatures and the page signs nothing, so it may not stop builds:"
            + " start serve with --page-stop-unsigned to let it")
        : Optional.empty();
  }

  private boolean allowedHost(String host) {
    String name;
    String rest;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0) {
        return false;
      }
      name = host.substring(1, end);
      rest = host.substring(end + 1);
      if (!IPV6.matcher(name).matches() || !loopbackIpv6(name)) {
        return false;
      }
    } else {
      int colon = host.indexOf(':');
      name = (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
      rest = colon < 0 ? "" : host.substring(colon);
      boolean loopback = name.equals("localhost") || IPV4.matcher(name).matches() && loopbackIpv4(name);
      if (!loopback && !hostNames.contains(name)) {
        return false;
      }
    }
    return rest.isEmpty() || rest.startsWith(":") && PORT.matcher(rest.substring(1)).matches();
  }

  // 127.0.0.0/8, read here: InetAddress would ask a name service for a dotted name that is not an address
  private static boolean loopbackIpv4(String dotted) {
    String[] octets = dotted.split("\\.");
    for (String octet : octets) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return octets[0].equals("127");
  }

  // a literal with a colon, which InetAddress reads as an IPv6 address without asking any name service
  private static boolean loopbackIpv6(String literal) {
    try {
      return literal.indexOf(':') >= 0 && InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  private static ServiceError denied(String message) {
    return ServiceError.of(403, "AccessDeniedException", message);
  }
}
