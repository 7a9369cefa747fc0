package io.swarmplay.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's precedence of {@code not}: it binds looser than comparisons, {@code in} and tests, so
 * {@code not r is failed} is {@code not (r is failed)} and {@code not 'a' in xs} is
 * {@code not ('a' in xs)}. Jinjava's parser (JUEL's) binds {@code not} like a unary minus, which
 * made those read {@code (not r) is failed}. And {@code *} repeats a string or list, as in Python.
 */
final class PythonParser extends ExtendedParser {

    PythonParser(Builder context, String input) {
        super(context, input);
    }

    @Override
    protected AstNode eq(boolean required) throws Scanner.ScanException, Parser.ParseException {
        if (getToken().getSymbol() == Scanner.Symbol.NOT) {
            consumeToken();
            return createAstUnary(eq(true), AstUnary.NOT);
        }
        return super.eq(required);
    }

    /** Python's {@code *} on a string or list and an integer repeats it ({@code 'ab ' * 3}); numbers multiply as before. */
    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        return super.createAstBinary(left, right, operator == AstBinary.MUL ? REPEAT_OR_MUL : operator);
    }

    private static final AstBinary.Operator REPEAT_OR_MUL = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (isInteger(b) && (a instanceof CharSequence || a instanceof List<?>)) return repeat(a, ((Number) b).intValue());
            if (isInteger(a) && (b instanceof CharSequence || b instanceof List<?>)) return repeat(b, ((Number) a).intValue());
            return NumberOperations.mul(converter, a, b);
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    private static Object repeat(Object sequence, int times) {
        if (sequence instanceof CharSequence s) return s.toString().repeat(Math.max(0, times));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) out.addAll((List<?>) sequence);
        return out;
    }

    /** The tree builder Jinjava's expression factory instantiates (by class name, so public). */
    public static final class SyntaxBuilder extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        public SyntaxBuilder(Builder.Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }
}
