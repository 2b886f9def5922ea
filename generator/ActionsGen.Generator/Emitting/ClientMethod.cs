using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>What one generated client method does with its operation.</summary>
internal enum ClientMethodKind
{
    Send,
    RedirectUrl,
    Download,
    All,
}

/// <summary>One method of a group interface and its implementation: an operation and what the method does with it.</summary>
internal sealed class ClientMethod
{
    public ClientMethod(OperationModel operation, ClientMethodKind kind)
    {
        Operation = operation;
        Kind = kind;
    }

    public OperationModel Operation { get; }

    public ClientMethodKind Kind { get; }

    public string Name => OperationNames.Async(Kind switch
    {
        ClientMethodKind.RedirectUrl => Operation.UrlName!,
        ClientMethodKind.All => Operation.Pagination!.AllName,
        _ => Operation.Name,
    });

    /// <summary>The parameters the method takes: all but <c>page</c> for a walk over every page.</summary>
    public IEnumerable<ParameterModel> Parameters =>
        Kind == ClientMethodKind.All ? Operation.Parameters.Where(p => p.Name != Operation.Pagination!.PageParameter) : Operation.Parameters;

    /// <summary>The methods an operation gets: one send, plus a page walk; or a URL method and a download for a redirect.</summary>
    public static IEnumerable<ClientMethod> Of(OperationModel operation)
    {
        if (operation.Result == ResultKind.Redirect)
        {
            yield return new ClientMethod(operation, ClientMethodKind.RedirectUrl);
            yield return new ClientMethod(operation, ClientMethodKind.Download);
            yield break;
        }

        yield return new ClientMethod(operation, ClientMethodKind.Send);
        if (operation.Pagination is not null)
        {
            yield return new ClientMethod(operation, ClientMethodKind.All);
        }
    }
}
