using System.Collections.Concurrent;
using Contracts.Validation;

namespace Contracts.Emulator.Tests.Infrastructure;

/// <summary>
/// Validates every API answer passing through against its operation's response schema for the answer's status
/// (<see cref="ContractValidator"/>), and fails the request when it breaks the contract or its status is one the
/// spec does not declare. Media answers pass unchecked.
/// </summary>
internal sealed class ContractCheckingHandler(ContractValidator validator) : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<ValidationTarget> _checked = new();

    /// <summary>Every answer validated so far.</summary>
    public IReadOnlyCollection<ValidationTarget> Checked => _checked;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (SpecOperations.Find(request.Method.Method, request.RequestUri!.AbsolutePath) is not { } operation)
        {
            return response;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var target = ValidationTarget.Response(operation.Dialect, operation.OperationId, (int)response.StatusCode);
        ValidationResult result;
        try
        {
            result = await validator.ValidateAsync(body, target, cancellationToken);
        }
        catch (ContractValidationException exception)
        {
            throw new ContractBreachException($"{request.Method} {request.RequestUri.PathAndQuery}: {exception.Message}\n{body}");
        }
        if (!result.IsValid)
        {
            throw new ContractBreachException($"{request.Method} {request.RequestUri.PathAndQuery}: {result}\n{body}");
        }
        _checked.Enqueue(target);

        // The body was read; hand the caller an identical one.
        var replacement = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        replacement.Headers.ContentLength = null;
        response.Content = replacement;
        return response;
    }
}

/// <summary>The emulator answered something its spec does not allow.</summary>
internal sealed class ContractBreachException(string message) : Exception(message);

/// <summary>One validator for the whole test run: the specs are parsed once.</summary>
internal static class SharedValidator
{
    public static ContractValidator Instance { get; } = new(new ContractValidatorOptions
    {
        SpecsDirectory = Path.Combine(AppContext.BaseDirectory, "specs"),
    });
}
