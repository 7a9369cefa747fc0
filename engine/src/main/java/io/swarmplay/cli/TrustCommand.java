package io.swarmplay.cli;

import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.ssh.HostKeys;
import io.swarmplay.connection.ssh.ScannedKey;
import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.run.ExitStatus;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code swarmplay trust [-i INVENTORY]... HOST...}: shows the SSH host keys the hosts offer (type
 * and SHA256 fingerprint) and, once confirmed, records them in the host's known_hosts — the
 * deliberate alternative to a prompt in the middle of a run, which swarmplay never shows. A key
 * that replaces a changed one is always announced (also with {@code --yes}) and the old line is
 * replaced, never kept; a key marked {@code @revoked} is never recorded.
 */
@Command(name = "swarmplay trust", description = "Show the SSH host keys of hosts and record them in known_hosts.")
public final class TrustCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "inventory (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Parameters(paramLabel = "HOST", arity = "1..*", description = "inventory hosts or patterns")
    List<String> patterns = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "record without asking (after checking the fingerprints elsewhere)")
    boolean yes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final PrintWriter out;
    private final PrintWriter err;

    TrustCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = InventoryLoader.load(inventories, diagnostics);
        diagnostics.throwIfErrors();
        List<Host> hosts = new ArrayList<>();
        for (String pattern : patterns) hosts.addAll(inventory.select(pattern));
        if (hosts.isEmpty()) {
            err.println("error: no inventory host matches " + String.join(", ", patterns));
            return ExitStatus.USAGE.code();
        }
        int failures = 0;
        for (Host host : hosts) failures += trust(settings(inventory, host)) ? 0 : 1;
        return failures == 0 ? ExitStatus.OK.code() : ExitStatus.NOT_CONTACTED.code();
    }

    private boolean trust(ConnectionSettings settings) {
        String where = settings.hostName() + " (" + settings.address() + ":" + settings.port() + ")";
        try {
            List<ScannedKey> keys = new ArrayList<>(HostKeys.scan(settings));
            out.println(where + " offers:");
            for (ScannedKey key : keys) out.println("  " + key.type() + " " + key.fingerprint());
            Map<ScannedKey, String> revoked = HostKeys.revoked(settings, keys);
            revoked.forEach((key, line) -> err.println("  REVOKED: " + key.type() + " " + key.fingerprint() + " is marked"
                    + " @revoked at " + line + "; not recording it"));
            keys.removeAll(revoked.keySet());
            if (keys.isEmpty() || !confirmed(where, warnChanged(settings, keys))) return false;
            record(settings, keys);
            return revoked.isEmpty();
        } catch (ConnectionException e) {
            err.println("error: cannot read the host keys of " + where + ": " + e.getMessage());
            return false;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return false;
        }
    }

    /** Warns, always, about every line whose key the host no longer has; true when there is one. */
    private boolean warnChanged(ConnectionSettings settings, List<ScannedKey> keys) {
        List<HostKeys.Replaced> changes = HostKeys.changes(settings, keys);
        for (HostKeys.Replaced change : changes) {
            err.println("  WARNING: HOST KEY CHANGED for " + settings.hostName() + ": " + change.describe()
                    + "; recording replaces the old key, which will no longer be trusted");
        }
        return !changes.isEmpty();
    }

    private void record(ConnectionSettings settings, List<ScannedKey> keys) {
        HostKeys.Recorded done = HostKeys.record(settings, keys);
        for (HostKeys.Replaced r : done.replaced()) out.println("  replaced " + r.describe());
        if (!done.added().isEmpty()) out.println("  recorded in " + done.file());
        if (done.added().isEmpty() && done.replaced().isEmpty()) out.println("  already trusted in " + done.file());
    }

    private boolean confirmed(String where, boolean changed) {
        if (yes) return true;
        Console console = System.console();
        if (console == null) {
            err.println("  not recorded: check these fingerprints with the host's administrator, then run again with --yes");
            return false;
        }
        String answer = console.readLine(changed ? "  replace the changed key and record these keys for %s? [y/N] "
                : "  record these keys for %s? [y/N] ", where);
        return answer != null && answer.strip().toLowerCase().startsWith("y");
    }

    /** The host's connection settings from its inventory variables (templated values rendered). */
    private static ConnectionSettings settings(Inventory inventory, Host host) {
        Map<String, Object> vars = new LinkedHashMap<>(inventory.groupVarsFor(host));
        vars.putAll(host.vars());
        vars.put("inventory_hostname", host.name());
        boolean templated = vars.values().stream().anyMatch(v -> v instanceof String s && s.contains("{{"));
        if (templated) {
            Templar templar = Templar.create();
            for (Map.Entry<String, Object> e : vars.entrySet()) {
                e.setValue(templar.render(e.getValue(), vars, SourcePosition.UNKNOWN));
            }
        }
        return ConnectionSettings.from(host.name(), vars);
    }
}
