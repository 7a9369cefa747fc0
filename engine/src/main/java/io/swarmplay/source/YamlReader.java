package io.swarmplay.source;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads YAML with snakeyaml-engine's {@code Compose} API into a {@link YamlNode} tree that keeps
 * every position. Scalars follow the YAML 1.2 core schema plus the YAML 1.1 booleans Ansible users
 * write ({@code yes/no/on/off}); quoted scalars stay strings; {@code <<} merge keys are resolved.
 *
 * <p>Problems never escape as exceptions: a syntax error, an unreadable file or a suspicious value
 * becomes a {@link Diagnostic} (with a hint for the classic mistakes) and the read returns empty.
 * A key written twice is a <em>warning</em> (the later value wins), as in Ansible.
 * Every file read is registered with {@link Diagnostics#addSource} so messages can quote it.
 *
 * <p>Hostile files are refused with their position, in bounded time and memory (see
 * {@link YamlLimits}): nesting too deep, too many values, aliases that expand too far or refer to
 * the value that contains them, and tags swarmplay cannot honour ({@code !!python/...}). Vault-encrypted files and {@code !vault}
 * values are decrypted with the {@link Vault} given.
 */
public final class YamlReader {

    private final Diagnostics diagnostics;
    private final Vault vault;

    /** A reader for files that hold no vault data (an encrypted value is an error saying how to give a password). */
    public YamlReader(Diagnostics diagnostics) {
        this(diagnostics, Vault.none());
    }

    /** A reader that decrypts vault-encrypted files and {@code !vault} values with {@code vault}'s secrets. */
    public YamlReader(Diagnostics diagnostics, Vault vault) {
        this.diagnostics = diagnostics;
        this.vault = vault;
    }

    /**
     * Reads {@code file}; on a missing or unreadable file reports an error at {@code referencedAt}
     * (the place that named the file, or {@link SourcePosition#UNKNOWN}).
     *
     * @return the document's root (a null scalar for an empty file), or empty after an error
     */
    public Optional<YamlNode> read(Path file, SourcePosition referencedAt) {
        try {
            return read(SourceFile.read(file));
        } catch (NoSuchFileException e) {
            diagnostics.add(Diagnostic.error("file '" + file + "' does not exist", referencedAt));
        } catch (SourceFile.Unreadable e) {
            if (e.lossy() != null) diagnostics.addSource(e.lossy());
            diagnostics.add(Diagnostic.error(e.getMessage(), e.at().isKnown() ? e.at() : referencedAt));
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error("cannot read '" + file + "': " + e.getMessage(), referencedAt));
        }
        return Optional.empty();
    }

    /** Reads {@code file}, reporting a missing file without a position. */
    public Optional<YamlNode> read(Path file) {
        return read(file, SourcePosition.UNKNOWN);
    }

    /** Parses an already read source (registered for snippets). */
    public Optional<YamlNode> read(SourceFile source) {
        if (Vault.isEncrypted(source.text())) {
            return decrypt(source).flatMap(this::read).map(root -> {
                vault.learn(root.value());
                return root;
            });
        }
        Optional<List<Node>> roots = compose(source, composer -> composer.getSingleNode().map(List::of).orElse(List.of()));
        if (roots.isEmpty()) return Optional.empty();
        NodeConverter converter = new NodeConverter(source, diagnostics, aliases, vault);
        if (roots.get().isEmpty()) return Optional.of(converter.emptyDocument());
        return Optional.ofNullable(converter.convert(roots.get().get(0)));
    }

    /** Every document of a stream ({@code ---} separated), for {@code from_yaml_all}; empty after an error. */
    public Optional<List<YamlNode>> readAll(SourceFile source) {
        Optional<List<Node>> roots = compose(source, composer -> {
            List<Node> all = new ArrayList<>();
            composer.forEachRemaining(all::add);
            return all;
        });
        if (roots.isEmpty()) return Optional.empty();
        NodeConverter converter = new NodeConverter(source, diagnostics, aliases, vault);
        List<YamlNode> docs = new ArrayList<>();
        for (Node root : roots.get()) {
            YamlNode doc = converter.convert(root);
            if (doc == null) return Optional.empty();
            docs.add(doc);
        }
        return Optional.of(docs);
    }

    private List<GuardedParser.Alias> aliases = List.of();

    /** A vault-encrypted file's plaintext, under the same path; empty after reporting why it cannot be decrypted. */
    public Optional<SourceFile> decrypt(SourceFile source) {
        diagnostics.addSource(source);
        try {
            return Optional.of(SourceFile.of(source.path(), vault.decrypt(source.text())));
        } catch (Vault.VaultException e) {
            diagnostics.add(Diagnostic.error("cannot decrypt '" + source.path() + "': " + e.getMessage(), start(source))
                    .withWidth(Math.max(1, source.lines().get(0).strip().length())).withHint(e.hint()));
            return Optional.empty();
        }
    }

    private Optional<List<Node>> compose(SourceFile source, Function<Composer, List<Node>> documents) {
        diagnostics.addSource(source);
        LoadSettings settings = settings(source);
        GuardedParser parser = new GuardedParser(new ParserImpl(settings, new StreamReader(settings, source.text())));
        aliases = parser.aliases();
        try {
            return Optional.of(documents.apply(new Composer(settings, parser)));
        } catch (GuardedParser.Refused e) {
            Diagnostic d = Diagnostic.error(e.summary, e.mark == null ? start(source) : position(source.path(), e.mark));
            diagnostics.add(e.hint == null ? d : d.withHint(e.hint));
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(SyntaxHints.diagnose(e, source));
        } catch (ReaderException e) {
            diagnostics.add(Diagnostic.error(String.format("yaml files cannot contain the character U+%04X", e.getCodePoint()),
                    codePointPosition(source, e.getPosition())).withHint(String.format("remove it, or write it as the escape \\u%04X in a double-quoted string", e.getCodePoint())));
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error("yaml error: " + describe(e), start(source)));
        }
        return Optional.empty();
    }

    private static LoadSettings settings(SourceFile source) {
        return LoadSettings.builder()
                .setLabel(source.path().toString())
                .setSchema(new AnsibleSchema())
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(YamlLimits.MAX_CHARS)
                .setBufferSize(bufferSize(source.text().length()))
                // NodeConverter bounds what aliases expand to, and says where: snakeyaml's count of 50 would
                // refuse ordinary files that reuse `<<: *defaults` often, and without a position
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .build();
    }

    /**
     * snakeyaml's read buffer, allocated (and zeroed) once per parse: the whole text where it is
     * shorter than 1 MiB, else 1 MiB. snakeyaml copies its window on each refill: with its default
     * 1 KiB a long scalar costs quadratic time (a 9 MB one took 54 s), 1 MiB refills make it linear in
     * practice; a fixed 1 MiB cost every small parse 2 MB of zeroed memory (the CIFAR-10 plan parses a
     * rendered file per step: 160 MB per run).
     */
    static int bufferSize(int chars) {
        return Math.max(1024, Math.min(1 << 20, chars + 1));
    }

    /** The 1-based line and column of the {@code index}-th code point of the text. */
    private static SourcePosition codePointPosition(SourceFile source, int index) {
        String text = source.text();
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < index && offset < text.length(); i++) {
            int cp = text.codePointAt(offset);
            offset += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(source.path(), line, column);
    }

    private static SourcePosition start(SourceFile source) {
        return new SourcePosition(source.path(), 1, 1);
    }

    private static String describe(YamlEngineException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("exceeds the limit")) return "the file has more than " + YamlLimits.MAX_CHARS + " characters";
        return m;
    }

    /** The 1-based position of a 0-based snakeyaml mark. */
    static SourcePosition position(Path file, Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
