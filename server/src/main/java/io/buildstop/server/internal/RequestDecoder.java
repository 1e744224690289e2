package io.buildstop.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.List;

/**
 * Netty's request decoder, strict (a line must end with CRLF), telling its connection when the bytes of a new
 * request begin, so that the request's head deadline runs from its first byte and not from the last answer; and
 * refusing a request that declares both {@code Transfer-Encoding: chunked} and a {@code Content-Length} (a request
 * smuggling pattern) rather than dropping the length as Netty does by default.
 */
final class RequestDecoder extends HttpRequestDecoder {
  /** The longest request line read, in bytes: longer is 414. */
  static final int MAX_REQUEST_LINE = 8 * 1024;
  /** The most header bytes read, all lines together: more is 431. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final HttpConnection connection;

  RequestDecoder(HttpConnection connection) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setMaxChunkSize(64 * 1024)
        .setStrictLineParsing(true));
    this.connection = connection;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    // blank lines between requests are skipped by the decoder (RFC 9112 §2.2) and begin nothing
    if (connection.awaitsRequest() && buffer.forEachByte(b -> b == '\r' || b == '\n') >= 0) {
      connection.requestBegins();
    }
    super.decode(ctx, buffer, out);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    // RFC 9112 §6.1: "ought to be handled as an error"; it becomes a failed message, which the connection refuses
    throw new BothLengths();
  }

  /** A request that frames its body both ways. */
  static final class BothLengths extends IllegalArgumentException {
    BothLengths() {
      super("A request may declare Transfer-Encoding: chunked or a Content-Length, not both", null);
    }
  }
}
