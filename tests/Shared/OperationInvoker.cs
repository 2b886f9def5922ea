using System.Reflection;

namespace ActionsGen.Testing;

/// <summary>
/// Calls every method of a generated client's groups by reflection, with arguments the spec allows: path values,
/// required parameters, a request body read from the spec's request example (or none when it is optional).
/// </summary>
internal static class OperationInvoker
{
    /// <summary>Each group method of <paramref name="client"/>: (group, method).</summary>
    public static IEnumerable<(object Group, MethodInfo Method)> Methods(object client) =>
        client.GetType().GetProperties()
            .Where(p => p.PropertyType.IsInterface && p.PropertyType.Name.EndsWith("Operations", StringComparison.Ordinal))
            .SelectMany(p => p.PropertyType.GetMethods().Select(m => (p.GetValue(client)!, m)));

    /// <summary>Calls <paramref name="method"/> and waits for what it returns (reading streams and page walks to the end).</summary>
    /// <param name="body">The request body for a method's body parameter of a type: null leaves an optional one out.</param>
    public static async Task<object?> CallAsync(object group, MethodInfo method, Func<MethodInfo, Type, object?> body)
    {
        var arguments = method.GetParameters().Select(p => Argument(p, t => body(method, t))).ToArray();
        var result = method.Invoke(group, arguments);
        switch (result)
        {
            case Task task:
                await task;
                var value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
                if (value is Stream stream)
                {
                    using var reader = new StreamReader(stream);
                    return await reader.ReadToEndAsync();
                }

                return value;
            case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } walk:
                var items = new List<object?>();
                var enumerator = walk.GetMethod("GetAsyncEnumerator")!.Invoke(result, new object[] { CancellationToken.None })!;
                var enumeratorType = typeof(IAsyncEnumerator<>).MakeGenericType(walk.GetGenericArguments());
                var moveNext = enumeratorType.GetMethod("MoveNextAsync")!;
                var current = enumeratorType.GetProperty("Current")!;
                while (await (ValueTask<bool>)moveNext.Invoke(enumerator, null)!)
                {
                    items.Add(current.GetValue(enumerator));
                }

                return items;
            default:
                return result;
        }
    }

    /// <summary>The operation's method name as the generator spells it: the operationId's last segment in PascalCase, plus Async.</summary>
    public static string MethodName(string operationId) =>
        string.Concat(operationId[(operationId.LastIndexOf('/') + 1)..].Split('-', '_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Async";

    /// <summary>A model of <paramref name="type"/> read from JSON with its generated reader.</summary>
    public static object Read(Type type, string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, type, new System.Text.Json.JsonSerializerOptions
        {
            TypeInfoResolver = (System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)type.Assembly
                .GetType(type.Namespace + ".ActionsJsonTypeInfoResolver", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!,
        })!;

    private static object? Argument(ParameterInfo parameter, Func<Type, object?> body)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (parameter.Name == "body")
        {
            return body(Nullable.GetUnderlyingType(type) ?? type);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        if (type == typeof(string))
        {
            return "octo-org";
        }

        if (type == typeof(long) || type == typeof(int))
        {
            return Convert.ChangeType(42, type);
        }

        // A union of integer and string (workflow_id): its implicit conversion from a file name.
        var fromString = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "op_Implicit" && m.GetParameters().Single().ParameterType == typeof(string));
        return fromString is not null
            ? fromString.Invoke(null, new object[] { "main.yml" })
            : throw new NotSupportedException($"{parameter.Member.Name}: no value for {parameter.Name} ({type})");
    }
}
