package io.swarmplay.source;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import java.util.regex.Pattern;

/** Turns a snakeyaml syntax error into a diagnostic, with a hint for the classic mistakes. */
final class SyntaxHints {

    static final String QUOTE_JINJA = "quote the whole value: key: \"{{ var }}\"";
    static final String NO_TABS = "indent with spaces; YAML does not allow tabs in indentation";
    static final String SPACE_AFTER_COLON = "put a space after the colon: `key: value`";

    /** A key glued to its value: {@code hosts:all}, {@code - name:x} (but not {@code http://}). */
    private static final Pattern GLUED_COLON = Pattern.compile("^\\s*(- )?[A-Za-z_][\\w.-]*:[^\\s:/].*");
    private static final Pattern UNQUOTED_JINJA = Pattern.compile("(^|[:\\-,\\[]\\s*)\\{\\{");

    private SyntaxHints() {
    }

    static Diagnostic diagnose(MarkedYamlEngineException e, SourceFile source) {
        Mark mark = pointOf(e);
        SourcePosition at = mark == null ? new SourcePosition(source.path(), 1, 1)
                : YamlReader.position(source.path(), mark);
        Diagnostic d = Diagnostic.error("yaml syntax error: " + summary(e), at);
        String hint = hint(e, source);
        return hint == null ? d : d.withHint(hint);
    }

    private static String summary(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "invalid yaml" : e.getProblem();
        problem = problem.replace("\t", "\\t");
        return e.getContext() == null ? problem : problem + " (" + e.getContext() + ")";
    }

    // "could not find expected ':'" is reported on the line after the culprit: point at the key;
    // a quote left open is reported where the file ends: point at the quote
    private static Mark pointOf(MarkedYamlEngineException e) {
        if (e.getContext() != null && e.getContextMark().isPresent()
                && (e.getContext().contains("simple key") || isOpenQuote(e))) {
            return e.getContextMark().get();
        }
        return e.getProblemMark().or(e::getContextMark).orElse(null);
    }

    private static boolean isOpenQuote(MarkedYamlEngineException e) {
        return e.getContext().contains("quoted scalar") && e.getProblem() != null && e.getProblem().contains("end of stream");
    }

    private static String hint(MarkedYamlEngineException e, SourceFile source) {
        String problemLine = lineOf(e.getProblemMark().orElse(null), source);
        String contextLine = lineOf(e.getContextMark().orElse(null), source);
        if (isJinja(problemLine) || isJinja(contextLine)) return QUOTE_JINJA;
        if (hasTab(e, problemLine)) return NO_TABS;
        if (isGlued(problemLine) || isGlued(contextLine)) return SPACE_AFTER_COLON;
        return null;
    }

    private static String lineOf(Mark mark, SourceFile source) {
        return mark == null ? null : source.line(mark.getLine() + 1);
    }

    private static boolean isJinja(String line) {
        return line != null && UNQUOTED_JINJA.matcher(line.strip()).find();
    }

    private static boolean hasTab(MarkedYamlEngineException e, String line) {
        boolean tabProblem = e.getProblem() != null && e.getProblem().contains("\t");
        return tabProblem || (line != null && line.replaceFirst("[^ \\t].*", "").contains("\t"));
    }

    private static boolean isGlued(String line) {
        return line != null && GLUED_COLON.matcher(line).matches();
    }
}
