package io.swarmplay.connection;

/**
 * On a fresh host of an offline plan: which objects earlier steps of the plan create, named by
 * the module that manages them and the object's name ({@code docker_container}, {@code sn-1}).
 * A later step that looks at such an object finds it, in a state known only after apply; one
 * that looks at an object nothing creates finds nothing, as on the fresh host.
 */
@FunctionalInterface
public interface EarlierSteps {

    /** A plan that has created nothing yet. */
    EarlierSteps NONE = (module, name) -> false;

    boolean create(String module, String name);
}
