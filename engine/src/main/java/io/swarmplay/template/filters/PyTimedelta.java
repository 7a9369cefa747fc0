package io.swarmplay.template.filters;

import java.time.Duration;
import java.util.Optional;

/** Python's {@code datetime.timedelta}: the difference of two datetimes. */
public record PyTimedelta(Duration value) implements PythonObject, Comparable<PyTimedelta> {

    private static final long DAY = 86_400;

    @Override
    public String pythonType() {
        return "timedelta";
    }

    @Override
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(switch (name) {
            case "days" -> Values.integral(Math.floorDiv(value.getSeconds(), DAY));
            case "seconds" -> (int) Math.floorMod(value.getSeconds(), DAY);
            case "microseconds" -> value.getNano() / 1000;
            default -> null;
        });
    }

    @Override
    public Optional<Object> call(String method, Object[] args) {
        if (!method.equals("total_seconds")) return Optional.empty();
        return Optional.of(value.getSeconds() + value.getNano() / 1000 / 1e6);
    }

    @Override
    public int compareTo(PyTimedelta o) {
        return value.compareTo(o.value);
    }

    /** Python's {@code str(timedelta)}: {@code 2 days, 1:02:03} or {@code -1 day, 23:59:59.500000}. */
    @Override
    public String toString() {
        long days = Math.floorDiv(value.getSeconds(), DAY);
        long rest = Math.floorMod(value.getSeconds(), DAY);
        String clock = String.format("%d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        int micros = value.getNano() / 1000;
        if (micros != 0) clock += String.format(".%06d", micros);
        if (days == 0) return clock;
        return days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
    }
}
