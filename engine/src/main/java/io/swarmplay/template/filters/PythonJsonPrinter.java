package io.swarmplay.template.filters;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;

import java.io.IOException;

/**
 * Jackson output laid out as Python's json.dumps: {@code {"a": 1, "b": [1, 2]}} without indent,
 * and with indent n one item per line, {@code ","} line ends and {@code "{}"} for empty containers.
 */
final class PythonJsonPrinter implements PrettyPrinter, Instantiatable<PythonJsonPrinter> {

    private final int indent;
    private int depth;

    PythonJsonPrinter(int indent) {
        this.indent = indent;
    }

    @Override
    public PythonJsonPrinter createInstance() {
        return new PythonJsonPrinter(indent);
    }

    private void newline(JsonGenerator g) throws IOException {
        if (indent > 0) g.writeRaw("\n" + " ".repeat(indent * depth));
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) newline(g);
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(indent > 0 ? "," : ", ");
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (values > 0) newline(g);
        g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        writeObjectEntrySeparator(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }
}
