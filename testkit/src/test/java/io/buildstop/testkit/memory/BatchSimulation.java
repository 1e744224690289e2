package io.buildstop.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.batch.BatchExpansion;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.ProjectBuildBatchConfig;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import io.buildstop.memory.buildspec.BatchSpecYaml;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The state of one generated session of batch calls: an {@link InMemoryCodeBuild} and, for each batch it started, a
 * {@link BatchModel} of what it must hold, side by side. Each step calls the backend, checks every answer against the
 * model, then moves the model on. Calls that race are checked as a linearizable history: some order of them gives
 * every answer and the state the backend ends in, and each batch and member shows one terminal state only.
 *
 * <p>Batches are named {@code <project batch#n>}, the n-th batch started for the project in this session, and their
 * members {@code <project batch#n/identifier>}, because the backend's ids are random: a replayed (shrunk) session
 * means the same batches.
 */
final class BatchSimulation {
  static final String UNKNOWN_BATCH = "p1:00000000-0000-0000-0000-000000000000";


  /** A batch this session started: its name in the recipe, its ids, and what it must be now. */
  private static final class Tracked {
    final String name;
    final String project;
    final BuildId id;
    final String arn;
    final Map<String, BuildId> memberIds;
    // members not started when their batch finished: they must never start
    final Set<String> neverStart = new LinkedHashSet<>();
    BatchModel model;

    Tracked(String name, String project, BuildId id, String arn, Map<String, BuildId> memberIds, BatchModel model) {
      this.name = name;
      this.project = project;
      this.id = id;
      this.arn = arn;
      this.memberIds = memberIds;
      this.model = model;
    }
  }

  /**
   * One call on a batch or one of its members, as a step makes it or as one racer of several makes it.
   *
   * @param kind which call
   * @param member for a member's call, which member: the n-th of the running ones, then of the others (modulo)
   * @param status for {@link Kind#COMPLETE}, the status it ends with
   */
  record Call(Kind kind, int member, StatusType status) {
    enum Kind { STOP_BUILD_BATCH, ADVANCE_BUILD_BATCH, STOP_BUILD, ADVANCE, COMPLETE }

    boolean onAMember() {
      return kind != Kind.STOP_BUILD_BATCH && kind != Kind.ADVANCE_BUILD_BATCH;
    }

    // the member it acts on in this model: running ones first, so that low numbers (and shrinking) reach them
    String identifier(BatchModel model) {
      List<String> ordered = new ArrayList<>();
      model.members().forEach((identifier, member) -> {
        if (member.running()) {
          ordered.add(identifier);
        }
      });
      model.members().keySet().stream().filter(identifier -> !ordered.contains(identifier)).forEach(ordered::add);
      return ordered.get(member % ordered.size());
    }

    String line(String batch, String identifier) {
      switch (kind) {
        case STOP_BUILD_BATCH:
          return "stop-build-batch --id <" + batch + ">";
        case ADVANCE_BUILD_BATCH:
          return "advance-build-batch --id <" + batch + ">";
        case STOP_BUILD:
          return "stop-build --id <" + batch + "/" + identifier + ">";
        case ADVANCE:
          return "advance --id <" + batch + "/" + identifier + ">";
        default:
          return "complete --id <" + batch + "/" + identifier + "> --status " + status;
      }
    }

    Either<StopFailure, ?> invoke(InMemoryCodeBuild codeBuild, BuildId batch, BuildId memberId) {
      switch (kind) {
        case STOP_BUILD_BATCH:
          return codeBuild.stopBuildBatch(batch.value());
        case ADVANCE_BUILD_BATCH:
          return codeBuild.advanceBuildBatch(batch.value());
        case STOP_BUILD:
          return codeBuild.stopBuild(memberId.value());
        case ADVANCE:
          return codeBuild.advance(memberId.value());
        default:
          return codeBuild.complete(memberId.value(), status);
      }
    }

    BatchModel apply(BatchModel model, String identifier) {
      switch (kind) {
        case STOP_BUILD_BATCH:
          return model.stop();
        case ADVANCE_BUILD_BATCH:
          return model.advance();
        case STOP_BUILD:
          return model.endMember(identifier, StatusType.STOPPED);
        case ADVANCE:
          return model.advanceMember(identifier);
        default:
          return model.endMember(identifier, status);
      }
    }

    // the answer the model gives: the batch after, the member after, or not found for a member not started
    String expectedAnswer(BatchModel before, BatchModel after, String identifier) {
      if (!onAMember()) {
        return "batch " + after.status() + " in " + after.phase();
      }
      return before.member(identifier).started() ? "build " + after.member(identifier) : "not found";
    }
  }

  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder()
      .clock(new TickingClock(Instant.parse("2026-05-03T18:09:16.318Z"), 700))
      .build();
  private final List<Tracked> batches = new ArrayList<>();
  private final Map<String, Integer> startedPerProject = new HashMap<>();
  private final Set<String> reached = new LinkedHashSet<>();

  /** What the session reached, for the test's coverage. */
  Set<String> reached() {
    return Set.copyOf(reached);
  }

  boolean hasBatches() {
    return !batches.isEmpty();
  }

  /** The name of the batch a step picks: the {@code pick}-th started, modulo how many there are. */
  String pickBatch(int pick) {
    return batches.get(pick % batches.size()).name;
  }

  /** StartBuildBatch with {@code spec} as the buildspec's batch section. */
  void startBuildBatch(String project, BatchSpec spec, boolean combineArtifacts) {
    BuildBatch configuration = BuildBatch.builder().projectName(project)
        .buildBatchConfig(ProjectBuildBatchConfig.builder().combineArtifacts(combineArtifacts).build()).build();

    BuildBatch batch = codeBuild.startBuildBatch(configuration, BatchSpecYaml.print(spec)).get();

    List<BatchTask> tasks = BatchExpansion.expand(spec).get();
    int number = startedPerProject.merge(project, 1, Integer::sum);
    assertThat(batch.buildBatchNumber()).contains((long) number);
    assertThat(batch.id().orElseThrow()).startsWith(project + ":");
    assertThat(batch.buildGroups()).hasSize(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      BuildGroup group = batch.buildGroups().get(i);
      assertThat(group.identifier()).contains(tasks.get(i).identifier());
      assertThat(group.dependsOn()).isEqualTo(tasks.get(i).dependOn());
      assertThat(group.ignoreFailure()).contains(tasks.get(i).ignoreFailure());
    }
    BatchModel model = BatchModel.started(tasks, spec.fastFail(), combineArtifacts);
    assertThat(describe(batch)).isEqualTo("batch " + model.status() + " in " + model.phase());
    BuildId id = BuildId.parse(batch.id().orElseThrow()).get();
    Map<String, BuildId> memberIds = new LinkedHashMap<>();
    codeBuild.buildBatchRun(id).orElseThrow().members()
        .forEach((identifier, member) -> memberIds.put(identifier, BuildId.parse(member.id().orElseThrow()).get()));
    batches.add(new Tracked(project + " batch#" + number, project, id, batch.arn().orElseThrow(), memberIds,
        model));
  }

  /** StartBuildBatch with a section CodeBuild refuses: InvalidInputException, and nothing is stored. */
  void startRefusedBuildBatch(String project, BatchSpec refused) {
    int batchesBefore = codeBuild.buildBatchCount();
    int buildsBefore = codeBuild.buildCount();

    Either<StopFailure, BuildBatch> answer = codeBuild.startBuildBatch(
        BuildBatch.builder().projectName(project).build(), BatchSpecYaml.print(refused));

    assertThat(answer.isLeft()).as("%s", answer).isTrue();
    assertThat(answer.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    assertThat(codeBuild.buildBatchCount()).isEqualTo(batchesBefore);
    assertThat(codeBuild.buildCount()).isEqualTo(buildsBefore);
  }

  /** The line of {@code calls} on batch {@code name}, each naming the member it acts on now. */
  String lines(String name, List<Call> calls) {
    Tracked batch = tracked(name);
    List<String> lines = new ArrayList<>();
    for (Call call : calls) {
      lines.add(call.line(name, call.identifier(batch.model)));
    }
    return calls.size() == 1 ? lines.get(0) : String.join(" & ", lines) + " (at once)";
  }

  /**
   * Makes {@code calls} on batch {@code name}: one alone, or several at once on their own threads. Linearizable:
   * some order of them, run on the model, gives every answer they got and the state the backend ends in. Each batch
   * and each member has one terminal state only: every answer that shows one finished shows the one it has now. The
   * members not started when their batch finished are checked first: they never start.
   */
  void call(String name, List<Call> calls) {
    Tracked batch = tracked(name);
    BatchModel before = batch.model;
    BatchRun runBefore = run(batch);
    List<String> identifiers = calls.stream().map(call -> call.identifier(before)).toList();
    List<Callable<Either<StopFailure, ?>>> racers = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      BuildId member = batch.memberIds.get(identifiers.get(i));
      racers.add(() -> call.invoke(codeBuild, batch.id, member));
    }

    List<Either<StopFailure, ?>> answers = calls.size() == 1 ? List.of(invoke(racers.get(0))) : Racers.race(racers);

    BatchRun after = run(batch);
    for (String identifier : batch.neverStart) {
      assertThat(after.isStarted(identifier)).as("<%s/%s> started after its batch finished", name, identifier)
          .isFalse();
    }
    String observed = observed(after);
    Optional<BatchModel> linearized = Optional.empty();
    for (List<Integer> order : Racers.orders(calls.size())) {
      linearized = replay(before, calls, identifiers, answers, order)
          .filter(model -> model.toString().equals(observed));
      if (linearized.isPresent()) {
        break;
      }
    }
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      answered.add(calls.get(i).line(name, identifiers.get(i)) + " answered " + shown(answers.get(i)));
    }
    assertThat(linearized).as("no order of the calls explains their answers and the end state:%n  %s%n"
        + "model before: %s%nbackend after: %s", String.join("\n  ", answered), before, observed).isPresent();
    for (int i = 0; i < calls.size(); i++) {
      oneTerminalState(answers.get(i), after, identifiers.get(i), calls.get(i));
    }
    if (calls.size() == 1 && calls.get(0).kind() == Call.Kind.STOP_BUILD_BATCH && before.running()) {
      stoppedAtOneInstant(runBefore, after);
    }
    noticeWhatWasReached(before, linearized.get(), calls);
    batch.model = linearized.get();
    if (!batch.model.running()) {
      batch.model.members().forEach((identifier, member) -> {
        if (!member.started()) {
          batch.neverStart.add(identifier);
        }
      });
    }
  }

  /** BatchGetBuildBatches of every batch started and an unknown one: each as held, the unknown one not found. */
  void batchGetBuildBatches() {
    List<String> ids = new ArrayList<>();
    batches.forEach(batch -> ids.add(batch.id.value()));
    ids.add(UNKNOWN_BATCH);

    BatchGetBuildBatchesResult answer = codeBuild.batchGetBuildBatches(ids).get();

    assertThat(answer.buildBatches()).containsExactlyElementsOf(
        batches.stream().map(batch -> run(batch).batch()).toList());
    assertThat(answer.buildBatchesNotFound()).containsExactly(UNKNOWN_BATCH);
  }

  /** BatchGetBuilds of a batch's members: the started ones as their batch holds them, the others not found. */
  void batchGetMemberBuilds(String name) {
    Tracked batch = tracked(name);
    List<String> ids = batch.memberIds.values().stream().map(BuildId::value).toList();

    BatchGetBuildsResult answer = codeBuild.batchGetBuilds(ids).get();

    BatchRun run = run(batch);
    List<Build> started = new ArrayList<>();
    List<String> notStarted = new ArrayList<>();
    batch.model.members().forEach((identifier, member) -> {
      if (member.started()) {
        started.add(run.member(identifier).orElseThrow());
      } else {
        notStarted.add(batch.memberIds.get(identifier).value());
      }
    });
    assertThat(answer.builds()).containsExactlyElementsOf(started);
    assertThat(answer.buildsNotFound()).containsExactlyElementsOf(notStarted);
  }

  /**
   * ListBuildBatches, or ListBuildBatchesForProject when {@code project} is given, every page followed: the batches
   * started, newest first (or oldest first), each once.
   */
  void listBuildBatches(Optional<String> project, SortOrderType order) {
    List<BuildId> listed = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      Optional<String> page = token;
      BuildIdPage answer = project
          .map(name -> codeBuild.listBuildBatchesForProject(name, order, page))
          .orElseGet(() -> codeBuild.listBuildBatches(order, page)).get();
      listed.addAll(answer.ids());
      token = answer.nextToken();
    } while (token.isPresent() && listed.size() <= batches.size());

    // the clock ticks at every read, so a batch started later started later
    List<BuildId> expected = new ArrayList<>(batches.stream()
        .filter(batch -> project.map(batch.project::equals).orElse(true)).map(batch -> batch.id).toList());
    if (order == SortOrderType.DESCENDING) {
      java.util.Collections.reverse(expected);
    }
    assertThat(listed).containsExactlyElementsOf(expected);
  }

  /** Invariant: each batch and its members are as modelled, a real batch, and its started members are its builds. */
  boolean backendMatchesTheModel() {
    assertThat(codeBuild.buildBatchCount()).isEqualTo(batches.size());
    for (Tracked batch : batches) {
      BatchRun run = run(batch);
      assertThat(observed(run)).as("<%s>", batch.name).isEqualTo(batch.model.toString());
      assertThat(BatchInvariants.violations(run)).as("<%s>'s broken invariants", batch.name).isEmpty();
      batch.memberIds.forEach((identifier, id) -> assertThat(codeBuild.build(id)).as("<%s/%s>", batch.name, identifier)
          .isEqualTo(run.member(identifier).filter(member -> member.buildStatus().isPresent())));
    }
    return true;
  }

  /** Invariant: every build held is one a real CodeBuild could return (spec §3). */
  boolean everyBuildIsReal() {
    for (Build build : codeBuild.builds()) {
      assertThat(BuildInvariants.check(build).swap().toJavaOptional())
          .as("broken invariant of %s", build.id().orElse("?")).isEmpty();
    }
    return true;
  }

  /** A batch as the model shows it: its status and phase, then each member's. */
  static String observed(BatchRun run) {
    StringBuilder shown = new StringBuilder(describe(run.batch()));
    run.members().forEach((identifier, member) -> shown.append("; ").append(identifier).append(": ")
        .append(member.buildStatusAsString().map(status -> status + " in " + member.currentPhaseAsString().orElse("?"))
            .orElse("not started")));
    return shown.toString();
  }

  private static String describe(BuildBatch batch) {
    return "batch " + batch.buildBatchStatusAsString().orElse("?") + " in " + batch.currentPhaseAsString().orElse("?");
  }

  private static String shown(Either<StopFailure, ?> answer) {
    if (answer.isLeft()) {
      return answer.getLeft() instanceof StopFailure.ResourceNotFound ? "not found" : "failure " + answer.getLeft();
    }
    Object value = answer.get();
    if (value instanceof BuildBatch) {
      return describe((BuildBatch) value);
    }
    Build build = (Build) value;
    return "build " + build.buildStatusAsString().orElse("?") + " in " + build.currentPhaseAsString().orElse("?");
  }

  // the calls in this order on the model, each answer the model's; empty when an answer differs
  private static Optional<BatchModel> replay(BatchModel before, List<Call> calls, List<String> identifiers,
      List<Either<StopFailure, ?>> answers, List<Integer> order) {
    BatchModel model = before;
    for (int i : order) {
      BatchModel next = calls.get(i).apply(model, identifiers.get(i));
      if (!shown(answers.get(i)).equals(calls.get(i).expectedAnswer(model, next, identifiers.get(i)))) {
        return Optional.empty();
      }
      model = next;
    }
    return Optional.of(model);
  }

  // exactly one terminal transition: an answer that shows the batch, or a member, finished shows its final state
  private static void oneTerminalState(Either<StopFailure, ?> answer, BatchRun after, String identifier, Call call) {
    if (answer.isLeft()) {
      return;
    }
    if (answer.get() instanceof BuildBatch) {
      BuildBatch batch = (BuildBatch) answer.get();
      if (batch.complete().orElse(false)) {
        assertThat(ending(batch.buildBatchStatusAsString(), batch.endTime()))
            .as("the batch's end that %s answered, against its end now: two terminal transitions", call.kind())
            .isEqualTo(ending(after.batch().buildBatchStatusAsString(), after.batch().endTime()));
        assertThat(batch).as("the batch %s answered", call.kind()).isEqualTo(after.batch());
      }
      return;
    }
    Build member = (Build) answer.get();
    if (!StopRules.isStoppable(member)) {
      Build now = after.member(identifier).orElseThrow();
      assertThat(ending(member.buildStatusAsString(), member.endTime()))
          .as("the end of member %s that %s answered, against its end now: two terminal transitions", identifier,
              call.kind())
          .isEqualTo(ending(now.buildStatusAsString(), now.endTime()));
      assertThat(member).as("member %s as %s answered", identifier, call.kind()).isEqualTo(now);
    }
  }

  private static String ending(Optional<String> status, Optional<Instant> end) {
    return status.orElse("?") + " at " + end.map(Instant::toString).orElse("?");
  }

  // docs/batch-rules.md §5.3: the running members stop by the build stop rules at the batch's stop instant
  private static void stoppedAtOneInstant(BatchRun before, BatchRun after) {
    Instant end = after.batch().endTime().orElseThrow();
    before.members().forEach((identifier, member) -> assertThat(after.member(identifier))
        .as("member %s", identifier).contains(StopRules.stop(member, end)));
  }

  private void noticeWhatWasReached(BatchModel before, BatchModel after, List<Call> calls) {
    if (before.running() && after.status() == StatusType.STOPPED) {
      reached.add("a running batch stopped");
      if (before.members().values().stream().anyMatch(BatchModel.Member::running)) {
        reached.add("a batch stopped with running members");
      }
      if (after.members().values().stream().anyMatch(member -> !member.started())) {
        reached.add("a batch stopped with members not started");
      }
    }
    if (before.running() && !after.running()) {
      reached.add("a batch " + after.status());
      if (calls.size() > 1) {
        reached.add("a race ended the batch");
      }
    }
    if (calls.size() > 1 && calls.stream().anyMatch(Call::onAMember)
        && calls.stream().anyMatch(call -> call.kind() == Call.Kind.STOP_BUILD_BATCH) && before.running()) {
      reached.add("StopBuildBatch raced a member's call");
    }
    for (Call call : calls) {
      if (call.kind() == Call.Kind.STOP_BUILD && before.member(call.identifier(before)).running()) {
        reached.add("a running member stopped by StopBuild");
      }
    }
    if (before.running() && !after.running() && after.members().values().stream().anyMatch(m -> !m.started())) {
      reached.add("a batch finished with members never started");
    }
  }

  private static Either<StopFailure, ?> invoke(Callable<Either<StopFailure, ?>> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new AssertionError("the call threw, which no port may", e);
    }
  }

  private Tracked tracked(String name) {
    return batches.stream().filter(batch -> batch.name.equals(name)).findFirst().orElseThrow();
  }

  private BatchRun run(Tracked batch) {
    return codeBuild.buildBatchRun(batch.id).orElseThrow();
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    batches.forEach(batch -> shown.add("<" + batch.name + "> " + batch.model));
    return "model " + shown;
  }
}
