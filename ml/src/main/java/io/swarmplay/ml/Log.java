package io.swarmplay.ml;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Log lines in the seed program's style ({@code <time> : cifar10 : INFO : message}) on standard
 * output, so that people can read them and playbooks can grep them.
 */
public final class Log {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
  private static volatile PrintStream out = System.out;
  private static volatile boolean debug;

  private Log() {
  }

  /** Redirects the log (tests) and returns the previous stream. */
  public static PrintStream redirect(PrintStream stream) {
    PrintStream previous = out;
    out = stream;
    return previous;
  }

  /** Enables or disables DEBUG lines. */
  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  /** Logs an INFO line; {@code format} follows {@link String#format} with the root locale. */
  public static void info(String format, Object... args) {
    line("INFO", format, args);
  }

  /** Logs a WARNING line. */
  public static void warn(String format, Object... args) {
    line("WARNING", format, args);
  }

  /** Logs a DEBUG line when debug output is enabled. */
  public static void debug(String format, Object... args) {
    if (debug) {
      line("DEBUG", format, args);
    }
  }

  private static void line(String level, String format, Object... args) {
    String message = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
    out.println(LocalDateTime.now().format(TIME) + " : cifar10 : " + level + " : " + message);
    out.flush();
  }
}
