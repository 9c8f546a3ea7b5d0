namespace Contracts.Validation;

/// <summary>What a payload is checked against: an operation's request body or response, or a named component schema.</summary>
public sealed record ValidationTarget
{
    private ValidationTarget(string dialect, string? operationId, bool isRequest, int? status, string? schemaName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialect);
        Dialect = dialect;
        OperationId = operationId;
        IsRequest = isRequest;
        Status = status;
        SchemaName = schemaName;
    }

    /// <summary>The dialect, named as its spec file without extension: <c>goamz-v3.5</c>, <c>goamz-v3.0</c>, <c>task</c>, <c>native-v2</c>.</summary>
    public string Dialect { get; }

    /// <summary>The operation (its <c>operationId</c>), or null for a component schema.</summary>
    public string? OperationId { get; }

    /// <summary>True for the operation's request body, false for one of its responses.</summary>
    public bool IsRequest { get; }

    /// <summary>The HTTP status of the response; null for a request body or a schema.</summary>
    public int? Status { get; }

    /// <summary>The component schema name, or null for an operation.</summary>
    public string? SchemaName { get; }

    /// <summary>The request body of <paramref name="operationId"/>.</summary>
    public static ValidationTarget Request(string dialect, string operationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        return new(dialect, operationId, isRequest: true, status: null, schemaName: null);
    }

    /// <summary>The response of <paramref name="operationId"/> with HTTP status <paramref name="status"/>.</summary>
    public static ValidationTarget Response(string dialect, string operationId, int status = 200)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        return new(dialect, operationId, isRequest: false, status, schemaName: null);
    }

    /// <summary>The component schema <c>#/components/schemas/<paramref name="schemaName"/></c>.</summary>
    public static ValidationTarget Schema(string dialect, string schemaName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaName);
        return new(dialect, operationId: null, isRequest: false, status: null, schemaName);
    }

    /// <inheritdoc />
    public override string ToString() => SchemaName is not null
        ? $"{Dialect} #/components/schemas/{SchemaName}"
        : IsRequest ? $"{Dialect} {OperationId} request" : $"{Dialect} {OperationId} response {Status}";
}
