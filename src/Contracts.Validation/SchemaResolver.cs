using System.Globalization;
using NJsonSchema;
using NSwag;

namespace Contracts.Validation;

/// <summary>Finds the schema a target names in a parsed spec, with an error that says what exists instead.</summary>
internal static class SchemaResolver
{
    public static JsonSchema Resolve(OpenApiDocument document, ValidationTarget target, string specPath)
    {
        if (target.SchemaName is { } name)
        {
            return document.Components.Schemas.TryGetValue(name, out var component)
                ? component.ActualSchema
                : throw new ContractValidationException(
                    $"{Path.GetFileName(specPath)} has no schema '{name}'. Schemas: {string.Join(", ", document.Components.Schemas.Keys.Order(StringComparer.Ordinal))}.", specPath);
        }

        var operation = document.Operations.FirstOrDefault(o => o.Operation.OperationId == target.OperationId)?.Operation
            ?? throw new ContractValidationException(
                $"{Path.GetFileName(specPath)} has no operation '{target.OperationId}'. Operations: {string.Join(", ", document.Operations.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal))}.", specPath);

        if (target.IsRequest)
        {
            var body = operation.RequestBody
                ?? throw new ContractValidationException($"{target.Dialect} operation '{target.OperationId}' takes no request body.", specPath);
            return JsonSchemaOf(body.Content, $"{target.Dialect} {target.OperationId} request body", specPath);
        }

        var status = (target.Status ?? 200).ToString(CultureInfo.InvariantCulture);
        if (!operation.ActualResponses.TryGetValue(status, out var response))
        {
            throw new ContractValidationException(
                $"{target.Dialect} operation '{target.OperationId}' declares no {status} response. Statuses: {string.Join(", ", operation.ActualResponses.Keys)}.", specPath);
        }
        return JsonSchemaOf(response.ActualResponse.Content, $"{target.Dialect} {target.OperationId} response {status}", specPath);
    }

    private static JsonSchema JsonSchemaOf(IDictionary<string, OpenApiMediaType> content, string what, string specPath)
    {
        var media = content.FirstOrDefault(c => c.Key.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)).Value;
        return media?.Schema?.ActualSchema
            ?? throw new ContractValidationException($"The {what} has no application/json schema.", specPath);
    }
}
