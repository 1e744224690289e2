package io.buildstop.server.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the {@code Authorization} header) as AWS's JSON
 * services do, refusing with the errors they send: {@code MissingAuthenticationTokenException} (no signature),
 * {@code IncompleteSignatureException} (a malformed header), {@code UnrecognizedClientException} (an access key
 * not configured), {@code InvalidSignatureException} (wrong scope, a scope date other than the request's day, a
 * clock more than 5 minutes off, a signed host other than the one the request reached, {@code X-Amz-Target} or
 * {@code Content-Type} not signed, a body that is not the one signed, a signature that does not match). All HTTP
 * 400. Messages never contain the signature or a secret; the comparison of signatures takes constant time.
 */
public final class SigV4Verifier {
  /** How far the request's {@code X-Amz-Date} may be from this server's clock. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  // name:port, [v6 literal]:port, or either without a port
  private static final Pattern HOST = Pattern.compile("(?:\\[([0-9a-f:.]+)\\]|([a-z0-9._-]+))(?::([0-9]{1,5}))?");
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*");
  private static final String SERVICE = "codebuild";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
      + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
      + "documentation for details.";

  // the headers that select or shape the operation: unsigned, they could be swapped after signing
  private static final List<String> MUST_BE_SIGNED = List.of("x-amz-target", "content-type");

  private final Map<String, String> secrets;
  private final String region;
  private final Clock clock;
  private final Set<String> hostNames;

  /**
   * Accepts requests signed with one of {@code secrets} (access key id to secret), scoped to {@code region}, for
   * a host the request reached: the address of the connection, {@code localhost} on loopback, or one of {@code
   * hostNames} (compared without case), each with the connection's port.
   */
  public SigV4Verifier(Map<String, String> secrets, String region, Clock clock, Set<String> hostNames) {
    this.secrets = Map.copyOf(secrets);
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hostNames = hostNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Checks the request's signature.
   *
   * @param method the HTTP method
   * @param canonicalUri the path as SigV4 canonicalises it ({@code /})
   * @param rawQuery the query string as sent, or null
   * @param headers the request headers by any case of their names, every value of each
   * @param body the body as received
   * @param reached the local address and port the request's connection reached
   * @return the access key id that signed the request
   * @throws ServiceError when the request is not signed, or not signed right, by a configured key
   */
  public String verify(String method, String canonicalUri, String rawQuery,
      Function<String, List<String>> headers, byte[] body, InetSocketAddress reached) {
    String authorization = first(headers, "Authorization")
        .orElseThrow(() -> ServiceError.of(400, "MissingAuthenticationTokenException",
            "Request is missing Authentication Token"));
    Authorization auth = Authorization.parse(authorization);
    String secret = secrets.get(auth.accessKeyId());
    if (secret == null) {
      throw ServiceError.of(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    checkScope(auth);
    String amzDate = first(headers, "X-Amz-Date").orElseThrow(() -> incomplete(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    checkDate(auth, amzDate);
    if (!auth.signedHeaders().contains("host")) {
      throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    for (String name : MUST_BE_SIGNED) {
      if (!auth.signedHeaders().contains(name)) {
        throw invalidSignature("'" + (name.equals("content-type") ? "Content-Type" : "X-Amz-Target")
            + "' must be a 'SignedHeader' in the AWS Authorization.");
      }
    }
    checkHost(first(headers, "Host").orElse(""), reached);
    String payloadHash = payloadHash(headers, body);
    String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery(rawQuery) + "\n"
        + canonicalHeaders(auth.signedHeaders(), headers) + "\n" + String.join(";", auth.signedHeaders()) + "\n"
        + payloadHash;
    String scope = String.join("/", auth.date(), auth.region(), auth.service(), "aws4_request");
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    byte[] expected = hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, auth.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw invalidSignature(SIGNATURE_MISMATCH);
    }
    return auth.accessKeyId();
  }

  private void checkScope(Authorization auth) {
    if (!auth.terminator().equals("aws4_request")) {
      throw invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request', not '"
          + printable(auth.terminator()) + "'.");
    }
    if (!auth.service().equals(SERVICE)) {
      throw invalidSignature("Credential should be scoped to correct service: '" + SERVICE + "'. ");
    }
    if (!auth.region().equals(region)) {
      throw invalidSignature("Credential should be scoped to a valid region, not '" + printable(auth.region()) + "'. ");
    }
  }

  private void checkDate(Authorization auth, String amzDate) {
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw invalidSignature("Date must be in ISO-8601 'basic format'. Got '" + printable(amzDate) + "'.");
    }
    // the whole day, not a prefix of it: a scope date of "" or "2" names no day
    if (!amzDate.substring(0, 8).equals(auth.date())) {
      throw invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
          + "HTTP: '" + printable(auth.date()) + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw invalidSignature("Signature expired: " + amzDate + " is now earlier than "
          + AMZ_DATE.format(now.minus(MAX_SKEW).atOffset(ZoneOffset.UTC)) + " ("
          + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " - 5 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw invalidSignature("Signature not yet current: " + amzDate + " is still later than "
          + AMZ_DATE.format(now.plus(MAX_SKEW).atOffset(ZoneOffset.UTC)) + " ("
          + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " + 5 min.)");
    }
  }

  // the signed Host must name this server as the request reached it: a request signed for another host (captured
  // there, say) is not valid here, as AWS's endpoints refuse what is signed for another
  private void checkHost(String host, InetSocketAddress reached) {
    String name;
    int port;
    Matcher matcher = HOST.matcher(host.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw wrongHost(host, reached);
    }
    name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    port = matcher.group(3) == null ? 80 : Integer.parseInt(matcher.group(3));
    if (port != reached.getPort() || !namesReached(name, reached.getAddress())) {
      throw wrongHost(host, reached);
    }
  }

  private boolean namesReached(String name, InetAddress reached) {
    if (hostNames.contains(name) || name.equals("localhost") && reached.isLoopbackAddress()) {
      return true;
    }
    // an address literal only: a name is never looked up
    if (!IP_LITERAL.matcher(name).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(name).equals(reached);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static ServiceError wrongHost(String host, InetSocketAddress reached) {
    return invalidSignature("The signed 'Host', '" + printable(host) + "', is not the host this request reached: '"
        + hostOf(reached) + "'.");
  }

  private static String hostOf(InetSocketAddress address) {
    String ip = address.getAddress().getHostAddress();
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + address.getPort();
  }

  // a signed x-amz-content-sha256 stands for the body in the signature, so it must be the body's hash
  private static String payloadHash(Function<String, List<String>> headers, byte[] body) {
    String actual = hex(sha256(body));
    Optional<String> declared = first(headers, "X-Amz-Content-Sha256");
    if (declared.isPresent() && !declared.get().equalsIgnoreCase(actual)) {
      throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return declared.orElse(actual);
  }

  private static String canonicalHeaders(List<String> signedHeaders, Function<String, List<String>> headers) {
    StringBuilder canonical = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = new ArrayList<>();
      for (String value : headers.apply(name)) {
        values.add(value.trim().replaceAll(" +", " "));
      }
      canonical.append(name).append(':').append(String.join(",", values)).append('\n');
    }
    return canonical.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.add(uriEncode(percentDecode(name)) + "=" + uriEncode(percentDecode(value)));
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static String percentDecode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (codePoint == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  private static String uriEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static Optional<String> first(Function<String, List<String>> headers, String name) {
    List<String> values = headers.apply(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  // scope parts and dates are echoed as AWS echoes them, but only printable ASCII and cut short
  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static ServiceError invalidSignature(String message) {
    return ServiceError.of(400, "InvalidSignatureException", message);
  }

  private static ServiceError incomplete(String message) {
    return ServiceError.of(400, "IncompleteSignatureException", message);
  }

  /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
  private record Authorization(String accessKeyId, String date, String region, String service, String terminator,
      List<String> signedHeaders, String signature) {

    static Authorization parse(String header) {
      String trimmed = header.trim();
      if (!trimmed.startsWith(ALGORITHM + " ")) {
        throw incomplete("Authorization header requires the " + ALGORITHM + " algorithm, followed by 'Credential', "
            + "'SignedHeaders' and 'Signature' parameters.");
      }
      Map<String, String> parameters = new HashMap<>();
      for (String part : trimmed.substring(ALGORITHM.length()).split(",")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          parameters.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
      }
      String credential = required(parameters, "Credential");
      String signedHeaders = required(parameters, "SignedHeaders");
      String signature = required(parameters, "Signature");
      String[] scope = credential.split("/", -1);
      if (scope.length != 5 || scope[0].isEmpty()) {
        throw incomplete("Credential should have the form <access key id>/<date>/<region>/<service>/aws4_request.");
      }
      List<String> names = new ArrayList<>();
      for (String name : signedHeaders.split(";")) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
      return new Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], List.copyOf(names), signature);
    }

    private static String required(Map<String, String> parameters, String name) {
      String value = parameters.get(name);
      if (value == null || value.isEmpty()) {
        throw incomplete("Authorization header requires '" + name + "' parameter.");
      }
      return value;
    }
  }
}
