using System.Globalization;
using System.Text;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The hint name of each generated file: <c>{namespace}.{type}.g.cs</c>. With <c>EmitCompilerGeneratedFiles</c> it is
/// a file name, which file systems cap at 255 bytes (past that the build fails with CS0016). A longer name keeps its
/// readable start and ends in a hash of the whole name (64-bit FNV-1a over its UTF-8): the same in every build and on
/// every machine, and as unique as the names are. The <c>-</c> before the hash is in no namespace or type name, so a
/// shortened name never equals a whole one. Only the file name is bounded; the type keeps its name.
/// </summary>
internal static class HintNames
{
    /// <summary>The most UTF-8 bytes a hint name has: GitHub's longest (127) stay whole, with room to spare below 255.</summary>
    public const int MaxBytes = 160;

    private const string Extension = ".g.cs";

    /// <summary>The hint name of the file that declares <paramref name="typeName"/> in <paramref name="ns"/>.</summary>
    public static string Of(string ns, string typeName)
    {
        var name = ns + "." + typeName;
        if (Encoding.UTF8.GetByteCount(name) + Extension.Length <= MaxBytes)
        {
            return name + Extension;
        }

        var hash = "-" + Fnv1a(Encoding.UTF8.GetBytes(name)).ToString("x16", CultureInfo.InvariantCulture);
        return Prefix(name, MaxBytes - hash.Length - Extension.Length) + hash + Extension;
    }

    // The longest start of name that fits in budget UTF-8 bytes, never splitting a surrogate pair.
    private static string Prefix(string name, int budget)
    {
        var end = 0;
        for (var bytes = 0; end < name.Length;)
        {
            var pair = char.IsHighSurrogate(name[end]) && end + 1 < name.Length && char.IsLowSurrogate(name[end + 1]);
            var size = pair ? 4 : name[end] < 0x80 ? 1 : name[end] < 0x800 ? 2 : 3;
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            end += pair ? 2 : 1;
        }

        return name.Substring(0, end);
    }

    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
