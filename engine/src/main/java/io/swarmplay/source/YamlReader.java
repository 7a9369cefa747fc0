package io.swarmplay.source;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads YAML with snakeyaml-engine's {@code Compose} API into a {@link YamlNode} tree that keeps
 * every position. Scalars follow the YAML 1.2 core schema plus the YAML 1.1 booleans Ansible users
 * write ({@code yes/no/on/off}); quoted scalars stay strings; {@code <<} merge keys are resolved.
 *
 * <p>Problems never escape as exceptions: a syntax error, an unreadable file or a suspicious value
 * becomes a {@link Diagnostic} (with a hint for the classic mistakes) and the read returns empty.
 * A key written twice is a <em>warning</em> (the later value wins), as in Ansible.
 * Every file read is registered with {@link Diagnostics#addSource} so messages can quote it.
 */
public final class YamlReader {

    private final Diagnostics diagnostics;

    public YamlReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
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
        diagnostics.addSource(source);
        Optional<Node> root;
        try {
            root = compose(source);
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(SyntaxHints.diagnose(e, source));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error("yaml error: " + e.getMessage(), new SourcePosition(source.path(), 1, 1)));
            return Optional.empty();
        }
        NodeConverter converter = new NodeConverter(source, diagnostics);
        if (root.isEmpty()) return Optional.of(converter.emptyDocument());
        return Optional.ofNullable(converter.convert(root.get()));
    }

    private static Optional<Node> compose(SourceFile source) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.path().toString())
                .setSchema(new AnsibleSchema())
                .setAllowDuplicateKeys(true)
                .build();
        return new Compose(settings).composeString(source.text());
    }

    /** The 1-based position of a 0-based snakeyaml mark. */
    static SourcePosition position(Path file, Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
