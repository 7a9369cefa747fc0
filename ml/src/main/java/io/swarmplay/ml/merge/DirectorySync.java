package io.swarmplay.ml.merge;

import io.swarmplay.ml.Log;
import io.swarmplay.ml.MlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Parameter exchange between training processes that share a directory (one host, or a shared file
 * system). Layout: {@code peers/<id>} registers a peer, {@code round-NNNNNN/<id>.params} and
 * {@code final/<id>.params} hold each round's contributions, {@code <round>/members} records which
 * contributions a round merges, {@code done/<id>} marks a finished peer.
 *
 * <p>Each round is a barrier: a peer publishes its parameters, then waits until every expected peer
 * has published (and at least {@code minPeers} have), or until the timeout passes with at least
 * {@code minPeers} present. The first peer to decide publishes the member list with an atomic hard
 * link; every peer, including late ones, then merges exactly those members' files in sorted order,
 * so all peers load bit-equal parameters. A peer that missed a round without ever publishing is no
 * longer waited for. Peers must run the same number of rounds (same batches per epoch, epochs and
 * sync frequency); a peer still in a numbered round while the others already wait in the final
 * round continues locally.
 */
public final class DirectorySync implements ParameterSync {
  private static final String MEMBERS = "members";
  private static final String FINAL = "final";
  private static final int KEEP_ROUNDS = 2;

  private final Settings settings;
  private int round;
  private Path previousRound;
  private Set<String> previousMembers = Set.of();

  /**
   * Settings of a directory sync.
   *
   * @param dir the shared directory (use an empty one per training run)
   * @param peer this peer's id (letters, digits, '.', '_', '-')
   * @param minPeers the fewest peers a round may merge
   * @param timeout how long a round waits for missing peers
   * @param method how contributions are merged
   * @param poll how often the directory is polled
   */
  public record Settings(Path dir, String peer, int minPeers, Duration timeout, MergeMethod method, Duration poll) {
    /** Validates the settings. */
    public Settings {
      if (!peer.matches("[A-Za-z0-9._-]+")) {
        throw new MlException("peer id '" + peer + "' may contain only letters, digits, '.', '_' and '-'");
      }
      if (minPeers < 1) {
        throw new MlException("MIN_PEERS must be at least 1, got " + minPeers);
      }
    }
  }

