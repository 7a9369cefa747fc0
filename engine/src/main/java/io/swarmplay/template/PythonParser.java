package io.swarmplay.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import io.swarmplay.template.filters.PyDateTime;
import io.swarmplay.template.filters.PyTuple;
import io.swarmplay.template.filters.PythonComparison;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;
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
 * made those read {@code (not r) is failed}. And {@code *} repeats a string or list, as in Python;
 * string literals take Python's escapes ({@link PythonScanner}); comparisons are Python's.
 */
final class PythonParser extends ExtendedParser {

    PythonParser(Builder context, String input) {
        super(context, input);
    }

    @Override
    protected Scanner createScanner(String expression) {
        return new PythonScanner(expression);
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
        if (operator == AstBinary.MUL) return super.createAstBinary(left, right, REPEAT_OR_MUL);
        if (operator == com.hubspot.jinjava.el.ext.AdditionOperator.OP) return super.createAstBinary(left, right, PythonAddition.OP);
        return super.createAstBinary(left, right, operator == AstBinary.SUB ? DATES_OR_SUB : comparison(operator));
    }

    /** Python's comparisons ({@link PythonComparison}) instead of JUEL's, which coerce {@code '1'} to {@code 1}. */
    private static AstBinary.Operator comparison(AstBinary.Operator operator) {
        if (operator == AstBinary.EQ) return python("==");
        if (operator == AstBinary.NE) return python("!=");
        if (operator == AstBinary.LT) return python("<");
        if (operator == AstBinary.LE) return python("<=");
        if (operator == AstBinary.GT) return python(">");
        if (operator == AstBinary.GE) return python(">=");
        return operator;
    }

    private static AstBinary.Operator python(String symbol) {
        return new AstBinary.SimpleOperator() {
            @Override
            protected Object apply(TypeConverter converter, Object a, Object b) {
                return switch (symbol) {
                    case "==" -> PythonComparison.equal(a, b);
                    case "!=" -> !PythonComparison.equal(a, b);
                    default -> PythonComparison.order(symbol, a, b);
                };
            }

            @Override
            public String toString() {
                return symbol;
            }
        };
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

    /** {@code a - b} of two datetimes is a timedelta, as in Python; numbers subtract as before. */
    private static final AstBinary.Operator DATES_OR_SUB = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof PyDateTime x && b instanceof PyDateTime y) return x.minus(y);
            return NumberOperations.sub(converter, a, b);
        }

        @Override
        public String toString() {
            return "-";
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

    /** {@code ()}: the empty tuple, which Jinjava's parser does not know. */
    @Override
    protected AstNode nonliteral() throws Scanner.ScanException, Parser.ParseException {
        if (getToken().getSymbol() == Scanner.Symbol.LPAREN && lookahead(0).getSymbol() == Scanner.Symbol.RPAREN) {
            consumeToken();
            consumeToken();
            return createAstTuple(createAstParameters(new ArrayList<>()));
        }
        return super.nonliteral();
    }

    /** Items of a tuple, list or call, with Python's optional trailing comma ({@code (1,)}, {@code [1, 2,]}). */
    @Override
    protected AstParameters params(Scanner.Symbol start, Scanner.Symbol end) throws Scanner.ScanException, Parser.ParseException {
        consumeToken(start);
        List<AstNode> items = new ArrayList<>();
        AstNode first = item(false);
        if (first != null) {
            items.add(first);
            while (getToken().getSymbol() == Scanner.Symbol.COMMA) {
                consumeToken();
                if (getToken().getSymbol() == end) break;
                items.add(item(true));
            }
        }
        consumeToken(end);
        return createAstParameters(items);
    }

    // Python's *args in a call: lookup('list', *names) passes the list's items
    private AstNode item(boolean required) throws Scanner.ScanException, Parser.ParseException {
        if (getToken().getSymbol() != Scanner.Symbol.MUL) return expr(required);
        consumeToken();
        return createAstUnary(expr(true), SPREAD);
    }

    private static final AstUnary.Operator SPREAD = new AstUnary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object o) {
            return new Spread(o instanceof List<?> l ? l : List.of(o));
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    /** Tuples evaluate to {@link PyTuple}, so they print as Python prints them. */
    @Override
    protected AstTuple createAstTuple(AstParameters parameters) {
        return new AstTuple(parameters) {
            @Override
            public Object eval(Bindings bindings, ELContext context) {
                return new PyTuple(new ArrayList<>((List<?>) super.eval(bindings, context)));
            }
        };
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
