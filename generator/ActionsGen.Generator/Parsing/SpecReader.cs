using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using YamlDotNet.Core;

namespace ActionsGen.Generator.Parsing;

/// <summary>Spec text → OpenAPI document, with every problem as a diagnostic at its line in the spec.</summary>
internal static class SpecReader
{
    internal static readonly Regex LinePointer = new("^#line=(?<line>[0-9]+)$", RegexOptions.CultureInvariant);

    internal sealed class Result
    {
        public OpenApiDocument? Document { get; set; }

        public YamlScan? Scan { get; set; }

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        /// <summary>Pointers of the operations (or whole paths) the reader found broken: they are left out.</summary>
        public HashSet<string> Skipped { get; } = new(StringComparer.Ordinal);
    }

    public static Result Read(SpecFile file)
    {
        // A byte-order mark that reached the text (the compiler usually strips it) is not part of the document.
        if (file.Text.Length > 0 && file.Text[0] == '\uFEFF')
        {
            file = file with { Text = file.Text.Substring(1) };
        }

        var result = new Result();
        if (string.IsNullOrWhiteSpace(file.Text))
        {
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, file.Path, SpecPosition.Start, file.Path, "the file is empty"));
            return result;
        }

        YamlScan scan;
        try
        {
            scan = YamlScan.Run(file.Text);
        }
        catch (YamlException e)
        {
            var position = new SpecPosition((int)Math.Max(e.Start.Line - 1, 0), (int)Math.Max(e.Start.Column - 1, 0));
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.SpecSyntaxError, file.Path, position, file.Path, Clean(e.Message)));
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet fails on some malformed input without a position; the OpenAPI reader's YAML parser
            // (SharpYaml) usually says where.
            result.Diagnostics.Add(SyntaxErrorFromOpenApiReader(file) ?? DiagnosticInfo.Create(Descriptors.SpecSyntaxError, file.Path, SpecPosition.Start, file.Path, Clean(e.Message)));
            return result;
        }

        result.Scan = scan;
        if (!scan.RootIsMapping || scan.OpenApiVersion is null)
        {
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, file.Path, SpecPosition.Start, file.Path, "it has no top-level 'openapi' field"));
            return result;
        }

        if (!scan.OpenApiVersion.StartsWith("3.0", StringComparison.Ordinal))
        {
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, file.Path, scan.Find("#/openapi"), file.Path, $"version '{scan.OpenApiVersion}' is not supported; use 3.0.x"));
            return result;
        }

        var settings = new OpenApiReaderSettings
        {
            ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
            RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
        };

        OpenApiDiagnostic? diagnostic;
        try
        {
            // The tree the JSON scan built spares the reader its own parse of the text; the text is read when there is
            // no tree or the tree reads with an error, so errors keep the text path's messages and lines.
            if (scan.ReaderTree is { } tree && OpenApiTreeReader.TryRead(tree, settings, out var document, out diagnostic))
            {
                result.Document = document;
            }
            else
            {
                result.Document = new OpenApiStringReader(settings).Read(scan.TextForReader, out diagnostic);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidOpenApi, file.Path, SpecPosition.Start, file.Path, Clean(e.Message)));
            result.Document = null;
            return result;
        }

        foreach (var external in scan.ExternalReferences)
        {
            result.Diagnostics.Add(DiagnosticInfo.Create(Descriptors.ExternalReference, file.Path, external.Position, external.Target, "the value is kept as raw JSON (JsonElement)"));
        }

        var errors = new ReaderErrors(file.Path, scan, result.Skipped);
        foreach (var error in diagnostic.Errors)
        {
            if (errors.ToDiagnostic(error.Pointer, error.Message) is { } info)
            {
                result.Diagnostics.Add(info);
            }
        }

        return result;
    }

    private static DiagnosticInfo? SyntaxErrorFromOpenApiReader(SpecFile file)
    {
        try
        {
            new OpenApiStringReader(new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() }).Read(file.Text, out var diagnostic);
            foreach (var error in diagnostic.Errors)
            {
                var line = LinePointer.Match(error.Pointer ?? string.Empty);
                if (line.Success)
                {
                    var position = new SpecPosition(Math.Max(int.Parse(line.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1, 0), 0);
                    return DiagnosticInfo.Create(Descriptors.SpecSyntaxError, file.Path, position, file.Path, Clean(error.Message));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing better to say than the first parser did.
        }

        return null;
    }

    // Messages go into a diagnostic format string argument: keep them on one line.
    internal static string Clean(string message) => message.Replace("\r", " ").Replace("\n", " ").Trim();
}
