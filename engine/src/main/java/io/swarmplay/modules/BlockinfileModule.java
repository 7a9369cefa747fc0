package io.swarmplay.modules;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.PythonRegex;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.TextFileEdit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a block of lines between two marker lines in a file: inserts it, replaces the block between
 * the markers, or removes it ({@code state: absent}, or an empty {@code block}).
 * <pre>{@code
 * - blockinfile:
 *     path: /etc/ssh/sshd_config
 *     marker: "# {mark} swarmplay: sftp"
 *     insertafter: '^Subsystem'
 *     block: |
 *       Match User deploy
 *         ForceCommand internal-sftp
 * }</pre>
 * A new block goes after the last line {@code insertafter} matches (before the last line
 * {@code insertbefore} matches; {@code BOF}/{@code EOF}), else at the end. Registers {@code msg}
 * ({@code Block inserted}, {@code Block removed}, {@code File created}) and {@code backup_file}.
 */
@ModuleInfo(name = "blockinfile", checkMode = CheckSupport.FULL, diff = true)
public final class BlockinfileModule implements Module<BlockinfileModule.Args> {

    /** {@code unsafe_writes} and the SELinux/attribute arguments are accepted and change nothing here. */
    public record Args(@Required @Alias({"dest", "destfile", "name"}) @Doc("the file to modify") String path,
                       @Choices({"present", "absent"}) String state,
                       @Default("# {mark} ANSIBLE MANAGED BLOCK") @Doc("marker line template; {mark} becomes marker_begin or marker_end")
                       String marker,
                       @Default("") @Alias("content") @Doc("the lines between the markers") String block,
                       @Doc("regular expression of the line to insert after, or EOF") String insertafter,
                       @Doc("regular expression of the line to insert before, or BOF") String insertbefore,
                       @Doc("create the file when it does not exist") boolean create,
                       @Doc("keep a timestamped copy of the original file") boolean backup,
                       @Doc("command run on the new file (%s) before it replaces the original") String validate,
                       @Default("BEGIN") String marker_begin, @Default("END") String marker_end,
                       Object mode, String owner, String group, boolean unsafe_writes, @Alias("attr") String attributes,
                       String seuser, String serole, String selevel, String setype) {

        public Args {
            if (insertafter != null && insertbefore != null) {
                throw new ModuleException("parameters are mutually exclusive: insertbefore|insertafter");
            }
        }
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        TextFileEdit file = new TextFileEdit(args.path(), StandardCharsets.UTF_8, args.mode(), args.owner(), args.group(),
                args.backup(), args.validate());
        Optional<String> original = file.read(host);
        boolean present = args.state().equals("present");
        if (original.isEmpty() && !args.create()) {
            throw new ModuleException("Path " + args.path() + " does not exist !", Map.of("rc", 257));
        }
        if (original.isEmpty() && !present) {
            return Results.none("File " + args.path() + " not present", Map.of("msg", "File " + args.path() + " not present"));
        }
        List<String> lines = original.map(BlockinfileModule::splitLines).orElseGet(ArrayList::new);
        String result = String.join("", edit(args, lines, original.orElse("")));
        String msg = original.isEmpty() ? "File created" : !present || args.block().isEmpty() ? "Block removed" : "Block inserted";
        return file.plan(original.orElse(null), result, msg, host);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return new TextFileEdit(args.path(), StandardCharsets.UTF_8, args.mode(), args.owner(), args.group(),
                args.backup(), args.validate()).apply(change, host);
    }

    /** Ansible's algorithm: drop the old block, then put the new one where the old one was or where asked. */
    private static List<String> edit(Args args, List<String> lines, String original) {
        String begin = args.marker().replace("{mark}", args.marker_begin()) + "\n";
        String end = args.marker().replace("{mark}", args.marker_end()) + "\n";
        List<String> block = new ArrayList<>();
        if (args.state().equals("present") && !args.block().isEmpty()) {
            block.add(begin);
            block.addAll(splitLines(args.block().endsWith("\n") ? args.block() : args.block() + "\n"));
            block.add(end);
        }
        int n0 = lines.lastIndexOf(begin);
        int n1 = lines.lastIndexOf(end);
        int at;
        if (n0 < 0 || n1 < 0) {
            at = insertionPoint(args, lines, original);
        } else {
            at = Math.min(n0, n1);
            lines.subList(at, Math.max(n0, n1) + 1).clear();
        }
        if (at > 0 && !lines.get(at - 1).endsWith("\n")) lines.set(at - 1, lines.get(at - 1) + "\n");
        lines.addAll(at, block);
        return lines;
    }

    private static int insertionPoint(Args args, List<String> lines, String original) {
        String after = args.insertafter();
        String before = args.insertbefore();
        if (after == null && before == null) after = "EOF";
        String regex = after != null && !after.equals("EOF") ? after : before != null && !before.equals("BOF") ? before : null;
        if (regex == null) return before != null ? 0 : lines.size();
        Pattern pattern = PythonRegex.compile(regex, 0);
        Integer found = null;
        if (regex.startsWith("(?m)")) {
            Matcher m = pattern.matcher(original);
            if (m.find()) found = count(original, after != null ? m.end() : m.start());
        } else {
            for (int i = 0; i < lines.size(); i++) if (pattern.matcher(lines.get(i)).find()) found = i;
        }
        if (found == null) return lines.size();
        return after != null ? found + 1 : found;
    }

    private static int count(String text, int end) {
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    /** Python's {@code splitlines(True)} for \n-separated text: each line keeps its newline. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }
}
