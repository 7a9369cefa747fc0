package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code urlsplit} (Python's {@code urllib.parse.urlsplit} as a mapping) and {@code urldecode}. */
public final class UrlFilters {

    private static final Pattern URL = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$");
    private static final List<String> PARTS = List.of("fragment", "hostname", "netloc", "password", "path", "port",
            "query", "scheme", "username");

    private UrlFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("urlsplit", UrlFilters::urlsplit),
                AnsibleFilter.of("urldecode", (v, a) -> URLDecoder.decode(Values.str(v), StandardCharsets.UTF_8)));
    }

    private static Object urlsplit(Object v, Args a) {
        Map<String, Object> parts = split(Values.str(v));
        String query = a.string(0, "query", "");
        if (query.isEmpty()) return parts;
        if (!PARTS.contains(query)) throw new FilterException("urlsplit: unknown URL component: " + query);
        return parts.get(query);
    }

    /** Ansible's {@code uri} test: any string parses as a URI; {@code schemes} restricts its scheme. */
    static boolean isUri(Object v, Object schemes) {
        Object value = Values.unwrap(v);
        if (!(value instanceof CharSequence text)) return false;
        Object allowed = Values.unwrap(schemes);
        if (allowed == null || !Values.truthy(allowed)) return true;
        return Values.contains(Values.list(allowed, "uri"), split(text.toString()).get("scheme"));
    }

    /** Ansible's {@code url} test: a URI with a network location, or a {@code file:} one. */
    static boolean isUrl(Object v, Object schemes) {
        if (!isUri(v, schemes)) return false;
        Map<String, Object> parts = split(Values.str(Values.unwrap(v)));
        return !parts.get("netloc").toString().isEmpty() || parts.get("scheme").equals("file");
    }

    static Map<String, Object> split(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) throw new FilterException("urlsplit: cannot parse " + url);
        String netloc = m.group(2) == null ? "" : m.group(2);
        int at = netloc.lastIndexOf('@');
        String userinfo = at < 0 ? null : netloc.substring(0, at);
        String hostport = at < 0 ? netloc : netloc.substring(at + 1);
        Matcher hp = Pattern.compile("^(\\[[^]]*]|[^:]*)(?::(\\d*))?$").matcher(hostport);
        String host = hp.matches() ? hp.group(1) : hostport;
        String port = hp.matches() ? hp.group(2) : null;
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("fragment", m.group(5) == null ? "" : m.group(5));
        parts.put("hostname", host.isEmpty() ? null : host.replaceAll("^\\[|]$", "").toLowerCase(java.util.Locale.ROOT));
        parts.put("netloc", netloc);
        parts.put("password", userinfo != null && userinfo.contains(":") ? userinfo.substring(userinfo.indexOf(':') + 1) : null);
        parts.put("path", m.group(3));
        parts.put("port", port == null || port.isEmpty() ? null : Integer.parseInt(port));
        parts.put("query", m.group(4) == null ? "" : m.group(4));
        parts.put("scheme", m.group(1) == null ? "" : m.group(1).toLowerCase(java.util.Locale.ROOT));
        parts.put("username", userinfo == null ? null : userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo);
        return parts;
    }
}
