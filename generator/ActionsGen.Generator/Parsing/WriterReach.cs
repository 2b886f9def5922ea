using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// Which types get JSON writing code: those a request body can hold (the body's type, and every type its properties,
/// items, map values and union cases reach), unless every type is asked for. A type only ever read from responses
/// keeps its reader and the runtime's converter; writing one says what to set instead (<c>Writers="all"</c>).
/// Enums write through the runtime for free, so they always can.
/// </summary>
internal static class WriterReach
{
    public static IEnumerable<TypeModel> Mark(IReadOnlyList<TypeModel> types, ClientModel client, bool all)
    {
        if (all)
        {
            return types;
        }

        var byName = types.ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        var reached = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(client.Groups.SelectMany(g => g.Operations).Where(o => o.Body is not null).Select(o => o.Body!.Type));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.Kind != TypeRefKind.Named || !reached.Add(type.Name!) || !byName.TryGetValue(type.Name!, out var model))
            {
                continue;
            }

            foreach (var property in model.Properties)
            {
                pending.Push(property.Type);
            }

            foreach (var @case in model.Cases)
            {
                pending.Push(@case.Type);
            }
        }

        return types.Select(t => t.Kind == TypeModelKind.Enum || reached.Contains(t.Name) ? t : t with { Writes = false });
    }
}
