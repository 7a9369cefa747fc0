package io.swarmplay.source;

import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * A snakeyaml {@link Parser} that stops a document nesting deeper than {@link YamlLimits#MAX_DEPTH}
 * (snakeyaml's composer recurses once per level and would overflow the stack) or holding more than
 * {@link YamlLimits#MAX_VALUES} values (each costs memory in the composer), and remembers where
 * each alias ({@code *name}) was written: the composer replaces aliases by the node they name, so
 * without this no message could point at the alias that made a value recursive or too large.
 */
final class GuardedParser implements Parser {

    /** An alias as written: {@code *name} at {@code mark}. */
    record Alias(String name, Mark mark) {
    }

    /** The document is past a limit: {@link #summary} says which, {@link #mark} where. */
    static final class Refused extends RuntimeException {
        final transient Mark mark;
        final String summary;
        final String hint;

        Refused(String summary, String hint, Mark mark) {
            super(summary, null, false, false);
            this.summary = summary;
            this.hint = hint;
            this.mark = mark;
        }
    }

    private final Parser parser;
    private final List<Alias> aliases = new ArrayList<>();
    private int depth;
    private int values;

    GuardedParser(Parser parser) {
        this.parser = parser;
    }

    /** The aliases seen so far, in document order. */
    List<Alias> aliases() {
        return aliases;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case SequenceStart, MappingStart -> {
                count(event);
                if (++depth > YamlLimits.MAX_DEPTH) {
                    throw new Refused("yaml nests more than " + YamlLimits.MAX_DEPTH + " levels deep", null,
                            event.getStartMark().orElse(null));
                }
            }
            case SequenceEnd, MappingEnd -> depth--;
            case Scalar -> count(event);
            case Alias -> event.getStartMark().ifPresent(m -> aliases.add(new Alias(((AliasEvent) event).getAlias().getValue(), m)));
            default -> {
                // documents, comments: nothing to count
            }
        }
        return event;
    }

    private void count(Event event) {
        if (++values > YamlLimits.MAX_VALUES) {
            throw new Refused("yaml file holds more than " + YamlLimits.MAX_VALUES + " values", null,
                    event.getStartMark().orElse(null));
        }
    }
}
