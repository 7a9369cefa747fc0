package io.swarmplay.ml;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The environment contract of the seed's program: an option without a flag takes its value from
 * the environment variable named here, else from its annotated default. Flags always win.
 */
public final class EnvDefaults implements IDefaultValueProvider {
  /** Option long name → environment variable. */
  public static final Map<String, String> VARIABLES = Map.ofEntries(
      Map.entry("--data", "DATA_DIR"),
      Map.entry("--model-dir", "MODEL_DIR"),
      Map.entry("--epochs", "MAX_EPOCHS"),
      Map.entry("--min-peers", "MIN_PEERS"),
      Map.entry("--batch-size", "BATCH_SIZE"),
      Map.entry("--sync-frequency", "SYNC_FREQUENCY"),
      Map.entry("--seed", "SEED"),
      Map.entry("--sync", "SYNC"),
      Map.entry("--sync-dir", "SYNC_DIR"),
      Map.entry("--sync-timeout", "SYNC_TIMEOUT"),
      Map.entry("--merge-method", "MERGE_METHOD"),
      Map.entry("--peer-id", "PEER_ID"),
      Map.entry("--shard", "SHARD"),
      Map.entry("--threads", "TF_THREADS"));

  private final Map<String, String> env;

  /** @param env the environment (normally {@link System#getenv()}) */
  public EnvDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      String variable = VARIABLES.get(option.longestName());
      String value = variable == null ? null : env.get(variable);
      return value == null || value.isBlank() ? null : value.trim();
    }
    return null;
  }
}
