package dev.switchboard.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;

import dev.switchboard.agent.internal.Schemas;
import dev.switchboard.core.ToolSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool: a {@link Tool}-annotated Java method, its function name, description and the JSON
 * Schema of its parameters. Immutable and thread-safe if the method is.
 *
 * <p>The schema is generated from the parameter types by victools' jsonschema-generator (draft
 * 2020-12, Jackson module, every sub-schema inlined): {@code String} → {@code string},
 * {@code int}/{@code long} → {@code integer}, {@code double}/{@code BigDecimal} → {@code number},
 * {@code boolean} → {@code boolean}, an enum → {@code string} with {@code enum}, a record or bean →
 * a nested {@code object}, a {@code List} → {@code array}. The whole is
 * {@code {"type":"object","properties":{...},"required":[...],"additionalProperties":false}}.
 *
 * <p>{@link #call(String)} checks the arguments against that schema (networknt's
 * json-schema-validator) before it converts them with Jackson and invokes the method.
 */
public final class FunctionTool {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final String name;
    private final String description;
    private final ObjectNode parameters;
    private final Schema schema;
    private final Duration timeout;
    private final Object target;
    private final Method method;

    private FunctionTool(String name, String description, Duration timeout, Object target, Method method) {
        this.name = name;
        this.description = description;
        this.timeout = timeout;
        this.target = target;
        this.method = method;
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.setAccessible(true); // a public method of a package-private class, e.g. in a test
        }
        this.parameters = Schemas.parametersOf(method);
        this.schema = Schemas.compile(parameters);
    }

    /**
     * Every public {@link Tool}-annotated method of {@code target}'s class (static ones included),
     * ordered by function name.
     *
     * @param target the object whose methods are called; for a class with only static tools any
     *               instance will do
     * @return the tools, at least one
     * @throws IllegalArgumentException if the class has no public {@code @Tool} method, a name is not
     *                                  {@code [a-zA-Z0-9_-]{1,64}}, two tools share a name, a
     *                                  description is blank or a timeout is negative
     */
    public static List<FunctionTool> fromObject(Object target) {
        Objects.requireNonNull(target, "target");
        List<FunctionTool> tools = new ArrayList<>();
        Method[] methods = target.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            Tool tool = method.getAnnotation(Tool.class);
            if (tool != null) {
                tools.add(of(tool, Modifier.isStatic(method.getModifiers()) ? null : target, method));
            }
        }
        if (tools.isEmpty()) {
            throw new IllegalArgumentException(target.getClass().getName() + " has no public @Tool method");
        }
        long distinct = tools.stream().map(FunctionTool::name).distinct().count();
        if (distinct != tools.size()) {
            throw new IllegalArgumentException(target.getClass().getName() + " has two @Tool methods with one name");
        }
        return List.copyOf(tools);
    }

    private static FunctionTool of(Tool tool, Object target, Method method) {
        String name = tool.name().isEmpty() ? method.getName() : tool.name();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' of " + method
                    + " must match [a-zA-Z0-9_-]{1,64}");
        }
        if (tool.value().isBlank()) {
            throw new IllegalArgumentException("@Tool on " + method + " needs a description");
        }
        if (tool.timeoutMillis() < 0) {
            throw new IllegalArgumentException("@Tool timeoutMillis of " + method + " is negative");
        }
        Duration timeout = tool.timeoutMillis() == 0 ? null : Duration.ofMillis(tool.timeoutMillis());
        return new FunctionTool(name, tool.value(), timeout, target, method);
    }

    /** The function name the model calls. */
    public String name() {
        return name;
    }

    /** The function's description, from {@link Tool#value()}. */
    public String description() {
        return description;
    }

    /** The JSON Schema of the arguments object, as JSON text. */
    public String parametersJson() {
        return parameters.toString();
    }

    /** This tool's own timeout from {@link Tool#timeoutMillis()}, or null to use the agent's. */
    public Duration timeout() {
        return timeout;
    }

    /** The tool as offered in a request's {@code tools}. */
    public ToolSpec spec() {
        return new ToolSpec(name, description, parametersJson());
    }

    /**
     * Checks the arguments, converts them and calls the method on this thread.
     *
     * @param argumentsJson the call's arguments, a JSON object as text ({@link dev.switchboard.core.ToolCall#arguments()})
     * @return the result for the model: a {@code String} result as it is, {@code "ok"} for
     *         {@code void}, anything else as JSON
     * @throws InvalidToolArgumentsException if the text is not JSON, does not match the schema, or a
     *                                       value cannot be converted to its parameter's type
     * @throws Exception                     whatever the method throws, unwrapped
     */
    public String call(String argumentsJson) throws Exception {
        JsonNode arguments;
        try {
            arguments = Schemas.JSON.readTree(argumentsJson);
        } catch (JacksonException notJson) {
            throw new InvalidToolArgumentsException("the arguments of '" + name + "' are not valid JSON: "
                    + notJson.getOriginalMessage(), List.of(notJson.getOriginalMessage()), notJson);
        }
        List<String> problems = Schemas.problems(schema, arguments);
        if (!problems.isEmpty()) {
            throw new InvalidToolArgumentsException("the arguments of '" + name + "' do not match its schema "
                    + parametersJson() + ": " + String.join("; ", problems), problems, null);
        }
        Object[] values = convert(arguments);
        try {
            Object result = method.invoke(target, values);
            if (method.getReturnType() == void.class) {
                return "ok";
            }
            return result instanceof String text ? text : Schemas.JSON.writeValueAsString(result);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private Object[] convert(JsonNode arguments) {
        Parameter[] declared = method.getParameters();
        Object[] values = new Object[declared.length];
        for (int i = 0; i < declared.length; i++) {
            JsonNode value = arguments.get(declared[i].getName());
            if (value == null || value.isNull()) {
                if (declared[i].getType().isPrimitive()) {
                    throw new InvalidToolArgumentsException("'" + declared[i].getName() + "' of '" + name
                            + "' is missing", List.of("'" + declared[i].getName() + "' is missing"), null);
                }
                continue;
            }
            try {
                values[i] = Schemas.JSON.treeToValue(value,
                        Schemas.JSON.getTypeFactory().constructType(declared[i].getParameterizedType()));
            } catch (JacksonException | IllegalArgumentException bad) {
                String problem = "'" + declared[i].getName() + "' cannot be read as "
                        + declared[i].getType().getSimpleName() + ": " + bad.getMessage();
                throw new InvalidToolArgumentsException("the arguments of '" + name + "' are invalid: " + problem,
                        List.of(problem), bad);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "FunctionTool[" + name + " " + parametersJson() + "]";
    }
}
