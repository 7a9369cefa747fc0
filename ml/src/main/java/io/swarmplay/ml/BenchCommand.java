package io.swarmplay.ml;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.model.Calibration;
import io.swarmplay.ml.model.Cifar10Model;
import io.swarmplay.ml.model.ThreadConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cifar10 bench}: training and evaluation throughput at batch 32 (median of timed windows
 * after warm-up) with one core and with all cores, peak RSS and the implied FLOP rate. Prints
 * figures; asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Print training/evaluation throughput (images/s), peak RSS and FLOP rate for batch 32.")
final class BenchCommand implements Callable<Integer> {
  /** Training FLOP per image: forward 2.49 M + backward 3.15 M + optimiser ≈ 5.7 M. */
  static final double TRAIN_FLOP_PER_IMAGE = 5.7e6;
  /** Forward FLOP per image. */
  static final double EVAL_FLOP_PER_IMAGE = 2.49e6;
  private static final int BATCH = 32;

  @Option(names = "--window", defaultValue = "1.0", description = "Seconds per timed window (default: ${DEFAULT-VALUE}).")
  double window;

  @Option(names = "--windows", defaultValue = "5", description = "Timed windows per figure (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--warmup", defaultValue = "60", description = "Warm-up batches (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--cores", description = "Cores for the all-cores figures (default: all available).")
  Integer cores;

  @Spec
  CommandSpec spec;

  /**
   * A timed figure.
   *
   * @param label the configuration
   * @param cores cores it uses
   * @param medianImagesPerSecond summed median throughput of its sessions
   * @param flopPerImage FLOP per image of the workload
   */
  record Figure(String label, int cores, double medianImagesPerSecond, double flopPerImage) {
  }

  @Override
  public Integer call() throws Exception {
    int n = cores != null ? cores : Runtime.getRuntime().availableProcessors();
    CifarDataset data = randomData(4096);
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("train, 1 core (intra=1)", 1, parallel(data, 1, 1, true), TRAIN_FLOP_PER_IMAGE));
    figures.add(new Figure("eval,  1 core (intra=1)", 1, parallel(data, 1, 1, false), EVAL_FLOP_PER_IMAGE));
    if (n > 1) {
      figures.add(new Figure("train, " + n + " cores, 1 session intra=" + n, n, parallel(data, 1, n, true), TRAIN_FLOP_PER_IMAGE));
      figures.add(new Figure("train, " + n + " cores, " + n + " sessions", n, parallel(data, n, 1, true), TRAIN_FLOP_PER_IMAGE));
      figures.add(new Figure("eval,  " + n + " cores, " + n + " sessions", n, parallel(data, n, 1, false), EVAL_FLOP_PER_IMAGE));
    }
    double ceiling = Calibration.matmulGflops(2048, 5, ThreadConfig.SINGLE);
    print(figures, n, spec.commandLine().getOut());
    spec.commandLine().getOut().printf("ceiling: 2048x2048 float matmul, 1 thread: %.1f GFLOP/s"
        + " (training at 1 core uses %.0f %% of it)%n", ceiling, 100 * figures.get(0).medianImagesPerSecond()
        * TRAIN_FLOP_PER_IMAGE / 1e9 / ceiling);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** @return the summed per-session median images/s of {@code sessions} models run side by side */
  private double parallel(CifarDataset data, int sessions, int intra, boolean train) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      List<Future<Double>> results = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        results.add(pool.submit(() -> measure(data, new ThreadConfig(intra, 1), train)));
      }
      double sum = 0;
      for (Future<Double> f : results) {
        sum += f.get();
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  private double measure(CifarDataset data, ThreadConfig threads, boolean train) {
    try (Cifar10Model model = Cifar10Model.create(1, threads)) {
      int[] order = java.util.stream.IntStream.range(0, data.count()).toArray();
      int[] position = {0};
      Runnable step = () -> {
        int from = position[0];
        position[0] = (from + BATCH) % data.count();
        Batch batch = Batch.of(data, order, from, from + BATCH);
        if (train) {
          model.train(batch);
        } else {
          model.probabilities(batch);
        }
      };
      for (int i = 0; i < warmup; i++) {
        step.run();
      }
      double[] rates = new double[windows];
      for (int w = 0; w < windows; w++) {
        rates[w] = timedWindow(step);
      }
      Arrays.sort(rates);
      return rates[windows / 2];
    }
  }

  private double timedWindow(Runnable step) {
    long start = System.nanoTime();
    long end = start + (long) (window * 1e9);
    int images = 0;
    long now;
    do {
      step.run();
      images += BATCH;
      now = System.nanoTime();
    } while (now < end);
    return images / ((now - start) / 1e9);
  }

  private static CifarDataset randomData(int count) {
    Random random = new Random(7);
    byte[] pixels = new byte[count * CifarDataset.IMAGE_SIZE];
    random.nextBytes(pixels);
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) random.nextInt(CifarDataset.CLASSES);
    }
    return new CifarDataset(pixels, labels);
  }

  private void print(List<Figure> figures, int n, PrintWriter out) {
    out.printf("cifar10 bench: batch %d, %d window(s) of %.1fs after %d warm-up batches, %d core(s) available%n",
        BATCH, windows, window, warmup, n);
    out.printf("%-40s %14s %16s %12s%n", "configuration", "images/s", "images/s/core", "GFLOP/s");
    for (Figure f : figures) {
      out.printf("%-40s %14.0f %16.0f %12.1f%n", f.label(), f.medianImagesPerSecond(),
          f.medianImagesPerSecond() / f.cores(), f.medianImagesPerSecond() * f.flopPerImage() / 1e9);
    }
    out.printf("peak RSS: %s%n", peakRss());
    out.printf("FLOP per image: train %.2f M, eval %.2f M%n", TRAIN_FLOP_PER_IMAGE / 1e6, EVAL_FLOP_PER_IMAGE / 1e6);
    out.flush();
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
