using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace ActionsGen.Package.Tests.Infrastructure;

/// <summary>
/// The platforms the package carries the runtime precompiled for (the <c>ActionsGenRuntimePlatform</c> items of
/// runtime/ActionsGen.Runtime/ActionsGen.Runtime.csproj), with the PE machine each image's native code is for.
/// </summary>
internal static class PrecompiledPlatforms
{
    // Outside Windows, ReadyToRun marks the machine for its OS.
    private const ushort Linux = 0x7B79;
    private const ushort Apple = 0x4644;

    public static readonly IReadOnlyDictionary<string, Machine> Machines = new Dictionary<string, Machine>
    {
        ["linux-x64"] = (Machine)((ushort)Machine.Amd64 ^ Linux),
        ["linux-arm64"] = (Machine)((ushort)Machine.Arm64 ^ Linux),
        ["osx-x64"] = (Machine)((ushort)Machine.Amd64 ^ Apple),
        ["osx-arm64"] = (Machine)((ushort)Machine.Arm64 ^ Apple),
        ["win-x64"] = Machine.Amd64,
        ["win-arm64"] = Machine.Arm64,
    };

    /// <summary>This machine's portable runtime identifier, the one the .NET host matches <c>runtimes/</c> folders against.</summary>
    public static string ThisMachine
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsLinux() ? "linux" : "unknown";
            return os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        }
    }
}
