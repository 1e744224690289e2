package io.buildstop.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: reads each request within its deadlines and up to the body limit, has the
 * {@link Dispatcher} answer it, and closes the connection the way HTTP asks (RFC 9112 §9.6). Everything here runs on
 * the connection's event-loop thread, one request after the other, so pipelined requests are answered in order.
 *
 * <p>States: <em>idle</em> (no byte of a request yet; the idle deadline runs), <em>head</em> (from a request's first
 * byte to the end of its headers; the head deadline runs), <em>body</em> (from the end of the headers to the end of
 * the body; the body deadline runs), <em>closing</em> (refused; what still arrives is read and dropped, up to a
 * bound and a deadline, so that the client reads the refusal instead of a connection reset).
 */
final class HttpConnection extends ChannelDuplexHandler {
  /** The most headers a request may have: more is 431. */
  static final int MAX_HEADERS = 100;
  /** How long a refused connection is read and dropped before it is closed. */
  static final Duration LINGER = Duration.ofSeconds(5);
  /** The least a refused connection's reading drops before it is closed; the body limit if larger. */
  static final int LINGER_BYTES = 8 * 1024 * 1024;

  private static final FullHttpResponse CONTINUE =
      new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);

  private enum State { IDLE, HEAD, BODY, CLOSING }

  private final NettyFront front;
  private final Dispatcher dispatcher;
  private final Deadlines deadlines;
  private State state = State.IDLE;
  private boolean counted;
  private ScheduledFuture<?> timer;
  private ChannelFuture lastWrite;
  private HttpRequest request;
  private BoundedBody body;
  private ServiceError refusedAfterBody;
  private boolean keepAlive;
  private long lingerBytes;

  HttpConnection(NettyFront front, Dispatcher dispatcher, Deadlines deadlines) {
    this.front = front;
    this.dispatcher = dispatcher;
    this.deadlines = deadlines;
  }

  /** Whether the next byte begins a request. */
  boolean awaitsRequest() {
    return state == State.IDLE;
  }

  /** The first byte of a request has arrived: from now on the request is in flight, and its head deadline runs. */
  void requestBegins() {
    state = State.HEAD;
    counted = true;
    front.requestBegins();
    arm(deadlines.requestHead(), () -> deadlinePassed("The request line and headers did not arrive within "
        + seconds(deadlines.requestHead())));
  }

  // the connection's two ends, read once it is connected: Netty reads them lazily and answers null once the channel
  // has closed, which a request still being answered must not turn into a failure
  private InetSocketAddress reached;
  private InetSocketAddress peer;

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    reached = (InetSocketAddress) ctx.channel().localAddress();
    peer = (InetSocketAddress) ctx.channel().remoteAddress();
    ctx.fireChannelActive();
    if (front.draining()) {
      ctx.close();
      return;
    }
    armIdle(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    try {
      if (state == State.CLOSING) {
        drop(ctx, message);
      } else if (message instanceof HttpRequest request) {
        head(ctx, request);
        if (message instanceof LastHttpContent last && state == State.BODY) {
          content(ctx, last);
        }
      } else if (message instanceof HttpContent content && state == State.BODY) {
        content(ctx, content);
      }
    } catch (ServiceError refused) {
      refuseAndClose(ctx, refused, true);
    } catch (Error fatal) {
      front.fatal(fatal);
      ctx.close();
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private void head(ChannelHandlerContext ctx, HttpRequest request) {
    cancelTimer();
    this.request = request;
    this.refusedAfterBody = null;
    state = State.BODY;
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      if (result.cause() instanceof PrematureChannelClosureException) {
        // the client closed its side in the middle of the head: there is no one to answer
        closeNow(ctx);
        return;
      }
      throw refusalOf(result.cause());
    }
    HttpVersion version = request.protocolVersion();
    if (version.majorVersion() != 1) {
      throw HttpRefusals.versionNotSupported();
    }
    HttpHeaders headers = request.headers();
    if (headers.size() > MAX_HEADERS) {
      throw HttpRefusals.headersTooLarge("The request has " + headers.size() + " headers; this server reads at most "
          + MAX_HEADERS);
    }
    keepAlive = HttpUtil.isKeepAlive(request);
    checkTransferCoding(headers.getAll(HttpHeaderNames.TRANSFER_ENCODING));
    checkContentCoding(headers.getAll(HttpHeaderNames.CONTENT_ENCODING));
    long declared = HttpUtil.isTransferEncodingChunked(request) ? -1 : HttpUtil.getContentLength(request, 0L);
    body = BoundedBody.expecting(declared, dispatcher.maxRequestBytes());
    String expect = headers.get(HttpHeaderNames.EXPECT);
    if (expect != null) {
      if (!HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
        throw HttpRefusals.expectationFailed();
      }
      // RFC 9110 §10.1.1: only after the checks a declared length allows, so a body over the limit is refused
      // before the client sends it; an HTTP/1.0 client knows no 100
      if (version.minorVersion() >= 1 && declared != 0) {
        ctx.writeAndFlush(CONTINUE.retainedDuplicate());
      }
    }
    if (declared != 0) {
      arm(deadlines.requestBody(), () -> deadlinePassed("The request body did not arrive within "
          + seconds(deadlines.requestBody())));
    }
  }

  // RFC 9112 §6.3: a length that cannot be known unless chunked is last is a 400, and the connection closes; any
  // coding besides chunked is one this server does not decode (RFC 9110 says 501; a 4xx tells the client it is its
  // request that must change)
  private void checkTransferCoding(List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    List<String> codings = codings(values);
    if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
      throw HttpRefusals.badRequest("Transfer-Encoding must end with chunked, the one transfer coding this server"
          + " reads; send the body with a Content-Length or Transfer-Encoding: chunked");
    }
    if (codings.size() > 1) {
      refusedAfterBody = HttpRefusals.unsupportedCoding("This server decodes no transfer coding but chunked;"
          + " send the body with Transfer-Encoding: chunked alone");
    }
  }

  private void checkContentCoding(List<String> values) {
    for (String coding : codings(values)) {
      if (!coding.equals("identity") && refusedAfterBody == null) {
        refusedAfterBody = HttpRefusals.unsupportedCoding("This server decodes no content coding; send the body"
            + " without Content-Encoding");
      }
    }
  }

  private static List<String> codings(List<String> values) {
    return values.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .map(coding -> coding.trim().toLowerCase(Locale.ROOT)).filter(coding -> !coding.isEmpty()).toList();
  }

  private void content(ChannelHandlerContext ctx, HttpContent content) {
    DecoderResult result = content.decoderResult();
    if (result.isFailure()) {
      throw refusalOf(result.cause());
    }
    body.append(content.content());
    if (content instanceof LastHttpContent) {
      cancelTimer();
      answer(ctx);
    }
  }

  private void answer(ChannelHandlerContext ctx) {
    HttpAnswer answer;
    if (refusedAfterBody != null) {
      answer = Dispatcher.refusal(refusedAfterBody);
    } else {
      String uri = request.uri();
      int query = uri.indexOf('?');
      byte[] bytes = body.bytes();
      HttpHeaders headers = request.headers();
      try {
        answer = dispatcher.answer(new HttpCall(request.method().name(), pathOf(query < 0 ? uri : uri.substring(0,
            query)), query < 0 ? null : uri.substring(query + 1), headers::getAll, () -> bytes,
            reached, peer));
      } catch (IOException impossible) {
        // the body is in memory: reading it cannot fail
        throw new IllegalStateException(impossible);
      }
    }
    boolean open = keepAlive && !answer.closeConnection() && !front.draining();
    lastWrite = write(ctx, answer, open);
    requestEnds();
    request = null;
    body = null;
    state = State.IDLE;
    if (open) {
      armIdle(ctx);
    } else {
      lastWrite.addListener(written -> closeGracefully(ctx));
      // a client that has not read its last answer within the idle timeout loses it: its bytes are not kept for ever
      arm(deadlines.idle(), ctx::close);
    }
  }

  // an absolute-form target (RFC 9112 §3.2.2) names the path after its authority
  private static String pathOf(String target) {
    if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
      int slash = target.indexOf('/', target.indexOf("//") + 2);
      return slash < 0 ? "/" : target.substring(slash);
    }
    return target;
  }

  private ChannelFuture write(ChannelHandlerContext ctx, HttpAnswer answer, boolean open) {
    boolean head = request != null && HttpMethod.HEAD.equals(request.method());
    int length = answer.body().length();
    ByteBuf content = head ? Unpooled.EMPTY_BUFFER : ctx.alloc().buffer(length);
    if (!head) {
      try (ByteBufOutputStream out = new ByteBufOutputStream(content)) {
        answer.body().writeTo(out);
      } catch (IOException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), content);
    HttpHeaders headers = response.headers();
    // names as AWS writes them (and the JDK server did): header names are case-insensitive, people read them
    headers.set("Content-Type", answer.contentType());
    headers.set("x-amzn-RequestId", answer.requestId());
    headers.set("Date", front.date());
    headers.set("Content-Length", length);
    answer.allow().ifPresent(allow -> headers.set("Allow", allow));
    answer.headers().forEach(header -> headers.set(header.getKey(), header.getValue()));
    if (!open) {
      headers.set("Connection", HttpHeaderValues.CLOSE);
    }
    return ctx.writeAndFlush(response);
  }

  /**
   * Answers {@code refused} and closes: when the framing of what follows is unknown (or the client is past a
   * deadline), nothing more can be read as a request. With {@code linger}, the server stops sending, reads and drops
   * what the client still sends, up to a bound and a deadline, and closes then: closing with unread bytes would
   * reset the connection, and the reset can destroy the answer before the client reads it.
   */
  private void refuseAndClose(ChannelHandlerContext ctx, ServiceError refused, boolean linger) {
    if (state == State.CLOSING) {
      return;
    }
    cancelTimer();
    state = State.CLOSING;
    requestEnds();
    lastWrite = write(ctx, Dispatcher.refusal(refused), false);
    request = null;
    body = null;
    // set before the decoder goes: removing it hands over the bytes it holds, which count
    lingerBytes = linger ? Math.max(LINGER_BYTES, dispatcher.maxRequestBytes()) : Long.MAX_VALUE;
    // from now on the raw bytes come here, to be dropped
    if (ctx.pipeline().get(RequestDecoder.class) != null) {
      ctx.pipeline().remove(RequestDecoder.class);
    }
    if (!linger) {
      lastWrite.addListener(written -> ctx.close());
      return;
    }
    lastWrite.addListener(written -> {
      if (!written.isSuccess() || ((SocketChannel) ctx.channel()).isInputShutdown()) {
        ctx.close();
        return;
      }
      // the end of the answer, then the end of what the server sends: the client reads both while still sending
      ((SocketChannel) ctx.channel()).shutdownOutput();
      arm(LINGER, () -> ctx.close());
    });
  }

  private void drop(ChannelHandlerContext ctx, Object message) {
    if (message instanceof ByteBuf bytes) {
      lingerBytes -= bytes.readableBytes();
    } else if (message instanceof HttpContent content) {
      lingerBytes -= content.content().readableBytes();
    }
    if (lingerBytes < 0) {
      ctx.close();
    }
  }

  private void deadlinePassed(String message) {
    ChannelHandlerContext ctx = context;
    // a client past its deadline reads why, and the connection closes at once: waiting longer for it to finish
    // sending is what the deadline forbids
    refuseAndClose(ctx, HttpRefusals.requestTimeout(message), false);
  }

  private static ServiceError refusalOf(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return HttpRefusals.requestLineTooLong(RequestDecoder.MAX_REQUEST_LINE);
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpRefusals.headersTooLarge("The request's headers are larger than this server's limit of "
          + RequestDecoder.MAX_HEADER_BYTES + " bytes");
    }
    if (cause instanceof RequestDecoder.BothLengths) {
      return HttpRefusals.badRequest(cause.getMessage());
    }
    String name = cause.getClass().getSimpleName();
    if (name.equals("InvalidLineSeparatorException")) {
      return HttpRefusals.badRequest("Every line of the request's head must end with CRLF");
    }
    if (name.equals("InvalidChunkExtensionException") || name.equals("InvalidChunkTerminationException")) {
      return HttpRefusals.badRequest("The chunked body is not valid HTTP/1.1 chunked encoding");
    }
    // Netty's messages may quote the request; none is echoed
    return HttpRefusals.badRequest("The request is not valid HTTP/1.1 (" + name + ")");
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      // the client sent all it will: an answer being written still goes out; a request cut short gets none
      if (state == State.IDLE) {
        closeGracefully(ctx);
      } else if (state != State.CLOSING) {
        closeNow(ctx);
      } else {
        ctx.close();
      }
    } else if (event == NettyFront.DRAIN) {
      if (state == State.IDLE) {
        closeGracefully(ctx);
      }
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    // a client that does not read its answers is not read either, so they cannot pile up in memory
    ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    requestEnds();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof Error error) {
        front.fatal(error);
        break;
      }
    }
    // a reset by the client, or a failure of this connection alone: it ends here
    ctx.close();
  }

  private ChannelHandlerContext context;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.context = ctx;
  }

  private void closeGracefully(ChannelHandlerContext ctx) {
    if (lastWrite == null || lastWrite.isDone()) {
      ctx.close();
    } else {
      lastWrite.addListener(written -> ctx.close());
    }
  }

  private void closeNow(ChannelHandlerContext ctx) {
    cancelTimer();
    state = State.CLOSING;
    requestEnds();
    ctx.close();
  }

  private void requestEnds() {
    if (counted) {
      counted = false;
      front.requestEnds();
    }
  }

  private void armIdle(ChannelHandlerContext ctx) {
    arm(deadlines.idle(), () -> {
      if (state != State.IDLE) {
        return;
      }
      if (lastWrite != null && !lastWrite.isDone()) {
        // its client has not read its answer within the idle timeout: what is still queued for it is dropped, so
        // that answers nobody reads cannot pile up in memory, one per connection
        ctx.close();
      } else {
        closeGracefully(ctx);
      }
    });
  }

  private void arm(Duration after, Runnable action) {
    cancelTimer();
    timer = context.executor().schedule(() -> {
      try {
        action.run();
      } catch (Error fatal) {
        front.fatal(fatal);
        context.close();
      }
    }, after.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private static String seconds(Duration deadline) {
    return deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
  }
}
