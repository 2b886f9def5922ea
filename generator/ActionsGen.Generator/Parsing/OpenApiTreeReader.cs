using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Interface;
using SharpYaml.Serialization;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI document from a tree already built (<see cref="YamlScan.ReaderTree"/>) with the reader
/// <see cref="OpenApiStringReader"/> hands its SharpYaml tree to. That reader is internal in Microsoft.OpenApi.Readers
/// 1.x, so it is found by name through the public interface it implements; if a version of the package has no such
/// reader, or the tree reads with any error (whose position the reader takes from its own parse), the caller reads
/// the text instead, and every message stays as the text path gives it.
/// </summary>
internal static class OpenApiTreeReader
{
    private static readonly Type? ReaderType = FindReader();

    /// <summary>Reads <paramref name="tree"/>; false if it reads with any error or cannot be read this way (read the text instead).</summary>
    public static bool TryRead(YamlDocument tree, OpenApiReaderSettings settings, [NotNullWhen(true)] out OpenApiDocument? document, [NotNullWhen(true)] out OpenApiDiagnostic? diagnostic)
    {
        document = null;
        diagnostic = null;
        if (ReaderType is null)
        {
            return false;
        }

        try
        {
            var reader = (IOpenApiReader<YamlDocument, OpenApiDiagnostic>)Activator.CreateInstance(ReaderType, settings);
            var read = reader.Read(tree, out var readDiagnostic);
            if (read is null || readDiagnostic.Errors.Count > 0)
            {
                return false;
            }

            document = read;
            diagnostic = readDiagnostic;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private static Type? FindReader()
    {
        try
        {
            var type = typeof(OpenApiStringReader).Assembly.GetType("Microsoft.OpenApi.Readers.OpenApiYamlDocumentReader", throwOnError: false);
            return type is not null
                && typeof(IOpenApiReader<YamlDocument, OpenApiDiagnostic>).IsAssignableFrom(type)
                && type.GetConstructor(new[] { typeof(OpenApiReaderSettings) }) is not null
                ? type
                : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Whether this version of Microsoft.OpenApi.Readers has the reader (for a test that the fast path is taken).</summary>
    internal static bool Available => ReaderType is not null;
}
