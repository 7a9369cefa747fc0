package io.swarmplay.report;

/** ANSI colours as Ansible uses them, or none when output is not a terminal or colour is off. */
public final class Style {

    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return new Style(false);
    }

    public String green(String s) {
        return paint("32", s);
    }

    public String yellow(String s) {
        return paint("33", s);
    }

    public String red(String s) {
        return paint("31", s);
    }

    public String cyan(String s) {
        return paint("36", s);
    }

    public String magenta(String s) {
        return paint("35", s);
    }

    public String dim(String s) {
        return paint("2", s);
    }

    public String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