  /**
   * Registers this peer in the directory.
   *
   * @throws MlException if the directory cannot be used or holds a finished run
   */
  public DirectorySync(Settings settings) {
    this.settings = settings;
    try {
      Files.createDirectories(settings.dir().resolve("peers"));
      Files.createDirectories(settings.dir().resolve("done"));
      if (!names(settings.dir().resolve("done"), "").isEmpty()) {
        throw new MlException("sync directory " + settings.dir() + " holds a finished run (done/ is not empty);"
            + " use an empty directory for each training run");
      }
      Files.writeString(settings.dir().resolve("peers").resolve(settings.peer()), ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new MlException("cannot use sync directory " + settings.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return String.format("directory %s as peer %s (min peers %d, timeout %ds, merge %s)", settings.dir(),
        settings.peer(), settings.minPeers(), settings.timeout().toSeconds(), settings.method().swarmName());
  }

  @Override
  public ParameterSet sync(ParameterSet local, long localSamples, boolean last) {
    String name = last ? FINAL : String.format("round-%06d", ++round);
    Path dir = settings.dir().resolve(name);
    try {
      Files.createDirectories(dir);
      ParameterFiles.write(dir.resolve(settings.peer() + ".params"), new Contribution(settings.peer(), localSamples, local));
      List<String> members = awaitMembers(name, dir, last);
      ParameterSet merged = settings.method().merge(readAll(name, dir, members));
      finishRound(dir, members, last);
      Log.info("Sync %s: merged %d peer(s) %s with %s", name, members.size(), members, settings.method().swarmName());
      return merged;
    } catch (IOException e) {
      throw new MlException("sync " + name + " in " + dir + " failed: " + e.getMessage(), e);
    }
  }

  private List<String> awaitMembers(String name, Path dir, boolean last) throws IOException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (true) {
      Optional<List<String>> decided = readMembers(dir);
      if (decided.isPresent()) {
        return decided.get();
      }
      Set<String> present = names(dir, ".params");
      Set<String> awaited = expected(last);
      awaited.removeAll(present);
      boolean othersFinished = !last && !names(settings.dir().resolve(FINAL), ".params").isEmpty();
      if (awaited.isEmpty() && (present.size() >= settings.minPeers() || othersFinished)) {
        return decide(dir, present);
      }
      if (System.nanoTime() >= deadline) {
        return decideAfterTimeout(name, dir, present, awaited);
      }
      sleep();
    }
  }

  private List<String> decideAfterTimeout(String name, Path dir, Set<String> present, Set<String> awaited)
      throws IOException {
    if (present.size() < settings.minPeers()) {
      throw new MlException(String.format("sync %s: only %d peer(s) %s arrived within %ds, fewer than MIN_PEERS=%d"
          + " (missing: %s); check that the other peers are running and share %s, or lower MIN_PEERS",
          name, present.size(), present, settings.timeout().toSeconds(), settings.minPeers(), awaited, settings.dir()));
    }
    Log.warn("Sync %s: continuing without peer(s) %s after %ds", name, awaited, settings.timeout().toSeconds());
    return decide(dir, present);
  }

  /** Registered peers that are neither done, finished (numbered rounds only) nor dropped. */
  private Set<String> expected(boolean last) throws IOException {
    Set<String> expected = names(settings.dir().resolve("peers"), "");
    expected.removeAll(names(settings.dir().resolve("done"), ""));
    if (!last) {
      expected.removeAll(names(settings.dir().resolve(FINAL), ".params"));
    }
    if (previousRound != null) {
      expected.removeIf(p -> !previousMembers.contains(p) && !Files.exists(previousRound.resolve(p + ".params")));
    }
    expected.add(settings.peer());
    return expected;
  }

  private List<String> decide(Path dir, Set<String> present) throws IOException {
    Path tmp = dir.resolve("." + MEMBERS + "." + settings.peer() + ".tmp");
    Files.writeString(tmp, String.join("\n", present) + "\n", StandardCharsets.UTF_8);
    try {
      Files.createLink(dir.resolve(MEMBERS), tmp);
    } catch (FileAlreadyExistsException e) {
      Log.debug("another peer decided %s first", dir.getFileName());
    } finally {
      Files.deleteIfExists(tmp);
    }
    return readMembers(dir).orElseThrow();
  }

  private static Optional<List<String>> readMembers(Path dir) throws IOException {
    try {
      return Optional.of(Files.readAllLines(dir.resolve(MEMBERS), StandardCharsets.UTF_8).stream()
          .filter(s -> !s.isBlank()).toList());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private List<Contribution> readAll(String name, Path dir, List<String> members) throws IOException {
    List<Contribution> contributions = new ArrayList<>();
    for (String member : members) {
      Path file = dir.resolve(member + ".params");
      if (!Files.exists(file)) {
        throw new MlException("sync " + name + ": " + file + " is gone; this peer fell more than " + KEEP_ROUNDS
            + " rounds behind the others");
      }
      contributions.add(ParameterFiles.read(file));
    }
    return contributions;
  }

  private void finishRound(Path dir, List<String> members, boolean last) throws IOException {
    previousRound = dir;
    previousMembers = Set.copyOf(members);
    if (last) {
      Files.writeString(settings.dir().resolve("done").resolve(settings.peer()), "done\n");
    } else if (round > KEEP_ROUNDS) {
      Path old = settings.dir().resolve(String.format("round-%06d", round - KEEP_ROUNDS));
      Files.deleteIfExists(old.resolve(settings.peer() + ".params"));
    }
  }

  private static Set<String> names(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new TreeSet<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix) && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(settings.poll().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlException("interrupted while waiting for peers");
    }
  }
}
