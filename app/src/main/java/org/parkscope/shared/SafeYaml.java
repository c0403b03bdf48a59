package org.parkscope.shared;

import java.io.Reader;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML from users (schemes, chains, clusters): plain data only (no types), and no structure that refers to itself
 * (an anchor inside its own alias, {@code &a [*a]}), which the loaders would otherwise follow for ever. Problems come as
 * {@link YAMLException}, which every loader already reports as "not valid YAML".
 */
public final class SafeYaml {

    /** Deeper than any file the loaders read; SnakeYAML itself stops at 50 levels of nesting. */
    private static final int MAX_DEPTH = 64;

    private SafeYaml() {}

    public static Object load(String yaml) {
        return checked(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    public static Object load(Reader yaml) {
        return checked(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    private static Object checked(Object root) {
        walk(root, new IdentityHashMap<>(), 0);
        return root;
    }

    private static void walk(Object node, Map<Object, Boolean> open, int depth) {
        if (!(node instanceof Map<?, ?>) && !(node instanceof Collection<?>)) {
            return;
        }
        if (depth > MAX_DEPTH || open.put(node, Boolean.TRUE) != null) {
            throw new YAMLException("a structure that contains itself (an anchor inside its own alias)");
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getKey(), open, depth + 1);
                walk(e.getValue(), open, depth + 1);
            }
        } else {
            for (Object o : (Collection<?>) node) {
                walk(o, open, depth + 1);
            }
        }
        open.remove(node);
    }
}
