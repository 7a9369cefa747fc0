package io.swarmplay.ml;

/**
 * A failure the user can act on (bad data, wrong model, peers missing). The message alone must say
 * what went wrong and what to do; the command line prints it without a stack trace.
 */
public class MlException extends RuntimeException {
  /** @param message a complete, user-facing explanation */
  public MlException(String message) {
    super(message);
  }

  /**
   * @param message a complete, user-facing explanation
   * @param cause the underlying error, shown only with {@code --verbose}
   */
  public MlException(String message, Throwable cause) {
    super(message, cause);
  }
}
