package dev.keyline.platform.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP methods that this service's JAX-RS resources take on each path, for the {@code Allow} header that a 405
 * must carry (RFC 9110, section 15.5.6). Quarkus REST sends its 405 without one.
 */
public final class ResourceMethods {

    /** A path template's parameter, such as {@code {id}} or {@code {name: [a-z]+}}, with its expression if any. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    private static volatile ResourceMethods scanned;

    private final List<Route> routes;

    private record Route(Pattern path, Set<String> methods) {}

    ResourceMethods(Collection<Class<?>> resourceClasses) {
        List<Route> found = new ArrayList<>();
        for (Class<?> resource : resourceClasses) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                found.add(new Route(pattern(template), Set.of(httpMethod)));
            }
        }
        this.routes = List.copyOf(found);
    }

    /** Returns the methods of the resource classes that are beans of the running application, read once. */
    public static ResourceMethods ofApplication() {
        ResourceMethods current = scanned;
        if (current == null) {
            List<Class<?>> classes = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                classes.add(bean.getBeanClass());
            }
            current = new ResourceMethods(classes);
            scanned = current;
        }
        return current;
    }

    /**
     * Returns the value of an {@code Allow} header for {@code path}, such as {@code GET, HEAD, OPTIONS}, or empty
     * text when no resource method matches the path. HEAD comes with GET and OPTIONS with any method, because Quarkus
     * REST responds to both by itself.
     */
    public String allowedOn(String path) {
        String normalized = path.startsWith("/") ? path : "/" + path;
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(normalized).matches()) {
                allowed.addAll(route.methods());
            }
        }
        if (allowed.isEmpty()) {
            return "";
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = "/" + strip(classPath) + (strip(methodPath).isEmpty() ? "" : "/" + strip(methodPath));
        return joined.equals("/") ? joined : joined.replaceAll("/+$", "");
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** Returns a pattern for a path template: a parameter matches its expression, or one segment without one. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int end = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(end, parameter.start())));
            regex.append(
                    parameter.group(1) == null
                            ? "[^/]+"
                            : "(?:" + parameter.group(1).strip() + ")");
            end = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(end))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
