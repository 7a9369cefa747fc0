package io.swarmplay.template.filters;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** Python's naive {@code datetime.datetime}: what {@code now()} and {@code to_datetime} give. */
public record PyDateTime(LocalDateTime value) implements PythonObject, Comparable<PyDateTime> {

    @Override
    public String pythonType() {
        return "datetime";
    }

    @Override
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(switch (name) {
            case "year" -> value.getYear();
            case "month" -> value.getMonthValue();
            case "day" -> value.getDayOfMonth();
            case "hour" -> value.getHour();
            case "minute" -> value.getMinute();
            case "second" -> value.getSecond();
            case "microsecond" -> value.getNano() / 1000;
            default -> null;
        });
    }

    @Override
    public Optional<Object> call(String method, Object[] args) {
        return Optional.ofNullable(switch (method) {
            case "strftime" -> PythonTime.format(Values.str(args[0]), value);
            case "isoformat" -> str().replace(' ', 'T');
            case "timestamp" -> value.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() / 1000.0;
            case "weekday" -> value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> value.getDayOfWeek().getValue();
            default -> null;
        });
    }

    /** {@code a - b}: a timedelta. */
    public PyTimedelta minus(PyDateTime other) {
        return new PyTimedelta(Duration.between(other.value, value));
    }

    @Override
    public int compareTo(PyDateTime o) {
        return value.compareTo(o.value);
    }

    /** Python's {@code str(datetime)}: {@code 2020-03-26 18:32:02} with {@code .ffffff} when there are microseconds. */
    public String str() {
        return PythonTime.format(value.getNano() / 1000 == 0 ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M:%S.%f", value);
    }

    @Override
    public String toString() {
        return str();
    }
}
