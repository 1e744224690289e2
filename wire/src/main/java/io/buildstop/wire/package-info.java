/**
 * CodeBuild's JSON (the awsJson1_1 protocol) for the {@link io.buildstop.domain.model.Build}, the {@link
 * io.buildstop.domain.model.Project} and the {@link io.buildstop.domain.model.BuildBatch}, one {@link
 * io.buildstop.wire.WireCodec} per shape: {@link io.buildstop.wire.WireCodec#BUILD} for a build on its own, {@link
 * io.buildstop.wire.WireCodec#STOP_BUILD_RESPONSE} for the {@code {"build": ...}} responses and {@link
 * io.buildstop.wire.WireCodec#BATCH_GET_BUILDS_RESPONSE} for BatchGetBuilds, {@link
 * io.buildstop.wire.WireCodec#PROJECT} for a project, {@link io.buildstop.wire.WireCodec#BUILD_BATCH} for a batch
 * build; and the events CodeBuild sends to EventBridge, {@link io.buildstop.wire.WireCodec#BUILD_EVENT} (its
 * javadoc says where events differ from the rules below: their names, times and unmodelled members).
 *
 * <p>{@link io.buildstop.wire.MemberReader} is the one reader of JSON members: the codecs decode through it, and a
 * local endpoint checks requests with it against the service model, answering the first member that breaks a rule
 * as an {@link io.buildstop.wire.InvalidMember} (AWS's validation message) where a decoding answers a {@link
 * io.buildstop.wire.WireError}.
 *
 * <p>Each codec encodes to a Jackson tree ({@code encode}), to compact text ({@code encodeToString}), or straight to
 * a Jackson {@code JsonGenerator} ({@code write}), the text of the tree without building it; all three agree byte
 * for byte.
 *
 * <p>The rules, the same for every codec here:
 * <ul>
 *   <li>Members carry CodeBuild's names. An absent member is left out when encoding, never written as {@code null};
 *       a {@code null} read back means absent.</li>
 *   <li>Timestamps are written as epoch seconds with as many fraction digits as they need, as AWS prints them
 *       ({@code 1556906973.75}); they are read from such numbers, exact to the nanosecond, or from ISO-8601 strings
 *       with an offset ({@code 2020-10-21T17:51:38.161000+00:00}).</li>
 *   <li>Enum members travel as their raw strings, so a value this version does not know survives a round trip.</li>
 *   <li>A list is written, even as {@code []}, exactly when its {@code has*} flag says CodeBuild sent it; a
 *       {@code []} read back sets the flag.</li>
 *   <li>Members a newer CodeBuild sends and this version does not know are ignored.</li>
 *   <li>Decoding never throws for any input text or tree: what is wrong comes back as a {@link
 *       io.buildstop.wire.WireError} naming the member's path. Encoding cannot fail, but for a {@code write} whose
 *       generator's output fails.</li>
 *   <li>No method accepts or returns null; passing null is a programming error and throws
 *       {@link java.lang.NullPointerException}.</li>
 *   <li>Every method is stateless and safe to call from any thread.</li>
 * </ul>
 */
package io.buildstop.wire;
