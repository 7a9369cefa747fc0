package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.List;

/** Every filter and test swarmplay adds to (or replaces in) Jinjava. */
public final class Library {

    private Library() {
    }

    public static List<Filter> filters() {
        List<Filter> all = new ArrayList<>();
        all.addAll(TypeFilters.all());
        all.addAll(StringFilters.all());
        all.addAll(RegexFilters.all());
        all.addAll(HashFilters.all());
        all.addAll(SerialisationFilters.all());
        all.addAll(CollectionFilters.all());
        all.addAll(SelectionFilters.all());
        all.addAll(MathFilters.all());
        all.addAll(UrlFilters.all());
        all.addAll(PathFilters.all());
        all.addAll(DateFilters.all());
        all.addAll(VaultFilters.all());
        return all;
    }

    public static List<ExpTest> tests() {
        return AnsibleTests.all();
    }
}
